"""Temporary full copies and half-done imports, found and removed at the next start.

A backup's ``.part``, a restore's staging copy, an export or bundle not yet handed over and the
photos a zip import copies before it commits are all full copies of personal data. Each
operation that makes one first writes a small journal in ``.rep-assistant.sqlite3.pending/``
naming the files, and holds an OS lock on that journal while it works (``flock`` on POSIX,
``msvcrt.locking`` on Windows; the OS drops it when the process dies, even by kill -9). At
the next start, a journal nobody holds belongs to an operation that never finished: its files
are removed, and for an import, every photo in ``media/`` that no row refers to. A journal
still held is a live operation in another window and is left alone.

This is also what makes a handed-over file accountable: its audit entry commits before the
file is renamed into place, and a crash before the commit leaves only a ``.part`` that the next
start removes, so no file ever exists without its entry. Once the entry has committed, the
journal says so (``renames``), and a crash among the renames is finished by the next start
instead: a subject-access export is its JSON and its page together, never one of them alone.
"""

import contextlib
import hashlib
import json
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from rep_assistant.core import paths
from rep_assistant.core.errors import RepError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


#: SQLite's own companions of a database file, removed with it.
_SIDE_FILES = ("-wal", "-shm", "-journal")


def pending_dir(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.pending")


@contextlib.contextmanager
def journal(db_path: Path, kind: str, files: list[Path]) -> Iterator[Callable[[list[tuple[Path, Path]]], None]]:
    """Hold a journal naming ``files`` (removed by ``tidy`` if this process dies) while the block runs.

    On a normal exit or an exception the journal is removed; the caller removes or keeps the
    files (it knows which to keep). An import names no files: ``tidy`` then removes the photos
    no row refers to, since the ones it committed are referred to. The block may call what it is
    given with ``(file, target)`` pairs: from then on a dead journal's files are renamed to their
    targets by ``tidy`` (the work they belong to has committed), not removed.
    """
    try:
        folder = paths.ensure_private_dir(pending_dir(db_path))
        final = folder / f"{kind}-{secrets.token_hex(6)}.json"
        handle = open(os.open(final, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600), "r+b")  # noqa: SIM115 - held for the block
    except OSError as exc:
        raise RepError(f"The folder {db_path.parent} cannot be written ({exc.strerror or exc}); "
                       "check its permissions or free some space.") from exc
    record: dict[str, object] = {"kind": kind, "files": [str(f) for f in files]}

    def committed(renames: list[tuple[Path, Path]]) -> None:
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({**record, "renames": [[str(a), str(b)] for a, b in renames]}).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())

    try:
        _lock(handle)
        handle.write(json.dumps(record).encode("utf-8"))
        handle.flush()
        yield committed
    finally:
        try:
            final.unlink(missing_ok=True)  # before closing, so no other process sees it unlocked
        except OSError:  # Windows: an open file cannot be removed
            handle.close()
            with contextlib.suppress(OSError):
                final.unlink(missing_ok=True)
        handle.close()


def live_imports(db_path: Path) -> bool:
    """Whether another process is importing into this store right now (its photos are not committed yet)."""
    folder = pending_dir(db_path)
    if not folder.is_dir():
        return False
    for entry in folder.glob("import-*.json"):
        with contextlib.suppress(OSError), entry.open("rb") as handle:
            if not _lock(handle):
                return True
    return False


def tidy(db_path: Path, sweep_media: Callable[[], int]) -> int:
    """Remove what operations that died left behind; returns how many files went.

    ``sweep_media`` removes photos no row refers to (called once if a dead import is found).
    """
    folder = pending_dir(db_path)
    removed = 0
    if folder.is_dir():
        dead_import = False
        for entry in sorted(folder.iterdir()):
            try:
                handle = entry.open("rb")
            except OSError:
                continue
            with handle:
                if not _lock(handle):
                    continue  # a live operation in another window
                try:  # empty: its owner died before writing it (or is a moment from locking it: harmless)
                    record = json.loads(handle.read() or b"{}")
                except ValueError:
                    record = {}
                for part, target in record.get("renames", []):  # its work committed: finish handing the files over
                    with contextlib.suppress(OSError):
                        os.replace(part, target)
                for file in record.get("files", []):
                    removed += _remove_copy(Path(file))
                dead_import |= record.get("kind") == "import" or entry.name.startswith("import-")
            with contextlib.suppress(OSError):
                entry.unlink(missing_ok=True)
        if dead_import:
            removed += sweep_media()
    for leftover in db_path.parent.glob(f"{glob_escape(db_path.name)}.restoring*"):
        if not live_restore(db_path):
            removed += _remove_copy(leftover)
    return removed


def live_restore(db_path: Path) -> bool:
    folder = pending_dir(db_path)
    for entry in folder.glob("restore-*.json") if folder.is_dir() else ():
        with contextlib.suppress(OSError), entry.open("rb") as handle:
            if not _lock(handle):
                return True
    return False


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _remove_copy(path: Path) -> int:
    removed = 0
    for suffix in ("", *_SIDE_FILES):
        target = Path(f"{path}{suffix}")
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
            removed += 1
    return removed


def path_digest(path: Path) -> str:
    """What the audit log keeps of a file the rep wrote: enough to find the file again, none of its words.

    A file's name is often a person's ("Jane Doe incident.zip"), and the log is append-only and
    goes into later bundles, so entries keep this hash of the absolute path, never the path.
    """
    return hashlib.sha256(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:16]


def handover(db_path: Path, files: list[tuple[Path, bytes]], record: Callable[[], None]) -> None:
    """Write each ``(path, data)`` (0600), renaming them into place only after ``record`` committed.

    ``record`` runs the caller's transaction with its audit entry. The bytes go to ``.part``
    files beside their paths first, named in a journal; the renames come after the commit. A
    crash before the commit leaves ``.part`` files and no entry, which the next start removes; one
    after it (the journal then names the renames) leaves the entry, and the next start renames
    whatever ``.part`` files are left into place: every file with its entry, and all the files of
    one handover or none. OSError propagates for the caller to phrase.
    """
    parts = [(path.with_name(f".{path.name}.{secrets.token_hex(4)}.part"), path, data) for path, data in files]
    with journal(db_path, "handover", [part for part, _, _ in parts]) as committed:
        try:
            for part, _, data in parts:
                fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
            record()
            committed([(part, path) for part, path, _ in parts])  # a kill among the renames: the next start finishes them
            for part, path, _ in parts:
                os.replace(part, path)
        finally:
            for part, _, _ in parts:
                part.unlink(missing_ok=True)
