"""Tampering with the audit log through raw SQL, as an attacker would, is found at the right entry.

The attacker first drops the append-only triggers, then edits, deletes, inserts or reorders
rows. ``audit.verify`` and ``rep-assistant audit verify`` (exit 1) must name the entry.
"""

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from rep_assistant.cli import main
from rep_assistant.core.duties import audit
from rep_assistant.core.store import Store

N = 6


def _logged_store(path: Path) -> Store:
    store = Store(path, actor="Test Rep")
    for i in range(N):
        with store.transaction():
            store.audit("test.action", {"thing": i}, {"count": i})
    return store


def _attack(path: Path, sql: Callable[[sqlite3.Connection], None]) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    sql(conn)
    conn.commit()
    conn.close()


def _edit(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE audit_log SET details = '{\"count\":99}' WHERE id = 3")


def _edit_and_rehash(conn: sqlite3.Connection) -> None:
    """A cleverer edit recomputes the row's own hash; the next entry's link still breaks."""
    row = conn.execute("SELECT id, at, actor, action, objects, details, prev_hash FROM audit_log WHERE id = 3").fetchone()
    forged = audit.entry_hash(row[0], row[1], "Someone Else", row[3], row[4], row[5], row[6])
    conn.execute("UPDATE audit_log SET actor = 'Someone Else', hash = ? WHERE id = 3", (forged,))


def _delete_middle(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM audit_log WHERE id = 4")


def _delete_middle_and_renumber(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM audit_log WHERE id = 4")
    conn.execute("UPDATE audit_log SET id = id - 1 WHERE id > 4")


def _delete_last(conn: sqlite3.Connection) -> None:
    conn.execute(f"DELETE FROM audit_log WHERE id = {N}")


def _insert_forged_at_end(conn: sqlite3.Connection) -> None:
    prev = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    at = "2025-01-01T00:00:00+00:00"
    digest = audit.entry_hash(N + 1, at, "Test Rep", "purge", "{}", "{}", prev)
    conn.execute("INSERT INTO audit_log VALUES (?, ?, 'Test Rep', 'purge', '{}', '{}', ?, ?)", (N + 1, at, prev, digest))


def _insert_forged_in_middle(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE audit_log SET id = id + 100 WHERE id >= 3")
    conn.execute("UPDATE audit_log SET id = id - 99 WHERE id >= 103")
    prev = conn.execute("SELECT hash FROM audit_log WHERE id = 2").fetchone()[0]
    at = "2025-01-01T00:00:00+00:00"
    conn.execute("INSERT INTO audit_log VALUES (3, ?, 'Test Rep', 'purge', '{}', '{}', ?, ?)",
                 (at, prev, audit.entry_hash(3, at, "Test Rep", "purge", "{}", "{}", prev)))
    conn.execute("UPDATE audit_head SET count = count + 1")


def _swap(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE audit_log SET id = -2 WHERE id = 2")
    conn.execute("UPDATE audit_log SET id = 2 WHERE id = 5")
    conn.execute("UPDATE audit_log SET id = 5 WHERE id = -2")


ATTACKS = [
    pytest.param(_edit, 3, "entry 3 was edited", id="edit-a-row"),
    pytest.param(_edit_and_rehash, 4, "entry 4 does not follow entry 3", id="edit-and-rehash"),
    pytest.param(_delete_middle, 4, "entry 4 is missing", id="delete-middle"),
    pytest.param(_delete_middle_and_renumber, 4, "entry 4 does not follow entry 3", id="delete-and-renumber"),
    pytest.param(_delete_last, N, f"entries after {N - 1} were deleted", id="delete-last"),
    pytest.param(_insert_forged_at_end, N + 1, f"entry {N + 1} was not written by the app", id="insert-at-end"),
    pytest.param(_insert_forged_in_middle, 4, "entry 4 does not follow entry 3", id="insert-in-middle"),
    pytest.param(_swap, 2, "entry 2 does not follow entry 1", id="swap-two-rows"),
]


def test_an_untouched_log_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.sqlite3"
    _logged_store(path).close()
    assert main(["audit", "verify", "--db", str(path)]) == 0
    assert f"intact: {N} entries" in capsys.readouterr().out


@pytest.mark.parametrize(("attack", "entry", "message"), ATTACKS)
def test_tampering_is_found_at_the_right_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               attack: Callable[[sqlite3.Connection], None], entry: int, message: str) -> None:
    path = tmp_path / "s.sqlite3"
    _logged_store(path).close()
    _attack(path, attack)

    conn = sqlite3.connect(path)
    result = audit.verify(conn)
    conn.close()
    assert not result.ok
    assert result.entry_id == entry
    assert message in result.problem

    assert main(["audit", "verify", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "tampered" in err and message in err
    assert len(err.strip().splitlines()) == 1


def test_a_rewritten_log_is_caught_by_the_head_a_backup_recorded(tmp_path: Path) -> None:
    """Rewriting every hash passes the chain; the head hash recorded elsewhere (a backup entry, a note) does not match."""
    path = tmp_path / "s.sqlite3"
    store = _logged_store(path)
    recorded = audit.verify(store.db.conn).head_hash
    store.close()

    def rewrite(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE audit_log SET actor = 'Someone Else' WHERE id = 2")
        prev = audit.GENESIS
        for row in conn.execute("SELECT id, at, actor, action, objects, details FROM audit_log ORDER BY id").fetchall():
            digest = audit.entry_hash(*row, prev)
            conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row[0]))
            prev = digest
        conn.execute("UPDATE audit_head SET hash = ?", (prev,))

    _attack(path, rewrite)
    conn = sqlite3.connect(path)
    result = audit.verify(conn)
    conn.close()
    assert result.ok and result.head_hash != recorded
