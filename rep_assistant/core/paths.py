"""Where the app keeps its files.

Everything lives in the platform's per-user data and config dirs (platformdirs). Setting
REP_ASSISTANT_HOME puts everything under that one folder instead, which is how tests, scripts
and the demo stay away from a rep's real data. Folders and files the app creates are private
to the user (0700 and 0600 on POSIX) because they hold other parents' messages; folders and
files that already exist are never chmod-ed: they are the user's (``--db ~/Documents/x`` must
not make Documents private, ``--db /tmp/x`` must not close /tmp), and a write permission the
user removed stays removed.
"""

import errno
import os
import stat
from pathlib import Path

import platformdirs

from rep_assistant import APP_ID
from rep_assistant.core.errors import RepError, environment_error

HOME_ENV = "REP_ASSISTANT_HOME"
DB_FILENAME = "rep-assistant.sqlite3"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and its missing parents readable only by the user; existing folders stay as they are.

    mkdir's mode (0700) applies only to the folders made here, so nothing the user owns is
    changed. A folder that cannot be made is a RepError sentence naming it.
    """
    missing: list[Path] = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass  # made meanwhile by another window: it is not ours to tighten
        except OSError as exc:
            raise environment_error(exc, folder, "created") from exc
    if not path.is_dir():
        raise RepError(f"{path} is a file, not a folder; move it aside or choose another folder.")
    return path


def ensure_own_dir(path: Path) -> Path:
    """``ensure_private_dir`` for the app's own folders, which must belong to the user running it.

    A data folder left behind by ``sudo rep-assistant`` belongs to root: an ordinary user cannot
    write to it, and root writing into the user's folder would leave files the user cannot open.
    Either way one sentence says how to give it back, before anything is written.
    """
    ensure_private_dir(path)
    owner = path.stat().st_uid
    if os.name == "posix" and owner != os.geteuid():
        raise RepError(f"The folder {path} belongs to another account ({_account(owner)}), perhaps from running Rep Assistant "
                       f"with sudo; give it back with 'sudo chown -R {_account(os.geteuid())}: {path}', or run as that account.")
    return path


def _account(uid: int) -> str:
    """A user's login name for a sentence, or the number when the account has none."""
    import pwd  # POSIX only, like the check that calls this

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = _home_override()
    return ensure_own_dir(home / "data" if home else Path(platformdirs.user_data_dir(APP_ID, appauthor=False)))


def config_dir() -> Path:
    home = _home_override()
    return ensure_own_dir(home / "config" if home else Path(platformdirs.user_config_dir(APP_ID, appauthor=False)))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def media_dir_for(db_path: Path) -> Path:
    """Media files from zip imports sit beside the store they belong to, named by content hash."""
    return db_path.parent / "media"


def user_policies_dir() -> Path:
    """Policies the rep imported or edited (JSON files they may open in a text editor)."""
    return ensure_private_dir(config_dir() / "policies")


def user_templates_dir() -> Path:
    """Draft templates the rep added or edited; a file here overrides the built-in of that name."""
    return ensure_private_dir(config_dir() / "templates")


def part_path(path: Path) -> Path:
    """Where ``write_private`` writes ``path``'s new bytes before the rename; a kill can leave it behind."""
    return path.with_name(f".{path.name}.part")


def write_private(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` (UTF-8 if text), readable only by the user, all or nothing.

    The temporary file is created 0600 rather than chmod-ed afterwards, so there is no moment
    when another account could open it; the rename means a crash leaves the old file or the
    new one, never half. A file the user made read-only is refused (EACCES) rather than
    replaced, since the rename would quietly give the write permission back. OSError propagates:
    the caller knows which file it was and what to advise.
    """
    with_mode = path.stat().st_mode if path.exists() else None
    if with_mode is not None and stat.S_ISREG(with_mode) and not with_mode & stat.S_IWUSR:
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    tmp = part_path(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty and 0600 if it does not exist yet; True if this call made it.

    For files that other code (SQLite, Qt, shutil) then fills: they keep the mode of the file
    they open, so the file is private from its first byte and an existing one is left alone.
    OSError propagates, as in ``write_private``.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return False
    return True
