"""A made-up chat for the forensic tests: a person to erase, a phone-number member, old text to purge.

Every word the tests hunt for in the raw bytes is unusual enough that it can only come from
here: the erased parent's name and phrases, the phone member's number (posted by others in
four spellings), an old message and photo that a purge removes, and the rep's notes about them.
"""

import sqlite3
import zipfile
from pathlib import Path

import pytest

from rep_assistant.core.acting import register
from rep_assistant.core.detection.scan import scan_chat
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.reviewing import review
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

ERASED = "Imelda Zaragoza"
ERASED_WORDS = ("xylophonic", "brontosaurish", "IMELDA-PHOTO-BYTES")
PHONE = "+44 7700 900123"
PHONE_WORDS = ("platypusy",)
#: Every spelling of the phone member's number in the chat; none may survive their erasure.
PHONE_SPELLINGS = ("7700 900123", "(0)7700 900123", "7700 900 123", "07700.900.123", "7700900123", "900123")
PURGED_WORDS = ("wombatish", "TOM-OLD-PHOTO-BYTES")
CHAT_NAME = "Year 4 Oaks"

CHAT = f"""\
10/06/2025, 08:00 - Tom Smith created group "{CHAT_NAME}"
10/06/2025, 08:01 - Tom Smith added {ERASED}
10/06/2025, 08:02 - Tom Smith: ancient wombatish news about the fete
10/06/2025, 08:03 - Tom Smith: IMG-20250610-WA0001.jpg (file attached)
20/12/2025, 09:00 - {ERASED}: Morning all, a xylophonic start to the holidays
20/12/2025, 09:01 - {ERASED}: IMG-20251220-WA0002.jpg (file attached)
20/12/2025, 09:05 - {ERASED}: Honestly the teacher is a useless idiot, so brontosaurish
20/12/2025, 09:10 - {PHONE}: hello from a platypusy phone
20/12/2025, 09:11 - Ann Lee: {ERASED} is right, ring +44 (0)7700 900123 about it
20/12/2025, 09:12 - Ann Lee: or 0044 7700 900 123, or 07700.900.123
20/12/2025, 09:13 - Tom Smith: thanks imelda zaragoza, see you at the gate
20/12/2025, 09:14 - Tom Smith: Reminder: PE kit on Friday
20/12/2025, 09:15 - Ann Lee: IMG-20251220-WA0003.jpg (file attached)
"""


def write_export(folder: Path) -> Path:
    path = folder / f"WhatsApp Chat - {CHAT_NAME}.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"WhatsApp Chat - {CHAT_NAME}.txt", CHAT)
        z.writestr("IMG-20250610-WA0001.jpg", b"\xff\xd8 TOM-OLD-PHOTO-BYTES \xff\xd9")
        z.writestr("IMG-20251220-WA0002.jpg", b"\xff\xd8 IMELDA-PHOTO-BYTES \xff\xd9")
        z.writestr("IMG-20251220-WA0003.jpg", b"\xff\xd8 a photo Ann keeps \xff\xd9")
    return path


def build(store: Store, folder: Path) -> int:
    """Import, scan, decide, note and warn as a rep would; returns the chat id."""
    chat_id = import_export(store, write_export(folder)).chat_id
    scan_chat(store, chat_id, settings=Settings())
    member = dict(store.db.conn.execute("SELECT name, id FROM members WHERE chat_id = ?", (chat_id,)).fetchall())
    flag = store.scalar("SELECT id FROM flags WHERE member_id = ? AND severity = 'breach' ORDER BY id LIMIT 1",
                        (member[ERASED],))
    assert flag, "the scanner no longer flags the made-up breach"
    review.set_status(store, flag, "confirmed")
    review.add_note(store, "She said it was brontosaurish, I will call her", flag_id=flag)
    review.add_note(store, "Imelda has been upset all term", member_id=member[ERASED])
    review.add_note(store, "Tom posted “ancient wombatish news” again", member_id=member["Tom Smith"])
    register.record_member_event(store, chat_id, member[ERASED], "warn", "xylophonic rudeness", flag_id=flag)
    register.record_member_event(store, chat_id, member["Ann Lee"], "warn", f"Ann backed {ERASED} up", flag_id=None)
    return chat_id


def hunted() -> list[bytes]:
    """Everything that must be gone after the erasures and the purge, as bytes (and in UTF-16, for FTS or odd files)."""
    words = [*ERASED.split(), ERASED.lower(), *ERASED_WORDS, *PHONE_WORDS, *PHONE_SPELLINGS, *PURGED_WORDS]
    return [w.encode("utf-8") for w in words] + [w.encode("utf-16-le") for w in words if len(w) > 5]


def survivors(files: list[Path]) -> dict[str, list[str]]:
    """Which hunted words are in which file's raw bytes (case-insensitive)."""
    found: dict[str, list[str]] = {}
    for file in files:
        data = file.read_bytes().lower()
        hits = [w.decode("utf-8", "replace") for w in hunted() if w.lower() in data]
        if hits:
            found[str(file)] = hits
    return found


def every_file(*roots: Path) -> list[Path]:
    return sorted(p for root in roots for p in root.rglob("*") if p.is_file())


class _NoSecureDelete(sqlite3.Connection):
    """A connection on which ``PRAGMA secure_delete = ON`` does nothing, as on SQLite built without it."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if "secure_delete" in sql.lower():
            sql = "PRAGMA secure_delete = OFF"
        return super().execute(sql, *args)


def secure_delete_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Emulate the Windows and macOS builds of SQLite, where secure delete is off at compile time (until the test ends)."""
    real = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        kwargs.setdefault("factory", _NoSecureDelete)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", connect)
