#!/usr/bin/env python3
"""How long one decision key takes in the desk, from the key press to the queue redrawn.

usage: bench_review_keys.py [--keys N]

Opens the demo chat in a throwaway home, offscreen, focuses the queue and presses C/D/S in
turn; each press is timed until its operation has finished on the database thread and every
panel has redrawn from the changes it reported (the queue loses the row, the counts drop).
Prints the median and the slowest press in milliseconds.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(keys: int) -> int:
    home = Path(tempfile.mkdtemp(prefix="rep-bench-keys-"))
    os.environ["REP_ASSISTANT_HOME"] = str(home)
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from rep_assistant.core.demo import demo_export_path
    from rep_assistant.core.settings import Settings
    from rep_assistant.core.store import Store
    from rep_assistant.ui.app import make_app
    from rep_assistant.ui.main_window import MainWindow

    make_app()
    store = Store(home / "bench.sqlite3", actor="Bench")
    window = MainWindow(store, Settings({}, path=home / "settings.json"))
    window.show()
    loop = QEventLoop()
    window.import_finished.connect(lambda _chat: loop.quit())
    window.open_files([demo_export_path()])
    loop.exec()
    window.tabs.setCurrentWidget(window.review_panel)
    window.review_panel.table.setFocus()
    timings = []
    for n in range(min(keys, window.review_panel.model.rowCount())):
        done = QEventLoop()
        window.worker.op_finished.connect(done.quit)
        start = time.perf_counter()
        QTest.keyClick(window.review_panel.table, (Qt.Key.Key_C, Qt.Key.Key_D, Qt.Key.Key_S)[n % 3])
        done.exec()
        timings.append((time.perf_counter() - start) * 1000)
        window.worker.op_finished.disconnect(done.quit)
    window.close()
    store.close()
    print(f"{len(timings)} keys: median {statistics.median(timings):.1f} ms, slowest {max(timings):.1f} ms")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=25)
    sys.exit(main(parser.parse_args().keys))
