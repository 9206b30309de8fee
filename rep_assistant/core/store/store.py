"""The Store facade over one sqlite-utils Database.

Why a facade: every write in the app happens inside ``Store.transaction()`` and records its
audit entry through ``Store.audit()`` in that same transaction, so an action and its record
land together or not at all (the brief's "in the same transaction as the action"). Opening
also turns environmental failures (a damaged file, a store from a newer version, a lock held
by another instance, a full disk) into StoreError sentences with a way out.
"""

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from rep_assistant.core import paths
from rep_assistant.core.duties import anchor as audit_anchor
from rep_assistant.core.duties import audit
from rep_assistant.core.errors import StoreError, disk_full_sentence, environment_error
from rep_assistant.core.store.migrations import SCHEMA_VERSION, migrations

_WAY_OUT = "restore a backup with 'rep-assistant restore FILE', or move the file aside to start afresh"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_SQLITE_FULL, _SQLITE_IOERR = 13, 10
#: Below this much free space, SQLite's "disk I/O error" means the disk filled up mid-write.
_NEARLY_FULL = 4 << 20


def now_iso() -> str:
    """Local wall-clock time in seconds, the same shape as message timestamps."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


def describe_sqlite_error(exc: sqlite3.Error, path: Path) -> str:
    """One sentence for a SQLite failure that is the environment's fault."""
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if "locked" in text or "busy" in text:
        return f"The store {path} is in use by another Rep Assistant window or command; close it and try again."
    if code == _SQLITE_FULL or "full" in text or ((code == _SQLITE_IOERR or "disk i/o" in text) and _nearly_full(path)):
        return disk_full_sentence(path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"The store {path} is damaged or is not a Rep Assistant store; {_WAY_OUT}."
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return (f"The store {path} cannot be written: it or its folder is read-only or belongs to another account; "
                "make both writable for your account, or use --db with a store in a folder you own.")
    if code == _SQLITE_IOERR or "disk i/o" in text:
        return f"The disk holding {path} could not be read or written (disk I/O error); check the disk, then try again."
    return f"The store {path} could not be used: {exc}."


def _nearly_full(path: Path) -> bool:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


class Store:
    """An open store. Use as a context manager or call close().

    ``actor`` is who the audit log says acted (the rep's name from settings). ``companions``:
    whether this is a store in its place, with the files beside it (the audit anchor, the erasure
    ledger, pending work) kept up to date; a restore's staging copy is opened without them.
    """

    def __init__(self, path: Path | str, *, actor: str = "rep", companions: bool = True) -> None:
        self.path = Path(path)
        self.actor = actor
        self.companions = companions
        self.media_dir = paths.media_dir_for(self.path)
        self._audited = False
        self._open()

    def reopen(self) -> None:
        """Open the file again in this same object, after a restore replaced it.

        Panels and dialogs hold the Store object itself, so it must stay the same object.
        """
        self._open()

    def _open(self) -> None:
        created = self._check_file()
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(str(self.path), timeout=5.0, check_same_thread=False)
            self.db = Database(conn, execute_plugins=False)
            self._refuse_foreign()
            self._configure()
            self._migrate()
        except BaseException as exc:
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
            if created:  # a store this call began and could not finish is not left behind as a 0-byte "store"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            if isinstance(exc, sqlite3.Error):
                raise StoreError(describe_sqlite_error(exc, self.path)) from exc
            raise
        if self.companions:
            from rep_assistant.core.duties import upkeep  # duties build on the store: imported once it exists

            upkeep.on_open(self)

    # -- opening -------------------------------------------------------------------------

    def _check_file(self) -> bool:
        """Look at the file before SQLite does; True if it did not exist and was created here (0600).

        SQLite would happily treat a 0-byte file as a new empty store (the rep's data silently
        gone) and would block reading a pipe; a truncated file fails only later, mid-query. Its
        -wal and -shm files take the store's mode, so creating the store 0600 keeps them private too.
        """
        try:
            info = self.path.stat()
        except FileNotFoundError:
            paths.ensure_private_dir(self.path.parent)
            try:
                return paths.create_private_file(self.path)
            except OSError as exc:
                raise environment_error(exc, self.path, "created", StoreError) from exc
        except OSError as exc:
            raise environment_error(exc, self.path, "opened", StoreError) from exc
        if stat.S_ISDIR(info.st_mode):
            raise StoreError(f"{self.path} is a folder, not a store file; give a file path.")
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{self.path} is a device or pipe, not a store file; give the path of a .sqlite3 file.")
        if os.name == "posix" and info.st_uid != os.geteuid():
            raise StoreError(f"The store {self.path} belongs to another account (uid {info.st_uid}); run Rep Assistant as "
                             "that account, or give the file back to yours with chown.")
        if info.st_size == 0:
            raise StoreError(f"The store {self.path} is empty (0 bytes), as a full disk or an interrupted copy can leave it; "
                             "restore a backup with 'rep-assistant restore FILE', or delete the empty file to start a new store.")
        self._check_length(info.st_size)
        return False

    def _check_length(self, size: int) -> None:
        """Refuse a store shorter than its own header says (cut off by a copy or a full disk).

        Not while a write-ahead log lies beside it: a checkpoint writes page 1 (the new length)
        before the pages that extend the file, so a kill mid-checkpoint leaves a short file that
        SQLite completes from the log when it opens it.
        """
        wal = Path(f"{self.path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return
        try:
            with self.path.open("rb") as fh:
                header = fh.read(100)
        except OSError as exc:
            raise environment_error(exc, self.path, "read", StoreError) from exc
        if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
            return  # not SQLite at all: SQLite's own "not a database" gives the sentence
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        if header[24:28] == header[92:96] and size < page_size * pages:  # the page count is valid only then
            raise StoreError(f"The store {self.path} is cut short ({size} of its {page_size * pages} bytes), as a full disk "
                             f"or an interrupted copy can leave it; {_WAY_OUT}.")

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA foreign_keys = ON")
        # Zero freed pages on every connection, so deleted text does not linger in free space
        # (the builds Python ships on Windows and macOS leave it off at compile time).
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"database is locked (journal mode stayed {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")

    def _refuse_foreign(self) -> None:
        """Refuse newer or foreign files by reading only, before anything (even WAL) is written."""
        version = self.db.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The store {self.path} was written by a newer version of Rep Assistant "
                f"(schema {version}, this version reads up to {SCHEMA_VERSION}); update the app, "
                "or open a backup made with this version."
            )
        tables = self.db.table_names()
        if tables and "_sqlite_migrations" not in tables:
            raise StoreError(f"The store {self.path} is an SQLite file from another program; {_WAY_OUT}.")

    def _migrate(self) -> None:
        if migrations.pending(self.db):
            migrations.apply(self.db)
            with self.db.ensure_autocommit_on():
                self.db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- transactions and audit ------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Store"]:
        """One atomic unit of work; nested calls become savepoints.

        The outermost level takes the write lock up front (BEGIN IMMEDIATE) so two writers
        queue instead of deadlocking; sqlite errors become StoreError sentences.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(describe_sqlite_error(exc, self.path)) from exc
        try:
            yield self
            conn.execute("COMMIT")
        except BaseException as exc:
            self._audited = False
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):  # locked, full disk: the environment, not a bug
                raise StoreError(describe_sqlite_error(exc, self.path)) from exc
            raise
        if self._audited:
            self._audited = False
            self._anchor()

    def _anchor(self) -> None:
        """Write the audit log's head beside the store after a commit that appended to it (see duties/anchor.py)."""
        if self.companions:
            with contextlib.suppress(OSError, sqlite3.Error):  # a full disk: the next start moves it forward
                audit_anchor.advance(self.db.conn, self.path)

    def audit(self, action: str, objects: dict[str, Any] | None = None, details: dict[str, Any] | None = None) -> int:
        """Append one audit entry; must be called inside the transaction that did the action.

        ``objects`` holds ids (chat, message, flag, member, incident, import...), ``details``
        holds facts (counts, hashes, settings names). Never message text or people's names.
        """
        if not self.db.conn.in_transaction:
            raise RuntimeError("Store.audit() must run inside Store.transaction(), with the action it records")
        self._audited = True
        return audit.append(self.db.conn, actor=self.actor, action=action, objects=objects or {}, details=details or {})

    # -- small shared queries ----------------------------------------------------------------

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, params))

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.db.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            self.db.conn.execute("PRAGMA optimize")
        self.db.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: Path | str | None = None, *, actor: str = "rep") -> Store:
    """Open ``path`` or the default store in the user's data dir."""
    return Store(Path(path) if path else paths.default_db_path(), actor=actor)


__all__ = ["Store", "describe_sqlite_error", "now_iso", "open_store"]
