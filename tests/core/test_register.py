"""The members register: warnings, removals and re-admissions, including removals done in WhatsApp."""

from pathlib import Path

import pytest

from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.register import member_events, record_member_event, register_rows, sync_chat_events
from rep_assistant.core.duties import audit
from rep_assistant.core.errors import RepError
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.store import Store
from tests.acting import world


def _row(rows: list[dict], name: str) -> dict:
    return next(r for r in rows if r["member"] == name)


def test_warn_remove_readmit_round_trip(store: Store) -> None:
    w = world(store)
    dan = w.member_id("Dan Brown")
    flag = w.confirmed_flag_on("parking")
    record_member_event(store, w.chat_id, dan, "warn", "bad language", flag_id=flag)
    record_member_event(store, w.chat_id, dan, "remove", "second time", clause_id="7")
    out = _row(register_rows(store, w.chat_id), "Dan Brown")
    assert {k: v for k, v in out.items() if k not in ("member_id", "messages", "confirmed_flags", "last_removal")} == {
        "member": "Dan Brown", "warnings": 1, "removals": 1, "readmissions": 0, "status": "removed"}
    assert {k: v for k, v in out["last_removal"].items() if k != "at"} == {
        "reason": "second time", "clause_id": "7", "actor": "Test Rep", "source": "app"}
    assert out["messages"] > 0 and out["confirmed_flags"] == 1
    assert _row(register_rows(store, w.chat_id), "Priya Patel")["last_removal"] is None
    with pytest.raises(RepError, match="already recorded as out"):
        record_member_event(store, w.chat_id, dan, "remove", "again")
    record_member_event(store, w.chat_id, dan, "readmit", "apologised")
    with pytest.raises(RepError, match="nothing to readmit"):
        record_member_event(store, w.chat_id, dan, "readmit", "again")

    row = _row(register_rows(store, w.chat_id), "Dan Brown")
    assert (row["warnings"], row["removals"], row["readmissions"], row["status"]) == (1, 1, 1, "in group")
    assert row["last_removal"]["reason"] == "second time" and row["last_removal"]["clause_id"] == "7"
    assert row["last_removal"]["actor"] == "Test Rep"
    events = member_events(store, member_id=dan)
    assert [e["kind"] for e in events] == ["warning", "removal", "readmission"]
    flag_clause = store.scalar("SELECT clause_id FROM flags WHERE id = ?", [flag])
    assert events[0]["clause_id"] == flag_clause and events[0]["flag_id"] == flag
    logged = [e["action"] for e in audit.entries(store.db.conn) if e["action"].startswith("member.")]
    assert logged == ["member.warn", "member.remove", "member.readmit"]


def test_a_reason_is_required_and_flags_must_be_the_members(store: Store) -> None:
    w = world(store)
    with pytest.raises(RepError, match="reason"):
        record_member_event(store, w.chat_id, w.member_id("Dan Brown"), "warn", "  ")
    with pytest.raises(RepError, match="someone else's message"):
        record_member_event(store, w.chat_id, w.member_id("Dan Brown"), "warn", "x", flag_id=w.confirmed_flag_on("useless"))


def test_removals_in_whatsapp_are_matched_once(store: Store) -> None:
    w = world(store)
    assert sync_chat_events(store, w.chat_id) == 3
    assert _writes_of_a_second_sync(store, w.chat_id) == []  # a read takes no write lock
    rows = register_rows(store, w.chat_id)
    sam, kim = _row(rows, "Sam Jones"), _row(rows, "Kim Lee")
    assert (sam["removals"], sam["readmissions"], sam["status"]) == (1, 1, "in group")
    assert sam["last_removal"]["source"] == "chat" and sam["last_removal"]["actor"] == "Test Rep"  # "You" is the rep
    assert sam["last_removal"]["at"] == "2026-03-13T09:10:00"
    assert kim["status"] == "left"
    assert len(audit.entries(store.db.conn, action="register.sync")) == 1
    assert store.scalar("SELECT count(*) FROM member_events WHERE source = 'chat' AND message_id IS NOT NULL") == 3


def _writes_of_a_second_sync(store: Store, chat_id: int) -> list[str]:
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        assert sync_chat_events(store, chat_id) == 0
    finally:
        store.db.conn.set_trace_callback(None)
    return [s for s in statements if s.split()[0].upper() in ("BEGIN", "INSERT", "UPDATE")]


def test_lines_about_the_rep_alone_are_no_event_and_no_write(store: Store, tmp_path: Path) -> None:
    export = tmp_path / "WhatsApp Chat with Class 5.txt"
    export.write_text("01/09/2025, 08:00 - Tom Smith added You\n"
                      "01/09/2025, 08:01 - Tom Smith added Ann Lee and You\n"
                      "01/09/2025, 08:02 - Ann Lee: Hello!\n", encoding="utf-8")
    chat_id = import_export(store, export).chat_id
    assert sync_chat_events(store, chat_id) == 1
    assert [(e["member"], e["kind"]) for e in member_events(store, chat_id=chat_id)] == [("Ann Lee", "joined")]
    assert _writes_of_a_second_sync(store, chat_id) == []


def test_a_register_action_on_a_flag_in_an_incident_is_an_incident_action(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    incident_id = incidents.create_incident(store, [flag])
    record_member_event(store, w.chat_id, w.member_id("Sam Jones"), "warn", "first time", flag_id=flag)
    assert [a["action"] for a in incidents.get_incident(store, incident_id)["actions"]] == ["created", "member.warn"]
    assert member_events(store, member_id=w.member_id("Sam Jones"))[0]["incident_id"] == incident_id
