"""Opening, migrating and guarding the store."""

import os
import sqlite3
from pathlib import Path

import pytest

from rep_assistant.core.chats import search_messages
from rep_assistant.core.errors import StoreError
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.store import Store
from rep_assistant.core.store.migrations import SCHEMA_VERSION


def test_new_store_is_migrated_wal_with_foreign_keys(store: Store) -> None:
    assert store.scalar("PRAGMA user_version") == SCHEMA_VERSION
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    for table in ("chats", "members", "messages", "imports", "media", "flags", "decisions",
                  "incidents", "member_events", "audit_log", "messages_fts"):
        assert table in store.db.table_names()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store(path).close()
    with Store(path) as again:
        assert again.scalar("SELECT count(*) FROM _sqlite_migrations") == SCHEMA_VERSION


def test_a_first_release_store_keeps_its_messages_searchable_after_migrating(tmp_path: Path) -> None:
    """A store written by schema 1 (full-text index with column sizes) opens, migrates and
    still finds its messages, and the index still follows an erasure-style text update."""
    path = tmp_path / "s.sqlite3"
    Store(path).close()
    with Store(path) as old:  # turn it back into what schema 1 wrote
        db = old.db
        db.execute("DROP TABLE messages_fts")
        db.execute("CREATE VIRTUAL TABLE messages_fts USING FTS5 (text, tokenize='unicode61 remove_diacritics 2', "
                   "content=messages)")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_fts_without_column_sizes'")
        db.execute("PRAGMA user_version = 1")
        export = tmp_path / "WhatsApp Chat with Year 3.txt"
        export.write_text("14/03/2024, 09:05 - Priya Shah: Cake sale on Friday\n", encoding="utf-8")
        chat_id = import_export(old, export).chat_id
        assert "messages_fts_docsize" in db.table_names()
    with Store(path) as new:
        assert new.scalar("PRAGMA user_version") == SCHEMA_VERSION
        assert "messages_fts_docsize" not in new.db.table_names()
        assert [m["text"] for m in search_messages(new, chat_id, "cake")] == ["Cake sale on Friday"]
        with new.transaction():
            new.db.execute("UPDATE messages SET text = 'removed' WHERE chat_id = ?", [chat_id])
        assert search_messages(new, chat_id, "cake") == []
        assert len(search_messages(new, chat_id, "removed")) == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_store_file_and_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "private" / "s.sqlite3"
    Store(path).close()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_transaction_rolls_back_everything_on_error(store: Store) -> None:
    with pytest.raises(ZeroDivisionError), store.transaction():
        store.db["chats"].insert({"name": "Year 3", "created_at": "2025-09-01T00:00:00"})
        store.audit("chat.create", {"chat": 1})
        1 / 0  # noqa: B018
    assert store.scalar("SELECT count(*) FROM chats") == 0
    assert store.scalar("SELECT count(*) FROM audit_log") == 0


def test_audit_outside_a_transaction_is_a_programming_error(store: Store) -> None:
    with pytest.raises(RuntimeError):
        store.audit("orphan")


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        Store(path)


def test_a_file_that_is_not_a_database_is_refused_with_a_way_out(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="restore"):
        Store(path)
    assert path.read_bytes().startswith(b"this is not sqlite")


def test_folder_given_as_store_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)
