"""The Settings dialog: the rep, the school, the active policy, quiet hours, retention and appearance.

It only collects values: ``changes()`` returns what differs from the current settings and the
main window saves them through core.settings.save_settings (validated, audited) on the
database thread, then re-checks the open chat when the policy or quiet hours changed. Help
texts come from the declared settings, so they never drift. The Light / Dark / System choice
(``theme()``) is this computer's display preference, kept with the window's geometry.
"""

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.errors import RepError
from rep_assistant.core.policy import list_policies
from rep_assistant.core.settings import DECLARED, Settings
from rep_assistant.ui.views.policy_dialog import confirm_policy, policy_hook

_HELP = {s.name: s.help for s in DECLARED}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, db_path: str, theme: str = "system", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.rep_name = self._line("rep_name", self.tr("Your name"))
        self.school_name = self._line("school_name", self.tr("School name"))
        self.school_email = self._line("school_email", self.tr("School e-mail"))
        self.school_email.setPlaceholderText("office@school.example.com")
        self.school_phone = self._line("school_phone", self.tr("School phone"))
        self.policy = QComboBox(self)
        self.policy.setAccessibleName(self.tr("Active policy"))
        self.policy.setToolTip(_HELP["active_policy"])
        self.policy_problem = QLabel(self)
        self.policy_problem.setWordWrap(True)
        self._fill_policies(settings["active_policy"])
        self.quiet_start = self._time("quiet_start", self.tr("Quiet hours start"))
        self.quiet_end = self._time("quiet_end", self.tr("Quiet hours end"))
        self.retention = QSpinBox(self)
        self.retention.setRange(0, 3650)
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setSpecialValueText(self.tr("Keep everything"))
        self.retention.setValue(int(settings["retention_days"]))
        self.retention.setAccessibleName(self.tr("Retention"))
        self.retention.setToolTip(_HELP["retention_days"])
        self.redact = QCheckBox(self.tr("Mask bystanders in incident bundles"), self)
        self.redact.setChecked(bool(settings["redact_bundles"]))
        self.redact.setToolTip(_HELP["redact_bundles"])

        self.appearance = QComboBox(self)
        self.appearance.setAccessibleName(self.tr("Appearance"))
        for value, label in (("system", self.tr("Same as the system")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.appearance.addItem(label, value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(theme)))

        form = QFormLayout()
        form.addRow(self.tr("Your &name"), self.rep_name)
        form.addRow(self.tr("&School"), self.school_name)
        form.addRow(self.tr("School &e-mail"), self.school_email)
        form.addRow(self.tr("School &phone"), self.school_phone)
        form.addRow(self.tr("Active &policy"), self.policy)
        form.addRow("", policy_hook(self))  # policy_dialog.py: import a school's document, see its coverage
        if self.policy_problem.text():
            form.addRow("", self.policy_problem)
        form.addRow(self.tr("&Quiet hours from"), self.quiet_start)
        form.addRow(self.tr("Quiet hours &until"), self.quiet_end)
        form.addRow(self.tr("&Keep message text for"), self.retention)
        form.addRow("", self.redact)
        form.addRow(self.tr("&Appearance"), self.appearance)
        where = QLabel(self.tr("Your data is stored in {path}").format(path=db_path), self)
        where.setWordWrap(True)
        where.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(str(self._settings[name]), self)
        edit.setAccessibleName(accessible)
        edit.setToolTip(_HELP[name])
        return edit

    def _time(self, name: str, accessible: str) -> QTimeEdit:
        edit = QTimeEdit(self)
        edit.setDisplayFormat("HH:mm")
        value = QTime.fromString(str(self._settings[name]), "HH:mm")
        edit.setTime(value if value.isValid() else QTime(22, 0))
        edit.setAccessibleName(accessible)
        edit.setToolTip(_HELP[name])
        return edit

    def _fill_policies(self, active: str) -> None:
        try:
            policies = list_policies()
        except RepError as exc:  # one unreadable policy file: say so, still offer the current choice
            policies = []
            self.policy_problem.setText(str(exc))
        for policy in policies:
            self.policy.addItem(f"{policy.title} — {policy.school}" if policy.school else policy.title, policy.id)
        if self.policy.findData(active) < 0:
            self.policy.addItem(active, active)
        self.policy.setCurrentIndex(self.policy.findData(active))

    def values(self) -> dict[str, Any]:
        return {
            "rep_name": self.rep_name.text().strip(),
            "school_name": self.school_name.text().strip(),
            "school_email": self.school_email.text().strip(),
            "school_phone": self.school_phone.text().strip(),
            "active_policy": self.policy.currentData(),
            "quiet_start": self.quiet_start.time().toString("HH:mm"),
            "quiet_end": self.quiet_end.time().toString("HH:mm"),
            "retention_days": self.retention.value(),
            "redact_bundles": self.redact.isChecked(),
            **getattr(self, "policy_facts", {}),  # facts of a policy just imported (e.g. the escalation route)
        }

    def theme(self) -> str:
        return str(self.appearance.currentData())

    def accept(self) -> None:
        chosen = self.policy.currentData()
        if chosen in (self._settings["active_policy"], getattr(self, "confirmed_policy", None)) or confirm_policy(self, chosen):
            super().accept()

    def changes(self) -> dict[str, Any]:
        """Only what the rep changed, so the audit entry names exactly that."""
        return {k: v for k, v in self.values().items() if self._settings[k] != v}
