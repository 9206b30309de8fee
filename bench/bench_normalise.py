#!/usr/bin/env python3
"""Cost of the normalisation layer and the offensive lexicon, per message (CPU time, best of 3).

usage: bench/bench_normalise.py [N]

Generates N messages (default 20,000) with ../shared/bench/make_big_chat.py and times, over the
distinct texts: ``fold`` (the layer every rule reads through) on the non-ASCII ones, building a
``Text`` (fold, lower-case, tokens), the lexicon scan, and the people references rules ask of a
text. CPU time, so other processes on the machine distort it less than wall time; the whole
scan is bench_scan.py's business.
"""

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rep_assistant.core.detection.rules.lexicon import profanity  # noqa: E402
from rep_assistant.core.detection.rules.normalise import fold  # noqa: E402
from rep_assistant.core.detection.rules.text import Text  # noqa: E402
from rep_assistant.core.importing.parsing import parse_export  # noqa: E402

MAKER = ROOT.parent / "shared" / "bench" / "make_big_chat.py"


def _per_item(items: list, work: Callable[[object], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for item in items:
            work(item)
        best = min(best, time.process_time() - start)
    return best / max(1, len(items)) * 1e6


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    if not MAKER.exists():
        print(f"bench_normalise: {MAKER} is missing (../shared beside the checkout)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        chat = Path(tmp) / "big.txt"
        subprocess.run([sys.executable, str(MAKER), str(n), str(chat)], check=True)
        texts = list(dict.fromkeys(e.text for e in parse_export(chat) if e.text))
    other = [t for t in texts if not t.isascii()]
    built = [Text(t) for t in texts]
    lexicon = profanity()
    rows = [
        (f"fold, non-ASCII texts ({len(other):,})", _per_item(other, fold)),
        (f"Text(), all distinct texts ({len(texts):,})", _per_item(texts, Text)),
        ("lexicon scan (Text.offensive without caching)", _per_item(built, lambda t: lexicon.scan(t.lower, t.tokens, t.token_set, t.raw))),
        ("child references (names, own child, grown-ups)", _per_item(texts, lambda t: Text(t).child_refs)),
    ]
    for label, micros in rows:
        print(f"{label:55s} {micros:6.1f} µs per text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
