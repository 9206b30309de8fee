"""A made-up class group built through the real importer, scanner, review desk, incidents and register.

Used by the retention, erasure and subject-access tests. Jane Doe is the member those tests
erase or export: she posts, sends a photo only she sent and one Tom also sent, is flagged, is
in an incident, is warned, has notes, is named in system events and other people's messages,
and has a one-to-one chat whose export file is named after her. Jane Doe-Brown is a different
person whose name contains hers.
"""

import zipfile
from dataclasses import dataclass
from pathlib import Path

from rep_assistant.core.acting import incidents, register
from rep_assistant.core.detection.scan import scan_chat
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.reviewing import review
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

NAME = "Jane Doe"
#: Words only Jane ever wrote: none may survive her erasure anywhere in the file's bytes.
HER_WORDS = ("zanzibarish", "quokkaface")
OTHER = "Jane Doe-Brown"

GROUP_CHAT = f"""\
01/09/2025, 08:00 - {NAME} created group "Year 3 Parents"
01/09/2025, 08:01 - {NAME} added Tom Smith
01/09/2025, 08:01 - {NAME} added Ann Lee
01/09/2025, 08:01 - {NAME} added {OTHER}
01/09/2025, 08:02 - {NAME}: Hello all, welcome to the class group! Such a zanzibarish start to term
01/09/2025, 08:03 - {NAME}: IMG-20250901-WA0001.jpg (file attached)
01/09/2025, 08:04 - Tom Smith: IMG-20250901-WA0002.jpg (file attached)
01/09/2025, 08:05 - {NAME}: IMG-20250901-WA0003.jpg (file attached)
01/09/2025, 08:06 - Tom Smith: Thanks {NAME}, see you at the gate. Also thanks {OTHER}!
02/09/2025, 20:10 - {NAME}: Honestly the teacher is a useless idiot, a real quokkaface
02/09/2025, 21:30 - Ann Lee: {NAME} is lying about the trip, she's pathetic
02/09/2025, 21:35 - {OTHER}: Please can we keep it kind everyone
03/09/2025, 09:00 - {NAME} removed Ann Lee
03/09/2025, 09:05 - Tom Smith: Reminder: PE kit on Friday
"""

ONE_TO_ONE = f"""\
05/09/2025, 10:00 - {NAME}: Can I have a word about the trip money?
05/09/2025, 10:05 - Tom Smith: Of course, call me later
"""


@dataclass
class Group:
    store: Store
    chat_id: int
    jane: int
    ann: int
    jane_flag: int
    ann_flag: int
    incident: int
    media_only_hers: Path
    media_shared: Path


def write_exports(folder: Path) -> tuple[Path, Path]:
    group = folder / "WhatsApp Chat with Year 3 Parents.zip"
    with zipfile.ZipFile(group, "w") as z:
        z.writestr("WhatsApp Chat with Year 3 Parents.txt", GROUP_CHAT)
        z.writestr("IMG-20250901-WA0001.jpg", b"\xff\xd8 only Jane's photo \xff\xd9")
        z.writestr("IMG-20250901-WA0002.jpg", b"\xff\xd8 a photo both sent \xff\xd9")
        z.writestr("IMG-20250901-WA0003.jpg", b"\xff\xd8 a photo both sent \xff\xd9")
    direct = folder / f"WhatsApp Chat with {NAME}.txt"
    direct.write_text(ONE_TO_ONE, encoding="utf-8")
    return group, direct


def _flag_of(store: Store, member_id: int) -> int:
    return store.scalar("SELECT id FROM flags WHERE member_id = ? AND severity = 'breach' ORDER BY id LIMIT 1", (member_id,))


def build(store: Store, folder: Path) -> Group:
    group_file, direct_file = write_exports(folder)
    chat_id = import_export(store, group_file).chat_id
    import_export(store, direct_file)
    scan_chat(store, chat_id, settings=Settings())
    member = {name: mid for mid, name in store.db.conn.execute("SELECT id, name FROM members WHERE chat_id = ?", (chat_id,))}
    jane, ann = member[NAME], member["Ann Lee"]
    jane_flag, ann_flag = _flag_of(store, jane), _flag_of(store, ann)
    assert jane_flag and ann_flag, "the scanner no longer flags the made-up breaches"
    for flag in (jane_flag, ann_flag):
        review.set_status(store, flag, "confirmed")
    incident = incidents.create_incident(store, [jane_flag, ann_flag], note=f"{NAME} was asked to stop")
    incidents.update_incident(store, incident, note=f"Spoke to {NAME} at pick-up")
    review.add_note(store, f"{NAME} phoned me about this", flag_id=jane_flag)
    review.add_note(store, f"{NAME} has been difficult all term", member_id=jane)
    review.add_note(store, "Ann apologised", member_id=ann)
    register.record_member_event(store, chat_id, jane, "warn", f"{NAME} insulted the teacher", flag_id=jane_flag)
    register.record_member_event(store, chat_id, ann, "warn", f"Ann said {NAME} was lying", flag_id=ann_flag)
    media = {row[0]: store.media_dir / row[1] for row in store.db.conn.execute("SELECT original_name, stored_name FROM media")}
    return Group(store, chat_id, jane, ann, jane_flag, ann_flag, incident,
                 media["IMG-20250901-WA0001.jpg"], media["IMG-20250901-WA0002.jpg"])


def text_cells(store: Store) -> list[tuple[str, str, str]]:
    """Every text value in every column of every table (FTS shadow tables included), as (table, column, value)."""
    out = []
    conn = store.db.conn
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        columns = [c[1] for c in conn.execute(f'PRAGMA table_info("{table}")')]
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for column, value in zip(columns, row, strict=True):
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "replace")
                if isinstance(value, str):
                    out.append((table, column, value))
    return out
