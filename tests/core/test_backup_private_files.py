"""Every file and folder the data duties leave behind is private to the user (POSIX bits)."""

import os
from pathlib import Path

import pytest

from rep_assistant.core.acting.bundle import export_bundle
from rep_assistant.core.duties import backup, subject_access
from rep_assistant.core.settings import Settings, save_settings
from rep_assistant.core.store import Store
from tests.core import made_up_group

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def _workflow(tmp_path: Path) -> Path:
    """Import (with photos), settings, subject access, backup and restore under a 022 umask; the data folder."""
    old_umask = os.umask(0o022)  # a typical desktop umask: anything not made private would be world-readable
    try:
        data = tmp_path / "data"
        store = Store(data / "s.sqlite3", actor="Test Rep")
        group = made_up_group.build(store, tmp_path)
        save_settings(Settings.load(), {"retention_days": 30}, store)
        out = data / "exports"
        out.mkdir(mode=0o700)
        subject_access.export(store, "Year 3 Parents", made_up_group.NAME, out / "jane")
        export_bundle(store, group.incident, out / "bundle.zip", Settings(), render_pdf=None)
        backup.backup(store, out / "backup.sqlite3")
        store.close()
        backup.restore(data / "s.sqlite3", out / "backup.sqlite3")
    finally:
        os.umask(old_umask)
    return data


def test_store_media_settings_exports_and_backups_are_private(tmp_path: Path, private_home: Path) -> None:
    data = _workflow(tmp_path)
    checked = 0
    # REP_ASSISTANT_HOME itself is the caller's folder; what the app creates in it must be private.
    for root in (data, private_home):
        for path in [data, *root.rglob("*")]:
            mode = path.stat().st_mode & 0o777
            assert mode == (0o700 if path.is_dir() else 0o600), f"{path.relative_to(tmp_path)} is {oct(mode)}"
            checked += 1
    assert (data / "media").is_dir() and any((data / "media").iterdir())
    assert (data / "exports" / "bundle.zip").is_file()
    assert checked >= 10

