"""What every start does before the rep sees the store: finish what a crash or a restore left undone.

Opening a store (``Store(path)``) calls ``on_open``, which
- removes temporary full copies and uncommitted photos that a killed operation left (``scratch``),
  and a half-written erasure ledger or anchor;
- starts the audit anchor for a store that has none yet, and moves it forward after a crash
  between a commit and its anchor write (``anchor``);
- re-applies the erasure ledger when the store does not reflect it yet: a restored older
  backup, a store copied in from elsewhere, or an erasure whose commit was interrupted;
- finishes what an erasure or purge committed but could not complete (killed, or another window
  reading): removes the photos no row refers to any more and compacts the file (VACUUM).

None of this may stop the rep from opening the store: when another window holds the write
lock the work is simply left for the next start. Only an unreadable ledger is refused, since
carrying on would forget who was erased.
"""

import contextlib
import json
import sqlite3
from pathlib import Path

from rep_assistant.core import paths
from rep_assistant.core.duties import anchor, audit, erasure, retention, scratch, wipe
from rep_assistant.core.duties.ledger import Ledger, ledger_path
from rep_assistant.core.errors import StoreError
from rep_assistant.core.progress import CancelFn, ProgressFn
from rep_assistant.core.store import Store

#: meta key: whether this store's anchor was ever written (a missing anchor is then reported, not recreated).
ANCHOR_STATE = "audit_anchor"


def on_open(store: Store) -> None:
    scratch.tidy(store.path, lambda: wipe.sweep_orphan_media(store))
    with contextlib.suppress(StoreError, sqlite3.Error, OSError):
        remove_half_written_companions(store)
    with contextlib.suppress(StoreError, sqlite3.Error, OSError):
        start_anchor(store)
    book = Ledger.for_store(store)
    with contextlib.suppress(StoreError, sqlite3.Error):
        apply_ledger(store, book)
    if wipe.compaction_owed(store):  # a deletion committed and was not finished: its photos and free pages
        wipe.sweep_orphan_media(store)
        wipe.compact(store)
    if book.erased or book.purges:
        reach_copies(store.path, book)  # copies an older version kept beside the store by default


def remove_half_written_companions(store: Store) -> None:
    """Remove the ``.part`` a kill left of the ledger or the anchor beside the store.

    The ledger is written only under the store's write lock, so holding it here means no other
    window is half-way through writing one. An anchor write another window makes meanwhile may
    lose its ``.part``; that write is already allowed to fail, and the next commit moves it on.
    """
    halves = [paths.part_path(c) for c in (ledger_path(store.path), anchor.anchor_path(store.path))]
    if not any(half.exists() for half in halves):
        return  # the usual start: no lock taken, so a window busy writing never makes this one wait
    with store.transaction():
        for half in halves:
            half.unlink(missing_ok=True)


def start_anchor(store: Store) -> None:
    """Write the anchor of a store that never had one; move an existing one forward."""
    conn = store.db.conn
    known = anchor.read(store.path)
    if known is not None:
        if not anchor.follows(conn, known) and _restored_over(store, known):
            anchor.write(store.path, anchor.head(conn))  # a restore was killed before it moved the anchor
        else:
            anchor.advance(conn, store.path)
        return
    if store.scalar("SELECT value FROM meta WHERE key = ?", (ANCHOR_STATE,)) == "written":
        return  # it was removed: `audit verify` says so
    with store.transaction():
        anchor.write(store.path, anchor.head(conn))
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'written')", (ANCHOR_STATE,))


def _restored_over(store: Store, known: anchor.Anchor) -> bool:
    """Whether the log's last restore entry says it replaced a store whose head was ``known``."""
    row = store.db.conn.execute("SELECT details FROM audit_log WHERE action = 'restore' ORDER BY id DESC LIMIT 1").fetchone()
    try:
        replaced = json.loads(row[0]).get("replaced_head") if row else None
    except (ValueError, AttributeError):
        return False
    return replaced == {"entries": known.count, "hash": known.hash}


def apply_ledger(store: Store, book: Ledger) -> tuple[int, int]:
    """Bring the store in line with the ledger (erasures, then purges); returns (people erased, messages purged).

    Cheap when nothing changed: the store records which state of the ledger it reflects.
    """
    if erasure.is_applied(store, book):
        return 0, 0
    with store.transaction():
        erased = erasure.reapply_erasures(store, None, book)  # merges the search index itself
        purged = retention.reapply_purges(store, book)
        if purged:
            wipe.merge_fulltext_index(store)
        if erased or purged:
            wipe.owe_compaction(store)
        erasure.mark_applied(store, book)
    if erased or purged:
        wipe.compact(store)
    return erased, purged


def copies(db_path: Path) -> list[Path]:
    """The copies of the store the app keeps beside it (``restore --keep-previous``)."""
    pattern = f"{scratch.glob_escape(db_path.name)}.bak-*"
    return sorted(p for p in db_path.parent.glob(pattern) if p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal")))


def reach_copies(db_path: Path, book: Ledger) -> int:
    """Apply the ledger to every kept copy, so an erasure or purge reaches them too; returns how many were updated."""
    done = 0
    for copy in copies(db_path):
        try:
            with Store(copy, companions=False) as kept:
                erased, purged = apply_ledger(kept, book)  # compacts when it changed anything
                if wipe.compaction_owed(kept):
                    wipe.compact(kept)
                done += bool(erased or purged)
        except (StoreError, sqlite3.Error):
            continue
        for suffix in ("-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return done


def verify_log(store: Store, known_hash: str | None = None, progress: ProgressFn | None = None,
               cancelled: CancelFn | None = None) -> audit.VerifyResult:
    """The whole check of the audit log: its chain, the anchor beside the store, and a head hash the rep kept.

    An anchor that was written once and is now missing counts as tampering (it was removed), since
    otherwise deleting it would hide a wiped log. The command line and the window's audit view both call this.
    """
    anchored = anchor.read(store.path)
    if anchored is None and store.scalar("SELECT value FROM meta WHERE key = ?", (ANCHOR_STATE,)) == "written":
        return audit.VerifyResult(False, 0, f"the anchor file {anchor.anchor_path(store.path).name} beside the store is "
                                            "missing: the log cannot be checked against it (give --head HASH)")
    return audit.verify(store.db.conn, progress, cancelled, anchored=anchored, known_hash=known_hash)
