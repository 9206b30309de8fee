"""The review queue and the rep's decisions on flags.

Why here and not in the window: the CLI, the tests and the GUI must agree on what a
decision is. Each decision changes ``flags.status``, appends a ``decisions`` row and an audit
entry in one transaction, so the record can never say something the flag does not. Undo is
itself a recorded decision (``undoes`` points at what it reverts), never a deletion: the
history the school may ask for stays complete.
"""

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from rep_assistant.core import when
from rep_assistant.core.detection.tiers import TIERS
from rep_assistant.core.errors import NotFoundError, RepError
from rep_assistant.core.store import Store, now_iso

STATUSES = ("new", "confirmed", "dismissed", "snoozed")
#: A pseudo-status for the queue: new flags, and snoozed ones whose time has come.
ATTENTION = "attention"

_SUMMARY_SQL = """
    SELECT f.id, f.chat_id, f.message_id, f.member_id, f.category, f.rule_id, f.severity, f.rank, f.tier, f.confidence,
           f.status, f.snoozed_until, f.active, f.clause_id, f.spans,
           m.ts, m.seq, m.kind, substr(m.text, 1, 300) AS text, mem.name AS author
    FROM flags f
    LEFT JOIN messages m ON m.id = f.message_id
    LEFT JOIN members mem ON mem.id = f.member_id
"""


def _status_clause(statuses: Iterable[str], now: str) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    plain = []
    for status in statuses:
        if status == ATTENTION:
            parts.append("(f.status = 'new' OR (f.status = 'snoozed' AND coalesce(f.snoozed_until, '') <= ?))")
            params.append(now)
        elif status in STATUSES:
            plain.append(status)
        else:
            raise RepError(f"There is no review status called {status!r}; use one of {', '.join(STATUSES)}.")
    if plain:
        parts.append(f"f.status IN ({','.join('?' * len(plain))})")
        params.extend(plain)
    return "(" + " OR ".join(parts) + ")", params


def list_flag_ids(
    store: Store,
    chat_id: int,
    *,
    categories: Sequence[str] | None = None,
    member_id: int | None = None,
    since: str | None = None,
    until: str | None = None,
    statuses: Sequence[str] | None = None,
    include_inactive: bool = False,
    tiers: Sequence[str] | None = None,
) -> list[int]:
    """The queue's order as ids: most severe first (rank), then oldest first.

    ``tiers`` keeps the main queue (``["main"]``) apart from the "worth a look" tier
    (``["worth-a-look"]``); None lists both.

    ``since``/``until`` are ISO dates or datetimes compared with the message time; a bare
    ``until`` date includes that whole day. Flags the latest scan no longer produces are left
    out unless ``include_inactive``.
    """
    sql = ["SELECT f.id FROM flags f LEFT JOIN messages m ON m.id = f.message_id WHERE f.chat_id = ?"]
    params: list[Any] = [chat_id]
    if not include_inactive:
        sql.append("AND f.active = 1")
    if categories:
        sql.append(f"AND f.category IN ({','.join('?' * len(categories))})")
        params.extend(categories)
    if tiers:
        unknown = set(tiers) - set(TIERS)
        if unknown:
            raise RepError(f"There is no flag tier called {sorted(unknown)[0]!r}; use one of {', '.join(TIERS)}.")
        sql.append(f"AND f.tier IN ({','.join('?' * len(tiers))})")
        params.extend(tiers)
    if member_id is not None:
        sql.append("AND f.member_id = ?")
        params.append(member_id)
    if since:
        sql.append("AND m.ts >= ?")
        params.append(when.moment(since, "start date"))
    if until:
        op, bound = when.until_bound(until)
        sql.append(f"AND m.ts {op} ?")
        params.append(bound)
    if statuses:
        clause, extra = _status_clause(statuses, now_iso())
        sql.append("AND " + clause)
        params.extend(extra)
    sql.append("ORDER BY f.rank DESC, m.ts, m.seq, f.id")
    return [row[0] for row in store.db.conn.execute(" ".join(sql), params)]


def flag_summaries(store: Store, flag_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Queue rows for ``flag_ids``, in the order given (missing ids are left out)."""
    if not flag_ids:
        return []
    rows = store.query(_SUMMARY_SQL + f" WHERE f.id IN ({','.join('?' * len(flag_ids))})", list(flag_ids))
    by_id = {row["id"]: _decode(row) for row in rows}
    return [by_id[i] for i in flag_ids if i in by_id]


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    for key in ("spans", "related"):
        if isinstance(row.get(key), str):
            row[key] = json.loads(row[key] or "[]")
    return row


def flag_detail(store: Store, flag_id: int) -> dict[str, Any]:
    """Everything the desk shows for one flag: the flag, its message, notes and decision history."""
    rows = store.query(
        """SELECT f.*, m.ts, m.seq, m.kind, m.text, mem.name AS author, c.name AS chat_name
           FROM flags f LEFT JOIN messages m ON m.id = f.message_id
           LEFT JOIN members mem ON mem.id = f.member_id JOIN chats c ON c.id = f.chat_id
           WHERE f.id = ?""",
        (flag_id,),
    )
    if not rows:
        raise NotFoundError(f"There is no flag {flag_id}; it may have been removed by a purge.")
    flag = _decode(rows[0])
    flag["notes"] = store.query("SELECT id, text, created_at, actor FROM notes WHERE flag_id = ? ORDER BY id", (flag_id,))
    flag["decisions"] = store.query(
        "SELECT id, old_status, new_status, decided_at, actor, new_snoozed_until, undoes FROM decisions WHERE flag_id = ? ORDER BY id",
        (flag_id,),
    )
    return flag


def set_status(store: Store, flag_id: int, status: str, snooze_until: str | None = None) -> int | None:
    """Record the rep's decision on a flag; returns the decision id, or None when nothing changed.

    Snoozing needs ``snooze_until`` (ISO datetime): the flag comes back to the queue then.
    """
    decided = decide(store, [flag_id], status, snooze_until)
    return decided[0] if decided else None


def decide(store: Store, flag_ids: Sequence[int], status: str, snooze_until: str | None = None) -> list[int]:
    """One decision on several flags (the flags of one message), as one batch: undo reverts them together.

    Returns the new decision ids; flags already in that state are left alone (no decision row).
    """
    if status not in STATUSES:
        raise RepError(f"There is no review status called {status!r}; use one of {', '.join(STATUSES)}.")
    if status == "snoozed" and not snooze_until:
        raise RepError("Say until when to snooze the flag (a date and time).")
    new_until = when.moment(snooze_until, "snooze time") if status == "snoozed" else None
    decided: list[int] = []
    with store.transaction():
        for flag_id in flag_ids:
            row = store.db.conn.execute("SELECT status, snoozed_until, chat_id FROM flags WHERE id = ?", (flag_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"There is no flag {flag_id}; it may have been removed by a purge.")
            old_status, old_until, chat_id = row
            if (old_status, old_until) == (status, new_until):
                continue
            batch = decided[0] if decided else None
            decided.append(_record(store, flag_id, chat_id, old_status, old_until, status, new_until, undoes=None, batch=batch))
    return decided


def _record(store: Store, flag_id: int, chat_id: int, old_status: str, old_until: str | None,
            new_status: str, new_until: str | None, *, undoes: int | None, batch: int | None = None) -> int:
    at = now_iso()
    store.db.conn.execute(
        "UPDATE flags SET status = ?, snoozed_until = ?, updated_at = ? WHERE id = ?",
        (new_status, new_until, at, flag_id),
    )
    cursor = store.db.conn.execute(
        """INSERT INTO decisions (flag_id, old_status, new_status, decided_at, actor, old_snoozed_until, new_snoozed_until, undoes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (flag_id, old_status, new_status, at, store.actor, old_until, new_until, undoes),
    )
    decision_id = int(cursor.lastrowid or 0)
    store.db.conn.execute("UPDATE decisions SET batch = ? WHERE id = ?", (batch or decision_id, decision_id))
    details: dict[str, Any] = {"old": old_status, "new": new_status}
    if new_until:
        details["snoozed_until"] = new_until
    if undoes is not None:
        details["undo"] = True
        details["undoes"] = undoes
    store.audit("flag.decide", objects={"chat": chat_id, "flag": flag_id, "decision": decision_id}, details=details)
    return decision_id


def undo_last(store: Store, chat_id: int) -> dict[str, Any] | None:
    """Revert the chat's most recent decision that has not been undone yet (with its whole batch).

    Repeated calls walk back through the history. Returns ``{"flag_id", "flag_ids", "status"}``
    (the first flag, every flag reverted, the status restored) or None when there is nothing left to undo.
    """
    with store.transaction():
        last = store.db.conn.execute(
            """SELECT coalesce(d.batch, d.id) FROM decisions d JOIN flags f ON f.id = d.flag_id
               WHERE f.chat_id = ? AND d.undoes IS NULL
                 AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)
               ORDER BY d.id DESC LIMIT 1""",
            (chat_id,),
        ).fetchone()
        if last is None:
            return None
        rows = store.db.conn.execute(
            """SELECT d.id, d.flag_id, d.old_status, d.old_snoozed_until, d.new_status, d.new_snoozed_until
               FROM decisions d WHERE coalesce(d.batch, d.id) = ? AND d.undoes IS NULL
                 AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)
               ORDER BY d.id""",
            (last[0],),
        ).fetchall()
        batch: int | None = None
        for decision_id, flag_id, old_status, old_until, new_status, new_until in rows:
            undo_id = _record(store, flag_id, chat_id, new_status, new_until, old_status, old_until, undoes=decision_id, batch=batch)
            batch = batch or undo_id
        return {"flag_id": rows[0][1], "flag_ids": [r[1] for r in rows], "status": rows[0][2]}


def add_note(store: Store, text: str, *, flag_id: int | None = None, member_id: int | None = None) -> int:
    """Attach the rep's note to a flag or a member; the audit entry records only its length."""
    text = text.strip()
    if not text:
        raise RepError("The note is empty; type something to keep.")
    if flag_id is None and member_id is None:
        raise RepError("A note belongs to a flag or a member; choose one first.")
    with store.transaction():
        if flag_id is not None:
            chat_id = store.scalar("SELECT chat_id FROM flags WHERE id = ?", (flag_id,))
            if chat_id is None:
                raise NotFoundError(f"There is no flag {flag_id}; it may have been removed by a purge.")
        else:
            chat_id = store.scalar("SELECT chat_id FROM members WHERE id = ?", (member_id,))
            if chat_id is None:
                raise NotFoundError(f"There is no member {member_id}.")
        cursor = store.db.conn.execute(
            "INSERT INTO notes (flag_id, member_id, text, created_at, actor) VALUES (?, ?, ?, ?, ?)",
            (flag_id, member_id, text, now_iso(), store.actor),
        )
        note_id = int(cursor.lastrowid or 0)
        objects = {"chat": chat_id, "note": note_id}
        if flag_id is not None:
            objects["flag"] = flag_id
        if member_id is not None:
            objects["member"] = member_id
        store.audit("note.add", objects=objects, details={"length": len(text)})
        return note_id


_MESSAGE_SQL = """
    SELECT m.id, m.chat_id, m.seq, m.ts, m.kind, m.text, m.edited, m.media_name, m.system_event,
           m.member_id, mem.name AS author
    FROM messages m LEFT JOIN members mem ON mem.id = m.member_id
"""


def message_context(store: Store, message_id: int, before: int = 3, after: int = 3) -> list[dict[str, Any]]:
    """The message with its neighbours in chat order; the message itself has ``target`` True."""
    row = store.db.conn.execute("SELECT chat_id, seq FROM messages WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no message {message_id}; it may have been purged.")
    chat_id, seq = row
    earlier = store.query(_MESSAGE_SQL + " WHERE m.chat_id = ? AND (m.seq, m.id) < (?, ?) ORDER BY m.seq DESC, m.id DESC LIMIT ?",
                          (chat_id, seq, message_id, before))
    target = store.query(_MESSAGE_SQL + " WHERE m.id = ?", (message_id,))
    later = store.query(_MESSAGE_SQL + " WHERE m.chat_id = ? AND (m.seq, m.id) > (?, ?) ORDER BY m.seq, m.id LIMIT ?",
                        (chat_id, seq, message_id, after))
    rows = [*reversed(earlier), *target, *later]
    for r in rows:
        r["target"] = r["id"] == message_id
    return rows


def snooze_until_tomorrow(now: dt.datetime | None = None) -> str:
    """The desk's one-key snooze: back in the queue tomorrow morning, when the rep next looks."""
    now = now or dt.datetime.now()
    return (now + dt.timedelta(days=1)).replace(hour=7, minute=0, second=0, microsecond=0).isoformat()


def flag_categories(store: Store, chat_id: int) -> list[str]:
    """Categories that have flags in the chat: the queue's category filter offers only these."""
    return [r[0] for r in store.db.conn.execute("SELECT DISTINCT category FROM flags WHERE chat_id = ? ORDER BY category", (chat_id,))]
