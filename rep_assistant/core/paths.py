"""Where the app keeps its files.

Everything lives in the platform's per-user data and config dirs (platformdirs). Setting
REP_ASSISTANT_HOME puts everything under that one folder instead, which is how tests, scripts
and the demo stay away from a rep's real data. Folders are created private to the user
(0700 on POSIX) because they hold other parents' messages.
"""

import os
from pathlib import Path

import platformdirs

from rep_assistant import APP_ID

HOME_ENV = "REP_ASSISTANT_HOME"
DB_FILENAME = "rep-assistant.sqlite3"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable only by the user; an existing folder is tightened too."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = _home_override()
    return ensure_private_dir(home / "data" if home else Path(platformdirs.user_data_dir(APP_ID, appauthor=False)))


def config_dir() -> Path:
    home = _home_override()
    return ensure_private_dir(home / "config" if home else Path(platformdirs.user_config_dir(APP_ID, appauthor=False)))


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


def write_private(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` (UTF-8 if text), readable only by the user, all or nothing.

    The temporary file is created 0600 rather than chmod-ed afterwards, so there is no moment
    when another account could open it; the rename means a crash leaves the old file or the
    new one, never half. OSError propagates: the caller knows which file it was and what to advise.
    """
    tmp = path.with_name(f".{path.name}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def make_private_file(path: Path) -> None:
    """Restrict an existing file to the user (0600 on POSIX); a no-op elsewhere."""
    if os.name == "posix" and path.exists():
        path.chmod(0o600)
