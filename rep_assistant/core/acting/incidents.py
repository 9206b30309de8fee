"""Incidents: confirmed flags grouped into one matter, with a status, notes and actions taken.

An incident is what the rep reports to the school and what a bundle is built from, so it
keeps a running list of what was done (drafts used, bundles exported, warnings, removals) in
incident_actions: the school notification quotes that list instead of asking the rep to recall it.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from rep_assistant.core.errors import NotFoundError, RepError
from rep_assistant.core.store import Store, now_iso

STATUSES = ("open", "reported", "resolved")

_FLAG_DETAIL_SQL = """
SELECT f.id AS flag_id, f.chat_id, f.message_id, f.member_id, f.category, f.severity, f.policy_id,
       f.clause_id, f.clause_text, f.explanation, f.status, f.spans,
       m.ts, m.seq, m.text, m.kind, m.media_name, m.media_sha256, m.purged_at,
       mem.name AS member_name, mem.is_phone AS member_is_phone, mem.erased_at AS member_erased_at, c.name AS chat_name
FROM flags f
JOIN chats c ON c.id = f.chat_id
LEFT JOIN messages m ON m.id = f.message_id
LEFT JOIN members mem ON mem.id = f.member_id
WHERE f.id IN ({marks})
ORDER BY m.ts, m.seq, f.id
"""


def flag_details(store: Store, flag_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Each flag with its message, poster and chat, oldest message first; unknown ids raise."""
    ids = sorted({int(i) for i in flag_ids})
    if not ids:
        return []
    rows = store.query(_FLAG_DETAIL_SQL.format(marks=",".join("?" * len(ids))), ids)
    missing = sorted(set(ids) - {r["flag_id"] for r in rows})
    if missing:
        raise NotFoundError(f"There is no flag {', '.join(map(str, missing))} in this store; the review desk lists the flags.")
    return rows


def _confirmed(rows: Sequence[dict[str, Any]]) -> None:
    for row in rows:
        if row["status"] != "confirmed":
            raise RepError(
                f"Flag {row['flag_id']} has not been confirmed as a breach (it is {row['status']}); "
                "confirm it in the review desk before adding it to an incident."
            )
    chats = {r["chat_id"] for r in rows}
    if len(chats) > 1:
        raise RepError("These flags come from different chats; an incident covers one class group.")


def _title(rows: Sequence[dict[str, Any]]) -> str:
    """A name-free title (incident titles are shown in lists and must survive erasure)."""
    categories = ", ".join(dict.fromkeys(r["category"].replace("-", " ") for r in rows))
    first_day = min((r["ts"] or "")[:10] for r in rows)
    try:  # "Threat (7 Nov 2025)": the list and the school's report are read by people, not parsed
        day = dt.date.fromisoformat(first_day)
        when = f"{day.day} {day:%b %Y}"
    except ValueError:
        when = first_day or "undated"
    return f"{categories.capitalize()} ({when})"


def record_action(store: Store, incident_id: int, action: str, details: str = "") -> int:
    """Append to the incident's list of actions taken; the caller's transaction also audits."""
    return store.db["incident_actions"].insert(
        {"incident_id": incident_id, "action": action, "details": details, "at": now_iso(), "actor": store.actor}
    ).last_pk


def _add_note(store: Store, incident_id: int, text: str) -> None:
    store.db["notes"].insert({"incident_id": incident_id, "text": text, "created_at": now_iso(), "actor": store.actor})


def create_incident(store: Store, flag_ids: Sequence[int], *, note: str | None = None, title: str | None = None) -> int:
    """Open an incident over confirmed flags of one chat; returns its id."""
    rows = flag_details(store, flag_ids)
    if not rows:
        raise RepError("An incident needs at least one confirmed flag (--flag ID).")
    _confirmed(rows)
    stamp = now_iso()
    with store.transaction():
        incident_id = store.db["incidents"].insert(
            {"chat_id": rows[0]["chat_id"], "title": (title or "").strip() or _title(rows), "status": "open",
             "created_at": stamp, "updated_at": stamp}
        ).last_pk
        store.db["incident_flags"].insert_all({"incident_id": incident_id, "flag_id": r["flag_id"]} for r in rows)
        record_action(store, incident_id, "created", f"{len(rows)} flag(s)")
        if note and note.strip():
            _add_note(store, incident_id, note.strip())
        store.audit("incident.create", {"incident": incident_id, "chat": rows[0]["chat_id"], "flags": [r["flag_id"] for r in rows]},
                    {"status": "open", "note": bool(note and note.strip())})
    return incident_id


def get_incident(store: Store, incident_id: int) -> dict[str, Any]:
    """The incident row with its flag ids, notes and actions."""
    rows = store.query("SELECT i.*, c.name AS chat_name FROM incidents i JOIN chats c ON c.id = i.chat_id WHERE i.id = ?", [incident_id])
    if not rows:
        raise NotFoundError(f"There is no incident {incident_id}; 'rep-assistant incident list' shows them.")
    incident = rows[0]
    incident["flag_ids"] = incident_flag_ids(store, incident_id)
    incident["notes"] = store.query("SELECT id, text, created_at, actor FROM notes WHERE incident_id = ? ORDER BY id", [incident_id])
    incident["actions"] = store.query(
        "SELECT id, action, details, at, actor FROM incident_actions WHERE incident_id = ? ORDER BY id", [incident_id])
    return incident


def incident_flag_ids(store: Store, incident_id: int) -> list[int]:
    return [r["flag_id"] for r in store.query("SELECT flag_id FROM incident_flags WHERE incident_id = ? ORDER BY flag_id", [incident_id])]


def incidents_for_flag(store: Store, flag_id: int) -> list[int]:
    return [r["incident_id"] for r in store.query(
        "SELECT incident_id FROM incident_flags WHERE flag_id = ? ORDER BY incident_id", [flag_id])]


def add_flags(store: Store, incident_id: int, flag_ids: Sequence[int]) -> list[int]:
    """Add more confirmed flags (say, from a later day) to an incident; returns the ids added."""
    incident = get_incident(store, incident_id)
    rows = flag_details(store, flag_ids)
    _confirmed(rows)
    if rows and rows[0]["chat_id"] != incident["chat_id"]:
        raise RepError(f"Incident {incident_id} is about another chat; an incident covers one class group.")
    new = [r["flag_id"] for r in rows if r["flag_id"] not in incident["flag_ids"]]
    if not new:
        return []
    with store.transaction():
        store.db["incident_flags"].insert_all({"incident_id": incident_id, "flag_id": f} for f in new)
        store.db["incidents"].update(incident_id, {"updated_at": now_iso()})
        record_action(store, incident_id, "flags.added", f"{len(new)} flag(s)")
        store.audit("incident.update", {"incident": incident_id, "flags": new}, {"flags_added": len(new)})
    return new


def update_incident(store: Store, incident_id: int, *, status: str | None = None, note: str | None = None) -> dict[str, Any]:
    """Change the status and/or add a note, recorded as one action; returns the updated incident."""
    incident = get_incident(store, incident_id)
    if status is not None and status not in STATUSES:
        raise RepError(f"An incident's status is one of {', '.join(STATUSES)}, not {status!r}.")
    note = (note or "").strip()
    changes: dict[str, Any] = {}
    if status and status != incident["status"]:
        changes = {"status_from": incident["status"], "status": status}
    if not changes and not note:
        return incident
    with store.transaction():
        store.db["incidents"].update(incident_id, {"updated_at": now_iso(), **({"status": status} if changes else {})})
        if changes:
            record_action(store, incident_id, "status", f"{changes['status_from']} → {status}")
        if note:
            _add_note(store, incident_id, note)
        store.audit("incident.update", {"incident": incident_id}, {**changes, "note": bool(note)})
    return get_incident(store, incident_id)


def list_incidents(store: Store, chat_id: int | None = None) -> list[dict[str, Any]]:
    """Incidents newest first, with their chat, flag count and the posters involved."""
    sql = """
        SELECT i.id, i.chat_id, c.name AS chat, i.title, i.status, i.created_at, i.updated_at,
               (SELECT count(*) FROM incident_flags x WHERE x.incident_id = i.id) AS flags,
               (SELECT group_concat(DISTINCT mem.name) FROM incident_flags x JOIN flags f ON f.id = x.flag_id
                 JOIN members mem ON mem.id = f.member_id WHERE x.incident_id = i.id) AS members
        FROM incidents i JOIN chats c ON c.id = i.chat_id
    """
    params: list[Any] = []
    if chat_id is not None:
        sql += " WHERE i.chat_id = ?"
        params.append(chat_id)
    return store.query(sql + " ORDER BY i.id DESC", params)
