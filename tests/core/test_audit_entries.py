"""The query the GUI's log view and ``audit list`` share: filters by time, action, actor and object."""

import datetime as dt
import re
import sqlite3
from pathlib import Path

from rep_assistant.core.acting.bundle import export_bundle
from rep_assistant.core.duties import audit, erasure, retention, subject_access
from rep_assistant.core.settings import Settings, save_settings
from rep_assistant.core.store import Store
from tests.core import made_up_group


def _entry(conn: sqlite3.Connection, at: str, actor: str, action: str, objects: dict) -> None:
    """Append with a chosen time, as if written then (the chain is recomputed by append's rules)."""
    count, head = conn.execute("SELECT count, hash FROM audit_head").fetchone()
    prev = head or audit.GENESIS
    entry_id = count + 1
    obj, det = audit._canonical(objects), "{}"
    digest = audit.entry_hash(entry_id, at, actor, action, obj, det, prev)
    conn.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (entry_id, at, actor, action, obj, det, prev, digest))
    conn.execute("UPDATE audit_head SET count = ?, hash = ?", (entry_id, digest))


def _fill(store: Store) -> None:
    with store.transaction():
        conn = store.db.conn
        _entry(conn, "2025-09-01T09:00:00+01:00", "Priya", "import", {"chat": 1, "import": 1})
        _entry(conn, "2025-09-02T10:00:00+01:00", "Priya", "flag.decide", {"chat": 1, "flag": 12})
        _entry(conn, "2025-09-02T23:59:00+01:00", "Sam", "member.warn", {"chat": 1, "member": 3, "flag": 12})
        _entry(conn, "2025-09-03T08:00:00+01:00", "Sam", "member.remove", {"chat": 1, "member": 3})
        _entry(conn, "2025-09-04T08:00:00+01:00", "Priya", "incident.create", {"incident": 2, "flags": [12, 13]})
        _entry(conn, "2025-09-05T08:00:00+01:00", "Priya", "membership", {"chat": 1})


def _ids(rows: list[dict]) -> list[int]:
    return [r["id"] for r in rows]


def test_filters(store: Store) -> None:
    _fill(store)
    conn = store.db.conn
    assert audit.verify(conn).ok
    assert _ids(audit.entries(conn)) == [1, 2, 3, 4, 5, 6]
    assert _ids(audit.entries(conn, since="2025-09-02")) == [2, 3, 4, 5, 6]
    assert _ids(audit.entries(conn, until="2025-09-02")) == [1, 2, 3]  # a bare date includes the whole day
    assert _ids(audit.entries(conn, since="2025-09-02", until="2025-09-03T07:00:00")) == [2, 3]
    assert _ids(audit.entries(conn, action="member.warn")) == [3]
    assert _ids(audit.entries(conn, action="member.*")) == [3, 4]  # a family, not 'membership'
    assert _ids(audit.entries(conn, actor="Sam")) == [3, 4]
    assert _ids(audit.entries(conn, about={"flag": [12]})) == [2, 3, 5]  # one id or one of a list
    assert _ids(audit.entries(conn, about={"member": [3]}, actor="Sam", since="2025-09-03")) == [4]
    assert _ids(audit.entries(conn, about={"incident": [2], "member": [3, 9]})) == [3, 4, 5]  # any of several, each once
    assert _ids(audit.entries(conn, about={"flag": [12, 13], "member": [3]})) == [2, 3, 4, 5]
    assert _ids(audit.entries(conn, about={"flag": []})) == []  # about nothing: no entry
    assert _ids(audit.entries(conn, newest_first=True, limit=2)) == [6, 5]
    assert audit.actions(conn) == ["flag.decide", "import", "incident.create", "member.remove", "member.warn", "membership"]


def test_entries_decode_objects_and_details(store: Store) -> None:
    with store.transaction():
        store.audit("settings.change", {}, {"changed": ["retention_days"], "values": {"retention_days": 30}})
    (row,) = audit.entries(store.db.conn)
    assert row["details"]["values"] == {"retention_days": 30} and row["objects"] == {}
    assert row["actor"] == "Test Rep" and len(row["hash"]) == 64


def test_verify_says_what_it_checked(store: Store) -> None:
    empty = audit.verify(store.db.conn)
    assert empty.ok and empty.checked == 0 and "intact: 0 entries" in empty.sentence()
    _fill(store)
    result = audit.verify(store.db.conn)
    assert result.sentence() == f"The audit log is intact: 6 entries, last hash {result.head_hash}."


def test_entries_written_by_the_whole_app_hold_ids_and_facts_only(store: Store, tmp_path: Path) -> None:
    """Import, scan, review, notes, incidents, register, bundle, settings, export, purge and erasure, then read the log."""
    group = made_up_group.build(store, tmp_path)
    export_bundle(store, group.incident, tmp_path / "bundle.zip", Settings(), render_pdf=None)
    save_settings(Settings(path=tmp_path / "settings.json"), {"rep_name": "Priya Shah", "retention_days": 30}, store)
    subject_access.export(store, "Year 3 Parents", "Ann Lee", tmp_path / "ann")
    retention.purge(store, retention.plan_purge(store, 30, chat="Jane Doe", today=dt.date(2025, 12, 1)))
    erasure.erase(store, "Year 3 Parents", "Jane Doe")

    names = [r[0] for r in store.db.conn.execute("SELECT name FROM members")] + ["Jane Doe", "Priya Shah", "Tom", "Ann"]
    free_text = re.compile(r"\S+\s+\S+\s+\S+")  # three words or more: a sentence, a message, a reason

    def strings(value: object) -> list[str]:
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in [str(k), *strings(v)]]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return [value] if isinstance(value, str) else []

    entries = audit.entries(store.db.conn)
    assert {"import", "scan", "flag.decide", "note.add", "incident.create", "member.warn", "bundle.export",
            "settings.change", "member.export", "purge", "member.erase"} <= {e["action"] for e in entries}
    for entry in entries:
        for text in strings(entry["objects"]) + strings(entry["details"]):
            assert not free_text.search(text), (entry["action"], text)
            assert not any(n in text for n in names if not n.startswith("Member ")), (entry["action"], text)
