"""Custom item data roles shared by the desk's models and delegates."""

from PySide6.QtCore import Qt

#: The row's record as the core returned it (a dict).
RecordRole = Qt.ItemDataRole.UserRole + 1
#: The row's store id (message, flag, member or chat id).
IdRole = Qt.ItemDataRole.UserRole + 2
