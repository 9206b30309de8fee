"""Subject access: the export holds everything about the person, readable, private, audited."""

import html
import json
import os
from pathlib import Path

import pytest

from rep_assistant.core.duties import audit, subject_access
from rep_assistant.core.duties.scratch import path_digest
from rep_assistant.core.errors import NotFoundError
from rep_assistant.core.store import Store
from tests.core import made_up_group
from tests.core.made_up_group import NAME


@pytest.fixture
def group(store: Store, tmp_path: Path) -> made_up_group.Group:
    return made_up_group.build(store, tmp_path)


def test_the_export_holds_every_kind_of_record_about_her(group: made_up_group.Group, tmp_path: Path) -> None:
    html_path, json_path, counts = subject_access.export(group.store, "Year 3 Parents", NAME, tmp_path / "jane.html")
    assert (html_path.name, json_path.name) == ("jane.html", "jane.json")
    record = json.loads(json_path.read_text(encoding="utf-8"))
    assert record["subject"] == {"name": NAME, "chat": "Year 3 Parents", "phone_number_author": False, "member_id": group.jane,
                                 "also_in_chats": [NAME]}  # her one-to-one chat with the rep, named after her

    texts = [m["text"] for m in record["messages"]]
    assert len(texts) == 5 and any("zanzibarish" in t for t in texts) and any("trip money" in t for t in texts)
    assert {m["chat"] for m in record["messages"]} == {"Year 3 Parents", NAME}
    assert {m["media_name"] for m in record["messages"]} >= {"IMG-20250901-WA0001.jpg", "IMG-20250901-WA0003.jpg"}
    assert {e["system_event"] for e in record["system_events"]} >= {"created", "added", "removed"}
    hers = [r[0] for r in group.store.db.conn.execute("SELECT id FROM flags WHERE member_id = ? ORDER BY id", (group.jane,))]
    assert group.jane_flag in hers and [f["id"] for f in record["flags"]] == hers
    assert [(d["flag_id"], d["new_status"]) for d in record["decisions"]] == [(group.jane_flag, "confirmed")]
    note_texts = {n["text"] for n in record["notes"]}
    # Her member note, the note on her flag, and the incident's notes; never Ann's own member note.
    assert {f"{NAME} phoned me about this", f"{NAME} has been difficult all term", f"{NAME} was asked to stop",
            f"Spoke to {NAME} at pick-up"} <= note_texts
    assert "Ann apologised" not in note_texts
    assert [(r["kind"], r["flag_id"]) for r in record["register"]] == [("warning", group.jane_flag)]
    assert [i["id"] for i in record["incidents"]] == [group.incident]
    assert {a["action"] for a in record["incident_actions"]} >= {"created"}
    assert {e["action"] for e in record["audit"]} >= {"note.add", "member.warn"}
    assert counts == {key: len(record[key]) for key in subject_access.SECTIONS}

    page = html_path.read_text(encoding="utf-8")
    assert "<script" not in page and "http" not in page
    for title in subject_access.SECTIONS.values():
        assert html.escape(title) in page
    assert "zanzibarish" in page


def test_nothing_about_other_members_leaks_into_hers(group: made_up_group.Group, tmp_path: Path) -> None:
    _, json_path, _ = subject_access.export(group.store, "Year 3 Parents", NAME, tmp_path / "jane")
    text = json_path.read_text(encoding="utf-8")
    assert "Reminder: PE kit" not in text  # Tom's message that does not concern her
    assert "Please can we keep it kind" not in text


def test_html_is_escaped(store: Store, tmp_path: Path) -> None:
    from rep_assistant.core.importing.importer import import_export

    export = tmp_path / "WhatsApp Chat with Class 5.txt"
    export.write_text("01/09/2025, 08:00 - Tom Smith: <img src=x onerror=alert(1)> & more\n", encoding="utf-8")
    import_export(store, export)
    html_path, _, _ = subject_access.export(store, "Class 5", "Tom Smith", tmp_path / "tom")
    page = html_path.read_text(encoding="utf-8")
    assert "<img" not in page and "&lt;img src=x" in page


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_files_are_private_and_the_export_is_audited(group: made_up_group.Group, tmp_path: Path) -> None:
    html_path, json_path, counts = subject_access.export(group.store, "Year 3 Parents", NAME, tmp_path / "jane")
    for path in (html_path, json_path):
        assert path.stat().st_mode & 0o777 == 0o600
    entry = audit.entries(group.store.db.conn, action="member.export")[-1]
    assert entry["objects"] == {"chat": group.chat_id, "member": group.jane}
    assert entry["details"] == {**counts, "paths_sha256": [path_digest(html_path), path_digest(json_path)]}
    assert NAME not in json.dumps(entry)


def test_unknown_person_or_folder_is_a_sentence(group: made_up_group.Group, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        subject_access.export(group.store, "Year 3 Parents", "Nobody", tmp_path / "x")
    with pytest.raises(Exception, match="does not exist"):
        subject_access.export(group.store, "Year 3 Parents", NAME, tmp_path / "missing" / "x")
    assert audit.entries(group.store.db.conn, action="member.export") == []


def test_an_event_naming_several_people_counts_for_each(store: Store, tmp_path: Path) -> None:
    from rep_assistant.core.importing.importer import import_export

    export = tmp_path / "WhatsApp Chat with Class 5.txt"
    export.write_text("01/09/2025, 08:00 - Tom Smith added Ann Lee, Sam Green and Jo King\n"
                      "01/09/2025, 08:01 - Sam Green: Hello!\n", encoding="utf-8")
    import_export(store, export)
    record = subject_access.collect(store, "Class 5", "Sam Green")
    assert [e["system_event"] for e in record["system_events"]] == ["added"]


def test_the_audit_section_is_every_entry_about_any_of_her_rows_once_each(group: made_up_group.Group, tmp_path: Path) -> None:
    from rep_assistant.core.acting import register

    store = group.store
    direct = store.scalar("SELECT id FROM members WHERE name = ? AND chat_id != ?", (NAME, group.chat_id))
    direct_chat = store.scalar("SELECT chat_id FROM members WHERE id = ?", (direct,))
    register.record_member_event(store, direct_chat, direct, "warn", "Rude on the phone")
    subject_access.export(store, "Year 3 Parents", NAME, tmp_path / "first")
    with store.transaction():  # an entry naming both of her rows must be listed once
        store.audit("member.export", {"members": [group.jane, direct]}, {})

    record = subject_access.collect(store, "Year 3 Parents", NAME)

    hers = {group.jane, direct}
    expected = [{k: e[k] for k in ("id", "at", "actor", "action", "objects", "details")}
                for e in audit.entries(store.db.conn)
                if e["objects"].get("member") in hers or hers & set(e["objects"].get("members") or [])]
    assert record["audit"] == expected
    assert [e["action"] for e in record["audit"]] == ["note.add", "member.warn", "member.warn", "member.export",
                                                      "member.export"]
    assert group.ann not in {e["objects"].get("member") for e in record["audit"]}


def test_the_reply_names_nobody_else_in_any_form(group: made_up_group.Group, tmp_path: Path) -> None:
    """UK GDPR: a subject-access reply must not disclose other people; every other member is masked, in both files."""
    html_path, json_path, _ = subject_access.export(group.store, "Year 3 Parents", NAME, tmp_path / "jane")
    others = [r[0] for r in group.store.db.conn.execute("SELECT name FROM members WHERE name != ?", (NAME,))]
    assert others
    for path in (html_path, json_path):
        text = path.read_text(encoding="utf-8").casefold()
        for other in others:
            forms = {other, *other.split(), other.replace(" ", "_"), other.replace(" ", "-")} - set(NAME.split())
            for form in forms:
                assert f" {form.casefold()} " not in f" {text} ".replace(",", " ").replace(".", " ").replace(":", " "), (path.name, form)
    record = json.loads(json_path.read_text(encoding="utf-8"))
    assert any("Parent A" in json.dumps(e) for e in record["system_events"])  # masked, and the first is A


def test_the_erasure_preview_counts_what_the_export_shows(group: made_up_group.Group, tmp_path: Path) -> None:
    from rep_assistant.core.duties import erasure

    plan = erasure.preview(group.store, "Year 3 Parents", NAME)
    _, _, counts = subject_access.export(group.store, "Year 3 Parents", NAME, tmp_path / "jane")
    assert counts["messages"] == plan.messages and counts["flags"] == plan.flags
    assert counts["notes"] == plan.notes + plan.mentions.get("notes.text", 0)
