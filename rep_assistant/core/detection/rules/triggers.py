"""Trigger words derived from a rule's patterns: the prefilter nobody keeps by hand.

Every match of a pattern contains some words for certain: ``\\bdisgrace(?:ful|d)\\b`` cannot
match without a word starting "disgrace". This module reads a pattern's syntax tree and
returns such a set (any match holds at least one of them), choosing the rarest words it can.
A message none of whose words is in the set is never given to the pattern's regex.

A trigger is written as a word ("teacher": the whole word) or a prefix with a star
("disgr*": a word starting so). Words are runs of ``\\w`` in the lower-cased text, which is
also where ``\\b`` sits, so the derivation and the regex agree about word edges.
"""

import re
import re._constants as sre
import re._parser as sre_parse
import warnings
from collections.abc import Hashable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any

from rep_assistant.core.detection.rules.model import kept

#: Prefixes are cut to at most this many characters, so a word is looked up a few times at most.
PREFIX_MAX = 5
PREFIX_MIN = 3
_WORD = re.compile(r"\w+")

# The cost model picks the rarest requirement. Function words are in nearly every message; words
# of school chat (school, mum, tomorrow) in very many.
_FUNCTION = frozenset((
    "a", "an", "the", "and", "or", "but", "if", "so", "to", "of", "in", "on", "at", "by", "for", "from", "with", "about", "as", "into", "is", "are",
    "was", "were", "be", "been", "being", "am", "i", "me", "my", "we", "us", "our", "you", "your", "u", "he", "him", "his", "she", "her", "they", "them",
    "their", "it", "its", "this", "that", "these", "those", "there", "here", "what", "who", "why", "how", "when", "where", "which", "not", "no", "yes",
    "do", "does", "did", "done", "have", "has", "had", "will", "would", "can", "could", "should", "just", "all", "any", "some", "one", "get", "got", "go",
    "going", "out", "up", "off", "over", "back", "again", "still", "more", "very", "really", "too", "also", "then", "than", "now", "x", "s", "t", "ll",
    "re", "ve", "m", "d",
))
_SCHOOL_TALK = frozenset((
    "school", "class", "teacher", "teachers", "kids", "kid", "child", "children", "mum", "mums", "dad", "dads", "parents", "parent", "day", "week",
    "time", "year", "said", "know", "think", "old", "new", "good", "great", "anyone", "everyone", "someone", "need", "needs", "see", "use", "come",
    "came", "home", "moved", "sorry", "today", "tomorrow", "please", "thanks", "thank",
))
_COMMON = _FUNCTION | _SCHOOL_TALK
#: Words too common to wake a rule on their own (other modules pick their wake words around them).
COMMON_WORDS = _COMMON


def words(pattern: str) -> frozenset[str] | None:
    """Triggers of ``pattern`` (regex syntax): a set one of which is in every match, or None if none is certain.

    Syntax only the ``regex`` module knows is read as its nearest ``re`` equivalent first
    (``\\p{Lu}`` as a letter class); a pattern ``re`` cannot read at all has no triggers.
    """
    tree = _parse(pattern)
    if tree is None:
        return None
    found = _sequence(tree, start_edge=False, end_edge=False)
    _known(found or ())
    return frozenset(found) if found else None


def _parse(pattern: str) -> list | None:
    """The parse tree of ``pattern`` as ``re`` reads it (``regex``-only syntax turned into its nearest ``re`` form first),
    or None when ``re`` cannot read it."""
    for old, new in _REGEX_ONLY:
        pattern = pattern.replace(old, new)
    try:
        return list(sre_parse.parse(pattern, re.IGNORECASE))
    except (re.error, OverflowError, RecursionError):
        return None


def requirements(pattern: str, most: int = 3) -> tuple[frozenset[str], ...]:
    """Up to ``most`` of the sets a match must each meet, cheapest first: all must be met before the regex runs."""
    tree = _parse(pattern)
    if tree is None:
        return ()
    options = sorted(_options(tree, False, False), key=lambda o: (cost(o), len(o)))
    for o in options[:most]:
        _known(o)
    return tuple(frozenset(o) for o in options[:most])


def symbols(pattern: str) -> str | None:
    """A pattern of characters other than letters, digits and spaces (punctuation, emoji) in every match of ``pattern``.

    For what word triggers cannot express: a complaint that must end in "!!" or an eye-roll, a quote that must
    open with a quotation mark. The first such item the pattern's sequence must match, written alone (a run of
    one such character as that many of it); None when no item must.
    """
    tree = _parse(pattern)
    return None if tree is None else _symbols(tree)


def _symbols(items: list) -> str | None:
    """The first item of a sequence that every match of it holds a match of (``_symbol_item``), or None."""
    for op, av in items:
        found = _symbol_item(op, av)
        if found:
            return found
    return None


def _symbol_item(op: int, av: Any) -> str | None:
    """A pattern of symbols that whatever this item matches holds (a repeat at least once, a group, every branch)."""
    if op is sre.LITERAL:
        return re.escape(chr(av)) if _symbol(av) else None
    if op is sre.IN:
        return "[" + "".join(re.escape(chr(a)) for _, a in av) + "]" if all(o is sre.LITERAL and _symbol(a) for o, a in av) else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, _, body = av
        if lo < 1:
            return None
        if len(body) == 1 and body[0][0] in (sre.LITERAL, sre.IN):  # one character repeated: that many of it
            one = _symbol_item(*body[0])
            return f"{one}{{{lo}}}" if one and lo > 1 else one
        return _symbols(list(body))
    if op is sre.SUBPATTERN:
        return _symbols(list(av[3]))
    if op is sre.ATOMIC_GROUP:
        return _symbols(list(av))
    if op is sre.BRANCH:
        branches = [_symbols(list(b)) for b in av[1]]
        return "|".join(f"(?:{b})" for b in branches) if all(branches) else None  # type: ignore[misc]
    return None


def _symbol(code: int) -> bool:
    return not _is_word_char(code) and not chr(code).isspace()


_REGEX_ONLY = ((r"\p{Lu}", "[A-Z]"), (r"\p{Ll}", "[a-z]"), (r"\p{L}", "[a-zA-Z]"), (r"\p{So}", "[^\\w\\s]"))


def cost(triggers: Iterable[str]) -> float:
    """How often a set of triggers lets a message through, roughly: common words and short prefixes let many."""
    total = 0.0
    for t in triggers:
        stem = t[:-1] if t.endswith("*") else t
        if t in _FUNCTION or (t.endswith("*") and any(w.startswith(stem) for w in _FUNCTION)):
            total += 100
        elif t in _SCHOOL_TALK or (t.endswith("*") and any(w.startswith(stem) for w in _SCHOOL_TALK)):
            total += 30
        elif t.endswith("*"):
            total += {3: 6, 4: 2}.get(len(stem), 0.5)
        else:
            total += 0.5 if len(stem) <= 3 else 0.1
    return total


def _is_word_char(code: int) -> bool:
    return bool(_WORD.fullmatch(chr(code)))


def _separator(op: int, av: object) -> bool:
    """One character that is never part of a word (a space, a comma, an apostrophe...)."""
    if op is sre.LITERAL:
        return not _is_word_char(av)  # type: ignore[arg-type]
    if op is sre.IN:
        items = av  # type: ignore[assignment]
        if any(o is sre.NEGATE for o, _ in items):
            return False
        for o, a in items:
            if o is sre.LITERAL and not _is_word_char(a):
                continue
            if o is sre.CATEGORY and a in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
                continue
            return False
        return True
    return False


def _edge_item(op: int, av: object) -> bool:
    """Whatever this item matches starts (or is) at a word edge."""
    if op is sre.AT:
        return av in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_END, sre.AT_BEGINNING_STRING, sre.AT_END_STRING)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, _, sub = av  # type: ignore[misc]
        return lo >= 1 and len(sub) >= 1 and _separator(*sub[0])
    return _separator(op, av)


def _best(options: list[set[str]]) -> set[str] | None:
    return min(options, key=lambda s: (cost(s), len(s))) if options else None


def _sequence(items: list, start_edge: bool, end_edge: bool) -> set[str] | None:
    """The cheapest requirement among the words this sequence must contain."""
    return _best(_options(items, start_edge, end_edge))


def _options(items: list, start_edge: bool, end_edge: bool) -> list[set[str]]:
    """Every set of words this sequence must contain one of (each set is a separate requirement)."""
    options: list[set[str]] = []
    piece = ""
    piece_start = start_edge  # whether the current run of literal letters starts at a word edge
    edge = start_edge  # whether the position before the next item is a word edge

    def close(at_edge: bool) -> None:
        nonlocal piece
        if piece:
            if piece_start and at_edge:
                options.append({piece})
            elif piece_start and len(piece) >= PREFIX_MIN:
                options.append({piece[:PREFIX_MAX] + "*"})
        piece = ""

    items = [_as_branch(op, av) for op, av in items]
    for i, (op, av) in enumerate(items):
        next_edge = end_edge if i + 1 == len(items) else _edge_item(*items[i + 1])
        if op is sre.LITERAL and _is_word_char(av):
            if not piece:
                piece_start = edge
            piece += chr(av).lower()
            edge = False
            continue
        if _separator(op, av) or (op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1
                                  and len(av[2]) == 1 and _separator(*av[2][0])):
            close(True)
            edge = True
            continue
        if op is sre.AT:
            if av is sre.AT_BOUNDARY or av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END, sre.AT_END_STRING):
                close(True)
                edge = True
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: nothing required, the edge is unchanged
        held: tuple[list, bool] = ([], edge)
        if piece and op in (sre.BRANCH, sre.SUBPATTERN):
            held = ([(sre.LITERAL, ord(c)) for c in piece], piece_start)
            piece = ""
        close(False)
        if op is sre.SUBPATTERN:
            head, head_edge = held
            sub = _sequence(head + list(av[3]), head_edge, next_edge)
            if sub:
                options.append(sub)
            edge = _ends_at_edge(list(av[3]), edge)
        elif op is sre.ATOMIC_GROUP:
            sub = _sequence(list(av), edge, next_edge)
            if sub:
                options.append(sub)
            edge = False
        elif op is sre.BRANCH:
            # The parser moves letters all branches share in front of them ("cancelled|changed" is
            # "c" then "ancelled|hanged"): give them back to each branch.
            head, head_edge = held
            branches = [_sequence(head + list(b), head_edge, next_edge) for b in av[1]]
            if all(branches):
                options.append(set().union(*branches))  # type: ignore[arg-type]
            edge = all(_ends_at_edge(list(b), edge) for b in av[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            lo, _, sub_items = av
            body = list(sub_items)
            if lo >= 1:
                sub = _sequence(body, edge, False)
                if sub:
                    options.append(sub)
            ends = _ends_at_edge(body, edge)
            edge = ends if lo >= 1 else (edge and ends)
        else:
            edge = False
    close(end_edge)
    return options


def _as_branch(op: int, av: object) -> tuple[int, object]:
    """A class of a few single characters ("sh[1!i]t") read as their alternation, so the words around it still count."""
    if op is sre.IN and 1 < len(av) <= _CLASS_MAX and all(o is sre.LITERAL for o, _ in av) and not _separator(op, av):  # type: ignore[arg-type]
        return sre.BRANCH, (None, [[(sre.LITERAL, a)] for _, a in av])  # type: ignore[union-attr]
    return op, av


_CLASS_MAX = 4


def _ends_at_edge(items: list, start_edge: bool) -> bool:
    """Whether the position after this sequence is surely a word edge (empty keeps the edge it had)."""
    if not items:
        return start_edge
    op, av = items[-1]
    if op is sre.AT and av in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
        return True
    if _separator(op, av):
        return True
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, _, sub = av
        body = _ends_at_edge(list(sub), False)
        # Repeated nought times, the sequence ends where its earlier items end.
        return body if lo >= 1 else body and _ends_at_edge(items[:-1], start_edge)
    if op is sre.SUBPATTERN:
        return _ends_at_edge(list(av[3]), start_edge)
    if op is sre.BRANCH:
        return all(_ends_at_edge(list(b), start_edge) for b in av[1])
    return False


class Index:
    """Which rules a message's keys wake (keys(): its words, and their first letters as "pre*")."""

    def __init__(self, triggers: Mapping[Hashable, frozenset[str] | None]) -> None:
        self.always = frozenset(key for key, trig in triggers.items() if not trig)
        by_key: dict[str, set[Hashable]] = {}
        for key, trig in triggers.items():
            for t in trig or ():
                by_key.setdefault(t, set()).add(key)
        self.by_key = by_key
        self.keyset = frozenset(by_key)
        _known(self.keyset)

    def woken(self, keys: AbstractSet[str], more: AbstractSet[str] = frozenset()) -> AbstractSet[Hashable]:
        """Keys of the rules one of whose triggers is among ``keys`` or ``more`` (plus those that always run).

        Most messages wake none: two lookups in C say so without building the union of the two sets.
        """
        keyset = self.keyset
        if keyset.isdisjoint(keys) and keyset.isdisjoint(more):
            return self.always
        out = set(self.always)
        by_key = self.by_key
        for k in (keys | more) & keyset:  # the intersection runs in C; most words wake nothing
            out |= by_key[k]
        return out


#: Every trigger some rule or gate uses (filled by words(), requirements() and Index): a key outside it wakes
#: nothing, so keys() leaves it out and a message's keys are a handful of strings rather than four per word.
_KNOWN: set[str] = set()
#: word -> its keys among _KNOWN, and the words that have any; replaced whole (never cleared in place), so a
#: scan in another thread keeps the pair it started with.
_memo: tuple[dict[str, tuple[str, ...]], set[str]] = ({}, set())
_MEMO_MAX = 200_000  # distinct words remembered; then the memo starts again (bounded memory)


def _known(found: Iterable[str]) -> None:
    """Note triggers a rule uses; a new one makes remembered words' keys stale."""
    global _memo
    new = set(found) - _KNOWN
    if new:
        _KNOWN.update(new)
        _memo = ({}, set())


def _word_keys(w: str) -> tuple[str, ...]:
    n = len(w)
    candidates = (w, w[:3] + "*" if n > 2 else "", w[:4] + "*" if n > 3 else "", w[:5] + "*" if n > 4 else "")
    return tuple(k for k in candidates if k in _KNOWN)


def keys(lower: str, words: Iterable[str] | None = None) -> frozenset[str]:
    """What triggers are matched against: each word of a lower-cased text, and its first 3 to 5 letters with a star.

    Only the keys some trigger uses are returned (every test against triggers sees the same answer):
    each word's are worked out once and remembered. ``words`` saves the split when the caller has it.
    A frozenset: the engine remembers its gating by a message's keys, hashed once and never copied.
    """
    global _memo
    found = set(_WORD.findall(lower)) if words is None else words if isinstance(words, (set, frozenset)) else set(words)
    memo, hot = _memo
    new = found.difference(memo)  # most words of a chat were seen in an earlier message
    if new:
        if len(memo) > _MEMO_MAX:
            memo, hot = _memo = ({}, set())
            new = found
        for w in new:
            k = memo[w] = _word_keys(w)
            if k:
                hot.add(w)
    return frozenset().union(*map(memo.__getitem__, found & hot))


def keys_of(t: Any) -> frozenset[str]:
    """keys() of a Text, worked out once per message and kept with it."""
    return kept(t, "trigger_keys", _text_keys)


def _text_keys(t: Any) -> frozenset[str]:
    lower = t.lower
    # ASCII with no underscore: the Text's words are exactly the \w+ words, no second split needed.
    words = t.words if t.folded is None and "_" not in lower else None
    return keys(lower, words)


class Gated:
    """A pattern searched over a whole text only when the text has the words every match needs.

    The same derivation as the rules' prefilter (``requirements``), for the patterns inside the
    Python checks. Only for searches of the whole text: in a slice, a word cut in two could match.
    """

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        with warnings.catch_warnings():  # re's parser warns of "[[" it reads from a class the regex module knows
            warnings.simplefilter("ignore", FutureWarning)
            self.needs = requirements(pattern.pattern)

    def search(self, t: Any) -> Any:
        """``pattern.search(t.raw)``, or None at once when a word it needs is missing."""
        if self.needs and not met(self.needs, keys_of(t)):
            return None
        return self.pattern.search(t.raw)


def met(gates: tuple[frozenset[str], ...], keys: AbstractSet[str]) -> bool:
    """Whether every requirement set has one of its words among ``keys``."""
    for g in gates:  # noqa: SIM110 - hot path: a loop is faster than all() over a generator
        if g.isdisjoint(keys):
            return False
    return True
