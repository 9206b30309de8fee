"""A locked store, a full disk, a damaged or newer store: one clear sentence, nothing changed.

Decision: no lock file. Writers take SQLite's write lock up front (BEGIN IMMEDIATE) and wait
up to the busy timeout for another writer to finish, so a short overlap just queues; a long
one gives the "in use by another window or command" sentence. Readers are never blocked
(WAL), so audit verify/list, exports and the GUI's views keep working while an import runs.
"""

import sqlite3
from pathlib import Path

import pytest

from rep_assistant.cli import main
from rep_assistant.core.duties import audit
from rep_assistant.core.errors import StoreError
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.store import Store
from rep_assistant.core.store.migrations import SCHEMA_VERSION
from tests.core.test_crash_kill import write_chat


def _filled(path: Path, tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Class 5.txt"
    write_chat(chat, 50, seed=5)
    with Store(path) as store:
        import_export(store, chat)


def test_a_second_writer_gets_a_sentence_and_readers_carry_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    _filled(db, tmp_path)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window in the middle of an import
    try:
        assert main(["audit", "verify", "--db", str(db)]) == 0
        assert main(["audit", "list", "--db", str(db)]) == 0
        capsys.readouterr()
        assert main(["settings", "set", "retention_days", "30", "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("rep-assistant: ") and "in use by another Rep Assistant window or command" in err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert main(["settings", "set", "retention_days", "30", "--db", str(db)]) == 0


def test_a_full_disk_is_a_sentence_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    _filled(db, tmp_path)
    big = tmp_path / "WhatsApp Chat with Year 3.txt"
    write_chat(big, 5_000, seed=6)
    with Store(db) as store:
        before = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in ("messages", "members", "imports", "chats", "audit_log")}
        pages = store.scalar("PRAGMA page_count")
        store.db.conn.execute(f"PRAGMA max_page_count = {pages + 3}")  # the disk fills up a few pages in
        with pytest.raises(StoreError, match=r"disk holding .* is full"):
            import_export(store, big)
        assert {t: store.scalar(f"SELECT count(*) FROM {t}") for t in before} == before
        assert store.scalar("PRAGMA integrity_check") == "ok"
        assert audit.verify(store.db.conn).ok
        store.db.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: the same import now works
        assert import_export(store, big).added == 5_000


@pytest.mark.parametrize(("damage", "message"), [
    ("garbage", "damaged or is not a Rep Assistant store; restore a backup"),
    ("newer", "newer version of Rep Assistant"),
])
def test_a_damaged_or_newer_store_is_a_sentence_with_a_way_out(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               damage: str, message: str) -> None:
    db = tmp_path / "s.sqlite3"
    _filled(db, tmp_path)
    if damage == "garbage":
        db.write_bytes(b"\x00garbage" * 4096)
    else:
        conn = sqlite3.connect(db)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
    before = db.read_bytes()
    for argv in (["audit", "verify"], ["purge", "--older-than", "1"], ["backup", "--out", str(tmp_path / "b")]):
        assert main([*argv, "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
    assert db.read_bytes() == before


def _damage_a_messages_page(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\xab" * size)


def test_a_page_damaged_deep_inside_is_a_sentence_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    chat = tmp_path / "WhatsApp Chat with Year 3.txt"
    write_chat(chat, 3_000, seed=8)
    with Store(db) as store:
        import_export(store, chat)
    _damage_a_messages_page(db)
    assert main(["purge", "--older-than", "1", "--db", str(db)]) == 2
    assert "damaged" in capsys.readouterr().err


def test_refusing_another_programs_database_leaves_it_untouched(tmp_path: Path) -> None:
    path = tmp_path / "recipes.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    assert path.read_bytes() == before
