"""The files the window writes for itself (layout, crash log) are private, like the store."""

import stat
import sys
from pathlib import Path

import pytest

from rep_assistant.ui.app import run_gui
from tests.ui.test_app import _close_when

pytestmark = pytest.mark.gui


def test_the_window_layout_and_crash_log_are_readable_by_the_user_alone(qapp: object, monkeypatch: pytest.MonkeyPatch,
                                                                         private_home: Path) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    seen: dict = {}
    _close_when(lambda w: w.current_chat_id() is not None and not w.worker.is_busy(), seen)
    assert run_gui(db_path=None, demo=True, open_files=[]) == 0
    layout = private_home / "config" / "window.ini"
    assert layout.read_text(encoding="utf-8").strip()  # Qt wrote into the file made for it, keeping its mode
    assert stat.S_IMODE(layout.stat().st_mode) == 0o600
    for path in (private_home / "data").rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
