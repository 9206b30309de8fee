"""Who a message is about: the one place rules ask it.

A rule in resources/rules/ says what its words must be about (``about = ["staff", "school"]``);
this module answers with the spans of the text that refer to such a person or thing. The
references themselves are found by ``Text`` (titles and names, "the teacher", someone
else's child, "Tyler's dad"); here they are grouped into the kinds rules name.
"""

import functools
from collections.abc import Callable

import regex

from rep_assistant.core import resources
from rep_assistant.core.detection.rules import subjects
from rep_assistant.core.detection.rules.model import kept
from rep_assistant.core.detection.rules.text import COMMON_CAPS, PERSON_NOUN, SCHOOL, Text, addressed, compile_i, words

Spans = list[tuple[int, int]]

# The school is also its parts and its keepers: a claim about the sixth form, the canteen or the trust is about the school.
_SCHOOL_RE = compile_i(rf"{SCHOOL}|\b(?:school|nursery|academy|college|sixth\s+form|school\s+kitchens?|breakfast\s+club|"
                        r"after[- ]school\s+club|wraparound|the\s+trust|the\s+governors|(?:maths|english|science|pe|sen|send|pastoral|music|art|"
                        r"history|geography|languages|mfl|drama|humanities|technology|computing|ict)\s+(?:department|dept))\b")
_ADULT_RE = compile_i(r"\b(?:(?:his|her|their|\w+'s)\s+)(?:mum|mom|dad|mother|father|husband|wife|partner|parents|nan|gran|"
                      r"grandma|grandad|uncle|aunt(?:ie)?|boyfriend|girlfriend|ex|fella|feller|bloke|man|missus|mrs|hubby|"
                      r"other\s+half|maw|mam|da|brother-in-law|sister-in-law|cousin)\b")
# A child's family as the child's: "Grace's parents", "his mum", "their nan". Not a grown-up's partner ("Mrs Foster's
# husband", "his wife"): whose husband it is, is a grown-up, and their private life is no child's home life.
_FAMILY_OF_RE = compile_i(r"\b(?:(?:his|her|their|\w+'s)\s+)(?:mum|mom|mummy|dad|daddy|mother|father|parents|nan|nana|gran|granny|"
                          r"grandma|grandad|grandpa|grandparents|uncle|aunt(?:ie|y)?|step-?(?:mum|dad)|maw|mam|da)\b")
_PEOPLE_RE = compile_i(PERSON_NOUN)
# Bodies whose arrival or verdict is news a rumour passes on ("the police were called", "Ofsted are coming",
# "requires improvement"), and the school's staff that Text's roles leave out (the janitor).
_AUTHORITY_RE = compile_i(r"\b(?:police|polis|cops|ofsted|estyn|inspectors?|inspection|council|social\s+services|social\s+workers?|"
                          r"the\s+(?:local\s+)?authority|governors?|trust|requires\s+improvement|special\s+measures|janny|jannie|janitor|caretaker)\b")
# A class or year group of the school: hearsay of "reception", "the P4s" or "Year 6" is about the school's children.
_YEAR_GROUP_RE = compile_i(r"\b(?:reception|infants|juniors|[yps]\d{1,2}s?|(?:year|yr)\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|"
                            r"nine|ten|eleven|twelve|thirteen)s?)\b")
# A surname alone at the start of a sentence, before what they did: "Pryor fiddled the figures", "Hale lost his licence".
_CLAIM_SUBJECT_RE = compile_i(r"(?:^|(?<=[.!?]\s{1,3}))(?-i:\p{Lu}\p{Ll}+)(?=\s+(?:\w+ed|stole|took|lied|lost|hit|kept|sold|gave|"
                              r"got|has\s+been|had|keeps|never|always|spent|threw|broke|ran|bit|told|swore|fought)\b)")
# A child's name opening a sentence before what children do: "Harrison spent the whole play pulling faces".
_CHILD_SUBJECT_RE = compile_i(r"(?:^|(?<=[.!?]\s{1,3}))(?-i:\p{Lu}\p{Ll}+)(?=\s+(?:spent|threw|broke|bit|hit|ran|swore|fought|stole|kicked|"
                              r"pushed|punched|pulled|wet|cried|screamed|refused|hurt|scratched|slapped|keeps|has\s+been|was\s+sent|got\s+sent)\b)")
# Who a claim of wrongdoing can be about besides staff and parents: the PTA and its officers, a chair, the janitor, a driver.
_OFFICE_RE = compile_i(r"\b(?:chair(?:person|man|woman)?|treasurer|secretary|governors?|volunteers?|organisers?|coach|club\s+leader|"
                        r"pta|parent\s+council|committee|janny|jannie|janitor|caretaker|(?:bus|coach|minibus)\s+driver|dinner\s+lad(?:y|ies)|"
                        r"cook|referee|ref|lollipop\s+(?:man|lady))\b")


# A child written in lower case, as many parents type: "kyle's been excluded", "frankie bit him". Only a word
# right before a possessive or a verb of what children do or are told counts, and not an everyday word in
# that place ("school's", "everyone got", "the dog bit"), nor a word after a title, an article or a possessive.
# What follows such a name; the word before it is then read (cheaper than a pattern that tries every word).
_AFTER_LOWER_NAME = compile_i(
    r"'s\b|\s+(?:bit|bite|bites|hit|hits|punched|kicked|pushed|shoved|scratched|pinched|slapped|says|said|told|tells|cried|wet|stole|"
    r"takes|took|keeps|got\s+(?:sent|caught|excluded|suspended|lifted|done)|has\s+been|has\s+got|has\s+a|had\s+a|is\s+on|"
    r"was\s+sent|went\s+for|lost|fiddled|pocketed|lied|nicked)\b")
_LOWER_WORD_BEFORE = regex.compile(r"(?:^|(?<=[^\w'@.-]))[a-z]{3,}(?:-[a-z]{2,})?$")
_PREVIOUS_WORD = regex.compile(r"([\w']+)\s+$")
# Words after which the next word is a thing or a grown-up, not a child's name: "the dog", "Mrs khan", "my son".
_NOT_BEFORE_NAME = words("mr mrs ms miss mx dr sir the a an my our your his her their every each no any some which what this ma me whose man")
# Everyday words found in a name's place in lower-case chat.
_NOT_LOWER_NAMES = COMMON_CAPS | words("""
everyone everybody someone somebody anyone anybody noone nobody nothing something everything anything one ones other others
kid kids child boy girl son daughter lad lass wean weans bairn baby twins pal pals mate mates friend friends
mum mam maw mummy dad da daddy nan gran husband wife hubby fella bloke partner sister brother cousin auntie uncle teacher
head deputy janny jannie class school term week weekend today tonight tomorrow yesterday morning night trip party letter
email office bus coach car van dog cat puppy wasp bee spider weather traffic phone app website homework uniform lunch dinner
breakfast game match team ref referee world life thing things nit nits bug virus who's what's that's there's here's it's
lot lots everyone's nobody's somebody's year month hour minute kids' bag coat book name number money fund tin kitty
just finally never also still only already always really actually probably definitely maybe even now then apparently
honestly basically literally seriously anyway which where when how why whoever mine yours hers theirs ours his hers
rain snow wind sun storm gate road street town city village estate scheme council police polis government
""")


def _lower_names(t: Text) -> Spans:
    """Lower-case words in a child's name's place (before _AFTER_LOWER_NAME), not the writer's own child nor a parent."""
    raw = t.raw
    out = []
    for after in _AFTER_LOWER_NAME.finditer(raw):
        m = _LOWER_WORD_BEFORE.search(raw, max(0, after.start() - 30), after.start())
        if m is None:
            continue
        word = m.group()
        if word in _NOT_LOWER_NAMES or word in t.own_names or word.endswith(("ing", "ed", "ly", "ness", "tion")):
            continue
        before = _PREVIOUS_WORD.search(raw, max(0, m.start() - 20), m.start())
        if before and before.group(1).lower() in _NOT_BEFORE_NAME:
            continue
        if subjects.is_adult(raw, m.span()) or _PARENT_AFTER.match(raw, m.end()):
            continue
        out.append(m.span())
    return out


_PARENT_AFTER = compile_i(r"'s\s+(?:mum|mam|maw|mom|mummy|dad|da|daddy|mother|father|parents|nan|gran|fella|man|wife|husband|missus)\b")
# Children named by their family or their kind, not by a first name: "the Doyle kids", "that kid's", "them twins".
_CHILD_GROUP_RE = compile_i(r"\b(?:the|that|those|them|these)\s+(?-i:\p{Lu}\p{Ll}+)\s+(?:kids|boys|girls|children|twins|weans|lads)\b"
                            r"|\b(?:that|this)\s+(?:kid|child|boy|girl|lad|lass|wean)s?(?='|\s+(?:is|was|has|needs|wants|should))")


@functools.cache
def _everyday_words() -> frozenset[str]:
    """Words the team's writers write in lower case mid-sentence nearly always (scripts/build_everyday_words.py): in a
    name's place they are a thing ("allergy info is on the form", "the choir stole my heart"), not a child."""
    lines = resources.read_text("lexicons/everyday_words.txt").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _children(t: Text) -> Spans:
    """Someone else's child: Text's references ('that boy', 'Maisie'), lower-case names and children named by family."""
    return kept(t, "_about_children", _find_children)


def _spoken_of(t: Text) -> Spans:
    """A child, or anything spoken of in a name's place, a thing too ("the residential's getting cancelled"): what
    hearsay is about."""
    return sorted(set(_children(t)) | set(_lower_names(t)))


def _find_children(t: Text) -> Spans:
    everyday = _everyday_words()
    named = [n for n in _lower_names(t) if t.raw[n[0]:n[1]] not in everyday] + _sentence_subjects(t, _CHILD_SUBJECT_RE)
    if t.adult_names:  # a member of the chat spoken to is a grown-up, however their name is written
        named = [n for n in named if not (t.lower[n[0]:n[1]] in t.adult_names and addressed(t.raw, n))]
    return sorted(t.child_refs + named + [m.span() for m in _CHILD_GROUP_RE.finditer(t.raw)])


def _sentence_subjects(t: Text, pattern: regex.Pattern[str] = _CLAIM_SUBJECT_RE) -> Spans:
    """A name that opens a sentence before a verb of what was done ('Harrison threw...'), not one of the writer's own."""
    return [m.span() for m in pattern.finditer(t.raw)
            if (w := m.group().lower()) not in COMMON_CAPS and w not in t.own_names and not w.endswith(("ing", "tion", "ness"))]


def _school(t: Text) -> Spans:
    return [m.span() for m in _SCHOOL_RE.finditer(t.raw)]


def _adult(t: Text) -> Spans:
    return sorted([m.span() for m in _ADULT_RE.finditer(t.raw)] + t.parents_of)


def _family_of(t: Text) -> Spans:
    """A child's parents, grandparents and kin named through the child ("Grace's parents", "his dad"), not through a
    title ("Mrs Foster's husband") or a grown-up's partner."""
    return kept(t, "_about_family_of", _find_family_of)


def _find_family_of(t: Text) -> Spans:
    return sorted([m.span() for m in _FAMILY_OF_RE.finditer(t.raw) if not _titled_before(t.raw, m.start())] + t.parents_of)


_TITLE_BEFORE = compile_i(r"\b(?:mr|mrs|ms|miss|mx|dr|sir)\.?\s+$")


def _titled_before(raw: str, at: int) -> bool:
    """Whether a title stands just before ``at``: "Mrs Foster's husband" is a grown-up's, not a child's family."""
    return bool(_TITLE_BEFORE.search(raw[max(0, at - 8):at]))


def _people(t: Text) -> Spans:
    return [m.span() for m in _PEOPLE_RE.finditer(t.raw)]


def _accused(t: Text) -> Spans:
    return kept(t, "_about_accused", _find_accused)


def _find_accused(t: Text) -> Spans:
    return sorted(t.persons + _adult(t) + _lower_names(t) + [m.span() for m in _OFFICE_RE.finditer(t.raw)]
                  + _sentence_subjects(t))


#: kind -> (how to find it, how a reason names it)
KINDS: dict[str, tuple[Callable[[Text], Spans], str]] = {
    "staff": (lambda t: t.staff, "a member of staff"),
    "child": (_children, "a child"),
    "spoken_of": (_spoken_of, "someone"),
    "child_noun": (lambda t: t.child_nouns, "a child"),
    "named": (lambda t: [n for n in t.names if t.lower[n[0]:n[1]] not in t.own_names], "someone named"),
    "adult": (_adult, "another parent"),
    "family_of": (_family_of, "a child's family"),
    "person": (lambda t: t.persons, "someone"),
    "people": (_people, "people"),
    "accused": (_accused, "someone"),
    "school": (_school, "the school"),
    "authority": (lambda t: [m.span() for m in _AUTHORITY_RE.finditer(t.raw)], "the authorities"),
    "year_group": (lambda t: [m.span() for m in _YEAR_GROUP_RE.finditer(t.raw)], "a class"),
}


def refs(t: Text, kind: str) -> Spans:
    """Spans of ``t`` that refer to ``kind`` (a key of KINDS)."""
    return KINDS[kind][0](t)


def phrase(kind: str) -> str:
    """How a reason shown to the rep names ``kind``: "a member of staff", "the school"."""
    return KINDS[kind][1]
