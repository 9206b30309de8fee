"""The desk's operations, one thin function per domain action (Anki's operations/*.py).

Each takes its arguments first and then ``(store, progress, cancelled)`` from the database
thread, calls the core and returns ``Done(value, changes)``: the value for the caller, and
what changed for every panel (workers/changes.py). Nothing here touches a widget.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rep_assistant.core import chats
from rep_assistant.core.policy import active_policy
from rep_assistant.core.progress import CancelFn, ProgressFn
from rep_assistant.core.reviewing import manual, review
from rep_assistant.core.settings import Settings, save_settings
from rep_assistant.core.store import Store
from rep_assistant.ui.workers.changes import DECISION, Done, OpChanges

#: An import or a scan: new messages, members and flags in a chat the list shows.
_CHAT_CONTENT = OpChanges(chat_list=True, flags=True, messages=True, members=True)


@dataclass(frozen=True)
class ImportOutcome:
    chat_id: int
    chat_name: str
    added: int
    skipped: int
    already_imported: bool
    flags_new: int


def import_and_scan(path: Path, settings: Settings, store: Store, progress: ProgressFn, cancelled: CancelFn) -> Done[ImportOutcome]:
    """Import and scan in one transaction, so Cancel at any point leaves the store as it was."""
    from rep_assistant.core.importing import import_scan

    imported, scanned = import_scan.import_and_scan(store, path, settings=settings, progress=progress, cancelled=cancelled)
    return Done(ImportOutcome(imported.chat_id, imported.chat_name, imported.added, imported.skipped,
                              imported.already_imported, scanned.flags_new), _CHAT_CONTENT)


def scan(chat_id: int, settings: Settings, store: Store, progress: ProgressFn, cancelled: CancelFn) -> Done[Any]:
    from rep_assistant.core.detection.scan import scan_chat

    return Done(scan_chat(store, chat_id, settings=settings, progress=progress, cancelled=cancelled), DECISION)


def decide(flag_ids: Sequence[int], status: str, until: str | None, store: Store, _p: ProgressFn, _c: CancelFn) -> Done[list[int]]:
    return Done(review.decide(store, flag_ids, status, snooze_until=until), DECISION)


def undo_last(chat_id: int, store: Store, _p: ProgressFn, _c: CancelFn) -> Done[dict[str, Any] | None]:
    return Done(review.undo_last(store, chat_id), DECISION)


def add_note(text: str, store: Store, _p: ProgressFn, _c: CancelFn, *, flag_id: int | None, member_id: int | None) -> Done[int]:
    changes = OpChanges(flags=flag_id is not None, members=True)
    return Done(review.add_note(store, text, flag_id=flag_id, member_id=member_id), changes)


def flag_by_hand(message_id: int, category: str, settings: Settings, store: Store, _p: ProgressFn, _c: CancelFn) -> Done[int]:
    return Done(manual.flag_by_hand(store, message_id, category, active_policy(settings)), DECISION)


def unflag(flag_id: int, store: Store, _p: ProgressFn, _c: CancelFn) -> Done[None]:
    return Done(manual.unflag(store, flag_id), DECISION)


def suppress_kinds(flag_ids: Sequence[int], store: Store, _p: ProgressFn, _c: CancelFn) -> Done[list[int]]:
    """Dismiss a message's flags and never flag their kinds in the chat again; the rep's own flags are only dismissed."""
    suppressions = []
    with store.transaction():
        for flag_id in flag_ids:
            if store.scalar("SELECT rule_id FROM flags WHERE id = ?", (flag_id,)) == manual.MANUAL_RULE:
                review.decide(store, [flag_id], "dismissed")
            else:
                suppressions.append(manual.suppress_like(store, flag_id))
    return Done(suppressions, DECISION)


def lift_suppressions(suppression_ids: Sequence[int], flag_ids: Sequence[int], settings: Settings, store: Store,
                      progress: ProgressFn, cancelled: CancelFn) -> Done[None]:
    """Undo ``suppress_kinds``: lift the suppressions, put the flags back in the queue and re-check the chat."""
    from rep_assistant.core.detection.scan import scan_chat

    chat_ids = {manual.lift_suppression(store, sid) for sid in suppression_ids}
    review.decide(store, flag_ids, "new")
    for chat_id in chat_ids:
        scan_chat(store, chat_id, settings=settings, progress=progress, cancelled=cancelled)
    return Done(None, DECISION)


def rename_chat(chat_id: int, name: str, store: Store, _p: ProgressFn, _c: CancelFn) -> Done[str]:
    return Done(chats.rename_chat(store, chat_id, name)["name"], OpChanges(chat_list=True))


def save(settings: Settings, changes: dict[str, Any], store: Store, _p: ProgressFn, _c: CancelFn) -> Done[list[str]]:
    return Done(save_settings(settings, changes, store), OpChanges())


def prepare_demo(_store: Store, progress: ProgressFn, cancelled: CancelFn) -> Done[int]:
    """The demo store is the window's store (app.py opens it); this fills it on first use."""
    from rep_assistant.core.demo import prepare_demo as prepare

    _path, chat_id = prepare(progress=progress, cancelled=cancelled)
    return Done(chat_id, _CHAT_CONTENT)
