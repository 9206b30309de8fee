"""A chat's messages as a list model that only ever loads the pages on screen.

Why pages by position: the row count comes from one COUNT over the (chat_id, seq) index and a
page of rows is read only when the view asks for one of its rows, then kept in a small LRU
cache; a chat of a million messages opens at once and scrolling reads a few hundred rows at
a time (Anki's browser DataModel, with positions instead of an id list).
"""

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import Qt

from rep_assistant.core.reviewing import conversation
from rep_assistant.core.store import Store
from rep_assistant.ui.models.base import RecordTableModel

PAGE_SIZE = 200
_MAX_PAGES = 50


def message_summary(record: dict[str, Any]) -> str:
    """One line of plain text for a message: what screen readers and tooltips say."""
    who = record.get("author") or ""
    kind = record.get("kind")
    if kind == "system":
        return record.get("text") or record.get("system_event") or ""
    if kind == "media":
        return f"{who}: [{record.get('media_name') or 'media'}] {record.get('text') or ''}".strip()
    if kind == "deleted":
        return f"{who}: (message deleted)"
    return f"{who}: {record.get('text') or ''}"


class MessagesModel(RecordTableModel):
    """Messages of one chat in chat order, one column; ``RecordRole`` gives the row's dict."""

    COLUMNS = ("message",)

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__({"message": self.tr("Message")}, parent)
        self._store = store
        self._chat_id: int | None = None
        self._count = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()

    def set_chat(self, chat_id: int | None) -> None:
        self.beginResetModel()
        self._chat_id = chat_id
        self._pages.clear()
        self._count = conversation.count_messages(self._store, chat_id) if chat_id is not None else 0
        self.endResetModel()

    def invalidate_rows(self) -> None:
        """Forget cached pages (flags changed) and repaint, keeping the scroll position."""
        self._pages.clear()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, 0))

    def row_count(self) -> int:
        return self._count

    def record(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < self._count or self._chat_id is None:
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = conversation.message_page(self._store, self._chat_id, page_no * PAGE_SIZE, PAGE_SIZE)
            self._pages[page_no] = page
            if len(self._pages) > _MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def cell(self, rec: dict[str, Any], column: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return message_summary(rec)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = message_summary(rec)
            return text if len(text) < 1200 else text[:1200] + "…"
        return None

    def row_of(self, message_id: int) -> int | None:
        return conversation.message_position(self._store, message_id)
