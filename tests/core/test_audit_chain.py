"""The audit chain: appends verify; the app cannot rewrite history."""

import sqlite3

import pytest

from rep_assistant.core.duties import audit
from rep_assistant.core.errors import Cancelled
from rep_assistant.core.store import Store


def _fill(store: Store, n: int = 5) -> None:
    for i in range(n):
        with store.transaction():
            store.audit("test.action", {"thing": i}, {"count": i})


def test_a_fresh_chain_verifies(store: Store) -> None:
    _fill(store)
    result = audit.verify(store.db.conn)
    assert result.ok and result.checked == 5


def test_a_long_walk_reports_progress_and_can_be_stopped(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "_VERIFY_STEP", 2)
    _fill(store, 5)
    seen: list[tuple[int, int]] = []
    assert audit.verify(store.db.conn, lambda done, total, _label: seen.append((done, total))).ok
    assert seen == [(2, 5), (4, 5)]
    with pytest.raises(Cancelled):
        audit.verify(store.db.conn, cancelled=lambda: True)


def test_entries_never_hold_more_than_given(store: Store) -> None:
    _fill(store, 2)
    rows = audit.entries(store.db.conn)
    assert [r["objects"] for r in rows] == [{"thing": 0}, {"thing": 1}]
    assert all(r["actor"] == "Test Rep" for r in rows)


@pytest.mark.parametrize("sql", ["UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"])
def test_the_store_refuses_update_and_delete(store: Store, sql: str) -> None:
    _fill(store, 2)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.conn.execute(sql)
