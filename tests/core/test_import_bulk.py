"""The bulk path of a first import (indexes dropped and rebuilt) leaves the same store as row-by-row."""

from pathlib import Path

import pytest

from rep_assistant.core.errors import Cancelled
from rep_assistant.core.importing import importer
from rep_assistant.core.importing.importer import import_export

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"
MAPLE = EXPORTS / "WhatsApp Chat with Maple Class.txt"
_SCHEMA = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'messages' ORDER BY name"
_COLUMNS = ("m.seq, m.ts, mem.name, m.kind, m.text, m.edited, m.media_name, m.media_sha256, m.system_event, m.actor, "
            "m.target, m.extra, m.fingerprint, m.occurrence")


def _schema(store) -> list[tuple]:
    return store.db.conn.execute(_SCHEMA).fetchall()


def _rows(store, chat_id: int) -> list[tuple]:
    return store.db.conn.execute(f"SELECT {_COLUMNS} FROM messages m LEFT JOIN members mem ON mem.id = m.member_id "
                                   "WHERE m.chat_id = ? ORDER BY m.seq", [chat_id]).fetchall()


def _chat(tmp_path: Path, name: str, lines: int) -> Path:
    path = tmp_path / f"WhatsApp Chat with {name}.txt"
    path.write_text("".join(f"14/03/2024, 09:{m % 60:02d} - Ana Silva: note {m % 7}\n" for m in range(lines)), encoding="utf-8")
    return path


def test_first_import_rebuilds_every_index_and_dedupes_later_imports(store, tmp_path: Path) -> None:
    schema = _schema(store)
    first = import_export(store, _chat(tmp_path, "Owls", 300))  # empty store: the bulk path
    assert _schema(store) == schema
    assert store.scalar("PRAGMA integrity_check") == "ok"
    assert import_export(store, _chat(tmp_path, "Owls", 300)).added == 0
    newer = import_export(store, _chat(tmp_path, "Owls", 360))  # the chat has messages: row by row
    assert (newer.added, newer.skipped) == (60, 300)
    assert store.scalar("SELECT count(*) FROM messages WHERE chat_id = ?", [first.chat_id]) == 360


def test_bulk_and_row_by_row_store_the_same_rows(store, tmp_path: Path) -> None:
    bulk = import_export(store, MAPLE).chat_id
    import_export(store, _chat(tmp_path, "Filler", 500))
    # Maple again under another name: the store now holds more messages than the file, so row by row.
    one_by_one = import_export(store, MAPLE, chat_name="Maple again").chat_id
    assert _rows(store, bulk) and _rows(store, one_by_one) == _rows(store, bulk)


def test_cancelled_bulk_import_leaves_indexes_and_no_rows(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    schema = _schema(store)
    monkeypatch.setattr(importer, "BATCH", 10)
    seen: list[int] = []
    with pytest.raises(Cancelled):
        import_export(store, _chat(tmp_path, "Owls", 100), progress=lambda done, _t, _l: seen.append(done),
                      cancelled=lambda: len(seen) > 3)
    assert _schema(store) == schema
    assert store.scalar("SELECT count(*) FROM messages") == 0
    assert store.scalar("SELECT count(*) FROM chats") == 0
