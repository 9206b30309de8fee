"""The desk's left column: the chats in the store, the open one selected.

Signals:
    chat_chosen(chat_id): the rep chose another chat (an int; None never comes from a click).
"""

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from rep_assistant.core.store import Store
from rep_assistant.ui.models.chats_model import ChatsModel
from rep_assistant.ui.models.roles import IdRole


class ChatList(QWidget):
    chat_chosen = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChatsModel(store, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Chats"))
        self.view.setToolTip(self.tr("Your chats, most recently imported first"))
        self.view.setSpacing(3)
        self.view.setWordWrap(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.setMinimumWidth(130)  # narrower squeezed the chat names to "M… Cl… P…"
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 0, 0)
        box.addWidget(QLabel(self.tr("<b>Chats</b>"), self))
        box.addWidget(self.view, 1)
        self._selected: int | None = None

    def show_chats(self, selected: int | None) -> None:
        """Re-read the chats (names, what is left to review) with ``selected`` selected, quietly."""
        self._selected = selected
        blocked = self.view.selectionModel().blockSignals(True)
        self.model.refresh()
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))
        else:
            self.view.clearSelection()
        self.view.selectionModel().blockSignals(blocked)

    def record(self, chat_id: int | None) -> dict[str, Any] | None:
        row = self.model.row_of(chat_id) if chat_id is not None else None
        return self.model.record(row) if row is not None else None

    def first_chat(self) -> int | None:
        return self.model.data(self.model.index(0), IdRole) if self.model.rowCount() else None

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, *_: object) -> None:
        index = self.view.currentIndex()
        chat_id = index.data(IdRole) if index.isValid() else None
        if chat_id is not None and chat_id != self._selected:
            self._selected = chat_id
            self.chat_chosen.emit(chat_id)
