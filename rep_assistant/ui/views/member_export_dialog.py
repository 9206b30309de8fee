"""Subject access: export everything held about one member, as a web page and a data file.

Why a dialog that only describes: the core writes (and audits) the export on the window's
database thread; this picks the person, says what the files hold, and where they went.

Signals:
    MemberExportDialog.exported(html_path, json_path): the two files are written.
"""

import re
from pathlib import Path

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QWidget

from rep_assistant.core.duties import subject_access
from rep_assistant.core.store import Store
from rep_assistant.ui.file_dialogs import ask_save_path
from rep_assistant.ui.views.duty_words import count
from rep_assistant.ui.views.layout import scrolling_body, wrapped
from rep_assistant.ui.views.member_combo import MemberCombo
from rep_assistant.ui.workers.runner import Runner, owned_by


def export_file_name(name: str) -> str:
    """A file name from a person's name, without the characters some systems refuse."""
    safe = re.sub(r"[^\w +.-]+", "_", name).strip(" ._") or "member"
    return f"Data held about {safe}.html"


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
        layout, outer = scrolling_body(self)  # the text scrolls on a small screen; the buttons stay in view
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
        outer.addWidget(buttons)
        self.resize(560, 300)
        self.setMinimumSize(440, 240)  # smaller, the text scrolls so far that it no longer reads
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
