"""Who a message is about: the writer's own child, someone else's child, or a grown-up.

A parent telling the group about their own child ("my daughter's inhaler", "our Ayesha's
EHCP meeting") shares nothing of anyone else's; a grown-up ("his wife", "my husband", "the
dad", a member of staff) is not a child. Rules about a child's health, behaviour or record
ask these questions before they flag. The words of other languages that mark the writer's
own family ("mera beta", "moja córka", "আমার মেয়ে") are data: resources/lexicons/languages/subjects.csv.
"""

import csv
import functools
import io

import regex

from rep_assistant.core import resources
from rep_assistant.core.detection.rules.normalise import ARABIC_MARKS, lexicon_key

_CHILD_NOUN = r"(?:son|sons|daughter|daughters|boy|boys|girl|girls|child|children|kid|kids|little\s+one|little\s+ones|eldest|youngest|" \
              r"middle\s+one|lad|lass|wee\s+one|bairn|wean|weans|twins|baby|stepson|stepdaughter)"
_NAME = r"(?-i:\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)"
_OWN = regex.compile(
    rf"\b(?:my|our|me)\s+(?:(?:little|wee|eldest|youngest|middle|oldest|younger|older|two|three|\w+-year-old)\s+)?{_CHILD_NOUN}\b"
    rf"|\b(?:my|our)\s+(?:little\s+|wee\s+)?{_NAME}\b"
    rf"|\b{_NAME},?\s+(?:my|our)\s+(?:\w+\s+)?{_CHILD_NOUN}\b"
    rf"|\b{_NAME}\s+(?:is|'s)\s+(?:mine|my\s+(?:\w+\s+)?{_CHILD_NOUN})\b",
    regex.IGNORECASE,
)
_ADULT_NOUN = (r"(?:husband|hubby|wife|partner|boyfriend|girlfriend|fianc[eé]e?|ex|other\s+half|mum|mam|mom|mother|dad|father|"
               r"nan|nana|gran|granny|grandma|grandad|grandpa|uncle|aunt|auntie|aunty|step-?(?:mum|dad)|boss|colleague|neighbour|"
               r"brother-in-law|sister-in-law|mother-in-law|father-in-law|landlord|landlady)")
_ADULT_BEFORE = regex.compile(rf"\b(?:my|his|her|their|your|the|a|another|\w+'s)\s+{_ADULT_NOUN},?\s*$", regex.IGNORECASE)
_ADULT_AFTER = regex.compile(
    rf"^(?:'s\s+(?:husband|hubby|wife|partner|boyfriend|girlfriend|other\s+half|boss|colleague)\b"
    rf"|,?\s+(?:the|her|his|my|our|their)\s+{_ADULT_NOUN}\b)",
    regex.IGNORECASE,
)


# "-lower": a possessive that is also a given name counts only in lower case ("amar Rumi", not "Amar Hughes").
_POSSESSIVE_ROLES = ("own-before-name", "own-before-name-lower", "own-after-name")


@functools.cache
def _subject_rows() -> tuple[tuple[str, str], ...]:
    """subjects.csv read once: (term lower-cased, role)."""
    rows = csv.DictReader(io.StringIO(resources.read_text("lexicons/languages/subjects.csv")))
    return tuple((r["term"].strip().lower(), r["role"]) for r in rows)


def _possessive_rows() -> tuple[tuple[str, str], ...]:
    """subjects.csv's possessives that name the writer's own child beside a name: (term, role)."""
    return tuple((term, role) for term, role in _subject_rows() if role in _POSSESSIVE_ROLES)


def _possessives() -> frozenset[str]:
    """The possessives as typed and folded (a cheap gate: one of them is in every such mention)."""
    terms = [term for term, _ in _possessive_rows()]
    return frozenset(terms) | frozenset(lexicon_key(t) for t in terms)


def _own_firsts() -> frozenset[str]:
    """The first words of the other languages' "my son", "our daughter" ("mera", "fy", "wiilkayga", "ibni"), as typed and folded."""
    firsts = [term.split()[0] for term, role in _subject_rows() if role == "own"]
    return frozenset(firsts) | frozenset(lexicon_key(w) for w in firsts)


#: Words one of which is in every mention of the writer's own child, or of a grown-up (cheap gates).
OWN_WORDS = frozenset({"my", "our", "me", "mine"}) | _possessives() | _own_firsts()
ADULT_WORDS = frozenset(regex.findall(r"[a-z]+", _ADULT_NOUN.replace("fianc[eé]e?", "fiance fiancee"))) - {"in", "law", "other"}


def own_child_spans(raw: str) -> list[tuple[int, int]]:
    """Spans naming the writer's own child: 'my daughter', 'our Ayesha', 'Zara, my eldest', 'Macsen is mine', and in
    another language's possessive, 'nasza Hania', 'Efa ni', 'mera beta Rayan'."""
    spans = [m.span() for m in _OWN.finditer(raw)] + [m.span() for m in _own_name().finditer(raw)]
    if not _kin_firsts().isdisjoint(_LOWER_WORD.findall(raw.lower())):  # the long pattern only where it can match
        spans += [m.span() for m in _own_kin().finditer(raw)]
    return spans


_LOWER_WORD = regex.compile(r"[\p{Ll}\p{Lo}\p{M}']+")


def is_adult(raw: str, span: tuple[int, int]) -> bool:
    """Whether the name at ``span`` is a grown-up's: 'his wife Sarah', 'Dave's wife', 'Sam, the dad'."""
    return bool(_ADULT_BEFORE.search(raw[max(0, span[0] - 40):span[0]]) or _ADULT_AFTER.match(raw[span[1]:span[1] + 40]))


def is_own_child(raw: str, span: tuple[int, int], own: list[tuple[int, int]] | None = None) -> bool:
    """Whether ``span`` lies inside a mention of the writer's own child."""
    own = own_child_spans(raw) if own is None else own
    return any(s <= span[0] and span[1] <= e for s, e in own)


#: Polish possessives in the cases of an object or a recipient: the name after "mojej córce" is not the writer's child.
_OBLIQUE = frozenset({"mojej", "mojego", "mojemu", "moim", "moją", "naszej", "naszego", "naszemu", "naszym", "naszą"})


@functools.cache
def _own_name() -> regex.Pattern[str]:
    """A child's name with a possessive of another language beside it: Polish "nasza Hania", Welsh "Efa ni" (our Efa).

    subjects.csv's ``own-before-name`` words go before the name (``own-before-name-lower`` ones only in lower case),
    ``own-after-name`` words after it; the name is a capitalised word, as "our Ayesha" is in English, and not followed
    by another (a full name: "Moja Anna Kowalska" is not how a parent names their child).
    """
    rows = _possessive_rows()
    before = "|".join(regex.escape(term) for term, role in rows if role == "own-before-name") or "(?!)"
    lower = "|".join(regex.escape(term) for term, role in rows if role == "own-before-name-lower") or "(?!)"
    after = "|".join(regex.escape(term) for term, role in rows if role == "own-after-name") or "(?!)"
    return regex.compile(rf"(?<!\w)(?:(?i:{before})|{lower})\s+{_NAME}(?!\w)(?!\s+\p{{Lu}})|(?<!\w){_NAME}\s+(?i:{after})(?!\w)")


def _kin_rows() -> list[str]:
    """The other languages' words for my child in Latin letters ("mera beta", "moja córka"), not a possessive in an
    object's case: in "mojej córce Zosia dokuczała" Zosia is the one who did it."""
    return [term for term, role in _subject_rows() if role == "own" and regex.match(r"\p{Latin}", term) and term.split()[0] not in _OBLIQUE]


@functools.cache
def _kin_firsts() -> frozenset[str]:
    return frozenset(term.split()[0] for term in _kin_rows())


@functools.cache
def _own_kin() -> regex.Pattern[str]:
    """The other languages' words for my child, then the child's name: "mera beta Rayan", "moja córka Zosia"."""
    kin = "|".join(r"\s+".join(map(regex.escape, term.split())) for term in _kin_rows()) or "(?!)"
    return regex.compile(rf"(?<!\w)(?i:{kin}),?\s+{_NAME}(?!\w)")


@functools.cache
def _own_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> phrases of other languages naming the writer's own child ('mera beta', 'moja córka', 'আমার মেয়ে')."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for term, role in _subject_rows():
        if role == "own":
            words = tuple(lexicon_key(term).split())
            out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def script_names() -> frozenset[str]:
    """Given names in Arabic, Urdu and Bengali script (lexicons/languages/script_names.csv), keyed as the text's words
    are: these scripts have no capitals, so a name is known by being one. Names that are also everyday words ("نور",
    "আশা") are not listed."""
    return frozenset(ARABIC_MARKS.sub("", lexicon_key(row["name"].strip()))
                     for row in csv.DictReader(io.StringIO(resources.read_text("lexicons/languages/script_names.csv"))))


#: "My" and "our" in Urdu and Bengali script before a child's given name (``script_names``).
_SCRIPT_MY = frozenset(lexicon_key(w) for w in ("میرا", "میری", "میرے", "ہمارا", "ہماری", "ہمارے", "আমার", "আমাদের"))


def own_child_mentions(words: list[str]) -> list[tuple[int, int]]:
    """Where ``words`` (a message's words, folded) name the writer's own child or the writer in another language: the
    [start, end) word spans.

    The last word of a phrase may carry an ending: Bengali 'আমার মেয়ের' (my daughter's), Polish 'mojej córce'.
    """
    phrases = _own_phrases()
    out = []
    for i, word in enumerate(words):
        if word in _SCRIPT_MY and i + 1 < len(words) and words[i + 1] in script_names():
            out.append((i, i + 2))  # "میرے احمد", "আমার নুসরাত": my Ahmed, my Nusrat
            continue
        for phrase in phrases.get(word, ()):
            rest = words[i + 1:i + len(phrase)]
            if len(rest) == len(phrase) - 1 and all(a == b for a, b in zip(rest[:-1], phrase[1:-1], strict=False)) \
                    and (len(phrase) == 1 or rest[-1].startswith(phrase[-1])):
                out.append((i, i + len(phrase)))
                break
    return out
