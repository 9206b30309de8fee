"""How the desk shows failures: a sentence for RepErrors, details to copy for bugs.

Why two paths (Anki's show_exception, qutebrowser's crash dialog): a locked store or a wrong
file is something the rep can fix, so they get the core's sentence and nothing else; an
unexpected exception is our bug, so they get a short apology and the traceback to copy into a
report, and the window keeps running.
"""

import faulthandler
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from rep_assistant import __version__
from rep_assistant.core import paths
from rep_assistant.core.errors import Cancelled, RepError


class CrashDialog(QDialog):
    """An unexpected error, with the details and a "Copy details" button."""

    def __init__(self, details: str, parent: QWidget | None = None, *, after_crash: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rep Assistant closed unexpectedly") if after_crash else self.tr("Something went wrong"))
        self.setAccessibleName(self.tr("Unexpected error"))
        self.details = details
        intro = QLabel(self.tr(
            "Rep Assistant closed unexpectedly last time. Your store is safe: unfinished work was rolled back.\n"
            "If it happens again, copy the details below into a report (they hold no message text).") if after_crash else self.tr(
            "Rep Assistant hit an unexpected problem. Your store is safe: the operation that failed was rolled back.\n"
            "If it happens again, copy the details below into a report (they hold no message text)."), self)
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(details, self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Error details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("Copy the details to the clipboard"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def crash_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(exc_type, exc, tb)
    return (f"Rep Assistant {__version__}, Python {platform.python_version()}, {platform.platform()}\n\n"
            + "".join(lines))


#: Dialogs without a parent window, kept alive until closed (Python would otherwise delete them).
_ORPHANS: set[QDialog] = set()


def show_error(parent: QWidget | None, exc: BaseException) -> QDialog | None:
    """Show ``exc`` the right way; returns the (non-modal) dialog shown, if any."""
    if isinstance(exc, Cancelled):
        return None
    dialog: QDialog
    if isinstance(exc, RepError):
        dialog = QMessageBox(QMessageBox.Icon.Warning, "Rep Assistant", str(exc), QMessageBox.StandardButton.Ok, parent)
        dialog.setAccessibleName("Problem")
    else:
        dialog = CrashDialog(crash_details(type(exc), exc, exc.__traceback__), parent)
    if parent is None:
        _ORPHANS.add(dialog)
        dialog.finished.connect(lambda _result: _ORPHANS.discard(dialog))
    dialog.open()
    return dialog


_crash_log: list[TextIO] = []


def start_crash_log(path: Path) -> str:
    """Log hard crashes (a fault in Qt or C code ends Python before any dialog) with faulthandler.

    Returns what the previous run left in the log, so the window can show it once; the log is
    emptied again by ``stop_crash_log`` on a clean exit.
    """
    previous = path.read_text(encoding="utf-8", errors="replace").strip() if path.exists() else ""
    paths.create_private_file(path)  # 0600 from the start; "w" below keeps that mode
    handle = path.open("w", encoding="utf-8")
    faulthandler.enable(handle, all_threads=True)
    _crash_log.append(handle)
    return previous


def stop_crash_log() -> None:
    """A clean exit: stop logging and leave the log empty."""
    faulthandler.disable()
    while _crash_log:
        handle = _crash_log.pop()
        handle.seek(0)
        handle.truncate()
        handle.close()


def install_excepthook(parent_for: Callable[[], QWidget | None]) -> None:
    """Route uncaught exceptions (in slots and event handlers too) to ``show_error``."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        try:
            show_error(parent_for(), exc.with_traceback(tb))
        except Exception:  # the dialog itself failed: stderr already has the report
            sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
