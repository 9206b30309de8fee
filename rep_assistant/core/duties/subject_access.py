"""Subject access: everything the store holds about one person, in files they can read.

A parent who asks "what do you hold about me?" is owed a copy they can read and one a program
can read, so the export is a pair written side by side: ``NAME.html`` (opens in any browser,
no scripts, no remote resources) and ``NAME.json`` (the same content, structured). Both are
created readable only by the rep's user account, since they hold personal data until handed over.

Like erasure, it covers the person wherever that exact name posts (the rep's one-to-one chat
with them too). It covers their messages, system events naming them (added, removed, left...), flags about
their messages and the decisions on them, notes, the register (warnings, removals), incidents
involving their flags with the actions taken, and the audit entries about them.
"""

import html
import json
from pathlib import Path
from typing import Any

from rep_assistant.core import paths
from rep_assistant.core.duties import audit
from rep_assistant.core.duties.erasure import find_member, same_person
from rep_assistant.core.errors import RepError
from rep_assistant.core.store import Store, now_iso

#: Section titles, in the order the readable file shows them.
SECTIONS = {
    "messages": "Messages they posted",
    "system_events": "Group events naming them",
    "flags": "Messages flagged under the code of conduct",
    "decisions": "The rep's decisions on those flags",
    "notes": "Notes",
    "register": "Warnings, removals and other register entries",
    "incidents": "Incidents involving their messages",
    "incident_actions": "Actions taken on those incidents",
    "audit": "Audit log entries about them",
}


def collect(store: Store, chat: str, author: str) -> dict[str, Any]:
    """The whole record about one person: the member of ``chat`` and the same name in the rep's other chats."""
    member = find_member(store, chat, author)
    q = store.query
    ids = list(same_person(store, member))
    name = member.name
    flags = q(
        "SELECT f.id, m.ts AS message_time, f.category, f.severity, f.policy_id, f.clause_id, f.clause_text, "
        f"f.explanation, f.status, f.active, f.created_at, f.updated_at FROM flags f "
        f"LEFT JOIN messages m ON m.id = f.message_id WHERE f.member_id IN ({_marks(ids)}) ORDER BY f.id", ids)
    flag_ids = [f["id"] for f in flags]
    incidents = q(
        "SELECT DISTINCT i.id, i.title, i.status, i.created_at, i.updated_at FROM incidents i "
        "JOIN incident_flags x ON x.incident_id = i.id "
        f"WHERE x.flag_id IN ({_marks(flag_ids)}) ORDER BY i.id", flag_ids)
    incident_ids = [i["id"] for i in incidents]
    chats = q(f"SELECT DISTINCT c.id, c.name FROM chats c JOIN members m ON m.chat_id = c.id WHERE m.id IN ({_marks(ids)}) "
              "ORDER BY c.id", ids)
    chat_ids = [c["id"] for c in chats]
    return {
        "subject": {"name": name, "chat": member.chat, "phone_number_author": member.is_phone, "member_id": member.id,
                    "also_in_chats": [c["name"] for c in chats if c["id"] != member.chat_id]},
        "exported_at": now_iso(),
        "messages": q(
            "SELECT m.id, c.name AS chat, m.ts AS time, m.kind, m.text, m.edited, m.media_name, m.purged_at "
            f"FROM messages m JOIN chats c ON c.id = m.chat_id WHERE m.member_id IN ({_marks(ids)}) ORDER BY m.chat_id, m.seq", ids),
        "system_events": q(
            "SELECT m.id, c.name AS chat, m.ts AS time, m.system_event, m.actor, m.target, m.text "
            f"FROM messages m JOIN chats c ON c.id = m.chat_id WHERE m.chat_id IN ({_marks(chat_ids)}) AND m.kind = 'system' "
            "AND (m.actor = ? OR m.target = ? OR EXISTS "
            "(SELECT 1 FROM json_each(CASE WHEN json_valid(m.extra) THEN m.extra END, '$.targets') WHERE value = ?)) "
            "ORDER BY m.chat_id, m.seq",
            [*chat_ids, name, name, name]),
        "flags": flags,
        "decisions": q(
            f"SELECT flag_id, old_status, new_status, decided_at, actor FROM decisions "
            f"WHERE flag_id IN ({_marks(flag_ids)}) ORDER BY id", flag_ids),
        "notes": q(
            f"SELECT id, text, created_at, actor, flag_id, incident_id FROM notes WHERE member_id IN ({_marks(ids)}) "
            f"OR flag_id IN ({_marks(flag_ids)}) OR incident_id IN ({_marks(incident_ids)}) ORDER BY id",
            [*ids, *flag_ids, *incident_ids]),
        "register": q(
            "SELECT kind, reason, clause_id, flag_id, incident_id, at, actor, source FROM member_events "
            f"WHERE member_id IN ({_marks(ids)}) ORDER BY at, id", ids),
        "incidents": incidents,
        "incident_actions": q(
            f"SELECT incident_id, action, details, at, actor FROM incident_actions "
            f"WHERE incident_id IN ({_marks(incident_ids)}) ORDER BY id", incident_ids),
        "audit": [
            {k: e[k] for k in ("id", "at", "actor", "action", "objects", "details")}
            for e in audit.entries(store.db.conn, about={"member": ids})
        ],
    }


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values)) or "NULL"


def render_html(record: dict[str, Any]) -> str:
    subject = record["subject"]
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Data held about {esc(subject['name'])}</title>",
        "<style>body{font:15px/1.4 sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse;width:100%;margin-bottom:1.5em}td,th{border:1px solid #999;padding:.3em;"
        "vertical-align:top;text-align:left}th{background:#eee}</style></head><body>",
        f"<h1>Data held about {esc(subject['name'])}</h1>",
        f"<p>In the WhatsApp group <b>{esc(subject['chat'])}</b>, as held by its class rep on {esc(record['exported_at'])}. "
        "Nothing else about this person is stored by Rep Assistant.</p>",
    ]
    for key, title in SECTIONS.items():
        rows = record[key]
        parts.append(f"<h2>{esc(title)} ({len(rows)})</h2>")
        if not rows:
            parts.append("<p>None.</p>")
            continue
        columns = list(rows[0])
        parts.append("<table><tr>" + "".join(f"<th>{esc(c.replace('_', ' '))}</th>" for c in columns) + "</tr>")
        for row in rows:
            cells = (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else "" if v is None else str(v) for v in row.values())
            parts.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def output_paths(out: Path) -> tuple[Path, Path]:
    """``report``, ``report.html`` or ``report.json`` all mean report.html + report.json."""
    base = out.with_suffix("") if out.suffix.lower() in {".html", ".htm", ".json"} else out
    return base.with_name(base.name + ".html"), base.with_name(base.name + ".json")


def export(store: Store, chat: str, author: str, out: Path) -> tuple[Path, Path, dict[str, int]]:
    """Write the pair and record ``member.export`` in the same transaction."""
    record = collect(store, chat, author)
    html_path, json_path = output_paths(out)
    if not html_path.parent.is_dir():
        raise RepError(f"The folder {html_path.parent} does not exist; create it or choose another.")
    counts = {key: len(record[key]) for key in SECTIONS}
    with store.transaction():
        member_id = record["subject"]["member_id"]
        store.audit("member.export", {"chat": store.scalar("SELECT chat_id FROM members WHERE id = ?", (member_id,)),
                                      "member": member_id}, counts)
        for path, text in ((json_path, json.dumps(record, indent=2, ensure_ascii=False) + "\n"),
                           (html_path, render_html(record))):
            try:
                paths.write_private(path, text)
            except OSError as exc:
                raise RepError(f"{path} cannot be written ({exc.strerror or exc}); choose a folder you can write to.") from exc
    return html_path, json_path, counts
