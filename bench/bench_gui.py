#!/usr/bin/env python3
"""The review desk on a 1M-message chat: time to first paint and the longest event-loop stall.

usage: .venv/bin/python bench/bench_gui.py [--messages 1000000] [--db STORE] [--skip-import]

1. import: a chat made by ../shared/bench/make_big_chat.py is dropped on the window and
   imported and scanned by the real importer and scanner on the desk's database thread,
   while a 10 ms QTimer heartbeat records the longest gap in the event loop;
2. open: a new window on that store (conversation tab shown): time from construction to the
   first paint of the conversation with rows in it;
3. scroll: the conversation is scrolled step by step (wheel-sized), then by random jumps
   across the whole chat (dragging the thumb), then to the end, with the heartbeat on.
Targets: first paint <= 1 s, longest stall <= 100 ms. ``--db`` reuses an imported store (and
skips phase 1). Runs offscreen; not a timed test.
"""

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
MAKER = ROOT.parent / "shared" / "bench" / "make_big_chat.py"
HEARTBEAT_MS = 10


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Heartbeat:
    """Records the gaps between ticks of a short timer: a long gap is a frozen window."""

    def __init__(self, phase: Callable[[], str] = lambda: "") -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._phase = phase
        self._worst = (0.0, "")
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self.gaps.append(gap)
        if gap > self._worst[0]:
            self._worst = (gap, self._phase())
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._worst = (0.0, "")
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> str:
        self._timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
        where = f" at '{self._worst[1]}'" if self._worst[1] else ""
        return f"longest gap {gaps[-1]:.0f} ms{where} (heartbeat {HEARTBEAT_MS} ms; p99 {p99:.0f} ms over {len(gaps)} ticks)"


def _wait(signal: object, timeout_s: float = 3600) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()


def phase_import(window: object, export: Path) -> None:
    """The heartbeat notes which step of the import was running when the window stalled."""
    label = ["queued"]
    window.worker.op_progress.connect(lambda _op, _done, _total, text: label.__setitem__(0, text))
    window.import_finished.connect(lambda _chat: label.__setitem__(0, "opening the imported chat"))
    beat = Heartbeat(lambda: label[0])
    beat.start()
    start = time.perf_counter()
    window.open_files([export])
    _wait(window.import_finished)
    seconds = time.perf_counter() - start
    print(f"import+scan on the database thread: {seconds:.1f} s; window {beat.stop()}", flush=True)


def phase_open(db: Path) -> object:
    from PySide6.QtCore import QEvent, QEventLoop, QObject

    from rep_assistant.core.settings import Settings
    from rep_assistant.core.store import Store
    from rep_assistant.ui.main_window import MainWindow

    painted: list[float] = []
    loop = QEventLoop()

    class FirstPaint(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
                loop.quit()
            return False

    start = time.perf_counter()
    store = Store(db, actor="bench")
    window = MainWindow(store, Settings())
    built = time.perf_counter()
    window.tabs.setCurrentWidget(window.conversation)
    watcher = FirstPaint()
    window.conversation.message_view.viewport().installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    if not painted:
        loop.exec()
    rows = window.conversation.model.rowCount()
    print(f"open: first paint of the {rows:,}-message conversation {(painted[0] - start) * 1000:.0f} ms after opening "
          f"(store open + window built: {(built - start) * 1000:.0f} ms)", flush=True)
    window.bench_store = store  # closed by the caller
    return window


def phase_scroll(window: object) -> None:
    from PySide6.QtCore import QTimer

    bar = window.conversation.message_view.verticalScrollBar()
    rng = random.Random(7)
    steps = [bar.singleStep() * 3 * i for i in range(1, 301)]  # three wheel notches per step
    steps += [rng.randint(0, bar.maximum()) for _ in range(100)]
    steps.append(bar.maximum())
    worst = [0.0]
    beat = Heartbeat()
    done: list[bool] = []
    timer = QTimer()
    timer.setInterval(16)

    def step() -> None:
        if not steps:
            timer.stop()
            done.append(True)
            return
        t = time.perf_counter()
        bar.setValue(steps.pop(0))
        window.conversation.message_view.viewport().repaint()
        worst[0] = max(worst[0], (time.perf_counter() - t) * 1000)

    timer.timeout.connect(step)
    beat.start()
    timer.start()
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: loop.quit() if done else None)
    check.start(50)
    loop.exec()
    print(f"scroll: 401 moves (300 wheel steps, 100 random jumps, end); slowest move+repaint {worst[0]:.0f} ms; "
          f"window {beat.stop()}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="a store that already holds the big chat (skips the import phase)")
    parser.add_argument("--skip-import", action="store_true", help="import without the window (faster), then open and scroll")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="rep-bench-gui-"))
    os.environ["REP_ASSISTANT_HOME"] = str(tmp / "home")
    from rep_assistant.ui.app import make_app

    app = make_app()
    db = args.db
    if db is None:
        export = tmp / f"WhatsApp Chat with Big Class {args.messages}.txt"
        subprocess.run([sys.executable, str(MAKER), str(args.messages), str(export)], check=True)
        print(f"chat: {args.messages:,} messages, {export.stat().st_size / 1e6:.0f} MB", flush=True)
        db = tmp / "bench.sqlite3"
        if args.skip_import:
            from rep_assistant.core.detection.scan import scan_chat
            from rep_assistant.core.importing.importer import import_export
            from rep_assistant.core.store import Store

            with Store(db) as store:
                scan_chat(store, import_export(store, export).chat_id)
        else:
            from rep_assistant.core.settings import Settings
            from rep_assistant.core.store import Store
            from rep_assistant.ui.main_window import MainWindow

            store = Store(db, actor="bench")
            window = MainWindow(store, Settings())
            window.show()
            phase_import(window, export)
            window.close()
            store.close()
    window = phase_open(db)
    phase_scroll(window)
    window.close()
    window.bench_store.close()
    print(f"peak RSS {_peak_mb():.0f} MB", flush=True)
    app.quit()
    shutil.rmtree(tmp, ignore_errors=True)  # the chat and a 1M-message store: ~300 MB
    return 0


if __name__ == "__main__":
    sys.exit(main())
