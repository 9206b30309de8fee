"""Acting on a breach at scale: register listing, a school-notification draft and an incident bundle.

usage: .venv/bin/python bench/bench_bundle.py [--messages 100000] [--flags 50]

A chat from ../shared/bench/make_big_chat.py is imported and scanned (not timed), the first
FLAGS breach flags are confirmed and put in one incident, then each step is timed: the members
register (which first matches WhatsApp's removed/left lines), the school notification draft,
and the bundle with its Qt-rendered PDF. Peak RSS is the whole process's.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
MAKER = ROOT.parent / "shared" / "bench" / "make_big_chat.py"
T = TypeVar("T")


def _timed(label: str, fn: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = fn()
    print(f"{label:<34} {time.perf_counter() - start:>8.3f} s", flush=True)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--flags", type=int, default=50)
    args = ap.parse_args()
    if not MAKER.exists():
        sys.exit(f"bench: {MAKER} is missing (../shared is not beside this checkout)")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REP_ASSISTANT_HOME"] = tmp
        from rep_assistant.core.acting import incidents, register
        from rep_assistant.core.acting.bundle import make_bundle
        from rep_assistant.core.acting.drafting import create_draft
        from rep_assistant.core.detection.scan import scan_chat
        from rep_assistant.core.importing.importer import import_export
        from rep_assistant.core.reviewing import review
        from rep_assistant.core.settings import Settings
        from rep_assistant.core.store import Store
        from rep_assistant.ui.pdf import render_pdf

        export = Path(tmp) / "WhatsApp Chat with Bench.txt"
        subprocess.run([sys.executable, str(MAKER), str(args.messages), str(export)], check=True)
        store = Store(Path(tmp) / "bench.sqlite3", actor="bench")
        import_export(store, export)
        chat_id = store.scalar("SELECT id FROM chats")
        scan_chat(store, chat_id)
        flag_ids = [r["id"] for r in store.query(
            "SELECT id FROM flags WHERE severity = 'breach' ORDER BY id LIMIT ?", [args.flags])]
        for flag_id in flag_ids:
            review.set_status(store, flag_id, "confirmed")
        settings = Settings({"rep_name": "Bench Rep", "school_name": "Bench Primary", "school_email": "office@example.com"})
        print(f"{args.messages} messages, {len(flag_ids)} confirmed flags in one incident")
        incident_id = _timed("incident create", lambda: incidents.create_incident(store, flag_ids))
        rows = _timed("members register (with chat sync)", lambda: register.register_rows(store, chat_id))
        _timed("members register (synced)", lambda: register.register_rows(store, chat_id))
        _timed("school-notification draft", lambda: create_draft(store, "school-notification", settings, incident_id=incident_id))
        _timed("bundle without PDF", lambda: make_bundle(store, incident_id, settings, render_pdf=None))
        bundle = _timed("bundle with PDF", lambda: make_bundle(store, incident_id, settings, render_pdf=render_pdf))
        print(f"{len(rows)} members; bundle {len(bundle.data) / 1e6:.2f} MB, {len(bundle.names)} files")
        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        store.close()


if __name__ == "__main__":
    main()
