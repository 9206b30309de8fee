"""The review queue as a table model over flag ids.

Why ids plus a row cache: the queue's order and filters are one indexed query returning ids
(core.review.list_flag_ids); the columns of a row are read in small blocks only when shown,
and a decision refreshes just that row.
"""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from rep_assistant.core.reviewing import review
from rep_assistant.core.store import Store
from rep_assistant.ui import style
from rep_assistant.ui.models.base import RecordTableModel

_BLOCK = 100


class FlagsModel(RecordTableModel):
    """Flags of one chat in queue order, filtered with the keywords of ``review.list_flag_ids``."""

    COLUMNS = ("severity", "category", "author", "ts", "status", "text")

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__({
            "severity": self.tr("Severity"), "category": self.tr("Category"), "author": self.tr("Member"),
            "ts": self.tr("When"), "status": self.tr("Status"), "text": self.tr("Message"),
        }, parent)
        self._store = store
        self._chat_id: int | None = None
        self._filters: dict[str, Any] = {"statuses": [review.ATTENTION]}
        self._ids: list[int] = []
        self._rows: dict[int, dict[str, Any]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def load(self, chat_id: int | None, **filters: Any) -> None:
        """Show ``chat_id``'s flags with these filters (categories, member_id, since, until, statuses)."""
        self._chat_id = chat_id
        self._filters = {k: v for k, v in filters.items() if v not in (None, [], ())}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._ids = review.list_flag_ids(self._store, self._chat_id, **self._filters) if self._chat_id is not None else []
        self.endResetModel()

    def refresh_flag(self, flag_id: int) -> None:
        """Re-read one flag after a decision; it stays in place until the next refresh."""
        self._rows.pop(flag_id, None)
        row = self.row_of(flag_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def row_of(self, flag_id: int) -> int | None:
        try:
            return self._ids.index(flag_id)
        except ValueError:
            return None

    def flag_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_count(self) -> int:
        return len(self._ids)

    def record(self, row: int) -> dict[str, Any] | None:
        flag_id = self.flag_id(row)
        if flag_id is None:
            return None
        if flag_id not in self._rows:
            block = [i for i in self._ids[row: row + _BLOCK] if i not in self._rows]
            for rec in review.flag_summaries(self._store, block):
                self._rows[rec["id"]] = rec
        return self._rows.get(flag_id)

    def cell(self, rec: dict[str, Any], column: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(rec, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return rec.get("text") or ""
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QColor(style.STATUS_COLOURS.get(rec["status"], "#888888"))
        if role == Qt.ItemDataRole.FontRole and column == "severity" and rec["severity"] == "breach":
            return self._bold
        return None

    def _display(self, rec: dict[str, Any], column: str) -> str:
        if column == "severity":
            return self.tr("Breach") if rec["severity"] == "breach" else self.tr("Advisory")
        if column == "category":
            return style.category_label(rec["category"])
        if column == "author":
            return rec.get("author") or ""
        if column == "ts":
            return style.stamp(rec.get("ts"))
        if column == "status":
            return style.status_text(rec["status"], rec.get("snoozed_until"))
        return " ".join((rec.get("text") or "").split())
