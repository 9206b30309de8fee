"""Making removed personal data actually gone, not just unreachable.

Deleting a row in SQLite leaves its bytes in free pages, the FTS5 index keeps a deleted
message's words in older segments until they are merged, and the WAL file keeps old page
images until a checkpoint. Every connection runs with ``secure_delete`` on (store.py), but the
SQLite that Python ships on Windows and macOS may be built so that the pragma is ignored, and
even with it, text can survive in unused space inside a page. So purge and erasure merge the
full-text index inside their transaction and, once committed, ``compact`` the file: VACUUM
rewrites every page from the live rows (the search index included) and a TRUNCATE checkpoint
empties the WAL. Media files that no row refers to are removed too.

Every deletion records in the store, in its own transaction, that a compaction is owed; only a
compaction that finished clears it. So when it cannot run at once (another window is reading,
the disk is nearly full) or the app is killed between the commit and the VACUUM, the deletion
has still happened, ``compact`` says so instead of failing, and the next start finishes the
job (``upkeep``).
"""

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence

from rep_assistant.core.duties import scratch
from rep_assistant.core.errors import StoreError
from rep_assistant.core.store import Store


@contextlib.contextmanager
def securely(store: Store) -> Iterator[Store]:
    """A transaction whose deletions leave no words in the search index (the store zeroes freed pages)."""
    with store.transaction():
        yield store
        merge_fulltext_index(store)
        owe_compaction(store)


#: meta key: set with a deletion, cleared by the compaction that makes it reach the file's bytes.
OWED = "compaction_owed"


def owe_compaction(store: Store) -> None:
    """Record, inside the deleting transaction, that the file must be compacted."""
    store.db.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (OWED,))


def compaction_owed(store: Store) -> bool:
    return store.scalar("SELECT 1 FROM meta WHERE key = ?", (OWED,)) is not None


def merge_fulltext_index(store: Store) -> None:
    """Rewrite the FTS index as one segment, dropping the tokens of deleted and blanked text."""
    if "messages_fts" in store.db.table_names():
        store.db.conn.execute("INSERT INTO messages_fts(messages_fts) VALUES ('optimize')")


#: What a flag says in place of its summary once the message's text is gone.
WORDING_REMOVED = "Wording removed with the message"


def forget_flag_wording(store: Store, condition: str, params: Sequence[object]) -> int:
    """Drop the part of flag explanations that quotes the message, keeping the clause cited.

    A flag's explanation starts with a summary quoting the message ("Calls someone 'thick'",
    "Discusses an identifiable child (Isla)") and goes on "— clause 2.2 ... says: ...". When the
    text goes (purge, erasure) the quote must go too; the clause is the rep's record and stays.
    """
    cur = store.db.conn.execute(
        "UPDATE flags SET explanation = ? || substr(explanation, instr(explanation, ' — ')), spans = '[]' "
        f"WHERE instr(explanation, ' — ') > 1 AND explanation NOT LIKE ? || ' — %' AND ({condition})",
        [WORDING_REMOVED, WORDING_REMOVED, *params],
    )
    return cur.rowcount


def drop_unreferenced_media(store: Store) -> list[str]:
    """Delete media rows no message points at; return their stored file names (delete after commit)."""
    rows = store.db.conn.execute(
        "SELECT sha256, stored_name FROM media WHERE sha256 NOT IN "
        "(SELECT media_sha256 FROM messages WHERE media_sha256 IS NOT NULL)"
    ).fetchall()
    store.db.conn.executemany("DELETE FROM media WHERE sha256 = ?", [(sha,) for sha, _ in rows])
    return [name for _, name in rows]


def sweep_orphan_media(store: Store) -> int:
    """Remove every file in ``media/`` no media row names: photos an import copied and never committed.

    Skipped while another process imports (its photos are not committed yet, see ``scratch``).
    """
    if not store.media_dir.is_dir() or scratch.live_imports(store.path):
        return 0
    known = {row[0] for row in store.db.conn.execute("SELECT stored_name FROM media")}
    removed = 0
    for file in store.media_dir.iterdir():
        if file.is_file() and file.name not in known:
            file.unlink(missing_ok=True)
            removed += 1
    return removed


def remove_media_files(store: Store, names: list[str]) -> int:
    """Delete the files of media rows dropped by a committed purge or erasure.

    Only the named files, never a sweep of the folder: another process may be importing and
    have copied a file whose row is not committed yet.
    """
    removed = 0
    for name in names:
        if store.scalar("SELECT 1 FROM media WHERE stored_name = ?", (name,)) is None:
            path = store.media_dir / name
            if path.is_file():
                path.unlink()
                removed += 1
    return removed


def compact(store: Store) -> bool:
    """Rewrite the file without the freed bytes and empty the WAL; False if it had to wait (it stays owed)."""
    conn = store.db.conn
    try:
        checkpoint(store)
        conn.execute("VACUUM")
        if conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] != 0:
            return False  # a reader holds old pages in the WAL
        with store.transaction():
            conn.execute("DELETE FROM meta WHERE key = ?", (OWED,))
        checkpoint(store)
    except (sqlite3.Error, StoreError):
        return False
    return True


def checkpoint(store: Store) -> None:
    """Copy the WAL into the main file and truncate it, so old page images do not linger there."""
    with contextlib.suppress(sqlite3.Error):
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
