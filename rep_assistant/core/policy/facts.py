"""School facts a code of conduct prints: the school's full name, its contact e-mail and phone,
who to escalate to, and the quiet hours it sets. They are read for the rep to confirm in
Settings (drafts and bundles address the school with them), never applied unseen.
"""

from collections import Counter
from collections.abc import Sequence

import regex

from rep_assistant.core.policy.model import Clause

#: Each fact → the setting it fills once the rep confirms it (drafts and bundles read the settings).
FACT_SETTINGS = {"school_name": "school_name", "school_email": "school_email", "school_phone": "school_phone",
                 "escalation": "school_escalation", "quiet_start": "quiet_start", "quiet_end": "quiet_end"}

_SUFFIXES = {"School", "Academy", "College", "Primary", "Infants", "Juniors", "Centre", "Center", "ETNS", "NS", "Gaelscoil", "Montessori"}
_CONNECTORS = {"of", "the", "and", "de", "la", "le", "upon", "on", "in", "y", "&", "for"}
_NOT_NAME = {"The", "A", "An", "Our", "This", "Your", "At", "Code", "WhatsApp", "Parent", "Parents", "Class", "Year", "Policy", "Conduct",
             "Welcome", "Dear", "All", "Any", "Every", "Each", "Please", "When", "If", "In", "To", "For", "Of", "Use", "Using",
             "Pupils", "Children", "Students", "Staff", "Teachers", "Families", "Carers", "Posting", "Photos", "Social", "Media"}
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.\-]*|&")
_EMAIL = regex.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = regex.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\d{1,5}|\(0\d{1,4}\)|0\d{1,4})[\s.-]?\d{2,4}[\s.-]?\d{3,4}(?:[\s.-]?\d{2,4})?\b")
_ESCALATE = regex.compile(
    r"(?<!\bof )(?:rais(?:e|ed|es|ing)|contact(?:ed|ing)?|speak(?:ing)? (?:to|with)|spoken (?:to|with)|talk(?:ing)? (?:to|with)|"
    r"report(?:ed|ing)?|approach(?:ed|ing)?|take|taken|bring|brought|address(?:ed)?|direct(?:ed)?|made through|notify|deal with)\b(?! by\b)[^.]{0,120}?\b"
    r"(?:class teacher|teacher|head ?teacher|head of \w+|principal|school office|office|senior lead\w*|leadership team|governors|"
    r"(?:nursery )?manage(?:r|ment)|key person|"
    r"family support|deputy head|the school directly)", regex.I)
_ROLE = regex.compile(
    r"(?:(?:the|your|a|an|their|our)\s+)?(?:member of (?:the )?)?(?:class teacher|teachers?\b|head ?teachers?|head of \w+|principal|"
    r"school office|office\b|senior lead\w*|leadership team|governors|family support|deputy head|school\b|college\b|academy\b|"
    r"parent concerned|group admin\w*|administrator|(?:nursery )?manage(?:r|ment)|key person)", regex.I)
# Where the route ends: what it is instead of, or the reason after it.
_ROUTE_END = regex.compile(r",?\s+(?:not (?:in|on|via|through)|rather than|instead of|as opposed to|if |who |so\b|that\b|because|where they)\b.*$|"
                           r"\s+(?:directly|privately|in person|first)\b.*$|,\s+\p{Ll}+ing\b.*$|['’]s attention\b.*$", regex.I)
_TIME = r"(\d{1,2})(?:[.:](\d\d))?\s*(am|pm|a\.m\.|p\.m\.)?"
_BEFORE_AFTER = regex.compile(rf"before\s+{_TIME}[^.]{{0,30}}?after\s+{_TIME}|after\s+{_TIME}[^.]{{0,30}}?before\s+{_TIME}", regex.I)
_BETWEEN = regex.compile(rf"(?:between\s+|from\s+|\b){_TIME}\s*(?:and|-|–|to|until)\s*{_TIME}", regex.I)


def school_name(lines: Sequence[str]) -> str:
    """The most often named school, kept whole with lower-case words inside ("St Mary of the Angels Catholic Primary School")."""
    names: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for line in lines:
        words = _WORD.findall(line)
        for i, word in enumerate(words):
            if word not in _SUFFIXES:
                continue
            end = i + 1
            while end < len(words) and words[end] in _SUFFIXES | {"School"}:
                end += 1
            if end < len(words) and words[end][:1].isupper() and words[end] not in _NOT_NAME:
                continue  # "School Events", "School Policy": the word describes something else
            start = i
            while start > 0 and (words[start - 1][:1].isupper() or words[start - 1] in _CONNECTORS) and words[start - 1] not in _NOT_NAME - {"The"}:
                start -= 1
            while start < i and (words[start] in _CONNECTORS or words[start] in _NOT_NAME):
                start += 1  # a name starts with a capitalised word of its own
            if start == i and word != "ETNS":
                continue  # "the School" alone is not a name
            name = " ".join(words[start:end]).strip(" .")
            names[name] += 1
            first_seen.setdefault(name, len(first_seen))
    if not names:  # "At St Eanswythe's, we ..." names the school without saying "School"
        for line in lines:
            m = regex.match(r"^At ((?:St\.? |Saint )?\p{Lu}[\w'’]+(?: (?:of|the|and|\p{Lu}[\w'’]+))*?),", line.strip())
            if m:
                return m.group(1)
        return ""
    return max(names, key=lambda n: (names[n], len(n.split()) > 1, -first_seen[n]))


def _hhmm(hour: str, minute: str | None, meridiem: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    mer = (meridiem or "").lower().replace(".", "")
    if mer == "pm" and h < 12:
        h += 12
    elif mer == "am" and h == 12:
        h = 0
    if not (0 <= h < 24 and 0 <= m < 60):
        return None
    return f"{h:02d}:{m:02d}"


def quiet_hours(text: str) -> tuple[str, str] | None:
    """(start, end) of the quiet hours a clause sets: "before 6am and after 8pm", "between 9 pm and 7 am"."""
    m = _BEFORE_AFTER.search(text)
    if m:
        g = m.groups()
        if g[0] is not None:
            end, start = _hhmm(*g[0:3]), _hhmm(*g[3:6])
        else:
            start, end = _hhmm(*g[6:9]), _hhmm(*g[9:12])
        return (start, end) if start and end else None
    for m in _BETWEEN.finditer(text):
        g = m.groups()
        if not (g[2] or g[5] or (g[1] and g[4])):
            continue  # "3 to 5" is not a time range: it needs am/pm or hh:mm
        start_mer = g[2] or ("pm" if g[5] and g[5].lower().startswith("a") else None)
        start, end = _hhmm(g[0], g[1], start_mer), _hhmm(*g[3:6])
        if start and end:
            return start, end
    return None


# A web page's contact block scraped without its layout glues the label to the value: "Emailoffice@…", "Telephone02 …".
_GLUED_LABEL = regex.compile(r"\b(e-?mail|telephone|tel|phone|mobile|fax)(?=[\w.+-]+@|[+(]?\d)", regex.I)
# Whom the sentence is about: the school's own practice ("Staff are advised…") names no route for parents.
_STAFF_SUBJECT = regex.compile(r"^(?:the |our |all )?(?:staff|teachers?|the school|school|we)\b", regex.I)


def escalation_route(text: str) -> str:
    """Who to take a concern to, short enough to follow "I am passing this to": "the class teacher, then the
    Headteacher" out of "Please raise concerns with the class teacher, then the Headteacher, not in the group.".
    Text that is not such a sentence (the rep's own "the class teacher") is kept as written."""
    text = " ".join(text.split()).strip().rstrip(".")
    verb = _ESCALATE.search(text)
    role = _ROLE.search(text, verb.start()) if verb else None
    if role is None:
        return text
    return _ROUTE_END.sub("", text[role.start():].split(". ")[0]).strip(" ,;:.")


def school_facts(text: str, clauses: Sequence[Clause]) -> dict[str, str]:
    """What the document says about the school, for the rep to confirm; keys only for what was found."""
    facts: dict[str, str] = {}
    text = _GLUED_LABEL.sub(r"\1 ", text)
    lines = [line for line in text.splitlines() if line.strip()]
    name = school_name(lines)
    if name:
        facts["school_name"] = name
    emails = _EMAIL.findall(text)
    if emails:
        preferred = [e for e in emails if regex.search(r"office|admin|head|info|enquir|school|principal|secretary", e, regex.I)]
        facts["school_email"] = (preferred or emails)[0]
    phones = [p for p in _PHONE.findall(text) if len(regex.sub(r"\D", "", p)) >= 10]
    if phones:
        facts["school_phone"] = " ".join(phones[0].split())
    for clause in clauses:
        sentence = next((s for s in regex.split(r"(?<=[.!?])\s+", clause.text)
                         if _ESCALATE.search(s) and not _STAFF_SUBJECT.match(s.strip())), None)
        if sentence:
            facts["escalation"] = escalation_route(sentence)[:160]
            break
    for clause in clauses:
        if "late-night" in clause.categories:
            hours = quiet_hours(clause.text)
            if hours:
                facts["quiet_start"], facts["quiet_end"] = hours
                break
    return facts
