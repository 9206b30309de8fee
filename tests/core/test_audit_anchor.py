"""The tamperings the hash chain alone cannot see are caught by the anchor beside the store, or by a hash the rep kept.

Each attack is done as someone with the file would do it: drop the triggers, then rewrite the
log with correct hashes so that the chain itself is consistent. ``audit verify`` must still
fail (exit 1) and say what happened. A corrupt entry must not stop ``audit list``.
"""

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from rep_assistant.cli import main
from rep_assistant.core.duties import anchor, audit, backup
from rep_assistant.core.store import Store

N = 6


def _logged(path: Path) -> str:
    """A store with N entries; returns the head hash a careful rep wrote down after the third."""
    with Store(path, actor="Test Rep") as store:
        written = ""
        for i in range(N):
            with store.transaction():
                store.audit("test.action", {"thing": i}, {"count": i})
            if i == 2:
                written = anchor.head(store.db.conn).hash
    return written


def _rehash_from(conn: sqlite3.Connection, first: int) -> None:
    """Recompute every hash from entry ``first`` on and move the head: a chain that checks out on its own."""
    prev = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (first - 1,)).fetchone()
    prev_hash = prev[0] if prev else audit.GENESIS
    rows = conn.execute("SELECT id, at, actor, action, objects, details FROM audit_log WHERE id >= ? ORDER BY id", (first,)).fetchall()
    for entry_id, at, actor, action, objects, details in rows:
        digest = audit.entry_hash(entry_id, at, actor, action, objects, details, prev_hash)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev_hash, digest, entry_id))
        prev_hash = digest
    count = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    conn.execute("UPDATE audit_head SET count = ?, hash = ?", (count, prev_hash if count else ""))


def _truncate_and_move_head(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM audit_log WHERE id > 4")
    _rehash_from(conn, 5)


def _rewrite_and_rehash(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE audit_log SET actor = 'Someone Else' WHERE id = 2")
    _rehash_from(conn, 2)


def _wipe(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM audit_log")
    conn.execute("UPDATE audit_head SET count = 0, hash = ''")


def _attack(path: Path, change: Callable[[sqlite3.Connection], None]) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    change(conn)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("attack", "words"), [
    (_truncate_and_move_head, "entries after 4 were deleted"),
    (_rewrite_and_rehash, "rewritten"),
    (_wipe, "wiped"),
])
def test_a_consistent_rewrite_is_caught_by_the_anchor(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      attack: Callable[[sqlite3.Connection], None], words: str) -> None:
    db = tmp_path / "s.sqlite3"
    _logged(db)
    _attack(db, attack)
    conn = sqlite3.connect(db)
    assert audit.verify(conn).ok  # the chain alone is fooled: that is the point of the anchor
    conn.close()
    assert main(["audit", "verify", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "tampered" in err and words in err, err


def test_removing_the_anchor_too_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    _logged(db)
    _attack(db, _wipe)
    anchor.anchor_path(db).unlink()
    assert main(["audit", "verify", "--db", str(db)]) == 1
    assert "anchor file" in capsys.readouterr().err


def test_the_head_hash_the_rep_kept_catches_what_rewrites_the_anchor_too(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    written = _logged(db)
    assert main(["audit", "verify", "--db", str(db), "--head", written]) == 0
    _attack(db, _rewrite_and_rehash)
    conn = sqlite3.connect(db)
    anchor.write(db, anchor.head(conn))  # the attacker rewrote the anchor as well
    conn.close()
    assert main(["audit", "verify", "--db", str(db)]) == 0  # only the rep's own hash can tell now
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(db), "--head", written]) == 1
    assert "hash you gave is not in the log" in capsys.readouterr().err


def test_the_anchor_follows_every_change_and_a_crash_before_it_is_caught_up(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    _logged(db)
    assert anchor.read(db).count == N
    stale = anchor.read(db)
    with Store(db) as store, store.transaction():
        store.audit("test.more")
    anchor.write(db, stale)  # as if killed between the commit and the anchor write
    with Store(db) as store:
        assert anchor.read(db).count == N + 1
        assert audit.verify(store.db.conn, anchored=anchor.read(db)).ok


def test_a_restore_moves_the_anchor_and_a_killed_one_is_caught_up(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    _logged(db)
    out = tmp_path / "b.sqlite3"
    with Store(db) as store:
        backup.backup(store, out)
        with store.transaction():
            store.audit("test.after")
        before = anchor.read(db)
    backup.restore(db, out)
    with Store(db) as store:
        assert audit.verify(store.db.conn, anchored=anchor.read(db)).ok
        restore_entry = audit.entries(store.db.conn, action="restore")[-1]
        assert restore_entry["details"]["replaced_head"] == {"entries": before.count, "hash": before.hash}
    # A restore killed after replacing the store but before moving the anchor: the next start sees the restore entry.
    anchor.write(db, before)
    with Store(db) as store:
        assert audit.verify(store.db.conn, anchored=anchor.read(db)).ok


def test_bundles_carry_the_head(tmp_path: Path) -> None:
    from rep_assistant.core.acting.bundle import make_bundle
    from tests.core import made_up_group

    with Store(tmp_path / "s.sqlite3") as store:
        group = made_up_group.build(store, tmp_path)
        bundle = make_bundle(store, group.incident, __import__("rep_assistant.core.settings", fromlist=["Settings"]).Settings(),
                             render_pdf=None)
        head = anchor.head(store.db.conn)
    import io
    import zipfile
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(bundle.data)).read("manifest.json"))
    assert manifest["audit_head"] == {"entries": head.count, "hash": head.hash}


def test_audit_list_survives_a_corrupt_entry_and_reports_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    _logged(db)
    _attack(db, lambda conn: conn.execute("UPDATE audit_log SET details = '{not json', objects = 'nor this' WHERE id = 3"))
    assert main(["audit", "list", "--db", str(db), "--format", "jsonl"]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == N and "Entries 3 are damaged" in err
    with Store(db) as store:
        # Filtering by object does not crash either: the damaged entry is simply not about anything.
        assert [e["id"] for e in audit.entries(store.db.conn, about={"thing": [1, 2, 3]})] == [2, 4]
    assert main(["audit", "verify", "--db", str(db)]) == 1
    assert "entry 3 was edited" in capsys.readouterr().err
