"""The chat as the rep knows it, with full-text search that jumps to the message.

Signals:
    search_finished(count): a search ran and found ``count`` messages (capped).
"""

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.chats import search_messages
from rep_assistant.core.store import Store
from rep_assistant.ui import style
from rep_assistant.ui.icons import icon
from rep_assistant.ui.models.messages_model import MessagesModel, message_summary
from rep_assistant.ui.models.roles import RecordRole
from rep_assistant.ui.views import layout, render
from rep_assistant.ui.views.message_delegate import MessageDelegate

SEARCH_LIMIT = 500


class ConversationView(QWidget):
    search_finished = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.model = MessagesModel(store, self)
        self._chat_id: int | None = None

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search this chat (press / )"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setAccessibleName(self.tr("Search messages"))
        self.search_edit.setToolTip(self.tr("Full-text search over this chat (/)"))
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.search_status = QLabel(self)

        # A table with fixed-height rows, not a QListView: the list view lays out every row
        # before its first paint, the table's fixed header needs no per-row work at all.
        self.message_view = QTableView(self)
        self.message_view.setObjectName("conversation")
        self.message_view.setModel(self.model)
        delegate = MessageDelegate(self.message_view)
        self.message_view.setItemDelegate(delegate)
        self.message_view.horizontalHeader().hide()
        self.message_view.horizontalHeader().setStretchLastSection(True)
        rows = self.message_view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(delegate.row_height(self.message_view.font()))
        self.message_view.setShowGrid(False)
        self.message_view.setWordWrap(False)
        self.message_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.message_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.message_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message_view.setAccessibleName(self.tr("Conversation"))
        self.message_view.selectionModel().selectionChanged.connect(self._on_message_view_selection_changed)

        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)
        self.results.hide()

        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Selected message"))
        self.detail.setPlaceholderText(self.tr("Select a message to read it in full."))

        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.search_status)
        top = layout.splitter(self, Qt.Orientation.Horizontal, "conversation_results_splitter",
                              [(self.message_view, 3), (self.results, 1)])
        self.splitter = layout.splitter(self, Qt.Orientation.Vertical, "conversation_splitter", [(top, 4), (self.detail, 1)])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.splitter, 1)

    def set_chat(self, chat_id: int | None) -> None:
        self._chat_id = chat_id
        self.model.set_chat(chat_id)
        self.results.clear()
        self.results.hide()
        self.search_status.clear()
        self.detail.clear()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def jump_to_message(self, message_id: int) -> None:
        row = self.model.row_of(message_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.message_view.setCurrentIndex(index)
        self.message_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def run_search(self, text: str) -> list[dict[str, Any]]:
        self.search_edit.setText(text)
        self.results.clear()
        hits = search_messages(self._store, self._chat_id, text, limit=SEARCH_LIMIT) if self._chat_id else []
        for hit in hits:
            item = QListWidgetItem(f"{style.stamp(hit['ts'])}  {message_summary(hit)}")
            item.setData(RecordRole, hit)
            self.results.addItem(item)
        self.results.setVisible(bool(text.strip()))
        if not text.strip():
            self.search_status.clear()
        elif not hits:
            self.search_status.setText(self.tr("No messages match."))
        else:
            more = "+" if len(hits) >= SEARCH_LIMIT else ""
            self.search_status.setText(self.tr("{count}{more} found").format(count=len(hits), more=more))
        self.search_finished.emit(len(hits))
        return hits

    @Slot()
    def _on_search_edit_return_pressed(self) -> None:
        self.run_search(self.search_edit.text())
        if self.results.count():
            self.results.setCurrentRow(0)

    def _on_results_current_item_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.jump_to_message(item.data(RecordRole)["id"])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Light/dark switches re-render the message pane, whose colours are baked into HTML."""
        if event.type() == QEvent.Type.PaletteChange:
            self._show_selected()
        super().changeEvent(event)

    @Slot(QItemSelection, QItemSelection)
    def _on_message_view_selection_changed(self, *_: object) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        index: QModelIndex = self.message_view.currentIndex()
        rec = index.data(RecordRole) if index.isValid() else None
        if rec is None:
            return
        spans = [s for f in rec.get("flags", []) for s in f.get("spans") or []]
        chips = " ".join(render.category_chip(f["category"]) for f in rec.get("flags", []))
        self.detail.setHtml(
            f"<p>{chips}</p><p><b>{escape(rec.get('author') or '')}</b> "
            f"<span style='color:gray;'>{render.when(rec['ts'])}</span></p>"
            f"<p>{render.highlighted(rec.get('text') or rec.get('media_name') or '', spans)}</p>"
        )
