"""Audit entries as sentences a person reads: "You confirmed Sam Jones's message of 12 March 2026 as a breach".

The log stores ids and facts only (so erasure never touches it), which is right for the chain
and wrong for a reader: "flag.decide / chat=1, flag=10" means nothing to a rep or a school.
Here every kind of entry the app writes has a sentence, with ids resolved through the store
where the row still exists and a plain stand-in where it does not ("a member who has since
been erased"). The raw entry is untouched, so exports keep the exact fields.

Who did it is the caller's choice of words: "You" in the rep's own log (the app has one user;
the name recorded with each entry is shown beside it), the rep's name in a report for the
school. Sentences are past tense so either reads correctly.
"""

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from rep_assistant.core.acting.drafting.fields import nice_date
from rep_assistant.core.policy.categories import CATEGORIES
from rep_assistant.core.policy.library import DEFAULT_POLICY_ID
from rep_assistant.core.store import Store

Entry = dict[str, Any]

#: How each draft kind reads in a sentence (a rep's own template kind reads as its name).
DRAFT_KINDS = {
    "removal-request": "private request to delete a message",
    "group-reminder": "reminder to the group",
    "school-notification": "notification to the school",
    "removal-notice": "notice to a member being removed",
    "warning": "private warning",
}
#: A short label per kind, for a filter list: what a person would look for.
KIND_LABELS = {
    "import": "Chat imports",
    "scan": "Checks against the policy",
    "flag.decide": "Review decisions",
    "note.add": "Notes",
    "incident.create": "Incidents opened",
    "incident.update": "Incident changes",
    "member.warn": "Warnings",
    "member.remove": "Removals",
    "member.readmit": "Re-admissions",
    "register.sync": "Register updates from the chat",
    "bundle.export": "Incident bundles",
    "draft.create": "Drafts prepared (older versions)",
    "draft.use": "Drafts copied, e-mailed or saved",
    "settings.change": "Settings changes",
    "policy.import": "Policies imported",
    "policy.activate": "Policy choices",
    "member.export": "Subject-access exports",
    "member.erase": "Erasures",
    "purge": "Retention purges",
    "backup": "Backups",
    "restore": "Restores",
    "chat.rename": "Chats renamed",
    "flag.add": "Messages flagged by hand",
    "flag.remove": "Hand-made flags taken back",
    "flag.suppress": "Kinds of flag turned off in a chat",
    "flag.unsuppress": "Kinds of flag turned back on",
}


def _plural(count: Any, one: str, many: str | None = None) -> str:
    n = int(count or 0)
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _category(category: str | None) -> str:
    known = CATEGORIES.get(category or "")
    return known.label.lower() if known else (category or "an unknown category").replace("-", " ")


def _policy(policy_id: Any) -> str:
    return "the built-in model policy" if policy_id == DEFAULT_POLICY_ID else f"the policy “{policy_id}”"


class Names:
    """Ids to words through the store, each looked up once; ``person`` lets a report mask names its own way."""

    def __init__(self, store: Store, person: Callable[[str], str] = str) -> None:
        self._store = store
        self._person = person
        self.member = cache(self._member)
        self.flag = cache(self._flag)
        self.chat = cache(self._chat)
        self.incident = cache(self._incident)

    def _one(self, sql: str, key: Any) -> dict[str, Any] | None:
        if key is None:
            return None
        rows = self._store.query(sql, [key])
        return rows[0] if rows else None

    def _member(self, member_id: Any) -> str:
        row = self._one("SELECT name, erased_at FROM members WHERE id = ?", member_id)
        if row is None:
            return "a member no longer in the store"
        if row["erased_at"]:
            return "a member who has since been erased"
        return self._person(row["name"])

    def _flag(self, flag_id: Any) -> str:
        """'Sam Jones's message of 12 March 2026 (offensive language)'."""
        row = self._one("SELECT f.category, f.member_id, m.ts FROM flags f LEFT JOIN messages m ON m.id = f.message_id "
                        "WHERE f.id = ?", flag_id)
        if row is None:
            return "a flagged message no longer in the store"
        who = self.member(row["member_id"]) if row["member_id"] is not None else "a former member"
        owner = "the message of " + who if who.startswith(("a ", "an ")) else f"{who}'s message"
        when = f" of {nice_date(row['ts'])}" if row["ts"] else ""
        return f"{owner}{when} ({_category(row['category'])})"

    def _chat(self, chat_id: Any) -> str:
        row = self._one("SELECT name FROM chats WHERE id = ?", chat_id)
        return f"“{row['name']}”" if row else "a chat no longer in the store"

    def _incident(self, incident_id: Any) -> str:
        row = self._one("SELECT title FROM incidents WHERE id = ?", incident_id)
        return f"incident {incident_id} “{row['title']}”" if row else f"incident {incident_id}, no longer in the store"

    def flags(self, ids: Iterable[Any]) -> str:
        ids = list(ids)
        if len(ids) > 2:
            return _plural(len(ids), "flagged message")
        return " and ".join(self.flag(i) for i in ids) or "no flagged messages"


Describe = Callable[[str, Entry, Names], str]


def _import(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    return (f"{who} imported a chat export into {n.chat(e['objects'].get('chat'))}: {_plural(d.get('entries'), 'entry', 'entries')}, "
            f"{d.get('added', 0):,} new, {d.get('skipped', 0):,} already there, {_plural(d.get('media_added'), 'media file')} kept.")


def _scan(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    return (f"{who} checked {n.chat(e['objects'].get('chat'))} against {_policy(d.get('policy_id'))}: "
            f"{_plural(d.get('messages'), 'message')}, {_plural(d.get('flags_active'), 'flag')} "
            f"({d.get('flags_new', 0):,} new, {d.get('flags_retired', 0):,} no longer raised"
            f"{_kept_as_decided(d.get('flags_kept_as_decided', 0))}).")


def _kept_as_decided(n: int) -> str:
    return f", {n:,} kept because they had been decided" if n else ""


_DECISIONS = {"confirmed": "confirmed {flag} as a breach", "dismissed": "dismissed the flag on {flag} as not a breach",
              "snoozed": "snoozed the flag on {flag}", "new": "put the flag on {flag} back in the queue"}


def _decide(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    flag = n.flag(e["objects"].get("flag"))
    what = _DECISIONS.get(d.get("new"), "changed the flag on {flag} to “" + str(d.get("new")) + "”").format(flag=flag)
    until = f" until {nice_date(d['snoozed_until'])}" if d.get("snoozed_until") else ""
    undo = f" (undoing an earlier decision: it had been {d.get('old')})" if d.get("undo") else ""
    return f"{who} {what}{until}{undo}."


def _note(who: str, e: Entry, n: Names) -> str:
    o = e["objects"]
    about = n.flag(o["flag"]) if "flag" in o else f"the record of {n.member(o.get('member'))}"
    return f"{who} added a note ({_plural(e['details'].get('length'), 'character')}) to {about}."


def _incident_create(who: str, e: Entry, n: Names) -> str:
    o = e["objects"]
    with_note = " with a note" if e["details"].get("note") else ""
    return f"{who} opened {n.incident(o.get('incident'))} about {n.flags(o.get('flags', []))}{with_note}."


def _incident_update(who: str, e: Entry, n: Names) -> str:
    o, d = e["objects"], e["details"]
    incident = n.incident(o.get("incident"))
    parts = []
    if d.get("flags_added"):
        parts.append(f"added {n.flags(o.get('flags', []))} to {incident}")
    if d.get("status"):
        parts.append(f"changed {incident} from {d.get('status_from')} to {d['status']}")
    if d.get("note"):
        parts.append(f"added a note to {incident}")
    return f"{who} {' and '.join(parts) or 'updated ' + incident}."


def _register(verb: str) -> Describe:
    def describe(who: str, e: Entry, n: Names) -> str:
        o = e["objects"]
        member, chat = n.member(o.get("member")), n.chat(o.get("chat"))
        about = f", about {n.flag(o['flag'])}" if "flag" in o else ""
        clause = f", under guideline {e['details']['clause']}" if e["details"].get("clause") else ""
        return f"{who} recorded {verb.format(member=member, chat=chat)}{about}{clause}."
    return describe


def _sync(who: str, e: Entry, n: Names) -> str:
    count = _plural(e["details"].get("events_added"), "membership change")
    return f"The members register took in {count} (removals, departures, arrivals) seen in the export of {n.chat(e['objects'].get('chat'))}."


def _bundle(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    masked = "masked" if d.get("redacted") else "not masked"
    attached = ", attached to an e-mail draft" if d.get("attached_to") else ""
    return f"{who} exported an incident bundle for {n.incident(e['objects'].get('incident'))} ({masked}, {_plural(d.get('files'), 'file')}{attached})."


def _draft_about(e: Entry, n: Names) -> str:
    o = e["objects"]
    kind = e["details"].get("kind", "")
    label = DRAFT_KINDS.get(kind, f"“{kind.replace('-', ' ')}” message")
    about = n.incident(o["incident"]) if "incident" in o else n.flag(o.get("flag"))
    return f"the {label} about {about}"


_HOW = {"copied": "copied {draft} to paste and send", "mailto": "opened {draft} in the e-mail program",
        "eml": "saved {draft} as an e-mail draft", "saved": "saved {draft} as a text file"}


def _draft_use(who: str, e: Entry, n: Names) -> str:
    how = _HOW.get(e["details"].get("how"), "used {draft}")
    return f"{who} {how.format(draft=_draft_about(e, n))}."


def _draft_create(who: str, e: Entry, n: Names) -> str:
    return f"{who} filled in {_draft_about(e, n)} (an older version of the app noted every draft it showed, used or not)."


def _settings(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    values = d.get("values", {})
    changed = [name.replace("_", " ") + (f" (to {values[name]})" if name in values else "") for name in d.get("changed", [])]
    return f"{who} changed the settings: {', '.join(changed) or 'nothing'}."


def _policy_import(who: str, e: Entry, n: Names) -> str:
    clauses = e["details"].get("clauses")
    count = f" ({_plural(clauses, 'clause')})" if clauses is not None else ""
    return f"{who} imported {_policy(e['objects'].get('policy'))}{count}."


def _policy_activate(who: str, e: Entry, n: Names) -> str:
    previous = e["details"].get("previous")
    before = f", instead of {_policy(previous)}" if previous else ""
    return f"{who} chose {_policy(e['objects'].get('policy'))} as the one flags cite{before}."


_COUNTED = {"register": ("register entry", "register entries"), "audit": ("audit entry", "audit entries")}


def _member_export(who: str, e: Entry, n: Names) -> str:
    counts = [_plural(v, *_COUNTED.get(k, (k.replace("_", " ").removesuffix("s"),)))
              for k, v in e["details"].items() if isinstance(v, int) and not isinstance(v, bool)]
    held = f": {', '.join(counts)}" if counts else ""
    return f"{who} exported everything held about {n.member(e['objects'].get('member'))} (a subject-access request){held}."


def _erase(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    removed = f"{_plural(d.get('messages'), 'message')} and {_plural(d.get('media_files'), 'media file')} removed"
    if d.get("reapplied"):
        return (f"A member erased earlier came back with a newer export of {n.chat(e['objects'].get('chat'))} and was erased "
                f"again as {d.get('pseudonym')} ({removed}).")
    return f"{who} erased a member of {n.chat(e['objects'].get('chat'))}, who is now {d.get('pseudonym')} ({removed})."


def _purge(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    kept = d.get("kept_for_incidents")
    kept_text = f"; {_plural(kept, 'message')} kept for open incidents" if kept else ""
    return f"{who} deleted the text of {_plural(d.get('messages'), 'message')} from before {nice_date(d.get('cutoff'))} (retention){kept_text}."


def _backup(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    return f"{who} made a backup ({_plural(d.get('messages'), 'message')}, {_plural(d.get('audit_entries'), 'audit entry', 'audit entries')})."


def _restore(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    kept = ", keeping the previous data as a copy" if d.get("kept_previous") else ""
    return (f"{who} restored a backup ({_plural(d.get('messages'), 'message')}, "
            f"{_plural(d.get('audit_entries'), 'audit entry', 'audit entries')}){kept}.")


def _rename(who: str, e: Entry, n: Names) -> str:
    return f"{who} renamed a chat; it is now called {n.chat(e['objects'].get('chat'))}."


def _flag_add(who: str, e: Entry, n: Names) -> str:
    return f"{who} flagged {n.flag(e['objects'].get('flag'))} by hand as a breach."


def _flag_remove(who: str, e: Entry, n: Names) -> str:
    return f"{who} took back the hand-made flag on {n.flag(e['objects'].get('flag'))}."


def _flag_suppress(who: str, e: Entry, n: Names) -> str:
    d = e["details"]
    return (f"{who} dismissed {n.flag(e['objects'].get('flag'))} and asked not to be shown {_category(d.get('category'))} "
            f"flags of that kind in {n.chat(e['objects'].get('chat'))} again ({_plural(d.get('flags_retired'), 'other flag')} left the queue).")


def _flag_unsuppress(who: str, e: Entry, n: Names) -> str:
    return f"{who} turned a kind of flag back on in {n.chat(e['objects'].get('chat'))}."


SENTENCES: dict[str, Describe] = {
    "import": _import,
    "scan": _scan,
    "flag.decide": _decide,
    "note.add": _note,
    "incident.create": _incident_create,
    "incident.update": _incident_update,
    "member.warn": _register("a warning for {member}"),
    "member.remove": _register("the removal of {member} from {chat}"),
    "member.readmit": _register("the re-admission of {member} to {chat}"),
    "register.sync": _sync,
    "bundle.export": _bundle,
    "draft.create": _draft_create,
    "draft.use": _draft_use,
    "settings.change": _settings,
    "policy.import": _policy_import,
    "policy.activate": _policy_activate,
    "member.export": _member_export,
    "member.erase": _erase,
    "purge": _purge,
    "backup": _backup,
    "restore": _restore,
    "chat.rename": _rename,
    "flag.add": _flag_add,
    "flag.remove": _flag_remove,
    "flag.suppress": _flag_suppress,
    "flag.unsuppress": _flag_unsuppress,
}


def kind_label(kind: str) -> str:
    """What a filter list shows for a kind of entry."""
    return KIND_LABELS.get(kind, kind.replace(".", " ").replace("_", " ").capitalize())


def sentence(entry: Entry, names: Names, *, who: str = "You") -> str:
    """One entry as a sentence; a kind this version does not know still reads as words, not a code."""
    describe = SENTENCES.get(entry["action"])
    if describe is None:
        return f"{who} did something this version of the app has no words for ({kind_label(entry['action']).lower()})."
    return describe(who, entry, names)

