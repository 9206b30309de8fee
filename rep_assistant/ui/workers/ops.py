"""The desk's operations, one thin function per domain action (Anki's operations/*.py).

Each takes its arguments first and then ``(store, progress, cancelled)`` from the database
thread, calls the core and returns plain data; nothing here touches a widget.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rep_assistant.core.progress import CancelFn, ProgressFn
from rep_assistant.core.reviewing import review
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store


@dataclass(frozen=True)
class ImportOutcome:
    chat_id: int
    chat_name: str
    added: int
    skipped: int
    already_imported: bool
    flags_new: int


def import_and_scan(path: Path, settings: Settings, store: Store, progress: ProgressFn, cancelled: CancelFn) -> ImportOutcome:
    """Import and scan in one transaction, so Cancel at any point leaves the store as it was."""
    from rep_assistant.core.importing import import_scan

    imported, scanned = import_scan.import_and_scan(store, path, settings=settings, progress=progress, cancelled=cancelled)
    return ImportOutcome(imported.chat_id, imported.chat_name, imported.added, imported.skipped,
                         imported.already_imported, scanned.flags_new)


def scan(chat_id: int, settings: Settings, store: Store, progress: ProgressFn, cancelled: CancelFn) -> Any:
    from rep_assistant.core.detection.scan import scan_chat

    return scan_chat(store, chat_id, settings=settings, progress=progress, cancelled=cancelled)


def set_status(flag_id: int, status: str, until: str | None, store: Store, _progress: ProgressFn, _cancelled: CancelFn) -> int | None:
    return review.set_status(store, flag_id, status, snooze_until=until)


def undo_last(chat_id: int, store: Store, _progress: ProgressFn, _cancelled: CancelFn) -> dict[str, Any] | None:
    return review.undo_last(store, chat_id)


def add_note(text: str, store: Store, _progress: ProgressFn, _cancelled: CancelFn, *,
             flag_id: int | None, member_id: int | None) -> int:
    return review.add_note(store, text, flag_id=flag_id, member_id=member_id)


def prepare_demo(_store: Store, progress: ProgressFn, cancelled: CancelFn) -> int:
    """The demo store is the window's store (app.py opens it); this fills it on first use."""
    from rep_assistant.core.demo import prepare_demo as prepare

    _path, chat_id = prepare(progress=progress, cancelled=cancelled)
    return chat_id
