"""One parsed entry of a WhatsApp export, and the compact row the importer streams.

The parser yields plain tuples (``Row``) because building a dataclass per message costs more
than the rest of the parse on a 1M-message export; ``Entry`` is the readable form that
``parse_text`` and the ``parse`` command hand out.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

#: (seq, ts_iso, author, kind, text, edited, media, system_event, actor, target, extra)
Row = tuple[int, str, str | None, str, str, bool, str | None, str | None, str | None, str | None, dict | None]


@dataclass(slots=True)
class Entry:
    seq: int
    timestamp: dt.datetime
    author: str | None
    #: message, system, media, deleted, poll, location or contact (messages.kind in the store)
    kind: str
    text: str
    edited: bool = False
    media: str | None = None
    system_event: str | None = None
    actor: str | None = None
    target: str | None = None
    extra: dict[str, Any] | None = None

    @classmethod
    def from_row(cls, row: Row) -> "Entry":
        seq, ts, author, kind, text, edited, media, event, actor, target, extra = row
        return cls(seq, dt.datetime.fromisoformat(ts), author, kind, text, edited, media, event, actor, target, extra)

    def as_json(self) -> dict[str, Any]:
        """The ``parse --format jsonl`` object: stable keys, ISO seconds, nulls kept."""
        return {
            "seq": self.seq,
            "timestamp": self.timestamp.isoformat(timespec="seconds"),
            "author": self.author,
            "kind": self.kind,
            "text": self.text,
            "edited": self.edited,
            "media": self.media,
            "system_event": self.system_event,
            "actor": self.actor,
            "target": self.target,
            "extra": self.extra,
        }
