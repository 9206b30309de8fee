"""The review keys: decide, note, flag by hand, undo; each acts only on the message the rep sees.

Why its own module: the keys used to read "the queue's selected flag" whatever tab was shown,
so C on the Conversation tab confirmed a different parent's flag, unseen. Here every key first
asks ``target()`` what is shown: the queue's selected message on the Review tab, the selected
message on the Conversation tab (its own flags, or none: then the key does nothing and the status
bar says why). Each decision then names what it applied to, with Undo (decision_notice.py).
"""

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QTabWidget

from rep_assistant.core.errors import RepError
from rep_assistant.core.policy import active_policy
from rep_assistant.core.reviewing import manual, review
from rep_assistant.ui import style
from rep_assistant.ui.desk import Desk
from rep_assistant.ui.views.conversation_view import ConversationView
from rep_assistant.ui.views.decision_notice import DecisionNotice, what
from rep_assistant.ui.views.flag_dialog import FlagDialog
from rep_assistant.ui.views.note_dialog import NoteDialog
from rep_assistant.ui.views.review_panel import ReviewPanel
from rep_assistant.ui.workers import ops

_DONE = {"confirmed": "Confirmed: {what}", "dismissed": "Dismissed: {what}", "snoozed": "Snoozed until tomorrow: {what}"}


class ReviewActions(QObject):
    """The Review menu's actions over the window's panels (made once by the window)."""

    def __init__(self, desk: Desk, tabs: QTabWidget, review_panel: ReviewPanel, conversation: ConversationView,
                 notice: DecisionNotice) -> None:
        super().__init__(tabs)
        self._desk, self._tabs, self._review, self._conversation, self._notice = desk, tabs, review_panel, conversation, notice
        self.note_dialog: NoteDialog | None = None
        self.flag_dialog: FlagDialog | None = None

    def _say(self, text: str) -> None:
        self._desk.statusBar().showMessage(text, 8000)

    # -- what the keys act on ----------------------------------------------------------------

    def shown(self) -> tuple[list[int], dict[str, Any] | None, str]:
        """(flag ids, the message's record, why there is nothing to act on) for what the rep sees."""
        shown = self._tabs.currentWidget()
        if shown is self._review:
            record = self._review.selected_record()
            if record is None:
                return [], None, self.tr("Select a message in the queue first.")
            return self._review.selected_flag_ids(), record, ""
        if shown is self._conversation:
            record = self._conversation.selected_message()
            if record is None:
                return [], None, self.tr("Select a message first.")
            flag_ids = [f["id"] for f in record.get("flags", [])]
            why = "" if flag_ids else self.tr("This message has no flag, so there is nothing to decide. "
                                              "If it breaks the policy, press F to flag it yourself.")
            return flag_ids, record, why
        return [], None, self.tr("Decisions apply to the message you see: open the Review queue (Ctrl+1) "
                                 "or the Conversation (Ctrl+2).")

    def target(self) -> tuple[list[int], dict[str, Any]] | None:
        """(flag ids, record) a key acts on; None, said in the status bar, when the rep sees no flag."""
        flag_ids, record, why = self.shown()
        if not flag_ids or record is None:
            self._say(why)
            return None
        return flag_ids, record

    def _message_shown(self) -> dict[str, Any] | None:
        shown = self._tabs.currentWidget()
        if shown is self._review:
            record = self._review.selected_record()
            return {**record, "id": record["message_id"]} if record and record.get("message_id") else None
        if shown is self._conversation:
            return self._conversation.selected_message()
        return None

    # -- decisions -------------------------------------------------------------------------------

    def decide(self, status: str) -> int | None:
        """Record ``status`` on every flag of the message shown; on the queue, move on to the next one."""
        target = self.target()
        if target is None:
            return None
        flag_ids, record = target
        until = review.snooze_until_tomorrow() if status == "snoozed" else None
        if self._tabs.currentWidget() is self._review:
            self._review.select_next()
        return self._desk.run_op(self.tr("Saving decision"), partial(ops.decide, flag_ids, status, until),
                                 partial(self._on_decided, status, record))

    def _on_decided(self, status: str, record: dict[str, Any], decided: list[int]) -> None:
        about = what(record)
        if decided:
            self._notice.show_decision(self.tr(_DONE[status]).format(what=about), self.undo_last)
        else:
            self._say(self.tr("Already {status}: {what}").format(status=style.status_label(status).lower(), what=about))

    def dismiss_kind(self) -> int | None:
        """Dismiss the message shown and never flag that kind of message in this chat again."""
        target = self.target()
        if target is None:
            return None
        flag_ids, record = target
        if self._tabs.currentWidget() is self._review:
            self._review.select_next()
        return self._desk.run_op(self.tr("Dismissing"), partial(ops.suppress_kinds, flag_ids),
                                 partial(self._on_kind_dismissed, record, flag_ids))

    def _on_kind_dismissed(self, record: dict[str, Any], flag_ids: list[int], suppressions: list[int]) -> None:
        settings = self._desk.settings
        self._notice.show_decision(
            self.tr("Dismissed, and this kind will not be flagged in this chat again: {what}").format(what=what(record)),
            lambda: self._desk.run_op(self.tr("Flagging this kind again"),
                                      partial(ops.lift_suppressions, suppressions, flag_ids, settings),
                                      lambda _r: self._say(self.tr("This kind of message is flagged again."))))

    def undo_last(self) -> int | None:
        chat_id = self._desk.current_chat_id()
        if chat_id is None:
            return None
        return self._desk.run_op(self.tr("Undoing"), partial(ops.undo_last, chat_id), self._on_undone)

    def _on_undone(self, result: dict[str, Any] | None) -> None:
        self._notice.clear()
        if result is None:
            self._say(self.tr("Nothing to undo in this chat."))
            return
        self._review.select_flag(result["flag_id"])
        detail = review.flag_detail(self._desk.store, result["flag_id"])
        self._say(self.tr("Undone: {what} is {status} again.").format(
            what=what(detail), status=style.status_label(result["status"]).lower()))

    # -- notes ---------------------------------------------------------------------------------

    def add_note_to_flag(self) -> None:
        target = self.target()
        if target is not None:
            flag_ids, record = target
            self._ask_note(self.tr("Note on {what}").format(what=what(record)),
                           partial(ops.add_note, flag_id=flag_ids[0], member_id=None))

    def add_note_to_member(self, member_id: int | None) -> None:
        if member_id is None:
            self._say(self.tr("Select a member first (View ▸ Members)."))
            return
        self._ask_note(self.tr("Note about this member"), partial(ops.add_note, flag_id=None, member_id=member_id))

    def _ask_note(self, title: str, op: Callable[..., Any]) -> None:
        dialog = NoteDialog(title, self._desk)  # type: ignore[arg-type]  # the desk is the window
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._desk.run_op(self.tr("Saving note"), partial(op, dialog.text()),
                                                          lambda _r: self._say(self.tr("Note saved."))))
        dialog.finished.connect(self._on_note_dialog_finished)
        self.note_dialog = dialog
        dialog.open()

    def _on_note_dialog_finished(self, _result: int) -> None:
        self.note_dialog = None

    # -- flagging by hand ---------------------------------------------------------------------

    def flag_message(self, message_id: int | None = None) -> FlagDialog | None:
        """Ask which category the message breaks (the best one chosen), then flag it as the rep's own."""
        if message_id is None:
            record = self._message_shown()
        else:
            context = review.message_context(self._desk.store, message_id, before=0, after=0)
            record = context[0] if context else None
        if record is None:
            self._say(self.tr("Select a message in the Conversation (Ctrl+2) or the queue first, then press F."))
            return None
        if record.get("kind") == "system":
            self._say(self.tr("That is a note from WhatsApp itself, not a parent's message; there is nothing to flag."))
            return None
        try:
            policy = active_policy(self._desk.settings)
        except RepError as exc:
            self._desk.show_error(exc)
            return None
        suggested = manual.suggest_category(self._desk.store, record["id"], policy)
        dialog = FlagDialog(record, manual.category_choices(policy), suggested, self._desk)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._flag(record, dialog.category()))
        dialog.finished.connect(self._on_flag_dialog_finished)
        self.flag_dialog = dialog
        dialog.open()
        return dialog

    def _on_flag_dialog_finished(self, _result: int) -> None:
        self.flag_dialog = None

    def _flag(self, record: dict[str, Any], category: str | None) -> None:
        if category is None:
            return
        self._desk.run_op(self.tr("Flagging"), partial(ops.flag_by_hand, record["id"], category, self._desk.settings),
                          partial(self._on_flagged, record, category))

    def _on_flagged(self, record: dict[str, Any], category: str, flag_id: int) -> None:
        self._notice.show_decision(
            self.tr("Flagged by you as {category}: {what}").format(category=style.category_label(category), what=what(record)),
            lambda: self._desk.run_op(self.tr("Taking the flag back"), partial(ops.unflag, flag_id),
                                      lambda _r: self._say(self.tr("Flag taken back."))))

    # -- moving around ---------------------------------------------------------------------------

    def show_in_conversation(self) -> None:
        record = self._message_shown()
        if record is not None:
            self._tabs.setCurrentWidget(self._conversation)
            self._conversation.jump_to_message(record["id"])
