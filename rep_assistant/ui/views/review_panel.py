"""The review queue: filters, the flags table, and the selected flag in context.

Signals:
    flag_selected(flag_id): the current flag changed (0 when none is selected).

The panel only shows; decisions are the main window's actions (so the same C/D/S/N keys
work from every panel), and it calls ``refresh_flag`` when one has been saved.
"""

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelection, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.reviewing import members, review
from rep_assistant.core.store import Store
from rep_assistant.ui import style
from rep_assistant.ui.models.flags_model import FlagsModel
from rep_assistant.ui.models.roles import RecordRole
from rep_assistant.ui.views import layout, render

STATUS_FILTERS = (
    ("Needs attention", [review.ATTENTION]),
    ("New", ["new"]),
    ("Confirmed", ["confirmed"]),
    ("Dismissed", ["dismissed"]),
    ("Snoozed", ["snoozed"]),
    ("All", []),
)


class ChipDelegate(QStyledItemDelegate):
    """Draws the category column as a coloured chip, so categories are told apart at a glance."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        rec: dict[str, Any] | None = index.data(RecordRole)
        if rec is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        option.widget.style().drawControl(option.widget.style().ControlElement.CE_ItemViewItem, option, painter, option.widget)
        label = style.category_label(rec["category"])
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.92)
        metrics = QFontMetrics(font)
        width = min(metrics.horizontalAdvance(label) + 14, option.rect.width() - 8)
        chip = QRect(option.rect.left() + 4, option.rect.center().y() - metrics.height() // 2 - 2, width, metrics.height() + 4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.category_colour(rec["category"])))
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(font)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - 10))
        painter.restore()


class ReviewPanel(QWidget):
    flag_selected = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._chat_id: int | None = None
        self.model = FlagsModel(store, self)

        self.category_combo = self._combo(self.tr("Category"))
        self.member_combo = self._combo(self.tr("Member"))
        self.status_combo = self._combo(self.tr("Status"))
        for label, statuses in STATUS_FILTERS:
            self.status_combo.addItem(self.tr(label), statuses)
        self.since_edit = self._date_edit(self.tr("From date"))
        self.until_edit = self._date_edit(self.tr("To date"))
        self.count_label = QLabel(self)

        filters = layout.labelled_bar(self, [
            (self.tr("&Show"), self.status_combo), (self.tr("&Category"), self.category_combo),
            (self.tr("Mem&ber"), self.member_combo), (self.tr("Fr&om"), self.since_edit), (self.tr("&To"), self.until_edit)])
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Review queue"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 12)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(FlagsModel.COLUMNS.index("category"), ChipDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in (("severity", 80), ("category", 170), ("author", 150), ("ts", 130), ("status", 110)):
            header.resizeSection(FlagsModel.COLUMNS.index(column), width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("font-size: 15px; color: palette(mid); padding: 24px;")
        self.table_stack = QStackedWidget(self)
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_label)

        self.toolbar = QToolBar(self.tr("Decisions"), self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Selected flag"))
        self.detail.setOpenLinks(False)
        detail_box = QWidget(self)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.toolbar)
        detail_layout.addWidget(self.detail, 1)

        self.splitter = layout.splitter(self, Qt.Orientation.Vertical, "review_splitter", [(self.table_stack, 1), (detail_box, 1)])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.splitter, 1)

        for combo in (self.category_combo, self.member_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self._on_filter_changed)
        self._update_empty_state()

    # -- construction helpers -------------------------------------------------------------

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(edit.minimumDate())
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 48)
        return edit

    # -- public ------------------------------------------------------------------------------

    def set_chat(self, chat_id: int | None) -> None:
        self._chat_id = chat_id
        self._fill_choices(keep=False)
        blockers = [w.blockSignals(True) for w in (self.since_edit, self.until_edit)]
        for edit in (self.since_edit, self.until_edit):
            edit.setDate(edit.minimumDate())
        for edit, was in zip((self.since_edit, self.until_edit), blockers, strict=True):
            edit.blockSignals(was)
        self._apply_filters()
        self.select_row(0)

    def refresh(self) -> None:
        """Reload the queue and its filter choices (a re-scan may bring new categories and members),
        keeping the selected flag, and the rep's filters, while they are still there."""
        current = self.selected_flag_id()
        self._fill_choices(keep=True)
        self._apply_filters()
        row = self.model.row_of(current) if current else None
        self.select_row(row if row is not None else 0)

    def refresh_flag(self, flag_id: int) -> None:
        self.model.refresh_flag(flag_id)
        if flag_id == self.selected_flag_id():
            self._show_detail(flag_id)

    def selected_flag_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.flag_id(index.row()) if index.isValid() else None

    def select_flag(self, flag_id: int) -> bool:
        row = self.model.row_of(flag_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.detail.clear()
            self.flag_selected.emit(0)

    def select_next(self) -> None:
        index = self.table.currentIndex()
        self.select_row(min(index.row() + 1, self.model.rowCount() - 1) if index.isValid() else 0)

    def select_previous(self) -> None:
        index = self.table.currentIndex()
        self.select_row(max(index.row() - 1, 0) if index.isValid() else 0)

    def set_filters(self, *, status: str | None = None, category: str | None = None, member_id: int | None = None,
                    since: dt.date | None = None, until: dt.date | None = None) -> None:
        """Set the filter widgets (what a rep would click); used by tests and by other panels."""
        if status is not None:
            self.status_combo.setCurrentIndex([s for s, _ in STATUS_FILTERS].index(status))
        if category is not None:
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(category)))
        if member_id is not None:
            self.member_combo.setCurrentIndex(max(0, self.member_combo.findData(member_id)))
        if since is not None:
            self.since_edit.setDate(QDate(since.year, since.month, since.day))
        if until is not None:
            self.until_edit.setDate(QDate(until.year, until.month, until.day))

    # -- internals ---------------------------------------------------------------------------

    def _fill_choices(self, *, keep: bool) -> None:
        """Offer the categories and members this chat's flags have; with ``keep``, the chosen ones stay chosen."""
        combos = (self.category_combo, self.member_combo)
        chosen = [combo.currentData() if keep else None for combo in combos]
        blockers = [combo.blockSignals(True) for combo in combos]
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("All categories"), None)
        self.member_combo.clear()
        self.member_combo.addItem(self.tr("All members"), None)
        if self._chat_id is not None:
            for category in review.flag_categories(self._store, self._chat_id):
                self.category_combo.addItem(style.category_label(category), category)
            for member in members.flagged_members(self._store, self._chat_id):
                self.member_combo.addItem(member["name"], member["id"])
        for combo, data, was in zip(combos, chosen, blockers, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(data)) if data is not None else 0)
            combo.blockSignals(was)

    def _date_value(self, edit: QDateEdit) -> str | None:
        return None if edit.date() == edit.minimumDate() else edit.date().toString("yyyy-MM-dd")

    def _apply_filters(self) -> None:
        category = self.category_combo.currentData()
        self.model.load(
            self._chat_id,
            statuses=self.status_combo.currentData() or None,
            categories=[category] if category else None,
            member_id=self.member_combo.currentData(),
            since=self._date_value(self.since_edit),
            until=self._date_value(self.until_edit),
        )
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        count = self.model.rowCount()
        if self._chat_id is None:
            self.empty_label.setText(self.tr("Drop a WhatsApp export here or use File ▸ Open (Ctrl+O).\n\n"
                                             "Exports come from WhatsApp: open the group ▸ ⋮ ▸ More ▸ Export chat."))
        elif count == 0:
            self.empty_label.setText(self.tr("Nothing to show with these filters.\n\n"
                                             "With “Needs attention”, an empty list means you are done for today."))
        self.table_stack.setCurrentWidget(self.table if count else self.empty_label)
        self.count_label.setText(self.tr("{count} flags").format(count=count) if self._chat_id is not None else "")

    def _show_detail(self, flag_id: int) -> None:
        flag = review.flag_detail(self._store, flag_id)
        context = review.message_context(self._store, flag["message_id"]) if flag.get("message_id") else []
        self.detail.setHtml(render.flag_html(flag, context))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Light/dark switches re-render the flag detail, whose colours are baked into HTML."""
        if event.type() == QEvent.Type.PaletteChange:
            flag_id = self.selected_flag_id()
            if flag_id is not None:
                self._show_detail(flag_id)
        super().changeEvent(event)

    @Slot()
    def _on_filter_changed(self, *_: object) -> None:
        self._apply_filters()
        self.select_row(0)

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, *_: object) -> None:
        flag_id = self.selected_flag_id()
        if flag_id is None:
            self.detail.clear()
            self.flag_selected.emit(0)
            return
        self._show_detail(flag_id)
        self.flag_selected.emit(flag_id)
