"""GUI bootstrap: the QApplication, crash hooks and the main window (the only Qt entry point).

cli.py imports this only when a window is wanted, so the command line never needs Qt.
"""

import sys
from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from rep_assistant import APP_ID, APP_NAME, __version__
from rep_assistant.core import paths
from rep_assistant.core.errors import RepError
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import open_store
from rep_assistant.ui import style
from rep_assistant.ui.icons import icon
from rep_assistant.ui.main_window import MainWindow
from rep_assistant.ui.views.error_dialog import CrashDialog, install_excepthook, start_crash_log, stop_crash_log
from rep_assistant.ui.welcome import run_welcome, welcome_needed
from rep_assistant.ui.window_geometry import window_settings

#: faulthandler's log of hard crashes, in the data dir; shown once at the next start.
CRASH_LOG = "crash.log"


class FinderFiles(QObject):
    """Takes the exports macOS hands the application, as an event filter on it.

    Why here and not in the window: on macOS a file opened from Finder (double-click, "Open With",
    dropped on the Dock icon) never reaches argv or a widget; it arrives as a QFileOpenEvent on the
    application, possibly before the window exists (during the welcome flow). Such files wait here
    until ``set_window``, then are imported exactly as a drop on the window is. A filter rather than
    a QApplication subclass, so it works on whichever application object exists.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window: MainWindow | None = None
        self._waiting: list[Path] = []

    def set_window(self, window: MainWindow | None) -> None:
        """Import into ``window`` from now on, starting with the files that came before it."""
        self._window = window
        if window is not None and self._waiting:
            files, self._waiting = self._waiting, []
            window.open_files(files)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            path = Path(event.file())
            if self._window is not None:
                self._window.open_files([path])
            else:
                self._waiting.append(path)
            return True
        return super().eventFilter(watched, event)


def finder_files(app: QApplication) -> FinderFiles:
    """The application's FinderFiles filter, installed on first use."""
    existing = app.findChild(FinderFiles)
    if existing is not None:
        return existing
    handler = FinderFiles(app)
    app.installEventFilter(handler)
    return handler


def make_app() -> QApplication:
    """The application object, set up once: names, desktop id (Wayland), icon, Fusion style.

    Fusion follows the system's light or dark colour scheme on every platform.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    finder_files(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("Rep Assistant")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(icon("app"))
    app.setStyle("Fusion")
    style.follow_colour_scheme(app, str(window_settings().value("appearance/theme", "system")))
    return app


def run_gui(db_path: Path | None, demo: bool, open_files: Sequence[Path], quit_after: float | None = None) -> int:
    """Open the window. ``quit_after`` (seconds) is for smoke tests of installed builds: it skips the
    welcome flow, then prints what the window shows and closes it."""
    app = make_app()
    try:
        settings = Settings.load()
        if not demo and quit_after is None and welcome_needed(settings):
            demo = run_welcome(settings, db_path)  # True when the rep chose "Open the demo chat"
        if demo:
            from rep_assistant.core.demo import demo_db_path, demo_settings

            db_path, settings = demo_db_path(), demo_settings()  # never the rep's own store or settings
        store = open_store(db_path, actor=settings.actor)
    except RepError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    window = MainWindow(store, settings)
    finder_files(app).set_window(window)
    install_excepthook(lambda: window if shiboken6.isValid(window) else None)
    last_crash = start_crash_log(paths.data_dir() / CRASH_LOG)
    window.show()
    if last_crash:
        crash = CrashDialog(last_crash, window, after_crash=True)
        crash.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        crash.open()
    if demo:
        window.prepare_demo()
    if open_files:
        window.open_files(list(open_files))
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), lambda: _report_and_close(window))
    try:
        return app.exec()
    finally:
        finder_files(app).set_window(None)
        # Destroyed here, while the application and the crash log still live: left to Python's own
        # teardown, the window's C++ side could outlive the QApplication (an end-of-process crash).
        shiboken6.delete(window)
        stop_crash_log()
        store.close()


def run_app(db_path: Path | None, demo: bool, open_files: Sequence[Path], quit_after: float | None = None) -> int:
    """The process's window, from start to a clean end: ``run_gui``, then the QApplication shut down.

    Why: PySide can fault at interpreter exit when Qt objects are torn down in Python's arbitrary
    order (PYSIDE-2254); shutting the application down explicitly leaves nothing of Qt to Python's
    teardown. Not in ``run_gui``, which tests call inside their own long-lived application.
    """
    code = run_gui(db_path, demo, open_files, quit_after)
    sys.excepthook = sys.__excepthook__  # its error dialog needs the application about to go
    app = QApplication.instance()
    if app is not None:
        app.shutdown()
    return code


def _report_and_close(window: MainWindow) -> None:
    print(f"rep-assistant: window shown ({window.windowTitle()}), chat {window.current_chat_id()}", flush=True)
    window.close()
