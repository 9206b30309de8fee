"""Backup and restore of the store, through SQLite's online backup API.

Copying the file by hand can catch it mid-write and misses the WAL; the backup API copies a
consistent snapshot while the app stays usable. A backup is taken under the store's write
lock and recorded in the live store's audit log with the snapshot's audit head hash, so the
log itself proves which backup holds which history. The backup file is a single
self-contained file (rollback journal, not WAL), created readable only by the user.

Restore is the way out of a damaged store, so it must not need the current store to open.
The file is first copied beside the store and checked there (a SQLite file, a Rep Assistant
schema this version reads, ``integrity_check`` ok, audit chain intact) before anything is
replaced; the replaced store is kept as ``NAME.bak-TIMESTAMP`` and the restore is recorded in
the restored store's own log.

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
from rep_assistant.core.duties import audit
from rep_assistant.core.errors import RepError, StoreError
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


def _private_empty_file(path: Path, shown: Path) -> None:
    """Create ``path`` 0600 from the start; ``shown`` is the file the user named, for the message."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    except OSError as exc:
        raise RepError(f"{shown} cannot be written ({exc.strerror or exc}); choose a folder you can write to.") from exc


def backup(store: Store, out: Path) -> BackupInfo:
    """Write a consistent copy of ``store`` to ``out`` and record it in the store's log."""
    out = Path(out)
    if out.exists():
        raise RepError(f"{out} already exists; choose a new file name for the backup.")
    if not out.parent.is_dir():
        raise RepError(f"The folder {out.parent} does not exist; create it or choose another.")
    part = out.with_name(out.name + ".part")
    _private_empty_file(part, out)
    try:
        with store.transaction():  # the write lock: nothing changes while the snapshot is taken
            source = sqlite3.connect(str(store.path), timeout=5.0)
            target = sqlite3.connect(str(part))
            try:
                _copy(source, target)
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
                source.close()
            info = inspect(part)
            store.audit("backup", {}, {"sha256": info.sha256, "size": info.size, "audit_entries": info.audit_entries,
                                       "head_hash": info.head_hash, "messages": info.messages})
            os.replace(part, out)
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


def _keep_aside(db_path: Path, stamp: str) -> Path | None:
    """Keep the store being replaced, through the backup API if it opens, byte for byte if it is damaged."""
    if not db_path.exists():
        return None
    kept = db_path.with_name(f"{db_path.name}.bak-{stamp}")
    _private_empty_file(kept, kept)
    try:
        source = sqlite3.connect(str(db_path), timeout=5.0)
        target = sqlite3.connect(str(kept))
        try:
            _copy(source, target)
        finally:
            target.close()
            source.close()
    except sqlite3.DatabaseError:
        shutil.copyfile(db_path, kept)
        wal = Path(f"{db_path}-wal")
        if wal.exists():
            paths.create_private_file(Path(f"{kept}-wal"))
            shutil.copyfile(wal, Path(f"{kept}-wal"))
    return kept


def restore(db_path: Path, backup_file: Path, *, actor: str = "rep") -> tuple[BackupInfo, Path | None]:
    """Replace the store at ``db_path`` with ``backup_file``; returns what was restored and where the old store went."""
    db_path, backup_file = Path(db_path), Path(backup_file)
    paths.ensure_private_dir(db_path.parent)
    if not backup_file.is_file():
        raise RepError(f"There is no file {backup_file}.")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    staged = db_path.with_name(f"{db_path.name}.restoring")
    _private_empty_file(staged, db_path)
    try:
        try:
            shutil.copyfile(backup_file, staged)
        except OSError as exc:
            raise RepError(f"{backup_file} cannot be read ({exc.strerror or exc}).") from exc
        info = inspect(staged, label=backup_file)
        kept = _keep_aside(db_path, stamp)
        try:
            _replace(db_path, staged)
        except RepError:
            if kept:  # nothing was replaced, so there is nothing to keep
                kept.unlink(missing_ok=True)
            raise
    finally:
        staged.unlink(missing_ok=True)
    with Store(db_path, actor=actor) as store, store.transaction():
        store.audit("restore", {}, {"sha256": info.sha256, "audit_entries": info.audit_entries, "head_hash": info.head_hash,
                                    "messages": info.messages, "kept_previous": kept.name if kept else None})
    return replace(info, path=backup_file), kept


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
