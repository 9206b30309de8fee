"""The plumbing the desk's table models share: named columns, record and id roles.

A subclass names its COLUMNS, says how many rows it has and how to get a row's record (a dict
from the core with an ``id``), and renders one cell; rows that cannot be read are empty, never
an exception inside ``data()``.
"""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rep_assistant.ui.models.roles import IdRole, RecordRole

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, headers: dict[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers

    def row_count(self) -> int:
        raise NotImplementedError

    def record(self, row: int) -> dict[str, Any] | None:
        raise NotImplementedError

    def cell(self, rec: dict[str, Any], column: str, role: int) -> Any:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self.record(index.row())
        if rec is None:
            return None
        if role == RecordRole:
            return rec
        if role == IdRole:
            return rec["id"]
        return self.cell(rec, self.COLUMNS[index.column()], role)
