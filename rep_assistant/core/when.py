"""Dates and times the rep types (filters, snoozes), checked and put in the store's shape.

Message and audit times are stored as ISO text (``2025-11-20T07:00:00``) and compared as text,
so an unchecked typo would not fail: it would silently select nothing, or snooze a flag for
ever. Everything is normalised to that one shape before it reaches SQL.
"""

import datetime as dt

from rep_assistant.core.errors import RepError


def _parse(value: str, what: str) -> tuple[dt.datetime, bool]:
    """The moment ``value`` names, and whether it was a bare date (a whole day)."""
    text = value.strip()
    try:
        return dt.datetime.combine(dt.date.fromisoformat(text), dt.time()), True
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None, microsecond=0), False
    except ValueError:
        raise RepError(f"The {what} {value!r} is not a date; give YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time.") from None


def moment(value: str, what: str = "time") -> str:
    """``value`` as a stored time; a bare date means its first moment."""
    return _parse(value, what)[0].isoformat()


def until_bound(value: str) -> tuple[str, str]:
    """The SQL comparison and value for an inclusive ``until``: a bare date includes the whole of that day."""
    when, whole_day = _parse(value, "end date")
    return ("<", (when + dt.timedelta(days=1)).isoformat()) if whole_day else ("<=", when.isoformat())
