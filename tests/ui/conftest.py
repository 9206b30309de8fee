"""Fixtures for driving the real review desk offscreen: a store, settings and the main window.

Chats come in through the real importer and scanner (the bundled demo export, made-up people),
via the window's database thread, exactly as a rep's drop would.

Every GUI test fails on a Qt warning (qutebrowser's approach): a warning is a bug Qt noticed
(a bad signal connection, a layout set twice, painting on a deleted widget), except the few
the offscreen platform itself prints, listed in HARMLESS_QT_MESSAGES.
"""

import contextlib
import importlib.resources
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from rep_assistant.core import resources
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

IMPORT_TIMEOUT_MS = 120_000

#: Messages of the offscreen platform and of fonts missing on a test machine, not of the app.
HARMLESS_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "QFont::setPointSizeF: Point size <= 0",
    "Populating font family aliases took",
    "OpenType support missing for",
    "QStandardPaths: XDG_RUNTIME_DIR",
    "qt.qpa.fonts",
)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings() -> Iterator[list[str]]:
    """Collect Qt's warnings (and worse) during the test; the test fails if any is not known harmless."""
    seen: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        category = getattr(context, "category", "") or ""
        if not any(known in message or known == category for known in HARMLESS_QT_MESSAGES):
            seen.append(f"{kind.name}: {message}")

    previous = qInstallMessageHandler(handler)
    try:
        yield seen
    finally:
        qInstallMessageHandler(previous)
    assert not seen, "Qt warned during the test:\n" + "\n".join(seen)


@pytest.fixture
def demo_export(tmp_path: Path) -> Path:
    """The bundled demo export copied to a temporary file, named as WhatsApp names exports."""
    with importlib.resources.as_file(resources.resource("demo/WhatsApp Chat with Maple Class Parents.txt")) as src:
        target = tmp_path / "exports" / "WhatsApp Chat with Maple Class Parents.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(src.read_bytes())
    return target


@pytest.fixture
def desk_paths(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "desk.sqlite3", tmp_path / "settings.json"


def direct_runner(store: Store, on_changes: Callable[[Any], None] | None = None,
                  ) -> Callable[[str, Callable[[Store], Any], Callable[[Any], None]], None]:
    """A dialog's runner that works at once on ``store`` (no window, no thread); errors fail the test.

    As the desk does, a result ``Done(value, changes)`` goes to ``on_changes(changes)`` (the
    dialog's own, standing in for the desk's broadcast) before ``on_success(value)``.
    """
    from rep_assistant.ui.workers.changes import unwrap

    def run(label: str, fn: Callable[[Store], Any], on_success: Callable[[Any], None]) -> None:
        value, changes = unwrap(fn(store))
        if changes is not None and on_changes is not None:
            on_changes(changes)
        on_success(value)

    return run


class Desk:
    """Opens main windows on one store file; closes them (joining their threads) at teardown."""

    def __init__(self, qtbot: object, db_path: Path, settings_path: Path) -> None:
        self.qtbot = qtbot
        self.db_path = db_path
        self.settings_path = settings_path
        self._open: list[tuple[object, Store]] = []

    def open(self) -> "MainWindow":  # noqa: F821 - imported lazily so collection needs no Qt
        from rep_assistant.ui.main_window import MainWindow

        store = Store(self.db_path, actor="Test Rep")
        window = MainWindow(store, Settings.load(self.settings_path))
        self.qtbot.addWidget(window)
        window.show()
        self._open.append((window, store))
        return window

    def close(self, window: object) -> None:
        for pair in list(self._open):
            if pair[0] is window:
                window.close()
                pair[1].close()
                self._open.remove(pair)

    def close_all(self) -> None:
        for window, store in self._open:
            with contextlib.suppress(RuntimeError):  # already deleted by Qt
                window.close()
            store.close()
        self._open.clear()

    def import_file(self, window: object, path: Path) -> None:
        with self.qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS):
            window.open_files([path])


@pytest.fixture
def desk(qtbot: object, desk_paths: tuple[Path, Path]) -> Iterator[Desk]:
    d = Desk(qtbot, *desk_paths)
    yield d
    d.close_all()
