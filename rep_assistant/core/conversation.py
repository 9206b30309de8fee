"""Reading a chat the way the desk shows it: chats, pages of messages, positions, search.

Why pages by position: a chat can hold a million messages, and a view only ever needs the
few dozen on screen. The desk asks for the row count once and then for small pages by
offset (an index walk on ``messages(chat_id, seq)``), so opening is instant whatever the size.
"""

import json
from collections import defaultdict
from typing import Any

import regex

from rep_assistant.core.store import Store

_PAGE_SQL = """
    SELECT m.id, m.seq, m.ts, m.kind, m.text, m.edited, m.media_name, m.system_event,
           m.member_id, mem.name AS author
    FROM messages m LEFT JOIN members mem ON mem.id = m.member_id
    WHERE m.chat_id = ?
    ORDER BY m.seq, m.id LIMIT ? OFFSET ?
"""


def list_chats(store: Store) -> list[dict[str, Any]]:
    """Chats, most recently imported first, with what needs attention in each."""
    return store.query(
        """SELECT c.id, c.name, c.created_at,
                  (SELECT max(imported_at) FROM imports i WHERE i.chat_id = c.id) AS last_import,
                  (SELECT count(*) FROM flags f WHERE f.chat_id = c.id AND f.active = 1 AND f.status = 'new') AS new_flags
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
    return int(store.scalar(
        "SELECT count(*) FROM messages WHERE chat_id = ? AND (seq < ? OR (seq = ? AND id < ?))",
        (chat_id, seq, seq, message_id),
    ))


_WORD = regex.compile(r"[\p{L}\p{N}_']+")


def fts_query(text: str) -> str:
    """Turn what the rep typed into an FTS5 query: every word must appear, the last as a prefix.

    Quoting each word means punctuation and FTS operators in the search box are just text.
    """
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_messages(store: Store, chat_id: int, text: str, limit: int = 500) -> list[dict[str, Any]]:
    """Full-text search over one chat (the store's FTS index), in chat order."""
    query = fts_query(text)
    if not query:
        return []
    return store.query(
        """SELECT m.id, m.seq, m.ts, m.kind, substr(m.text, 1, 300) AS text, mem.name AS author
           FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid
           LEFT JOIN members mem ON mem.id = m.member_id
           WHERE messages_fts MATCH ? AND m.chat_id = ?
           ORDER BY m.seq, m.id LIMIT ?""",
        (query, chat_id, limit),
    )


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
