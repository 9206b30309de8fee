"""Settings from the desk: the dialog, saving on the database thread, and what a change sets off.

Why: a new policy, quiet hours or allow list changes what the scanner finds, and a rep who
changed them saw nothing happen until Ctrl+R. Now saving them re-checks the open chat in the
background (the rep's decisions are kept, as on any re-scan) and the status bar says so. The
Light / Dark / System choice applies at once and is kept with this computer's window settings.
"""

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from rep_assistant.ui import style
from rep_assistant.ui.desk import Desk
from rep_assistant.ui.views.settings_dialog import SettingsDialog
from rep_assistant.ui.window_geometry import window_settings
from rep_assistant.ui.workers import ops

#: Settings whose change alters what the scanner finds: the open chat is re-checked after saving.
RECHECK_SETTINGS = frozenset({"active_policy", "quiet_start", "quiet_end", "allow_list", "school_phone"})


class SettingsActions(QObject):
    def __init__(self, desk: Desk, rescan: Callable[[str], int | None]) -> None:
        super().__init__(desk)  # type: ignore[arg-type]  # the desk is the window
        self._desk = desk
        self._rescan = rescan

    def show(self) -> SettingsDialog:
        theme = str(window_settings().value("appearance/theme", "system"))
        dialog = SettingsDialog(self._desk.settings, str(self._desk.store.path), theme, self._desk)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save(dialog.changes(), dialog.theme()))
        dialog.open()
        return dialog

    def save(self, changes: dict[str, Any], theme: str | None = None) -> int | None:
        """Save what the rep changed (validated and audited by the core) and apply the theme."""
        if theme is not None:
            window_settings().setValue("appearance/theme", theme)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                style.set_theme(app, theme)
        if not changes:
            return None
        return self._desk.run_op(self.tr("Saving settings"), partial(ops.save, self._desk.settings, changes), self._on_saved)

    def _on_saved(self, changed: list[str]) -> None:
        desk = self._desk
        desk.worker.set_actor(desk.settings.actor)
        desk.store.actor = desk.settings.actor
        if RECHECK_SETTINGS.intersection(changed) and desk.current_chat_id() is not None:
            desk.statusBar().showMessage(self.tr("Settings saved; checking this chat again with them…"), 8000)
            self._rescan(self.tr("Checking the chat with the new settings"))
        elif changed:
            desk.statusBar().showMessage(self.tr("Settings saved."), 4000)
