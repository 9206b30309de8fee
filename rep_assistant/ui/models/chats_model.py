"""The chats in the store, most recently imported first (the desk's "recent chats")."""

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from rep_assistant.core.reviewing import conversation
from rep_assistant.core.store import Store
from rep_assistant.ui import style
from rep_assistant.ui.icons import icon
from rep_assistant.ui.models.roles import IdRole, RecordRole

Index = QModelIndex | QPersistentModelIndex


class ChatsModel(QAbstractListModel):
    """One row per chat; a store holds few chats, so the rows are read whole on refresh.

    It starts empty: the window reads it once it knows which chat to select, not twice at start-up.
    """

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[dict[str, Any]] = []

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = conversation.recent_chats(self._store)
        self.endResetModel()

    def record(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_of(self, chat_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r["id"] == chat_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if rec["new_flags"]:
                return self.tr("{name}\n{count} to review").format(name=rec["name"], count=rec["new_flags"])
            return self.tr("{name}\nnothing new to review").format(name=rec["name"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Last import: {when}").format(when=style.stamp(rec["last_import"]) or self.tr("never"))
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("chat")
        if role == IdRole:
            return rec["id"]
        if role == RecordRole:
            return rec
        return None
