"""Forensic: after erasure, purge, a restore of an older backup and a re-import, no byte of what was removed
is left in any file the app writes, with SQLite's secure delete on and with it off (the Windows and macOS builds).

The hunt covers every file under the app's home (store, WAL, SHM, the copy a restore kept, media,
the erasure ledger, the audit anchor, pending-work journals, settings, a subject-access export
saved in the data folder), read as raw bytes, case-insensitively, in UTF-8 and UTF-16.
"""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from rep_assistant.core.duties import backup, erasure, retention, subject_access, wipe
from rep_assistant.core.duties.ledger import ledger_path
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.store import Store
from tests.core import forensic_group as fg

TODAY = dt.date(2026, 1, 1)  # the purge removes text from before 2 December 2025: Tom's June messages


@pytest.mark.parametrize("secure_delete", ["on", "off at compile time"])
def test_nothing_removed_survives_anywhere(tmp_path: Path, private_home: Path, monkeypatch: pytest.MonkeyPatch,
                                           secure_delete: str) -> None:
    if secure_delete != "on":
        fg.secure_delete_off(monkeypatch)
    data = private_home / "data"
    db = data / "rep-assistant.sqlite3"
    outside = tmp_path / "usb"
    outside.mkdir()
    store = Store(db, actor="Test Rep")
    if secure_delete != "on":
        assert store.scalar("PRAGMA secure_delete") == 0  # the emulation holds
    chat_id = fg.build(store, tmp_path)
    older = outside / "before.sqlite3"
    backup.backup(store, older)  # the rep's own backup, taken before: it holds everyone (outside the data folder)

    saved = subject_access.export(store, fg.CHAT_NAME, fg.ERASED, data / "for Imelda")[:2]  # saved in the data folder
    assert erasure.preview(store, fg.CHAT_NAME, fg.ERASED).exports == tuple(sorted(saved))
    erasure.erase(store, fg.CHAT_NAME, fg.ERASED)
    assert not any(p.exists() for p in saved)  # her export in the app's own folder went with her
    erasure.erase(store, fg.CHAT_NAME, fg.PHONE)
    plan = retention.plan_purge(store, 30, today=TODAY)
    assert plan.total >= 2
    retention.purge(store, plan)
    store.close()

    restored = backup.restore(db, older, keep_previous=True)  # the backup brings them all back...
    assert restored.erasures == 2 and restored.purged >= 2  # ...and the ledger takes them out again
    store = Store(db, actor="Test Rep")
    again = import_export(store, fg.write_export(tmp_path))  # the same export, once more
    assert again.reapplied == 2 and again.added == 4  # both came back with their messages, and went again
    subject_access.export(store, fg.CHAT_NAME, "Tom Smith", data / "tom")
    assert store.scalar("SELECT count(*) FROM members WHERE name IN (?, ?)", (fg.ERASED, fg.PHONE)) == 0
    assert store.scalar("SELECT count(*) FROM messages WHERE chat_id = ? AND text LIKE '%wombatish%'", (chat_id,)) == 0

    files = fg.every_file(private_home)
    names = {p.name for p in files}
    assert ledger_path(db).name in names and "rep-assistant.sqlite3.audit-head" in names
    assert any(n.startswith("rep-assistant.sqlite3.bak-") for n in names)  # the copy the rep asked to keep
    assert any(p.parent.name == "media" for p in files)  # photos nobody removed are still there
    assert fg.survivors(files) == {}, "removed data survives while the store is open"
    store.close()
    assert fg.survivors(fg.every_file(private_home)) == {}, "removed data survives after closing"
    # The backup the rep saved elsewhere still holds them: erasure cannot reach a file outside the app's folders.
    assert fg.survivors([older])


def test_the_ledger_holds_only_keyed_hashes(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    erasure.erase(store, fg.CHAT_NAME, fg.ERASED)
    text = ledger_path(store.path).read_text(encoding="utf-8")
    assert fg.survivors([ledger_path(store.path)]) == {} and "imelda" not in text.lower()
    assert len(__import__("json").loads(text)["erased"]) == 1


def test_a_reimport_into_a_store_that_lost_its_ledger_still_re_erases(store: Store, tmp_path: Path) -> None:
    """Belt and braces: the store remembers the same hashes itself, for a store copied without its ledger."""
    fg.build(store, tmp_path)
    erasure.erase(store, fg.CHAT_NAME, fg.ERASED)
    store.close()
    ledger_path(store.path).unlink()
    with Store(store.path) as reopened:
        result = import_export(reopened, fg.write_export(tmp_path))
        assert result.reapplied == 1
        assert reopened.scalar("SELECT count(*) FROM members WHERE name = ?", (fg.ERASED,)) == 0


def test_every_spelling_of_the_erased_number_is_replaced(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    plan = erasure.preview(store, fg.CHAT_NAME, fg.PHONE)
    done = erasure.erase(store, fg.CHAT_NAME, fg.PHONE)
    assert done.mentions == plan.mentions
    texts = [r[0] for r in store.db.conn.execute("SELECT text FROM messages WHERE text LIKE '%ring%' OR text LIKE '%or 00%'")]
    assert texts and all("900" not in t for t in texts), texts
    assert any(f"Member {done.member.id}" in t for t in texts)


def test_erasure_committed_is_reported_done_even_when_compaction_must_wait(store: Store, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    fg.build(store, tmp_path)
    reader = sqlite3.connect(store.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM messages").fetchone()  # another window reading: VACUUM cannot finish
    done = erasure.erase(store, fg.CHAT_NAME, fg.ERASED)
    assert done.compacted is False and done.messages == 3
    assert store.scalar("SELECT count(*) FROM members WHERE name = ?", (fg.ERASED,)) == 0
    assert wipe.compaction_owed(store)
    reader.execute("ROLLBACK")
    reader.close()
    store.close()
    with Store(store.path) as reopened:  # the next start finishes it
        assert not wipe.compaction_owed(reopened)
    assert fg.survivors([store.path]) == {} or all(
        w in fg.PURGED_WORDS + fg.PHONE_WORDS + fg.PHONE_SPELLINGS or w.lower() == "tom"
        for hits in fg.survivors([store.path]).values() for w in hits)


def test_an_erasure_reaches_the_copy_a_restore_kept(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    older = tmp_path / "older.sqlite3"
    backup.backup(store, older)
    store.close()
    kept = backup.restore(store.path, older, keep_previous=True).kept
    assert kept is not None and fg.survivors([kept])  # the copy holds her, as the store did
    with Store(store.path) as reopened:
        erasure.erase(reopened, fg.CHAT_NAME, fg.ERASED)
        retention.purge(reopened, retention.plan_purge(reopened, 30, today=TODAY))
    left = {w for hits in fg.survivors([kept]).values() for w in hits}
    assert left <= {*fg.PHONE_WORDS, *fg.PHONE_SPELLINGS}, left  # her and the purged text are gone from the copy too


def test_an_unreadable_ledger_stops_the_store_from_opening(store: Store, tmp_path: Path) -> None:
    from rep_assistant.core.errors import StoreError

    fg.build(store, tmp_path)
    erasure.erase(store, fg.CHAT_NAME, fg.ERASED)
    store.close()
    ledger_path(store.path).write_text("{half a file", encoding="utf-8")
    with pytest.raises(StoreError, match=r"erasure ledger .* cannot be read"):
        Store(store.path)


def test_a_kill_between_the_commit_and_the_vacuum_is_finished_at_the_next_start(store: Store, tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    fg.secure_delete_off(monkeypatch)
    with Store(tmp_path / "off.sqlite3") as off:
        fg.build(off, tmp_path)
        monkeypatch.setattr(wipe, "compact", lambda _store: False)  # as if killed right after the commit
        erasure.erase(off, fg.CHAT_NAME, fg.ERASED)
        files = [p for p in (off.path, Path(f"{off.path}-wal")) if p.exists()]
        assert fg.survivors(files)  # her words are still in free pages
        monkeypatch.undo()
        fg.secure_delete_off(monkeypatch)
    with Store(tmp_path / "off.sqlite3") as reopened:
        assert not wipe.compaction_owed(reopened)
    hits = {w for h in fg.survivors([tmp_path / "off.sqlite3"]).values() for w in h}
    assert not hits & {*fg.ERASED.split(), *fg.ERASED_WORDS}, hits


def test_a_copy_an_older_version_kept_beside_the_store_is_reached_at_the_next_start(store: Store, tmp_path: Path) -> None:
    fg.build(store, tmp_path)
    older = tmp_path / "older.sqlite3"
    backup.backup(store, older)
    erasure.erase(store, fg.CHAT_NAME, fg.ERASED)
    store.close()
    legacy = store.path.with_name(store.path.name + ".bak-20251130-210000")  # what restore used to leave behind
    legacy.write_bytes(older.read_bytes())
    assert fg.survivors([legacy])
    with Store(store.path):
        pass
    left = {w for hits in fg.survivors([legacy]).values() for w in hits}
    assert not left & {*fg.ERASED.split(), *fg.ERASED_WORDS}, left
