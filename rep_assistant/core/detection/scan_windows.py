"""Reading a stored chat for detection in bounded windows, cut where no rule can look across.

A 1M-message chat loaded whole is close to a gigabyte of Message objects, and building them
in one go holds the GIL long enough to freeze the window (the scan runs on a worker thread).
So the scanner reads rows with ``fetchmany`` and hands detection one window at a time, a few
tens of thousands of messages each, and lets other threads run between fetches.

Detection over windows must equal detection over the whole chat, so a window ends only at a
*quiet cut*: a gap of more than QUIET_S between everything within REACH messages before it and
everything within REACH messages after it. The sequence rules (rules/behaviour.py) link
messages at most 6 hours and 11 messages apart (a "don't know" reply to a question, the
caption beside a photo), runs of posts are broken by any gap over 10 minutes, and content
rules look at one message at a time. Two more conditions keep even their tie-breaks the same:
a post on each side of the cut (runs of posts are counted over posts only) and no media just
after it (a photo's search for its caption looks back before it looks ahead). A chat with no
such cut for a long stretch simply gets a longer window; nothing is ever cut elsewhere.
"""

import time
from collections.abc import Iterator
from dataclasses import dataclass

from rep_assistant.core.detection.rules import Message
from rep_assistant.core.store import Store

#: Messages a window holds before the next quiet cut ends it.
WINDOW = 20_000
#: Rows per fetchmany; other threads get the interpreter between fetches.
FETCH = 2_000
#: A quiet cut is longer than any sequence rule's time reach (6 hours), with margin.
QUIET_S = 8 * 3600
#: Messages either side of a cut that must lie across the gap (a rule's reach is 11).
REACH = 12


@dataclass
class Window:
    """Consecutive messages of a chat, and who posted each (for the flags' member_id)."""

    messages: list[Message]
    member_of: dict[int, int | None]


def progress_total(store: Store, chat_id: int) -> int:
    """About how many messages the scan reads: purged ones are counted too, which lets SQLite
    count from the (chat_id, seq) index alone (a quarter of the time on a 1M-message chat)."""
    return store.scalar("SELECT count(*) FROM messages WHERE chat_id = ?", (chat_id,))


def iter_windows(store: Store, chat_id: int, *, window: int = WINDOW) -> Iterator[Window]:
    """The chat's unpurged messages in chat order, as windows ending at quiet cuts."""
    cursor = store.db.conn.execute(
        "SELECT m.id, m.ts, COALESCE(mem.name, ''), m.kind, m.text, m.member_id FROM messages m "
        "LEFT JOIN members mem ON mem.id = m.member_id "
        "WHERE m.chat_id = ? AND m.purged_at IS NULL ORDER BY m.seq",
        (chat_id,),
    )
    messages: list[Message] = []
    member_of: dict[int, int | None] = {}
    look_from = max(window, REACH)
    while rows := cursor.fetchmany(FETCH):
        for r in rows:
            messages.append(Message(r[0], r[1], r[2], r[4] or "", r[3]))
            member_of[r[0]] = r[5]
        while len(messages) >= look_from + REACH:
            cut = _find_cut(messages, look_from)
            if cut is None:
                look_from = len(messages) - REACH + 1
                break
            yield Window(messages[:cut], {m.id: member_of.pop(m.id) for m in messages[:cut]})
            messages = messages[cut:]
            look_from = max(window, REACH)
        time.sleep(0)  # a worker thread: let the GUI thread have the interpreter
    if messages:
        yield Window(messages, member_of)


def _find_cut(messages: list[Message], start: int) -> int | None:
    """The first quiet cut k (a window ends before messages[k]) from ``start`` on, if any."""
    for k in range(start, len(messages) - REACH + 1):
        if (messages[k].when - messages[k - 1].when).total_seconds() > QUIET_S and _is_quiet_cut(messages, k):
            return k
    return None


def _is_quiet_cut(messages: list[Message], k: int) -> bool:
    before, after = messages[k - REACH:k], messages[k:k + REACH]
    if any(m.is_media for m in after):
        return False
    if not any(m.is_post and not m.is_media for m in before) or not any(m.is_post for m in after):
        return False
    latest = max(m.when for m in before)
    earliest = min(m.when for m in after)
    return (earliest - latest).total_seconds() > QUIET_S
