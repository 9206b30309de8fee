"""Incidents group confirmed flags, track status, notes and actions, and audit every change."""

import pytest

from rep_assistant.core.acting import incidents
from rep_assistant.core.duties import audit
from rep_assistant.core.errors import NotFoundError, RepError
from rep_assistant.core.store import Store
from tests.acting import world


def test_create_list_update_round_trip(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    incident_id = incidents.create_incident(store, [flag], note="Spoke to Priya about it")
    listed = incidents.list_incidents(store)
    assert [(r["id"], r["status"], r["flags"], r["members"]) for r in listed] == [(incident_id, "open", 1, "Sam Jones")]
    assert "Sam" not in listed[0]["title"]  # titles carry no names (they outlive erasure)
    assert listed[0]["title"] == "Personal data (12 Mar 2026)"  # and read as words, not a stored date

    incidents.update_incident(store, incident_id, status="reported", note="E-mailed the office")
    got = incidents.get_incident(store, incident_id)
    assert got["status"] == "reported"
    assert [n["text"] for n in got["notes"]] == ["Spoke to Priya about it", "E-mailed the office"]
    assert [a["action"] for a in got["actions"]] == ["created", "status"]

    actions = [(e["action"], e["objects"].get("incident")) for e in audit.entries(store.db.conn) if e["action"].startswith("incident.")]
    assert actions == [("incident.create", incident_id), ("incident.update", incident_id)]
    assert audit.verify(store.db.conn).ok


def test_an_incident_can_span_days(store: Store) -> None:
    w = world(store)
    first, later = w.confirmed_flag_on("useless"), w.confirmed_flag_on("parking")
    incident_id = incidents.create_incident(store, [first])
    assert incidents.add_flags(store, incident_id, [later, first]) == [later]
    assert incidents.get_incident(store, incident_id)["flag_ids"] == sorted([first, later])
    assert incidents.incidents_for_flag(store, later) == [incident_id]


def test_only_confirmed_flags_of_one_chat_make_an_incident(store: Store) -> None:
    w = world(store)
    unconfirmed = w.flag_on("useless")
    with pytest.raises(RepError, match="not been confirmed"):
        incidents.create_incident(store, [unconfirmed])
    with pytest.raises(NotFoundError, match="no flag 9999"):
        incidents.create_incident(store, [9999])
    with pytest.raises(RepError, match="status is one of"):
        incidents.update_incident(store, incidents.create_incident(store, [w.confirmed_flag_on("useless")]), status="closed")
    assert store.scalar("SELECT count(*) FROM incidents") == 1


def test_unknown_incident_is_one_sentence(store: Store) -> None:
    world(store)
    with pytest.raises(NotFoundError, match="There is no incident 42"):
        incidents.get_incident(store, 42)
