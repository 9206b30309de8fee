"""The audit log's anchor: its head written outside the database on every change.

The hash chain inside the store catches an edited, deleted or reordered entry, but someone
with the file can cut entries off the end and move the head back, rewrite an entry and every
later hash, or empty the log, and the chain alone would still be consistent. The anchor,
``rep-assistant.sqlite3.audit-head`` beside the store, holds the count and the last hash as
they were after the last change the app committed, so each of those is caught: the log is
shorter than the anchor, or its entry at the anchor's count has another hash. Bundles carry
the head too (manifest.json), and ``audit verify --head HASH`` checks a hash the rep wrote
down, which is the one defence against someone who also rewrites this file.

The anchor is written after the commit, so a crash in between leaves it one change behind;
the next start moves it forward when the entry it names is still there with its hash.
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rep_assistant.core import paths

SUFFIX = ".audit-head"
#: The hash written for a log with no entries yet (the chain's genesis value).
EMPTY = "0" * 64


@dataclass(frozen=True)
class Anchor:
    count: int
    hash: str

    def line(self) -> str:
        return f"{self.count} {self.hash or EMPTY}\n"


def anchor_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def head(conn: sqlite3.Connection) -> Anchor:
    """The store's own head (count of entries, last hash)."""
    count, digest = conn.execute("SELECT count, hash FROM audit_head WHERE id = 1").fetchone()
    return Anchor(count, digest or "")


def head_of(db_path: Path) -> Anchor:
    """The head of the store file at ``db_path``, read without opening it as a Store."""
    conn = sqlite3.connect(str(db_path))
    try:
        return head(conn)
    finally:
        conn.close()


def read(db_path: Path) -> Anchor | None:
    """The anchor beside ``db_path``; None when there is none. A damaged file reads as an impossible anchor."""
    try:
        text = anchor_path(db_path).read_text(encoding="ascii").split()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return Anchor(-1, "unreadable")
    if len(text) != 2 or not text[0].isdigit():
        return Anchor(-1, "unreadable")
    return Anchor(int(text[0]), "" if text[1] == EMPTY else text[1])


def write(db_path: Path, anchor: Anchor) -> None:
    paths.write_private(anchor_path(db_path), anchor.line())


def entry_hash_at(conn: sqlite3.Connection, count: int) -> str | None:
    row = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (count,)).fetchone()
    return row[0] if row else None


def follows(conn: sqlite3.Connection, anchor: Anchor) -> bool:
    """Whether the log still passes through ``anchor`` (its entry ``count`` has that hash)."""
    if anchor.count == 0:
        return True
    return entry_hash_at(conn, anchor.count) == anchor.hash


def advance(conn: sqlite3.Connection, db_path: Path) -> None:
    """Move the anchor to the store's head when the log has grown past it and still passes through it.

    Never creates a missing anchor (that is the start-up's decision, see ``upkeep``) and never
    follows a log that no longer passes through the anchor: that is tampering, for verify to report.
    """
    known = read(db_path)
    current = head(conn)
    if known is not None and known.count < current.count and follows(conn, known):
        write(db_path, current)


def problem(conn: sqlite3.Connection, anchor: Anchor, checked: int) -> str:
    """What is wrong with the log given the anchor, or "" (``checked`` entries passed the chain check)."""
    if anchor.count < 0:
        return f"the anchor file {SUFFIX} beside the store is damaged"
    if checked < anchor.count:
        if checked == 0:
            return f"the log is empty but the anchor beside the store says {anchor.count} entries were written: it was wiped"
        return (f"the log ends at entry {checked} but the anchor beside the store says {anchor.count} entries were "
                f"written: entries after {checked} were deleted")
    if not follows(conn, anchor):
        return (f"entry {anchor.count} no longer has the hash the anchor beside the store recorded: the log was "
                "rewritten up to there")
    return ""
