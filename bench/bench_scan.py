#!/usr/bin/env python3
"""Detection throughput: every layer (rules and the learned model) over a generated 100k-message class chat.

usage: bench/bench_scan.py [N] [--policy ID] [--repeat R] [--stored] [--profile K]

Generates the chat with ../shared/bench/make_big_chat.py (deterministic; nearly every text
unique, as in a real chat, so no cache flatters the figure), parses it with the app's
parser (not timed), then times detect_all() under the policy (default the built-in model
code, which turns every detector on): the rules alone, the learned layer's share, and
both. Prints messages/s and the peak memory of the detection step. Target (issue #12):
>= 30k messages/s with every layer on, peak memory <= 300 MB. Quote the CPU-time figure
(time.process_time) when the machine is shared: wall time then measures the neighbours too.
``--profile K`` then runs every layer once under cProfile and prints the K functions with
the most time of their own (unique texts, so it shows what a real chat costs).

``--stored`` instead times what the app runs: scan_chat() on the chat imported into a store
(reading it window by window, detecting, writing the flags), each run in a fresh process so
its peak RSS is the scan's own (the store open and imports included, the import is not).
"""

import argparse
import cProfile
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rep_assistant.core.detection.layers import detect_all  # noqa: E402
from rep_assistant.core.detection.learned import load_model  # noqa: E402
from rep_assistant.core.detection.rules import Message  # noqa: E402
from rep_assistant.core.importing.parsing import parse_export  # noqa: E402
from rep_assistant.core.policy import load_policy  # noqa: E402

MAKER = ROOT.parent / "shared" / "bench" / "make_big_chat.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=100_000)
    ap.add_argument("--policy", default="builtin:model")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    ap.add_argument("--stored", action="store_true", help="time scan_chat() on an imported store instead")
    ap.add_argument("--profile", type=int, metavar="K", default=0, help="then profile every layer, print the top K functions")
    ap.add_argument("--child", nargs=2, metavar=("DB", "POLICY"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return _scan_child(Path(args.child[0]), args.child[1])
    if not MAKER.exists():
        print(f"bench_scan: {MAKER} is missing (../shared beside the checkout)", file=sys.stderr)
        return 2
    if args.stored:
        return _stored(args.n, args.policy, args.repeat)
    policy = load_policy(args.policy)
    with tempfile.TemporaryDirectory() as tmp:
        chat = Path(tmp) / "big.txt"
        subprocess.run([sys.executable, str(MAKER), str(args.n), str(chat)], check=True)
        entries = parse_export(chat)
    messages = [Message(e.seq, e.timestamp.isoformat(timespec="seconds"), e.author or "", e.text, e.kind) for e in entries]
    print(f"{len(messages):,} messages, {len({m.text for m in messages}):,} distinct texts, under {policy.id} "
          f"({len(policy.covered)} categories on)")
    model = load_model()
    times = {}
    for label, layers in (("rules alone", False), ("every layer", model)):
        best = cpu = float("inf")
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            findings = detect_all(messages, policy, model=layers)
            best = min(best, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        times[label] = cpu
        tracemalloc.start()
        detect_all(messages, policy, model=layers)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        tiers = Counter(f.tier for f in findings)
        # CPU time too: the machine may be shared, and then wall time measures the neighbours.
        print(f"[{label}] {best:.3f} s best of {args.repeat} = {len(messages) / best:,.0f} messages/s "
              f"(CPU {cpu:.3f} s = {len(messages) / cpu:,.0f}/s); "
              f"peak memory during detection (tracemalloc) {peak / 1e6:.1f} MB; {len(findings):,} findings "
              f"({', '.join(f'{t} {n:,}' for t, n in sorted(tiers.items()))})")
    share = times["every layer"] - times["rules alone"]
    print(f"learned layer's share: {share:.3f} s CPU = {share / times['every layer']:.0%} of the detection time")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(detect_all, messages, policy, model=model)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    return 0


def _stored(n: int, policy: str, repeat: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        chat, db = Path(tmp) / "WhatsApp Chat with Big Class.txt", Path(tmp) / "bench.sqlite3"
        subprocess.run([sys.executable, str(MAKER), str(n), str(chat)], check=True)
        subprocess.run([sys.executable, "-c", "import sys; from rep_assistant.core.importing.importer import import_export; "
                        "from rep_assistant.core.store import Store; s = Store(sys.argv[1]); import_export(s, sys.argv[2]); s.close()",
                        str(db), str(chat)], check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        for run in range(1, repeat + 1):
            out = subprocess.run([sys.executable, __file__, "--child", str(db), policy], check=True, capture_output=True, text=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"[stored scan, run {run}] {r['messages']:,} messages, {r['flags']:,} active flags: {r['seconds']:.2f} s = "
                  f"{r['messages'] / r['seconds']:,.0f} messages/s (CPU {r['messages'] / r['cpu']:,.0f}/s); "
                  f"peak RSS {r['peak_mb']:.0f} MB (before the scan {r['before_mb']:.0f} MB)", flush=True)
    return 0


def _scan_child(db: Path, policy_id: str) -> int:
    """One scan_chat() of the store's only chat; prints a JSON line (a fresh process per run)."""
    from rep_assistant.core.detection.scan import scan_chat
    from rep_assistant.core.settings import Settings
    from rep_assistant.core.store import Store

    store = Store(db, actor="bench")
    policy = load_policy(policy_id)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    usage = resource.getrusage(resource.RUSAGE_SELF)
    start, cpu = time.perf_counter(), usage.ru_utime + usage.ru_stime
    result = scan_chat(store, 1, policy=policy, settings=Settings())
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    store.close()
    print(json.dumps({"messages": result.messages, "flags": result.flags_active, "seconds": seconds,
                      "cpu": usage.ru_utime + usage.ru_stime - cpu, "before_mb": before, "peak_mb": usage.ru_maxrss / 1024}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
