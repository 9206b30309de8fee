"""The rep's data-controller duties in the desk: a Data menu and two member actions.

Why a menu of its own: a parent answering "what do you hold about me?" or "please delete me"
looks for one obvious place, not a command line. Each entry opens a dialog over the core
(subject_access, erasure, retention, backup), which does and audits the work on the window's
database thread; nothing here audits or decides anything itself.

Restore is the one duty that replaces the file under the window, so it closes both of the
window's connections (its own and the database thread's), lets the core restore on the database
thread, and reopens them, rather than copying over a store that open connections are using.
The window stays disabled, its panels hidden, meanwhile, so nothing reads its closed connection.
"""

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from rep_assistant.core.duties import backup, erasure
from rep_assistant.core.errors import RepError
from rep_assistant.core.progress import CancelFn, ProgressFn
from rep_assistant.core.store import Store
from rep_assistant.ui.file_dialogs import ask_open_path, ask_save_path
from rep_assistant.ui.models.roles import IdRole
from rep_assistant.ui.views.duty_words import count
from rep_assistant.ui.views.erase_dialog import EraseDialog
from rep_assistant.ui.views.member_export_dialog import MemberExportDialog
from rep_assistant.ui.views.purge_dialog import PurgeDialog
from rep_assistant.ui.views.restore_dialog import RestoreDialog
from rep_assistant.ui.workers.changes import OpChanges
from rep_assistant.ui.workers.runner import window_runner

if TYPE_CHECKING:
    from rep_assistant.ui.desk import Desk

BACKUP_FILTER = "Rep Assistant backups (*.sqlite3);;All files (*)"


def install_data_actions(window: "Desk") -> None:
    """Fill the Data menu and add export and erase to the members panel (the window calls this once)."""
    new = partial(window.new_action, menu="Data")
    window.members_panel.add_separator()
    new("export_member", "&Export everything held about a member…", lambda: export_member(window), icon_name="export",
        tip="Subject access: a web page and a data file of everything held about one person", member_label="Export their data")
    new("erase_member", "E&rase a member…", lambda: erase_member(window), icon_name="erase",
        tip="Remove one person's messages and name for good; your record of what you did stays", member_label="Erase")
    window.menu("Data").addSeparator()
    new("purge", "&Delete old messages (retention)…", lambda: purge_old_messages(window),
        tip="Delete message text older than your retention setting; what open incidents need is kept")
    window.menu("Data").addSeparator()
    new("backup", "&Back up the store…", lambda: back_up(window), tip="Save a checked copy of everything to a file")
    new("restore", "Re&store from a backup…", lambda: restore_from_backup(window),
        tip="Replace everything with a backup; the current store is kept beside it")


# -- subject access and erasure ---------------------------------------------------------------------

def _show(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _tell(window: "Desk", title: str, text: str) -> QMessageBox:
    """A result the rep should read once (non-modal, like the window's error messages)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def export_member(window: "Desk") -> MemberExportDialog:
    """Subject access for the selected member (or one chosen in the dialog)."""
    dialog = MemberExportDialog(window.store, window_runner(window), window.selected_member_id(), window)
    _show(dialog)
    return dialog


def erase_member(window: "Desk") -> EraseDialog:
    """Erasure of the selected member (or one chosen in the dialog), after the core's preview."""
    dialog = EraseDialog(window.store, window_runner(window), window.selected_member_id(), window)
    dialog.erased.connect(lambda plan: _on_erased(window, plan))
    _show(dialog)
    return dialog


def _on_erased(window: "Desk", plan: erasure.ErasurePlan) -> None:
    window.apply_changes(OpChanges.everything())
    text = window.tr("Erased: {messages} removed; they now appear as {pseudonym}.").format(
        messages=count(plan.messages, "message", "messages"), pseudonym=plan.member.pseudonym)
    if not plan.compacted:  # done all the same: only the rewrite of the file's free space waits
        text += " " + window.tr("The file's free space is overwritten the next time the store opens (it is in use now).")
    window.statusBar().showMessage(text, 15000)


# -- retention ----------------------------------------------------------------------------------------

def purge_old_messages(window: "Desk") -> PurgeDialog:
    """The retention dry run for the rep's setting, then the purge they confirm."""
    dialog = PurgeDialog(window_runner(window), int(window.settings["retention_days"]), window)
    dialog.purged.connect(lambda blanked: _on_purged(window, blanked))
    _show(dialog)
    return dialog


def _on_purged(window: "Desk", blanked: int) -> None:
    window.apply_changes(OpChanges.everything())
    window.statusBar().showMessage(window.tr("Deleted the text of {messages}.").format(
        messages=count(blanked, "message", "messages")), 15000)


# -- backup and restore -------------------------------------------------------------------------------

def back_up(window: "Desk") -> int | None:
    """Ask where, then let the core copy and record a consistent snapshot; returns the op id."""
    name = f"Rep Assistant backup {dt.datetime.now():%Y-%m-%d %H%M}.sqlite3"
    path = ask_save_path(window, window.tr("Back up the store"), name, window.tr(BACKUP_FILTER))
    if path is None:
        return None
    return window.run_op(window.tr("Backing up"), lambda store, _p, _c: backup.backup(store, path),
                         lambda info: _on_backed_up(window, info))


def _on_backed_up(window: "Desk", info: backup.BackupInfo) -> None:
    _tell(window, window.tr("Backup saved"), window.tr(
        "Saved {messages} and {entries} to {path}.\n\nIt holds other parents' personal data: keep it somewhere only "
        "you can reach (your own USB stick, not a shared drive). Photos from .zip exports are not in it.").format(
        messages=count(info.messages, "message", "messages"),
        entries=count(info.audit_entries, "audit-log entry", "audit-log entries"), path=info.path))


def restore_from_backup(window: "Desk") -> int | None:
    """Ask for the backup, let the core check it, then ask the rep to confirm; returns the check's op id."""
    path = ask_open_path(window, window.tr("Restore from a backup"), window.tr(BACKUP_FILTER))
    if path is None:
        return None
    return window.run_op(window.tr("Checking the backup"), lambda _store, _p, _c: backup.inspect(path),
                         lambda info: _confirm_restore(window, info))


def _confirm_restore(window: "Desk", info: backup.BackupInfo) -> RestoreDialog:
    dialog = RestoreDialog(info, window.store.path, window)
    dialog.restore_requested.connect(lambda path, keep: restore_in_window(window, path, keep_previous=keep))
    _show(dialog)
    return dialog


def restore_in_window(window: "Desk", backup_file: Path, *, keep_previous: bool = False) -> int | None:
    """Replace the window's store with ``backup_file`` while none of its connections is open.

    The window closes its own connection, is disabled (no key, menu or dialog of it can read the
    closed store) and hides its panels (nothing paints from it). The database thread closes its
    connection, runs the core's restore with its steps in the status bar, and reopens. The GUI
    thread never waits: the window reopens its connection and comes back when the operation has
    succeeded or failed. Returns the op id.
    """
    if window.worker.is_busy():
        window.show_error(RepError("Rep Assistant is still working on something (see the status bar); "
                                   "restore once it has finished."))
        return None
    store, actor = window.store, window.settings.actor

    def replace(worker_store: Store, progress: ProgressFn, _cancelled: CancelFn) -> backup.Restored:
        worker_store.close()
        try:
            return backup.restore(store.path, backup_file, actor=actor, keep_previous=keep_previous, progress=progress)
        finally:
            worker_store.reopen()

    panels = window.centralWidget()

    def reopened(then: Callable[[Any], None]) -> Callable[[Any], None]:
        def back(outcome: Any) -> None:
            try:
                store.reopen()
            finally:  # the rep gets the window back even if the store will not open
                window.statusBar().clearMessage()
                window.setEnabled(True)
                QApplication.restoreOverrideCursor()
            try:
                then(outcome)  # the panels re-read the restored store before they are shown again
            finally:
                panels.show()
        return back

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    window.setEnabled(False)
    panels.hide()  # hidden views neither paint nor lay out, so none of them reads a row lazily
    window.statusBar().showMessage(window.tr("Restoring: your chats come back once the backup is in place and checked."))
    store.close()
    return window.run_op(window.tr("Restoring the backup"), replace,
                         reopened(lambda result: _on_restored(window, result)), reopened(window.show_error))


def _on_restored(window: "Desk", result: backup.Restored) -> None:
    info = result.info
    chat_id = window.current_chat_id()
    window.refresh_chats()  # open_chat then re-reads every panel, once
    chats = window.chats_model
    if chat_id is None or chats.row_of(chat_id) is None:
        chat_id = chats.data(chats.index(0), IdRole) if chats.rowCount() else None
    window.open_chat(chat_id)
    text = window.tr("Restored {messages} and {entries} from {file}.").format(
        messages=count(info.messages, "message", "messages"),
        entries=count(info.audit_entries, "audit-log entry", "audit-log entries"), file=info.path.name)
    text += " " + result.summary()
    _tell(window, window.tr("Backup restored"), text)
