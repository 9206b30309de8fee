"""Deciding day-first, month-first or year-first from all of a file's dates, then reading them.

The first line alone cannot tell ``01/02/24`` apart, so the order is decided from every
distinct date in the file (in first-seen order), with Pustur's three checks in turn: a value
above 12 can only be a day; within a year the day is what goes *down* from one date to the
next (months only go up); otherwise the day is what changes most. When nothing decides,
day-first, as every peer does.
"""

import datetime as dt
import itertools
import re
from collections.abc import Iterable

from rep_assistant.core.importing.parsing.header import MARKS

_MARKS = re.compile(f"[{MARKS}]")
_SPLIT = re.compile(r"[./-] ?")
_ERAS = {"R": 2018, "H": 1988, "S": 1925, "T": 1911}

DMY, MDY, YMD = "DMY", "MDY", "YMD"


def _components(text: str) -> tuple[list[str], bool]:
    """The three date components as written, and whether the year is Buddhist-era (``BE``)."""
    text = _MARKS.sub("", text).strip()
    buddhist = text.endswith("BE")
    if buddhist:
        text = text[:-2].rstrip(" \u00a0\u202f")
    return _SPLIT.split(text.rstrip(".")), buddhist


def _is_year(part: str) -> bool:
    return part[:1] in _ERAS or len(part) >= 3


def _year(part: str, buddhist: bool) -> int:
    if part[:1] in _ERAS:
        return _ERAS[part[0]] + int(part[1:])
    year = int(part)
    if len(part) <= 2:
        year += 2000
    return year - 543 if buddhist else year


def decide_order(dates: Iterable[str]) -> str:
    """DMY, MDY or YMD for a file whose distinct header dates are ``dates`` (first-seen order)."""
    pairs: list[tuple[str, int, int]] = []
    for text in dates:
        parts, _ = _components(text)
        if len(parts) != 3 or not all(p[-1:].isdigit() for p in parts):
            continue
        if _is_year(parts[0]) and not _is_year(parts[2]):
            return YMD
        if parts[0].isdigit() and parts[1].isdigit():
            pairs.append((parts[2], int(parts[0]), int(parts[1])))
    if not pairs:
        return DMY
    first_big = sum(1 for _, a, _b in pairs if a > 12)
    second_big = sum(1 for _, _a, b in pairs if b > 12)
    if first_big != second_big:
        return DMY if first_big > second_big else MDY
    first_down = second_down = first_change = second_change = 0
    for (y0, a0, b0), (y1, a1, b1) in itertools.pairwise(pairs):
        if y0 != y1:
            continue
        first_down += a1 < a0
        second_down += b1 < b0
        first_change += abs(a1 - a0)
        second_change += abs(b1 - b0)
    if first_down != second_down:
        return DMY if first_down > second_down else MDY
    if second_change > first_change:
        return MDY
    return DMY


class DateReader:
    """Reads header dates in one order, remembering each distinct date it has seen."""

    def __init__(self, order: str) -> None:
        self.order = order
        self._cache: dict[str, str | None] = {}

    def iso(self, text: str) -> str | None:
        """``YYYY-MM-DD`` for a header date, or None when it is not a real date in this order."""
        try:
            return self._cache[text]
        except KeyError:
            pass
        value = self._read(text)
        if len(self._cache) < 100_000:
            self._cache[text] = value
        return value

    def _read(self, text: str) -> str | None:
        parts, buddhist = _components(text)
        if len(parts) != 3:
            return None
        try:
            if self.order == YMD:
                y, m, d = _year(parts[0], buddhist), int(parts[1]), int(parts[2])
            elif self.order == MDY:
                m, d, y = int(parts[0]), int(parts[1]), _year(parts[2], buddhist)
            else:
                d, m, y = int(parts[0]), int(parts[1]), _year(parts[2], buddhist)
            return dt.date(y, m, d).isoformat()
        except ValueError:
            return None
