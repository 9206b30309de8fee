"""Importing an export into the store: one transaction, idempotent, incremental.

Every entry gets a fingerprint (its timestamp followed by an 8-byte BLAKE2b of author, kind
and text) and an occurrence number (the n-th time that fingerprint appears in the file). The
store's UNIQUE(chat_id, fingerprint, occurrence) then does the merging: a newer export
repeating the old messages adds only the new ones, the same file twice adds nothing, and two
identical "Thanks!" in the same minute stay two messages because their occurrences differ.
The timestamp leads the fingerprint so new keys land next to each other in the unique index
(random keys make every insert touch a different page once a chat is large).

Rows stream from the parser in batches into ``executemany(INSERT OR IGNORE ...)`` on the raw
connection, so a 1M-message export never sits in memory; the full-text index gets the new
rows in one INSERT ... SELECT at the end (see the note in migrations.py). When the chat is new
and the store holds fewer messages than the file brings (the first import of a big chat), the
messages indexes are dropped for the bulk insert and rebuilt before commit: nothing can clash
(occurrences make every key in one file distinct), and one sorted build costs about a third of
maintaining three indexes row by row. Media a message
names are copied out of a zip under their content hash; files written by an import that fails
are removed again, so the store (rows and media folder) is as it was. Pass one runs before
anything is written, so a file that is not a chat fails without touching the store.

Members: one row per author, and per name a system event acts on (actor, target), except the
exporting user ("You"/"Du"...) and the author an iOS export puts on system notices (the
group's or contact's name, which is not someone posting); that author is kept in the
message's ``extra`` as ``attributed_to``.
"""

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from rep_assistant.core.chats import chats_named
from rep_assistant.core.duties import scratch, wipe
from rep_assistant.core.duties.erasure import reapply_erasures
from rep_assistant.core.duties.ledger import Ledger
from rep_assistant.core.duties.retention import reapply_purges
from rep_assistant.core.errors import BadExportError
from rep_assistant.core.importing.parsing import ExportSource, Row, iter_export_rows, read_export
from rep_assistant.core.importing.parsing.classify import is_phone
from rep_assistant.core.importing.parsing.phrases import YOU
from rep_assistant.core.progress import CancelFn, ProgressFn, check_cancel, report
from rep_assistant.core.store import Store, now_iso

BATCH = 5000
_INSERT = (
    "INSERT OR IGNORE INTO messages (chat_id, seq, ts, member_id, kind, text, edited, media_name, media_sha256, "
    "system_event, actor, target, extra, fingerprint, occurrence, import_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
#: Most rows are plain text messages whose other columns keep their defaults; binding those
#: seven NULL/0 parameters costs about as much as SQLite's own work on the row, so plain rows
#: use this statement (their tuples have 9 items, the others 16).
_INSERT_PLAIN = (
    "INSERT OR IGNORE INTO messages (chat_id, seq, ts, member_id, kind, text, fingerprint, occurrence, import_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_PLAIN_WIDTH = 9


@dataclass
class ImportResult:
    chat_id: int
    chat_name: str
    import_id: int
    entries: int
    added: int
    skipped: int
    media_added: int
    already_imported: bool
    reapplied: int = 0  # erased people and purged messages that came back with the export and were removed again


class _Members:
    """Member ids by name for one chat, created on first sight."""

    def __init__(self, store: Store, chat_id: int) -> None:
        self._conn = store.db.conn
        self._chat_id = chat_id
        self.ids = dict(self._conn.execute("SELECT name, id FROM members WHERE chat_id = ?", [chat_id]).fetchall())

    def id_for(self, name: str | None) -> int | None:
        if not name or name in YOU:
            return None
        member_id = self.ids.get(name)
        if member_id is None:
            cur = self._conn.execute("INSERT INTO members (chat_id, name, is_phone) VALUES (?, ?, ?)",
                                     [self._chat_id, name, int(is_phone(name))])
            member_id = self.ids[name] = cur.lastrowid
        return member_id


def _chat(store: Store, name: str) -> tuple[int, str]:
    """The chat to import into and its stored name, created if new.

    Found by name alone (``find_chat`` would also take ``--chat 3`` as chat id 3); when several
    chats match in different case, the oldest.
    """
    found = chats_named(store, name)
    if found:
        return found[0]["id"], found[0]["name"]
    return store.db.conn.execute("INSERT INTO chats (name, created_at) VALUES (?, ?)", [name, now_iso()]).lastrowid, name


def import_export(store: Store, path: Path | str, *, chat_name: str | None = None,
                  progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> ImportResult:
    """Import one .txt or .zip export into the chat ``chat_name`` (default: named by the file).

    Raises BadExportError for a file that is not a readable export, Cancelled when
    ``cancelled()`` turns true; in both cases the store is unchanged.
    """
    with importing(store, path, chat_name=chat_name, progress=progress, cancelled=cancelled) as result:
        pass  # nothing else belongs in this import's transaction
    report(progress, result.entries, result.entries, "Imported")
    return result


@contextmanager
def importing(store: Store, path: Path | str, *, chat_name: str | None = None, progress: ProgressFn | None = None,
              cancelled: CancelFn | None = None) -> Iterator[ImportResult]:
    """Import as ``import_export`` does, in a transaction that stays open for the ``with`` block.

    What the block writes commits with the import. When the import or the block raises, both
    roll back and the media files this import copied are removed again, which a caller's own
    outer transaction could not do: only the import knows which files it wrote.
    """
    with read_export(path) as source:
        name = (chat_name if chat_name is not None else source.chat_name).strip()
        if not name:
            raise BadExportError("The chat name is empty; give one with --chat NAME.")
        report(progress, 0, 0, "Reading the export")
        fmt, rows = iter_export_rows(source)
        check_cancel(cancelled)
        written: list[Path] = []
        # The journal makes the next start remove this import's photos if the process dies before
        # the commit (kill -9 skips the clean-up below); see core/duties/scratch.py.
        with scratch.journal(store.path, "import", []):
            try:
                with store.transaction():
                    result = store_rows(store, source, name, fmt.headers, rows, written, progress, cancelled)
                    yield result
            except BaseException:
                for file in written:
                    if file.exists():
                        os.unlink(file)
                raise
        if result.reapplied:  # an erased person or purged text came back and was removed again
            wipe.compact(store)


def store_rows(store: Store, source: ExportSource, name: str, expected: int, rows: Iterator[Row],
               written: list[Path] | None = None, progress: ProgressFn | None = None,
               cancelled: CancelFn | None = None) -> ImportResult:
    """Store parsed rows of ``source`` as chat ``name``, inside the caller's transaction.

    ``import_export`` is the way in; this is separate so bench/bench_import.py can time the
    store on rows parsed beforehand. Media files written are appended to ``written`` so a
    caller whose transaction fails can remove them.
    """
    written = [] if written is None else written
    conn = store.db.conn
    chat_id, name = _chat(store, name)
    seen_before = conn.execute("SELECT 1 FROM imports WHERE chat_id = ? AND sha256 = ?", [chat_id, source.sha256]).fetchone()
    base = conn.execute("SELECT coalesce(max(seq), 0) FROM messages WHERE chat_id = ?", [chat_id]).fetchone()[0]
    import_id = conn.execute(
        "INSERT INTO imports (chat_id, source_name, size, sha256, imported_at, entries, added, skipped, media_added) "
        "VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0)", [chat_id, source.file_name, source.size, source.sha256, now_iso()]).lastrowid
    restore = _suspend_fts_insert_trigger(store)
    if base == 0 and conn.execute("SELECT count(*) FROM messages").fetchone()[0] < expected:
        restore += _drop_message_indexes(store)
    media = _MediaCopier(store, source, written)
    entries = added = 0
    batch: list[tuple] = []
    for row in _message_rows(rows, chat_id, base, import_id, _Members(store, chat_id), media):
        batch.append(row)
        if len(batch) >= BATCH:
            added += _insert(store, batch)
            entries += len(batch)
            batch = []
            check_cancel(cancelled)
            report(progress, entries, max(expected, entries), "Importing messages")
    if batch:
        added += _insert(store, batch)
        entries += len(batch)
    media_added = media.added
    check_cancel(cancelled)
    report(progress, entries, entries, "Indexing messages for search")
    conn.execute("INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE import_id = ?", [import_id])
    for sql in restore:
        conn.execute(sql)
    # Someone the rep erased, or text the rep purged, must not come back with an export.
    book = Ledger.for_store(store)
    reapplied = reapply_erasures(store, chat_id, book) + reapply_purges(store, book, import_id)
    if media_added:  # only this import can have added a photo nobody refers to
        media_added -= _drop_media_nobody_uses(store, written)
    skipped = entries - added
    conn.execute("UPDATE imports SET entries = ?, added = ?, skipped = ?, media_added = ? WHERE id = ?",
                 [entries, added, skipped, media_added, import_id])
    store.audit("import", {"chat": chat_id, "import": import_id},
                {"sha256": source.sha256, "size": source.size, "entries": entries, "added": added,
                 "skipped": skipped, "media_added": media_added})
    return ImportResult(chat_id, name, import_id, entries, added, skipped, media_added, seen_before is not None, reapplied)


def _drop_media_nobody_uses(store: Store, written: list[Path]) -> int:
    """Forget photos that no stored message refers to; returns how many rows went.

    A re-imported export names the photos of messages the store already has, among them ones a
    purge or an erasure blanked: their rows are skipped, so the photo copied for them is
    nobody's and must not come back. Files this import wrote for them are removed at once
    (still inside the transaction: a rollback would not bring their rows back either).
    """
    dropped = set(wipe.drop_unreferenced_media(store))
    for file in written:
        if file.name in dropped:
            file.unlink(missing_ok=True)
    return len(dropped)


def _insert(store: Store, batch: list[tuple]) -> int:
    """Insert rows in file order, each run of one shape with its statement; returns how many were new."""
    conn = store.db.conn
    return sum(conn.executemany(_INSERT_PLAIN if width == _PLAIN_WIDTH else _INSERT, run).rowcount
               for width, run in groupby(batch, len))


def _message_rows(rows: Iterator[Row], chat_id: int, base: int, import_id: int, members: _Members,
                  media: "_MediaCopier") -> Iterator[tuple]:
    """messages rows for parsed rows, with fingerprint and occurrence: plain text messages as
    _INSERT_PLAIN tuples, the rest in _INSERT's column order."""
    occurrences: dict[bytes, int] = {}
    member_ids = members.ids
    blake2b = hashlib.blake2b
    for seq, ts, author, kind, text, edited, media_name, event, actor, target, extra in rows:
        fp = ts.encode() + blake2b(f"{author or ''}\x1f{kind}\x1f{text}".encode(), digest_size=8).digest()
        occurrence = occurrences.get(fp, 0)
        occurrences[fp] = occurrence + 1
        if kind == "message" and not edited and extra is None:
            yield (chat_id, base + seq, ts, member_ids.get(author) or members.id_for(author), kind, text, fp, occurrence,
                   import_id)
            continue
        if kind == "system" and event != "missed_call":
            if author is not None:
                extra = {**(extra or {}), "attributed_to": author}
            member_id = None
            for who in (actor, *((extra or {}).get("targets") or (target,))):
                members.id_for(who)
        else:
            member_id = member_ids.get(author) or members.id_for(author)
        yield (chat_id, base + seq, ts, member_id, kind, text, edited, media_name,
               media.sha256(media_name) if media_name is not None else None, event, actor, target,
               json.dumps(extra, ensure_ascii=False) if extra else None, fp, occurrence, import_id)


def _suspend_fts_insert_trigger(store: Store) -> list[str]:
    """Drop the per-row FTS insert trigger for this transaction; returns the SQL recreating it.

    Dropping and recreating inside the import's transaction means no other connection ever
    sees the table without its trigger, and a rollback restores it (see migrations.py).
    """
    row = store.db.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'messages_ai'").fetchone()
    if row is None:
        return []
    store.db.conn.execute("DROP TRIGGER messages_ai")
    return [row[0]]


def _drop_message_indexes(store: Store) -> list[str]:
    """Drop the messages indexes for a bulk insert; returns the SQL rebuilding them.

    Like the trigger, they are dropped and rebuilt inside the import's transaction, so a
    rollback or a crash leaves them as they were. Only declared indexes are listed (an
    older store's UNIQUE constraint has no SQL and simply stays).
    """
    conn = store.db.conn
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' "
                        "AND sql IS NOT NULL").fetchall()
    for name, _ in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


class _MediaCopier:
    """Copies media named by messages out of a zip export once each, recording them in ``media``."""

    def __init__(self, store: Store, source: ExportSource, written: list[Path]) -> None:
        self._store, self._zip, self._written = store, source.zip, written
        self._sha: dict[str, str | None] = {}
        self.added = 0

    def sha256(self, name: str) -> str | None:
        """The stored file's hash, or None for a .txt export or a file the zip lacks."""
        if self._zip is None:
            return None
        if name not in self._sha:
            self._sha[name] = self._copy(name)
        return self._sha[name]

    def _copy(self, name: str) -> str | None:
        copied = self._zip.copy_media(name, self._store.media_dir)
        if copied is None:
            return None
        sha, size, file, new_file = copied
        if new_file:
            self._written.append(file)
        self.added += self._store.db.conn.execute(
            "INSERT OR IGNORE INTO media (sha256, size, original_name, stored_name) VALUES (?, ?, ?, ?)",
            [sha, size, name, file.name]).rowcount
        return sha
