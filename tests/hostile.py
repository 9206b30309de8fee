"""Making a temporary folder hostile in the same way for root and for an ordinary user.

Root ignores permission bits, so "read-only" for root is the immutable attribute (chattr +i),
which binds root too; an ordinary user gets the plain chmod a rep would meet. Both are undone
afterwards, and both only ever touch folders the test itself made under tmp_path.
"""

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

AS_ROOT = os.geteuid() == 0
#: An account that owns nothing on a test machine.
STRANGER_UID = 54321


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Nothing can be created in ``folder`` while the block runs."""
    if not AS_ROOT:
        mode = folder.stat().st_mode & 0o7777
        folder.chmod(mode & ~0o222)
        try:
            yield
        finally:
            folder.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("root ignores permission bits, and this file system cannot make a folder immutable (chattr +i)")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


@contextlib.contextmanager
def owned_by_someone_else(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``folder`` belongs to another account: for real as root, by the app's own reckoning otherwise.

    An ordinary user cannot give a folder away, so the test makes the app believe it runs as
    another uid instead; what is checked (owner against the running uid) is the same.
    """
    if AS_ROOT:
        os.chown(folder, STRANGER_UID, -1)
        try:
            yield
        finally:
            os.chown(folder, 0, -1)
    else:
        monkeypatch.setattr(os, "geteuid", lambda: os.getuid() + 1)
        yield
        monkeypatch.undo()
