"""Importing into the store: idempotent, incremental, atomic, searchable."""

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from rep_assistant.core.chats import find_chat, list_chats, search_messages
from rep_assistant.core.errors import BadExportError, Cancelled, NotFoundError
from rep_assistant.core.importing import importer
from rep_assistant.core.importing.importer import import_export

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"
GROUP = EXPORTS / "WhatsApp Chat - Year 3 Parents.txt"
MAPLE = EXPORTS / "WhatsApp Chat with Maple Class.txt"

_TABLES = ("chats", "members", "imports", "media", "messages", "audit_log")


def _counts(store) -> dict[str, int]:
    counts = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in _TABLES}
    counts["fts"] = store.scalar("SELECT count(*) || '/' || total(length(block)) FROM messages_fts_data")
    return counts


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_stores_every_entry_with_members_and_audit(store) -> None:
    result = import_export(store, GROUP)
    assert (result.chat_name, result.entries, result.added, result.skipped, result.already_imported) == (
        "Year 3 Parents", 16, 16, 0, False)
    members = {r["name"]: r["is_phone"] for r in store.query("SELECT name, is_phone FROM members")}
    assert members == {"Gemma Clarke": 0, "+44 7700 900123": 1, "Olu Adeyemi": 0, "Tom Wilson": 0, "PTA: Sam Lee": 0}
    rows = store.query("SELECT seq, ts, member_id, kind, edited, system_event, actor, target, extra FROM messages ORDER BY seq")
    assert [r["seq"] for r in rows] == list(range(1, 17))
    assert rows[0]["member_id"] is None and json.loads(rows[0]["extra"]) == {"attributed_to": "Year 3 Parents"}
    assert (rows[11]["system_event"], rows[11]["actor"], rows[11]["target"]) == ("removed", "Gemma Clarke", "Tom Wilson")
    assert rows[5]["edited"] == 1
    audit = store.query("SELECT action, objects, details FROM audit_log")
    assert [a["action"] for a in audit] == ["import"]
    assert json.loads(audit[0]["objects"]) == {"chat": result.chat_id, "import": result.import_id}
    details = json.loads(audit[0]["details"])
    assert {k: details[k] for k in ("entries", "added", "skipped", "media_added")} == {"entries": 16, "added": 16, "skipped": 0, "media_added": 0}
    assert details["size"] == GROUP.stat().st_size and len(details["sha256"]) == 64
    assert "Gemma" not in audit[0]["details"] + audit[0]["objects"]


def test_reimport_adds_nothing_but_is_recorded(store) -> None:
    first = import_export(store, MAPLE)
    before = _counts(store)
    again = import_export(store, MAPLE)
    assert (again.chat_id, again.added, again.skipped, again.already_imported) == (first.chat_id, 0, first.entries, True)
    after = _counts(store)
    assert after["messages"] == before["messages"] and after["members"] == before["members"]
    assert after["imports"] == 2 and after["audit_log"] == 2
    assert json.loads(store.query("SELECT details FROM audit_log ORDER BY id DESC LIMIT 1")[0]["details"])["added"] == 0


def test_newer_export_adds_only_new_messages_and_keeps_genuine_repeats(store, tmp_path: Path) -> None:
    old = ["14/03/2024, 09:05 - Priya Shah: Thanks!", "14/03/2024, 09:05 - Priya Shah: Thanks!", "14/03/2024, 09:06 - Tom Wilson: See you"]
    new = [*old, "14/03/2024, 09:06 - Tom Wilson: See you", "15/03/2024, 10:00 - Priya Shah: Thanks!", "15/03/2024, 10:01 - Ana Silva: hi"]
    first = import_export(store, _write(tmp_path / "WhatsApp Chat with Oak.txt", old))
    assert first.added == 3
    second = import_export(store, _write(tmp_path / "WhatsApp Chat with Oak (1).txt", new))
    assert (second.chat_id, second.entries, second.added, second.skipped) == (first.chat_id, 6, 3, 3)
    rows = store.query("SELECT seq, ts, text, occurrence FROM messages ORDER BY seq")
    assert [(r["ts"][11:16], r["text"], r["occurrence"]) for r in rows] == [
        ("09:05", "Thanks!", 0), ("09:05", "Thanks!", 1), ("09:06", "See you", 0),
        ("09:06", "See you", 1), ("10:00", "Thanks!", 0), ("10:01", "hi", 0)]
    assert [r["seq"] for r in rows] == [1, 2, 3, 7, 8, 9]


def test_chat_option_names_the_chat(store) -> None:
    result = import_export(store, MAPLE, chat_name="Maple 2024")
    assert find_chat(store, "maple 2024")["id"] == result.chat_id
    assert find_chat(store, str(result.chat_id))["name"] == "Maple 2024"
    with pytest.raises(NotFoundError):
        find_chat(store, "Willow")
    assert [c["name"] for c in list_chats(store)] == ["Maple 2024"]
    assert list_chats(store)[0]["messages"] == 16


def test_chat_option_in_another_case_adds_to_that_chat(store) -> None:
    first = import_export(store, MAPLE, chat_name="Maple 2024")
    again = import_export(store, MAPLE, chat_name="maple 2024")
    assert (again.chat_id, again.chat_name, again.already_imported) == (first.chat_id, "Maple 2024", True)
    assert [c["name"] for c in list_chats(store)] == ["Maple 2024"]


def test_chat_names_that_differ_in_case_only(store) -> None:
    """find_chat refuses to guess between them; an import adds to the oldest, and a number is a name."""
    first = import_export(store, MAPLE, chat_name="Year 3")
    with store.transaction():  # an import would add to "Year 3", so the twin is made by hand
        second = store.db.conn.execute("INSERT INTO chats (name, created_at) VALUES ('YEAR 3', '2024-03-14T09:00:00')").lastrowid
    with pytest.raises(NotFoundError):
        find_chat(store, "year 3")
    assert find_chat(store, "YEAR 3")["id"] == second
    assert import_export(store, MAPLE, chat_name="year 3").chat_id == first.chat_id
    numbered = import_export(store, MAPLE, chat_name=str(first.chat_id))
    assert (numbered.chat_name, numbered.already_imported) == (str(first.chat_id), False)
    assert numbered.chat_id not in (first.chat_id, second)


def test_cancel_rolls_everything_back(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import_export(store, GROUP)
    before = _counts(store)
    monkeypatch.setattr(importer, "BATCH", 2)
    calls = []
    big = _write(tmp_path / "WhatsApp Chat with Year 3 Parents.txt", [f"14/03/2024, 09:{m:02d} - Ana Silva: note {m}" for m in range(40)])
    with pytest.raises(Cancelled):
        import_export(store, big, chat_name="Year 3 Parents", progress=lambda d, t, label: calls.append(d),
                      cancelled=lambda: len(calls) > 3)
    assert _counts(store) == before
    assert calls and max(calls) < 40


def test_bad_file_leaves_store_unchanged(store, tmp_path: Path) -> None:
    import_export(store, GROUP)
    before = _counts(store)
    late_garbage = tmp_path / "chat.txt"
    late_garbage.write_bytes(b"14/03/2024, 09:05 - Ana: hi\n" * 1000 + b"\xff\xfe\xfa broken\n")
    with pytest.raises(BadExportError, match="not UTF-8"):
        import_export(store, late_garbage)
    assert _counts(store) == before


def test_full_text_search_follows_inserts_updates_and_deletes(store) -> None:
    chat_id = import_export(store, MAPLE).chat_id
    assert [r["text"] for r in search_messages(store, chat_id, "wellies")] == ["Note: bring wellies"]
    assert [r["author"] for r in search_messages(store, chat_id, "swimming POOL")] == ["Priya Shah"]
    assert search_messages(store, chat_id, 'AND "quote -minus') == []
    with store.transaction():
        store.db.conn.execute("UPDATE messages SET text = '[purged]' WHERE text LIKE '%wellies%'")
        store.db.conn.execute("DELETE FROM messages WHERE text LIKE 'Swimming%'")
    assert search_messages(store, chat_id, "wellies") == []
    assert search_messages(store, chat_id, "swimming") == []
    assert len(search_messages(store, chat_id, "purged")) == 1


def test_fts_index_is_consistent_after_import(store) -> None:
    import_export(store, GROUP)
    import_export(store, MAPLE)
    store.db.conn.execute("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")
    texts = [row[0] for row in store.db.conn.execute("SELECT text FROM messages")]
    words = [set(re.findall(r"[a-z]+", text.lower())) for text in texts]
    common = Counter(w for ws in words for w in ws).most_common(3)
    for word, expected in common:
        assert store.scalar("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?", [word]) == expected


def test_utf16_export_imports(store, tmp_path: Path) -> None:
    copy = tmp_path / "WhatsApp Chat with Oak Class.txt"
    shutil.copy(EXPORTS / "WhatsApp Chat with Oak Class.txt", copy)
    result = import_export(store, copy)
    assert (result.chat_name, result.added) == ("Oak Class", 3)


def test_fts_insert_trigger_survives_imports_and_rollbacks(store, tmp_path: Path) -> None:
    trigger = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'messages_ai'"
    original = store.scalar(trigger)
    import_export(store, MAPLE)
    with pytest.raises(Cancelled):
        import_export(store, GROUP, cancelled=lambda: True)
    assert store.scalar(trigger) == original
    chat_id = store.scalar("SELECT id FROM chats")
    with store.transaction():
        store.db.conn.execute("INSERT INTO messages (chat_id, seq, ts, kind, text, fingerprint) VALUES (?, 99, '2024-01-01T00:00:00', "
                              "'message', 'typed by hand', x'00')", [chat_id])
    assert [r["text"] for r in search_messages(store, chat_id, "hand")] == ["typed by hand"]


def test_you_and_the_group_name_are_not_members(store, tmp_path: Path) -> None:
    lines = ["[14/03/2024, 09:00:00] Oak Parents: \u200eYou created group \u201cOak Parents\u201d",
             "[14/03/2024, 09:00:01] Oak Parents: \u200eYou added Ana Silva and \u202a+44\u00a07700\u00a0900111\u202c",
             "[14/03/2024, 09:01:00] Ana Silva: hello", "[14/03/2024, 09:02:00] Oak Parents: \u200eYou removed Ana Silva"]
    import_export(store, _write(tmp_path / "WhatsApp Chat - Oak Parents.txt", lines))
    assert store.query("SELECT name, is_phone FROM members ORDER BY name") == [
        {"name": "+44 7700 900111", "is_phone": 1}, {"name": "Ana Silva", "is_phone": 0}]
    events = store.query("SELECT system_event, actor, target, member_id FROM messages WHERE kind = 'system' ORDER BY seq")
    assert [(e["system_event"], e["actor"], e["target"], e["member_id"]) for e in events] == [
        ("created", "You", None, None), ("added", "You", "Ana Silva and +44 7700 900111", None), ("removed", "You", "Ana Silva", None)]


def test_progress_reports_every_batch_up_to_the_total(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "BATCH", 10)
    path = _write(tmp_path / "WhatsApp Chat with Elm.txt", [f"14/03/2024, 10:{m:02d} - Ana Silva: note {m}" for m in range(45)])
    seen: list[tuple[int, int]] = []
    import_export(store, path, progress=lambda done, total, label: seen.append((done, total)))
    counted = [done for done, total in seen if total]
    assert counted == sorted(counted) and counted[-1] == 45 and (10, 45) in seen
