"""Backup and restore: consistent, private, checked before anything is replaced, audited."""

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from rep_assistant.core.duties import audit, backup, scratch
from rep_assistant.core.errors import RepError
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.store import Store
from rep_assistant.core.store.migrations import SCHEMA_VERSION
from tests.hostile import AS_ROOT, read_only

CHAT = "01/09/2025, 08:00 - Tom Smith: Reminder: PE kit on Friday\n01/09/2025, 08:01 - Ann Lee: Thanks!\n"


@pytest.fixture
def filled(store: Store, tmp_path: Path) -> Store:
    export = tmp_path / "WhatsApp Chat with Class 5.txt"
    export.write_text(CHAT, encoding="utf-8")
    import_export(store, export)
    return store


def _messages(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_a_checked_private_single_file_and_is_recorded(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "backups" / "store.bak.sqlite3"
    out.parent.mkdir()
    info = backup.backup(filled, out)
    assert info.messages == 2 and _messages(out) == 2
    assert not Path(f"{out}-wal").exists()
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no .part left behind
    entry = audit.entries(filled.db.conn, action="backup")[-1]
    # The live log records the backup's own head hash: which history that file holds.
    assert entry["details"]["head_hash"] == info.head_hash == backup.inspect(out).head_hash
    assert entry["details"]["sha256"] == info.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert info.size == out.stat().st_size and info.path == out
    assert audit.verify(filled.db.conn).ok


def test_backup_refuses_to_overwrite(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    out.write_text("precious")
    with pytest.raises(RepError, match="already exists"):
        backup.backup(filled, out)
    assert out.read_text() == "precious"
    assert audit.entries(filled.db.conn, action="backup") == []


def test_restore_replaces_keeps_the_old_store_and_records_itself(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    backup.backup(filled, out)
    with filled.transaction():
        filled.db.conn.execute("DELETE FROM messages WHERE text = 'Thanks!'")
        filled.audit("test.mistake")
    filled.close()

    done = backup.restore(filled.path, out, actor="Test Rep", keep_previous=True)
    info, kept = done.info, done.kept
    assert info.messages == 2 and info.path == out  # the backup the rep named, not the working copy checked
    assert kept is not None and kept.name.startswith(filled.path.name + ".bak-")
    assert _messages(kept) == 1 and _messages(filled.path) == 2
    with Store(filled.path) as restored:
        assert audit.verify(restored.db.conn).ok
        actions = [e["action"] for e in audit.entries(restored.db.conn)]
        # The backup holds the history up to the moment it was taken (its own entry is in the live log).
        assert actions == ["import", "restore"]
        assert audit.entries(restored.db.conn, action="restore")[0]["details"]["kept_previous"] is True
    if os.name == "posix":
        assert kept.stat().st_mode & 0o777 == 0o600
        assert filled.path.stat().st_mode & 0o777 == 0o600


def test_by_default_a_verified_restore_keeps_no_copy_of_the_replaced_store(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    backup.backup(filled, out)
    filled.close()
    done = backup.restore(filled.path, out)
    assert done.kept is None
    leftovers = [p.name for p in tmp_path.iterdir() if ".bak-" in p.name or ".restoring" in p.name or p.name.endswith(".part")]
    assert leftovers == []
    assert list(scratch.pending_dir(filled.path).iterdir()) == []


def test_restore_is_the_way_out_of_a_damaged_store(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    backup.backup(filled, out)
    filled.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{filled.path}{suffix}").unlink(missing_ok=True)
    filled.path.write_bytes(b"garbage" * 2000)
    backup.restore(filled.path, out, keep_previous=True)
    assert _messages(filled.path) == 2
    kept = next(tmp_path.glob("store.sqlite3.bak-*"))
    assert kept.read_bytes().startswith(b"garbage")


def _tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()


@pytest.mark.parametrize(("damage", "message"), [
    ("not sqlite", "not an SQLite database"),
    ("other program", "another program"),
    ("newer", "newer version"),
    ("tampered", "tampered with"),
    ("truncated", "damaged"),
    ("missing", "There is no file"),
])
def test_a_bad_backup_is_refused_and_the_store_is_untouched(filled: Store, tmp_path: Path, damage: str, message: str) -> None:
    out = tmp_path / "b.sqlite3"
    backup.backup(filled, out)
    if damage == "not sqlite":
        out.write_bytes(b"hello" * 1000)
    elif damage == "other program":
        out.unlink()
        _tamper(out, "CREATE TABLE recipes (name TEXT);")
    elif damage == "newer":
        _tamper(out, f"PRAGMA user_version = {SCHEMA_VERSION + 1};")
    elif damage == "tampered":
        _tamper(out, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'x' WHERE id = 1;")
    elif damage == "truncated":
        data = out.read_bytes()
        out.write_bytes(data[: len(data) // 2] + b"\0" * 50 + data[len(data) // 2 + 50:])
    else:
        out.unlink()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(RepError, match=message):
        backup.restore(filled.path, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert filled.scalar("SELECT count(*) FROM messages") == 2
    assert filled.scalar("SELECT count(*) FROM audit_log WHERE action = 'restore'") == 0


def test_restore_while_another_window_writes_is_refused_cleanly(filled: Store, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "BUSY_SECONDS", 0.5)
    out = tmp_path / "b.sqlite3"
    backup.backup(filled, out)
    other = sqlite3.connect(filled.path, isolation_level=None, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(RepError, match="in use by another"):
            backup.restore(filled.path, out)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert list(tmp_path.glob("*.bak-*")) == [] and list(tmp_path.glob("*.restoring")) == []
    assert filled.scalar("SELECT count(*) FROM audit_log WHERE action = 'restore'") == 0


def test_an_unwritable_destination_is_a_sentence(filled: Store, tmp_path: Path) -> None:
    from rep_assistant.core.duties import subject_access

    good = tmp_path / "good.sqlite3"
    backup.backup(filled, good)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o755)
    with read_only(locked):
        with pytest.raises(RepError, match="cannot be written"):
            backup.backup(filled, locked / "b.sqlite3")
        with pytest.raises(RepError, match=r"cannot be (?:written|created)"):
            backup.restore(locked / "s.sqlite3", good)
        with pytest.raises(RepError, match="cannot be written"):
            subject_access.export(filled, "Class 5", "Tom Smith", locked / "tom")
        assert locked.stat().st_mode & 0o777 == (0o755 if AS_ROOT else 0o555)  # its mode is the user's, not ours to fix
    assert list(locked.iterdir()) == []
    assert len(audit.entries(filled.db.conn, action="backup")) == 1  # the good one only
    assert audit.entries(filled.db.conn, action="member.export") == []


def test_a_missing_destination_folder_and_odd_file_names(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(RepError, match="does not exist"):
        backup.backup(filled, tmp_path / "no" / "b.sqlite3")
    odd = tmp_path / "back up #1 ?100%.sqlite3"
    backup.backup(filled, odd)
    assert backup.inspect(odd).messages == 2
    with pytest.raises(RepError, match="back up #1"):  # the user's name in messages, not a working copy's
        odd.write_bytes(b"nope" * 100)
        backup.restore(filled.path, odd)
