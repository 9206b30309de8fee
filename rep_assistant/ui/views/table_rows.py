"""Rows of a read-only QTableWidget keyed by a store id (incidents, register): fill, find, select."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def fill(table: QTableWidget, rows: list[list[Any]], ids: list[int]) -> None:
    """Replace the rows, each cell carrying its row's id; the selected id stays selected."""
    selected = selected_id(table)
    table.setRowCount(len(rows))
    for r, (values, row_id) in enumerate(zip(rows, ids, strict=True)):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)
        if row_id == selected:
            table.selectRow(r)


def selected_id(table: QTableWidget) -> int | None:
    items = table.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None


def select_id(table: QTableWidget, row_id: int) -> bool:
    for row in range(table.rowCount()):
        if table.item(row, 0).data(Qt.ItemDataRole.UserRole) == row_id:
            table.selectRow(row)
            return True
    return False
