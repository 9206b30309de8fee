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

import regex

from rep_assistant.core.chats import find_chat
from rep_assistant.core.duties import wipe
from rep_assistant.core.duties.erasure import mark_applied, reach_copies
from rep_assistant.core.duties.ledger import Ledger
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
    scoped: bool = False  # limited to one chat (--chat), so the ledger remembers which

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
    return PurgePlan(cutoff, chats, kept, tuple(ids), scoped=chat is not None)


def purge(store: Store, plan: PurgePlan) -> int:
    """Blank the planned messages in one audited transaction; returns how many were blanked.

    Protection is checked again inside the transaction, so an incident opened since the plan
    was shown (in another window) still keeps its messages. The ledger beside the store learns
    the purge before it commits, so restoring an older backup or importing the same export
    again purges the same messages again.
    """
    if not plan.message_ids:
        return 0
    book = Ledger.for_store(store)
    with wipe.securely(store):
        keep = protected_message_ids(store)
        ids = [message_id for message_id in plan.message_ids if message_id not in keep]
        kept = store.db.conn.execute(
            f"SELECT fingerprint, occurrence FROM messages WHERE id IN ({','.join(str(int(i)) for i in keep) or 'NULL'}) "
            "AND ts < ?", (plan.cutoff,)).fetchall()
        book.remember_purge(plan.cutoff, [c.chat for c in plan.chats] if plan.scoped else None, kept)
        book.save()
        blanked, flags, notes, media_files = blank(store, ids)
        mark_applied(store, book)
        store.audit(
            "purge",
            {"chats": [c.chat_id for c in plan.chats]},
            {"messages": blanked, "cutoff": plan.cutoff, "kept_for_incidents": plan.kept_for_incidents + plan.total - blanked,
             "media_files": len(media_files), "flag_wordings_removed": flags, "note_quotes_removed": notes,
             "per_chat": {str(c.chat_id): c.messages for c in plan.chats}},
        )
    wipe.remove_media_files(store, media_files)
    wipe.compact(store)
    reach_copies(store, book)
    return blanked


#: What a note says in place of the words it quoted from a purged message.
QUOTE_REMOVED = "[quote removed with the message]"
_QUOTED = regex.compile(r"[\"“”‘’«»]([^\"“”«»]{3,}?)[\"“”’«»]|(?<!\w)'([^']{3,}?)'(?!\w)")


def blank(store: Store, ids: list[int]) -> tuple[int, int, int, list[str]]:
    """Blank messages ``ids`` inside the caller's transaction: (messages, flag wordings, note quotes, media files to delete).

    The rep's notes lose the words they quoted from those messages (the rest of the note stays).
    """
    if not ids:
        return 0, 0, 0, []
    conn = store.db.conn
    stamp = now_iso()
    notes = _forget_quotes(store, ids)
    blanked = conn.executemany(
        "UPDATE messages SET text = '', media_name = NULL, media_sha256 = NULL, extra = NULL, "
        "actor = NULL, target = NULL, purged_at = ? WHERE id = ? AND purged_at IS NULL",
        [(stamp, message_id) for message_id in ids],
    ).rowcount
    flags = wipe.forget_flag_wording(store, "message_id IN (SELECT id FROM messages WHERE purged_at = ?)", [stamp])
    return blanked, flags, notes, wipe.drop_unreferenced_media(store)


def _forget_quotes(store: Store, ids: list[int]) -> int:
    """Replace what the rep's notes quote from the messages being purged; returns how many notes changed."""
    conn = store.db.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS purging (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.purging")
    conn.executemany("INSERT INTO temp.purging (id) VALUES (?)", [(i,) for i in ids])
    changed = 0
    for note_id, text in conn.execute("SELECT id, text FROM notes").fetchall():
        def quoted(m: "regex.Match[str]") -> str:
            words = (m.group(1) or m.group(2)).strip()
            hit = conn.execute("SELECT 1 FROM messages WHERE id IN (SELECT id FROM temp.purging) "
                               "AND instr(lower(text), lower(?)) > 0 LIMIT 1", (words,)).fetchone()
            return QUOTE_REMOVED if hit else m.group(0)
        new = _QUOTED.sub(quoted, text)
        if new != text:
            conn.execute("UPDATE notes SET text = ? WHERE id = ?", (new, note_id))
            changed += 1
    conn.execute("DELETE FROM temp.purging")
    return changed


def reapply_purges(store: Store, book: Ledger, import_id: int | None = None) -> int:
    """Blank again what the ledger says was purged (inside the caller's transaction); returns how many.

    Messages come back with an older backup, or when an export older than a purge is imported
    (``import_id`` limits the work to that import's rows). A purge covers every message of its
    chats from before its cutoff except the ones an open incident kept at the time.
    """
    if not book.purges:
        return 0
    chats = {row[0]: book.chat_digest(row[1]) for row in store.db.conn.execute("SELECT id, name FROM chats")}
    ids: list[int] = []
    for entry in book.purges:
        in_scope = [cid for cid, digest in chats.items() if entry["chats"] is None or digest in entry["chats"]]
        kept = set(entry["kept"])
        rows = store.db.conn.execute(
            f"SELECT id, fingerprint, occurrence FROM messages WHERE purged_at IS NULL AND ts < ? "
            f"AND chat_id IN ({','.join(str(int(c)) for c in in_scope) or 'NULL'})"
            + (" AND import_id = ?" if import_id is not None else ""),
            (entry["cutoff"], import_id) if import_id is not None else (entry["cutoff"],))
        ids += [mid for mid, fp, occ in rows if book.message_digest(fp, occ) not in kept]
    blanked, flags, notes, media_files = blank(store, sorted(set(ids)))
    if blanked:
        store.audit("purge", {"chats": sorted(chats)}, {"messages": blanked, "reapplied": True, "media_files": len(media_files),
                                                        "flag_wordings_removed": flags, "note_quotes_removed": notes})
        wipe.remove_media_files(store, media_files)  # rows are gone in this transaction; only unreferenced files
        wipe.owe_compaction(store)
    return blanked
