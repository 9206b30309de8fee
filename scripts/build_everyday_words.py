#!/usr/bin/env python3
"""Build resources/lexicons/everyday_words.txt: words the writers' chats write in lower case mid-sentence.

usage: scripts/build_everyday_words.py [--out FILE] [--min-chats N] [--lower-share X]

Chat is typed in lower case, so a child's name often is too ("caitlin's got her assessment"),
and the rules read a lower-case word in a name's place (before "'s", "is on", "has a", "bit",
"kicked"…) as a child. Most words there are not names ("allergy info is on the form", "the
choir stole my heart", "the judge's comments"). A word is everyday, not a name, when the
writers who wrote training chats for the team write it in lower case nearly always mid-sentence
(at least ``--lower-share`` of its mid-sentence uses), in at least ``--min-chats`` chats: names
are written with a capital by most people most of the time, so they do not reach the share; and names that are also
everyday words (``name_words.txt``: hope, summer, will) are never listed, whatever the share.

Read: the team's labelled sets and the outside writers' chats and sets of messages
(tests/data/labelled/); never ../shared's corpus or dev chat (leave-one-chat-out scores them
with the rules as they are) nor bench/heldout (the blind chats). The file records the SHA-256 of
what was read and the parameters; the same data gives the same bytes.
"""

import argparse
import hashlib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_model import message_data, read_chats, team_data, writer_data  # noqa: E402

OUT = ROOT / "resources" / "lexicons" / "everyday_words.txt"
#: Given names that are also everyday words ("hope", "summer", "will"): a child's name in a name's place, written in
#: lower case, must stay one, so none of these is an everyday word here (resources/lexicons/name_words.txt).
_NAMES = frozenset(w.strip() for w in (ROOT / "resources" / "lexicons" / "name_words.txt").read_text(encoding="utf-8").splitlines()
                   if w.strip() and not w.startswith("#"))
#: A word of three letters or more after a lower-case letter, a comma or a quote and one space: mid-sentence.
_MID_SENTENCE = re.compile(r"(?<=[a-z,;:'\")]\s)([A-Za-z][a-z]{2,})\b")


def everyday_words(chats: dict[str, list[dict]], min_chats: int, lower_share: float) -> list[str]:
    """The words written in lower case in at least ``lower_share`` of their mid-sentence uses, in ``min_chats`` chats."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    where: defaultdict[str, set[str]] = defaultdict(set)
    for name, rows in chats.items():
        for row in rows:
            for m in _MID_SENTENCE.finditer(row["text"]):
                word = m.group(1)
                if word[0].isupper():
                    capital[word.lower()] += 1
                else:
                    lower[word] += 1
                    where[word].add(name)
    return sorted(w for w, n in lower.items() if len(where[w]) >= min_chats and n / (n + capital[w]) >= lower_share and w not in _NAMES)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-chats", type=int, default=3)
    ap.add_argument("--lower-share", type=float, default=0.9)
    args = ap.parse_args(argv)
    paths = team_data() + writer_data() + message_data()
    digest = hashlib.sha256()
    for p in paths:
        digest.update(p.relative_to(ROOT).as_posix().encode() + b"\0" + p.read_bytes())
    words = everyday_words(read_chats(paths), args.min_chats, args.lower_share)
    header = [f"# Built by scripts/build_everyday_words.py (--min-chats {args.min_chats} --lower-share {args.lower_share}) from",
              f"# {len(paths)} files of tests/data/labelled/, sha256 {digest.hexdigest()}. Do not edit: rebuild.",
              "# Words written in lower case mid-sentence nearly always by many writers: everyday words, not children's names."]
    args.out.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(words):,} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
