"""Fixtures for driving the real review desk offscreen: a store, settings and the main window.

Chats come in through the real importer and scanner (the bundled demo export, made-up people),
via the window's database thread, exactly as a rep's drop would.
"""

import contextlib
import importlib.resources
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rep_assistant.core import resources
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

IMPORT_TIMEOUT_MS = 120_000


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


def direct_runner(store: Store) -> Callable[[str, Callable[[Store], Any], Callable[[Any], None]], None]:
    """A dialog's runner that works at once on ``store`` (no window, no thread); errors fail the test."""

    def run(label: str, fn: Callable[[Store], Any], on_success: Callable[[Any], None]) -> None:
        on_success(fn(store))

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
