"""The data duties in a parent's words: counts, lists, dates and the core's plans as sentences.

Why one module: the erase, purge and restore dialogs and the Data menu's status lines say the
same things ("1 message", "3 May 2025"); said in one place, they say them the same way.
"""

import datetime as dt

from rep_assistant.core.duties import erasure, retention
from rep_assistant.core.duties.backup import BackupInfo

#: What the rep would call the places erasure rewrites, by table (singular, plural).
_PLACES = {
    "messages": ("other message", "other messages"),
    "flags": ("flag", "flags"),
    "incidents": ("incident", "incidents"),
    "incident_actions": ("incident record", "incident records"),
    "notes": ("note", "notes"),
    "member_events": ("register entry", "register entries"),
    "chats": ("chat name", "chat names"),
    "imports": ("export file name", "export file names"),
    "media": ("photo name", "photo names"),
}
_OTHER_PLACE = ("other stored text", "other stored texts")


def count(n: int, singular: str, plural: str) -> str:
    return f"{n:,} {singular if n == 1 else plural}"


def listing(parts: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def day(ts: str) -> str:
    """A message time as a parent writes a date: 3 May 2025."""
    try:
        when = dt.date.fromisoformat(ts[:10])
    except ValueError:
        return ts
    return f"{when.day} {when:%b %Y}"


def describe_erasure(plan: erasure.ErasurePlan) -> str:
    """The core's erasure preview as the paragraphs the rep confirms."""
    member = plan.member
    removed = [count(plan.messages, "message", "messages") + f" by {member.name}"]
    if plan.media_files:
        removed.append(count(plan.media_files, "photo or file", "photos or files") + " only they sent")
    if plan.notes:
        removed.append(count(plan.notes, "note", "notes") + " of yours about them")
    if plan.register_reasons:
        removed.append("the reasons you wrote on " + count(plan.register_reasons, "register entry", "register entries"))
    if plan.exports:
        removed.append(count(len(plan.exports), "export", "exports") + " about them saved in Rep Assistant's data folder")
    places: dict[tuple[str, str], int] = {}
    for key, n in plan.mentions.items():
        noun = _PLACES.get(key.split(".")[0], _OTHER_PLACE)
        places[noun] = places.get(noun, 0) + n
    sentence = "This will permanently remove " + listing(removed)
    if places:
        sentence += ("," if len(removed) > 1 else "") + (f" and replace their name with '{member.pseudonym}' in "
                     + listing([count(n, *noun) for noun, n in sorted(places.items(), key=lambda item: -item[1])]))
    paragraphs = [sentence + "."]
    others = len(plan.member_ids) - 1
    if others:
        paragraphs.append(f"The same name also posts in {count(others, 'other chat', 'other chats')}; "
                          "they are erased there too (a person is the same person in every chat).")
    kept = f"Your {count(plan.flags, 'flag', 'flags')} on their messages, and your " if plan.flags else "Your "
    paragraphs.append(kept + f"decisions, incidents, warnings and removals stay on record under '{member.pseudonym}'"
                      + (", without the words the flags quoted." if plan.flags else "."))
    if plan.open_incidents:
        paragraphs.append(f"Careful: {count(plan.open_incidents, 'open incident involves', 'open incidents involve')} "
                          "their messages, and the school may still need them. Export the incident bundle first if so.")
    paragraphs.append("In your notes and reasons their first name alone is replaced too when no one else has it; "
                      "elsewhere a first name or nickname on its own is left as it is. Files you saved elsewhere or "
                      "already gave away (bundles, exports, backups) are outside Rep Assistant and are not changed.")
    paragraphs.append("The audit log keeps a record that you did this, without their name. This cannot be undone.")
    return "\n\n".join(paragraphs)


def describe_retention_setting(days: int) -> str:
    if not days:
        return ("Your retention setting keeps everything until you choose (File ▸ Settings). "
                "You can still delete old message text now:")
    return (f"Your retention setting keeps message text for {count(days, 'day', 'days')} (File ▸ Settings). "
            "This deletes the text older than that:")


def describe_purge(plan: retention.PurgePlan) -> str:
    if not plan.total and not plan.kept_for_incidents:
        return f"No message text from before {day(plan.cutoff)} is held. Nothing to delete."
    lines = [f"Message text from before {day(plan.cutoff)}: "
             + (count(plan.total, "message", "messages") + " in " + count(len(plan.chats), "chat", "chats")
                if plan.total else "nothing to delete") + "."]
    if plan.kept_for_incidents:
        lines.append(f"{count(plan.kept_for_incidents, 'message is', 'messages are')} kept because an open incident "
                     "needs them (with five messages either side); they go once the incident is resolved.")
    return "\n".join(lines)


def describe_backup(info: BackupInfo) -> str:
    return (f"This backup was checked and is intact: it holds {count(info.messages, 'message', 'messages')} and "
            f"{count(info.audit_entries, 'audit-log entry', 'audit-log entries')}, and its audit log has not been altered.")
