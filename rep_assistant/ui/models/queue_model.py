"""The review queue as a table model: one row per message, with every flag on it.

Why items plus a row cache: the queue's order and filters are one indexed query
(core.reviewing.queue.queue_items); the columns of a row are read in small blocks only when
shown. A row's id is its first (most severe) flag, so the desk can still say "this flag".
"""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from rep_assistant.core.reviewing import queue
from rep_assistant.core.store import Store
from rep_assistant.ui import style
from rep_assistant.ui.models.base import RecordTableModel

_BLOCK = 100


class QueueModel(RecordTableModel):
    """Items of one chat in queue order, filtered with the keywords of ``queue.queue_items``."""

    COLUMNS = ("severity", "category", "author", "ts", "status", "text")

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__({
            "severity": self.tr("Severity"), "category": self.tr("Category"), "author": self.tr("Member"),
            "ts": self.tr("When"), "status": self.tr("Status"), "text": self.tr("Message"),
        }, parent)
        self._store = store
        self._chat_id: int | None = None
        self._filters: dict[str, Any] = {}
        self._items: list[queue.QueueItem] = []
        self._rows: dict[int, dict[str, Any]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def load(self, chat_id: int | None, **filters: Any) -> None:
        """Show ``chat_id``'s items with these filters (tier, categories, member_id, since, until, statuses)."""
        self._chat_id = chat_id
        self._filters = {k: v for k, v in filters.items() if v not in ([], ()) and (v is not None or k == "tier")}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._items = queue.queue_items(self._store, self._chat_id, **self._filters) if self._chat_id is not None else []
        self.endResetModel()

    def row_of(self, key: int) -> int | None:
        """The row of the item whose id is ``key``, or holding the flag ``key``."""
        return next((row for row, item in enumerate(self._items) if key in item.flag_ids), None)

    def flag_id(self, row: int) -> int | None:
        """The item's id: its most severe flag."""
        return self._items[row].key if 0 <= row < len(self._items) else None

    def flag_ids(self, row: int) -> list[int]:
        return list(self._items[row].flag_ids) if 0 <= row < len(self._items) else []

    def row_count(self) -> int:
        return len(self._items)

    def record(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < len(self._items):
            return None
        key = self._items[row].key
        if key not in self._rows:
            block = [item for item in self._items[row: row + _BLOCK] if item.key not in self._rows]
            for rec in queue.item_summaries(self._store, block):
                self._rows[rec["id"]] = rec
        return self._rows.get(key)

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
            return ", ".join(style.category_label(c) for c in rec["categories"])
        if column == "author":
            return rec.get("author") or ""
        if column == "ts":
            return style.stamp(rec.get("ts"))
        if column == "status":
            if len(rec["statuses"]) > 1:
                return self.tr("Mixed")
            return style.status_text(rec["status"], rec.get("snoozed_until"))
        return " ".join((rec.get("text") or "").split())
