"""run_gui end to end: the demo and --open, each until the chat is on screen, then closed; files from Finder."""

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from rep_assistant.ui.app import finder_files, run_gui
from rep_assistant.ui.main_window import MainWindow
from tests.ui.conftest import IMPORT_TIMEOUT_MS, Desk

pytestmark = pytest.mark.gui


def _close_when(ready: Callable[[MainWindow], bool], seen: dict) -> None:
    """Poll from the event loop run_gui runs; record what the window shows, then close it."""
    deadline = [600]  # x 100 ms

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        deadline[0] -= 1
        if windows and (ready(windows[0]) or deadline[0] <= 0):
            seen.update(title=windows[0].windowTitle(), flags=windows[0].review_panel.model.rowCount(),
                        db=windows[0].store.path)
            others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not windows[0]]
            seen["other_windows"] = [w.windowTitle() for w in others]  # an error box would keep the app running
            for w in others:
                w.close()
            windows[0].close()
        else:
            QTimer.singleShot(100, poll)

    QTimer.singleShot(0, poll)


def test_demo_opens_the_bundled_chat_in_its_own_store(qapp: object, monkeypatch: pytest.MonkeyPatch, private_home: Path) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    seen: dict = {}
    _close_when(lambda w: w.current_chat_id() is not None and not w.worker.is_busy(), seen)
    assert run_gui(db_path=None, demo=True, open_files=[]) == 0
    assert seen["title"].startswith("Maple Class Parents") and seen["flags"] > 5 and seen["other_windows"] == []
    assert seen["db"].is_relative_to(private_home / "data" / "demo")
    # Destroyed before run_gui returns, not left to Python's teardown (an end-of-process crash in PySide)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_open_option_imports_the_files(qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, demo_export: Path) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: dict = {}
    _close_when(lambda w: w.current_chat_id() is not None and not w.worker.is_busy(), seen)
    assert run_gui(db_path=tmp_path / "open.sqlite3", demo=False, open_files=[demo_export]) == 0
    assert seen["flags"] > 5 and seen["db"] == tmp_path / "open.sqlite3" and seen["other_windows"] == []


def test_a_hard_crash_is_shown_at_the_next_start(qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 private_home: Path) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log = private_home / "data" / "crash.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("Fatal Python error: Segmentation fault\n\nCurrent thread 0x01 (most recent call first):\n", encoding="utf-8")
    seen: dict = {}
    _close_when(lambda w: True, seen)
    assert run_gui(db_path=tmp_path / "s.sqlite3", demo=False, open_files=[]) == 0
    assert seen["other_windows"] == ["Rep Assistant closed unexpectedly"]
    assert log.read_text(encoding="utf-8") == ""  # a clean exit leaves nothing to show next time


def test_a_file_opened_from_finder_is_imported_like_a_drop(qapp: object, desk: Desk, demo_export: Path) -> None:
    """macOS delivers Finder's "open this file" as a QFileOpenEvent on the application, even before the window exists."""
    handler = finder_files(qapp)  # what make_app installs on whichever application exists
    assert finder_files(qapp) is handler
    window = desk.open()
    try:
        QApplication.postEvent(qapp, QFileOpenEvent(str(demo_export)))  # no window yet: it waits
        QApplication.processEvents()
        assert window.current_chat_id() is None and not window.worker.is_busy()
        with desk.qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS) as first:
            handler.set_window(window)
        assert first.args[0] == window.current_chat_id()
        assert window.review_panel.model.rowCount() > 5

        with desk.qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS):  # the window is there now
            QApplication.postEvent(qapp, QFileOpenEvent(str(demo_export)))
        assert window.statusBar().currentMessage().endswith("already imported; nothing new.")
    finally:
        handler.set_window(None)
