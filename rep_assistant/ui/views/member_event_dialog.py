"""Reason (required) and clause for a warning, removal or re-admission in the members register."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

VERBS = {"warn": "Warn", "remove": "Record removal", "readmit": "Readmit"}


class MemberEventDialog(QDialog):
    def __init__(self, verb: str, member: str, clause: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("%s: %s") % (self.tr(VERBS[verb]), member))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("A short reason, for the record"))
        self.clause_edit = QLineEdit(clause, self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow(self.tr("&Clause:"), self.clause_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.reason_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        form.addRow(buttons)
        self.setMinimumWidth(420)
