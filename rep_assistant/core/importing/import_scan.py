"""Importing an export and scanning it as one step: the GUI's Import, ``scan FILE`` and the demo.

Both happen in one transaction, so a scan that fails or is cancelled undoes the import too, and
the media files the import copied out of a zip are removed again: the store (rows and media
folder) is as it was. Kept apart from importer.py because loading the scanner compiles the
rules, which the plain ``import`` command should not pay for.
"""

from pathlib import Path

from rep_assistant.core.detection.scan import ScanResult, scan_chat
from rep_assistant.core.importing.importer import ImportResult, importing
from rep_assistant.core.policy import Policy
from rep_assistant.core.progress import CancelFn, ProgressFn
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store


def import_and_scan(store: Store, path: Path | str, *, chat_name: str | None = None, policy: Policy | None = None,
                    settings: Settings | None = None, progress: ProgressFn | None = None,
                    cancelled: CancelFn | None = None) -> tuple[ImportResult, ScanResult]:
    """Import ``path`` (as ``import_export``) and scan its chat (as ``scan_chat``), all or nothing."""
    with importing(store, path, chat_name=chat_name, progress=progress, cancelled=cancelled) as imported:
        scanned = scan_chat(store, imported.chat_id, policy=policy, settings=settings, progress=progress,
                            cancelled=cancelled)
    return imported, scanned
