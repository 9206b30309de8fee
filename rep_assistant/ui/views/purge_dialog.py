"""Retention: the core's dry run of deleting old message text, per chat, then the purge.

Why a dialog that only describes: the core purges (and audits) on the window's database
thread; this asks for the age, shows the plan, and keeps what open incidents need.

Signals:
    PurgeDialog.plan_ready(plan), PurgeDialog.purged(count): the core's PurgePlan, messages blanked.
"""

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.duties import retention
from rep_assistant.ui.views.duty_words import count, day, describe_purge, describe_retention_setting
from rep_assistant.ui.views.layout import destructive, read_only_table, wrapped
from rep_assistant.ui.workers.runner import Runner, owned_by


class PurgeDialog(QDialog):
    plan_ready = Signal(object)
    purged = Signal(int)

    def __init__(self, run: Runner, retention_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = owned_by(run, self)
        self.plan: retention.PurgePlan | None = None
        self._asked = 0
        self.setWindowTitle(self.tr("Delete old messages"))
        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setSuffix(self.tr(" days"))
        self.days.setValue(retention_days or 365)
        self.days.setAccessibleName(self.tr("Delete text older than"))
        self.days.setKeyboardTracking(False)  # re-plan once the number is typed, not per digit
        self.summary = wrapped("", self)
        self.table = read_only_table(self, [self.tr("Chat"), self.tr("Messages"), self.tr("From"), self.tr("To")], stretch=0)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName(self.tr("What would be deleted, per chat"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.purge_button = buttons.addButton(self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole)
        destructive(self.purge_button)
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self._on_purge_button_clicked)
        buttons.rejected.connect(self.reject)
        self.days.valueChanged.connect(self._on_days_value_changed)
        older = QHBoxLayout()
        older_label = QLabel(self.tr("Delete message text older than"), self)
        older_label.setBuddy(self.days)
        older.addWidget(older_label)
        older.addWidget(self.days)
        older.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(describe_retention_setting(retention_days), self))
        layout.addLayout(older)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(wrapped(self.tr(
            "Each message keeps its date and author in the conversation, so your flags and decisions still make "
            "sense, but its words, photos and names are gone for good. Flags on them keep the clause they cite, not "
            "the words they quoted. The audit log records that you did this."), self))
        layout.addWidget(buttons)
        self.resize(640, 400)
        # The table is what gives way (it scrolls); below this its paragraphs would be drawn over each other.
        self.setMinimumSize(520, 400)
        self.ask_plan()

    def ask_plan(self) -> None:
        """Ask the core for the dry run at the chosen age (answers out of date are dropped)."""
        self.plan = None
        self.purge_button.setEnabled(False)
        self._asked += 1
        asked, days = self._asked, self.days.value()
        self.summary.setText(self.tr("Working out what would be deleted…"))
        self.run(self.tr("Checking old messages"), lambda store: retention.plan_purge(store, days),
                 lambda plan: self._on_plan(asked, plan))

    def _on_plan(self, asked: int, plan: retention.PurgePlan) -> None:
        if asked != self._asked:
            return
        self.plan = plan
        self.summary.setText(describe_purge(plan))
        self.table.setRowCount(len(plan.chats))
        for row, chat in enumerate(plan.chats):
            for column, value in enumerate((chat.chat, f"{chat.messages:,}", day(chat.first), day(chat.last))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setVisible(bool(plan.chats))
        self.purge_button.setText(self.tr("Delete the text of {n}").format(n=count(plan.total, "message", "messages"))
                                  if plan.total else self.tr("Delete"))
        self.purge_button.setEnabled(plan.total > 0)
        self.plan_ready.emit(plan)

    def purge(self) -> None:
        plan = self.plan
        if plan is None or not plan.total:
            return
        self.purge_button.setEnabled(False)
        self.run(self.tr("Deleting old message text"), lambda store: retention.purge(store, plan), self._on_purged)

    def _on_purged(self, blanked: int) -> None:
        self.purged.emit(blanked)
        self.accept()

    @Slot()
    def _on_purge_button_clicked(self) -> None:
        self.purge()

    @Slot(int)
    def _on_days_value_changed(self, _days: int) -> None:
        self.ask_plan()
