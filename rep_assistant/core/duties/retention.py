"""Retention: forgetting old message text, except what an open incident still needs.

A purge *blanks* messages rather than deleting them: text, media references, extra fields
and system-event names are cleared and ``purged_at`` is set, while the row (id, time, author
id, fingerprint) stays. That keeps flags, decisions and the register pointing at something
real ("a message of 3 May, purged"), and because the fingerprint stays, re-importing the same
export does not bring the text back. The FTS index follows through the messages triggers and
is merged so the words are gone from it too, and flag explanations lose the words they quoted
from those messages (see ``wipe``).

Messages behind a flag in an incident that is not resolved are kept, with ``CONTEXT``
messages either side, because the school may still ask for them.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from rep_assistant.core.chats import find_chat
from rep_assistant.core.duties import wipe
from rep_assistant.core.errors import RepError
from rep_assistant.core.store import Store, now_iso

#: Messages kept either side of one an open incident relies on, so its bundle still reads.
CONTEXT = 5


@dataclass(frozen=True)
class ChatPurge:
    chat: str
    chat_id: int
    messages: int
    first: str
    last: str


@dataclass(frozen=True)
class PurgePlan:
    cutoff: str
    chats: list[ChatPurge] = field(default_factory=list)
    kept_for_incidents: int = 0
    message_ids: tuple[int, ...] = ()

    @property
    def total(self) -> int:
        return len(self.message_ids)


def cutoff_for(days: int, today: dt.date | None = None) -> str:
    if days <= 0:
        raise RepError("The retention period must be at least one day.")
    return ((today or dt.date.today()) - dt.timedelta(days=days)).isoformat()


def protected_message_ids(store: Store) -> set[int]:
    """Messages an unresolved incident rests on, and their neighbours in the chat."""
    rows = store.db.conn.execute(
        """
        SELECT DISTINCT near.id FROM incidents i
        JOIN incident_flags fi ON fi.incident_id = i.id
        JOIN flags f ON f.id = fi.flag_id
        JOIN messages m ON m.id = f.message_id
        JOIN messages near ON near.chat_id = m.chat_id AND near.seq BETWEEN m.seq - ? AND m.seq + ?
        WHERE i.status != 'resolved'
        """,
        (CONTEXT, CONTEXT),
    )
    return {row[0] for row in rows}


def plan_purge(store: Store, days: int, chat: str | None = None, today: dt.date | None = None) -> PurgePlan:
    """What a purge of text older than ``days`` would remove, per chat, without changing anything."""
    cutoff = cutoff_for(days, today)
    sql = "SELECT m.id, c.id, c.name, m.ts FROM messages m JOIN chats c ON c.id = m.chat_id WHERE m.purged_at IS NULL AND m.ts < ?"
    params: list[Any] = [cutoff]
    if chat is not None:
        sql += " AND c.id = ?"
        params.append(find_chat(store, chat)["id"])
    keep = protected_message_ids(store)
    per_chat: dict[int, list[Any]] = {}
    ids: list[int] = []
    kept = 0
    for message_id, chat_id, name, ts in store.db.conn.execute(sql + " ORDER BY m.chat_id, m.seq", params):
        if message_id in keep:
            kept += 1
            continue
        ids.append(message_id)
        entry = per_chat.setdefault(chat_id, [name, 0, ts, ts])
        entry[1] += 1
        entry[2], entry[3] = min(entry[2], ts), max(entry[3], ts)
    chats = [ChatPurge(name, cid, n, first, last) for cid, (name, n, first, last) in per_chat.items()]
    return PurgePlan(cutoff, chats, kept, tuple(ids))


def purge(store: Store, plan: PurgePlan) -> int:
    """Blank the planned messages in one audited transaction; returns how many were blanked.

    Protection is checked again inside the transaction, so an incident opened since the plan
    was shown (in another window) still keeps its messages.
    """
    if not plan.message_ids:
        return 0
    stamp = now_iso()
    with wipe.securely(store):
        keep = protected_message_ids(store)
        cur = store.db.conn.executemany(
            "UPDATE messages SET text = '', media_name = NULL, media_sha256 = NULL, extra = NULL, "
            "actor = NULL, target = NULL, purged_at = ? WHERE id = ? AND purged_at IS NULL",
            [(stamp, message_id) for message_id in plan.message_ids if message_id not in keep],
        )
        blanked = cur.rowcount
        flags = wipe.forget_flag_wording(store, "message_id IN (SELECT id FROM messages WHERE purged_at = ?)", [stamp])
        media_files = wipe.drop_unreferenced_media(store)
        store.audit(
            "purge",
            {"chats": [c.chat_id for c in plan.chats]},
            {"messages": blanked, "cutoff": plan.cutoff, "kept_for_incidents": plan.kept_for_incidents + plan.total - blanked,
             "media_files": len(media_files), "flag_wordings_removed": flags,
             "per_chat": {str(c.chat_id): c.messages for c in plan.chats}},
        )
    wipe.remove_media_files(store, media_files)
    wipe.checkpoint(store)
    return blanked
