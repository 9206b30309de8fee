"""Making removed personal data actually gone, not just unreachable.

Deleting a row in SQLite leaves its bytes in free pages, the FTS5 index keeps a deleted
message's words in older segments until they are merged, and the WAL file keeps old page
images until a checkpoint. Purge and erasure therefore run with ``secure_delete`` on, merge the
full-text index inside their transaction, checkpoint the WAL afterwards, and remove media
files that no message refers to any more.
"""

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence

from rep_assistant.core.store import Store


@contextlib.contextmanager
def securely(store: Store) -> Iterator[Store]:
    """A transaction whose deletions overwrite the freed bytes with zeros."""
    store.db.conn.execute("PRAGMA secure_delete = ON")
    with store.transaction():
        yield store
        merge_fulltext_index(store)


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


def checkpoint(store: Store) -> None:
    """Copy the WAL into the main file and truncate it, so old page images do not linger there."""
    with contextlib.suppress(sqlite3.Error):
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
