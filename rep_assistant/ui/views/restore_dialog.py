"""Restore: what a checked backup holds, what replacing the store with it means, and the choice to keep it.

Signals:
    RestoreDialog.restore_requested(path, keep_previous): the rep confirmed replacing the store.
"""

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QWidget

from rep_assistant.core.duties.backup import BackupInfo
from rep_assistant.ui.views.duty_words import describe_backup
from rep_assistant.ui.views.layout import scrolling_body, wrapped


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
        layout, outer = scrolling_body(self)  # the text scrolls on a small screen; the buttons stay in view
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
        outer.addWidget(buttons)
        self.resize(560, 300)
        # As wide as the check box's line (it does not wrap), plus room for the scroll bar.
        self.setMinimumSize(max(440, self.keep_check.sizeHint().width() + 60), 240)

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        self.restore_requested.emit(self.info.path, self.keep_check.isChecked())
        self.accept()
