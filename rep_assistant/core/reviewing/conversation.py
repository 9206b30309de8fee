"""Reading a chat the way the desk shows it: recent chats, pages of messages, positions.

Why pages by position: a chat can hold a million messages, and a view only ever needs the
few dozen on screen. The desk asks for the row count once and then for small pages by
offset (an index walk on ``messages(chat_id, seq)``), so opening is instant whatever the size.
Search is core.chats.search_messages (the store's full-text index).
"""

import json
from collections import defaultdict
from typing import Any

from rep_assistant.core.store import Store


def has_tiers(store: Store) -> bool:
    """Whether the store's flags carry a tier (added by a later migration than reviewing needs)."""
    return any(row[1] == "tier" for row in store.db.conn.execute("PRAGMA table_info(flags)"))

# The offset is walked on the covering index alone; only the page's rows are then read.
_PAGE_SQL = """
    SELECT m.id, m.seq, m.ts, m.kind, m.text, m.edited, m.media_name, m.system_event,
           m.member_id, mem.name AS author
    FROM (SELECT id FROM messages WHERE chat_id = ? ORDER BY seq, id LIMIT ? OFFSET ?) page
    JOIN messages m ON m.id = page.id LEFT JOIN members mem ON mem.id = m.member_id
    ORDER BY m.seq, m.id
"""


def recent_chats(store: Store) -> list[dict[str, Any]]:
    """Chats, most recently imported first, with how many messages need attention in each.

    ``new_flags`` counts messages, as the queue does (one item per message), and only the main
    tier: what the scanner is unsure of is not "to review".
    """
    main = "AND coalesce(f.tier, 'main') = 'main'" if has_tiers(store) else ""
    return store.query(
        f"""SELECT c.id, c.name, c.created_at,
                  (SELECT max(imported_at) FROM imports i WHERE i.chat_id = c.id) AS last_import,
                  (SELECT count(DISTINCT coalesce(f.message_id, -f.id)) FROM flags f
                   WHERE f.chat_id = c.id AND f.active = 1 AND f.status = 'new' {main}) AS new_flags
           FROM chats c ORDER BY coalesce(last_import, c.created_at) DESC, c.id DESC"""
    )


def count_messages(store: Store, chat_id: int) -> int:
    return int(store.scalar("SELECT count(*) FROM messages WHERE chat_id = ?", (chat_id,)) or 0)


def message_page(store: Store, chat_id: int, offset: int, limit: int) -> list[dict[str, Any]]:
    """Messages at positions ``offset``..``offset+limit`` in chat order, each with its flags.

    ``flags`` lists the active flags on the message as ``{id, category, severity, status, spans}``
    so the view can mark the margin and highlight the matched words.
    """
    rows = store.query(_PAGE_SQL, (chat_id, limit, offset))
    if not rows:
        return rows
    ids = [r["id"] for r in rows]
    flags: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for f in store.query(
        f"""SELECT id, message_id, category, severity, status, spans FROM flags
            WHERE active = 1 AND message_id IN ({','.join('?' * len(ids))}) ORDER BY rank DESC""",
        ids,
    ):
        f["spans"] = json.loads(f["spans"] or "[]")
        flags[f["message_id"]].append(f)
    for r in rows:
        r["flags"] = flags.get(r["id"], [])
    return rows


def message_position(store: Store, message_id: int) -> int | None:
    """The message's row in its chat (what ``message_page`` offsets count), or None if gone."""
    row = store.db.conn.execute("SELECT chat_id, seq FROM messages WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        return None
    chat_id, seq = row
    before = store.scalar("SELECT count(*) FROM messages WHERE chat_id = ? AND seq < ?", (chat_id, seq))
    tied = store.scalar("SELECT count(*) FROM messages WHERE chat_id = ? AND seq = ? AND id < ?", (chat_id, seq, message_id))
    return int(before) + int(tied)


def highlight_ranges(text: str, spans: list[Any]) -> list[tuple[int, int]]:
    """Merged (start, end) character ranges to highlight, from a flag's stored spans.

    Spans are stored as ``[start, end]`` pairs or ``{"start":, "end":}`` objects; anything
    outside the text is dropped rather than trusted.
    """
    ranges = []
    for span in spans or []:
        if isinstance(span, dict):
            start, end = span.get("start"), span.get("end")
        elif isinstance(span, (list, tuple)) and len(span) >= 2:
            start, end = span[0], span[1]
        else:
            continue
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            ranges.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
