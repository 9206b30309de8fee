#!/usr/bin/env python3
"""Build resources/lexicons/confusables/latin.tsv from Unicode's confusables data.

usage: scripts/build_confusables.py CONFUSABLES.json

CONFUSABLES.json is the file the MIT-licensed ``confusable_homoglyphs`` package ships
(``confusable_homoglyphs/confusables.json``, derived from Unicode's confusables.txt). The app
needs only a compact table: characters of the scripts people use to disguise English words
(Cyrillic, Greek, Armenian, Cherokee, Latin letter variants such as small capitals) that look
like one ASCII letter. Fullwidth and mathematical letters are left out because NFKC already
folds them. Arabic, Hebrew, Bengali and the like are left out on purpose: folding a real word
of another language into Latin letters would garble it.
"""

import json
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "lexicons" / "confusables" / "latin.tsv"
SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "LATIN", "MODIFIER LETTER", "COPTIC", "LISU", "SCRIPT SMALL",
           "SMALL ROMAN NUMERAL", "ROMAN NUMERAL")


# Look-alikes Unicode lists only as near misses, but people use them to disguise words:
# Cyrillic and Greek letters shaped like a small capital, and Latin small capitals.
EXTRA = {"к": "k", "т": "t", "м": "m", "н": "h", "в": "b", "п": "n", "г": "r", "ь": "b", "К": "K", "Т": "T", "М": "M",
         "Н": "H", "В": "B", "κ": "k", "τ": "t", "ε": "e", "η": "n", "χ": "x", "ω": "w", "Κ": "K", "Τ": "T", "Ε": "E",
         "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k",
         "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w",
         "ʏ": "y", "ᴢ": "z", "ƒ": "f"}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for target in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for entry in data.get(target, []):
            ch = entry["c"]
            if len(ch) != 1 or ch.isascii() or not entry["n"].startswith(SCRIPTS):
                continue
            if unicodedata.normalize("NFKC", ch).isascii():
                continue  # NFKC folds it already
            # A lower-case look-alike of an upper-case letter folds to lower case, and the reverse.
            letter = target.lower() if ch.islower() else target.upper() if ch.isupper() else target
            table.setdefault(ch, letter)
    for ch, letter in EXTRA.items():
        table.setdefault(ch, letter)
    lines = ["char\tcodepoint\tletter\tname"]
    lines += [f"{c}\tU+{ord(c):04X}\t{t}\t{unicodedata.name(c, '?')}" for c, t in sorted(table.items(), key=lambda kv: ord(kv[0]))]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} look-alike letters -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
