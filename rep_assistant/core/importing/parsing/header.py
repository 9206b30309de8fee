"""The timestamp header that starts every entry, in all the shapes FORMATS.md lists.

Detection is two-step: a permissive regex finds which *shape* the file uses (brackets or not,
date or time first, which closer: ``] ``, `` - ``, ``: `` or a bare space), then one strict
regex is compiled for that shape. The strict regex is what splits the file, so a body line
that merely starts with numbers (``20.15.21.15 h training``) is not taken for a header unless
it has the file's full header shape. Every pattern starts with a literal ``\\n`` (the text is
fed with a newline in front) so the regex engine can jump from line to line instead of
trying every character position.

Digits are matched with ``\\d`` on str patterns, which includes Arabic-Indic digits; int()
reads those too.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

#: Invisible marks WhatsApp (or an editor) puts around headers and names.
MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LEAD = f"[{MARKS}]*"
_M = "[\u200e\u200f]?"
_SP = "[ \u00a0\u202f]"
_DATE = rf"{_M}\d{{1,4}}{_M}[./-] ?{_M}\d{{1,2}}{_M}[./-] ?{_M}(?:\d{{1,4}}|[RHST]\d{{1,2}}){_M}\.?(?:{_SP}BE)?"
_CJK_PERIODS = "上午|下午|午前|午後|오전|오후|早上|中午|晚上|凌晨"
_PERIOD = (
    r"[AaPp]\.?[ \u00a0\u202f]?[Mm]\.?|vorm\.|nachm\.|vormittags|nachmittags|morgens|mittags|abends|nachts|ص|م"
)
_TIME = rf"(?:(?:{_CJK_PERIODS}){_SP}?)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:{_SP}?(?:{_PERIOD}))?"
_SEP = rf"(?:[,\u060c]{_SP}?|{_SP}(?:à|klo){_SP}|{_SP})"
_OPEN = rf"\[{_M}"
_CLOSERS = {
    "bracket": rf"{_M}\]{_SP}?",
    "dash": rf"{_SP}-{_SP}",
    "colon": rf":{_SP}",
    "space": _SP,
}

_GENERIC = re.compile(
    rf"\n{_LEAD}(?P<br>{_OPEN})?(?:(?P<d1>{_DATE}){_SEP}(?P<t1>{_TIME})|(?P<t2>{_TIME}){_SEP}(?P<d2>{_DATE}))"
    rf"(?(br){_CLOSERS['bracket']}|(?:(?P<dash>{_CLOSERS['dash']})|(?P<colon>{_CLOSERS['colon']})|{_CLOSERS['space']}))"
)


@dataclass(frozen=True, slots=True)
class Shape:
    """What the header lines of one file look like."""

    bracketed: bool
    time_first: bool
    closer: str  # one of _CLOSERS

    def regex(self) -> re.Pattern[str]:
        return _compile(self)


@lru_cache(maxsize=16)
def _compile(shape: Shape) -> re.Pattern[str]:
    """The strict header regex for one shape, with named groups ``date`` and ``time``."""
    opening = _OPEN if shape.bracketed else ""
    closer = _CLOSERS["bracket"] if shape.bracketed else _CLOSERS[shape.closer]
    core = rf"(?P<time>{_TIME}){_SEP}(?P<date>{_DATE})" if shape.time_first else rf"(?P<date>{_DATE}){_SEP}(?P<time>{_TIME})"
    return re.compile(rf"\n{_LEAD}{opening}{core}{closer}")


def detect_shape(sample: str) -> Shape | None:
    """The most common header shape among the lines of ``sample`` (text with a leading newline)."""
    counts: dict[Shape, int] = {}
    for n, m in enumerate(_GENERIC.finditer(sample)):
        if m["br"]:
            closer = "bracket"
        elif m["dash"]:
            closer = "dash"
        elif m["colon"]:
            closer = "colon"
        else:
            closer = "space"
        shape = Shape(bool(m["br"]), m["t2"] is not None, closer)
        counts[shape] = counts.get(shape, 0) + 1
        if n >= 5000:
            break
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)


_TIME_PARTS = re.compile(
    rf"(?:(?P<cjk>{_CJK_PERIODS}){_SP}?)?(?P<h>\d{{1,2}})[:.](?P<m>\d{{2}})(?:[:.](?P<s>\d{{2}}))?(?:{_SP}?(?P<p>{_PERIOD}))?"
)
_AFTERNOON = {"下午", "午後", "오후", "晚上", "中午", "nachm.", "nachmittags", "abends", "م"}
_MORNING = {"上午", "午前", "오전", "早上", "凌晨", "vorm.", "vormittags", "morgens", "ص"}


def _is_pm(period: str, hour: int) -> bool | None:
    """True for an afternoon marker, False for a morning one, None for none at all."""
    if period in _AFTERNOON:
        return True
    if period in _MORNING:
        return False
    if period == "mittags":
        return hour < 11
    if period == "nachts":
        return hour >= 6
    letter = period[:1].lower()
    return True if letter == "p" else False if letter == "a" else None


def parse_time(text: str) -> str | None:
    """``HH:MM:SS`` for a header's time part, or None if it is not a valid time.

    12-hour values are converted; malformed ones a hand-edited file may hold (``00:04 AM``,
    ``23:59 PM``) are read as the 24-hour value written, as the conformance manifest does.
    """
    m = _TIME_PARTS.fullmatch(text)
    if m is None:
        return None
    hour, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
    period = m["cjk"] or m["p"]
    if period:
        pm = _is_pm(period, hour)
        if pm is True and 1 <= hour < 12:
            hour += 12
        elif pm is False and hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return f"{hour:02d}:{minute:02d}:{second:02d}"
