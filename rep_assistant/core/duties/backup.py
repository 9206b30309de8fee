"""Backup and restore of the store, through SQLite's online backup API.

Copying the file by hand can catch it mid-write and misses the WAL; the backup API copies a
consistent snapshot while the app stays usable. A backup is taken under the store's write
lock and recorded in the live store's audit log with the snapshot's audit head hash, so the
log itself proves which backup holds which history. The backup file is a single
self-contained file (rollback journal, not WAL), created readable only by the user.

A backup's ``.part`` is named in a pending-work journal (``scratch``), so a killed backup
leaves no full copy behind, and the audit entry commits before the file is renamed into place,
so a backup file never exists without its entry.

Restore is the way out of a damaged store, so it must not need the current store to open.
The file is first copied beside the store and checked there (a SQLite file, a Rep Assistant
schema this version reads, ``integrity_check`` ok, audit chain intact). Then, still in that
staging copy, every erasure and purge the ledger lists is re-applied (an older backup would
otherwise bring an erased parent back) and the restore is written into its log, so the store
that goes live already holds its own record. The live store is then replaced and checked; the
store it replaced is kept only when the rep asks (``keep_previous``: beside the store, where
every later erasure and purge reaches it too), and otherwise removed once the restore verified.

Media files (photos from zip exports) live beside the store and are not in the backup.
"""

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, replace
from pathlib import Path

from rep_assistant.core import paths
from rep_assistant.core.duties import anchor as audit_anchor
from rep_assistant.core.duties import audit, scratch, upkeep, wipe
from rep_assistant.core.duties.ledger import Ledger
from rep_assistant.core.errors import RepError, StoreError
from rep_assistant.core.progress import ProgressFn, report
from rep_assistant.core.store import Store
from rep_assistant.core.store.migrations import SCHEMA_VERSION
from rep_assistant.core.store.store import describe_sqlite_error

_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    sha256: str
    schema: int
    audit_entries: int
    head_hash: str
    messages: int


#: The restore's steps, as ``progress`` counts them: copy, check, re-apply, replace, check again.
_STEPS = 5

#: How long a copy waits for another writer before giving up, like the store's busy timeout.
BUSY_SECONDS = 5.0


def _copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """The online backup API, but giving up while another writer holds the target.

    Python's ``Connection.backup`` retries a busy target forever; a restore must instead say
    that another window is using the store.
    """
    deadline = time.monotonic() + BUSY_SECONDS

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked")

    source.backup(target, progress=progress, sleep=0.1)


def _snapshot(source_path: Path, target_path: Path) -> None:
    """A consistent single-file copy of the store at ``source_path`` (no WAL beside it to lose)."""
    source = sqlite3.connect(str(source_path), timeout=5.0)
    target = sqlite3.connect(str(target_path))
    try:
        _copy(source, target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
        source.close()


def _private_empty_file(path: Path, shown: Path) -> None:
    """Create ``path`` 0600 from the start; ``shown`` is the file the user named, for the message."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    except OSError as exc:
        raise RepError(f"{shown} cannot be written ({exc.strerror or exc}); choose a folder you can write to.") from exc


def backup(store: Store, out: Path) -> BackupInfo:
    """Write a consistent copy of ``store`` to ``out`` and record it in the store's log (the entry first)."""
    out = Path(out)
    if out.exists():
        raise RepError(f"{out} already exists; choose a new file name for the backup.")
    if not out.parent.is_dir():
        raise RepError(f"The folder {out.parent} does not exist; create it or choose another.")
    part = out.with_name(out.name + ".part")
    with scratch.journal(store.path, "backup", [part]):
        _private_empty_file(part, out)
        try:
            with store.transaction():  # the write lock: nothing changes while the snapshot is taken
                _snapshot(store.path, part)
                info = inspect(part)
                store.audit("backup", {}, {"sha256": info.sha256, "size": info.size, "audit_entries": info.audit_entries,
                                           "head_hash": info.head_hash, "messages": info.messages})
            os.replace(part, out)  # after the commit: the file is handed over only once its entry exists
        except sqlite3.Error as exc:
            raise StoreError(describe_sqlite_error(exc, out)) from exc
        finally:
            part.unlink(missing_ok=True)
    return replace(info, path=out)  # private already: the .part file was created 0600 and renaming keeps that


def inspect(path: Path, label: Path | None = None) -> BackupInfo:
    """Check that ``path`` is an intact Rep Assistant store this version can read; RepError if not.

    ``label`` is the file the user named when ``path`` is a working copy of it.
    """
    path = Path(path)
    name = label or path
    if not path.is_file():
        raise RepError(f"There is no file {name}.")
    with path.open("rb") as fh:
        if fh.read(16) != _SQLITE_MAGIC:
            raise RepError(f"{name} is not a Rep Assistant backup (it is not an SQLite database).")
        fh.seek(0)
        sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"_sqlite_migrations", "audit_log", "messages"} <= tables:
                raise RepError(f"{name} is an SQLite file from another program, not a Rep Assistant backup.")
            schema = conn.execute("PRAGMA user_version").fetchone()[0]
            if schema > SCHEMA_VERSION:
                raise RepError(f"{name} was made by a newer version of Rep Assistant (schema {schema}); update the app to restore it.")
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise RepError(f"{name} is damaged ({problems[0]}); try an older backup.")
            chain = audit.verify(conn)
            if not chain.ok:
                raise RepError(f"{name} cannot be trusted: its audit log has been tampered with ({chain.problem}).")
            messages = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise RepError(f"{name} is damaged or is not a Rep Assistant backup ({exc}).") from exc
    return BackupInfo(path, path.stat().st_size, sha256, schema, chain.checked, chain.head_hash, messages)


def _keep_aside(db_path: Path, kept: Path) -> Path | None:
    """Copy the store being replaced to ``kept``: through the backup API if it opens, byte for byte if it is damaged."""
    if not db_path.exists():
        return None
    _private_empty_file(kept, kept)
    try:
        _snapshot(db_path, kept)
    except sqlite3.DatabaseError:
        shutil.copyfile(db_path, kept)
        wal = Path(f"{db_path}-wal")
        if wal.exists():
            paths.create_private_file(Path(f"{kept}-wal"))
            shutil.copyfile(wal, Path(f"{kept}-wal"))
    return kept


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup's facts, where the replaced store went, what the ledger re-applied."""

    info: BackupInfo
    kept: Path | None
    erasures: int
    purged: int

    def summary(self) -> str:
        """What else the restore did, in the rep's words (the command line and the window say the same)."""
        if self.erasures or self.purged:
            parts = [f"Erasures and purges made since that backup were applied again ({self.erasures} people erased, "
                     f"{self.purged} messages purged), so nothing you deleted came back."]
        else:
            parts = ["Every erasure and purge you made is still in effect."]
        if self.kept:
            parts.append(f"The store it replaced is kept as {self.kept}; later erasures and purges reach it too.")
        else:
            parts.append("The store it replaced was removed once the restore checked out: no copy of it is kept.")
        return " ".join(parts)


def restore(db_path: Path, backup_file: Path, *, actor: str = "rep", keep_previous: bool = False,
            progress: ProgressFn | None = None) -> Restored:
    """Replace the store at ``db_path`` with ``backup_file``, re-applying the ledger first.

    Copying, checking and re-applying take seconds on a large store, so ``progress`` hears of
    each of the five steps (the window shows them; the command line passes nothing).
    """
    db_path, backup_file = Path(db_path), Path(backup_file)
    paths.ensure_private_dir(db_path.parent)
    if not backup_file.is_file():
        raise RepError(f"There is no file {backup_file}.")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    staged = db_path.with_name(f"{db_path.name}.restoring")
    previous = db_path.with_name(f"{db_path.name}.restoring-previous")
    kept_as = db_path.with_name(f"{db_path.name}.bak-{stamp}")
    with scratch.journal(db_path, "restore", [staged, previous]):
        try:
            report(progress, 0, _STEPS, "Copying the backup")
            _private_empty_file(staged, db_path)
            try:
                shutil.copyfile(backup_file, staged)
            except OSError as exc:
                raise RepError(f"{backup_file} cannot be read ({exc.strerror or exc}).") from exc
            report(progress, 1, _STEPS, "Checking the backup")
            info = inspect(staged, label=backup_file)
            report(progress, 2, _STEPS, "Applying your erasures and purges to it again")
            erasures, purged = _prepare(db_path, staged, info, actor, keep_previous)
            head = audit_anchor.head_of(staged)
            report(progress, 3, _STEPS, "Replacing the store")
            old = _keep_aside(db_path, previous)
            try:
                _replace(db_path, staged)
                report(progress, 4, _STEPS, "Checking the restored store")
                _check_live(db_path, head)
            except RepError:
                if old is not None:
                    _replace(db_path, old)  # put the store back as it was
                raise
            kept = None
            if keep_previous and old is not None:
                os.replace(old, kept_as)
                kept = kept_as
            audit_anchor.write(db_path, head)
            report(progress, _STEPS, _STEPS, "Restored")
        finally:
            for leftover in (staged, previous):
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{leftover}{suffix}").unlink(missing_ok=True)
    return Restored(replace(info, path=backup_file), kept, erasures, purged)


def _prepare(db_path: Path, staged: Path, info: BackupInfo, actor: str, keep_previous: bool) -> tuple[int, int]:
    """In the staging copy: re-apply the ledger, record the restore, compact; (people erased, messages purged)."""
    book = Ledger.load(db_path)
    replaced = audit_anchor.read(db_path)
    with Store(staged, actor=actor, companions=False) as store:
        erasures, purged = upkeep.apply_ledger(store, book)
        with store.transaction():
            store.audit("restore", {}, {
                "sha256": info.sha256, "audit_entries": info.audit_entries, "head_hash": info.head_hash,
                "messages": info.messages, "erasures_reapplied": erasures, "purges_reapplied": purged,
                "kept_previous": keep_previous,
                "replaced_head": {"entries": replaced.count, "hash": replaced.hash} if replaced else None})
        wipe.compact(store)
        store.db.conn.execute("PRAGMA journal_mode = DELETE")
    return erasures, purged


def _check_live(db_path: Path, head: audit_anchor.Anchor) -> None:
    """The restored store opens, is intact and ends in the head the staging copy had."""
    try:
        conn = sqlite3.connect(str(db_path), timeout=5.0)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            chain = audit.verify(conn)
            same = audit_anchor.head(conn) == head
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise RepError(f"The restored store could not be checked ({exc}); the previous store was put back.") from exc
    if not (ok and chain.ok and same):
        raise RepError("The restored store did not check out (integrity or audit chain); the previous store was put back.")


def _replace(db_path: Path, staged: Path) -> None:
    """Copy the checked file into the live store through SQLite, so other open connections stay coherent."""
    try:
        source = sqlite3.connect(str(staged))
        target = sqlite3.connect(str(db_path), timeout=5.0)
        try:
            _copy(source, target)
            return
        finally:
            target.close()
            source.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise StoreError(describe_sqlite_error(exc, db_path)) from exc
    except sqlite3.DatabaseError:
        pass  # the current store is damaged: its bytes are already kept aside
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db_path}{suffix}").unlink()
    paths.create_private_file(db_path)  # private if new; an existing store keeps the mode its owner gave it
    shutil.copyfile(staged, db_path)
