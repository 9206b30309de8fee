"""The review desk's main window: chats on the left; review queue, conversation and members.

Signals:
    import_finished(chat_id): an export was imported and scanned.
    decision_saved(flag_id): a decision, undo or note on a flag is in the store.

Extending it (for the other areas' dialogs): menus are named File, Edit, Review, Act, Members,
Data, View and Help; ``new_action(name, text, slot, shortcut, icon_name, tip, menu="Act")`` makes a
QAction in one (shortcuts show in menus and tooltips), found later in ``actions_by_name[name]``; a
member action also gets ``member_label="Warn"``, its short text in the members panel. Read what the
rep is looking at with ``current_chat_id()``, ``selected_flag_id()`` and ``selected_member_id()``;
write through ``run_op()`` (the database thread) and call ``refresh()`` afterwards.
"""

import contextlib
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rep_assistant import APP_NAME, __version__
from rep_assistant.core import paths
from rep_assistant.core.errors import Cancelled
from rep_assistant.core.reviewing import review
from rep_assistant.core.settings import Settings, save_settings
from rep_assistant.core.store import Store
from rep_assistant.ui.data_duties import install_data_actions
from rep_assistant.ui.file_dialogs import ask_open_paths
from rep_assistant.ui.help_view import install_help_actions
from rep_assistant.ui.icons import icon
from rep_assistant.ui.incidents_view import install_act_actions
from rep_assistant.ui.models.chats_model import ChatsModel
from rep_assistant.ui.models.roles import IdRole
from rep_assistant.ui.views import layout
from rep_assistant.ui.views.audit_dialog import AuditDialog
from rep_assistant.ui.views.conversation_view import ConversationView
from rep_assistant.ui.views.error_dialog import show_error
from rep_assistant.ui.views.members_panel import MembersPanel
from rep_assistant.ui.views.review_panel import ReviewPanel
from rep_assistant.ui.views.settings_dialog import SettingsDialog
from rep_assistant.ui.workers import ops
from rep_assistant.ui.workers.db_worker import DbWorker, OpFn

MENU_NAMES = ("File", "Edit", "Review", "Act", "Members", "Data", "View", "Help")
EXPORT_SUFFIXES = (".txt", ".zip")
#: Progress appears only for operations that take longer than this (Anki's calm progress).
_PROGRESS_DELAY_MS = 300


class NoteDialog(QDialog):
    """A short free-text note on a flag or a member (non-modal, so the desk never blocks)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Note"))
        self.text.setPlaceholderText(self.tr("What you want to remember about this (kept in your store, never shared)."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(460, 220)


class MainWindow(QMainWindow):
    import_finished = Signal(int)
    decision_saved = Signal(int)

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._chat_id: int | None = None
        self._menus: dict[str, QMenu] = {}
        self._running_op: int | None = None
        #: Panels whose contents are out of date; each is re-read when its tab is shown, so
        #: opening a big chat reads only the queue (counting a million messages can wait).
        self._stale: set[QWidget] = set()
        self.actions_by_name: dict[str, QAction] = {}
        self.note_dialog: NoteDialog | None = None
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)

        self.worker = DbWorker(store.path, settings.actor, self)
        self.worker.op_started.connect(self._on_worker_op_started)
        self.worker.op_progress.connect(self._on_worker_op_progress)
        self.worker.op_finished.connect(self._on_worker_op_finished)

        self._build_central()
        self._build_status_bar()
        self._create_actions()
        self._create_menus()
        self._build_toolbar()
        self._restore_state()
        self._update_actions()
        install_act_actions(self)  # Act menu + member actions: drafts, incidents, register, bundles
        install_help_actions(self)  # Help > Rep Assistant Help (F1), Open the demo chat
        install_data_actions(self)  # Data menu + member actions: subject access, erasure, retention, backup/restore

    # -- public accessors (for the other areas' dialogs) ----------------------------------

    @property
    def store(self) -> Store:
        """The window's store connection; read from it freely, write through ``run_op``."""
        return self._store

    @property
    def settings(self) -> Settings:
        return self._settings

    def current_chat_id(self) -> int | None:
        return self._chat_id

    def selected_flag_id(self) -> int | None:
        return self.review_panel.selected_flag_id() if self._chat_id is not None else None

    def selected_member_id(self) -> int | None:
        return self.members_panel.selected_member_id() if self._chat_id is not None else None

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def run_op(self, label: str, fn: OpFn, on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None) -> int:
        """Run ``fn(store, progress, cancelled)`` on the database thread; errors are shown unless handled."""
        return self.worker.submit(label, fn, on_success, on_failure or self.show_error)

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(self.tr("Cancelled; nothing was changed."), 8000)
            return
        show_error(self, exc)

    @Slot()
    def refresh_members(self) -> None:
        """Re-read the members panel only (after a warning, removal or re-admission), keeping its selection."""
        if self._chat_id is None:
            return
        if self.tabs.currentWidget() is self.members_panel:
            self.members_panel.refresh()
        else:
            self._stale.add(self.members_panel)

    @Slot()
    def refresh(self) -> None:
        """Re-read everything shown (after another area wrote to the store)."""
        self.refresh_chats()
        if self._chat_id is not None:
            self.review_panel.refresh()
            self._stale.update((self.conversation, self.members_panel))
            self._load_shown_tab()

    # -- layout -----------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.chats_model = ChatsModel(self._store, self)
        self.chat_list = QListView(self)
        self.chat_list.setModel(self.chats_model)
        self.chat_list.setAccessibleName(self.tr("Chats"))
        self.chat_list.setToolTip(self.tr("Your chats, most recently imported first"))
        self.chat_list.setSpacing(3)
        self.chat_list.setWordWrap(True)
        self.chat_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chat_list.selectionModel().selectionChanged.connect(self._on_chat_list_selection_changed)
        chats_box = QWidget(self)
        chats_box.setMinimumWidth(160)  # a narrow window squeezed the chat names to "M… Cl… P…"
        chats_layout = QVBoxLayout(chats_box)
        chats_layout.setContentsMargins(6, 6, 0, 0)
        chats_title = QLabel(self.tr("<b>Chats</b>"), self)
        chats_layout.addWidget(chats_title)
        chats_layout.addWidget(self.chat_list, 1)

        self.review_panel = ReviewPanel(self._store, self)
        self.conversation = ConversationView(self._store, self)
        self.members_panel = MembersPanel(self._store, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.review_panel, icon("flag"), self.tr("Review queue"))
        self.tabs.addTab(self.conversation, icon("chat"), self.tr("Conversation"))
        self.tabs.addTab(self.members_panel, icon("members"), self.tr("Members"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.review_panel.flag_selected.connect(self._on_review_panel_flag_selected)

        self.empty_page = self._build_empty_page()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.tabs)

        self.splitter = layout.splitter(self, Qt.Orientation.Horizontal, "main_splitter", [(chats_box, 0), (self.stack, 1)])
        self.splitter.setSizes([250, 1030])
        self.setCentralWidget(self.splitter)

    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        art = QLabel(page)
        art.setPixmap(icon("drop").pixmap(96, 96))
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Drop a WhatsApp export here or use File ▸ Open"), page)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        hint = QLabel(self.tr(
            "In WhatsApp, open the class group ▸ ⋮ (or the group name on iPhone) ▸ More ▸ Export chat.\n"
            "A .txt or .zip file works; everything stays on this computer."), page)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setStyleSheet("font-size: 14px;")
        self.empty_open_button = QPushButton(icon("open"), self.tr("Open an export…"), page)
        self.empty_open_button.setAccessibleName(self.tr("Open an export"))
        self.empty_open_button.setMinimumHeight(36)
        self.empty_open_button.clicked.connect(self.choose_files)
        layout.addWidget(art)
        layout.addSpacing(12)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addWidget(self.empty_open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        return page

    def _build_status_bar(self) -> None:
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(260)
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QToolButton(self)
        self.cancel_button.setIcon(icon("cancel"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.setToolTip(self.tr("Stop; the store is left as it was before (Esc)"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the running operation"))
        self.cancel_button.clicked.connect(self.cancel_running)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(self._on_progress_timer_timeout)

    def new_action(self, name: str, text: str, slot: Callable[[], Any],
                   shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None, icon_name: str | None = None,
                   tip: str = "", menu: str | None = None, member_label: str | None = None) -> QAction:
        """A window-wide action (its shortcut works on every tab and shows in its tooltip), kept in
        ``actions_by_name`` and added to the menu named ``menu``; the slot never sees triggered's bool.
        With ``member_label`` it is also offered in the members panel under that short text (menus
        keep the full one).

        Every area's actions are made here, so they all look and behave alike in menus and toolbars;
        a name used twice is refused, so no area can install its actions twice or hide another's.
        """
        if name in self.actions_by_name:
            raise ValueError(f"there is already an action called {name!r}")
        action = QAction(self.tr(text), self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(self.tr(tip))
        action.triggered.connect(lambda _checked=False: slot())
        _describe_shortcut(action)
        self.addAction(action)
        self.actions_by_name[name] = action
        if menu is not None:
            self._menus[menu].addAction(action)
        if member_label is not None:
            action.setIconText(self.tr(member_label))
            self.members_panel.add_action(action)
        return action

    def _create_actions(self) -> None:
        a = self.new_action
        a("open", "&Open export…", self.choose_files, QKeySequence.StandardKey.Open, "open", "Import a WhatsApp export (.txt or .zip)")
        a("settings", "&Settings…", self.show_settings, "Ctrl+,", "settings", "Your name, the school, the policy, quiet hours")
        a("quit", "&Quit", self.close, QKeySequence.StandardKey.Quit)
        a("undo", "&Undo last decision", self.undo_last, QKeySequence.StandardKey.Undo, "undo", "Undo the last decision in this chat")
        a("search", "&Find in chat", self.focus_search, "/", "search", "Search every message of this chat")
        a("next", "&Next flag", self.review_panel.select_next, "J", None, "Go to the next flag in the queue")
        a("previous", "&Previous flag", self.review_panel.select_previous, "K", None, "Go to the previous flag in the queue")
        a("confirm", "&Confirm", partial(self.decide, "confirmed"), "C", "confirm", "It breaks the policy: keep it on record")
        a("dismiss", "&Dismiss (false alarm)", partial(self.decide, "dismissed"), "D", "dismiss", "Not a breach: it stays dismissed after re-scans")
        a("snooze", "&Snooze until tomorrow", partial(self.decide, "snoozed"), "S", "snooze", "Hide it until tomorrow morning")
        a("note", "Add &note…", self.add_note_to_flag, "N", "note", "Write a note on this flag")
        a("show_in_chat", "Show in &conversation", self.show_flag_in_conversation, "G", "chat", "Jump to the flagged message in the conversation")
        a("rescan", "&Re-scan chat", self.rescan_chat, "Ctrl+R", None, "Check the whole chat again against the active policy")
        a("member_note", "Add note about &member…", self.add_note_to_member, None, "note", "Write a note about the selected member",
          member_label="Add note")
        a("member_flags", "Show member's &flags", self.show_member_flags, None, "flag", "Filter the review queue to this member",
          member_label="Show flags")
        a("view_review", "&Review queue", partial(self.tabs.setCurrentIndex, 0), "Ctrl+1", "flag")
        a("view_conversation", "&Conversation", partial(self.tabs.setCurrentIndex, 1), "Ctrl+2", "chat")
        a("view_members", "&Members", partial(self.tabs.setCurrentIndex, 2), "Ctrl+3", "members")
        a("audit", "&Audit log…", self.show_audit_log, "Ctrl+L", "audit", "What was done, when and by whom; verify it is intact")
        a("about", "&About Rep Assistant", self.show_about)

    def _create_menus(self) -> None:
        """Every menu in one place, in the order the menu bar shows them."""
        bar = self.menuBar()
        for name in MENU_NAMES:
            self._menus[name] = bar.addMenu(self.tr("&" + name))
            self._menus[name].setToolTipsVisible(True)
        by = self.actions_by_name
        file_menu = self._menus["File"]
        file_menu.addAction(by["open"])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent chat"))
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        file_menu.addSeparator()
        file_menu.addAction(by["settings"])
        file_menu.addSeparator()
        file_menu.addAction(by["quit"])
        self._menus["Edit"].addActions([by["undo"], by["search"]])
        review_menu = self._menus["Review"]
        review_menu.addActions([by["next"], by["previous"]])
        review_menu.addSeparator()
        review_menu.addActions([by["confirm"], by["dismiss"], by["snooze"], by["note"]])
        review_menu.addSeparator()
        review_menu.addActions([by["show_in_chat"], by["rescan"]])
        self._menus["Members"].addActions([by["member_note"], by["member_flags"]])
        view_menu = self._menus["View"]
        view_menu.addActions([by["view_review"], by["view_conversation"], by["view_members"]])
        view_menu.addSeparator()
        view_menu.addAction(by["audit"])
        self._menus["Help"].addAction(by["about"])

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        by = self.actions_by_name
        toolbar.addAction(by["open"])
        toolbar.addSeparator()
        for name in ("confirm", "dismiss", "snooze", "note", "undo"):
            toolbar.addAction(by[name])
        toolbar.addSeparator()
        toolbar.addAction(by["audit"])
        toolbar.addAction(by["settings"])
        self.addToolBar(toolbar)
        for name in ("confirm", "dismiss", "snooze", "note", "show_in_chat"):
            self.review_panel.toolbar.addAction(by[name])

    # -- state -----------------------------------------------------------------------------

    def _qsettings(self) -> QSettings:
        path = paths.config_dir() / "window.ini"
        with contextlib.suppress(OSError):  # Qt keeps the mode of the file it rewrites; unwritable, it saves nothing
            paths.create_private_file(path)
        return QSettings(str(path), QSettings.Format.IniFormat)

    def _splitters(self) -> list[QSplitter]:
        return [s for s in self.findChildren(QSplitter) if s.objectName()]

    def _restore_state(self) -> None:
        state = self._qsettings()
        geometry = state.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for splitter in self._splitters():
            value = state.value(f"splitters/{splitter.objectName()}")
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        self.refresh_chats()
        last = state.value("window/last_chat")
        chat_id = int(last) if last not in (None, "") else None
        if chat_id is None or self.chats_model.row_of(chat_id) is None:
            chat_id = self.chats_model.data(self.chats_model.index(0), IdRole) if self.chats_model.rowCount() else None
        self.open_chat(chat_id)
        self.tabs.setCurrentIndex(int(state.value("window/tab", 0) or 0))

    def save_state(self) -> None:
        state = self._qsettings()
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/tab", self.tabs.currentIndex())
        state.setValue("window/last_chat", self._chat_id if self._chat_id is not None else "")
        for splitter in self._splitters():
            state.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        self.worker.shutdown()
        super().closeEvent(event)

    # -- chats --------------------------------------------------------------------------------

    def refresh_chats(self) -> None:
        """Re-read the chat list (names, what is left to review), keeping the open chat selected."""
        blocked = self.chat_list.selectionModel().blockSignals(True)
        self.chats_model.refresh()
        row = self.chats_model.row_of(self._chat_id) if self._chat_id is not None else None
        if row is not None:
            self.chat_list.setCurrentIndex(self.chats_model.index(row))
        self.chat_list.selectionModel().blockSignals(blocked)

    def open_chat(self, chat_id: int | None) -> None:
        """Show ``chat_id`` in every panel (None: the empty state)."""
        self._chat_id = chat_id
        row = self.chats_model.row_of(chat_id) if chat_id is not None else None
        blocked = self.chat_list.selectionModel().blockSignals(True)
        if row is not None:
            self.chat_list.setCurrentIndex(self.chats_model.index(row))
        else:
            self.chat_list.clearSelection()
        self.chat_list.selectionModel().blockSignals(blocked)
        self.stack.setCurrentWidget(self.tabs if chat_id is not None else self.empty_page)
        self.review_panel.set_chat(chat_id)
        self._stale.update((self.conversation, self.members_panel))
        self._load_shown_tab()
        name = self.chats_model.data(self.chats_model.index(row)) if row is not None else None
        self.setWindowTitle(f"{name.splitlines()[0]} — {APP_NAME}" if name else APP_NAME)
        self._update_actions()

    def _load_shown_tab(self) -> None:
        panel = self.tabs.currentWidget()
        if panel in self._stale:
            self._stale.discard(panel)
            if panel is self.conversation:
                self.conversation.set_chat(self._chat_id)
            elif panel is self.members_panel:
                self.members_panel.set_chat(self._chat_id)

    def _update_actions(self) -> None:
        has_chat = self._chat_id is not None
        has_flag = has_chat and self.review_panel.selected_flag_id() is not None
        for name in ("confirm", "dismiss", "snooze", "note", "show_in_chat"):
            self.actions_by_name[name].setEnabled(has_flag)
        for name in ("undo", "search", "next", "previous", "rescan", "member_note", "member_flags"):
            self.actions_by_name[name].setEnabled(has_chat)

    # -- opening exports ------------------------------------------------------------------------

    @Slot()
    def choose_files(self) -> None:
        files = ask_open_paths(self, self.tr("Open a WhatsApp export"), self.tr("WhatsApp exports (*.txt *.zip);;All files (*)"))
        if files:
            self.open_files(files)

    def open_files(self, files: Sequence[Path]) -> list[int]:
        """Import and scan each export on the database thread; returns the op ids."""
        return [self.run_op(self.tr("Importing {name}").format(name=path.name),
                            partial(ops.import_and_scan, path, self._settings),
                            self._on_import_succeeded)
                for path in files]

    def prepare_demo(self) -> int:
        """Open the bundled demo chat (imported and scanned on first use)."""
        return self.run_op(self.tr("Preparing the demo chat"), ops.prepare_demo, self._on_demo_prepared)

    def rescan_chat(self) -> int | None:
        if self._chat_id is None:
            return None
        return self.run_op(self.tr("Scanning the chat"), partial(ops.scan, self._chat_id, self._settings),
                           lambda _result: self.refresh())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(url.toLocalFile().lower().endswith(EXPORT_SUFFIXES) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.toLocalFile().lower().endswith(EXPORT_SUFFIXES)]
        if files:
            event.acceptProposedAction()
            self.open_files(files)

    def _on_import_succeeded(self, result: ops.ImportOutcome) -> None:
        self.refresh_chats()
        self.open_chat(result.chat_id)
        if result.already_imported:
            summary = self.tr("{chat}: this export was already imported; nothing new.").format(chat=result.chat_name)
        else:
            summary = self.tr("{chat}: {added} new messages, {flags} new flags to review.").format(
                chat=result.chat_name, added=result.added, flags=result.flags_new)
        self.statusBar().showMessage(summary, 10000)
        self.import_finished.emit(result.chat_id)

    def _on_demo_prepared(self, chat_id: int) -> None:
        self.refresh_chats()
        self.open_chat(chat_id)
        self.statusBar().showMessage(self.tr("This is the demo chat: made-up parents, every kind of breach."), 10000)

    # -- decisions -----------------------------------------------------------------------------------

    def decide(self, status: str) -> int | None:
        """Record a decision on the selected flag and move on to the next one."""
        flag_id = self.selected_flag_id()
        if flag_id is None:
            self.statusBar().showMessage(self.tr("Select a flag first."), 4000)
            return None
        until = review.snooze_until_tomorrow() if status == "snoozed" else None
        op = self.run_op(self.tr("Saving decision"), partial(ops.set_status, flag_id, status, until),
                         lambda _r: self._on_decision_saved(flag_id))
        self.review_panel.select_next()
        return op

    def undo_last(self) -> int | None:
        if self._chat_id is None:
            return None
        return self.run_op(self.tr("Undoing"), partial(ops.undo_last, self._chat_id), self._on_undone)

    def add_note_to_flag(self) -> None:
        flag_id = self.selected_flag_id()
        if flag_id is not None:
            self._ask_note(self.tr("Note on this flag"), partial(ops.add_note, flag_id=flag_id, member_id=None),
                           lambda _r: self._on_decision_saved(flag_id))

    def add_note_to_member(self) -> None:
        member_id = self.selected_member_id()
        if member_id is None:
            self.statusBar().showMessage(self.tr("Select a member first (View ▸ Members)."), 4000)
            return
        self._ask_note(self.tr("Note about this member"), partial(ops.add_note, flag_id=None, member_id=member_id),
                       lambda _r: self.members_panel.refresh())

    def _ask_note(self, title: str, op: Callable[..., Any], done: Callable[[Any], None]) -> None:
        dialog = NoteDialog(title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.run_op(self.tr("Saving note"), partial(op, dialog.text.toPlainText()), done))
        dialog.finished.connect(self._on_note_dialog_finished)
        self.note_dialog = dialog
        dialog.open()

    def _on_note_dialog_finished(self, _result: int) -> None:
        self.note_dialog = None

    def _on_decision_saved(self, flag_id: int) -> None:
        self.review_panel.refresh_flag(flag_id)
        self.refresh_chats()
        self.conversation.model.invalidate_rows()
        self._stale.add(self.members_panel)
        self.decision_saved.emit(flag_id)

    def _on_undone(self, result: dict[str, Any] | None) -> None:
        if result is None:
            self.statusBar().showMessage(self.tr("Nothing to undo in this chat."), 4000)
            return
        self.review_panel.refresh()
        self.review_panel.select_flag(result["flag_id"])
        self._on_decision_saved(result["flag_id"])
        self.statusBar().showMessage(self.tr("Undone: the flag is back to {status}.").format(status=result["status"]), 6000)

    # -- other views -------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.conversation)
        self.conversation.focus_search()

    def show_flag_in_conversation(self) -> None:
        flag_id = self.selected_flag_id()
        if flag_id is None:
            return
        message_id = review.flag_detail(self._store, flag_id).get("message_id")
        if message_id:
            self.tabs.setCurrentWidget(self.conversation)
            self.conversation.jump_to_message(message_id)

    def show_member_flags(self) -> None:
        member_id = self.selected_member_id()
        if member_id is not None:
            self.review_panel.set_filters(status="All", member_id=member_id)
            self.tabs.setCurrentWidget(self.review_panel)

    def show_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self._settings, str(self._store.path), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save_settings(dialog.changes()))
        dialog.open()
        return dialog

    def save_settings(self, changes: dict[str, Any]) -> int | None:
        if not changes:
            return None
        settings = self._settings
        return self.run_op(self.tr("Saving settings"), lambda store, _p, _c: save_settings(settings, changes, store),
                           self._on_settings_saved)

    def _on_settings_saved(self, changed: list[str]) -> None:
        self.worker.set_actor(self._settings.actor)
        self._store.actor = self._settings.actor
        if changed:
            self.statusBar().showMessage(self.tr("Settings saved."), 4000)

    def show_audit_log(self) -> AuditDialog:
        dialog = AuditDialog(self._store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Rep Assistant"), self.tr(
            "<h3>Rep Assistant {version}</h3><p>An offline helper for class representatives: it reads your class chat's "
            "export, points out messages that may break the school's code of conduct, and keeps a record of what you decided."
            "</p><p>It never connects to the internet.</p>").format(version=__version__))

    # -- progress ----------------------------------------------------------------------------------

    def cancel_running(self) -> None:
        self.worker.cancel(self._running_op)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self._running_op is not None:
            self.cancel_running()
            return
        super().keyPressEvent(event)

    @Slot(int, str)
    def _on_worker_op_started(self, op_id: int, label: str) -> None:
        self._running_op = op_id
        self.progress_label.setText(label + "…")
        self.progress_bar.setRange(0, 0)
        self._progress_timer.start(_PROGRESS_DELAY_MS)

    @Slot(int, int, int, str)
    def _on_worker_op_progress(self, op_id: int, done: int, total: int, label: str) -> None:
        if op_id != self._running_op:
            return
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
        if label:
            self.progress_label.setText(label)

    @Slot(int)
    def _on_worker_op_finished(self, op_id: int) -> None:
        if op_id != self._running_op:
            return
        self._running_op = None
        self._progress_timer.stop()
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.hide()

    @Slot()
    def _on_progress_timer_timeout(self) -> None:
        if self._running_op is not None:
            for widget in (self.progress_label, self.progress_bar, self.cancel_button):
                widget.show()

    # -- selection -------------------------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def _on_chat_list_selection_changed(self, *_: object) -> None:
        index = self.chat_list.currentIndex()
        chat_id = index.data(IdRole) if index.isValid() else None
        if chat_id != self._chat_id:
            self.open_chat(chat_id)

    @Slot(int)
    def _on_review_panel_flag_selected(self, _flag_id: int) -> None:
        self._update_actions()

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        self._load_shown_tab()

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        for row in range(min(self.chats_model.rowCount(), 10)):
            index = self.chats_model.index(row)
            action = self.recent_menu.addAction(index.data(), partial(self.open_chat, index.data(IdRole)))
            action.setIcon(icon("chat"))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No chats yet")).setEnabled(False)


def _describe_shortcut(action: QAction) -> None:
    """Put the shortcut in the tooltip too, so the keyboard way is visible wherever the action is."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = action.toolTip() or action.text().replace("&", "").rstrip("…")
    if keys and f"({keys})" not in tip:
        action.setToolTip(f"{tip} ({keys})")
