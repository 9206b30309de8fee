"""Masking what the school does not need before a bundle leaves the rep's computer.

UK GDPR's data minimisation: the school needs who posted what and which clause it breaks, not
other parents' phone numbers or e-mails, nor the names of bystanders and of children who were
only mentioned around the flagged messages. Masks keep a hint of the original ("07700 9•••••",
"a•••@example.com") so a reader can tell two masked values apart, and bystanders get stable
labels ("Parent A") so the conversation still reads.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

MASK = "•"

_EMAIL = regex.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)")
# A phone number: optional +, then digits with spaces, dots, dashes or brackets, 9 to 15 digits in all.
_PHONE = regex.compile(r"(?<![\w+])\+?\(?\d(?:[\s().\-\u00a0\u202f\u2011]{0,2}\d){8,14}(?!\w)")
# Where a child's name is given away by the words around it ("my son Leo", "Maya's mum", "Leo in Year 3").
_CHILD_CUES = (
    regex.compile(r"\b(?:[Mm]y|[Oo]ur|[Hh]er|[Hh]is|[Tt]heir|[Yy]our|[Tt]he)\s+(?:son|daughter|boy|girl|child|kid|little one|twins?)\s*,?\s+(\p{Lu}\p{Ll}+)"),
    regex.compile(r"\b(\p{Lu}\p{Ll}+)['’]s\s+(?:mum|mom|mummy|dad|daddy|mother|father|parents?|carer|nan|grandma|grandad|nanny)\b"),
    regex.compile(r"\b(\p{Lu}\p{Ll}+)\s+(?:in|from)\s+(?:[Yy]ear\s*\d|Y\d|[Rr]eception|[Cc]lass\s+\w+)"),
    regex.compile(r"\b(?:pupil|child|boy|girl|classmate)\s+(?:called|named)\s+(\p{Lu}\p{Ll}+)"),
)
_NOT_NAMES = {"The", "This", "That", "Our", "Your", "My", "Her", "His", "Their", "Year", "Class", "Reception", "Miss", "Mrs", "Mr", "Ms"}


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


def _label(prefix: str, index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{prefix} {letters}"


@dataclass
class Redactor:
    """Masks contact details everywhere, and bystanders' and children's names unless kept.

    ``keep_names``: people the school needs named (the posters, the rep). ``keep_children``:
    children named in the flagged messages themselves, which the school needs to act.
    ``bystanders``: other members' display names. ``allowed``: the school's own published phone
    and e-mail, never masked.
    """

    keep_names: set[str] = field(default_factory=set)
    bystanders: Iterable[str] = ()
    children: Iterable[str] = ()
    keep_children: set[str] = field(default_factory=set)
    allowed: Iterable[str] = ()
    enabled: bool = True

    def __post_init__(self) -> None:
        self._labels: dict[str, str] = {}
        allowed = [a for a in self.allowed if a]
        self._allowed_digits = {_digits(a) for a in allowed if len(_digits(a)) >= 7}
        self._allowed_emails = {a.casefold() for a in allowed if "@" in a}
        self._keep_digits = {_digits(n) for n in self.keep_names if len(_digits(n)) >= 7}
        for name in sorted(set(self.bystanders) - self.keep_names, key=str.casefold):
            self._labels.setdefault(name, _label("Parent", len([v for v in self._labels.values() if v.startswith("Parent")])))
        kids = sorted(set(self.children) - self.keep_children - self.keep_names, key=str.casefold)
        for index, name in enumerate(kids):
            self._labels.setdefault(name, _label("Child", index))
        # Longest first so "Sam Jones" is replaced before "Sam"; a first name stands for its member too.
        variants: dict[str, str] = {}
        for name, label in self._labels.items():
            variants[name] = label
            first = name.split()[0] if " " in name else ""
            kept_first = {k.split()[0] for k in self.keep_names if k}
            if len(first) >= 3 and first[:1].isupper() and first not in kept_first and not _digits(first):
                variants.setdefault(first, label)
        self._variants = variants
        self._names_re = (
            regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(v) for v in sorted(variants, key=len, reverse=True)) + r")(?!\w)")
            if variants else None
        )

    def name(self, display_name: str | None) -> str:
        """How an author is shown: kept, or their stable label."""
        if not display_name:
            return "a former member"
        if not self.enabled or display_name in self.keep_names:
            return display_name
        return self._labels.get(display_name) or self._labels.setdefault(
            display_name, _label("Parent", sum(v.startswith("Parent") for v in self._labels.values())))

    def text(self, text: str) -> str:
        """Mask e-mails, phone numbers and names in free text."""
        if not self.enabled or not text:
            return text
        text = _EMAIL.sub(self._email, text)
        text = _PHONE.sub(self._phone, text)
        if self._names_re is not None:
            text = self._names_re.sub(lambda m: self._variants[m.group(0)], text)
        return text

    def _email(self, match: "regex.Match[str]") -> str:
        address = match.group(0)
        return address if address.casefold() in self._allowed_emails else mask_email(address)

    def _phone(self, match: "regex.Match[str]") -> str:
        number = match.group(0)
        digits = _digits(number)
        if digits in self._allowed_digits or digits in self._keep_digits:
            return number
        if any(digits.endswith(a[-9:]) and len(a) >= 9 for a in self._allowed_digits | self._keep_digits):
            return number  # the same number written with a country code (or without)
        return mask_phone(number)
