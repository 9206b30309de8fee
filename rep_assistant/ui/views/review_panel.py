"""The review queue: filters, one row per message, and the selected message's flags in context.

Signals:
    flag_selected(flag_id): the current item changed (its first flag; 0 when none is selected).
    flag_message_requested(message_id): the rep clicked "Flag…" on a message in the context.

The panel only shows; decisions are the window's actions (review_actions.py). It redraws itself
from the changes every operation reports (``on_changes``): a decided item leaves "Needs
attention" and the row below takes its place, so the counts go down as the rep works.
"""

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelection, QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.reviewing import members, queue, review
from rep_assistant.core.store import Store
from rep_assistant.ui import style
from rep_assistant.ui.models.queue_model import QueueModel
from rep_assistant.ui.models.roles import RecordRole
from rep_assistant.ui.views import layout, render
from rep_assistant.ui.views.chip_delegate import ChipDelegate
from rep_assistant.ui.workers.changes import OpChanges

#: (label, statuses, tier): "worth a look" holds what the scanner is unsure of, apart from the main queue.
STATUS_FILTERS: tuple[tuple[str, list[str], str | None], ...] = (
    ("Needs attention", [review.ATTENTION], queue.MAIN),
    ("Worth a look (unsure)", [review.ATTENTION], queue.WORTH_A_LOOK),
    ("New", ["new"], None),
    ("Confirmed", ["confirmed"], None),
    ("Dismissed", ["dismissed"], None),
    ("Snoozed", ["snoozed"], None),
    ("All", [], None),
)
_FILTER_NAMES = [label for label, _, _ in STATUS_FILTERS]


class ReviewPanel(QWidget):
    flag_selected = Signal(int)
    flag_message_requested = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._chat_id: int | None = None
        self.model = QueueModel(store, self)

        self.category_combo = self._combo(self.tr("Category"))
        self.member_combo = self._combo(self.tr("Member"))
        self.status_combo = self._combo(self.tr("Status"))
        for label, statuses, tier in STATUS_FILTERS:
            self.status_combo.addItem(self.tr(label), (statuses, tier))
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_combo.setItemData(1, self.tr("Messages the scanner is unsure about: read them when you have time"),
                                      Qt.ItemDataRole.ToolTipRole)
        self.since_edit = self._date_edit(self.tr("From date"))
        self.until_edit = self._date_edit(self.tr("To date"))
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Messages in the queue"))

        # Two rows when the window is narrow (a 1024-pixel laptop), one when there is room: see resizeEvent.
        self._filters_row = layout.labelled_bar(self, [
            (self.tr("&Show"), self.status_combo), (self.tr("&Category"), self.category_combo),
            (self.tr("Mem&ber"), self.member_combo)])
        self._dates = QWidget(self)
        dates_row = layout.labelled_bar(self._dates, [(self.tr("Fr&om"), self.since_edit), (self.tr("&To"), self.until_edit)])
        dates_row.setContentsMargins(0, 0, 0, 0)
        self._dates.setLayout(dates_row)
        self._filters_row.addWidget(self._dates)
        self._filters_row.addStretch(1)
        self._filters_row.addWidget(self.count_label)
        self._second_row = QHBoxLayout()
        self._second_row.addStretch(1)

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
        self.table.setItemDelegateForColumn(QueueModel.COLUMNS.index("category"), ChipDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in (("severity", 76), ("category", 170), ("author", 130), ("ts", 124), ("status", 90)):
            header.resizeSection(QueueModel.COLUMNS.index(column), width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setStyleSheet("font-size: 15px; padding: 24px;")
        self.table_stack = QStackedWidget(self)
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_label)

        self.toolbar = QToolBar(self.tr("Decisions"), self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Selected message and its flags"))
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._on_detail_anchor_clicked)
        self.detail_box = detail_box = QWidget(self)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.toolbar)
        detail_layout.addWidget(self.detail, 1)

        self.splitter = layout.splitter(self, Qt.Orientation.Vertical, "review_splitter", [(self.table_stack, 1), (detail_box, 1)])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 4, 0)
        box.addLayout(self._filters_row)
        box.addLayout(self._second_row)
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
        combo.setMinimumContentsLength(9)
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(edit.minimumDate())
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 40)
        return edit

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the two-row filter bar allows, wherever the dates are now (resizeEvent moves them)."""
        hint = super().minimumSizeHint()
        if self._filters_row.indexOf(self._dates) >= 0:
            hint.setWidth(max(hint.width() - self._dates.minimumSizeHint().width(), self._dates.minimumSizeHint().width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """The date filters go to a second row when one row would squeeze the filters into each other."""
        in_first = self._filters_row.indexOf(self._dates) >= 0
        dates = self._dates.minimumSizeHint().width()
        others = self._filters_row.minimumSize().width() - (dates if in_first else 0)
        wide = event.size().width() >= others + dates + 12
        if wide and not in_first:
            self._second_row.removeWidget(self._dates)
            self._filters_row.insertWidget(self._filters_row.count() - 2, self._dates)
        elif not wide and in_first:
            self._filters_row.removeWidget(self._dates)
            self._second_row.insertWidget(0, self._dates)
        super().resizeEvent(event)

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

    def on_changes(self, changes: OpChanges) -> None:
        """Redraw what the operation changed: the queue when flags did, the detail when notes did.

        The selected item stays selected while it is still shown; a decided item that left the
        list hands its row to the next one (as the key press already moved there).
        """
        if self._chat_id is None or not (changes.flags or changes.members):
            return
        current, row = self.selected_flag_id(), self.table.currentIndex().row()
        self._fill_choices(keep=True)
        self._apply_filters()
        kept = self.model.row_of(current) if current else None
        self.select_row(kept if kept is not None else min(max(row, 0), self.model.rowCount() - 1))

    def selected_flag_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.flag_id(index.row()) if index.isValid() else None

    def selected_flag_ids(self) -> list[int]:
        """Every flag of the selected message (what a decision applies to)."""
        index = self.table.currentIndex()
        return self.model.flag_ids(index.row()) if index.isValid() else []

    def selected_record(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

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
            self.status_combo.setCurrentIndex(next(i for i, name in enumerate(_FILTER_NAMES) if name.startswith(status)))
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
        statuses, tier = self.status_combo.currentData()
        category = self.category_combo.currentData()
        self.model.load(
            self._chat_id,
            tier=tier,
            statuses=statuses or None,
            categories=[category] if category else None,
            member_id=self.member_combo.currentData(),
            since=self._date_value(self.since_edit),
            until=self._date_value(self.until_edit),
        )
        self._update_empty_state()

    def _needs_attention(self) -> bool:
        return self.status_combo.currentIndex() == 0

    def _update_empty_state(self) -> None:
        count = self.model.rowCount()
        if self._chat_id is None:
            self.empty_label.setText(self.tr("Drop a WhatsApp export here or use File ▸ Open (Ctrl+O)."))
        elif count == 0 and self._needs_attention() and self.category_combo.currentIndex() == 0 \
                and self.member_combo.currentIndex() == 0:
            self.empty_label.setText(self._done_text())
        elif count == 0 and self.status_combo.currentIndex() == 1:
            self.empty_label.setText(self.tr("Nothing the checker is unsure about in this chat.\n\n"
                                             "Messages it is unsure of wait here, apart from the main queue."))
        elif count == 0:
            self.empty_label.setText(self.tr("Nothing to show with these filters."))
        self.table_stack.setCurrentWidget(self.table if count else self.empty_label)
        self.detail_box.setVisible(bool(count))  # an empty list's summary gets the whole panel
        if self._chat_id is None:
            self.count_label.clear()
        elif self._needs_attention():
            self.count_label.setText(self.tr("{count} to review").format(count=count))
        else:
            self.count_label.setText(self.tr("{count} messages").format(count=count))

    def _done_text(self) -> str:
        """What the evening produced, and what is left to do, for the empty "Needs attention" list."""
        assert self._chat_id is not None
        done = queue.evening_summary(self._store, self._chat_id)
        unsure = len(queue.queue_items(self._store, self._chat_id, tier=queue.WORTH_A_LOOK, statuses=[review.ATTENTION]))
        lines = [self.tr("Nothing left to review in this chat."),
                 self.tr("So far: {confirmed} confirmed, {dismissed} dismissed, {snoozed} snoozed; "
                         "{incidents} incidents open.").format(confirmed=done["confirmed"], dismissed=done["dismissed"],
                                                                snoozed=done["snoozed"], incidents=done["incidents_open"])]
        if done["to_act_on"]:
            lines.append(self.tr("Next: {count} confirmed messages are in no incident yet. Choose Show ▸ Confirmed, "
                                 "then draft a message (Ctrl+D) or open an incident (Ctrl+I).").format(count=done["to_act_on"]))
        elif done["incidents_open"]:
            lines.append(self.tr("Next: see your open incidents (Act ▸ Incidents and register, Ctrl+Shift+I)."))
        else:
            lines.append(self.tr("You are done for today."))
        if unsure:
            lines.append(self.tr("{count} more messages are worth a look (the scanner is unsure): "
                                 "Show ▸ Worth a look.").format(count=unsure))
        lines.append(self.tr("Missed something? Select it in the Conversation (Ctrl+2) and press F to flag it."))
        return "\n\n".join(lines)

    def _show_detail(self, flag_ids: list[int]) -> None:
        flags = [review.flag_detail(self._store, flag_id) for flag_id in flag_ids]
        message_id = flags[0].get("message_id")
        context = review.message_context(self._store, message_id) if message_id else []
        self.detail.setHtml(render.item_html(flags, context))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Light/dark switches re-render the flag detail, whose colours are baked into HTML."""
        if event.type() == QEvent.Type.PaletteChange and self.selected_flag_ids():
            self._show_detail(self.selected_flag_ids())
        super().changeEvent(event)

    @Slot(QUrl)
    def _on_detail_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "flag" and url.path().isdigit():
            self.flag_message_requested.emit(int(url.path()))

    @Slot()
    def _on_filter_changed(self, *_: object) -> None:
        self._apply_filters()
        self.select_row(0)

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, *_: object) -> None:
        flag_ids = self.selected_flag_ids()
        if not flag_ids:
            self.detail.clear()
            self.flag_selected.emit(0)
            return
        self._show_detail(flag_ids)
        self.flag_selected.emit(flag_ids[0])
