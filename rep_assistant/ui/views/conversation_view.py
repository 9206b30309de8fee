"""The chat as the rep knows it, with full-text search that jumps to the message.

Signals:
    search_finished(count): a search ran and found ``count`` messages (capped).

The window's review actions (flag by hand, confirm, dismiss...) are offered in the messages' and
the search results' context menus (``add_action``); they act on ``selected_message()``. The
chat is read when the tab is first shown, not when it is chosen (a million-message chat's count
can wait), and redrawn from the changes operations report (``on_changes``).
"""

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
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
from rep_assistant.ui.workers.changes import OpChanges

SEARCH_LIMIT = 500


class ConversationView(QWidget):
    search_finished = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.model = MessagesModel(store, self)
        self._chat_id: int | None = None
        self._loaded = False
        self._actions: list[QAction] = []

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search this chat (press / )"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setAccessibleName(self.tr("Search messages"))
        self.search_edit.setToolTip(self.tr("Full-text search over this chat (/)"))
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.search_edit.installEventFilter(self)
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
        self.message_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.message_view.customContextMenuRequested.connect(self._on_message_view_context_menu_requested)

        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._on_results_context_menu_requested)
        self.results.installEventFilter(self)
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
        """Show ``chat_id``: at once if the tab is shown, else when it is."""
        self._chat_id = chat_id
        self._loaded = False
        self.results.clear()
        self.results.hide()
        self.search_status.clear()
        self.detail.clear()
        if self.isVisible():
            self._load()

    def _load(self) -> None:
        self._loaded = True
        self.model.set_chat(self._chat_id)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if not self._loaded:
            self._load()
        super().showEvent(event)

    def on_changes(self, changes: OpChanges) -> None:
        """Flags changed: repaint the margins and the open message; messages changed: read the chat again."""
        if not self._loaded:
            return
        if changes.messages:
            selected = self.selected_message()
            self._load()
            if selected is not None:
                self.jump_to_message(selected["id"])
        elif changes.flags or changes.members:
            self.model.invalidate_rows()
            self._show_selected()

    def add_action(self, action: QAction) -> None:
        """Offer a window action in the context menus of the messages and of the search results."""
        self._actions.append(action)

    def selected_message(self) -> dict[str, Any] | None:
        index = self.message_view.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

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

    def _popup(self, global_pos: QPoint) -> None:
        if self._actions and self.selected_message() is not None:
            menu = QMenu(self)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.addActions(self._actions)
            menu.popup(global_pos)

    @Slot(QPoint)
    def _on_message_view_context_menu_requested(self, pos: QPoint) -> None:
        index = self.message_view.indexAt(pos)
        if index.isValid():
            self.message_view.setCurrentIndex(index)
            self._popup(self.message_view.viewport().mapToGlobal(pos))

    @Slot(QPoint)
    def _on_results_context_menu_requested(self, pos: QPoint) -> None:
        item = self.results.itemAt(pos)
        if item is not None:
            self.results.setCurrentItem(item)  # jumps the conversation to it
            self._popup(self.results.viewport().mapToGlobal(pos))

    @Slot()
    def _on_search_edit_return_pressed(self) -> None:
        """Search, show the first hit and move to the results, where arrows walk the hits and C/D/F act on
        the message shown (in the search box those keys would only type)."""
        self.run_search(self.search_edit.text())
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Esc leaves the search (the box clears it first) for the conversation; Down goes from the box to the hits."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and watched in (self.search_edit, self.results):
                if watched is self.search_edit:
                    self.run_search("")
                self.message_view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() == Qt.Key.Key_Down and watched is self.search_edit and self.results.count():
                self.results.setCurrentRow(max(self.results.currentRow(), 0))
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

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
        chips = " &nbsp;".join(f"{render.category_chip(f['category'])} {render.status_chip(f['status'])}" for f in rec.get("flags", []))
        if not chips and rec.get("kind") != "system":
            chips = f"<span style='color:gray;'>{escape(self.tr('No flag. If it breaks the policy, press F to flag it yourself.'))}</span>"
        self.detail.setHtml(
            f"<p>{chips}</p><p><b>{escape(rec.get('author') or '')}</b> "
            f"<span style='color:gray;'>{render.when(rec['ts'])}</span></p>"
            f"<p>{render.highlighted(rec.get('text') or rec.get('media_name') or '', spans)}</p>"
        )
