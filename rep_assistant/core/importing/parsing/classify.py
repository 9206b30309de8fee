"""Giving each entry its kind (message, system, media, deleted, poll, location, contact).

Most entries are ordinary messages, so the first question is a few substring tests that
rule out every special case at once; only entries that pass them meet the regexes. System
events keep who did what to whom (actor, target), because "removed" and "left" lines are
how the members register learns about removals.
"""

import re

from rep_assistant.core.importing.parsing import phrases
from rep_assistant.core.importing.parsing.header import MARKS

#: (kind, text, edited, media, system_event, actor, target, extra)
Kinded = tuple[str, str, bool, str | None, str | None, str | None, str | None, dict | None]

_LEAD_MARKS = "\u200e\u200f"
_STRIP_NAME = re.compile(f"[{MARKS}\ufeff]")
_PHONE = re.compile(r"\+?[\d\s\u00a0\u202f().\-\u2010\u2011]{6,}")

_EDITED = re.compile(rf"[\s{_LEAD_MARKS}]*<(?:{'|'.join(map(re.escape, phrases.EDITED))})>$")
_ANDROID_FILE = re.compile(rf"^[{_LEAD_MARKS}]*(?P<name>.+?) \((?P<tag>[^()\n]{{3,40}})\)$")
_IOS_FILE = re.compile(rf"<(?:{'|'.join(map(re.escape, phrases.ATTACHED_TAGS))}): ?(?P<name>[^<>\n]+)>")
_OLD_IOS_FILE = re.compile(r"^(?P<name>\S+\.\w{1,5}) <attached>$")
_BRACKETED = re.compile(r"^<[^<>\n]{3,40}>$")
_OMITTED = re.compile(
    rf"(?:{'|'.join(map(re.escape, phrases.OMITTED))})\.?$|^(?:{'|'.join(map(re.escape, phrases.OMITTED_OPENINGS))})"
)
_MAPS = r"https?://(?:maps\.google\.[a-z.]+|(?:www\.)?google\.[a-z.]+/maps|goo\.gl/maps|maps\.app\.goo\.gl|maps\.apple\.com|foursquare\.com)\S*"
_LOCATION = re.compile(rf"^(?:(?P<label>[^\n]{{1,80}}?):? )?(?P<url>{_MAPS})$")
_POLL_OPTION = re.compile(r"^OPTION: (?P<text>.*?)(?: \((?P<votes>\d+) votes?\))?$")

_Q = "[\"“”„«»]"
#: (event, pattern) tried in order on system bodies; names are cleaned afterwards.
_EVENTS: list[tuple[str, re.Pattern[str]]] = [
    (event, re.compile(pattern)) for event, pattern in [
        ("created", rf"^(?P<actor>.+?) created group {_Q}(?P<subject>.*){_Q}$"),
        ("created", r"^(?P<actor>.+?) created (?:this|the) group$"),  # iOS, with the group's name as the author
        ("created", r"^(?P<actor>.+?) (?:hat|hast) (?:diese|die) Gruppe erstellt\.?$"),
        ("created", rf"^(?P<actor>Du) hast die Gruppe {_Q}(?P<subject>.*){_Q} erstellt\.?$"),
        ("created", rf"^(?P<actor>.+?) hat die Gruppe {_Q}(?P<subject>.*){_Q} erstellt\.?$"),
        ("joined", r"^(?P<actor>.+?) joined using (?:this|a) group's invite link$"),
        ("joined", r"^(?P<actor>.+?) joined(?: from the community| via an invite request)?$"),
        ("joined", r"^(?P<actor>.+?) (?:bist|ist) der Gruppe über den Einladungslink beigetreten\.?$"),
        ("added", r"^(?P<target>You) were added$"),
        ("added", r"^(?P<actor>.+?) added (?P<target>.+)$"),
        ("added", r"^(?P<actor>Du) hast (?P<target>.+) hinzugefügt\.?$"),
        ("added", r"^(?P<actor>.+?) hat (?P<target>.+) hinzugefügt\.?$"),
        ("removed", r"^(?P<target>You) were removed$"),
        ("removed", r"^(?P<actor>.+?) removed (?P<target>.+)$"),
        ("removed", r"^(?P<actor>Du) hast (?P<target>.+) entfernt\.?$"),
        ("removed", r"^(?P<actor>.+?) hat (?P<target>.+) entfernt\.?$"),
        ("left", r"^(?P<actor>.+?) left$"),
        ("left", r"^(?P<actor>.+?) (?:hat|hast) die Gruppe verlassen\.?$"),
        ("number_changed", r"^(?P<actor>.+?) changed their phone number to a new number\..*$"),
        ("number_changed", r"^(?P<actor>.+?) changed to (?P<target>\+?[\d\s\u00a0().\-\u2011]{6,})$"),
        ("number_changed", r"^(?P<actor>.+?) changed their phone number(?: from .+)?(?: to (?P<target>.+))?$"),
        ("subject_changed", rf"^(?P<actor>.+?) changed the (?:subject|group name) (?:from {_Q}.*{_Q} )?to {_Q}(?P<subject>.*){_Q}$"),
        ("subject_changed", rf"^(?P<actor>Du) hast den Gruppennamen (?:von {_Q}.*{_Q} )?zu {_Q}(?P<subject>.*){_Q} geändert\.?$"),
        ("subject_changed", rf"^(?P<actor>.+?) hat den Gruppennamen (?:von {_Q}.*{_Q} )?zu {_Q}(?P<subject>.*){_Q} geändert\.?$"),
        ("description_changed", r"^(?P<actor>.+?) (?:changed|deleted) the group description$"),
        ("icon_changed", r"^(?P<actor>.+?) (?:changed|deleted|removed) (?:this|the) group(?:'s)? (?:icon|photo|picture)$"),
        ("icon_changed", r"^(?P<actor>Du) hast das Gruppenbild (?:geändert|gelöscht)\.?$"),
        ("icon_changed", r"^(?P<actor>.+?) hat das Gruppenbild (?:geändert|gelöscht)\.?$"),
        ("settings_changed", r"^(?P<actor>.+?) changed (?:this group's|the group) settings.*$"),
        ("admin", r"^(?P<target>You)'re now an admin$"),
        ("admin", r"^(?P<target>.+?) (?:is|are) now an admin$"),
        ("admin", r"^(?P<actor>.+?) (?:made|dismissed) (?P<target>.+?) (?:an|as) admin$"),
        ("disappearing_messages", r"^(?P<actor>.+?) (?:turned (?:on|off) disappearing messages|updated the message timer).*$"),
        ("security_code", r"^Your security code with (?P<target>.+?) changed\..*$"),
        ("pinned", r"^(?P<actor>.+?) pinned a message$"),
    ]
]
#: Openings that make an authored body worth a closer look (polls, admin deletes, old notices).
_SPECIAL_OPENINGS = ("POLL:", *phrases.DELETED_BY_ADMIN, *phrases.ENCRYPTION_OPENINGS)
_LIST_SPLIT = re.compile(r", | and | und ")  # the languages _EVENTS knows


def clean_name(name: str) -> str:
    """A name as shown: invisible marks and the ``~`` of unsaved contacts removed, spaces plain."""
    name = _STRIP_NAME.sub("", name).replace("\u00a0", " ").replace("\u202f", " ").strip()
    if name.startswith("~"):
        name = name[1:].strip()
    return name


def is_phone(name: str) -> bool:
    """Whether a member's name is a bare phone number (an unsaved contact)."""
    return bool(_PHONE.fullmatch(name)) and sum(c.isdigit() for c in name) >= 7


def _you(name: str | None) -> str | None:
    if name is None:
        return None
    name = clean_name(name)
    return "You" if name in phrases.YOU else name


def system_event(text: str) -> tuple[str | None, str | None, str | None, dict | None]:
    """(event, actor, target, extra) for a system body; event None when the wording is unknown."""
    if any(k in text for k in phrases.ENCRYPTION):
        return "encryption", None, None, None
    line = text.split("\n", 1)[0].strip().lstrip(_LEAD_MARKS)
    for event, pattern in _EVENTS:
        m = pattern.match(line)
        if m is None:
            continue
        groups = m.groupdict()
        actor, target = _you(groups.get("actor")), _you(groups.get("target"))
        extra: dict | None = None
        if groups.get("subject") is not None:
            extra = {"subject": groups["subject"]}
        if target and event in ("added", "removed") and _LIST_SPLIT.search(target):
            names = [_you(n) for n in _LIST_SPLIT.split(target) if n.strip()]
            extra = {**(extra or {}), "targets": names}
        if event in ("left", "joined") and target is None:
            target = actor
        return event, actor, target, extra
    return None, None, None, None


def _media(first: str, marked: bool) -> tuple[str, str | None] | None:
    """(kind, file name) when the first line is an attachment or a media placeholder."""
    if "<" in first:
        m = _IOS_FILE.search(first)
        if m:
            name = clean_name(m["name"])
            return ("contact" if name.lower().endswith(".vcf") else "media"), name
        if _BRACKETED.match(first):
            return "media", None
    if first.endswith(")"):
        m = _ANDROID_FILE.match(first)
        if m and (m["tag"] in phrases.FILE_ATTACHED or (" " not in m["name"] and "." in m["name"])):
            name = clean_name(m["name"])
            return ("contact" if name.lower().endswith(".vcf") else "media"), name
    if first.endswith("<attached>"):
        m = _OLD_IOS_FILE.match(first)
        if m:
            return "media", m["name"]
    # A document placeholder is "<title> ‎<n pages> ‎document omitted": the wording follows the last mark.
    if (marked or "\u200e" in first) and len(first) <= 100 and _OMITTED.search(first.rsplit("\u200e", 1)[-1]):
        return ("contact" if any(c in first for c in phrases.CONTACT_CARD) else "media"), None
    return None


def _poll(text: str) -> dict:
    lines = text.split("\n")
    question = lines[1] if len(lines) > 1 else ""
    options = []
    for line in lines[2:]:
        m = _POLL_OPTION.match(line)
        if m:
            options.append({"text": m["text"], "votes": int(m["votes"] or 0)})
    return {"question": question, "options": options}


def _location(text: str) -> dict | None:
    lines = text.split("\n")
    m = _LOCATION.match(lines[0])
    if m:
        return {"url": m["url"], "label": m["label"]} if m["label"] else {"url": m["url"]}
    if 2 <= len(lines) <= 4:
        m = _LOCATION.match(lines[-1])
        if m and not m["label"]:
            return {"url": m["url"], "place": "\n".join(lines[:-1])}
    return None


def classify(author: str | None, body: str) -> Kinded:
    """Kind and details for one entry's body (the text after ``Name: `` or after the header)."""
    marked = body[:1] in _LEAD_MARKS
    text = body.lstrip(_LEAD_MARKS) if marked else body
    edited = False
    if text.endswith(">") and "<" in text:
        m = _EDITED.search(text)
        if m:
            text, edited = text[: m.start()], True
    key = text.rstrip(".") if text.endswith(".") else text
    if key in phrases.DELETED:
        return "deleted", text, edited, None, None, None, None, None
    if author is None:
        event, actor, target, extra = system_event(text)
        return "system", text, edited, None, event, actor, target, extra
    if key in phrases.MISSED_CALLS:
        return "system", text, edited, None, "missed_call", author, None, None
    if key in phrases.LIVE_LOCATION:
        return "location", text, edited, None, None, None, None, {"live": True}
    if key in phrases.OMITTED_EXACT:
        return phrases.OMITTED_EXACT[key], text, edited, None, None, None, None, None
    if not (marked or "<" in text or ")" in text or "://" in text or "\u200e" in text
            or text.startswith(_SPECIAL_OPENINGS)):
        return "message", text, edited, None, None, None, None, None
    if text.startswith("POLL:"):
        return "poll", text, edited, None, None, None, None, _poll(text)
    if text.startswith(phrases.DELETED_BY_ADMIN):
        admin = text[len(phrases.DELETED_BY_ADMIN[0]):].rstrip(".") if text.startswith(phrases.DELETED_BY_ADMIN[0]) else None
        return "deleted", text, edited, None, None, _you(admin) if admin else None, author, {"by_admin": True}
    first = text.split("\n", 1)[0]
    media = _media(first, marked)
    if media is not None:
        return media[0], text, edited, media[1], None, None, None, None
    if "://" in text:
        where = _location(text)
        if where is not None:
            return "location", text, edited, None, None, None, None, where
    if marked or text.startswith(phrases.ENCRYPTION_OPENINGS):
        if body.startswith(("\u200e\u200e", "\u200f\u200f")) and ("\u200e" in text or "\u200f" in text):
            return "system", text, edited, None, "security_code", None, author, None
        event, actor, target, extra = system_event(text)
        if event is not None:
            return "system", text, edited, None, event, actor, target, extra
    return "message", text, edited, None, None, None, None, None
