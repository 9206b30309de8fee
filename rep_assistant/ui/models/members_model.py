"""Members of a chat with their counts (core.members.member_summaries) as a table model."""

from typing import Any

from PySide6.QtCore import Qt

from rep_assistant.core.reviewing import members
from rep_assistant.core.store import Store
from rep_assistant.ui import style
from rep_assistant.ui.models.base import RecordTableModel


class MembersModel(RecordTableModel):
    """One row per member; a class chat has tens of members, so rows are read whole."""

    COLUMNS = ("name", "messages", "flags", "open_flags", "confirmed", "dismissed", "warnings", "removals", "last_ts")

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__({
            "name": self.tr("Member"), "messages": self.tr("Messages"), "flags": self.tr("Flags"),
            "open_flags": self.tr("To review"), "confirmed": self.tr("Confirmed"), "dismissed": self.tr("Dismissed"),
            "warnings": self.tr("Warnings"), "removals": self.tr("Removals"), "last_ts": self.tr("Last post"),
        }, parent)
        self._store = store
        self._chat_id: int | None = None
        self._rows: list[dict[str, Any]] = []

    def set_chat(self, chat_id: int | None) -> None:
        self._chat_id = chat_id
        self.refresh()

    def chat_id(self) -> int | None:
        return self._chat_id

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = members.member_summaries(self._store, self._chat_id) if self._chat_id is not None else []
        self.endResetModel()

    def member_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, member_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r["id"] == member_id), None)

    def row_count(self) -> int:
        return len(self._rows)

    def record(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def cell(self, rec: dict[str, Any], column: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            value = rec[column]
            if column == "last_ts":
                return style.stamp(value)
            if column == "name" and rec["erased_at"]:
                return rec["pseudonym"] or self.tr("(erased)")
            return value if column == "name" else int(value or 0)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("name", "last_ts"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
