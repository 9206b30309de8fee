#!/usr/bin/env python3
"""Write resources/lexicons/respellings.csv: the common UK swear words respelled as they sound.

usage: scripts/build_respellings.py [--check]

People dodge a filter, or write their accent, by spelling a swear word as it sounds: "krap",
"pizzed", "basturd", "bluddy", "shoite", "tossa", "dikhed", "fcuk", or backwards: "kcuf". A list of such spellings
kept by hand only ever holds the ones somebody thought of, so this script makes them by the
habits themselves (below, in ``RESPELLINGS``), one or two at a time, from each word that
resources/lexicons/uk_curation.csv adds, and keeps a spelling only when it is no English
word: every word of the SCOWL English word lists (Debian's wbritish-large and
wamerican-large, names and places included: "bustard" the bird, King "Cnut"), of the Polish
word list (wpolish: "fuka"), of our allow list and of the names that are everyday words is
refused, as is any spelling shorter than four letters. The lists are read here, never shipped; the file records their SHA-256 so a
test can tell whether the shipped list is still what this script makes.

Romanised Urdu, Punjabi and Bengali have no one spelling either: "patthi" and "pathi", "kuttay" and
"kutte", "haramzada" and "haramjada". The swear words and insults of those languages in
resources/lexicons/languages/offensive.csv are respelled the same way by the habits of
romanisation (``ROMANISED``: a doubled letter single or a single one doubled, long vowels
short, the h of an aspirate dropped, a final i as ee or y, z and j, w and v), one at a time
in a phrase, and refused on the same word lists.

``--check`` only says whether the shipped file is up to date (exit 1 when not).
"""

import argparse
import csv
import hashlib
import io
import itertools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "resources" / "lexicons"
OUT = LEXICONS / "respellings.csv"
META = LEXICONS / "respellings.json"
DICTIONARIES = (Path("/usr/share/dict/british-english-large"), Path("/usr/share/dict/american-english-large"),
                Path("/usr/share/dict/polish"))

#: How a sound is respelled: (where, what it becomes, the habit's name). ``where`` is a regular expression over
#: the word; a spelling takes one or two habits.
RESPELLINGS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (r"ck", ("k", "kk", "c", "q"), "k sound"),
    (r"c(?!k)", ("k",), "k sound"),
    (r"(?<=[aeiou])ck(?=s$)|(?<=[aeiou])cks$", ("x",), "x for cks"),
    (r"ss", ("zz", "z"), "s as z"),
    (r"(?<=[aeiou])s(?!s)", ("z",), "s as z"),
    (r"^f", ("ph",), "ph for f"),
    (r"er(?=s?$)", ("a", "ah", "ur", "uh"), "er as said"),
    (r"ard(?=s?$)", ("urd", "erd", "id"), "ard as said"),
    (r"u", ("oo",), "u as oo"),
    (r"oo", ("u",), "oo as u"),
    (r"i(?=[^aeiou]+e?$)", ("ee", "y", "oi"), "i as said"),
    (r"ea", ("e", "ee"), "ea as e"),
    (r"ing$", ("in", "en", "un", "n"), "g dropped"),
    (r"(?<=[aeiou])([bdgkmnprt])(?=[aeiouy])", (r"\1\1",), "letter doubled"),
)


#: How romanised Urdu and Bengali spell one sound several ways.
ROMANISED: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (r"([bcdfgjklmnprstvz])\1", (r"\1",), "letter single"),
    (r"(?<=[aeiou])([bdgjklmnprst])(?=[aeiouy])", (r"\1\1",), "letter doubled"),
    (r"(?<=[aeiou])([bdgkpt])(?=h)", (r"\1\1",), "letter doubled"),
    (r"aa", ("a",), "vowel short"),
    (r"ee", ("i",), "vowel short"),
    (r"oo", ("u",), "vowel short"),
    (r"i$", ("ee",), "final i"),  # not y: given names end so ("Kutty")
    (r"ay$", ("e", "ey"), "final ay"),
    (r"(?<=[^aeiouy])e$", ("ay",), "final e"),
    (r"(?<=[bdgkpt])h", ("",), "aspirate h dropped"),
    (r"z", ("j",), "z as j"),
    (r"j", ("z",), "j as z"),
    (r"w", ("v",), "w as v"),
    (r"v", ("w",), "v as w"),
)


def romanised_terms() -> list[str]:
    """Urdu, Punjabi and Bengali swear words and insults written in Latin letters (words or phrases)."""
    rows = csv.DictReader(io.StringIO((LEXICONS / "languages" / "offensive.csv").read_text(encoding="utf-8")))
    return sorted({r["term"].strip().lower() for r in rows
                   if r["language"] in ("ur", "pa", "bn") and r["kind"] != "stem" and re.fullmatch(r"[a-z]+(?: [a-z]+)*", r["term"].strip().lower())})


def romanised_respellings(terms: list[str], innocent: set[str], known: set[str]) -> dict[str, tuple[str, str]]:
    """Spelling (a word or a phrase) -> (the listed term, how), one word of a phrase respelled by one habit or two."""
    out: dict[str, tuple[str, str]] = {}
    for term in terms:
        words = term.split()
        for i, word in enumerate(words):
            if len(word) < 4:
                continue
            first = _once(word, ROMANISED, swaps=False)
            spellings = dict(first)
            if len(words) == 1:
                for spelling, habit in first.items():
                    for again, habit2 in _once(spelling, ROMANISED, swaps=False).items():
                        if habit2 != habit:
                            spellings.setdefault(again, f"{habit}, {habit2}")
            for spelling, habit in spellings.items():
                phrase = " ".join([*words[:i], spelling, *words[i + 1:]])
                if len(spelling) < 4 or spelling in innocent or phrase in known or phrase in out:
                    continue
                out[phrase] = (term, habit)
    return dict(sorted(out.items()))


def swear_words() -> list[str]:
    """The single words uk_curation.csv adds: the swear words UK parents use."""
    rows = csv.DictReader(io.StringIO((LEXICONS / "uk_curation.csv").read_text(encoding="utf-8")))
    # An abbreviation is not said, so not respelled ("stfu" swapped is "stuf", a typo of "stuff").
    return sorted({r["word"].strip().lower() for r in rows if r["action"] == "add" and r["word"].strip().isalpha()
                   and len(r["word"].strip()) >= 4 and "abbreviation" not in (r["reason"] or "")})


def innocent_words() -> tuple[set[str], dict[str, str]]:
    """Every English word of the dictionaries, the allow list and the name words (lower-cased), and their checksums."""
    words: set[str] = set()
    sums = {}
    for path in DICTIONARIES:
        data = path.read_bytes()
        sums[path.name] = hashlib.sha256(data).hexdigest()
        words.update(w.strip().lower().replace("'s", "") for w in data.decode("utf-8").splitlines())
    for row in csv.DictReader(io.StringIO((LEXICONS / "allow_list.csv").read_text(encoding="utf-8"))):
        words.update(row["term"].strip().lower().split())
    for line in (LEXICONS / "name_words.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.update(line.strip().lower().split())
    for row in csv.DictReader(io.StringIO((LEXICONS / "nicknames.csv").read_text(encoding="utf-8"))):
        words.update(w.strip().lower() for value in row.values() if value for w in value.replace("|", " ").split())
    return words, sums


def _once(word: str, habits: tuple[tuple[str, tuple[str, ...], str], ...] = RESPELLINGS, swaps: bool = True) -> dict[str, str]:
    out = {}
    for where, becomes, habit in habits:
        for m in re.finditer(where, word):
            for new in becomes:
                out.setdefault(word[:m.start()] + m.expand(new) + word[m.end():], habit)
    # Two letters swapped inside the word ("fcuk", "cnut"): the first letter stays, as a reader needs it.
    for i in range(1 if swaps else len(word), len(word) - 1):
        if word[i] != word[i + 1]:
            out.setdefault(word[:i] + word[i + 1] + word[i] + word[i + 2:], "letters swapped")
    return out


def respellings(words: list[str], innocent: set[str]) -> dict[str, tuple[str, str]]:
    """Spelling -> (the swear word, how it was respelled), for spellings that are no English word."""
    known = set(words)
    out: dict[str, tuple[str, str]] = {}
    for word in words:
        first = _once(word)
        second = {}
        for spelling, habit in first.items():
            if habit == "letters swapped":
                continue  # a swap with another habit reads as a different word
            for again, habit2 in _once(spelling).items():
                if habit2 != "letters swapped" and habit2 != habit:
                    second.setdefault(again, f"{habit}, {habit2}")
        for spelling, habit in itertools.chain(first.items(), second.items()):
            if len(spelling) < 4 or spelling in known or spelling in innocent or spelling in out:
                continue
            out[spelling] = (word, habit)
    return dict(sorted(out.items()))


def reversals(words: list[str], innocent: set[str]) -> dict[str, tuple[str, str]]:
    """Spelling -> (the swear word, "reversed"): each word written backwards ("kcuf", "tihs"), a dodge as old as
    filters, kept only when it is no English word, name or place either way ("stun" is "nuts", "live" is "evil")."""
    known = set(words)
    out = {}
    for word in words:
        back = word[::-1]
        if back != word and back not in known and back not in innocent:
            out[back] = (word, "reversed")
    return out


def build_table(innocent: set[str]) -> dict[str, tuple[str, str]]:
    """Every respelling this script ships: the English swear words' (as said, then backwards), then romanised Urdu,
    Punjabi and Bengali terms'."""
    table = respellings(swear_words(), innocent)
    table.update({k: v for k, v in reversals(swear_words(), innocent).items() if k not in table})
    known = set(swear_words()) | set(romanised_terms()) | set(table)
    table.update(romanised_respellings(romanised_terms(), innocent, known))
    return dict(sorted(table.items()))


def render(table: dict[str, tuple[str, str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["respelling", "word", "how"])
    for spelling, (word, how) in table.items():
        w.writerow([spelling, word, how])
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only say whether the shipped file is what this script makes")
    args = ap.parse_args()
    missing = [str(p) for p in DICTIONARIES if not p.exists()]
    if missing:
        print(f"The word lists are not installed ({', '.join(missing)}): apt install wbritish-large wamerican-large wpolish.",
              file=sys.stderr)
        return 2
    innocent, sums = innocent_words()
    text = render(build_table(innocent))
    meta = {"script": "scripts/build_respellings.py", "dictionaries_sha256": sums,
            "uk_curation_sha256": hashlib.sha256((LEXICONS / "uk_curation.csv").read_bytes()).hexdigest(),
            "offensive_sha256": hashlib.sha256((LEXICONS / "languages" / "offensive.csv").read_bytes()).hexdigest(),
            "respellings_sha256": hashlib.sha256(text.encode()).hexdigest()}
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else "out of date: run scripts/build_respellings.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    META.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"{text.count(chr(10)) - 1} respellings of {len(swear_words())} English words and {len(romanised_terms())} romanised "
          f"Urdu, Punjabi and Bengali terms -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
