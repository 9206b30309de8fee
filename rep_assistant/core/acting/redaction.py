"""Masking what the school (or a parent asking for their data) must not see.

UK GDPR's data minimisation: the school needs who posted what and which clause it breaks, not
other parents' phone numbers or e-mails, nor the names of bystanders and of children who were
only mentioned; a subject-access reply must not disclose anyone else at all. Masks keep a hint
of the original ("07700 9•••••", "a•••@example.com") so a reader can tell two masked values
apart, and people get stable labels ("Parent A", "Child A"), given in the order a reader meets
them, so the first masked parent is always Parent A.

Masking fails closed. A member is known by much more than their display name, so every form
is masked: the full name in any case and with any separator ("sophie quince", "Sophie_Quince",
".../sophie-quince-photos"), the first name and the surname alone ("Quince family"), and their
usual short forms ("Soph", from the first letters of the name and from
``resources/lexicons/nicknames.csv``). A link that contains any of those anywhere is removed
whole, since a slug ("…/ashworth-runs") or a host names them as surely as the text. Names that
are also everyday words (``name_words.txt``: Will, Green, Rose) are masked when capitalised,
so the rest of a message stays readable. A word that belongs to two people at once (two
parents called Sam) becomes "a parent", never one of their labels.
"""

import csv
import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from rep_assistant.core import resources

if TYPE_CHECKING:
    from rep_assistant.core.store import Store

MASK = "•"
#: What a word shared by two people becomes (which one is meant cannot be known).
SHARED_LABEL = "a parent"
LINK_REMOVED = "[link removed: it names someone]"

_EMAIL = regex.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)")
# A phone number: optional +, then digits with spaces, dots, dashes or brackets, 9 to 15 digits in all.
_PHONE = regex.compile(r"(?<![\w+])\+?\(?\d(?:[\s().\-\u00a0\u202f\u2011]{0,2}\d){8,14}(?!\w)")
_LINK = regex.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")
# Where a child's name is given away by the words around it ("my son Leo", "Maya's mum", "Leo in Year 3").
_CHILD_CUES = (
    regex.compile(r"\b(?:[Mm]y|[Oo]ur|[Hh]er|[Hh]is|[Tt]heir|[Yy]our|[Tt]he)\s+(?:son|daughter|boy|girl|child|kid|little one|twins?)\s*,?\s+(\p{Lu}\p{Ll}+)"),
    regex.compile(r"\b(\p{Lu}\p{Ll}+)['’]s\s+(?:mum|mom|mummy|dad|daddy|mother|father|parents?|carer|nan|grandma|grandad|nanny)\b"),
    regex.compile(r"\b(\p{Lu}\p{Ll}+)\s+(?:in|from)\s+(?:[Yy]ear\s*\d|Y\d|[Rr]eception|[Cc]lass\s+\w+)"),
    regex.compile(r"\b(?:pupil|child|boy|girl|classmate)\s+(?:called|named)\s+(\p{Lu}\p{Ll}+)"),
)
#: Every word one of the child cues needs, as a full-text query (the cue patterns then decide).
_CUE_WORDS = " OR ".join([
    "son", "sons", "daughter", "daughters", "boy", "girl", "child", "kid", "kids", "little", "twin", "twins",
    "mum", "mom", "mummy", "dad", "daddy", "mother", "father", "parent", "parents", "carer", "nan", "grandma",
    "grandad", "nanny", "year", "reception", "class", "pupil", "classmate", "called", "named",
    *(f"y{n}" for n in range(1, 14))])
_NOT_NAMES = {"The", "This", "That", "Our", "Your", "My", "Her", "His", "Their", "Year", "Class", "Reception", "Miss", "Mrs", "Mr", "Ms"}
#: Words in a display name that are not part of anyone's name.
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx", "prof", "mum", "dad", "mummy", "daddy", "nan", "grandma", "grandad"}
_PREFIX = 4  # "Soph" from Sophie, "Rach" from Rachel: the short form a chat uses most
_SEPARATORS = r"[\s._\-]*"


@functools.cache
def _name_words() -> frozenset[str]:
    lines = resources.read_text("lexicons/name_words.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def _nicknames() -> dict[str, tuple[str, ...]]:
    rows = csv.DictReader(io.StringIO(resources.read_text("lexicons/nicknames.csv")))
    return {row["name"].casefold(): tuple(n for n in row["nicknames"].split("|") if n) for row in rows}


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def mask_phone(number: str) -> str:
    """Keep the layout and leading digits, mask the last five: 07700 900123 -> 07700 9•••••."""
    digits = len(_digits(number))
    hide = 5
    out, seen = [], 0
    for ch in number:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= digits - hide else MASK)
        else:
            out.append(ch)
    return "".join(out)


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}{MASK * 3}@{domain}"


def children_named(texts: Iterable[str]) -> set[str]:
    """Names the words around them mark as children's ("my daughter Isla")."""
    names: set[str] = set()
    for text in texts:
        for cue in _CHILD_CUES:
            names.update(m.group(1) for m in cue.finditer(text) if m.group(1) not in _NOT_NAMES)
    return names


def _squash(text: str) -> str:
    """Letters and digits only, casefolded: how a name is compared in a link or written without spaces."""
    return regex.sub(r"[^\p{L}\p{N}]", "", text.casefold())


def _label(prefix: str, index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{prefix} {letters}"


def name_tokens(name: str) -> list[str]:
    """The words of a display name that are a name ("Sophie 🌸 Quince (Maple)" -> Sophie, Quince, Maple)."""
    return [t for t in regex.findall(r"\p{L}[\p{L}'’]*", name) if t.casefold() not in _TITLES and len(t) >= 2]


def short_forms(first: str) -> set[str]:
    """What a chat may call someone with this first name: its first letters and its usual nicknames."""
    forms = set(_nicknames().get(first.casefold(), ()))
    if len(first) > _PREFIX + 1:
        forms.add(first[:_PREFIX])
    return {f for f in forms if f.casefold() != first.casefold()}


@dataclass
class Redactor:
    """Masks contact details everywhere, and bystanders' and children's names unless kept.

    ``keep_names``: people the reader needs named (the posters and the rep; for a subject-access
    reply, the person asking). ``keep_children``: children named in the flagged messages
    themselves, which the school needs to act. ``bystanders``: other members' display names.
    ``allowed``: the school's own published phone and e-mail, never masked.
    """

    keep_names: set[str] = field(default_factory=set)
    bystanders: Iterable[str] = ()
    children: Iterable[str] = ()
    keep_children: set[str] = field(default_factory=set)
    allowed: Iterable[str] = ()
    enabled: bool = True

    def __post_init__(self) -> None:
        self._labels: dict[str, str] = {}  # person (display name or child's name) -> label, in order of first use
        self._counts: dict[str, int] = {}
        allowed = [a for a in self.allowed if a]
        self._allowed_digits = {_digits(a) for a in allowed if len(_digits(a)) >= 7}
        self._allowed_emails = {a.casefold() for a in allowed if "@" in a}
        self._keep_digits = {_digits(n) for n in self.keep_names if len(_digits(n)) >= 7}
        kept_words = {t.casefold() for n in self.keep_names for t in name_tokens(n)}
        people = {n: "Parent" for n in set(self.bystanders) - self.keep_names if n and name_tokens(n)}
        for child in set(self.children) - self.keep_children - self.keep_names:
            people.setdefault(child, "Child")
        self._kind = people
        # variant (letters only, casefolded) -> the people it may mean
        owners: dict[str, set[str]] = {}
        whole: list[str] = []
        anywhere: set[str] = set()
        capital: set[str] = set()
        for person, kind in people.items():
            tokens = name_tokens(person)
            if len(tokens) > 1:
                whole.append(_SEPARATORS.join(regex.escape(t) for t in tokens))
                owners.setdefault(_squash(person), set()).add(person)
            nicknames = short_forms(tokens[0]) if kind == "Parent" else set()
            for token in set(tokens) | nicknames:
                key = token.casefold()
                if key in kept_words or len(key) < 3:
                    continue
                owners.setdefault(_squash(token), set()).add(person)
                if key in _name_words() or token in nicknames:
                    capital.add(regex.escape(token[:1].upper() + token[1:]))
                else:
                    anywhere.add(regex.escape(token))
        self._owners = owners
        by_length = functools.partial(sorted, key=len, reverse=True)
        pattern = "|".join([f"(?i:{'|'.join(by_length(whole))})"] * bool(whole)
                           + [f"(?i:{'|'.join(by_length(anywhere))})"] * bool(anywhere)
                           + ["|".join(by_length(capital))] * bool(capital))
        self._names_re = regex.compile(r"(?<![\p{L}\p{N}])(?:" + pattern + r")(?![\p{L}\p{N}])") if pattern else None

    def _label_for(self, person: str) -> str:
        label = self._labels.get(person)
        if label is None:
            kind = self._kind.get(person, "Parent")
            label = self._labels[person] = _label(kind, self._counts.get(kind, 0))
            self._counts[kind] = self._counts.get(kind, 0) + 1
        return label

    def name(self, display_name: str | None) -> str:
        """How an author is shown: kept, or their stable label."""
        if not display_name:
            return "a former member"
        if not self.enabled or display_name in self.keep_names:
            return display_name
        return self._label_for(display_name)

    def text(self, text: str) -> str:
        """Mask links that name someone, e-mails, phone numbers and names in free text."""
        if not self.enabled or not text:
            return text
        text = _LINK.sub(self._link, text)
        text = _EMAIL.sub(self._email, text)
        text = _PHONE.sub(self._phone, text)
        if self._names_re is not None:
            text = self._names_re.sub(self._name, text)
        return text

    def _name(self, match: "regex.Match[str]") -> str:
        owners = self._owners.get(_squash(match.group(0)), set())
        return self._label_for(next(iter(owners))) if len(owners) == 1 else SHARED_LABEL

    def _link(self, match: "regex.Match[str]") -> str:
        link = _squash(match.group(0))
        return LINK_REMOVED if any(word in link for word in self._owners) else match.group(0)

    def _email(self, match: "regex.Match[str]") -> str:
        address = match.group(0)
        if address.casefold() in self._allowed_emails:
            return address
        domain = _squash(match.group(2))
        masked = mask_email(address)
        if any(word in domain for word in self._owners):
            masked = masked.split("@")[0] + "@" + MASK * 3 + "." + address.rsplit(".", 1)[-1]
        return masked

    def _phone(self, match: "regex.Match[str]") -> str:
        number = match.group(0)
        digits = _digits(number)
        if digits in self._allowed_digits or digits in self._keep_digits:
            return number
        if any(digits.endswith(a[-9:]) and len(a) >= 9 for a in self._allowed_digits | self._keep_digits):
            return number  # the same number written with a country code (or without)
        return mask_phone(number)


def for_chats(store: "Store", chat_ids: Iterable[int], *, keep_names: set[str], keep_children: set[str] = frozenset(),
              allowed: Iterable[str] = (), enabled: bool = True) -> Redactor:
    """A Redactor that knows everyone in ``chat_ids``: every member, and every child named anywhere in them.

    Children are looked for in the whole chat and in the rep's notes, not only near the messages
    shown: a child named a week earlier is as identifiable in a bundle as one named beside it.
    """
    ids = ",".join(str(int(i)) for i in chat_ids) or "NULL"
    members = [row[0] for row in store.db.conn.execute(f"SELECT name FROM members WHERE chat_id IN ({ids})")]
    # Only messages holding one of the cue words can name a child: the search index finds them at once
    # (reading a 100,000-message chat through the cue patterns takes 1.4 s; these few, milliseconds).
    texts = (row[0] for row in store.db.conn.execute(
        "SELECT text FROM messages WHERE id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?) "
        f"AND chat_id IN ({ids}) "
        "UNION ALL SELECT text FROM notes UNION ALL SELECT reason FROM member_events "
        f"WHERE chat_id IN ({ids}) UNION ALL SELECT title FROM incidents WHERE chat_id IN ({ids})", (_CUE_WORDS,)))
    return Redactor(keep_names=keep_names, bystanders=members, children=children_named(texts),
                    keep_children=set(keep_children), allowed=allowed, enabled=enabled)
