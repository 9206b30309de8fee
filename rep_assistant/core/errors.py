"""Two kinds of failure, as in qutebrowser's misc/sql.py.

A RepError is the environment's or the input's fault (a wrong file, a locked or damaged store,
a full disk): it carries one plain sentence that the CLI prints and the GUI shows, saying what
is wrong and what to do. Anything else is our bug and goes down the crash path.
"""

import errno
from pathlib import Path


class RepError(Exception):
    """A problem the user can act on. str(error) is the whole message shown to them."""


class BadExportError(RepError):
    """The file given is not a WhatsApp export we can read (or a zip we refuse to open)."""


class StoreError(RepError):
    """The store cannot be used: damaged, locked, on a full disk, or from a newer version."""


class PolicyError(RepError):
    """A policy document or policy file cannot be read or is not valid."""


class NotFoundError(RepError):
    """A chat, member, flag or incident named by the user does not exist."""


class Cancelled(Exception):  # noqa: N818 - it is an outcome, not an error
    """The user cancelled a long operation; everything it did has been rolled back."""


#: errno values that mean "no room left", whatever the file system calls it.
NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def disk_full_sentence(path: Path | str) -> str:
    """The one sentence for a full disk, shared by file copies and SQLite's 'database or disk is full'."""
    return f"The disk holding {path} is full; free some space and try again (nothing was changed)."


def environment_error(exc: OSError, path: Path | str, doing: str = "written", kind: type[RepError] = RepError) -> RepError:
    """A RepError sentence for an OSError that is the machine's doing, not ours.

    ``path`` is the file or folder the user can act on; ``doing`` is what we tried ("written",
    "read", "created"). Unknown errno values still give a sentence: a traceback never helps a rep.
    """
    if exc.errno in NO_SPACE:
        return kind(disk_full_sentence(path))
    if exc.errno == errno.EROFS:
        return kind(f"{path} cannot be {doing}: it is on a read-only disk; choose a folder on a writable disk.")
    if exc.errno in {errno.EACCES, errno.EPERM}:
        return kind(f"{path} cannot be {doing}: permission denied; make it writable for your account "
                        "(or give it back to you with chown), or choose a folder you own.")
    return kind(f"{path} cannot be {doing} ({exc.strerror or exc}); check the disk and the folder, then try again.")
