"""The desk's file pickers: every open and save dialog starts in the rep's home folder.

Why one module: the same three questions (which file to read, which files to import, where to
save) are asked from the window, the welcome flow and the dialogs, and should look and start
alike; tests and the screenshot script replace these functions with the path a rep would pick.
"""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_open_path(parent: QWidget, title: str, file_filter: str) -> Path | None:
    """A file the rep picks to read."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), file_filter)
    return Path(path) if path else None


def ask_open_paths(parent: QWidget, title: str, file_filter: str) -> list[Path]:
    """The files the rep picks to read (none when they cancel)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(Path.home()), file_filter)
    return [Path(p) for p in paths]


def ask_save_path(parent: QWidget, title: str, name: str, file_filter: str) -> Path | None:
    """Where to save a file the rep is about to hand on (``name`` suggested)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name), file_filter)
    return Path(path) if path else None
