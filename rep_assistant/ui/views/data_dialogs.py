"""Dialogs for the rep's duties as data controller: subject access, erasure, retention, restore.

Why dialogs that only describe: every duty is done by the core (which also audits it); these
show the core's own preview or plan in words a parent reads once and understands, ask for the
confirmation the step deserves, and hand the work to the runner (the window's database
thread). They never open modal loops: each is shown with ``open()`` and reports by signals.

Signals:
    MemberExportDialog.exported(html_path, json_path): the two files are written.
    EraseDialog.preview_ready(plan), EraseDialog.erased(plan): the core's ErasurePlan.
    PurgeDialog.plan_ready(plan), PurgeDialog.purged(count): the core's PurgePlan, messages blanked.
    RestoreDialog.restore_requested(path): the rep confirmed replacing the store with the backup.
"""

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.duties import erasure, retention, subject_access
from rep_assistant.core.duties.backup import BackupInfo
from rep_assistant.core.reviewing.members import members_to_choose
from rep_assistant.core.store import Store
from rep_assistant.ui.file_dialogs import ask_save_path
from rep_assistant.ui.views.layout import read_only_table, wrapped
from rep_assistant.ui.workers.runner import Runner, owned_by

#: What the rep would call the places erasure rewrites, by table (singular, plural).
_PLACES = {
    "messages": ("other message", "other messages"),
    "flags": ("flag", "flags"),
    "incidents": ("incident", "incidents"),
    "incident_actions": ("incident record", "incident records"),
    "notes": ("note", "notes"),
    "member_events": ("register entry", "register entries"),
    "chats": ("chat name", "chat names"),
    "imports": ("export file name", "export file names"),
    "media": ("photo name", "photo names"),
}
_OTHER_PLACE = ("other stored text", "other stored texts")


# -- words -------------------------------------------------------------------------------------

def count(n: int, singular: str, plural: str) -> str:
    return f"{n:,} {singular if n == 1 else plural}"


def listing(parts: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def day(ts: str) -> str:
    """A message time as a parent writes a date: 3 May 2025."""
    try:
        when = dt.date.fromisoformat(ts[:10])
    except ValueError:
        return ts
    return f"{when.day} {when:%b %Y}"


def describe_erasure(plan: erasure.ErasurePlan) -> str:
    """The core's erasure preview as the paragraphs the rep confirms."""
    member = plan.member
    removed = [count(plan.messages, "message", "messages") + f" by {member.name}"]
    if plan.media_files:
        removed.append(count(plan.media_files, "photo or file", "photos or files") + " only they sent")
    if plan.notes:
        removed.append(count(plan.notes, "note", "notes") + " of yours about them")
    if plan.register_reasons:
        removed.append("the reasons you wrote on " + count(plan.register_reasons, "register entry", "register entries"))
    if plan.exports:
        removed.append(count(len(plan.exports), "export", "exports") + " about them saved in Rep Assistant's data folder")
    places: dict[tuple[str, str], int] = {}
    for key, n in plan.mentions.items():
        noun = _PLACES.get(key.split(".")[0], _OTHER_PLACE)
        places[noun] = places.get(noun, 0) + n
    sentence = "This will permanently remove " + listing(removed)
    if places:
        sentence += ("," if len(removed) > 1 else "") + (f" and replace their name with '{member.pseudonym}' in "
                     + listing([count(n, *noun) for noun, n in sorted(places.items(), key=lambda item: -item[1])]))
    paragraphs = [sentence + "."]
    others = len(plan.member_ids) - 1
    if others:
        paragraphs.append(f"The same name also posts in {count(others, 'other chat', 'other chats')}; "
                          "they are erased there too (a person is the same person in every chat).")
    kept = f"Your {count(plan.flags, 'flag', 'flags')} on their messages, and your " if plan.flags else "Your "
    paragraphs.append(kept + f"decisions, incidents, warnings and removals stay on record under '{member.pseudonym}'"
                      + (", without the words the flags quoted." if plan.flags else "."))
    if plan.open_incidents:
        paragraphs.append(f"Careful: {count(plan.open_incidents, 'open incident involves', 'open incidents involve')} "
                          "their messages, and the school may still need them. Export the incident bundle first if so.")
    paragraphs.append("In your notes and reasons their first name alone is replaced too when no one else has it; "
                      "elsewhere a first name or nickname on its own is left as it is. Files you saved elsewhere or "
                      "already gave away (bundles, exports, backups) are outside Rep Assistant and are not changed.")
    paragraphs.append("The audit log keeps a record that you did this, without their name. This cannot be undone.")
    return "\n\n".join(paragraphs)


def describe_retention_setting(days: int) -> str:
    if not days:
        return ("Your retention setting keeps everything until you choose (File ▸ Settings). "
                "You can still delete old message text now:")
    return (f"Your retention setting keeps message text for {count(days, 'day', 'days')} (File ▸ Settings). "
            "This deletes the text older than that:")


def describe_purge(plan: retention.PurgePlan) -> str:
    if not plan.total and not plan.kept_for_incidents:
        return f"No message text from before {day(plan.cutoff)} is held. Nothing to delete."
    lines = [f"Message text from before {day(plan.cutoff)}: "
             + (count(plan.total, "message", "messages") + " in " + count(len(plan.chats), "chat", "chats")
                if plan.total else "nothing to delete") + "."]
    if plan.kept_for_incidents:
        lines.append(f"{count(plan.kept_for_incidents, 'message is', 'messages are')} kept because an open incident "
                     "needs them (with five messages either side); they go once the incident is resolved.")
    return "\n".join(lines)


def describe_backup(info: BackupInfo) -> str:
    return (f"This backup was checked and is intact: it holds {count(info.messages, 'message', 'messages')} and "
            f"{count(info.audit_entries, 'audit-log entry', 'audit-log entries')}, and its audit log has not been altered.")


def export_file_name(name: str) -> str:
    """A file name from a person's name, without the characters some systems refuse."""
    safe = re.sub(r"[^\w +.-]+", "_", name).strip(" ._") or "member"
    return f"Data held about {safe}.html"


# -- choosing a member ---------------------------------------------------------------------------

class MemberCombo(QComboBox):
    """Members as "Name (chat)": the member selected in the desk, or nobody until the rep picks one.

    Never someone else by default, so an erasure cannot start on the wrong person.
    """

    def __init__(self, store: Store, member_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Member"))
        self.setPlaceholderText(self.tr("Choose a member"))
        for choice in members_to_choose(store):
            self.addItem(f"{choice['name']}  ({choice['chat']})", choice)
        self.setCurrentIndex(next((i for i in range(self.count()) if self.itemData(i)["id"] == member_id), -1))
        self.setMinimumContentsLength(28)

    def choice(self) -> dict[str, Any] | None:
        return self.currentData()


def _destructive(button: QPushButton) -> None:
    """Red while it can be pressed; the padding applies in every state, so the size fits the text."""
    button.setStyleSheet("QPushButton { padding: 4px 14px; } "
                         "QPushButton:enabled { color: white; background: #b3261e; border: 1px solid #8c1d18; border-radius: 3px; }")


# -- subject access -------------------------------------------------------------------------------

class MemberExportDialog(QDialog):
    exported = Signal(Path, Path)

    def __init__(self, store: Store, run: Runner, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = owned_by(run, self)
        self.setWindowTitle(self.tr("Export everything held about a member"))
        self.members = MemberCombo(store, member_id, self)
        self.saved_label = wrapped("", self)
        self.saved_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(self.tr("Choose where to save…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.save_button.setEnabled(self.members.choice() is not None)
        self.members.currentIndexChanged.connect(self._on_members_current_index_changed)
        self.open_folder_button = buttons.addButton(self.tr("Open the folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.hide()
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Member:"), self.members)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(self.tr(
            "When someone asks what you hold about them (a subject access request), give them these files. "
            "They cover the person in every chat where their name posts: their messages, group events naming them, "
            "flags on their messages and your decisions, notes, warnings and removals, incidents, and the audit "
            "entries about them."), self))
        layout.addLayout(form)
        layout.addWidget(wrapped(self.tr(
            "Two files are saved side by side: a web page (.html) that opens in any browser, and the same in a "
            "form a computer reads (.json). Only you can open them on this computer until you hand them over."), self))
        layout.addWidget(self.saved_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 300)
        self._folder: Path | None = None

    def export_to(self, path: Path) -> None:
        choice = self.members.choice()
        if choice is None:
            return
        self.save_button.setEnabled(False)
        self.run(self.tr("Exporting what is held about a member"),
                 lambda store: subject_access.export(store, choice["chat"], choice["name"], path), self._on_exported)

    def _on_exported(self, result: tuple[Path, Path, dict[str, int]]) -> None:
        html_path, json_path, counts = result
        self._folder = html_path.parent
        self.save_button.setEnabled(True)
        self.saved_label.setText(self.tr("Saved {html} and {json} in {folder}: {messages} and {flags}.").format(
            html=html_path.name, json=json_path.name, folder=html_path.parent,
            messages=count(counts["messages"], "message", "messages"), flags=count(counts["flags"], "flag", "flags")))
        self.saved_label.show()
        self.open_folder_button.show()
        self.exported.emit(html_path, json_path)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        choice = self.members.choice()
        if choice is None:
            return
        path = ask_save_path(self, self.tr("Save what is held about {name}").format(name=choice["name"]),
                             export_file_name(choice["name"]), self.tr("Web page and data (*.html)"))
        if path is not None:
            self.export_to(path)

    @Slot(int)
    def _on_members_current_index_changed(self, _index: int) -> None:
        self.save_button.setEnabled(self.members.choice() is not None)

    @Slot()
    def _on_open_folder_button_clicked(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))


# -- erasure ---------------------------------------------------------------------------------------

class EraseDialog(QDialog):
    preview_ready = Signal(object)
    erased = Signal(object)

    def __init__(self, store: Store, run: Runner, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = owned_by(run, self)
        self.plan: erasure.ErasurePlan | None = None
        self._asked = 0
        self.setWindowTitle(self.tr("Erase a member"))
        self.members = MemberCombo(store, member_id, self)
        self.preview = wrapped("", self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMinimumHeight(150)
        self.confirm_label = wrapped("", self)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setAccessibleName(self.tr("Confirmation"))
        self.confirm_label.setBuddy(self.confirm_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = buttons.addButton(self.tr("Erase permanently"), QDialogButtonBox.ButtonRole.DestructiveRole)
        _destructive(self.erase_button)
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        buttons.rejected.connect(self.reject)
        self.members.currentIndexChanged.connect(self._on_members_current_index_changed)
        self.confirm_edit.textChanged.connect(self._update_button)
        form = QFormLayout()
        form.addRow(self.tr("&Member:"), self.members)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(self.tr(
            "Use this when someone asks you to erase what you hold about them, or when you no longer may keep it."), self))
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        layout.addWidget(self.confirm_label)
        layout.addWidget(self.confirm_edit)
        layout.addWidget(buttons)
        self.resize(600, 420)
        self.ask_preview()

    def ask_preview(self) -> None:
        """Ask the core what erasing the chosen member would do (answers out of date are dropped)."""
        self.plan = None
        self._update_button()
        choice = self.members.choice()
        if choice is None:
            self.preview.setText(self.tr("Choose the member to erase above." if self.members.count() else
                                         "There is nobody to erase: no members are held."))
            self.confirm_label.setText(self.tr("To confirm, type their name or ERASE:"))
            return
        self._asked += 1
        asked = self._asked
        self.preview.setText(self.tr("Working out what would be removed…"))
        self.confirm_label.setText(self.tr("To confirm, type their name ({name}) or ERASE:").format(name=choice["name"]))
        self.run(self.tr("Checking what erasure would remove"),
                 lambda store: erasure.preview(store, choice["chat"], choice["name"]),
                 lambda plan: self._on_preview(asked, plan))

    def _on_preview(self, asked: int, plan: erasure.ErasurePlan) -> None:
        if asked != self._asked:
            return
        self.plan = plan
        self.preview.setText(describe_erasure(plan))
        self._update_button()
        self.preview_ready.emit(plan)

    def confirmed(self) -> bool:
        typed = self.confirm_edit.text().strip()
        return self.plan is not None and typed in {"ERASE", self.plan.member.name}

    @Slot()
    def _update_button(self) -> None:
        self.erase_button.setEnabled(self.confirmed())

    def erase(self) -> None:
        if not self.confirmed():
            return
        plan = self.plan
        self.erase_button.setEnabled(False)
        self.run(self.tr("Erasing {name}").format(name=plan.member.name),
                 lambda store: erasure.erase(store, plan.member.chat, plan.member.name), self._on_erased)

    def _on_erased(self, plan: erasure.ErasurePlan) -> None:
        self.erased.emit(plan)
        self.accept()

    @Slot()
    def _on_erase_button_clicked(self) -> None:
        self.erase()

    @Slot(int)
    def _on_members_current_index_changed(self, _index: int) -> None:
        self.confirm_edit.clear()
        self.ask_preview()


# -- retention --------------------------------------------------------------------------------------

class PurgeDialog(QDialog):
    plan_ready = Signal(object)
    purged = Signal(int)

    def __init__(self, run: Runner, retention_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = owned_by(run, self)
        self.plan: retention.PurgePlan | None = None
        self._asked = 0
        self.setWindowTitle(self.tr("Delete old messages"))
        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setSuffix(self.tr(" days"))
        self.days.setValue(retention_days or 365)
        self.days.setAccessibleName(self.tr("Delete text older than"))
        self.days.setKeyboardTracking(False)  # re-plan once the number is typed, not per digit
        self.summary = wrapped("", self)
        self.table = read_only_table(self, [self.tr("Chat"), self.tr("Messages"), self.tr("From"), self.tr("To")], stretch=0)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName(self.tr("What would be deleted, per chat"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.purge_button = buttons.addButton(self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole)
        _destructive(self.purge_button)
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self._on_purge_button_clicked)
        buttons.rejected.connect(self.reject)
        self.days.valueChanged.connect(self._on_days_value_changed)
        older = QHBoxLayout()
        older_label = QLabel(self.tr("Delete message text older than"), self)
        older_label.setBuddy(self.days)
        older.addWidget(older_label)
        older.addWidget(self.days)
        older.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(describe_retention_setting(retention_days), self))
        layout.addLayout(older)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(wrapped(self.tr(
            "Each message keeps its date and author in the conversation, so your flags and decisions still make "
            "sense, but its words, photos and names are gone for good. Flags on them keep the clause they cite, not "
            "the words they quoted. The audit log records that you did this."), self))
        layout.addWidget(buttons)
        self.resize(640, 400)
        self.ask_plan()

    def ask_plan(self) -> None:
        """Ask the core for the dry run at the chosen age (answers out of date are dropped)."""
        self.plan = None
        self.purge_button.setEnabled(False)
        self._asked += 1
        asked, days = self._asked, self.days.value()
        self.summary.setText(self.tr("Working out what would be deleted…"))
        self.run(self.tr("Checking old messages"), lambda store: retention.plan_purge(store, days),
                 lambda plan: self._on_plan(asked, plan))

    def _on_plan(self, asked: int, plan: retention.PurgePlan) -> None:
        if asked != self._asked:
            return
        self.plan = plan
        self.summary.setText(describe_purge(plan))
        self.table.setRowCount(len(plan.chats))
        for row, chat in enumerate(plan.chats):
            for column, value in enumerate((chat.chat, f"{chat.messages:,}", day(chat.first), day(chat.last))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setVisible(bool(plan.chats))
        self.purge_button.setText(self.tr("Delete the text of {n}").format(n=count(plan.total, "message", "messages"))
                                  if plan.total else self.tr("Delete"))
        self.purge_button.setEnabled(plan.total > 0)
        self.plan_ready.emit(plan)

    def purge(self) -> None:
        plan = self.plan
        if plan is None or not plan.total:
            return
        self.purge_button.setEnabled(False)
        self.run(self.tr("Deleting old message text"), lambda store: retention.purge(store, plan), self._on_purged)

    def _on_purged(self, blanked: int) -> None:
        self.purged.emit(blanked)
        self.accept()

    @Slot()
    def _on_purge_button_clicked(self) -> None:
        self.purge()

    @Slot(int)
    def _on_days_value_changed(self, _days: int) -> None:
        self.ask_plan()


# -- restore ----------------------------------------------------------------------------------------

class RestoreDialog(QDialog):
    restore_requested = Signal(Path, bool)  # the backup, and whether to keep the replaced store

    def __init__(self, info: BackupInfo, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("Restore from a backup"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(self.tr("Replace with the backup"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(self.tr("<b>{file}</b>").format(file=html.escape(info.path.name)), self, Qt.TextFormat.RichText))
        layout.addWidget(wrapped(describe_backup(info), self))
        layout.addWidget(wrapped(self.tr(
            "Restoring replaces everything Rep Assistant holds (chats, flags, decisions, notes, incidents, the audit "
            "log) with what is in this backup. Anything you did after the backup was made will no longer show."), self))
        layout.addWidget(wrapped(self.tr(
            "Erasures and purges you made after this backup are applied to it again, so nobody you erased comes "
            "back. Your current store is removed once the restore has checked out, unless you keep it:"), self))
        self.keep_check = QCheckBox(self.tr("Keep it beside the new one, as {name}.bak-DATE-TIME").format(
            name=store_path.name), self)
        self.keep_check.setToolTip(self.tr("In {folder}; later erasures and purges reach it too.").format(folder=store_path.parent))
        layout.addWidget(self.keep_check)
        layout.addWidget(wrapped(self.tr("Photos from .zip exports are not in backups; the ones on this computer stay."), self))
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 300)

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        self.restore_requested.emit(self.info.path, self.keep_check.isChecked())
        self.accept()
