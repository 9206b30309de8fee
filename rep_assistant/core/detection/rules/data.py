"""Content rules read from data: one TOML file per category under resources/rules/.

A file names its category and lists rules. A rule is either patterns (regular expressions
that may use named fragments written ``{STAFF_ROLE}``) with conditions, or the name of one
of the few checks written in Python (content.py: the swearing lexicon, contact details,
shouting). Conditions, all optional:

- ``about``: kinds of person or thing (about.py) one of which the text must refer to, in the
  same sentence as the match (``about_within = "message"`` widens it; ``about_before = true``
  wants the reference before the match, as the subject of a claim);
- ``requires`` / ``unless``: patterns one of which must / none of which may be in the
  message (``within = "sentence"`` narrows both to the match's sentence);
- ``unless_before`` / ``unless_after``: patterns for the words just before or just after a
  match that make it innocent ("I'm such an idiot" is about the writer);
- ``not_who``: words the named group ``who`` of a match must not be ("it is rubbish").

A file may also list ``unless_message``: patterns that, found anywhere in a message, keep every
pattern rule of the file off it (a reminder of the group's rules names selling or politics
without doing either).

``reason`` is the sentence the rep reads; ``{match}`` quotes the matched words and
``{about}`` names who they are about. ``examples`` must produce the rule's finding and
``counter_examples`` must not (tests/core/test_rules_data.py runs them all). Trigger words
for the prefilter are derived from the patterns (triggers.py), never written by hand.
"""

import bisect
import functools
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from rep_assistant.core import resources
from rep_assistant.core.detection.rules import about, triggers
from rep_assistant.core.detection.rules.lexicon import insults, political_terms
from rep_assistant.core.detection.rules.model import Context, Hit, Rule
from rep_assistant.core.detection.rules.text import EMOJI_MARK, NAME_WORD, PERSON_NOUN, PICTURE, PRONOUN, SCHOOL, STAFF_ROLE, TITLE_NAME, Text, compile_i
from rep_assistant.core.policy import CATEGORY_IDS

#: Fragments every file may use, defined once with the text model that finds the same people.
BUILTIN_FRAGMENTS = {"TITLE_NAME": TITLE_NAME, "STAFF_ROLE": STAFF_ROLE, "PERSON_NOUN": PERSON_NOUN, "PRONOUN": PRONOUN,
                     "SCHOOL": SCHOOL, "NAME_WORD": NAME_WORD}
#: Word lists kept as tables in resources/lexicons (shared with the lexicon module), usable as fragments.
_TABLES: dict[str, Callable[[], dict[str, str]]] = {"insults": insults, "political": political_terms}

_FRAGMENT_REF = regex.compile(r"\{([A-Z][A-Z0-9_]+)\}")
_DOUBLED_ESCAPE = regex.compile(r"\\\\[bswdBSWD]")
_SENTENCE_BREAK = regex.compile(r"[.!?…]+(?:\s|$)|\n\s*\n")
_RULE_KEYS = frozenset({"id", "description", "reason", "patterns", "check", "about", "about_within", "about_before", "requires",
                        "unless", "within", "unless_before", "unless_after", "not_who", "examples", "counter_examples",
                        "vetted_by", "uncertain"})


class RuleDataError(ValueError):
    """A rules file that cannot be used, with the file and the rule named."""


@dataclass(frozen=True)
class RuleData:
    """One rule as declared, with its file, for the tests that run its examples."""

    rule: Rule
    file: str
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    patterns: tuple[str, ...] = field(default=(), repr=False)


def _alternation(words: list[str]) -> str:
    """A list of words or phrases as one group, longest first, spaces matching any run of spaces."""
    alts = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in alts) + ")"


def _fragment(name: str, value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return _alternation(value)
    if isinstance(value, dict) and value.get("table") in _TABLES:
        rows = _TABLES[value["table"]]()
        wanted = value.get("kind")
        return _alternation([w for w, k in rows.items() if wanted is None or k == wanted])
    raise RuleDataError(f"{where}: fragment {name} must be a pattern, a list of words or {{table = ..., kind = ...}}")


def expand(pattern: str, fragments: dict[str, str], where: str, depth: int = 0) -> str:
    """``pattern`` with every ``{NAME}`` replaced by its fragment (fragments may use fragments)."""
    if depth > 8:
        raise RuleDataError(f"{where}: fragments refer to each other in a circle")
    if (doubled := _DOUBLED_ESCAPE.search(pattern)) is not None:
        # In a TOML literal string a backslash is already one: "\\b" would match a backslash and a "b", never a word's edge.
        raise RuleDataError(f"{where}: {doubled.group()!r} is a backslash doubled; write {doubled.group()[1:]!r} (in '…' strings a backslash is literal)")

    def sub(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise RuleDataError(f"{where}: unknown fragment {{{name}}}")
        return "(?:" + expand(fragments[name], fragments, where, depth + 1) + ")"

    return _FRAGMENT_REF.sub(sub, pattern)


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, depth after it) of each bar and parenthesis outside escapes and classes."""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()|":
            depth += 1 if c == "(" else -1 if c == ")" else 0
            yield i, c, depth
        i += 1


def _top_level(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` split at its top-level bars (none inside groups or classes)."""
    cuts = [i for i, c, depth in _structure(pattern) if c == "|" and depth == 0]
    bounds = zip([-1, *cuts], [*cuts, len(pattern)], strict=True)
    return [pattern[a + 1:b] for a, b in bounds]


_WRAPPED = regex.compile(r"^((?:\\b)?)\(\?:(.*)\)((?:\\b)?)$", regex.DOTALL)


def alternatives(pattern: str) -> list[str]:
    """A pattern as the list of its alternatives, ``\\b(?:A|B)\\b`` as ``\\b(?:A)\\b`` and ``\\b(?:B)\\b``.

    Each alternative gets its own trigger words, so a message is tried only against the
    alternatives it has the words for, not against the whole pattern.
    """
    parts = _top_level(pattern)
    if len(parts) > 1:
        return [a for p in parts for a in alternatives(p)]
    m = _WRAPPED.match(pattern)
    if m and _balanced(m.group(2)):
        inner = _top_level(m.group(2))
        if len(inner) > 1:
            return [a for p in inner for a in alternatives(f"{m.group(1)}(?:{p}){m.group(3)}")]
        if not m.group(1) and not m.group(3):  # "(?:X)" is X: a fragment used as the whole pattern ("{CLAIM}")
            return alternatives(m.group(2))
        nested = _WRAPPED.match(m.group(2))
        if nested and not nested.group(1) and not nested.group(3) and _balanced(nested.group(2)):
            return alternatives(f"{m.group(1)}(?:{nested.group(2)}){m.group(3)}")
    return [pattern]


def _balanced(inner: str) -> bool:
    """Whether ``(inner)`` is one group: its parentheses never close the outer one early."""
    depths = [depth for _, c, depth in _structure(inner) if c != "|"]
    return min(depths, default=0) >= 0 and (depths[-1] if depths else 0) == 0


_QUANTIFIER = regex.compile(r"(?:[*+?]|\{(?:\d+(?:,\d*)?|,\d+)\})[?+]?")
_UNSPLITTABLE = regex.compile(r"\(\?P=|\\g<|\(\?\(|\\[1-9G]|^\(\?[aiLmsux]+\)")


def _class_end(pattern: str, i: int) -> int:
    """The position after the character class that opens at ``i``."""
    j = i + 1
    if pattern[j:j + 1] == "^":
        j += 1
    if pattern[j:j + 1] == "]":
        j += 1  # a ']' first is a literal
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
            continue
        if pattern[j] == "]":
            return j + 1
        j += 1
    raise ValueError("unclosed class")


def _group_end(pattern: str, i: int) -> int:
    """The position after the group that opens at ``i``."""
    depth, j = 0, i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j)
            continue
        depth += 1 if c == "(" else -1 if c == ")" else 0
        j += 1
        if depth == 0:
            return j
    raise ValueError("unclosed group")


def _top_items(pattern: str) -> list[tuple[int, bool]] | None:
    """(start, whether it is a skip) of each top-level item: an atom and its quantifier.

    None for a pattern with top-level alternatives or an unexpected shape.
    """
    items = []
    i = 0
    try:
        while i < len(pattern):
            start, c = i, pattern[i]
            if c == "\\":
                i += 2
                if pattern[i - 1] in "pPN" and pattern[i:i + 1] == "{":
                    i = pattern.index("}", i) + 1
            elif c == "[":
                i = _class_end(pattern, i)
            elif c == "(":
                i = _group_end(pattern, i)
            elif c in "|)":
                return None
            else:
                i += 1
            q = _QUANTIFIER.match(pattern, i)
            if q:
                i = q.end()
            # A skip: any number of repeats, none included ("(?:\\s+\\w+){0,4}?", "\\w*"), not a mere optional "?".
            items.append((start, bool(q) and (q.group()[0] == "*" or (q.group().startswith(("{0,", "{,")) and not q.group().startswith("{0,1}")))))
    except ValueError:
        return None
    return items


def tail(pattern: str) -> str | None:
    """The part of ``pattern`` after its first skip of repeated items that follows something required.

    Every match of the pattern holds a match of this tail (the same text, the same neighbours
    for its lookarounds and word edges), so a text where the tail is not found holds no match.
    A pattern that opens with who it is about and then skips up to a few words ("{PERSON_SUBJECT}
    (?:\\s+\\w+){0,4}? is a ...") tries every name and pronoun of a text in turn; its tail, from the
    verb on, is found or ruled out at a fraction of the cost. None when the pattern has no such
    tail, or refers back to its own groups (which the tail would not have).
    """
    if _UNSPLITTABLE.search(pattern):
        return None
    items = _top_items(pattern)
    if not items:
        return None
    for k in range(2, len(items)):
        if items[k - 1][1] and not items[k][1] and not items[0][1]:
            return pattern[items[k][0]:]
    return None


def _compiled_tail(pattern: str) -> regex.Pattern[str] | None:
    """What is searched before ``pattern``: its tail(), or where it has none the symbols every match holds.

    The symbols (triggers.symbols: "!!" or an eye-roll, a quotation mark) are compiled as the pattern is, so they
    match what they match inside it; most texts a pattern's words let through lack them, and one scan rules them out.
    """
    found = tail(pattern) or triggers.symbols(pattern)
    try:
        return compile_i(found) if found else None
    except regex.error:
        return None  # a tail cut where the pattern's syntax does not allow: no gate, the pattern alone decides


def sentence_bounds(raw: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` (a line break alone does not end one).

    The start is where the last sentence break of ``raw[:pos]`` ends. The breaks of the whole text are found once
    (``_breaks``) and looked up, so a long message with a pattern match in every sentence costs no more than its
    sentences do. Cutting the text at ``pos`` can only change the break that spans ``pos`` (read again up to the cut)
    or make one of closing marks that end right at the cut ("$"): the same start as reading ``raw[:pos]`` itself; the
    end is the same as searching on from ``pos``.
    """
    starts, ends = _breaks(raw)
    k = bisect.bisect_right(ends, pos)  # the breaks that end at or before pos
    start = ends[k - 1] if k else 0
    if k < len(starts) and starts[k] < pos:  # a break spans the cut: read what is left of it
        start = max([start, *(m.end() for m in _SENTENCE_BREAK.finditer(raw, starts[k], pos))])
    elif pos and raw[pos - 1] in _CLOSING_MARKS:
        start = pos  # closing marks just before the cut end a sentence there
    # The end: the first break at or after pos. Searching from pos finds a cached break's start unless pos is inside
    # a break (read that one again); a text with no break after pos is not read to its end for every match.
    k = bisect.bisect_left(starts, pos)
    if k and ends[k - 1] > pos:
        end = _SENTENCE_BREAK.search(raw, pos)
        return start, end.start() if end else len(raw)
    return start, starts[k] if k < len(starts) else len(raw)


_CLOSING_MARKS = ".!?…"


@functools.lru_cache(maxsize=16)
def _breaks(raw: str) -> tuple[list[int], list[int]]:
    """Where each sentence break of ``raw`` starts and ends (the rules of one message ask about the same text)."""
    spans = [m.span() for m in _SENTENCE_BREAK.finditer(raw)]
    return [s for s, _ in spans], [e for _, e in spans]


_CLOSING = regex.compile(r"[.!?…]+")


def _closing(raw: str, end: int) -> int:
    """``end`` moved past the punctuation that closes the sentence there."""
    m = _CLOSING.match(raw, end)
    return m.end() if m else end


@dataclass(frozen=True)
class PatternSpec:
    """A pattern rule compiled: what its check needs, and what the engine reads to gate its patterns itself."""

    patterns: tuple[regex.Pattern[str], ...]
    tails: tuple[regex.Pattern[str] | None, ...]  # per pattern: its tail() or symbols searched first, where it has them
    gates: tuple[tuple[frozenset[str], ...], ...]  # per pattern: word sets a match must each meet (triggers.py)
    by_key: dict[str, tuple[int, ...]]  # trigger -> the patterns it wakes (patterns with no trigger run always)
    keyset: frozenset[str]
    always: tuple[int, ...]
    reason: str
    about: tuple[str, ...]
    about_within: str
    about_before: bool
    requires: regex.Pattern[str] | None
    unless: triggers.Gated | None  # searched in the whole text only with the words it needs (in a sentence, always)
    within: str
    unless_before: regex.Pattern[str] | None
    unless_after: regex.Pattern[str] | None
    not_who: frozenset[str]
    unless_message: triggers.Gated | None = None  # the file's: found anywhere in the message, no rule of it applies


def _span_of(m: regex.Match[str]) -> tuple[int, int]:
    for name in ("w", "w2"):
        if name in m.re.groupindex and m.group(name) is not None:
            return m.span(name)
    return m.span()


def _who(m: regex.Match[str]) -> str | None:
    for name in ("who", "who2"):
        if name in m.re.groupindex and m.group(name) is not None:
            return m.group(name).lower()
    return None


def _matches(spec: PatternSpec, t: Text) -> Hit | None:
    keys = triggers.keys_of(t)
    hits = keys & spec.keyset
    if not hits and not spec.always:
        return None
    if len(hits) == 1 and not spec.always:
        woken = spec.by_key[next(iter(hits))]  # the usual case: one trigger word, its patterns already in order
    else:
        found = set(spec.always)
        found.update(*map(spec.by_key.__getitem__, hits))
        woken = sorted(found)
    gates = spec.gates
    return first_hit(spec, t, [i for i in woken if triggers.met(gates[i], keys)])


#: How far before a match its ``unless_before`` patterns look, and after it its ``unless_after`` ones (they read the few
#: words beside it).
_BEFORE_REACH = 200
_AFTER_REACH = 300


def first_hit(spec: PatternSpec, t: Text, woken: Iterable[int]) -> Hit | None:
    """The first match of the patterns ``woken`` (indices, in order) that meets the rule's conditions.

    The engine calls this with the patterns whose trigger words it has already checked for
    the whole rule set at once (engine.py); ``check`` does the same for one rule at a time.
    """
    raw = t.raw
    tails = spec.tails
    # By sentence (or the whole message), whether ``requires`` and ``unless`` are there: every match in one sentence
    # asks the same, and a long message without a full stop is one sentence asked once per match.
    required: dict[tuple[int, int], bool] = {}
    unmade: dict[tuple[int, int], bool] = {}
    for i in woken:
        gate = tails[i]
        if gate is not None and gate.search(raw) is None:
            continue
        for m in spec.patterns[i].finditer(raw):
            start, end = sentence_bounds(raw, m.start()) if (spec.within == "sentence" or spec.about_within == "sentence"
                                                              or spec.unless_before) else (0, len(raw))
            if spec.not_who and _who(m) in spec.not_who:
                continue
            # Sliced, so that ^ and $ in these patterns mean the start of the sentence and the match's edges; at most
            # _BEFORE_REACH characters back, so a long sentence with many matches is not read again for each of them. A
            # slice cut inside the sentence has no sentence start: a NUL before it keeps ^ from matching there.
            if spec.unless_before is not None:
                lo = max(start, m.start() - _BEFORE_REACH)
                if spec.unless_before.search(("" if lo == start else "\0") + raw[lo:m.start()]):
                    continue
            if spec.unless_after is not None and spec.unless_after.match(
                    raw[m.end():min(end if spec.within == "sentence" else len(raw), m.end() + _AFTER_REACH)]):
                continue
            # A sentence's own closing mark belongs to it: "…, seems far?" is a question. Searched in the sentence cut
            # out, so that ^ in these patterns means its start (a search from lo would match ^ only in the first).
            lo, hi = (start, _closing(raw, end)) if spec.within == "sentence" else (0, len(raw))
            if spec.requires is not None:
                if (lo, hi) not in required:
                    required[lo, hi] = spec.requires.search(raw[lo:hi]) is not None
                if not required[lo, hi]:
                    continue
            if spec.unless is not None:
                if (lo, hi) not in unmade:
                    unmade[lo, hi] = (spec.unless.pattern.search(raw[lo:hi]) if spec.within == "sentence"
                                      else spec.unless.search(t)) is not None
                if unmade[lo, hi]:
                    continue
            kind = _about(spec, t, m, start, end)
            if spec.about and kind is None:
                continue
            if spec.unless_message is not None and spec.unless_message.search(t):
                return None  # the whole message is exempt: no other match of the rule counts either
            span = _span_of(m)
            words = raw[span[0]:span[1]].strip()
            return Hit(spec.reason.format(match=words, about=about.phrase(kind) if kind else "someone"), (span,))
    return None


def _about(spec: PatternSpec, t: Text, m: regex.Match[str], start: int, end: int) -> str | None:
    """The first kind of ``spec.about`` the text refers to where the rule wants it, or None."""
    lo, hi = (start, end) if spec.about_within == "sentence" else (0, len(t.raw))
    if spec.about_before:
        hi = m.start()
    for kind in spec.about:
        for s, e in about.refs(t, kind):
            if lo <= s and e <= hi and not (m.start() <= s and e <= m.end() and kind in ("named", "child", "spoken_of")):
                return kind
    return None


def _one(patterns: list[str], fragments: dict[str, str], where: str) -> regex.Pattern[str] | None:
    if not patterns:
        return None
    return compile_i("|".join(f"(?:{expand(p, fragments, where)})" for p in patterns))


def _gated(pattern: regex.Pattern[str] | None) -> triggers.Gated | None:
    """A condition searched only in texts with the words every match of it needs (most texts a rule matches lack them)."""
    return None if pattern is None else triggers.Gated(pattern)


def _as_list(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise RuleDataError(f"{where}: {key} must be a string or a list of strings")


def _words(items: list[str], lists: dict[str, list[str]], where: str) -> frozenset[str]:
    """Plain words, where ``{NAME}`` stands for a list fragment's words."""
    out: set[str] = set()
    for item in items:
        ref = _FRAGMENT_REF.fullmatch(item)
        if ref and ref.group(1) not in lists:
            raise RuleDataError(f"{where}: {item} is not a list of words")
        out.update(w.lower() for w in (lists[ref.group(1)] if ref else [item]))
    return frozenset(out)


def _build(entry: dict[str, Any], category: str, fragments: dict[str, str], lists: dict[str, list[str]], file: str,
           checks: dict[str, Callable[..., Hit | None]], check_triggers: dict[str, frozenset[str]],
           unless_message: triggers.Gated | None = None) -> RuleData:
    rid = entry.get("id")
    where = f"resources/rules/{file} rule {rid or '?'}"
    unknown = set(entry) - _RULE_KEYS
    if not rid or not entry.get("description") or unknown:
        raise RuleDataError(f"{where}: needs id and description" + (f"; unknown keys {sorted(unknown)}" if unknown else ""))
    examples = tuple(_as_list(entry.get("examples"), where, "examples"))
    counter = tuple(_as_list(entry.get("counter_examples"), where, "counter_examples"))
    uncertain = entry.get("uncertain", False)
    if not isinstance(uncertain, bool):
        raise RuleDataError(f"{where}: uncertain is true or false")
    vetted_by = entry.get("vetted_by")
    if vetted_by is not None and (vetted_by not in CATEGORY_IDS or vetted_by == category):
        raise RuleDataError(f"{where}: vetted_by {vetted_by!r} is not another category id")
    if vetted_by is not None and uncertain:
        raise RuleDataError(f"{where}: a rule is either uncertain or vetted_by a category, not both")
    if "check" in entry:
        check = checks.get(entry["check"])
        if check is None:
            raise RuleDataError(f"{where}: no check named {entry['check']!r} (there are {', '.join(sorted(checks))})")
        wants_context = check.__code__.co_argcount == 2
        trig = check_triggers.get(entry["check"])
        return RuleData(Rule(rid, category, entry["description"], check, trig, wants_context, uncertain, vetted_by), file, examples, counter)
    sources = _as_list(entry.get("patterns"), where, "patterns")
    if not sources or not entry.get("reason"):
        raise RuleDataError(f"{where}: a rule needs patterns and a reason (or a check)")
    for kind in _as_list(entry.get("about"), where, "about"):
        if kind not in about.KINDS:
            raise RuleDataError(f"{where}: about {kind!r} is not one of {', '.join(about.KINDS)}")
    try:
        expanded = [a for p in sources for a in alternatives(expand(p, fragments, where))]
        requires = _as_list(entry.get("requires"), where, "requires")
        # A condition the whole message must meet gates every pattern too (not one limited to a sentence: it may
        # lie outside the match, but it is still in the message).
        needed = triggers.requirements("|".join(f"(?:{expand(p, fragments, where)})" for p in requires)) if requires else ()
        gates = tuple(triggers.requirements(p) + needed for p in expanded)
        by_key: dict[str, list[int]] = {}
        for i, g in enumerate(gates):
            for k in (g[0] if g else ()):
                by_key.setdefault(k, []).append(i)
        spec = PatternSpec(
            patterns=tuple(compile_i(p) for p in expanded), tails=tuple(_compiled_tail(p) for p in expanded), gates=gates,
            by_key={k: tuple(v) for k, v in by_key.items()}, keyset=frozenset(by_key),
            always=tuple(i for i, g in enumerate(gates) if not g), reason=entry["reason"],
            about=tuple(_as_list(entry.get("about"), where, "about")), about_within=entry.get("about_within", "sentence"),
            about_before=bool(entry.get("about_before")),
            requires=_one(_as_list(entry.get("requires"), where, "requires"), fragments, where),
            unless=_gated(_one(_as_list(entry.get("unless"), where, "unless"), fragments, where)), within=entry.get("within", "message"),
            unless_before=_one(_as_list(entry.get("unless_before"), where, "unless_before"), fragments, where),
            unless_after=_one(_as_list(entry.get("unless_after"), where, "unless_after"), fragments, where),
            not_who=_words(_as_list(entry.get("not_who"), where, "not_who"), lists, where), unless_message=unless_message)
    except regex.error as exc:
        raise RuleDataError(f"{where}: a pattern does not compile ({exc})") from exc
    trig = None if spec.always else spec.keyset
    if spec.always and all(_pictures_only(triggers.symbols(expanded[i])) for i in spec.always):
        trig = spec.keyset | {EMOJI_MARK}  # a pattern set off by a picture alone ("🤡"): woken by messages with one

    def check(t: Text) -> Hit | None:
        return _matches(spec, t)

    return RuleData(Rule(rid, category, entry["description"], check, trig, uncertain=uncertain, vetted_by=vetted_by, patterns=spec), file, examples, counter,
                    tuple(expanded))


def _pictures_only(symbols: str | None) -> bool:
    """Whether every match of a pattern's symbol gate (triggers.symbols) is a picture, so only a message with one holds it."""
    if not symbols:
        return False
    chars = [c for c in symbols if c not in "[]\\()?:|"]
    return bool(chars) and all(PICTURE.fullmatch(c) for c in chars)


@functools.cache
def _shared() -> dict[str, str]:
    data = tomllib.loads(resources.read_text("rules/_fragments.toml"))
    out = dict(BUILTIN_FRAGMENTS)
    out.update({name: _fragment(name, value, "resources/rules/_fragments.toml") for name, value in data.items()})
    return out


def _shared_fragments() -> dict[str, str]:
    return dict(_shared())


def parse(text: str, file: str, seen: set[str] | None = None) -> list[RuleData]:
    """The rules of one category file's text (``file`` names it in errors)."""
    from rep_assistant.core.detection.rules.content import CHECK_TRIGGERS, CHECKS  # the Python checks data files may name

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(f"resources/rules/{file} is not valid TOML ({exc})") from exc
    category = data.get("category")
    if not isinstance(category, str):
        raise RuleDataError(f"resources/rules/{file} needs category = \"...\"")
    fragments = _shared_fragments()
    own = data.get("fragments", {})
    fragments.update({n: _fragment(n, v, f"resources/rules/{file}") for n, v in own.items()})
    lists = {n: v for n, v in own.items() if isinstance(v, list)}
    seen = set() if seen is None else seen
    where = f"resources/rules/{file}"
    try:
        exempt = _gated(_one(_as_list(data.get("unless_message"), where, "unless_message"), fragments, where))
    except regex.error as exc:
        raise RuleDataError(f"{where}: unless_message does not compile ({exc})") from exc
    out = []
    for entry in data.get("rule", []):
        rd = _build(entry, category, fragments, lists, file, CHECKS, CHECK_TRIGGERS, exempt)
        if rd.rule.id in seen:
            raise RuleDataError(f"resources/rules/{file}: rule id {rd.rule.id} is used twice")
        seen.add(rd.rule.id)
        out.append(rd)
    return out


@functools.cache
def load() -> tuple[RuleData, ...]:
    """Every rule of every file in resources/rules/, in file then declaration order."""
    seen: set[str] = set()
    files = sorted(resources.resource("rules").iterdir(), key=lambda n: n.name)
    return tuple(rd for node in files if node.name.endswith(".toml") and not node.name.startswith("_")
                 for rd in parse(node.read_text(encoding="utf-8"), node.name, seen))


def content_rules() -> tuple[Rule, ...]:
    return tuple(rd.rule for rd in load())


@functools.cache
def vetted_rules() -> dict[str, str]:
    """Rule id -> the category whose learned probability vets that rule's flags (``vetted_by``), for those that name one."""
    return {r.id: r.vetted_by for r in content_rules() if r.vetted_by}


def context_free(rule: Rule, t: Text, ctx: Context | None = None) -> Hit | None:
    """Run one rule on a text, giving it a context if it asks for one (the examples test uses this)."""
    return rule.check(t, ctx or Context()) if rule.wants_context else rule.check(t)
