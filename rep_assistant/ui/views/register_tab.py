"""The members register tab: each member's standing, their history, and warn / remove / readmit.

It only shows: the incidents dialog reads the register on the database thread and hands the
rows to ``show_rows``; the buttons ask the dialog (``event_requested(verb)``) to record an entry.
"""

from functools import partial
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from rep_assistant.core.acting.drafting.fields import short_stamp
from rep_assistant.core.acting.register import member_events
from rep_assistant.core.store import Store
from rep_assistant.ui.icons import icon
from rep_assistant.ui.views import layout
from rep_assistant.ui.views.table_rows import fill, select_id, selected_id


class RegisterTab(QWidget):
    """Signals: event_requested(verb) — "warn", "remove" or "readmit" for the selected member."""

    event_requested = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.table = layout.read_only_table(self, [self.tr("Member"), self.tr("Status"), self.tr("Messages"),
                                                   self.tr("Confirmed flags"), self.tr("Warnings"), self.tr("Removals"),
                                                   self.tr("Re-admissions"), self.tr("Last removal")], stretch=7)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.history = QTextBrowser(self)
        self.history.setMaximumHeight(160)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for verb, text in (("warn", "&Warn…"), ("remove", "Record &removal…"), ("readmit", "Re&admit…")):
            button = QPushButton(icon(verb), self.tr(text), self)  # the icons of the members panel's actions
            button.clicked.connect(partial(self.event_requested.emit, verb))
            buttons.addWidget(button)
            self.buttons[verb] = button
        buttons.addStretch(1)
        note = layout.wrapped(self.tr("Removals done in WhatsApp itself appear here from the imported chat "
                                      "(marked 'seen in the chat')."), self)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addWidget(self.history)
        box.addLayout(buttons)
        box.addWidget(note)

    def show_rows(self, members: list[dict[str, Any]]) -> None:
        fill(self.table, [[m["member"], m["status"], m["messages"], m["confirmed_flags"], m["warnings"], m["removals"],
                           m["readmissions"], _removal_text(m["last_removal"])] for m in members],
             [m["member_id"] for m in members])
        self.show_selected()

    def current_member_id(self) -> int | None:
        return selected_id(self.table)

    def select_member(self, member_id: int) -> bool:
        return select_id(self.table, member_id)

    def member_name(self) -> str:
        """The selected member as the Member column shows them."""
        items = self.table.selectedItems()
        return self.table.item(items[0].row(), 0).text() if items else ""

    @Slot()
    def show_selected(self) -> None:
        member_id = self.current_member_id()
        for button in self.buttons.values():
            button.setEnabled(member_id is not None)
        if member_id is None:
            self.history.setPlainText(self.tr("Select a member to see their warnings, removals and re-admissions."))
            return
        events = member_events(self._store, member_id=member_id)
        self.history.setPlainText("\n".join(map(event_line, events)) or self.tr("Nothing recorded for this member."))


#: A register entry's kind as the history says it.
_EVENT_WORDS = {"warning": "Warned", "removal": "Removed", "readmission": "Re-admitted", "joined": "Joined", "left": "Left"}


def event_line(event: dict[str, Any]) -> str:
    """'11 Nov 2025 07:30  Removed: removed in WhatsApp (seen in the chat)', never the stored kind code."""
    what = _EVENT_WORDS.get(event["kind"], event["kind"].replace("_", " ").capitalize())
    reason = event["reason"] or ""
    if reason and reason.lower() != what.lower() + " in whatsapp":
        what += f": {reason}"
    elif reason:
        what += " in WhatsApp"
    if event["clause_id"]:
        what += f" (clause {event['clause_id']})"
    who = " (seen in the chat)" if event["source"] == "chat" else f" (recorded by {event['actor']})"
    return f"{short_stamp(event['at'])}  {what}{who}"


def _removal_text(last: dict[str, Any] | None) -> str:
    if not last:
        return ""
    where = "in the chat" if last["source"] == "chat" else f"by {last['actor']}"
    return f"{short_stamp(last['at'])} {where}" + (f": {last['reason']}" if last["reason"] and last["source"] == "app" else "")
