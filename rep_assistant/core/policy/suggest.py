"""Suggest the categories a policy clause covers from its wording.

Schools say the same few things in different words ("abusive or personal comments",
"positive, polite and friendly language"), so each category has a few specific cues and
some generic ones ("respect", "polite", "tone") that count only when nothing specific is
there. Only rules get categories: a sentence describing the group's purpose ("make social
or practical arrangements together") or what the school does after a breach ("seek advice
... libellous") maps to nothing, so a flag can never cite it.
"""

import regex

# Most specific first: ties on position are broken by this order.
_SPECIFIC: dict[str, tuple[str, ...]] = {
    "individual-child": (r"individual (?:children|child|pupils?)",),
    "private-correspondence": (r"private e-?mails?", r"screenshot", r"private (?:letters|correspondence)"),
    "private-conversation": (r"private conversations?", r"one[- ]to[- ]one conversations?"),
    "defamation": (r"defamat", r"libel", r"slander"),
    "threat": (r"threat", r"intimidat", r"posting aggressive", r"aggressive (?:comments|posts|messages|language)"),
    "policy-challenge": (r"challenge (?:the )?school polic",),
    "political": (r"politic", r"current affairs"),
    "disrepute": (r"disrepute", r"\bethos\b", r"reputation"),
    "personal-data": (r"personal (?:details|data|information)", r"confidential information", r"\bphotos?\b",
                      r"phone numbers?", r"home address"),
    "commercial": (r"commercial", r"advertis", r"\bselling\b", r"unrelated campaigns?", r"personal appeals?", r"fundrais"),
    "offensive-language": (r"swear", r"offensive language", r"bad language", r"profan", r"obscen", r"foul language"),
    "grievance": (r"grievance", r"complain", r"criticism", r"air(?:ing)? (?:views|concerns)", r"comments? concerning"),
    "abuse": (r"abusive", r"personal comments?", r"insult", r"bully", r"harass"),
    "anger": (r"\banger\b", r"\bangry\b", r"capital letters", r"shouting"),
    "rumour": (r"rumou?r", r"gossip", r"misinformation", r"unverified", r"hearsay"),
    "late-night": (r"late at night", r"late-night", r"quiet hours", r"(?:unsociable|antisocial|reasonable) hours"),
    "fragmented": (r"(?:many|lots of|several) (?:short|small|separate) messages",),
    "dont-know": (r"(?:do not|don't) know", r"unhelpful (?:replies|answers)"),
}
_GENERIC: dict[str, tuple[str, ...]] = {
    "offensive-language": (r"polite(?:,? \w+)*(?: and \w+)? language",),
    "abuse": (r"\brespect(?:ful)?\b", r"\bsupportive\b", r"\bpolite\b", r"\bkind\b"),
    "anger": (r"\btone\b",),
}
_ORDER = list(_SPECIFIC)


def _compile(table: dict[str, tuple[str, ...]]) -> dict[str, regex.Pattern[str]]:
    return {cat: regex.compile("|".join(cues), regex.IGNORECASE) for cat, cues in table.items()}


_SPECIFIC_RE = _compile(_SPECIFIC)
_GENERIC_RE = _compile(_GENERIC)

# Language that makes a free-standing sentence a rule: a prohibition, an obligation or
# "inappropriate". Items of a rule list ("I am agreeing to:") need none of it.
_NORMATIVE = regex.compile(
    r"\b(?:not|never|refrain|avoid|should|must|please|inappropriate|agree(?:ing)? to|adhere|best (?:addressed|raised))\b",
    regex.IGNORECASE,
)


def suggest_categories(text: str, *, rule_context: bool | None = None) -> tuple[str, ...]:
    """Categories a clause's wording covers, in the order it names them; () when not a rule.

    ``rule_context``: True for an item of a rule list, False for an item of a descriptive
    list (purposes, the school's sanctions), None to judge the sentence on its own.
    """
    if rule_context is False or (rule_context is None and not _NORMATIVE.search(text)):
        return ()
    found = _matches(_SPECIFIC_RE, text) or _matches(_GENERIC_RE, text)
    return tuple(cat for _, _, cat in sorted(found))


def _matches(table: dict[str, regex.Pattern[str]], text: str) -> list[tuple[int, int, str]]:
    hits = []
    for cat, pattern in table.items():
        m = pattern.search(text)
        if m:
            hits.append((m.start(), _ORDER.index(cat), cat))
    return hits
