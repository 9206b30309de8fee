"""One message's text prepared once for every rule: folded, lower-cased, tokenised, people found.

Every rule reads ``Text.raw``, the message after the normalisation layer (``normalise.fold``:
look-alike and styled letters, invisible marks); ``Text.original`` is what was written and
``in_original`` maps a rule's spans back to it, so highlights land on the characters shown.

Content categories depend on who a message is about (a member of staff by title and name,
"the teacher", a named child, "his parents") as much as on what it says, so those
references are computed here, lazily, and shared by the rules that need them.
"""

import dataclasses
import re

import regex

from rep_assistant.core.detection.rules import model, subjects
from rep_assistant.core.detection.rules.lexicon import Hit, profanity
from rep_assistant.core.detection.rules.model import once
from rep_assistant.core.detection.rules.normalise import ARABIC_MARKS, Folded, fold, lexicon_key

_FLAGS = regex.IGNORECASE | regex.V0
# Tokenising runs on every message: the standard library's re is faster here than regex.
_TOKEN = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d\d\d")
# A mask or digits inside a word: "f*ck", "*ss", "sh1t". Opens with the mask or digit and looks behind it, so the search
# skips to those instead of stopping at every letter; it finds one wherever "[a-z][*@$#%]|[*@$#%][a-z]|[a-z][0-9]+[a-z]"
# does (a test holds it): only whether there is one counts.
_MASKED = re.compile(r"[*@$#%0-9](?:(?<=[a-z][*@$#%])|(?<=[*@$#%])[a-z]|(?<=[a-z][0-9])[0-9]*[a-z])")
#: A digit written for an Arabic letter: inside a word ("ma3", "ya3ni") or opening one of letters ("7abas", "2alet").
_ARABIZI_DIGIT = re.compile(r"[a-z][2357][a-z]|(?<![\w])[2357][a-z]{2}")
#: A UK postcode as written: "LS6 2AB", "SW1A 1AA".
POSTCODE = regex.compile(r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b)")
_MASK_OR_DIGIT = re.compile(r"[*@$#%0-9]")  # in every match of _MASKED: a quick scan spares most messages the pattern
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")  # in every match of _UPPER_RUN and CAPS_SOUR, and quicker to look for
_ANGRY_FACE = re.compile("[🤬😡😤😠🙄🙃]")  # an angry or sarcastic post may say it with faces alone (content.py decides)
# A sour word in capitals is a raised voice however short the message: "this is a JOKE", "NOT HAPPY" ("AGAIN" alone is a sigh).
CAPS_SOUR = re.compile(r"(?<![A-Za-z])(?:NOBODY|RIDICULOUS|JOKE|DISGRACE(?:FUL)?|UNACCEPTABLE|USELESS|PATHETIC|SHAMBLES|APPALLING|"
                           r"AWFUL|TERRIBLE|RUBBISH|WORST|UNBELIEVABLE|NOT\s+HAPPY|FED\s+UP|FUMING|FURIOUS|LIVID|"
                           r"(?:SECOND|THIRD|FOURTH|FIFTH)\s+TIME|HAD\s+IT|SERIOUSLY|WHY|NOT\s+(?i:ok|okay|acceptable|fair|on))(?![A-Za-z])")
# Praise or emphasis in capitals: sincere ("SO proud") or sarcastic ("THANKS A LOT 🙄"); content.py tells them apart.
CAPS_PRAISE = re.compile(r"(?<![A-Za-z])(?:THANKS?|THANK\s+YOU|CHEERS|GREAT|BRILLIANT|FANTASTIC|HELPFUL|LOVELY|PERFECT|WONDERFUL|FAB|"
                         r"AMAZING|GENIUS|MARVELLOUS)(?![A-Za-z])")
_UPPER_RUN = re.compile(r"[A-Z]{2}[A-Z']*[\s,!?.]+[A-Z]{2}")  # two words in capitals
#: Emoji and pictures: miscellaneous symbols and dingbats, ⭐'s block and the emoji planes (not the letters flags are
#: made of). A message with one carries the mark ``#emoji``, which wakes the rules that a picture alone can set off.
PICTURE = re.compile("[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001f1e5\U0001f200-\U0001faff]")
#: The mark of a message with a picture in it (PICTURE), among its tokens.
EMOJI_MARK = "#emoji"
_OTHER_SCRIPT = re.compile(r"[^\W\d_\x00-\x7f]")  # a letter beyond ASCII: one class, the same characters as (?![\x00-\x7f])[^\W\d_]
# Letters turned upside down, as "flip text" tools write them (ASCII letters that stand for another turned: n for u).
_UPSIDE_DOWN = dict(zip("ɐqɔpǝɟƃɓɥᴉıɾʞןɯuodbɹʇnʌʍʎ", "abcdefgghiijklmnopqrtuvwy", strict=True))
_UPSIDE_ONLY = re.compile("[ɐɔǝɟƃɓɥᴉɾʞןɯɹʇʌʍʎ]")
_NEXT_WORD = regex.compile(r"[\w']+")
_ANY_WORD = regex.compile(r"[\p{L}\p{M}\p{N}']+")

TITLE_NAME = r"(?:(?-i:\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Sir|Madame?|Coach)\.?\s+[A-Z][\w'-]+)|(?-i:\b(?:mrs|mr|ms|mx|dr)\.?\s+[a-z][\w'-]{2,}))"
STAFF_ROLE = (
    r"\b(?:(?:the|our|a|his|her|their|my|this|that|new|class|supply|deputy|assistant|year\s?\d+|reception|form|school)\s+)*"
    r"(?:teachers?|head\s?teachers?|head\s?(?:master|mistress)|(?<=(?:the|new|our|acting|deputy)\s)head(?:'s)?|deputy(?:\s+head)?|(?-i:TAs?)|teaching\s+assistants?|"
    r"(?-i:SENCO|SENCo|SLT)|senior\s+leadership(?:\s+team)?|office(?:\s+staff)?|receptionists?|dinner\s+lad(?:y|ies)|"
    r"lunch(?:time)?\s+(?:staff|supervisors?|ladies)|caretaker|governors?|staff(?!\s+room)|school\s+nurse|principal|coach|tutor|childminder|"
    r"(?-i:SENDCo|SENDCO)|treasurer|chair\s+of\s+governors|lollipop\s+(?:man|lady)|crossing\s+patrol|cleaners?|learning\s+mentors?|"
    r"librarian|bursar|site\s+manager)\b"
)
PERSON_NOUN = (
    r"\b(?:mums?|moms?|mummy|dads?|daddy|mothers?|fathers?|parents?|carers?|woman|women|man|men|lady|ladies|bloke|boy|boys|girl|girls|"
    r"kid|kids|child|children|lad|lass|fellas?|bairns?|weans?|"
    r"lot|people|family|families|husband|wife|son|daughter|nan|gran|teachers?|staff(?!\s+room)|everyone|anyone)\b"
)
PRONOUN = r"\b(?:he|she|they|you|u|him|her|them)\b"
SCHOOL = r"\b(?:(?:this|the|our|that)\s+school|school's|the\s+head|headteacher|head\s+teacher|the\s+office|ofsted|academy|this\s+place)\b"

_TITLE_NAME_RE = regex.compile(TITLE_NAME)
_STAFF_RE = regex.compile(f"{TITLE_NAME}|{STAFF_ROLE}", _FLAGS)
_PERSON_RE = regex.compile(f"{TITLE_NAME}|{STAFF_ROLE}|{PERSON_NOUN}|{PRONOUN}", _FLAGS)
_PEOPLE_RE = regex.compile(f"{PERSON_NOUN}|{PRONOUN}", _FLAGS)
_PARENT_WORDS = r"mum|mom|mummy|dad|daddy|mother|father|parents|step-?(?:mum|dad)|nan|gran|grandma|grandad"
_PARENT_OF = regex.compile(rf"'s\s+(?:{_PARENT_WORDS})\b")
_REPORTS = regex.compile(r"\s+(?:says|said|told\s+(?:me|us)|tells\s+(?:me|us)|reckons|mentioned|thinks)\b", regex.IGNORECASE)
# A parent as the source of news of their child: "Omar's mum told me he's…", "Ava's dad says she has…". The news is the
# child's, so the name is the child spoken of as well as the way to the parent.
# Only a name _PARENT_OF reads as a parent's is asked about, so it names the same parents.
_PARENT_REPORTS_CHILD = regex.compile(rf"'s\s+(?:{_PARENT_WORDS})(?:\s+(?:has|had|just))?\s+(?:says|said|told\s+(?:me|us|everyone|the\s+\w+)|"
                                      r"tells\s+(?:me|us)|reckons|mentioned|was\s+saying|confirmed|explained)(?:\s+that)?\s+(?:he|she|they)\b",
                                      regex.IGNORECASE)
_INITIAL = regex.compile(r"\s[A-Z]\b(?!')")
# Names are not all ASCII: Oisín, Siobhán, Zoë, Wiktoria Zieliński.
NAME_WORD = r"(?-i:\p{Lu}\p{Ll}+)"
_CAP_WORD = regex.compile(rf"(?<![\w']){NAME_WORD}(?![\w])")
_CHILD_NOUN_REF = regex.compile(
    r"\b(?:that|the|this|his|her|their|your)\s+(?:\w+\s+){0,2}?(?:boy|girl|kid|child|son|daughter|little\s+one|lad|lass|twins|"
    r"twin(?!\s+(?:room|beds?|buggy|pushchair|pram|tub|pack|set|towns?|city|cities))|wean|bairn|quine|loon)\b"
    # "the one with the plaits", "the lad with the bleached hair": a child pointed at by how they look (not "the lady
    # with the glasses", nor "her with the blonde hair", who may be a mum: only a child's word or "one" before it)
    r"|\b(?:the|that)\s+(?:(?:little|wee|small|tall|big|blonde|ginger|quiet|new|skinny)\s+)?(?:one|boy|girl|lad|lass|kid)\s+with\s+"
    r"(?:the|a|an|them|those)\s+(?:[\w-]+\s+){0,2}?(?:hair|plaits?|bunches|pigtails|ponytail|braids|fringe|mullet|curls|glasses|specs|"
    r"freckles|braces?|coat|jacket|hoodie|puffer|wheelchair)\b"
    # "a certain someone in year 2", "a certain someone's eldest", "a certain boy": hinted at, everyone meant to know who
    # (a certain someone who forgot the inhaler may be a husband)
    r"|\ba\s+certain\s+(?:(?:someone|somebody)(?:'s\s+(?:eldest|youngest|oldest|son|daughter|kid|boy|girl|little\s+one|nephew|niece)|"
    r"\s+(?:in|from|at|on)\s+(?:y(?:ear)?\s*\d|[ps]\d|\d{1,2}[a-z]{1,3}|reception|nursery|(?:our|the|their|your)\s+(?:class|table|back\s+table|form)|"
    r"(?-i:\p{Lu}\p{Ll}+)))|child|boy|girl|lad|lass|kid)\b"
    # "Danielle's son", "Kerry's little girl", "Nadia's middle one", "Omar's little sister": a child named through their
    # parent or sibling (a member of the chat, perhaps)
    r"|(?-i:\b\p{Lu}\p{Ll}+)['’]s\s+(?:(?:little|eldest|youngest|wee|older|younger|middle|baby)\s+)?"
    r"(?:boy|girl|kids?|child|children|son|daughter|lad|lass|twins|bairns?|weans?)\b"
    r"|(?-i:\b\p{Lu}\p{Ll}+)['’]s\s+(?:eldest|youngest|oldest|(?:middle|little|wee|youngest|eldest)\s+one"
    r"|(?:little|baby|younger|wee)\s+(?:sister|brother))\b"
    # "one of the boys in 9K", "the one who bit him", "the one whose mum…" ("the one with…" is as often a thing)
    r"|\bone\s+of\s+the\s+(?:\w+\s+)?(?:boys|girls|kids|lads|lasses|twins|children)\b|\bthe\s+(?:little\s+|big\s+|wee\s+)?one\s+(?:who|whose)\b"
    r"|\b(?:boy|girl|kid|child|lad|lass)\s+in\s+(?:the\s+|our\s+|their\s+|\w+'s\s+)?(?:\d\w*|year|reception|class|other\s+class|form|group|set)\b",
    _FLAGS,
)

def words(text: str) -> frozenset[str]:
    """A set of words written as one string: word lists, trigger words, acronyms."""
    return frozenset(text.split())


# Every match of STAFF_ROLE or TITLE_NAME contains one of these words (a test holds it).
# Every match of _CHILD_NOUN_REF contains one of these words.
_CHILD_WORDS = words("boy girl kid child son daughter little lad lass twins boys girls kids lads lasses children one eldest youngest oldest "
                     "sister brother bairn bairns wean weans twin quine loon certain hair plaits plait bunches pigtails ponytail braids fringe "
                     "mullet curls glasses specs freckles brace braces coat jacket hoodie puffer wheelchair")
_TITLES = words("mrs mr ms miss mx dr sir madam madame coach")
_STAFF_WORDS = _TITLES | words("""mrs mr ms miss mx dr sir madam madame coach teacher teachers headteacher headteachers head headmaster
    headmistress deputy ta tas teaching senco slt senior office receptionist receptionists dinner lunch lunchtime caretaker governor
    governors staff nurse principal tutor childminder sendco treasurer chair lollipop crossing cleaner cleaners learning mentor
    mentors librarian bursar site""")


# Capitalised words that start sentences or name things other than people.
COMMON_CAPS = words("""
i a an the this that these those it its it's there here he she they we you my our your his her their mine ours yours hers theirs who what when where
why how which if so but and or not no yes yeah yep nope ok okay hi hello hey morning evening afternoon night thanks thank
please sorry just also still only even then now today tomorrow yesterday tonight honestly apparently really literally
actually basically seriously anyway anyone everyone someone somebody nobody none all some any each every both another
whoever whatever anybody everybody rumour rumor word legend gossip
back home due away late early free open closed nearly almost finally again first next last lots loads plenty busy ready done
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december christmas easter diwali eid halloween ramadan hanukkah xmas new year term half mr mrs ms miss
dr sir school class year reception nursery pta pe ofsted head office maths english science art music french spanish
history geography reading phonics spelling swimming football netball sports trip fair disco assembly nativity play
harvest festival book day world children need whatsapp google facebook instagram uk england london britain british
god omg lol haha brilliant great lovely amazing happy merry congratulations congrats welcome good well wow oh ah aw
did does do is was were are has have had will would should could can can't don't won't didn't isn't wasn't
let's lets if after before since because while as at on in by for from with to of about into over under up down off out
reminder lost found just quick message group chat letter letters email note notice newsletter update form forms
parents parent mum dad mums dads kids children teacher teachers
look see has been got get keep keeps went came going come coming saw heard told said says think thought know knew
labour tory tories conservative conservatives reform green greens snp ukip government council parliament brexit
eisteddfod urdd ceilidh hogmanay vaisakhi bonfire panto sats gcses estyn cafcass camhs ehcp senco brownies rainbows scouts cubs
beavers guides
""")
#: Welsh verbs that open a sentence with the child's name after them ("Mae Osian…", "Roedd Efa…").
_WELSH_VERBS = frozenset({"mae", "roedd", "oedd", "bydd", "fydd", "dyw", "doedd"})
NAME_FOLLOWERS = words("""has is was keeps kept hit hits bit bites pushed pushes kicked punched said says told got gets
had hasn't isn't wasn't won't will can can't does doesn't did didn't always never in from and w b
wet comes came cried cries threw throws swore smells stole steals broke ran runs copied cheated started starts called calls
shouted screamed refuses refused wears wore turns turned""")


# A capitalised word before one of these names a street or place, not a child ("Willow Road").
PLACE_WORDS = frozenset(["road", "rd", "street", "st", "avenue", "ave", "lane", "close", "drive", "way", "crescent", "gardens",
                         "court", "place", "grove", "terrace", "mews", "hill", "park", "rise", "view", "walk", "row", "square",
                         "primary", "school", "academy", "farm", "centre", "library", "hall", "church", "class", "classes"])
NOT_NAME_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ing", "ship", "ance", "ence")


class Text:
    """A message's text with what rules ask of it computed at most once."""

    __slots__ = ("__dict__", "folded", "lower", "original", "raw", "token_set", "tokens", "words")

    def __init__(self, original: str, own_names: frozenset[str] = frozenset(), adult_names: frozenset[str] = frozenset()) -> None:
        self.original = original
        # Lower-cased first names of the writer's own children, known from the rest of the chat (family.py).
        self.own_names = own_names
        # Lower-cased first names of the chat's members, grown-ups ("Thank you Lorraine", "Kelly, they can…"): no child.
        self.adult_names = adult_names
        plain = original.isascii()  # most messages: nothing to fold, nothing to map back
        self.folded: Folded | None = None if plain else fold(original)
        raw = original if self.folded is None else self.folded.text
        lower = raw.lower()
        if not plain and len(lower) != len(raw):  # a few characters change length when lower-cased
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in raw)
        self.raw = raw
        self.lower = lower
        self.tokens = _TOKEN.findall(lower)
        self.words = words = set(self.tokens)
        # Pseudo-tokens let rules about characters, not words, use the same prefilter.
        marks = []
        if "@" in raw:
            marks.append("#at")
        # Every mask and every ASCII digit is in _MASK_OR_DIGIT: without one, only digits of other scripts make a number.
        if _MASK_OR_DIGIT.search(lower):
            if _MASKED.search(lower):
                marks.append("#mask")
            if _NUMBER.search(raw):
                marks.append("#num")
            if _ARABIZI_DIGIT.search(lower):
                marks.append("#arabizi")  # a digit for an Arabic letter ("3ala", "7abas"): the other languages' rules read it
            if POSTCODE.search(raw):
                marks.append("#postcode")  # "LS6 2AB": an address with fewer digits than a number has
        elif not plain and _NUMBER.search(raw):
            marks.append("#num")
        if not plain and _OTHER_SCRIPT.search(raw):
            marks.append("#script")  # letters beyond ASCII: words of other languages, which tokens miss
        if not plain and PICTURE.search(raw):
            marks.append(EMOJI_MARK)
        if "!!" in raw or "?!" in raw or "!?" in raw or "???" in raw \
                or (_TWO_CAPITALS.search(raw) and (_UPPER_RUN.search(raw) or CAPS_SOUR.search(raw) or CAPS_PRAISE.search(raw))) \
                or (not plain and _ANGRY_FACE.search(raw)):
            marks.append("#shout")
        self.token_set = words.union(marks) if marks else words

    @once
    def lexicon_hits(self) -> list[Hit]:
        """Swear words and listed insults in any language the lexicon holds, disguised or not (upside down too)."""
        folded = None if self.folded is None else (lambda: self.disguised_letters)
        hits = profanity().scan(self.lower, self.tokens, self.token_set, self.raw, folded)
        if self.folded is not None and len(_UPSIDE_ONLY.findall(self.raw)) >= 2:
            # Text turned upside down ("ʞɔnɟ") reads right to left: read it the right way up, spans turned back.
            n = len(self.raw)
            upright = "".join(c if len(c.lower()) != 1 else c.lower() for c in (_UPSIDE_DOWN.get(c, c) for c in reversed(self.raw)))
            hits += [dataclasses.replace(h, start=n - h.end, end=n - h.start) for h in profanity().scan(upright)]
        return hits

    @once
    def disguised_letters(self) -> frozenset[int]:
        """Where the folded text has a letter written as another (a look-alike, a styled or accented letter, a mark
        removed beside it): a word rude only when disguised ("prick") is disguised there."""
        f = self.folded
        if f is None:
            return frozenset()
        if f.starts is None or f.ends is None:  # one character for one
            return frozenset(k for k, (a, b) in enumerate(zip(self.original, f.text, strict=True)) if a != b)
        original = self.original
        out = set()
        for k, (start, end) in enumerate(zip(f.starts, f.ends, strict=True)):
            if end - start != 1 or original[start] != f.text[k] or (k and f.ends[k - 1] != start):  # a mark dropped before it
                out.add(k)
        return frozenset(out)

    @once
    def offensive(self) -> list[Hit]:
        """Offensive words in the text, disguised or not (asked by more than one rule); insults alone are abuse's."""
        return [h for h in self.lexicon_hits if h.kind != "insult"]

    @once
    def key_words(self) -> list[tuple[str, int, int]]:
        """Words of any script as word lists match them (accents and Arabic vowel marks off), with their spans."""
        key = lexicon_key(self.lower)
        return [(ARABIC_MARKS.sub("", m.group()), m.start(), m.end()) for m in _ANY_WORD.finditer(key)]

    def in_original(self, hit: model.Hit) -> model.Hit:
        """``hit`` with its spans pointing into the original message rather than the folded text."""
        if self.folded is None or self.folded.starts is None:
            return hit
        return model.Hit(hit.summary, tuple(self.folded.span(s, e) for s, e in hit.spans))

    @once
    def staff(self) -> list[tuple[int, int]]:
        """Spans naming a member of staff: 'Mrs Patel', 'the teacher', 'the head', 'the office'."""
        if _STAFF_WORDS.isdisjoint(self.token_set):
            return []  # the pattern is long and most messages name nobody on the staff
        return [m.span() for m in _STAFF_RE.finditer(self.raw)]

    @once
    def names(self) -> list[tuple[int, int]]:
        """Spans of first names or surnames not preceded by a title (likely a child or parent)."""
        out = []
        raw = self.raw
        for m in _CAP_WORD.finditer(raw):
            word = m.group().lower()
            if word in COMMON_CAPS or word.rstrip("s") in COMMON_CAPS or any(s <= m.start() < e for s, e in self._titled_spans):
                continue
            i = m.start() - 1
            while i >= 0 and raw[i].isspace():  # the last character before the word (no copy of the text so far)
                i -= 1
            sentence_start = i < 0 or raw[i] in ".!?:"
            if i >= 2 and raw[i - 2:i + 1].lower() in (" in", " at") and not raw.startswith("'s", m.end()):
                continue  # "a child in Kestrels", "meet at Costa": a class, a place
            after = self.raw[m.end():m.end() + 12].lstrip()
            next_word = _NEXT_WORD.match(after)
            follows = next_word.group() if next_word else ""
            if follows.lower() in PLACE_WORDS or word in PLACE_WORDS or word.endswith(NOT_NAME_ENDINGS):
                continue
            if sentence_start and not (after.startswith("'s") or follows.lower() in NAME_FOLLOWERS or follows[:1].isupper()):
                continue
            if sentence_start and word in _WELSH_VERBS and follows[:1].isupper():
                continue  # "Mae Osian yn sâl": Welsh "is", a name after it (Mae alone is a name)
            out.append(m.span())
        return out

    @once
    def _titled_spans(self) -> list[tuple[int, int]]:
        if _TITLES.isdisjoint(self.token_set):
            return []
        return [m.span() for m in _TITLE_NAME_RE.finditer(self.raw)]

    @once
    def child_refs(self) -> list[tuple[int, int]]:
        """Spans pointing at someone else's child: a name, 'that boy', 'his daughter'.

        Not the writer's own child ("my daughter", "our Ayesha", a name in ``own_names``), not a member of the chat
        spoken to (``adult_names``, ``addressed``: "Thank you Lorraine") and not a grown-up ("his wife
        Sarah", "Dave's wife", "Tyler's dad": the talk is about the parent).
        """
        tokens = self.token_set
        # Tokens are ASCII: a possessive with a letter beyond it ("Mój Kuba", "আমার মেয়ে") is looked for in the words.
        mine = not subjects.OWN_WORDS.isdisjoint(tokens) or (
            self.folded is not None and not subjects.OWN_WORDS.isdisjoint(w for w, _, _ in self.key_words))
        own = subjects.own_child_spans(self.raw) if mine else []
        adults = not subjects.ADULT_WORDS.isdisjoint(tokens)
        refs = [] if _CHILD_WORDS.isdisjoint(tokens) else \
            [m.span() for m in _CHILD_NOUN_REF.finditer(self.raw) if not any(s <= m.start() < e for s, e in own)]
        names = [n for n in self.names if (n not in self.parents_of or _PARENT_REPORTS_CHILD.match(self.raw, n[1]))
                 and not subjects.is_own_child(self.raw, n, own)
                 and not (adults and subjects.is_adult(self.raw, n)) and not self._own_subject(n)
                 and not (self.lower[n[0]:n[1]] in self.adult_names and addressed(self.raw, n))]
        return sorted(refs + names)

    def _own_subject(self, span: tuple[int, int]) -> bool:
        """Whether the name at ``span`` is the writer's own child as the subject, not as the source of news
        ("Elsie says he still can't read" is about another child, "he")."""
        return bool(self.own_names) and self.lower[span[0]:span[1]] in self.own_names and not _REPORTS.match(self.raw, span[1])

    @once
    def parents_of(self) -> list[tuple[int, int]]:
        """Names used to point at a parent ("Tyler's dad"): the talk is about the parent."""
        return [n for n in self.names if _PARENT_OF.match(self.raw, n[1])]

    @once
    def child_nouns(self) -> list[tuple[int, int]]:
        """Spans such as 'that Murphy girl', 'the kid in 3B': unmistakably a child, not a parent."""
        initialled = [n for n in self.names if _INITIAL.match(self.raw, n[1])]  # "Freya W", as class lists write children
        return sorted({r for r in self.child_refs if r not in self.names} | set(initialled))

    @once
    def persons(self) -> list[tuple[int, int]]:
        """Any reference to a person other than the writer."""
        # Without a staff word the titles and roles cannot match: the short pattern finds the same spans.
        pattern = _PERSON_RE if self.staff else _PEOPLE_RE
        return sorted([m.span() for m in pattern.finditer(self.raw)] + self.names)


# Someone spoken to by name: after a greeting or thanks ("Thank you Lorraine", "Hi Iryna"), or opening the message before
# "I", "you", "we" or a word said to them ("Lee I get it", "Craig please don't", "Kelly you're right"). A name as news
# ("Grace has…", "It was Leo, he…", "Oh Leo is autistic") is none of these: a name before a comma or after "oh", "yes" or
# "sorry" is as often a child's as a member's.
_BEFORE_ADDRESSED = regex.compile(r"(?i:\b(?:hi|hiya|hey|hello|morning|evening|thanks|thank\s+you|cheers|ta|congrats|congratulations|"
                                  r"well\s+done|love\s+you|bless\s+you)[,!]?\s+)$")
_AFTER_ADDRESSED = regex.compile(r"[,!]?\s+(?i:i|i'm|i've|i'd|you|you're|you've|we|we're|please|pls|thanks|thank|honestly|hun|love|babe)\b")


def addressed(raw: str, span: tuple[int, int]) -> bool:
    """Whether the name at ``span`` is someone spoken to (a member of the chat, a grown-up), not someone spoken of."""
    start, end = span
    if _BEFORE_ADDRESSED.search(raw[max(0, start - 24):start]):
        return True
    return not raw[:start].strip() and _AFTER_ADDRESSED.match(raw, end) is not None


def compile_i(pattern: str) -> regex.Pattern[str]:
    """Case-insensitive on the raw text, so spans point into what the rep sees."""
    return regex.compile(pattern, _FLAGS)
