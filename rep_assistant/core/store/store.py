"""The Store facade over one sqlite-utils Database.

Why a facade: every write in the app happens inside ``Store.transaction()`` and records its
audit entry through ``Store.audit()`` in that same transaction, so an action and its record
land together or not at all (the brief's "in the same transaction as the action"). Opening
also turns environmental failures (a damaged file, a store from a newer version, a lock held
by another instance, a full disk) into StoreError sentences with a way out.
"""

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from rep_assistant.core import paths
from rep_assistant.core.duties import anchor as audit_anchor
from rep_assistant.core.duties import audit
from rep_assistant.core.errors import StoreError
from rep_assistant.core.store.migrations import SCHEMA_VERSION, migrations

_WAY_OUT = "restore a backup with 'rep-assistant restore FILE', or move the file aside to start afresh"


def now_iso() -> str:
    """Local wall-clock time in seconds, the same shape as message timestamps."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


def describe_sqlite_error(exc: sqlite3.Error, path: Path) -> str:
    """One sentence for a SQLite failure that is the environment's fault."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return f"The store {path} is in use by another Rep Assistant window or command; close it and try again."
    if "full" in text:
        return f"The disk holding {path} is full; free some space and try again (nothing was changed)."
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"The store {path} is damaged or is not a Rep Assistant store; {_WAY_OUT}."
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"The store {path} cannot be written (check the folder's permissions)."
    return f"The store {path} could not be used: {exc}."


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
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a store file; give a file path.")
        paths.ensure_private_dir(self.path.parent)
        try:
            conn = sqlite3.connect(str(self.path), timeout=5.0, check_same_thread=False)
            self.db = Database(conn, execute_plugins=False)
            self._refuse_foreign()
            self._configure()
            self._migrate()
        except sqlite3.Error as exc:
            with contextlib.suppress(Exception):
                conn.close()
            raise StoreError(describe_sqlite_error(exc, self.path)) from exc
        for suffix in ("", "-wal", "-shm"):
            paths.make_private_file(Path(f"{self.path}{suffix}"))
        if self.companions:
            from rep_assistant.core.duties import upkeep  # duties build on the store: imported once it exists

            upkeep.on_open(self)

    # -- opening -------------------------------------------------------------------------

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
