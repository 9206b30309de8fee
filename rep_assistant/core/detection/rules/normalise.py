"""One normalisation layer in front of every rule, with a map back to the characters written.

People disguise words so a filter misses them: letters from other alphabets that look Latin
(Cyrillic 'о', Greek 'ο'), fullwidth and mathematical styled letters (ｆｕｃｋ, 𝐬𝐡𝐢𝐭),
zero-width and direction marks inside a word. ``fold`` undoes those for every rule (case is
kept: rules read capitals) and keeps, for every character of the folded text, where it came
from, so a rule's span still points at what the rep sees.

Most messages are plain ASCII and come back untouched at the cost of one ``str.isascii``.
Leet digits, masks, spaced-out and stretched letters are a matter of the word lists, not of
every rule ("Y3", "SW1A 1AA" and "5 x 3" must stay as they are): ``lexicon_key`` and the
lexicon do that part.
"""

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from rep_assistant.core import resources

# Marks that draw nothing; inside a word they only break it up.
INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
                      "\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff")
_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"}
_QUOTE_TABLE = str.maketrans(_QUOTES)
_REGIONAL_A = 0x1F1E6  # regional indicator symbols 🇦..🇿: "🇫🇺🇨🇰" spells a word
# Three or more in a row, perhaps with invisible marks or spaces between them ("🇫\u200b🇫\u200b🇸", "🇼 🇹 🇫").
_REGIONAL_RUN = re.compile("(?:[\U0001F1E6-\U0001F1FF][\u200b-\u200d\u2060\ufe0f ]*){3,}")
_REGIONAL_LETTER = re.compile("[\U0001F1E6-\U0001F1FF]")  # in every match of _REGIONAL_RUN, and quicker to look for
_WORD = re.compile(r"[^\W\d_]+")
_ENCLOSED = re.compile("[\U0001F150-\U0001F189]")
# A combining mark on a Latin letter. Opens with the mark and looks behind it for the letter: the search then skips
# from mark to mark (rare) rather than stopping at every letter.
_MARK_ON_LATIN = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f](?<=[A-Za-z].)")
_LATIN_WORD = re.compile(r"(?<![^\W\d_])[A-Za-z]+(?![^\W\d_])")  # a word of Latin letters only


@functools.cache
def confusables() -> dict[str, str]:
    """Look-alike letter -> the ASCII letter it imitates (resources/lexicons/confusables/latin.tsv)."""
    rows = resources.read_text("lexicons/confusables/latin.tsv").splitlines()[1:]
    return {cols[0]: cols[2] for cols in (r.split("\t") for r in rows if r)}


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text; ``starts``/``ends`` give, per folded character, its span in the original (None: the same)."""

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded characters ``start:end``."""
        if self.starts is None or self.ends is None:
            return (start, end)
        n = len(self.starts)
        if not n:
            return (0, 0)
        if end <= start:
            pos = self.starts[start] if start < n else self.ends[-1]
            return (pos, pos)
        return (self.starts[min(start, n - 1)], self.ends[min(end, n) - 1])


_LOOKALIKES = frozenset(confusables())
# The sets above as character classes: one scan of a text in C, where testing a set against a string makes an
# object of every character beyond Latin-1 (an emoji) to look it up.
_ANY_INVISIBLE = re.compile("[" + re.escape("".join(sorted(INVISIBLE))) + "]")
_QUOTE_OR_LOOKALIKE = re.compile("[" + re.escape("".join(sorted(c for c in _LOOKALIKES | set(_QUOTES) if len(c) == 1))) + "]")


def fold(raw: str) -> Folded:
    """``raw`` with look-alike letters, styled letters and invisible marks undone, and its offset map."""
    if raw.isascii():
        return Folded(raw)
    if unicodedata.is_normalized("NFKC", raw) and not _ANY_INVISIBLE.search(raw) \
            and not (_REGIONAL_LETTER.search(raw) and _REGIONAL_RUN.search(raw)) and not _ENCLOSED.search(raw) \
            and not _MARK_ON_LATIN.search(raw):
        if not _QUOTE_OR_LOOKALIKE.search(raw):
            return Folded(raw)  # emoji and ordinary accented words: nothing to undo
        # Curly apostrophes and look-alike letters: one character for one, the offsets hold.
        return Folded(_fold_lookalikes(raw.translate(_QUOTE_TABLE)))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        j = i + 1
        while j < n and unicodedata.category(raw[j])[0] == "M":
            j += 1  # a letter with its combining accents folds as one
        if c in INVISIBLE and _inside_word(raw, i):
            i = j
            continue
        if c in _QUOTES:
            out = _QUOTES[c]
        elif 0x1F1E6 <= ord(c) <= 0x1F1FF and _REGIONAL_RUN.match(raw, max(0, _run_start(raw, i))):
            out = chr(ord("A") + ord(c) - _REGIONAL_A)
        elif 0x1F150 <= ord(c) <= 0x1F189:  # negative circled and squared letters 🅐 🅵, which NFKC keeps
            out = chr(ord("A") + (ord(c) - 0x1F150) % 32)
        else:
            out = unicodedata.normalize("NFKC", raw[i:j])
            if len(out) > 1 and out[0].isascii() and out[0].isalpha():
                out = out[0]  # strike-through and other marks drawn over a Latin letter: "f̶u̶c̶k"
        for ch in out:
            chars.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    text = _fold_lookalikes("".join(chars))
    return Folded(text, tuple(starts), tuple(ends))


def _run_start(raw: str, i: int) -> int:
    while i > 0 and (_regional(raw[i - 1]) or raw[i - 1] in INVISIBLE or raw[i - 1] == " "):
        i -= 1
    while not _regional(raw[i]):  # the run opens with a letter, not with the space or mark before it
        i += 1
    return i


def _inside_word(raw: str, i: int) -> bool:
    """An invisible mark next to a letter or digit (not the joiner inside an emoji sequence)."""
    before = raw[i - 1] if i else ""
    after = raw[i + 1] if i + 1 < len(raw) else ""
    return (before.isalnum() or after.isalnum() or before in INVISIBLE or after in INVISIBLE
            or _regional(before) or _regional(after))  # between letters spelled in regional indicators


def _regional(c: str) -> bool:
    return bool(c) and 0x1F1E6 <= ord(c) <= 0x1F1FF


def _fold_lookalikes(text: str) -> str:
    """Fold look-alike letters in words that mix them with Latin letters, or are made only of them amid English.

    "рrat" (Cyrillic р) and "ѕһіт I forgot" fold; a message in Russian or Greek keeps its letters.
    """
    if _LOOKALIKES.isdisjoint(text):
        return text
    table = confusables()
    english = _LATIN_WORD.search(text) is not None
    out = list(text)
    for m in _WORD.finditer(text):
        word = m.group()
        if table.keys().isdisjoint(word):
            continue
        mixed = any("a" <= ch.lower() <= "z" for ch in word)
        if mixed or (english and all(ch in table for ch in word)):
            for k, ch in enumerate(word, m.start()):
                out[k] = table.get(ch, ch)
    return "".join(out)


def _accent_table() -> dict[int, str]:
    """Latin letters with accents, dots or hooks, and small capitals -> the bare letter, one character for one.

    Every letter of the Latin blocks whose decomposition starts with an ASCII letter (ṡ, ḱ, ẅ, ǵ),
    and the small capitals and other letter shapes that Unicode names after a Latin letter (ᴘʀɪᴄᴋ):
    spans keep their length.
    """
    table: dict[int, str] = {}
    for code in itertools.chain(range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFKD", chr(code))[:1]
        if base.isascii() and base.isalpha() and chr(code).isalpha():
            table[code] = base.lower()
    for code in itertools.chain(range(0x250, 0x2B0), range(0x1D00, 0x1D80)):
        named = _SMALL_CAPITAL.fullmatch(unicodedata.name(chr(code), ""))
        if named:
            table[code] = named.group(1).lower()
    table.update({ord(k): v for k, v in {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "s", "ħ": "h",
                                          "ı": "i", "æ": "a", "œ": "o"}.items()})
    # Arabic script: the letters Urdu and Arabic write differently are one letter for matching.
    table.update({ord(k): v for k, v in {"ك": "ک", "ي": "ی", "ى": "ی", "ۃ": "ہ", "ة": "ہ", "ه": "ہ", "أ": "ا", "إ": "ا",
                                          "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ی"}.items()})
    return table


_SMALL_CAPITAL = re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])")
_ACCENTS = _accent_table()
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # vowel marks and tatweel: rarely typed, never needed


#: What Arabic writes joined to the front of a word: "and", "with the", "this (the)", "the", "O" ("هالمدير", "والولد", "يا").
#: (As ``lexicon_key`` spells them: it writes Arabic's heh and kaf as Urdu does.)
_ARABIC_CLITICS = tuple(c.translate(_ACCENTS) for c in ("وال", "بال", "فال", "هال", "كال", "لل", "ال", "يا", "و", "ب", "ف"))


def without_clitic(word: str) -> str:
    """An Arabic-script word without the article or particle joined to its front, or a Welsh word without the article
    or "yn" joined to its end ("brathu'r plant", "gweld'n"), when three letters or more remain."""
    if not "\u0600" <= word[:1] <= "\u06ff":
        if word[-2:-1] == "'" and word[-1:] in ("r", "n") and len(word) >= 5:
            return word[:-2]
        return word  # every other word, at the cost of one comparison
    for clitic in _ARABIC_CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic):]
    return word


def lexicon_key(lower: str) -> str:
    """The lower-cased folded text as word lists are matched: accents off, same length.

    "fück" reads "fuck"; Polish typed without its letters ("pierdole") and with them
    ("pierdolę") read alike; Urdu and Arabic spellings of one letter are one letter. Arabic
    vowel marks stay (lengths hold); the word lists drop them from each word they look up.
    """
    return lower if lower.isascii() else lower.translate(_ACCENTS)
