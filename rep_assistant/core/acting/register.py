"""The members register: warnings, removals and re-admissions, whether recorded here or in WhatsApp.

Removals often happen in the app itself (the rep taps "Remove"), so the export's system lines
("Sam removed Alex", "Alex left") are matched to member rows as events with source='chat'. That
matching is idempotent (one event per system message and member) and runs whenever the register
is listed, so the rep never has to remember to run it.
"""

from typing import Any

import regex

from rep_assistant.core.acting.incidents import flag_details, incidents_for_flag, record_action
from rep_assistant.core.errors import RepError
from rep_assistant.core.importing.parsing.classify import is_phone
from rep_assistant.core.importing.parsing.phrases import YOU
from rep_assistant.core.store import Store, now_iso

#: CLI verb -> member_events.kind, and the audit action each records.
ACTIONS = {"warn": "warning", "remove": "removal", "readmit": "readmission"}
_OUT_KINDS = ("removal", "left")
_IN_KINDS = ("readmission", "joined")
#: messages.system_event values the importer writes -> how the member's place in the group changes.
_CHAT_EVENTS = {"removed": "removal", "left": "left", "added": "joined", "joined": "joined"}
#: How exports name the rep's own phone, casefolded: the parser's list, so both agree on who "You" is.
_YOU = frozenset(name.casefold() for name in YOU)


def standing(store: Store, member_id: int) -> tuple[str, dict[str, Any] | None]:
    """'in' or 'out' of the group, from the latest removal/left/readmission/joined event."""
    rows = store.query(
        "SELECT * FROM member_events WHERE member_id = ? AND kind != 'warning' ORDER BY at DESC, id DESC LIMIT 1", [member_id])
    if rows and rows[0]["kind"] in _OUT_KINDS:
        return "out", rows[0]
    return "in", rows[0] if rows else None


def record_member_event(store: Store, chat_id: int, member_id: int, action: str, reason: str, *,
                        clause_id: str | None = None, flag_id: int | None = None) -> int:
    """Record a warning, removal or re-admission the rep gave; returns the member_events id."""
    kind = ACTIONS.get(action)
    if kind is None:
        raise RepError(f"A register entry is one of {', '.join(ACTIONS)}, not {action!r}.")
    reason = reason.strip()
    if not reason:
        raise RepError("Give a short reason (--reason TEXT); the register is the record the school may ask for.")
    incident_id = None
    if flag_id is not None:
        flag = flag_details(store, [flag_id])[0]
        if flag["member_id"] != member_id:
            raise RepError(f"Flag {flag_id} is about someone else's message; give a flag on this member's message.")
        clause_id = clause_id or flag["clause_id"]
        incident_id = next(iter(incidents_for_flag(store, flag_id)), None)
    place, last = standing(store, member_id)
    if kind == "removal" and place == "out":
        raise RepError(f"This member is already recorded as out of the group (since {last['at'][:10]}); readmit them first.")
    if kind == "readmission" and place == "in":
        raise RepError("This member is not recorded as removed, so there is nothing to readmit.")
    with store.transaction():
        event_id = store.db["member_events"].insert({
            "chat_id": chat_id, "member_id": member_id, "kind": kind, "reason": reason, "clause_id": clause_id,
            "flag_id": flag_id, "incident_id": incident_id, "at": now_iso(), "actor": store.actor, "source": "app",
        }).last_pk
        if incident_id is not None:
            record_action(store, incident_id, f"member.{action}", f"member {member_id}")
        objects = {"chat": chat_id, "member": member_id, "member_event": event_id}
        objects.update({k: v for k, v in (("flag", flag_id), ("incident", incident_id)) if v is not None})
        store.audit(f"member.{action}", objects, {"clause": clause_id, "source": "app"})
    return event_id


def _member_for_name(store: Store, chat_id: int, name: str) -> int:
    """The member row for a name seen in a system line, created if they never posted."""
    row = store.scalar("SELECT id FROM members WHERE chat_id = ? AND name = ?", [chat_id, name])
    if row is not None:
        return row
    return store.db["members"].insert(
        {"chat_id": chat_id, "name": name, "is_phone": int(is_phone(name))}).last_pk


def _subject(event: dict[str, Any]) -> str:
    """Whom a system line is about, direction marks removed: who was removed or added, who left or joined."""
    subject = event["target"] if event["system_event"] in ("removed", "added") else (event["target"] or event["actor"])
    return (subject or "").strip().strip("\u200e\u200f\u202a\u202c")


def _names(store: Store, chat_id: int, target: str) -> list[str]:
    """One or several people named by a system line ("Ann, Bo and Cy"); known names win over splitting."""
    if store.scalar("SELECT 1 FROM members WHERE chat_id = ? AND name = ?", [chat_id, target]):
        return [target]
    parts = [p.strip() for p in regex.split(r",\s*|\s+and\s+|\s+&\s+", target) if p.strip()]
    return parts or [target]


def _actor(store: Store, name: str | None) -> str:
    """Who did it: "You" in the rep's own export is the rep."""
    if not name:
        return "WhatsApp"
    return store.actor if name.strip().casefold() in _YOU else name


def sync_chat_events(store: Store, chat_id: int) -> int:
    """Turn imported removed/left/added/joined system lines into register events; returns how many were new.

    Reports, drafts and the register call this on every read, so lines already matched are left
    out, and so are lines about nobody but the rep ("Sam added You", never an event); when none
    is left it returns without taking the write lock. The matched lines are a set in Python rather
    than a NOT IN in the query because SQLite would test that against every message of the chat.
    """
    matched = {row[0] for row in store.db.conn.execute(
        "SELECT message_id FROM member_events WHERE chat_id = ? AND message_id IS NOT NULL", [chat_id])}
    rows = store.query(
        "SELECT id, ts, system_event, actor, target FROM messages WHERE chat_id = ? AND kind = 'system' "
        "AND system_event IN ('removed', 'left', 'added', 'joined') ORDER BY ts, seq", [chat_id])
    events = [(event, subject) for event in rows
              if event["id"] not in matched and (subject := _subject(event)) and subject.casefold() not in _YOU]
    if not events:
        return 0
    added = 0
    with store.transaction():
        for event, subject in events:
            for name in _names(store, chat_id, subject):
                if name.casefold() in _YOU:
                    continue  # the rep's own phone: not a member of the register
                member_id = _member_for_name(store, chat_id, name)
                if store.scalar("SELECT 1 FROM member_events WHERE message_id = ? AND member_id = ?", [event["id"], member_id]):
                    continue
                kind = _CHAT_EVENTS[event["system_event"]]
                if kind == "joined" and standing(store, member_id)[0] == "out":
                    kind = "readmission"
                store.db["member_events"].insert({
                    "chat_id": chat_id, "member_id": member_id, "kind": kind,
                    "reason": "" if kind != "removal" else "removed in WhatsApp",
                    "at": event["ts"], "actor": name if kind == "left" else _actor(store, event["actor"]),
                    "source": "chat", "message_id": event["id"],
                })
                added += 1
        if added:
            store.audit("register.sync", {"chat": chat_id}, {"events_added": added})
    return added


def register_rows(store: Store, chat_id: int, *, sync: bool = True) -> list[dict[str, Any]]:
    """One row per member: messages posted, warnings, removals, re-admissions and where they stand now.

    ``sync=False`` when the caller already ran sync_chat_events where writes belong (the desk's database thread).
    """
    if sync:
        sync_chat_events(store, chat_id)
    # The latest move in or out (as standing picks it) and the latest removal come from the same
    # query as the counts, so listing a large class is one query rather than two more per member.
    rows = store.query("""
        SELECT mem.id AS member_id, mem.name AS member,
               (SELECT count(*) FROM messages m WHERE m.member_id = mem.id AND m.kind != 'system') AS messages,
               (SELECT count(*) FROM flags f WHERE f.member_id = mem.id AND f.status = 'confirmed') AS confirmed_flags,
               sum(e.kind = 'warning') AS warnings, sum(e.kind = 'removal') AS removals,
               sum(e.kind = 'readmission') AS readmissions,
               (SELECT kind FROM member_events moved WHERE moved.member_id = mem.id AND moved.kind != 'warning'
                ORDER BY moved.at DESC, moved.id DESC LIMIT 1) AS last_move,
               r.at AS removal_at, r.reason AS removal_reason, r.clause_id AS removal_clause_id,
               r.actor AS removal_actor, r.source AS removal_source
        FROM members mem LEFT JOIN member_events e ON e.member_id = mem.id
        LEFT JOIN member_events r ON r.id = (SELECT id FROM member_events WHERE member_id = mem.id AND kind = 'removal'
                                             ORDER BY at DESC, id DESC LIMIT 1)
        WHERE mem.chat_id = ? GROUP BY mem.id ORDER BY lower(mem.name)""", [chat_id])
    for row in rows:
        for key in ("warnings", "removals", "readmissions"):
            row[key] = row[key] or 0
        last_move = row.pop("last_move")
        row["status"] = "in group" if last_move not in _OUT_KINDS else ("left" if last_move == "left" else "removed")
        removal = {key: row.pop(f"removal_{key}") for key in ("at", "reason", "clause_id", "actor", "source")}
        row["last_removal"] = removal if removal["at"] is not None else None  # at is NOT NULL: None means no removal
    return rows


def member_events(store: Store, *, member_id: int | None = None, chat_id: int | None = None,
                  since: str | None = None) -> list[dict[str, Any]]:
    """Register events oldest first, with the member's name, filtered by member, chat and date."""
    sql = ("SELECT e.*, mem.name AS member FROM member_events e JOIN members mem ON mem.id = e.member_id WHERE 1=1")
    params: list[Any] = []
    for column, value in (("e.member_id", member_id), ("e.chat_id", chat_id)):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    if since:
        sql += " AND e.at >= ?"
        params.append(since)
    return store.query(sql + " ORDER BY e.at, e.id", params)
