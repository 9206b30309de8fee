"""The incident report: everything the school needs about one incident, as one HTML page.

Gathering (``incident_evidence``) is separate from rendering (``report_html``) because the
bundle writes the same evidence as files too (messages, clauses, audit entries). The HTML
keeps to what QTextDocument understands (tables, simple CSS) so the same page becomes the PDF.
"""

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from rep_assistant.core.acting import redaction
from rep_assistant.core.acting.drafting.fields import nice_date, nice_time, short_stamp
from rep_assistant.core.acting.incidents import flag_details, get_incident
from rep_assistant.core.acting.redaction import Redactor
from rep_assistant.core.acting.register import member_events, sync_chat_events
from rep_assistant.core.duties import audit
from rep_assistant.core.duties.audit_sentences import Names, sentence
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

CONTEXT_MESSAGES = 3

_MESSAGE_SQL = """
SELECT m.id, m.seq, m.ts, m.kind, m.text, m.media_name, m.media_sha256, m.purged_at, m.system_event,
       mem.name AS author
FROM messages m LEFT JOIN members mem ON mem.id = m.member_id
WHERE m.chat_id = ? AND m.seq BETWEEN ? AND ? ORDER BY m.seq
"""


def _segments(store: Store, chat_id: int, flags: Sequence[dict[str, Any]], context: int) -> list[list[dict[str, Any]]]:
    """Runs of messages around the flagged ones, overlapping windows merged."""
    windows: list[list[int]] = []
    for seq in sorted({f["seq"] for f in flags if f["seq"] is not None}):
        if windows and seq - context <= windows[-1][1] + 1:
            windows[-1][1] = seq + context
        else:
            windows.append([seq - context, seq + context])
    flagged: dict[int, list[int]] = {}
    for f in flags:
        flagged.setdefault(f["message_id"], []).append(f["flag_id"])
    segments = []
    for low, high in windows:
        rows = store.query(_MESSAGE_SQL, [chat_id, low, high])
        for row in rows:
            row["flags"] = flagged.get(row["id"], [])
        segments.append(rows)
    return segments


def incident_evidence(store: Store, incident_id: int, settings: Settings, *, redact: bool = True,
                      context: int = CONTEXT_MESSAGES) -> dict[str, Any]:
    """Everything a bundle holds about the incident, with the Redactor that must be applied to it."""
    incident = get_incident(store, incident_id)
    sync_chat_events(store, incident["chat_id"])
    flags = flag_details(store, incident["flag_ids"])
    segments = _segments(store, incident["chat_id"], flags, context)
    posters = {f["member_name"] for f in flags if f["member_name"]}
    redactor = redaction.for_chats(
        store, [incident["chat_id"]],
        keep_names=posters | ({settings["rep_name"]} if settings["rep_name"] else set()),
        keep_children=redaction.children_named(f["text"] or "" for f in flags),
        allowed=[settings["school_phone"], settings["school_email"]],
        enabled=redact,
    )
    poster_ids = {f["member_id"] for f in flags if f["member_id"]}
    since = min((f["ts"] or "") for f in flags) if flags else None
    events = [e for e in member_events(store, chat_id=incident["chat_id"], since=since) if e["member_id"] in poster_ids]
    media = store.query(
        "SELECT DISTINCT md.sha256, md.size, md.original_name, md.stored_name FROM media md JOIN messages m "
        f"ON m.media_sha256 = md.sha256 WHERE m.id IN ({','.join('?' * len(flags))})", [f["message_id"] for f in flags])
    entries = audit.entries(store.db.conn, about={"incident": [incident_id], "flag": incident["flag_ids"]})
    names = Names(store, person=redactor.name)
    return {
        "incident": incident, "flags": flags, "segments": segments, "events": events, "media": media,
        "audit": entries,
        # The same entries as sentences, names masked like the rest of the report: the school reads these.
        "audit_sentences": {e["id"]: sentence(e, names, who="The rep") for e in entries},
        "clauses": list({(f["policy_id"], f["clause_id"]): {"policy_id": f["policy_id"], "clause_id": f["clause_id"],
                                                           "clause_text": f["clause_text"]} for f in flags}.values()),
        "settings": {k: settings[k] for k in ("rep_name", "school_name", "school_email", "school_phone")},
        "redacted": redact, "redactor": redactor, "generated_at": dt.datetime.now().replace(microsecond=0).isoformat(),
    }


def _e(text: Any) -> str:
    return html.escape(str(text if text is not None else ""))


def message_text(row: dict[str, Any], redactor: Redactor) -> str:
    """A message's visible text, masked; purged and media-only messages say so."""
    if row.get("purged_at"):
        return "(text deleted under the retention setting)"
    text = redactor.text(row.get("text") or "")
    if row.get("media_name"):
        text = f"[attachment: {row['media_name']}] {text}".strip()
    return text


_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9pt; color: #1d1d1f; }
h1 { font-size: 15pt; color: #17324d; margin-bottom: 2pt; }
h2 { font-size: 11.5pt; color: #17324d; margin-top: 16pt; border-bottom: 1px solid #b8c4d0; }
p.lead { color: #4a5560; }
td { vertical-align: top; }
td.day { color: #17324d; font-weight: bold; background-color: #eef2f6; }
td.when { color: #5b6670; }
td.who { font-weight: bold; }
tr.flagged { background-color: #fff1e6; }
td.flagnote { color: #8a3b00; font-size: 8.5pt; }
blockquote { margin: 4pt 0 8pt 12pt; color: #263340; font-style: italic; }
table.audit { font-size: 8pt; }
.small { font-size: 8.5pt; color: #5b6670; }
"""


def _section_messages(evidence: dict[str, Any], redactor: Redactor) -> list[str]:
    flags_by_id = {f["flag_id"]: f for f in evidence["flags"]}
    out = ["<h2>The flagged messages, in context</h2>",
           f"<p class='lead'>Each flagged message is shown with up to {CONTEXT_MESSAGES} messages before and after it. "
           "Flagged messages are shaded; a line with a different date starts each day.</p>"]
    for segment in evidence["segments"]:
        out.append("<table class='msgs' width='100%' cellspacing='0' cellpadding='4'>")
        day = None
        for row in segment:
            if (row["ts"] or "")[:10] != day:
                day = (row["ts"] or "")[:10]
                out.append(f"<tr><td colspan='3' class='day'>{_e(nice_date(row['ts']))}</td></tr>")
            css = " class='flagged'" if row["flags"] else ""
            author = redactor.name(row["author"]) if row["author"] else "(group notice)"
            out.append(f"<tr{css}><td class='when' width='9%'>{_e(nice_time(row['ts']))}</td>"
                       f"<td class='who' width='20%'>{_e(author)}</td><td>{_e(message_text(row, redactor))}</td></tr>")
            for flag_id in row["flags"]:
                f = flags_by_id[flag_id]
                out.append(f"<tr class='flagged'><td></td><td class='flagnote'>Flag {flag_id}</td><td class='flagnote'>"
                           f"{_e(f['category'])}{', clause ' + _e(f['clause_id']) if f['clause_id'] else ''}: "
                           f"{_e(redactor.text(f['explanation']))}</td></tr>")
        out.append("</table>")
    return out


_HOW = {"copied": "copied to the clipboard", "mailto": "opened in the e-mail program", "eml": "saved as an e-mail draft",
        "saved": "saved as a text file"}
_EVENT_WORDS = {"warning": "warning given to", "removal": "removal of", "readmission": "re-admission of",
                "left": "left the group:", "joined": "joined the group:"}


_REGISTER_ACTIONS = {"member.warn": "Warning recorded for {member}", "member.remove": "Removal of {member} recorded",
                     "member.readmit": "Re-admission of {member} recorded"}


def describe_action(action: dict[str, Any], names: Names | None = None) -> str:
    """An incident action in words (incident_actions stores short codes); ``names`` resolves a member's id."""
    verb, details = action["action"], action["details"]
    if verb.startswith("draft."):
        return f"Draft \"{details.replace('-', ' ')}\" {_HOW.get(verb[6:], verb[6:])}"
    if verb in _REGISTER_ACTIONS:
        member_id = details.removeprefix("member ")
        member = names.member(int(member_id)) if names is not None and member_id.isdigit() else "the member"
        return _REGISTER_ACTIONS[verb].format(member=member)
    count = details.split(" ")[0]  # "2 flag(s)", as incidents.py writes it
    flags = f"{count} flagged message{'' if count == '1' else 's'}" if count.isdigit() else details
    return {
        "created": f"Incident opened with {flags}",
        "status": f"Status changed: {details}",
        "flags.added": f"{flags.capitalize()} added",
        "bundle.export": f"Incident bundle exported ({details})",
    }.get(verb, verb.replace(".", " ").capitalize() + (f" ({details})" if details else ""))


def _section_actions(evidence: dict[str, Any], redactor: Redactor) -> list[str]:
    out = ["<h2>What the rep has done</h2>"]
    items = [(a["at"], describe_action(a)) for a in evidence["incident"]["actions"] if not a["action"].startswith("member.")]
    items += [(e["at"], f"Register: {_EVENT_WORDS[e['kind']]} {redactor.name(e['member'])}"
               + (f" ({redactor.text(e['reason'])})" if e["reason"] and e["source"] == "app" else "")
               + (" (done in WhatsApp, seen in the chat export)" if e["source"] == "chat" else "")) for e in evidence["events"]]
    out.append("<ul>" + "".join(f"<li>{_e(short_stamp(at))}: {_e(text)}</li>" for at, text in sorted(items, key=lambda item: item[0])) + "</ul>")
    if evidence["incident"]["notes"]:
        out.append("<h2>The rep's notes</h2><ul>")
        out += [f"<li>{_e(short_stamp(n['created_at']))}: {_e(redactor.text(n['text']))}</li>" for n in evidence["incident"]["notes"]]
        out.append("</ul>")
    return out


def report_html(evidence: dict[str, Any]) -> str:
    """The whole report as one self-contained HTML page (masked unless redaction was turned off)."""
    redactor: Redactor = evidence["redactor"]
    incident, settings = evidence["incident"], evidence["settings"]
    posters = sorted({f["member_name"] for f in evidence["flags"] if f["member_name"]})
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Incident {incident['id']}</title>",
           f"<style>{_CSS}</style></head><body>",
           f"<h1>Incident report: {_e(redactor.text(incident['title']))}</h1>",
           f"<p class='lead'>Prepared for {_e(settings['school_name'] or 'the school')} by the class rep of "
           f"{_e(incident['chat_name'])}.</p>",
           "<table class='meta' cellspacing='0' cellpadding='2'>"]
    meta = [("Incident", f"{incident['id']} ({incident['status']})"), ("Class group", incident["chat_name"]),
            ("Opened", short_stamp(incident["created_at"])), ("Posted by", ", ".join(posters) or "a former member"),
            ("Flagged messages", str(len(evidence["flags"]))), ("Prepared by", settings["rep_name"] or "the class rep"),
            ("Prepared on", short_stamp(evidence["generated_at"])),
            ("Masking", "on: other parents' contact details and names, and children's names not needed, are masked"
             if evidence["redacted"] else "off: this bundle shows everything as posted")]
    out += [f"<tr><td width='24%'><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in meta]
    out.append("</table><p class='small'>Every file in this bundle is listed with its SHA-256 checksum in manifest.json; "
               "the audit entries' hashes at the end can be checked against the rep's tamper-evident log.</p>")
    out += _section_messages(evidence, redactor)
    out.append("<h2>The guidelines cited, word for word</h2>")
    for clause in evidence["clauses"]:
        out.append(f"<p><b>Clause {_e(clause['clause_id']) or '(unnumbered)'}</b> <span class='small'>({_e(clause['policy_id'])})</span></p>"
                   f"<blockquote>{_e(clause['clause_text'])}</blockquote>")
    out += _section_actions(evidence, redactor)
    if evidence["media"]:
        out.append("<h2>Attachments</h2><ul>")
        out += [f"<li>media/{_e(m['original_name'])} <span class='small'>SHA-256 {_e(m['sha256'])}</span></li>" for m in evidence["media"]]
        out.append("</ul>")
    out.append("<h2>Audit log entries</h2><p class='small'>The entries of the rep's tamper-evident log that concern this "
               "incident or its flags, in words; audit.json in this bundle holds them exactly as logged.</p>"
               "<table class='audit' width='100%' cellspacing='0' cellpadding='2'>")
    out.append("<tr><td width='6%'><b>#</b></td><td width='19%'><b>When</b></td><td><b>What was done</b></td>"
               "<td width='15%'><b>Entry hash</b></td></tr>")
    out += [f"<tr><td>{e['id']}</td><td>{_e(short_stamp(e['at']))}</td><td>{_e(evidence['audit_sentences'][e['id']])}</td>"
            f"<td>{_e(e['hash'][:10])}</td></tr>" for e in evidence["audit"]]
    out.append("</table></body></html>")
    return "\n".join(out)
