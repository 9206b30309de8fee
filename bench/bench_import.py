"""Import throughput and peak memory on generated class chats (100k and 1M messages).

usage: .venv/bin/python bench/bench_import.py [--sizes 100000 1000000] [--style android24|ios12]

Chats come from ../shared/bench/make_big_chat.py (deterministic), written to a temp folder.
Each size runs in fresh subprocesses, one for parsing alone and one for the end-to-end import
(parse + store + full-text index, one transaction), so each peak RSS belongs to that phase only.
"Store" is end-to-end time minus parse time. Up to 200k messages a third process times the
store alone, on rows parsed into memory beforehand: the floor any faster parser would meet.
Target: >= 195k messages/s end to end at 100k, < 300 MB peak RSS at 1M.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAKER = ROOT.parent / "shared" / "bench" / "make_big_chat.py"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child(phase: str, export: Path, db: Path) -> None:
    """Run one phase and print a JSON line: entries, seconds, peak RSS."""
    if phase == "store":
        from rep_assistant.core.importing import importer
        from rep_assistant.core.importing.parsing import iter_export_rows, read_export
        from rep_assistant.core.store import Store

        store = Store(db, actor="bench")
        with read_export(export) as source:
            fmt, rows = iter_export_rows(source)
            parsed = list(rows)
            start, cpu = time.perf_counter(), _cpu_seconds()
            with store.transaction():
                entries = importer.store_rows(store, source, source.chat_name, fmt.headers, iter(parsed)).added
            seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        store.close()
    elif phase == "parse":
        from rep_assistant.core.importing.parsing import iter_export_rows, read_export

        start, cpu = time.perf_counter(), _cpu_seconds()
        with read_export(export) as source:
            _, rows = iter_export_rows(source)
            entries = sum(1 for _ in rows)
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    else:
        from rep_assistant.core.importing.importer import import_export
        from rep_assistant.core.store import Store

        store = Store(db, actor="bench")
        start, cpu = time.perf_counter(), _cpu_seconds()
        result = import_export(store, export)
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        entries = result.added
        store.close()
    print(json.dumps({"entries": entries, "seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb()}))


def _run(phase: str, export: Path, db: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", phase, str(export), str(db)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--style", default="android24", choices=["android24", "ios12"])
    ap.add_argument("--child", nargs=3, metavar=("PHASE", "EXPORT", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    if not MAKER.exists():
        sys.exit(f"bench: {MAKER} is missing (../shared is not beside this checkout)")
    print("messages/s by wall-clock time, and in brackets by the process's own CPU time (fairer on a busy machine)")
    print(f"{'messages':>9} {'MB':>6} {'parse msg/s':>20} {'store msg/s':>20} {'end-to-end msg/s':>20} "
          f"{'e2e s':>6} {'parse peak MB':>14} {'import peak MB':>15} {'store alone msg/s':>20}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            export = Path(tmp) / f"WhatsApp Chat with Bench {n}.txt"
            subprocess.run([sys.executable, str(MAKER), str(n), str(export), "--style", args.style], check=True)
            parse = _run("parse", export, Path(tmp) / "unused.sqlite3")
            full = _run("import", export, Path(tmp) / f"bench-{n}.sqlite3")
            entries = full["entries"]

            def rates(key: str, parse: dict = parse, full: dict = full, entries: int = entries) -> tuple[str, str, str]:
                store_s = max(full[key] - parse[key], 1e-9)
                return (f"{parse['entries'] / parse[key]:,.0f}", f"{entries / store_s:,.0f}", f"{entries / full[key]:,.0f}")

            wall, cpu = rates("seconds"), rates("cpu")
            cells = [f"{w} ({c})" for w, c in zip(wall, cpu, strict=True)]
            alone = "-"
            if n <= 200_000:
                store = _run("store", export, Path(tmp) / f"bench-store-{n}.sqlite3")
                alone = f"{store['entries'] / store['seconds']:,.0f} ({store['entries'] / store['cpu']:,.0f})"
            print(f"{entries:>9} {export.stat().st_size / 1e6:>6.1f} {cells[0]:>20} {cells[1]:>20} {cells[2]:>20} "
                  f"{full['seconds']:>6.2f} {parse['peak_mb']:>14.0f} {full['peak_mb']:>15.0f} {alone:>20}", flush=True)


if __name__ == "__main__":
    main()
