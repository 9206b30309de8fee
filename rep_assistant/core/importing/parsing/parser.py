"""The streaming parser: two passes over the text, entries out as compact rows.

Pass one finds the header shape (from the first chunk), every distinct date (so the day/month
order is decided by the whole file, not its first line) and authors whose names contain
``": "``. Pass two splits the text at the strict header regex and yields one row per entry in
file order; the importer stores them in batches, so memory stays flat however long the chat.
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from rep_assistant.core.importing.parsing.classify import classify, clean_name
from rep_assistant.core.importing.parsing.dateorder import DateReader, decide_order
from rep_assistant.core.importing.parsing.decoding import Chunks, not_an_export
from rep_assistant.core.importing.parsing.entry import Row
from rep_assistant.core.importing.parsing.header import Shape, detect_shape, parse_time

_NOT_A_CHAT = ("does not look like a WhatsApp chat export: no line starts with a date and time such as "
               "'14/03/2024, 09:05 - ' or '[14/03/2024, 09:05:41] '")
_QUOTES = ('"', "“", "„", "«")


@dataclass
class FileFormat:
    """What pass one learned about a file."""

    shape: Shape
    order: str
    #: author as first split -> (rest of the name, full name), for names like "Re: Tom".
    colon_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    headers: int = 0
    label: str = "the text"


def _scan_regex(shape: Shape) -> re.Pattern[str]:
    """Pass one's regex: (date, first name part, next part) per header line.

    The name parts are empty for author-less lines; the next part is only captured when the
    text after it looks like ``Part: text`` of a name with a colon (not a URL or placeholder).
    Possessive quantifiers keep a failed match from backtracking along the line.
    """
    strict = shape.regex().pattern
    date_only = strict.replace("(?P<time>", "(?:").replace("(?P<date>", "(")
    return re.compile(date_only + r"(?:([^\n:]*+): (?:([^\n:<>\u200e\u200f]{1,40}+): (?!https?://|<|\u200e))?)?")


def scan(chunks: Chunks, label: str) -> FileFormat:
    """Pass one; BadExportError when the text has no header at all."""
    shape: Shape | None = None
    dates: dict[str, None] = {}
    names: Counter[tuple[str, str]] = Counter()
    headers = 0
    rx = None
    for chunk in chunks():
        if shape is None:
            shape = detect_shape(chunk)
            if shape is None:
                raise not_an_export(label, _NOT_A_CHAT)
            rx = _scan_regex(shape)
        found = rx.findall(chunk)
        if found:
            headers += len(found)
            found_dates, firsts, nexts = zip(*found, strict=True)
            dates.update(dict.fromkeys(found_dates))
            names.update(zip(firsts, nexts, strict=True))
    if shape is None or not headers:
        raise not_an_export(label, _NOT_A_CHAT)
    return FileFormat(shape, decide_order(dates), _colon_names(names), headers, label)


def _colon_names(pairs: Counter[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Authors whose every message (two at least) starts with the same ``Part: ``: the name has a colon.

    An author split at the first ``": "`` as ``Re`` whose texts all begin ``Tom: `` is
    ``Re: Tom``; one message starting ``Note: `` among others is just a message.
    """
    totals: Counter[str] = Counter()
    for (first, _), n in pairs.items():
        if first:
            totals[first] += n
    found = {}
    for (first, rest), n in pairs.items():
        if rest[:1].isalnum() and n >= 2 and n == totals[first]:
            found[first] = (rest, f"{first}: {rest}")
    return found


def iter_rows(chunks: Chunks, fmt: FileFormat) -> Iterator[Row]:
    """Pass two: one row per entry, in file order, seq counting from 1."""
    rx = fmt.shape.regex()
    di, ti = rx.groupindex["date"], rx.groupindex["time"]
    dates = DateReader(fmt.order)
    times: dict[str, str | None] = {}
    names: dict[str, str | None] = {}
    colon_names = fmt.colon_names
    android = not fmt.shape.bracketed and fmt.shape.closer == "dash"
    seq = 0
    ts: str | None = None
    parts: list[str] = []
    for chunk in chunks():
        pos = 0
        for m in rx.finditer(chunk):
            date_text, time_text = m.group(di, ti)
            day = dates.iso(date_text)
            if day is None:
                continue
            try:
                clock = times[time_text]
            except KeyError:
                clock = times[time_text] = parse_time(time_text)
            if clock is None:
                continue
            if ts is not None:
                body = chunk[pos:m.start()]
                if parts:
                    parts.append(body)
                    body = "".join(parts)
                    parts = []
                seq += 1
                yield _row(seq, ts, body, names, colon_names, android)
            ts = f"{day}T{clock}"
            pos = m.end()
        if ts is not None:
            parts.append(chunk[pos:])
    if ts is None:
        raise not_an_export(fmt.label, _NOT_A_CHAT)
    seq += 1
    yield _row(seq, ts, "".join(parts).rstrip("\n"), names, colon_names, android)


def _author(raw: str, android: bool) -> str | None:
    """The author a ``Name: `` prefix names, or None when it is really a system line."""
    if android and any(q in raw for q in _QUOTES):
        return None  # e.g. 'Tom changed the subject from "A: B"': a quoted subject, not a name
    return clean_name(raw) or raw


def _row(seq: int, ts: str, body: str, names: dict[str, str | None],
         colon_names: dict[str, tuple[str, str]], android: bool) -> Row:
    """Split ``Name: `` off the body and classify what remains."""
    end = body.find("\n")
    if end < 0:
        end = len(body)
    cut = body.find(": ", 0, end)
    if cut >= 0:
        raw, start = body[:cut], cut + 2
        if colon_names and raw in colon_names:
            tail, full = colon_names[raw]
            if body.startswith(tail + ": ", start):
                raw, start = full, start + len(tail) + 2
    elif end > 1 and body[end - 1] == ":":
        raw, start = body[: end - 1], end + 1
    else:
        return (seq, ts, None, *classify(None, body))
    try:
        author = names[raw]
    except KeyError:
        author = names[raw] = _author(raw, android)
    return (seq, ts, author, *classify(author, body if author is None else body[start:]))
