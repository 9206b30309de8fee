"""Per-member view: counts, register events, decisions and notes, with room for actions.

Other areas add their member actions (warn, remove, readmit...) with ``add_action``: the
action appears in this panel's toolbar and in the table's context menu, and reads the member
from the window's ``selected_member_id()``. The panel reads its chat when it is shown and
redraws from the changes operations report (``on_changes``): a decision, a warning or an
erasure shows up here without anyone asking.
"""

from PySide6.QtCore import QItemSelection, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.reviewing import members
from rep_assistant.core.store import Store
from rep_assistant.ui.models.members_model import MembersModel
from rep_assistant.ui.views import layout, render
from rep_assistant.ui.workers.changes import OpChanges


class MembersPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.model = MembersModel(store, self)
        self.toolbar = QToolBar(self.tr("Member actions"), self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Members"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)  # a long name is cut short with "…", not wrapped into a row twice as high
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Member record"))
        self.detail.setPlaceholderText(self.tr("Select a member to see their record."))
        self._actions: list[QAction] = []
        self._chat_id: int | None = None
        self._loaded = False

        self.splitter = layout.splitter(self, Qt.Orientation.Vertical, "members_splitter", [(self.table, 3), (self.detail, 2)])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(self.toolbar)
        box.addWidget(self.splitter, 1)

    def add_action(self, action: QAction) -> None:
        """Offer a member action in the toolbar and the context menu."""
        self._actions.append(action)
        self.toolbar.addAction(action)

    def add_separator(self) -> None:
        """Start a new group of actions (in the toolbar and the context menu), so erasing sits apart from warning."""
        separator = QAction(self)
        separator.setSeparator(True)
        self.add_action(separator)

    def set_chat(self, chat_id: int | None) -> None:
        """Show ``chat_id``'s members: at once if the tab is shown, else when it is."""
        self._chat_id = chat_id
        self._loaded = False
        if self.isVisible():
            self._load()

    def _load(self) -> None:
        current = self.selected_member_id()
        same_chat = self.model.chat_id() == self._chat_id
        self._loaded = True
        self.model.set_chat(self._chat_id)
        row = self.model.row_of(current) if current and same_chat else None
        if row is not None:
            self.table.selectRow(row)
        elif self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.clear()
        self._on_table_selection_changed()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if not self._loaded:
            self._load()
        super().showEvent(event)

    def on_changes(self, changes: OpChanges) -> None:
        """Members, their flags or messages changed: read again now if shown, else when next shown."""
        if changes.members or changes.flags or changes.messages:
            self._loaded = False
            if self.isVisible():
                self._load()

    def selected_member_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.member_id(index.row()) if index.isValid() else None

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    @Slot(QPoint)
    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        if not self._actions or not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.addActions(self._actions)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, *_: object) -> None:
        """Show the selected member's record (also after a re-read, when the selection stayed put)."""
        member_id = self.selected_member_id()
        if member_id is None:
            self.detail.clear()
        else:
            self.detail.setHtml(render.member_html(members.member_detail(self._store, member_id)))
