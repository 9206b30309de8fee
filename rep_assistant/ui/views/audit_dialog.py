"""The audit log, read-only, with filters and a chain check that runs as the viewer opens.

The log stores ids and facts, which say nothing to a person, so each row reads as a sentence
("You confirmed Sam Jones's message of 12 March 2026 as a breach"); the entry exactly as stored
is the row's tooltip, and ``audit list --format jsonl`` exports it, so nothing is hidden.

Reading the entries and walking the hash chain happen on the database thread
(workers/audit_ops.py): a years-old log would otherwise freeze the window. Until the answer comes
the dialog says "Checking the log…" (with how far it got), and the list shows the newest entries.
"""

import json
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QDate, QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.acting.drafting.fields import short_stamp
from rep_assistant.core.duties import audit
from rep_assistant.ui.icons import icon
from rep_assistant.ui.views import layout
from rep_assistant.ui.workers import audit_ops
from rep_assistant.ui.workers.changes import OpChanges

if TYPE_CHECKING:
    from rep_assistant.ui.desk import Desk

_COLUMNS = ("id", "at", "actor", "what")


class AuditDialog(QDialog):
    def __init__(self, desk: "Desk", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._verify_op: int | None = None
        #: The last chain check's answer (None while it runs or before it ran).
        self.result: audit.VerifyResult | None = None
        self.setWindowTitle(self.tr("Audit log"))
        self.action_combo = QComboBox(self)
        self.action_combo.setAccessibleName(self.tr("Action"))
        self.action_combo.addItem(self.tr("All actions"), None)
        self.since_edit = QDateEdit(self)
        self.since_edit.setAccessibleName(self.tr("Since"))
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("d MMM yyyy")
        self.since_edit.setMinimumDate(QDate(2000, 1, 1))
        self.since_edit.setSpecialValueText(self.tr("the beginning"))
        self.since_edit.setDate(self.since_edit.minimumDate())
        self.verify_button = QPushButton(icon("audit"), self.tr("&Check again"), self)
        self.verify_button.setToolTip(self.tr("Recompute every entry's fingerprint to show whether the log was altered"))
        self.verify_result = QLabel(self)
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more_label = QLabel(self)
        self.more_label.setWordWrap(True)
        self.more_label.hide()
        self.table = layout.read_only_table(self, [self.tr("#"), self.tr("When"), self.tr("Who"), self.tr("What happened")],
                                            stretch=_COLUMNS.index("what"))
        self.table.setWordWrap(True)  # a long sentence wraps; rows follow the column's width as the dialog is resized
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Audit entries"))

        bar = layout.labelled_bar(self, [(self.tr("&Action"), self.action_combo), (self.tr("&Since"), self.since_edit)])
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.verify_result)
        box.addWidget(self.table, 1)
        box.addWidget(self.more_label)
        box.addWidget(buttons)
        self.resize(1000, 600)

        self.action_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.since_edit.dateChanged.connect(self._on_filter_changed)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        desk.worker.op_progress.connect(self._on_worker_op_progress)
        desk.changed.connect(self.on_changes)
        self.reload()
        self.verify()

    def _run(self, label: str, fn: Any, on_success: Callable[[Any], None],
             on_failure: Callable[[BaseException], None] | None = None) -> int:
        """Run on the database thread; answers for a dialog closed meanwhile are dropped."""
        def alive(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            return lambda value: callback(value) if shiboken6.isValid(self) else None
        return self._desk.run_op(label, fn, alive(on_success), alive(on_failure) if on_failure else None)

    def reload(self) -> None:
        """Read the newest entries that match the filters (on the database thread), then list them."""
        since = None if self.since_edit.date() == self.since_edit.minimumDate() else self.since_edit.date().toString("yyyy-MM-dd")
        action = self.action_combo.currentData()
        self._run(self.tr("Reading the audit log"), lambda store, p, c: audit_ops.read_page(since, action, store, p, c),
                  self._show_page)

    def _show_page(self, page: audit_ops.AuditPage) -> None:
        self._offer_kinds(page.kinds)
        self.table.setRowCount(len(page.entries))
        for r, (entry, what) in enumerate(page.entries):
            raw = f"{entry['action']}\n{_cell(entry['objects'])}\n{_cell(entry['details'])}".rstrip()
            cells = {"id": str(entry["id"]), "at": short_stamp(entry["at"]),  # "20 Nov 2026 23:41"
                     "actor": entry["actor"], "what": what}
            for c, column in enumerate(_COLUMNS):
                item = QTableWidgetItem(cells[column])
                if column == "at":
                    item.setToolTip(entry["at"])  # the exact time, to the second and with its offset
                if column == "what":
                    item.setToolTip(self.tr("As stored: %s") % raw)
                if column == "id":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.scrollToBottom()  # the newest entry, which is what a rep looks for
        self.more_label.setText(self.tr("Showing the latest %d entries. To see older ones, choose an action or a "
                                        "“Since” date above.") % len(page.entries))
        self.more_label.setVisible(page.more)

    def _offer_kinds(self, kinds: list[tuple[str, str]]) -> None:
        """Fill the Action filter with every kind recorded, keeping the one chosen."""
        chosen = self.action_combo.currentData()
        with QSignalBlocker(self.action_combo):
            self.action_combo.clear()
            self.action_combo.addItem(self.tr("All actions"), None)
            for label, action in kinds:
                self.action_combo.addItem(label, action)
            self.action_combo.setCurrentIndex(max(self.action_combo.findData(chosen), 0))

    def verify(self) -> None:
        """Walk the whole hash chain on the database thread; the label says so until the answer comes."""
        self.result = None
        self.verify_button.setEnabled(False)
        self.verify_result.setText(self.tr("Checking the log…"))
        self._verify_op = self._run(self.tr("Checking the audit log"), audit_ops.verify_chain, self._show_result,
                                    self._show_failure)

    def _show_result(self, result: audit.VerifyResult) -> None:
        self.result, self._verify_op = result, None
        self.verify_button.setEnabled(True)
        if result.ok:  # in words first; the fingerprint is for the rep who writes it down to prove it later
            self.verify_result.setText(
                "<b style='color:#2e9d55;'>✔</b> " + escape(self.tr("The log is intact: all %d entries checked, nothing "
                                                                   "changed or removed.") % result.checked)
                + f"<br><small style='color:gray;'>{escape(self.tr('Fingerprint of the last entry: %s') % result.head_hash)}"
                  "</small>")
        else:
            self.verify_result.setText(f"<b style='color:#d2453c;'>✘</b> {escape(result.sentence())}")

    def _show_failure(self, exc: BaseException) -> None:
        self._verify_op = None
        self.verify_button.setEnabled(True)
        self.verify_result.setText(self.tr("The log could not be checked: %s") % escape(str(exc) or type(exc).__name__))

    @Slot(int, int, int, str)
    def _on_worker_op_progress(self, op_id: int, done: int, total: int, _label: str) -> None:
        if op_id == self._verify_op and total:
            self.verify_result.setText(self.tr("Checking the log… %d of %d entries") % (done, total))

    @Slot(object)
    def on_changes(self, changes: OpChanges) -> None:
        """Something was done in the window meanwhile: list its entry too (the check stays as it was)."""
        if changes.audit:
            self.reload()

    def _on_filter_changed(self, *_: object) -> None:
        self.reload()

    def _on_verify_button_clicked(self) -> None:
        self.verify()


def _cell(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v}" for k, v in value.items())
    return str(value)
