"""What the desk's areas (Act, Data, Help menus) may use of the main window: a small protocol.

Why a protocol and not ``MainWindow``: the areas used to import the window for their type hints
while the window imported them to install their menus, a cycle through seven files that made
every change to the window a change to all of them. Now they name only what they use, and the
window is one thing that provides it (tests may hand them another).

Reading: ``store`` (the window's read connection), ``settings``, ``current_chat_id()``,
``selected_flag_ids()`` (the flags of the message the rep sees; ``selected_flag_id()`` the first),
``selected_member_id()``. Writing: ``run_op(label, fn, on_success)`` on
the database thread; an ``fn`` that returns ``workers.changes.Done`` has every panel redraw what
changed, and ``apply_changes`` does the same for a change made some other way.
"""

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.ui.models.chats_model import ChatsModel
from rep_assistant.ui.views.members_panel import MembersPanel
from rep_assistant.ui.workers.changes import OpChanges
from rep_assistant.ui.workers.db_worker import DbWorker, OpFn


class Desk(Protocol):
    #: Emits OpChanges after every operation that changed the store (connect a dialog's ``on_changes``).
    changed: SignalInstance
    worker: DbWorker
    members_panel: MembersPanel
    chats_model: ChatsModel

    @property
    def store(self) -> Store: ...

    @property
    def settings(self) -> Settings: ...

    def current_chat_id(self) -> int | None: ...

    def selected_flag_id(self) -> int | None: ...

    def selected_flag_ids(self) -> list[int]: ...

    def selected_member_id(self) -> int | None: ...

    def menu(self, name: str) -> QMenu: ...

    def new_action(self, name: str, text: str, slot: Callable[[], Any],
                   shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None, icon_name: str | None = None,
                   tip: str = "", menu: str | None = None, member_label: str | None = None) -> QAction: ...

    def run_op(self, label: str, fn: OpFn, on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None) -> int: ...

    def apply_changes(self, changes: OpChanges) -> None: ...

    def show_error(self, exc: BaseException) -> None: ...

    def open_chat(self, chat_id: int | None) -> None: ...

    def refresh_chats(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name

    def setEnabled(self, enabled: bool) -> None: ...  # noqa: N802 - Qt's name (restore disables the window)

    def centralWidget(self) -> QWidget: ...  # noqa: N802 - Qt's name (restore hides the panels)

    def tr(self, text: str) -> str: ...

    def findChildren(self, kind: type[Any]) -> list[Any]: ...  # noqa: N802 - Qt's name
