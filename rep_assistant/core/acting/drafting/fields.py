"""The values a draft template can use, gathered from flags, messages, members, the incident and settings.

Sentences about what the rep already did are built here from incident_actions and
member_events, so the school notification states facts from the record rather than memory;
every other sentence that states a fact comes from ``facts`` with its condition.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from rep_assistant.core.acting.drafting import facts
from rep_assistant.core.acting.incidents import flag_details, get_incident, incidents_for_flag
from rep_assistant.core.acting.redaction import Redactor
from rep_assistant.core.acting.register import member_events, sync_chat_events
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

EXCERPT_CHARS = 200

#: What copying a draft of each kind means, in the rep's own voice, for "what I have done so far".
_DRAFT_DONE = {
    "removal-request": "prepared a private, polite request asking the poster to delete the message",
    "group-reminder": "prepared a gentle reminder of the guideline for the whole group, naming nobody",
    "warning": "prepared a private, friendly warning to the poster",
    "removal-notice": "prepared a private message to the member explaining the removal",
}
_HOW = {"copied": "copied to send in WhatsApp", "mailto": "opened in my e-mail program", "eml": "saved as an e-mail draft",
        "saved": "saved as a text file"}


def _parse(ts: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(ts or "")
    except ValueError:
        return None


def nice_date(ts: str | None) -> str:
    """'Friday 13 March 2026': the day name helps a reader place a message in the week."""
    when = _parse(ts)
    return f"{when:%A} {when.day} {when:%B %Y}" if when else (ts or "an unknown date")[:10]


def nice_time(ts: str | None) -> str:
    when = _parse(ts)
    return f"{when:%H:%M}" if when else "an unknown time"


def short_stamp(ts: str | None) -> str:
    when = _parse(ts)
    return f"{when.day} {when:%b %Y %H:%M}" if when else (ts or "")[:16]


def excerpt(row: dict[str, Any], limit: int = EXCERPT_CHARS, mask: Redactor | None = None) -> str:
    """A one-line excerpt of a flagged message: enough to recognise it, not the whole thread."""
    if row.get("purged_at"):
        return "(the message text is no longer held: it was deleted under the retention setting)"
    text = " ".join((row.get("text") or "").split())
    if mask is not None:
        text = mask.text(text)
    if row.get("media_name"):
        text = f"[attached: {row['media_name']}] {text}".strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def first_name(name: str | None, is_phone: bool, erased: bool = False) -> str:
    """How a private message greets its reader: a phone number or an erased member's pseudonym gets "there"."""
    if not name or is_phone or erased or not name[:1].isalpha():
        return "there"
    return name.split()[0]


def _actions_taken(store: Store, incident: dict[str, Any] | None, rows: Sequence[dict[str, Any]]) -> str:
    """Dated sentences from the incident's actions and the posters' register since the first flagged message."""
    done: list[tuple[str, str]] = []
    for action in (incident or {}).get("actions", []):
        verb = action["action"]
        if verb.startswith("draft.") and action["details"] in _DRAFT_DONE:
            done.append((action["at"], f"{_DRAFT_DONE[action['details']]} ({_HOW.get(verb[6:], verb[6:])})"))
        elif verb == "bundle.export":
            done.append((action["at"], "put together an incident bundle (report, messages in context, checksums)"))
    since = min((r["ts"] or "") for r in rows) if rows else None
    for member_id in dict.fromkeys(r["member_id"] for r in rows if r["member_id"]):
        for event in member_events(store, member_id=member_id, since=since):
            reason = f" ({event['reason']})" if event["reason"] and event["source"] == "app" else ""
            sentence = {
                "warning": f"gave {event['member']} a private warning{reason}",
                "removal": (f"removed {event['member']} from the group{reason}" if event["source"] == "app"
                            else f"{event['member']} was removed from the group in WhatsApp"),
                "readmission": (f"re-admitted {event['member']} to the group{reason}" if event["source"] == "app"
                                else f"{event['member']} was added back to the group in WhatsApp"),
                "left": f"{event['member']} left the group",
                "joined": f"{event['member']} joined the group",
            }[event["kind"]]
            done.append((event["at"], sentence))
    lines = list(dict.fromkeys(f"- {short_stamp(at)}: {text}" for at, text in sorted(done)))
    return "\n".join(lines) if lines else "- Nothing yet: I wanted to let you know first."


def bundle_notes(incident_id: int | None) -> tuple[str, str]:
    """The paragraph about the bundle (attached, not attached): only an .eml with the bundle may say "attached"."""
    if incident_id is None:
        plain = ("I have kept a record of the messages and can put together a full report with them in context "
                 "if that would help.")
        return plain, plain
    what = ("a short report with the messages in context, the guideline quoted in full and a record of what I have done, "
            "with other parents' contact details and children's names masked where the school does not need them")
    return (f"I have attached the incident bundle (incident {incident_id}): {what}.",
            f"I can send you the incident bundle (incident {incident_id}) if that would help: {what}.")


def draft_fields(store: Store, settings: Settings, *, flag_id: int | None = None,
                 incident_id: int | None = None, attached: bool = False) -> dict[str, str]:
    """Every field a template may use. Exactly one of flag_id / incident_id chooses the subject.

    ``attached`` says whether the incident bundle goes with the message (an .eml that carries it).
    """
    if (flag_id is None) == (incident_id is None):
        raise ValueError("draft_fields needs exactly one of flag_id and incident_id")
    if incident_id is None:
        incident_id = next(iter(incidents_for_flag(store, flag_id)), None)
        rows = flag_details(store, [flag_id])
    else:
        rows = []
    incident = get_incident(store, incident_id) if incident_id is not None else None
    if incident is not None and not rows:
        rows = flag_details(store, incident["flag_ids"])
    main = facts.most_serious(rows)
    sync_chat_events(store, main["chat_id"])  # removals done in WhatsApp count as actions taken
    # Contact details quoted in a post are masked as in the bundle: the school needs to know one was posted, not what it was.
    mask = Redactor(keep_names={r["member_name"] for r in rows if r["member_name"]},
                    allowed=[settings["school_phone"], settings["school_email"]], enabled=bool(settings["redact_bundles"]))
    summary = "\n".join(
        f"- {nice_date(r['ts'])} at {nice_time(r['ts'])}, {r['member_name'] or 'a former member'} wrote: “{excerpt(r, mask=mask)}”"
        for r in rows)
    # Only the document's own clause numbers are shown; an unnumbered clause is quoted alone.
    clauses = "\n".join(dict.fromkeys(f"- {r['clause_id'] + ': ' if r['clause_id'] else ''}“{r['clause_text'].strip()}”" for r in rows))
    contact = settings["school_email"] or settings["school_phone"]  # confirmed in Settings, or nothing
    school_contact = contact or "the school office"  # kept for the rep's own templates
    route = facts.route(settings["school_escalation"])
    many = len(rows) > 1
    attached_note, plain_note = bundle_notes(incident_id)
    warned_at = facts.earlier_warning(store, main["member_id"])
    return {
        "rep_name": settings["rep_name"] or "Your class rep",
        "school_name": settings["school_name"] or "the school",
        "school_email": settings["school_email"],
        "school_phone": settings["school_phone"],
        "school_contact": school_contact,
        "school_greeting": facts.greeting(settings["school_name"]),
        "escalation_route": route,
        "raise_concerns": facts.concerns_sentence(route, contact),
        "passing_on": facts.passing_on_sentence(route),
        "group_name": main["chat_name"],
        "today": nice_date(dt.date.today().isoformat()),
        "member_name": main["member_name"] or "a former member",
        "member_first_name": first_name(main["member_name"], bool(main["member_is_phone"]), bool(main["member_erased_at"])),
        "message_date": nice_date(main["ts"]),
        "message_time": nice_time(main["ts"]),
        "message_excerpt": excerpt(main, mask=mask),
        "category": main["category"],
        "explanation": main["explanation"],
        "policy_id": main["policy_id"],
        "clause_id": main["clause_id"],
        "clause_text": main["clause_text"].strip(),
        "clauses": clauses,
        "messages_summary": summary,
        "posts_word": f"{len(rows)} posts" if many else "a post",
        "posts_verb": "fall" if many else "falls",
        "guideline_word": "guidelines" if clauses.count("\n") else "guideline",
        "flag_count": str(len(rows)),
        "incident_id": "" if incident_id is None else str(incident_id),
        "incident_status": incident["status"] if incident else "",
        "actions_taken": _actions_taken(store, incident, rows),
        "bundle_note": attached_note if attached else plain_note,
        "tone": facts.tone_for(rows),
        "why_it_matters": facts.why_it_matters(main["category"]),
        "guidelines": facts.guidelines_phrase(main["policy_id"], settings["school_name"]),
        "school_told": facts.school_sentence(facts.school_was_told(store, incident), contact),
        "removal": facts.removal_sentence(facts.removed_from_group(store, main["member_id"])),
        "earlier_warning": facts.warning_sentence(warned_at, nice_date(warned_at)),
    }
