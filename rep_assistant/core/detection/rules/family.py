"""Which children each member of a chat is the parent of, read from the chat itself.

A parent rarely writes "my" every time: Kavya's mum tells the group "Kavya's allergic to
nuts", and nobody else's child is being discussed. Before the content rules run, one pass
over the chat collects the names each member has claimed as their own child:

- the member's display name ("Ayaan's Mum", "Sana (Ayaan's mum)", "Ayaan Dad");
- introductions and sign-offs ("I'm Sana, Ayaan's mum", "Ayaan's dad here", "this is
  Ayaan's mum", "- Ayaan's mum x", "(Ayaan's mum)");
- the writer's own child named ("my son Ayaan", "our Ayaan", "Ayaan, my eldest": subjects.py);
- a name the member talks about as family twice or more ("me and Ayaan", "we took Ayaan",
  "Ayaan and I") that no other member has claimed.

The answer only ever clears a message: a disclosure about the author's own child is not
someone else's personal data (the engine re-reads such a message with these names as own).
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import regex

from rep_assistant.core.detection.rules.model import Message
from rep_assistant.core.detection.rules.subjects import OWN_WORDS, own_child_spans
from rep_assistant.core.detection.rules.text import COMMON_CAPS

_NAME = r"(?-i:\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)"
_PARENT = r"(?:mum|mam|mom|mummy|mammy|mother|dad|daddy|father|step-?(?:mum|dad)|parents?|carer|nan|nana|gran|granny|grandma|grandad)"
# A display name that says whose parent the member is: "Ayaan's Mum", "Ayaan Mum", "Mum of Ayaan", "Sana (Ayaan's mum)".
_DISPLAY = regex.compile(rf"(?P<n>{_NAME})(?:'s|s')?\s+{_PARENT}\b|\b{_PARENT}\s+(?:of|to)\s+(?P<n2>{_NAME})", regex.IGNORECASE)
# The writer saying who they are in a message.
_INTRO = regex.compile(
    rf"\b(?:i'?m|i\s+am|it'?s|this\s+is|am)\s+(?:\w+,?\s+)?(?:\w+\s+)?(?P<n>{_NAME})'s\s+{_PARENT}\b"
    rf"|(?:^|[.!\n][^\S\n]*)(?P<n2>{_NAME})'s\s+{_PARENT}\s+here\b"
    rf"|\(\s*(?P<n3>{_NAME})'s\s+{_PARENT}\s*\)"
    rf"|(?:[-–—~][^\S\n]*|\n[^\S\n]*)(?P<n4>{_NAME})'s\s+{_PARENT}[^\w\n]*(?:x+[^\w\n]*)?$"
    rf"|\b(?:i'?m|i\s+am)\s+(?:\w+\s+)?{_PARENT}\s+(?:of|to)\s+(?P<n5>{_NAME})\b",
    regex.IGNORECASE | regex.MULTILINE,
)
_NAME_ONLY = regex.compile(_NAME)
_NAME_AFTER = regex.compile(rf",?\s+({_NAME})\b")  # "my daughter Zofia", "our eldest, Zofia"
# Talk of a child as family, counted: one such message proves little, two by the same member do.
_FAMILY_TALK = regex.compile(
    rf"\b(?:me|i)\s+and\s+(?P<n>{_NAME})\b|\b(?P<n2>{_NAME})\s+and\s+(?:me|i)\b"
    rf"|\b(?:we|i)\s+(?:\w+\s+)?(?:took|take|taking|picked\s+up|pick\s+up|dropped\s+off|collected|brought|bring|put)\s+(?P<n3>{_NAME})\b",
    regex.IGNORECASE,
)
_TALK_NEEDED = 2
# Words without which each reading cannot match, looked up in the message's word set (the pass reads every message).
_PARENT_WORDS = frozenset(["mum", "mam", "mom", "mummy", "mammy", "mother", "dad", "daddy", "father", "stepmum", "stepdad", "step",
                          "parent", "parents", "carer", "nan", "nana", "gran", "granny", "grandma", "grandad"])
_TALK_VERBS = frozenset(["took", "take", "taking", "picked", "pick", "dropped", "collected", "brought", "bring", "put"])
_WORD = re.compile(r"[a-z]+")

# A name as the subject of news ("Finlay's had…", "Kabir has…", "Tayla-Mai was…"): counted per member. A name
# one member keeps bringing up, far more than anyone else, is that member's own child (parents talk about
# their own; gossip about another child is rarer and shared). The standard library's re: it runs on every text.
_NEWS_VERBS = ("has", "had", "is", "was", "says", "said", "got", "gets", "came", "comes", "loves", "wants", "went", "can't", "hasn't",
               "isn't", "won't", "wasn't", "didn't", "doesn't", "keeps", "told")
# Opens with the capital and looks behind it (not after a letter, digit, _ or apostrophe): the same matches, and the search
# skips from capital to capital instead of trying the look-behind at every character.
_MENTION = re.compile(r"([A-Z](?<![\w'][A-Z])[a-z]+(?:-[A-Z]?[a-z]+)?)(?:'s\b|\s+(?:" + "|".join(_NEWS_VERBS) + r")\b)")
#: Every match has an apostrophe or one of these as a word of the text: without either, the search is spared.
_NEWS_WORDS = frozenset(v for v in _NEWS_VERBS if "'" not in v)
_NOT_A_CHILD_BEFORE = frozenset(["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Coach", "the", "The"])  # "Mrs Hale's", "the Co-op's"
_MENTIONS_NEEDED = 3  # messages by the member naming the child
_MENTION_SHARE = 2  # …at least twice as many as everyone else's together

#: What one text says: names claimed as the writer's own children, names talked of as family, names told news of.
Reading = tuple[frozenset[str], frozenset[str], frozenset[str]]
NOTHING: Reading = (frozenset(), frozenset(), frozenset())


def _names(match: regex.Match[str]) -> Iterable[str]:
    return (v.lower() for v in match.groupdict().values() if v and v.lower() not in COMMON_CAPS)


def _mentioned(text: str, words: frozenset[str] | set[str]) -> frozenset[str]:
    if "'" not in text and _NEWS_WORDS.isdisjoint(words):
        return frozenset()
    out = set()
    for m in _MENTION.finditer(text):
        name = m.group(1).lower()
        before = text[max(0, m.start() - 7):m.start()].split()
        if name not in COMMON_CAPS and not (before and before[-1].rstrip(".") in _NOT_A_CHILD_BEFORE):
            out.add(name)
    return frozenset(out)


def read(text: str, words: frozenset[str] | set[str]) -> Reading:
    """What ``text`` (whose lower-cased words are ``words``) says about the writer's children."""
    text = text.replace("\u2019", "'")  # phones write "Ayaan’s mum"
    mentioned = _mentioned(text, words)
    intro = not _PARENT_WORDS.isdisjoint(words)
    own = not OWN_WORDS.isdisjoint(words)
    talk = not _TALK_VERBS.isdisjoint(words) or ("and" in words and ("me" in words or "i" in words))
    if not (intro or own or talk):
        return (frozenset(), frozenset(), mentioned) if mentioned else NOTHING
    claimed: set[str] = set()
    if intro:
        claimed.update(n for m in _INTRO.finditer(text) for n in _names(m))
    if own:
        for s, e in own_child_spans(text):
            # "My daughter Isla": the span's capitalised "My" is no name, and the name comes after the span
            named = [w for w in _NAME_ONLY.findall(text[s:e]) if w.lower() not in COMMON_CAPS and w.lower() not in OWN_WORDS] \
                or [m.group(1) for m in [_NAME_AFTER.match(text, e)] if m and m.group(1).lower() not in COMMON_CAPS]
            claimed.update(w.lower() for w in named)
    talked = frozenset(n for f in _FAMILY_TALK.finditer(text) for n in _names(f)) if talk else frozenset()
    return (frozenset(claimed), talked, mentioned) if claimed or talked or mentioned else NOTHING


class Families:
    """Gathers what members say about their children, message by message; ``children()`` answers at the end."""

    def __init__(self) -> None:
        self._claimed: dict[str, set[str]] = defaultdict(set)
        self._talk: dict[str, Counter[str]] = defaultdict(Counter)
        self._mentions: dict[str, Counter[str]] = defaultdict(Counter)
        self._all_mentions: Counter[str] = Counter()

    def add(self, author: str, reading: Reading) -> None:
        """What one message by ``author`` says (most say nothing: the caller may skip NOTHING)."""
        self._claimed[author] |= reading[0]
        self._talk[author].update(reading[1])
        self._mentions[author].update(reading[2])
        self._all_mentions.update(reading[2])

    def told_of(self, least: int = 2) -> frozenset[str]:
        """Names the chat tells news of ("Tyler's been…", "Tyler got…") at least ``least`` times: children, mostly."""
        return frozenset(n for n, c in self._all_mentions.items() if c >= least)

    def _kept_up(self, author: str) -> set[str]:
        """Names ``author`` keeps telling news of, far more than anyone else does."""
        mine = self._mentions.get(author)
        if not mine:
            return set()
        return {n for n, c in mine.items() if c >= _MENTIONS_NEEDED and c >= _MENTION_SHARE * (self._all_mentions[n] - c)}

    def children(self, authors: Iterable[str]) -> dict[str, frozenset[str]]:
        """Member -> lower-cased first names of the children the chat shows them to be the parent of.

        ``authors`` are every member who posted: a display name ("Ayaan's Mum") says it without a message.
        A name inferred from talk alone counts only when no member has claimed it in words.
        """
        claimed = {a: self._claimed.get(a, set()) | {n for d in _DISPLAY.finditer(a) for n in _names(d)} for a in authors}
        everyone_claims = Counter(n for names in claimed.values() for n in names)
        out = {}
        for author, names in claimed.items():
            talk = self._talk.get(author, Counter())
            inferred = {n for n, c in talk.items() if c >= _TALK_NEEDED} | self._kept_up(author)
            found = names | {n for n in inferred if everyone_claims[n] == 0}
            if found:
                # "Tayla-Mai" is also written and found as "Tayla" and "Mai"
                out[author] = frozenset(found | {part for n in found if "-" in n for part in n.split("-")})
        return out


# A display name's first word, when it is a given name: "Jo Hartley (Class Rep)", "Dawn 🌸"; not a display name that
# says whose parent the member is ("Ayaan's Mum", "Mia & Leo's Mum", "Ruby (Yr2) Mum", "Sana (Ayaan's mum)": its first
# word may be the child's), "Mrs Hale" or a phone number.
_FIRST_NAME = regex.compile(rf"^\W*({_NAME})(?!['’]s\b|s['’])(?=\W|$)")


def first_names(authors: Iterable[str], children: Iterable[str] = ()) -> frozenset[str]:
    """Lower-cased given names of the chat's members, grown-ups all, less any name the chat shows to be a child's
    (``children``): spoken to, "Thank you Lorraine", "Hi Iryna", they are no child (``text.addressed``)."""
    out = set()
    for author in authors:
        m = _FIRST_NAME.match(author)
        if m and (name := m.group(1).lower()) not in COMMON_CAPS and _PARENT_WORDS.isdisjoint(_WORD.findall(author.lower())):
            out.add(name)
    return frozenset(out.difference(children))


def children_by_author(messages: Iterable[Message]) -> dict[str, frozenset[str]]:
    """Member -> lower-cased first names of the children ``messages`` show them to be the parent of."""
    families = Families()
    posts = [m for m in messages if m.is_post and not m.is_media and m.text]
    for m in posts:
        families.add(m.author, read(m.text, set(_WORD.findall(m.text.lower()))))
    return families.children({m.author for m in posts})
