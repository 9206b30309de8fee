"""The few content checks written in Python; every other content rule is data (resources/rules/).

A rules file names one of these with ``check = "..."`` when the test is more than words in
a pattern: the curated swearing lexicon with its disguises, contact details checked against
the poster's own and the school's, and shouting in capitals told apart from acronyms. Each
returns a Hit (a sentence about the evidence plus spans) or None, and exits cheaply on the
ordinary message, as every check runs on every message.
"""

from collections.abc import Callable

import regex

from rep_assistant.core.detection.rules.lexicon import insults
from rep_assistant.core.detection.rules.model import Context, Hit
from rep_assistant.core.detection.rules.text import TITLE_NAME, Text, compile_i

# -- offensive language ------------------------------------------------------------------------

def _offensive(t: Text) -> Hit | None:
    hits = t.offensive
    if not hits:
        return None
    shown = ", ".join(f"'{t.raw[h.start:h.end]}'" for h in hits[:3])
    return Hit(f"Uses offensive language ({shown})", tuple((h.start, h.end) for h in hits))


_SELF = compile_i(r"\b(?:i'?m|i am|i was|i feel|me|myself|i've been)\s+(?:\w+\s+){0,3}$")


def _disguised_insult(t: Text) -> Hit | None:
    """A masked insulting noun ("such a b*tch"): the lexicon decodes it, the insult table says it is aimed at someone."""
    if "#mask" not in t.token_set:
        return None
    nouns = insults()
    spans = tuple((h.start, h.end) for h in t.offensive if nouns.get(h.word) == "noun" and not _SELF.search(t.raw[:h.start]))
    return Hit(f"Calls someone '{t.raw[spans[0][0]:spans[0][1]]}'", spans) if spans else None


# -- personal data -----------------------------------------------------------------------------

_PHONE = regex.compile(r"(?<![\d+])(?:(?:\+44\s?\(?0?\)?\s?|0044\s?|0)(?:7\d{3}\s?\d{3}\s?\d{3}|[12]\d{2,4}\s?\d{3,4}\s?\d{3,4}|"
    r"[38]\d{2}\s?\d{3}\s?\d{4}))(?!\d)")
_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = regex.compile(r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b)")
_STREET = compile_i(r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|"
    r"Gardens|Court|Place|Grove|Terrace|Mews|Hill|Park|Rise|View|Walk|Row|Square)\b")
_OWN_CONTACT = compile_i(r"\b(?:my|our)\s+(?:\w+\s+)?(?:number|mobile|phone|e-?mail|address|house|home)\b|\bme\s+(?:an?\s+)?(?:e-?mail|"
    r"text|message|call|line|ring)\b|\b(?:call|text|ring|email|e-mail|contact|message|whatsapp)\s+(?:me|us)\b|"
    r"\bme\s+(?:on|at)\b|\bat\s+ours\b|\bwe(?:'re|\s+are|\s+live)\b")
_NOT_POSSESSIVE = r"(?!(?:here|there|it|that|what|who|where|he|she|let)'s)"
_OTHERS_CONTACT = compile_i(rf"\b(?:{_NOT_POSSESSIVE}\w+'s|his|her|their|{TITLE_NAME})\s+(?:\w+\s+)?(?:number|mobile|phone|e-?mail|address|house|home)\b|"
    rf"\b(?:lives|living)\s+(?:at|on|in)\b|personal\s+(?:mobile|number|phone|e-?mail)|home\s+(?:address|number|phone)")
_ANY_DIGIT = regex.compile(r"\d")
_LIVES_ON = compile_i(r"\b(?:lives|living)\s+(?:at|on|in)\s+(?:\w+\s+){0,2}?(?-i:\p{Lu}\p{Ll}+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|"
    r"Close|Drive|Way|Crescent|Gardens|Court|Place|Grove|Terrace|Mews|Hill|Rise|View|Walk|Row|Square)\b")
_BULK_CONTACT = compile_i(
    r"\b(?:here's|here\s+(?:is|are)|attached|below|photo\s+of|screenshot\s+of|sharing|posting)\b[^.!?]{0,60}"
    r"(?:\b(?:everyone's|everybody's|all\s+the\s+(?:parents'|families'))\s+(?:home\s+)?(?:addresses|numbers|phone\s+numbers|e-?mails)\b"
    r"|\blist\s+(?:\w+\s+){0,2}with\s+(?:\w+\s+){0,2}(?:addresses|phone\s+numbers|numbers)\b)"
)
_SCHOOL_NUMBER = compile_i(r"\b(?:school|office|reception|main\s+number|attendance\s+line)\b")
_SCHOOL_EMAIL = compile_i(r"\.sch\.uk$|\.ac\.uk$|\.gov\.uk$|^(?:office|admin|enquiries|info|head|headteacher|school|pta)@")


def _sentence_before(raw: str, pos: int) -> str:
    """The words of the sentence that lead up to ``pos`` (at most 80 characters of them)."""
    before = raw[max(0, pos - 80):pos]
    return regex.split(r"[.!?\n]\s", before)[-1]


def _digits(s: str) -> str:
    d = regex.sub(r"\D", "", s)
    return "0" + d[2:] if d.startswith("44") else d[2:] if d.startswith("0044") else d


def _personal_contact(t: Text, ctx: Context) -> Hit | None:
    raw = t.raw
    author, school_phone, school_email = ctx.author, ctx.school_phone, ctx.school_email
    spans: list[tuple[int, int]] = []
    kinds: list[str] = []
    others = _OTHERS_CONTACT.search(raw)
    own = _OWN_CONTACT.search(raw) and not others
    if _ANY_DIGIT.search(raw):
        safe = {_digits(x) for x in (author, school_phone) if x}
        for m in _PHONE.finditer(raw):
            if _digits(m.group()) not in safe and not own and not _SCHOOL_NUMBER.search(_sentence_before(raw, m.start())):
                spans.append(m.span())
                kinds.append("phone number")
        if not own and (others or regex.search(r"\baddress\b", t.lower)):
            places = [m.span() for m in _STREET.finditer(raw)] + [m.span() for m in _POSTCODE.finditer(raw)]
            spans += places
            kinds += ["home address"] * bool(places)
    if "@" in raw:
        for m in _EMAIL.finditer(raw):
            addr = m.group().lower()
            if own or _SCHOOL_EMAIL.search(addr) or (school_email and addr == school_email.lower()):
                continue
            spans.append(m.span())
            kinds.append("e-mail address")
    if spans:
        what = " and ".join(dict.fromkeys(kinds))
        return Hit(f"Shares someone else's {what}", tuple(sorted(set(spans))))
    bulk = _BULK_CONTACT.search(raw)
    if bulk:
        return Hit("Shares other families' contact details", (bulk.span(),))
    lives = _LIVES_ON.search(raw)
    if lives:
        return Hit("Says where someone lives", (lives.span(),))
    if others and regex.search(r"personal\s+(?:mobile|number|phone|e-?mail)|home\s+address", t.lower):
        return Hit("Shares someone else's personal contact details", (others.span(),))
    return None



# -- shouting ---------------------------------------------------------------------------------------

_CAPS_RUN = regex.compile(r"(?:\b[A-Z][A-Z'!?]+\b[\s,!?.]+){2,}\b[A-Z][A-Z'!?]+\b")
_ACRONYMS = frozenset((
    "PE", "PTA", "PTFA", "SATS", "SATs", "RSVP", "TA", "SEN", "SENCO", "SENCo", "EHCP", "OK", "OMG", "LOL", "UK", "NHS", "BBC", "ASAP", "FYI", "TV", "PS",
    "PPS", "DT", "RE", "RSE", "PSHE", "ICT", "IT", "KS1", "KS2", "EYFS", "YR", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "AM", "PM", "NB", "WC", "FAQ", "DM",
    "ASN", "PSA", "GCSE",
))
_POSITIVE = regex.compile(r"\b(?:happy|birthday|congrat\w*|thank\w*|well\s+done|love|loved|enjoyed|merry|christmas|eid|mubarak|diwali|"
                          r"welcome|yay|wow|amazing|brilliant|fantastic|proud|hooray|woohoo|good\s+luck)\b", regex.I)
# What turns a "thank you" sour: "THANKS FOR NOTHING", "brilliant, AGAIN", an eye-roll.
_SOUR = compile_i(r"\b(?:for\s+nothing|again|nobody|no\s+one|never|not|why|ridiculous|joke|disgrace|seriously|useless|waste|"
                  r"sick|fed\s+up|can't|won't|didn't|wasn't|ffs|wtf)\b|🙄|😡|🤬|😤")
_SHOUT_PUNCT = regex.compile(r"!{3,}|(?=[?!]{3})[?!]*(?:\?!|!\?)[?!]*")
_NEGATIVE = compile_i(r"\b(?:why|nobody|no\s+one|never|again|ridiculous|sick|fed\s+up|joke|disgrace|unacceptable|seriously|stop|"
                      r"kidding|useless|how\s+hard|can't|cannot|won't|not)\b")
_EXASPERATED = regex.compile(r"\?{3,}")
_SHEEPISH = regex.compile(r"\b(?:sorry|oops|lol|haha|soz)\b|🙈|😂|🤣|😅", regex.IGNORECASE)


def _shouting(t: Text) -> Hit | None:
    """Capitals, !!! or ?!? in a message that is angry rather than excited or sheepish.

    Happy news in capitals is not anger, but a thank-you beside sour words is sarcasm
    ("THANKS FOR NOTHING", "brilliant, cancelled AGAIN") and does not excuse the shouting.
    """
    if "#shout" not in t.token_set:
        return None
    raw = t.raw
    if _POSITIVE.search(raw) and not _SOUR.search(raw):
        return None
    if not _SHEEPISH.search(raw):
        for m in _CAPS_RUN.finditer(raw):
            caps = regex.findall(r"[A-Z][A-Z']+", m.group())
            if sum(1 for w in caps if w not in _ACRONYMS) >= 3:
                return Hit("Shouts in capital letters", (m.span(),))
    p = _SHOUT_PUNCT.search(raw) or _EXASPERATED.search(raw)
    if p and _NEGATIVE.search(raw):
        return Hit(f"Posts in anger ('{p.group()}')", (p.span(),))
    return None


def _contact_details(t: Text, ctx: Context) -> Hit | None:
    """Someone else's phone number, e-mail or address: the single call point for contact details."""
    if "#num" not in t.token_set and "#at" not in t.token_set and not _CONTACT_WORDS.search(t.lower):
        return None
    if _MODERATING.search(t.raw):
        return None  # the rep asking for details to come down is not sharing them
    return _personal_contact(t, ctx)


_CONTACT_WORDS = regex.compile(r"address|lives|living|personal|numbers")
_MODERATING = compile_i(r"\bplease\s+(?:delete|remove|take\s+(?:that|it|this)\s+down)|\b(?:must|mustn't|should|shouldn't|can't|cannot)\s+(?:not\s+)?be\s+"
                        r"(?:shared|posted)|\bnot\s+for\s+this\s+group\b")


#: The checks a rules file may name, by name.
CHECKS: dict[str, Callable[..., Hit | None]] = {
    "offensive_lexicon": _offensive,
    "disguised_insult": _disguised_insult,
    "contact_details": _contact_details,
    "shouting": _shouting,
}
