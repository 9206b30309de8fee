#!/usr/bin/env python3
"""Detection throughput: every detector over a generated 100k-message class chat.

usage: bench/bench_scan.py [N] [--policy ID]

Generates the chat with ../shared/bench/make_big_chat.py (deterministic), parses it with
the app's parser (not timed), then times rules.detect() under the policy (default the
built-in model code, which turns every detector on). Prints messages/s and the peak
memory of the detection step. Target: >= 100k messages/s in one process.
"""

import argparse
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rep_assistant.core.parsing import parse_export  # noqa: E402
from rep_assistant.core.policy import load_policy  # noqa: E402
from rep_assistant.core.rules import Message, detect  # noqa: E402

MAKER = ROOT.parent / "shared" / "bench" / "make_big_chat.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=100_000)
    ap.add_argument("--policy", default="builtin:model")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = ap.parse_args()
    if not MAKER.exists():
        print(f"bench_scan: {MAKER} is missing (../shared beside the checkout)", file=sys.stderr)
        return 2
    policy = load_policy(args.policy)
    with tempfile.TemporaryDirectory() as tmp:
        chat = Path(tmp) / "big.txt"
        subprocess.run([sys.executable, str(MAKER), str(args.n), str(chat)], check=True)
        entries = parse_export(chat)
    messages = [Message(e.seq, e.timestamp.isoformat(timespec="seconds"), e.author or "", e.text, e.kind) for e in entries]
    # The generated chat repeats its everyday lines as real chats do ("Thanks!"), and detection
    # judges a repeated text once; the second run gives every text a unique tail word to show
    # the cost when nothing repeats.
    unique = [Message(m.id, m.ts, m.author, m.text if m.is_media else f"{m.text} {_tail(i)}", m.kind)
              for i, m in enumerate(messages)]
    for label, batch in (("generated chat", messages), ("every text unique", unique)):
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            findings = detect(batch, policy)
            best = min(best, time.perf_counter() - start)
        tracemalloc.start()
        detect(batch, policy)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        counts = Counter(f.category for f in findings)
        print(f"[{label}] {len(batch):,} messages, {len(findings):,} findings under {policy.id} "
              f"({len(policy.covered)} categories on)")
        print(f"  detect: {best:.3f} s best of {args.repeat} = {len(batch) / best:,.0f} messages/s")
        print(f"  peak memory during detect (tracemalloc): {peak / 1e6:.1f} MB")
        print("  findings by category: " + ", ".join(f"{c} {n}" for c, n in counts.most_common()))
    return 0


def _tail(i: int) -> str:
    """A made-up word unique to message i ('qzab'), matching no rule's trigger words."""
    letters = ""
    while True:
        i, r = divmod(i, 26)
        letters += chr(ord("a") + r)
        if not i:
            return "qz" + letters


if __name__ == "__main__":
    sys.exit(main())
