"""Per-member summaries for the desk's members view.

Why one query per view: a rep deciding whether to warn someone needs the whole picture at
once (how much they post, how often they were flagged, what was decided, earlier warnings
and removals), and the register's actions then record new events against the same
member ids.
"""

from itertools import groupby
from operator import itemgetter
from typing import Any

from rep_assistant.core.acting.register import member_events
from rep_assistant.core.errors import NotFoundError
from rep_assistant.core.store import Store


def member_summaries(store: Store, chat_id: int, *, member_id: int | None = None) -> list[dict[str, Any]]:
    """One row per member of the chat (or just ``member_id``), most flagged first, then by name.

    Counts come from the messages(member_id) index, and "last post" is the member's most recently
    imported message (the index's last id), so a million-message chat is summed in well under
    0.1 s instead of grouping every message.
    """
    only = "AND mem.id = :member" if member_id is not None else ""
    return store.query(
        f"""SELECT mem.id, mem.name, mem.is_phone, mem.pseudonym, mem.erased_at,
                  (SELECT count(*) FROM messages m WHERE m.member_id = mem.id) AS messages,
                  (SELECT ts FROM messages WHERE id = (SELECT max(id) FROM messages m WHERE m.member_id = mem.id)) AS last_ts,
                  coalesce(fl.total, 0) AS flags, coalesce(fl.open, 0) AS open_flags,
                  coalesce(fl.confirmed, 0) AS confirmed, coalesce(fl.dismissed, 0) AS dismissed,
                  coalesce(ev.warnings, 0) AS warnings, coalesce(ev.removals, 0) AS removals
           FROM members mem
           LEFT JOIN (SELECT member_id, count(*) AS total,
                             sum(status IN ('new', 'snoozed')) AS open,
                             sum(status = 'confirmed') AS confirmed, sum(status = 'dismissed') AS dismissed
                      FROM flags WHERE chat_id = :chat AND active = 1 GROUP BY member_id) fl ON fl.member_id = mem.id
           LEFT JOIN (SELECT member_id, sum(kind = 'warning') AS warnings, sum(kind = 'removal') AS removals
                      FROM member_events WHERE chat_id = :chat GROUP BY member_id) ev ON ev.member_id = mem.id
           WHERE mem.chat_id = :chat {only}
           ORDER BY flags DESC, confirmed DESC, lower(mem.name)""",
        {"chat": chat_id, "member": member_id},
    )


def member_detail(store: Store, member_id: int) -> dict[str, Any]:
    """The member's summary plus their register events, decisions on their flags and notes."""
    chat_id = store.scalar("SELECT chat_id FROM members WHERE id = ?", (member_id,))
    if chat_id is None:
        raise NotFoundError(f"There is no member {member_id}.")
    summary = member_summaries(store, chat_id, member_id=member_id)[0]
    summary["events"] = member_events(store, member_id=member_id)
    summary["decisions"] = store.query(
        """SELECT d.id, d.flag_id, f.category, d.old_status, d.new_status, d.decided_at, d.actor
           FROM decisions d JOIN flags f ON f.id = d.flag_id WHERE f.member_id = ? ORDER BY d.id""",
        (member_id,),
    )
    summary["notes"] = store.query(
        "SELECT id, text, created_at, actor FROM notes WHERE member_id = ? ORDER BY id", (member_id,)
    )
    return summary


def flagged_members(store: Store, chat_id: int) -> list[dict[str, Any]]:
    """Members with at least one flag in the chat (the queue's member filter), by name."""
    return store.query(
        """SELECT DISTINCT mem.id, mem.name FROM flags f JOIN members mem ON mem.id = f.member_id
           WHERE f.chat_id = ? ORDER BY lower(mem.name)""",
        (chat_id,),
    )


def members_to_choose(store: Store) -> list[dict[str, Any]]:
    """Every member not yet erased as ``{"id", "name", "chat"}``: chats by name, members by name within each.

    Why its own query: the data-duty dialogs list people to pick from when they open, and
    counting each chat's messages and flags (as the summaries do) only to read names would
    scan every message of a big store on the way. Names are ordered with ``casefold`` in
    Python, as SQLite's ``lower`` leaves accented capitals where they are.
    """
    rows = store.query(
        """SELECT mem.id, mem.name, c.name AS chat, c.id AS chat_id
           FROM members mem JOIN chats c ON c.id = mem.chat_id
           WHERE mem.erased_at IS NULL
           ORDER BY c.name COLLATE NOCASE, c.id"""
    )
    return [{"id": m["id"], "name": m["name"], "chat": m["chat"]}
            for _, chat in groupby(rows, key=itemgetter("chat_id"))
            for m in sorted(chat, key=lambda m: m["name"].casefold())]
