"""Import the school's code of conduct and see, loudly, what it covers.

The rep picks the school's document (Word, PDF, web page, OpenDocument, text) or pastes its
text. The dialog then lists all 18 categories: the clause that covers each, or, for each
category the document doesn't name, the rep's choice: cite the document's general clause,
flag as advisory under the model wording, or don't flag (the default loses nothing). School
facts read from the document are offered for Settings, where the rep confirms them. A poor
import (few rules, most categories missing) can only be chosen after ticking that its gaps
were seen. All reading and matching is core; this is a thin view.
"""

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.errors import RepError
from rep_assistant.core.policy import ImportResult, Policy, coverage, import_policy_file, import_policy_text, load_policy, save_policy, set_gap
from rep_assistant.core.policy.facts import FACT_SETTINGS
from rep_assistant.core.policy.gaps import general_clause

_FILTER = "Policy documents (*.docx *.pdf *.odt *.html *.htm *.txt);;All files (*)"


class PolicyDialog(QDialog):
    """Import a policy (or review one already imported) and choose it with its gaps in view."""

    def __init__(self, parent: QWidget | None = None, policy: Policy | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("School policy"))
        self.policy: Policy | None = None
        self.result: ImportResult | None = None
        choose = QPushButton(self.tr("&Choose document…"), self)
        choose.clicked.connect(self._on_choose)
        self.paste = QPlainTextEdit(self)
        self.paste.setPlaceholderText(self.tr("…or paste the code of conduct's text here"))
        self.paste.setAccessibleName(self.tr("Pasted policy text"))
        self.paste.setMaximumHeight(90)
        paste_button = QPushButton(self.tr("&Import pasted text"), self)
        paste_button.clicked.connect(self._on_paste)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Covered by / choice"), self.tr("Clause")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Coverage of the 18 categories"))
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.use_facts = QCheckBox(self.tr("Put these school facts in Settings (you can still edit them there)"), self)
        self.use_facts.setChecked(True)
        self.seen_gaps = QCheckBox(self.tr("I have read the gaps above and want to use this policy anyway"), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this policy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.seen_gaps.toggled.connect(self._refresh)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addWidget(paste_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.paste)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.facts)
        layout.addWidget(self.use_facts)
        layout.addWidget(self.seen_gaps)
        layout.addWidget(self.buttons)
        self.setMinimumSize(760, 560)
        if policy is not None:
            self.show_policy(policy)
        else:
            self._refresh()

    # --- importing ---------------------------------------------------------------------------

    def _on_choose(self) -> None:
        from rep_assistant.ui.file_dialogs import ask_open_path

        path = ask_open_path(self, self.tr("Your school's code of conduct"), self.tr(_FILTER))
        if path is not None:
            self.import_file(path)

    def _on_paste(self) -> None:
        self._import(lambda: import_policy_text(self.paste.toPlainText()))

    def import_file(self, path: Path) -> None:
        self._import(lambda: import_policy_file(path))

    def _import(self, read: Callable[[], ImportResult]) -> None:
        try:
            self.result = read()
        except RepError as exc:
            self.policy = None
            self.summary.setText(f"<span style='color:#b03a2e'>{html.escape(str(exc), quote=False)}</span>")
            self.table.setRowCount(0)
            self._refresh()
            return
        self.show_policy(self.result.policy)

    # --- showing -----------------------------------------------------------------------------

    def show_policy(self, policy: Policy) -> None:
        self.policy = policy
        rules = sum(1 for c in policy.clauses if c.kind != "info")
        lines = [self.tr("<b>{title}</b> ({id}): {n} clauses, {rules} rules; the document itself covers <b>{covered} of 18</b> categories.")
                 .format(title=html.escape(policy.title), id=html.escape(policy.id), n=len(policy.clauses), rules=rules,
                         covered=len(policy.document_covered))]
        if self.result is not None and self.result.previous is not None:
            r = self.result
            lines.append(self.tr("Changes since version {v}: {a} added, {d} removed, {c} reworded; {k} of your corrections kept.")
                         .format(v=html.escape(r.previous.version), a=len(r.added), d=len(r.removed), c=len(r.changed), k=r.corrections_kept))
        if policy.is_poor:
            lines.append("<span style='color:#b03a2e'><b>" + self.tr(
                "This import is poor: check the document was read whole. Categories it doesn't name are listed below.") + "</b></span>")
        self.summary.setText("<br>".join(lines))
        self._fill_table()
        facts = {k: v for k, v in policy.facts.items() if k in FACT_SETTINGS}
        self.facts.setText(self.tr("Read from the document, for you to check: ") + "; ".join(
            f"{k.replace('_', ' ')}: {v}" for k, v in facts.items()) if facts else "")
        self.use_facts.setVisible(bool(facts))
        self._refresh()

    def _fill_table(self) -> None:
        assert self.policy is not None
        rows = coverage(self.policy)
        general = general_clause(self.policy.clauses)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(row.label))
            if row.status == "covered":
                self.table.setCellWidget(i, 1, None)
                self.table.setItem(i, 1, QTableWidgetItem(self.tr("Covered") + (f" ({row.number})" if row.number else "")))
            else:
                box = QComboBox(self.table)
                box.setAccessibleName(self.tr("What to do about {label}").format(label=row.label))
                if general is not None:
                    box.addItem(self.tr("Cite the general clause"), "general")
                box.addItem(self.tr("Advisory, model wording"), "advisory")
                box.addItem(self.tr("Don't flag"), "off")
                box.setCurrentIndex(max(0, box.findData(row.status)))
                box.currentIndexChanged.connect(lambda _=0, cat=row.category, b=box: self.choose_gap(cat, b.currentData()))
                self.table.setCellWidget(i, 1, box)
            clause = QTableWidgetItem(row.text or self.tr("(not flagged)"))
            clause.setToolTip(row.text)
            self.table.setItem(i, 2, clause)
        self.table.resizeColumnsToContents()

    def choose_gap(self, category: str, choice: str) -> None:
        """The rep's choice for an uncovered category, saved with the policy at once."""
        if self.policy is None:
            return
        try:
            self.policy = set_gap(self.policy, category, choice)
            save_policy(self.policy)
        except RepError as exc:
            QMessageBox.warning(self, self.tr("School policy"), str(exc))
            return
        row = next(i for i, r in enumerate(coverage(self.policy)) if r.category == category)
        text = next(r.text for r in coverage(self.policy) if r.category == category)
        self.table.setItem(row, 2, QTableWidgetItem(text or self.tr("(not flagged)")))

    def _refresh(self) -> None:
        poor = self.policy is not None and self.policy.is_poor
        self.seen_gaps.setVisible(poor)
        ok = self.policy is not None and (not poor or self.seen_gaps.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def settings_changes(self) -> dict[str, str]:
        """The settings the chosen policy's facts fill, when the rep asked for them."""
        if self.policy is None or not self.use_facts.isChecked():
            return {}
        return {FACT_SETTINGS[k]: v for k, v in self.policy.facts.items() if k in FACT_SETTINGS}


def confirm_policy(parent: QWidget, policy_id: str) -> bool:
    """Whether the rep may make ``policy_id`` active: a poor import only after its gaps were shown and accepted."""
    try:
        policy = load_policy(policy_id)
    except RepError:
        return True  # the settings dialog already says the file is unreadable
    if not policy.is_poor:
        return True
    return PolicyDialog(parent, policy).exec() == QDialog.DialogCode.Accepted


def policy_hook(settings_dialog: QDialog) -> QPushButton:
    """The Settings dialog's button: import a policy, select it, and fill the school facts for the rep to confirm."""
    button = QPushButton(settings_dialog.tr("Import the school's policy…"), settings_dialog)

    def run() -> None:
        dialog = PolicyDialog(settings_dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.policy is None:
            return
        combo = settings_dialog.policy
        if combo.findData(dialog.policy.id) < 0:
            combo.addItem(f"{dialog.policy.title} — {dialog.policy.school}" if dialog.policy.school else dialog.policy.title, dialog.policy.id)
        combo.setCurrentIndex(combo.findData(dialog.policy.id))
        facts = dialog.settings_changes()
        for name in ("school_name", "school_email", "school_phone"):
            if name in facts:
                getattr(settings_dialog, name).setText(facts.pop(name))
        for name in ("quiet_start", "quiet_end"):
            if name in facts:
                getattr(settings_dialog, name).setTime(QTime.fromString(facts.pop(name), "HH:mm"))
        settings_dialog.policy_facts = facts  # what the form has no field for: saved with the other settings
        settings_dialog.confirmed_policy = dialog.policy.id

    button.clicked.connect(run)
    return button
