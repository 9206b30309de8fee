"""Members of a chat with their counts (core.members.member_summaries) as a table model."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rep_assistant.core import members
from rep_assistant.core.store import Store
from rep_assistant.ui.models.roles import IdRole, RecordRole

Index = QModelIndex | QPersistentModelIndex


class MembersModel(QAbstractTableModel):
    """One row per member; a class chat has tens of members, so rows are read whole."""

    COLUMNS = ("name", "messages", "flags", "open_flags", "confirmed", "dismissed", "warnings", "removals", "last_ts")

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._chat_id: int | None = None
        self._rows: list[dict[str, Any]] = []
        self._headers = {
            "name": self.tr("Member"), "messages": self.tr("Messages"), "flags": self.tr("Flags"),
            "open_flags": self.tr("To review"), "confirmed": self.tr("Confirmed"), "dismissed": self.tr("Dismissed"),
            "warnings": self.tr("Warnings"), "removals": self.tr("Removals"), "last_ts": self.tr("Last post"),
        }

    def set_chat(self, chat_id: int | None) -> None:
        self._chat_id = chat_id
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = members.member_summaries(self._store, self._chat_id) if self._chat_id is not None else []
        self.endResetModel()

    def member_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, member_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r["id"] == member_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            value = rec[column]
            if column == "last_ts":
                return (value or "").replace("T", " ")[:16]
            if column == "name" and rec["erased_at"]:
                return rec["pseudonym"] or self.tr("(erased)")
            return value if column == "name" else int(value or 0)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("name", "last_ts"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == IdRole:
            return rec["id"]
        if role == RecordRole:
            return rec
        return None
