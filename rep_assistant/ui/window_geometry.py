"""Where the window opens and what it remembers: inside the screen, whatever the scaling.

Why: a saved or default size larger than the screen (1280 pixels at 200% scaling is 2560 real
ones) opened the window half off a laptop's screen. The size and place are clamped to the
screen's free area; splitter sizes are remembered by their object names. Dialogs get the same
treatment as they open (``keep_dialogs_on_screen``): the incidents dialog's 1080×640 does not fit
a 1024×600 netbook, nor the audit log's 1000×600 a 1920×1080 screen at 200%.
"""

import contextlib

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QSplitter, QWidget

from rep_assistant.core import paths

DEFAULT_SIZE = (1280, 800)


def window_settings() -> QSettings:
    """This computer's display preferences (geometry, splitters, theme); not the rep's data.

    The file is created private first: Qt keeps the mode of a file it rewrites. Unwritable, Qt saves nothing.
    """
    path = paths.config_dir() / "window.ini"
    with contextlib.suppress(OSError):
        paths.create_private_file(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _splitters(window: QMainWindow) -> list[QSplitter]:
    return [s for s in window.findChildren(QSplitter) if s.objectName()]


def restore(window: QMainWindow) -> None:
    """Put the window where it was, or at its default size, always inside the screen it is on."""
    state = window_settings()
    geometry = state.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)
    fit_to_screen(window)
    for splitter in _splitters(window):
        value = state.value(f"splitters/{splitter.objectName()}")
        if isinstance(value, QByteArray):
            splitter.restoreState(value)


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move the window (or dialog) so that its frame lies inside the available screen area."""
    screen = window.screen()
    if screen is None:
        return
    free: QRect = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), free.width() - extra_w)
    height = min(window.height(), free.height() - extra_h)
    window.resize(width, height)
    x = min(max(frame.x(), free.x()), free.right() + 1 - window.width() - extra_w)
    y = min(max(frame.y(), free.y()), free.bottom() + 1 - window.height() - extra_h)
    window.move(max(x, free.x()), max(y, free.y()))


def save(window: QMainWindow, tab: int, chat_id: int | None) -> None:
    state = window_settings()
    state.setValue("window/geometry", window.saveGeometry())
    state.setValue("window/tab", tab)
    state.setValue("window/last_chat", chat_id if chat_id is not None else "")
    for splitter in _splitters(window):
        state.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
    state.sync()


class _DialogsOnScreen(QObject):
    """An application event filter: every dialog, as it is shown, is fitted inside its screen."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            fit_to_screen(watched)
        return super().eventFilter(watched, event)


def keep_dialogs_on_screen(app: QApplication) -> None:
    """Fit every dialog the application shows inside its screen (installed once; later calls do nothing)."""
    if app.findChild(_DialogsOnScreen) is None:
        app.installEventFilter(_DialogsOnScreen(app))
