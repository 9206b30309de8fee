"""Subject access: everything the store holds about one person, as a document they can read.

A parent who asks "what do you hold about me?" is owed a copy they can read and one a program
can read, so the export is a pair written side by side: ``NAME.html`` (a letter-like document
in plain sentences that opens in any browser: no scripts, no remote resources) and
``NAME.json`` (the same content, structured). Both are created readable only by the rep's user
account, and handed over only once the export's audit entry has committed.

Under UK GDPR a reply to a subject-access request must not disclose other people's data, so
everyone else is masked exactly as in an incident bundle: other members become "Parent A",
children "Child A", other people's numbers and e-mails are masked (``redaction``), in both files.

Like erasure, it covers the person wherever that exact name posts (the rep's one-to-one chat
with them too). It covers their messages, system events naming them (added, removed, left...),
flags about their messages and the decisions on them, the rep's notes (the ones erasure would
delete and the others that mention them, so the erasure preview counts the same), the register
(warnings, removals), incidents involving their flags with the actions taken, and the audit
entries about them.
"""

import html
import json
from pathlib import Path
from typing import Any

from rep_assistant.core.acting import redaction
from rep_assistant.core.acting.drafting.fields import nice_date, nice_time, short_stamp
from rep_assistant.core.acting.report import describe_action
from rep_assistant.core.duties import audit, scratch
from rep_assistant.core.duties.erasure import find_member, name_pattern, notes_about, same_person
from rep_assistant.core.errors import RepError
from rep_assistant.core.store import Store, now_iso

#: Section titles, in the order the readable file shows them.
SECTIONS = {
    "messages": "Your messages",
    "system_events": "Group events naming you",
    "flags": "Your messages flagged under the code of conduct",
    "decisions": "The rep's decisions on those flags",
    "notes": "The rep's notes about you",
    "register": "Warnings, removals and other register entries about you",
    "incidents": "Incidents involving your messages",
    "incident_actions": "Actions taken on those incidents",
    "audit": "Audit log entries about you",
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
    mentions = name_pattern(store, member, tuple(ids), first_name=True)
    note_ids = sorted(set(notes_about(store, tuple(ids))) | {
        note_id for note_id, text in store.db.conn.execute("SELECT id, text FROM notes")
        if any(not m.groupdict().get("other") for m in mentions.finditer(text))})
    record = {
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
        "notes": q(f"SELECT id, text, created_at, actor, flag_id, incident_id FROM notes WHERE id IN ({_marks(note_ids)}) "
                   "ORDER BY id", note_ids),
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
    return _masked(record, redaction.for_chats(store, chat_ids, keep_names={name}))


#: The fields that may name or quote someone else, per section (ids, dates and codes never do).
_FREE_TEXT = {"messages": ("chat", "text", "media_name"), "system_events": ("chat", "actor", "target", "text"),
              "flags": ("explanation",), "notes": ("text",), "register": ("reason",), "incidents": ("title",),
              "incident_actions": ("details",)}


def _masked(record: dict[str, Any], mask: redaction.Redactor) -> dict[str, Any]:
    """The record with everyone but the subject masked, as in a bundle (UK GDPR: a reply discloses nobody else)."""
    subject = record["subject"]
    subject["chat"] = mask.text(subject["chat"])
    subject["also_in_chats"] = [mask.text(c) for c in subject["also_in_chats"]]
    for section, fields in _FREE_TEXT.items():
        for row in record[section]:
            for key in fields:
                if isinstance(row.get(key), str):
                    row[key] = mask.text(row[key])
    record["masking"] = ("Other people are not named: other members are shown as Parent A, Parent B..., children as "
                         "Child A..., and other people's phone numbers and e-mail addresses are masked.")
    return record


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values)) or "NULL"


_CSS = ("body{font:15px/1.5 sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1d1d1f}"
        "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ccc}"
        "li{margin:.35em 0}.when{color:#555}.quote{font-style:italic}.small{color:#555;font-size:.9em}")


def _when(ts: str | None) -> str:
    return f"{nice_date(ts)} at {nice_time(ts)}" if ts else "an unknown date"


def _items(rows: list[dict[str, Any]], sentence: Any) -> str:
    if not rows:
        return "<p>None.</p>"
    return "<ul>" + "".join(f"<li>{sentence(row)}</li>" for row in rows) + "</ul>"


def render_html(record: dict[str, Any]) -> str:
    """The readable document: one short sentence per thing held, in the order a person would ask about them."""
    esc = html.escape
    subject = record["subject"]
    chats = [subject["chat"], *subject["also_in_chats"]]

    def message(m: dict[str, Any]) -> str:
        if m.get("purged_at"):
            body = "<i>(the text was deleted under the rep's retention setting)</i>"
        else:
            body = f"<span class='quote'>“{esc(m['text'] or '')}”</span>"
            if m.get("media_name"):
                body += f" (with a file: {esc(m['media_name'])})"
        edited = " (edited)" if m.get("edited") else ""
        return f"<span class='when'>{esc(_when(m['time']))}, in {esc(m['chat'])}{edited}:</span> {body}"

    def flag(f: dict[str, Any]) -> str:
        what = "a possible breach" if f["severity"] == "breach" else "something worth a look"
        return (f"Your message of {esc(_when(f['message_time']))} was flagged as {what} of the group's code of conduct "
                f"({esc(f['category'].replace('_', ' '))}, clause {esc(f['clause_id'])}): "
                f"<span class='quote'>“{esc(f['clause_text'].strip())}”</span>. The reason given: {esc(f['explanation'].split(' — ')[0])}. "
                f"Its status now: {esc(f['status'])}.")

    sentences = {
        "messages": message,
        "system_events": lambda e: f"<span class='when'>{esc(_when(e['time']))}, in {esc(e['chat'])}:</span> {esc(e['text'] or e['system_event'] or '')}",
        "flags": flag,
        "decisions": lambda d: f"{esc(short_stamp(d['decided_at']))}: {esc(d['actor'])} changed flag {d['flag_id']} "
                               f"from “{esc(d['old_status'])}” to “{esc(d['new_status'])}”.",
        "notes": lambda n: f"{esc(short_stamp(n['created_at']))}, written by {esc(n['actor'])}: "
                           f"<span class='quote'>“{esc(n['text'])}”</span>",
        "register": lambda r: f"{esc(short_stamp(r['at']))}: {esc(r['kind'])}"
                              + (f", because: {esc(r['reason'])}" if r["reason"] else "")
                              + (f" (clause {esc(r['clause_id'])})" if r.get("clause_id") else "")
                              + (" (seen in the chat export)" if r["source"] == "chat" else f", recorded by {esc(r['actor'])}") + ".",
        "incidents": lambda i: f"Incident {i['id']}, “{esc(i['title'])}”, opened {esc(short_stamp(i['created_at']))}; "
                               f"status: {esc(i['status'])}.",
        "incident_actions": lambda a: f"{esc(short_stamp(a['at']))}: {esc(describe_action(a))} (incident {a['incident_id']}).",
        "audit": lambda e: f"{esc(short_stamp(e['at']))}: entry {e['id']} of the rep's audit log, “{esc(e['action'])}”.",
    }
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>What is held about {esc(subject['name'])}</title><style>{_CSS}</style></head><body>",
        f"<h1>What the class rep holds about {esc(subject['name'])}</h1>",
        f"<p>This is a copy of everything Rep Assistant, the class rep's moderation tool, holds about you, "
        f"{esc(subject['name'])}, from the WhatsApp group{'s' if len(chats) > 1 else ''} "
        f"{', '.join(f'<b>{esc(c)}</b>' for c in chats)}, as it stood on {esc(_when(record['exported_at']))}. "
        "Nothing else about you is stored in it.</p>",
        f"<p class='small'>{esc(record['masking'])} The same content, for a computer program, is in the .json file "
        "that came with this page.</p>",
    ]
    for key, title in SECTIONS.items():
        rows = record[key]
        parts.append(f"<h2>{esc(title)} ({len(rows)})</h2>")
        parts.append(_items(rows, sentences[key]))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def output_paths(out: Path) -> tuple[Path, Path]:
    """``report``, ``report.html`` or ``report.json`` all mean report.html + report.json."""
    base = out.with_suffix("") if out.suffix.lower() in {".html", ".htm", ".json"} else out
    return base.with_name(base.name + ".html"), base.with_name(base.name + ".json")


def export(store: Store, chat: str, author: str, out: Path) -> tuple[Path, Path, dict[str, int]]:
    """Write the pair, handing both over only after ``member.export`` has committed (see ``scratch.handover``)."""
    record = collect(store, chat, author)
    html_path, json_path = output_paths(out)
    if not html_path.parent.is_dir():
        raise RepError(f"The folder {html_path.parent} does not exist; create it or choose another.")
    counts = {key: len(record[key]) for key in SECTIONS}
    member_id = record["subject"]["member_id"]

    def recorded() -> None:
        with store.transaction():
            store.audit("member.export", {"chat": store.scalar("SELECT chat_id FROM members WHERE id = ?", (member_id,)),
                                          "member": member_id},
                        {**counts, "paths_sha256": [scratch.path_digest(html_path), scratch.path_digest(json_path)]})

    files = [(json_path, (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8")),
             (html_path, render_html(record).encode("utf-8"))]
    try:
        scratch.handover(store.path, files, recorded)
    except OSError as exc:
        raise RepError(f"{html_path} cannot be written ({exc.strerror or exc}); choose a folder you can write to.") from exc
    return html_path, json_path, counts
