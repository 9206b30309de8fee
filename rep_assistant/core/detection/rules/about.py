"""Who a message is about: the one place rules ask it.

A rule in resources/rules/ says what its words must be about (``about = ["staff", "school"]``);
this module answers with the spans of the text that refer to such a person or thing. The
references themselves are found by ``Text`` (titles and names, "the teacher", someone
else's child, "Tyler's dad"); here they are grouped into the kinds rules name.
"""

from collections.abc import Callable

from rep_assistant.core.detection.rules.text import PERSON_NOUN, SCHOOL, Text, compile_i

Spans = list[tuple[int, int]]

_SCHOOL_RE = compile_i(rf"{SCHOOL}|\b(?:school|nursery|academy|college)\b")
_ADULT_RE = compile_i(r"\b(?:(?:his|her|their|\w+'s)\s+)(?:mum|mom|dad|mother|father|husband|wife|partner|parents|nan|gran|"
                      r"grandma|grandad|uncle|aunt(?:ie)?|boyfriend|girlfriend|ex)\b")
_PEOPLE_RE = compile_i(PERSON_NOUN)
# Who a claim of wrongdoing can be about besides staff and parents: the PTA's officers, a chair.
_OFFICE_RE = compile_i(r"\b(?:chair(?:person|man|woman)?|treasurer|secretary|governors?|volunteers?|organisers?|coach|club\s+leader)\b")


def _school(t: Text) -> Spans:
    return [m.span() for m in _SCHOOL_RE.finditer(t.raw)]


def _adult(t: Text) -> Spans:
    return sorted([m.span() for m in _ADULT_RE.finditer(t.raw)] + t.parents_of)


def _people(t: Text) -> Spans:
    return [m.span() for m in _PEOPLE_RE.finditer(t.raw)]


def _accused(t: Text) -> Spans:
    return sorted(t.persons + _adult(t) + [m.span() for m in _OFFICE_RE.finditer(t.raw)])


#: kind -> (how to find it, how a reason names it)
KINDS: dict[str, tuple[Callable[[Text], Spans], str]] = {
    "staff": (lambda t: t.staff, "a member of staff"),
    "child": (lambda t: t.child_refs, "a child"),
    "child_noun": (lambda t: t.child_nouns, "a child"),
    "named": (lambda t: [n for n in t.names if t.lower[n[0]:n[1]] not in t.own_names], "someone named"),
    "adult": (_adult, "another parent"),
    "person": (lambda t: t.persons, "someone"),
    "people": (_people, "people"),
    "accused": (_accused, "someone"),
    "school": (_school, "the school"),
}


def refs(t: Text, kind: str) -> Spans:
    """Spans of ``t`` that refer to ``kind`` (a key of KINDS)."""
    return KINDS[kind][0](t)


def phrase(kind: str) -> str:
    """How a reason shown to the rep names ``kind``: "a member of staff", "the school"."""
    return KINDS[kind][1]
