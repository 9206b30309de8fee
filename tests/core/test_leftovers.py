"""What a killed operation leaves is gone at the next start; purged photos never come back; notes lose purged quotes."""

import datetime as dt
import json
import time
from pathlib import Path

from rep_assistant.core import paths
from rep_assistant.core.duties import anchor, retention, scratch
from rep_assistant.core.duties.ledger import ledger_path
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.store import Store
from tests.core import forensic_group as fg

TODAY = dt.date(2026, 1, 1)


def _dead_journal(db: Path, kind: str, files: list[Path]) -> Path:
    """A journal whose process is gone: nobody holds its lock."""
    folder = scratch.pending_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / f"{kind}-deadbeef.json"
    journal.write_text(json.dumps({"kind": kind, "files": [str(f) for f in files]}), encoding="utf-8")
    return journal


def test_photos_of_an_import_that_never_committed_go_at_the_next_start(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    kept = sorted(p.name for p in store.media_dir.iterdir())
    stray = store.media_dir / ("ab" * 32 + ".jpg")
    stray.write_bytes(b"a photo copied by an import that was killed")
    half = store.media_dir / ".incoming-x1y2"
    half.write_bytes(b"half a photo")
    store.close()
    journal = _dead_journal(store.path, "import", [])
    with Store(store.path) as reopened:
        assert sorted(p.name for p in reopened.media_dir.iterdir()) == kept
    assert not journal.exists()


def test_a_live_import_in_another_window_is_left_alone(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    stray = store.media_dir / ("cd" * 32 + ".jpg")
    with scratch.journal(store.path, "import", []):  # this process is importing: its photos are not committed yet
        stray.write_bytes(b"not committed yet")
        with Store(store.path):
            assert stray.exists()
    assert stray.exists()  # the import itself removes it if it fails; nobody else may


def test_full_copies_left_by_killed_backups_restores_and_exports_go_at_the_next_start(store: Store, tmp_path: Path) -> None:
    store.close()
    part = tmp_path / "usb" / "backup.sqlite3.part"
    part.parent.mkdir()
    part.write_bytes(b"SQLite format 3\x00 a whole copy")
    handed = tmp_path / "usb" / ".jane.html.1a2b.part"
    handed.write_text("an export not handed over", encoding="utf-8")
    staged = store.path.with_name(store.path.name + ".restoring")
    staged.write_bytes(b"SQLite format 3\x00 another whole copy")
    _dead_journal(store.path, "backup", [part])
    _dead_journal(store.path, "handover", [handed])
    with Store(store.path):
        pass
    assert not part.exists() and not handed.exists() and not staged.exists()


def test_a_ledger_or_anchor_half_written_when_killed_goes_at_the_next_start(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    retention.purge(store, retention.plan_purge(store, 30, today=TODAY))
    ledger = ledger_path(store.path)
    kept = ledger.read_bytes()
    store.close()
    halves = [paths.part_path(ledger), paths.part_path(anchor.anchor_path(store.path))]
    for half in halves:
        half.write_text('{"format": "rep-assistant erasure led', encoding="utf-8")  # killed mid-write
    with Store(store.path):
        pass
    assert not any(half.exists() for half in halves)
    assert ledger.read_bytes() == kept


def test_a_half_written_ledger_is_left_while_another_window_holds_the_write_lock(store: Store) -> None:
    half = paths.part_path(ledger_path(store.path))
    with store.transaction():  # this window is writing the ledger of an erasure
        half.write_text("{}", encoding="utf-8")
        with Store(store.path):
            assert half.exists()
    assert half.exists()


def test_a_start_with_nothing_half_written_does_not_wait_for_another_windows_write_lock(store: Store) -> None:
    with store.transaction():  # another window is importing
        started = time.monotonic()
        with Store(store.path):
            pass
        assert time.monotonic() - started < 4  # the busy timeout is 5 s: opening took no lock


def test_a_reimport_after_a_purge_brings_no_photo_back(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    plan = retention.plan_purge(store, 30, today=TODAY)
    retention.purge(store, plan)
    photos = {p.read_bytes() for p in store.media_dir.iterdir()}
    assert not any(b"TOM-OLD-PHOTO" in p for p in photos)
    result = import_export(store, fg.write_export(tmp_path))
    assert {p.read_bytes() for p in store.media_dir.iterdir()} == photos and result.media_added == 0
    assert store.scalar("SELECT count(*) FROM media") == len(photos)
    assert retention.plan_purge(store, 30, today=TODAY).total == 0  # and so nothing is left to purge


def test_an_export_older_than_a_purge_is_purged_as_it_comes_in(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    retention.purge(store, retention.plan_purge(store, 30, today=TODAY))
    older = tmp_path / "WhatsApp Chat - Year 4 Oaks.txt"
    older.write_text("01/05/2025, 10:00 - Tom Smith: an earlier wombatish remark\n", encoding="utf-8")
    result = import_export(store, older, chat_name=fg.CHAT_NAME)
    assert result.added == 1 and result.reapplied == 1
    assert store.scalar("SELECT count(*) FROM messages WHERE text LIKE '%wombatish%'") == 0


def test_a_purge_removes_what_the_reps_notes_quote(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    retention.purge(store, retention.plan_purge(store, 30, today=TODAY))
    notes = [r[0] for r in store.db.conn.execute("SELECT text FROM notes")]
    assert "Tom posted [quote removed with the message] again" in notes
    assert not any("wombatish" in n for n in notes)
    assert "She said it was brontosaurish, I will call her" in notes  # a recent message's words stay


def test_a_handover_killed_among_its_renames_is_finished_at_the_next_start(store: Store, tmp_path: Path) -> None:
    """The entry committed and the journal names the renames: the next start puts both files of the export in place."""
    store.close()
    out = tmp_path / "usb"
    out.mkdir()
    done = out / "tom.json"
    done.write_text("{}", encoding="utf-8")  # renamed before the kill
    left = out / ".tom.html.1a2b.part"
    left.write_text("<html>the page</html>", encoding="utf-8")  # not renamed yet
    journal = _dead_journal(store.path, "handover", [out / ".tom.json.9f8e.part", left])
    record = json.loads(journal.read_text(encoding="utf-8"))
    record["renames"] = [[str(out / ".tom.json.9f8e.part"), str(done)], [str(left), str(out / "tom.html")]]
    journal.write_text(json.dumps(record), encoding="utf-8")
    with Store(store.path):
        pass
    assert sorted(p.name for p in out.iterdir()) == ["tom.html", "tom.json"]
    assert (out / "tom.html").read_text(encoding="utf-8") == "<html>the page</html>" and not journal.exists()
