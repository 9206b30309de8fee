"""Erasure leaves nothing about the member anywhere in the store except the pseudonym."""

import json
import re
import sqlite3
from pathlib import Path

import pytest

from rep_assistant.core.duties import audit, erasure, subject_access, wipe
from rep_assistant.core.errors import NotFoundError, RepError
from rep_assistant.core.store import Store
from tests.core import made_up_group
from tests.core.made_up_group import HER_WORDS, NAME, OTHER

# Her full name, but not inside Jane Doe-Brown's.
HER_NAME = re.compile(r"jane doe(?!-brown)", re.IGNORECASE)


@pytest.fixture
def group(store: Store, tmp_path: Path) -> made_up_group.Group:
    return made_up_group.build(store, tmp_path)


def _raw_bytes(store: Store) -> bytes:
    return b"".join(Path(f"{store.path}{s}").read_bytes() for s in ("", "-wal") if Path(f"{store.path}{s}").exists())


def test_the_group_really_holds_her_everywhere_before(group: made_up_group.Group) -> None:
    """Guard: the round trip below would prove nothing if the name were not in these places."""
    places = {(t, c) for t, c, v in made_up_group.text_cells(group.store) if HER_NAME.search(v)}
    for expected in [("messages", "text"), ("messages", "actor"), ("members", "name"), ("notes", "text"),
                     ("member_events", "reason"), ("chats", "name"), ("imports", "source_name")]:
        assert expected in places
    assert group.media_only_hers.is_file() and group.media_shared.is_file()


def test_erasure_removes_her_from_every_table_and_from_the_files_bytes(group: made_up_group.Group) -> None:
    store = group.store
    plan = erasure.erase(store, "Year 3 Parents", NAME)
    pseudonym = f"Member {group.jane}"
    assert plan.member.pseudonym == pseudonym

    left = [(t, c, v) for t, c, v in made_up_group.text_cells(store) if HER_NAME.search(v) or any(w in v.lower() for w in HER_WORDS)]
    assert left == []
    raw = _raw_bytes(store).lower()
    assert HER_NAME.search(raw.decode("latin-1")) is None
    for word in HER_WORDS:
        assert word.encode() not in raw, f"{word} survives in the file's free pages or FTS segments"

    # Jane Doe-Brown is someone else and keeps her name.
    assert store.scalar("SELECT count(*) FROM members WHERE name = ?", (OTHER,)) == 1
    assert store.scalar("SELECT count(*) FROM messages WHERE text LIKE ?", (f"%thanks {OTHER}!%",)) == 1
    # References now read as the pseudonym.
    assert store.scalar("SELECT name FROM members WHERE id = ?", (group.jane,)) == pseudonym
    assert store.scalar("SELECT count(*) FROM messages WHERE text = ?", (f"Ann Lee: {pseudonym} is lying",)) == 0
    assert store.scalar("SELECT count(*) FROM messages WHERE text LIKE ?", (f"{pseudonym} is lying%",)) == 1
    assert store.scalar("SELECT count(*) FROM messages WHERE actor = ?", (pseudonym,)) >= 4
    assert store.scalar("SELECT count(*) FROM chats WHERE name = ?", (pseudonym,)) == 1
    # Her messages are gone, the rep's record of what was done stays.
    assert store.scalar("SELECT count(*) FROM messages WHERE member_id = ?", (group.jane,)) == 0
    assert store.scalar("SELECT member_id FROM flags WHERE id = ?", (group.jane_flag,)) == group.jane
    # Her flags keep the clause they cite but no longer quote her words.
    for explanation, spans in store.db.conn.execute("SELECT explanation, spans FROM flags WHERE member_id = ?", (group.jane,)):
        assert explanation.startswith(wipe.WORDING_REMOVED + " — clause ") and "'" not in explanation.split(" says: ")[0]
        assert spans == "[]"
    assert "'pathetic'" in store.scalar("SELECT explanation FROM flags WHERE id = ?", (group.ann_flag,))
    assert store.scalar("SELECT count(*) FROM member_events WHERE member_id = ?", (group.jane,)) == 1
    assert store.scalar("SELECT count(*) FROM incident_flags WHERE flag_id = ?", (group.jane_flag,)) == 1
    assert store.scalar("SELECT count(*) FROM notes WHERE member_id = ?", (group.jane,)) == 0
    # Search no longer finds her words; the index still works for everyone else's.
    assert store.scalar("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'quokkaface'") == 0
    assert store.scalar("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'kind'") == 1
    assert store.scalar("PRAGMA integrity_check") == "ok"
    store.db.conn.execute("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")


def test_only_media_she_alone_sent_is_deleted(group: made_up_group.Group) -> None:
    erasure.erase(group.store, "Year 3 Parents", NAME)
    assert not group.media_only_hers.exists()
    assert group.media_shared.is_file()
    assert group.store.scalar("SELECT count(*) FROM media") == 1


def test_erasure_is_recorded_and_the_chain_stays_valid(group: made_up_group.Group) -> None:
    before = audit.verify(group.store.db.conn).checked
    hers = group.store.scalar("SELECT count(*) FROM messages m JOIN members p ON p.id = m.member_id WHERE p.name = ?", (NAME,))
    direct = group.store.scalar("SELECT id FROM members WHERE name = ? AND chat_id != ?", (NAME, group.chat_id))
    plan = erasure.erase(group.store, "Year 3 Parents", NAME)
    result = audit.verify(group.store.db.conn)
    assert result.ok and result.checked == before + 1
    last = audit.entries(group.store.db.conn, action="member.erase")[-1]
    # Her one-to-one chat is the same person: erased too, under its own pseudonym.
    assert last["objects"] == {"chat": group.chat_id, "member": group.jane, "members": [group.jane, direct]}
    assert group.store.scalar("SELECT name FROM members WHERE id = ?", (direct,)) == f"Member {direct}"
    assert last["details"]["messages"] == hers == 5 and last["details"]["pseudonym"] == f"Member {group.jane}"
    # What was removed, and how many values in each column now read as the pseudonym (her notes, the one
    # on her flag included, went first, and the reason of her own warning was blanked).
    assert last["details"] == {
        "pseudonym": f"Member {group.jane}", "messages": 5, "media_files": 1, "notes": 2, "register_reasons": 1,
        "exports_removed": 0, "flags_kept": 2,
        "replaced": {"chats.name": 1, "imports.source_name": 1, "member_events.reason": 1, "messages.actor": 5,
                     "messages.text": 7, "notes.text": 2}}
    assert plan.mentions == last["details"]["replaced"]
    assert not HER_NAME.search(json.dumps(audit.entries(group.store.db.conn)))


def test_another_members_subject_access_export_does_not_name_her(group: made_up_group.Group, tmp_path: Path) -> None:
    erasure.erase(group.store, "Year 3 Parents", NAME)
    html_path, json_path, counts = subject_access.export(group.store, "Year 3 Parents", "Ann Lee", tmp_path / "ann")
    for path in (html_path, json_path):
        text = path.read_text(encoding="utf-8")
        assert not HER_NAME.search(text)
        # Ann's reply names nobody else: even the pseudonym of the erased member is masked like any other member.
        assert f"Member {group.jane}" not in text and "Parent A" in text
    assert counts["messages"] == 1 and counts["system_events"] == 2  # added, removed


def test_a_phone_number_author_is_erased_in_every_spelling(store: Store, tmp_path: Path) -> None:
    from rep_assistant.core.importing.importer import import_export

    export = tmp_path / "WhatsApp Chat with Class 5.txt"
    export.write_text(
        "01/09/2025, 08:00 - +44 7700 900123: Hi, Sam's mum here\n"
        "01/09/2025, 08:01 - Tom Smith: Welcome! I saved you as 07700 900123 and +447700900123\n",
        encoding="utf-8",
    )
    import_export(store, export)
    erasure.erase(store, "Class 5", "+44 7700 900123")
    cells = " ".join(v for _, _, v in made_up_group.text_cells(store))
    assert "900123" not in cells
    assert "I saved you as Member 1 and Member 1" in cells


def test_unknown_or_already_erased_members_are_refused(group: made_up_group.Group) -> None:
    with pytest.raises(NotFoundError, match="no chat"):
        erasure.erase(group.store, "Nope", NAME)
    with pytest.raises(NotFoundError, match="Nobody called"):
        erasure.erase(group.store, "Year 3 Parents", "Zed")
    erasure.erase(group.store, "Year 3 Parents", NAME)
    with pytest.raises(NotFoundError):
        erasure.erase(group.store, "Year 3 Parents", NAME)
    with pytest.raises(RepError, match="already been erased"):
        erasure.erase(group.store, "Year 3 Parents", f"Member {group.jane}")


def test_a_failed_erasure_changes_nothing(group: made_up_group.Group) -> None:
    store = group.store
    snapshot = sorted(made_up_group.text_cells(store))
    store.db.conn.execute("CREATE TRIGGER fail_erase BEFORE UPDATE OF name ON members BEGIN SELECT RAISE(ABORT, 'boom'); END")
    with pytest.raises(sqlite3.IntegrityError):
        erasure.erase(store, "Year 3 Parents", NAME)
    store.db.conn.execute("DROP TRIGGER fail_erase")
    assert sorted(made_up_group.text_cells(store)) == snapshot
    assert group.media_only_hers.is_file()


def test_a_reimport_does_not_bring_an_erased_member_back(group: made_up_group.Group, tmp_path: Path) -> None:
    from rep_assistant.core.importing.importer import import_export

    store = group.store
    erasure.erase(store, "Year 3 Parents", NAME)
    assert erasure.is_erased(store, "jane   DOE") and not erasure.is_erased(store, OTHER)
    again = tmp_path / "again"
    again.mkdir()
    group_file, direct_file = made_up_group.write_exports(again)
    import_export(store, group_file, chat_name="Year 3 Parents")
    import_export(store, direct_file)
    assert store.scalar("SELECT count(*) FROM members WHERE name = ?", (NAME,)) == 0
    left = [(t, c, v) for t, c, v in made_up_group.text_cells(store) if HER_NAME.search(v) or any(w in v.lower() for w in HER_WORDS)]
    assert left == []
    assert not group.media_only_hers.exists()
    erased = audit.entries(store.db.conn, action="member.erase")
    assert [e["details"].get("reapplied") for e in erased] == [None, True, True]
    # The group's re-import brings back her four messages there, her own chat's the one there.
    assert [{k: e["details"][k] for k in ("messages", "media_files", "replaced")} for e in erased[1:]] == [
        {"messages": 4, "media_files": 1, "replaced": {}},
        {"messages": 1, "media_files": 0, "replaced": {"chats.name": 1, "imports.source_name": 1}}]
    assert audit.verify(store.db.conn).ok


def test_phone_numbers_are_remembered_by_their_digits(store: Store, tmp_path: Path) -> None:
    from rep_assistant.core.importing.importer import import_export

    export = tmp_path / "WhatsApp Chat with Class 5.txt"
    export.write_text("01/09/2025, 08:00 - +44 7700 900123: Hi, Sam's mum here\n", encoding="utf-8")
    import_export(store, export)
    assert not erasure.is_erased(store, "+44 7700 900123")
    erasure.erase(store, "Class 5", "+44 7700 900123")
    assert erasure.is_erased(store, "07700 900123") and erasure.is_erased(store, "+447700900123")
    assert not erasure.is_erased(store, "+44 7700 900124")


def test_an_incident_bundle_built_after_her_erasure_does_not_name_her(group: made_up_group.Group, tmp_path: Path) -> None:
    """Bundles come from the store (the bundle engineer's code); ones already handed over are out of reach."""
    import zipfile

    from rep_assistant.core.acting.bundle import export_bundle
    from rep_assistant.core.settings import Settings

    erasure.erase(group.store, "Year 3 Parents", NAME)
    out = tmp_path / "bundle.zip"
    export_bundle(group.store, group.incident, out, Settings(), render_pdf=None, redact=False)
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            text = z.read(name).decode("utf-8", "replace")
            assert not HER_NAME.search(text) and not HER_NAME.search(name), name
            assert not any(word in text for word in HER_WORDS), name
