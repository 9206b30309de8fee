"""The audit log, read-only, with filters and a "Verify chain" button.

The log stores ids and facts, which say nothing to a person, so each row reads as a sentence
("You confirmed Sam Jones's message of 12 March 2026 as a breach"); the entry exactly as stored
is the row's tooltip, and ``audit list --format jsonl`` exports it, so nothing is hidden.
"""

import json
from html import escape
from typing import Any

from PySide6.QtCore import QDate, Qt
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
from rep_assistant.core.duties.audit_sentences import Names, kind_label, sentence
from rep_assistant.core.store import Store
from rep_assistant.ui.icons import icon
from rep_assistant.ui.views import layout

_COLUMNS = ("id", "at", "actor", "what")


class AuditDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle(self.tr("Audit log"))
        self.action_combo = QComboBox(self)
        self.action_combo.setAccessibleName(self.tr("Action"))
        self.action_combo.addItem(self.tr("All actions"), None)
        for label, action in sorted((kind_label(a), a) for a in audit.actions(store.db.conn)):
            self.action_combo.addItem(label, action)
        self.since_edit = QDateEdit(self)
        self.since_edit.setAccessibleName(self.tr("Since"))
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setMinimumDate(QDate(2000, 1, 1))
        self.since_edit.setSpecialValueText(self.tr("the beginning"))
        self.since_edit.setDate(self.since_edit.minimumDate())
        self.verify_button = QPushButton(icon("audit"), self.tr("&Verify chain"), self)
        self.verify_button.setToolTip(self.tr("Recompute every entry's hash to show whether the log was altered"))
        self.verify_result = QLabel(self)
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        box.addWidget(buttons)
        self.resize(1000, 600)

        self.action_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.since_edit.dateChanged.connect(self._on_filter_changed)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.reload()

    def reload(self) -> None:
        since = None if self.since_edit.date() == self.since_edit.minimumDate() else self.since_edit.date().toString("yyyy-MM-dd")
        rows = audit.entries(self._store.db.conn, since=since, action=self.action_combo.currentData())
        names = Names(self._store)
        self.table.setRowCount(len(rows))
        for r, entry in enumerate(rows):
            raw = f"{entry['action']}\n{_cell(entry['objects'])}\n{_cell(entry['details'])}".rstrip()
            cells = {"id": str(entry["id"]), "at": short_stamp(entry["at"]),  # "20 Nov 2026 23:41"
                     "actor": entry["actor"], "what": sentence(entry, names)}
            for c, column in enumerate(_COLUMNS):
                item = QTableWidgetItem(cells[column])
                if column == "at":
                    item.setToolTip(entry["at"])  # the exact time, to the second and with its offset
                if column == "what":
                    item.setToolTip(self.tr("As stored: %s") % raw)
                if column == "id":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    def verify(self) -> audit.VerifyResult:
        result = audit.verify(self._store.db.conn)
        colour = "#2e9d55" if result.ok else "#d2453c"
        self.verify_result.setText(f"<b style='color:{colour};'>{'✔' if result.ok else '✘'}</b> {escape(result.sentence())}")
        return result

    def _on_filter_changed(self, *_: object) -> None:
        self.reload()

    def _on_verify_button_clicked(self) -> None:
        self.verify()


def _cell(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v}" for k, v in value.items())
    return str(value)
