"""The offensive-language lexicon: surge-ai's list curated for UK school chats, plus disguise.

Whole-token lookups (a dict, not a 1,600-way alternation) keep Scunthorpe, Penistone and
therapist safe and keep scanning fast. Disguised spellings are decoded only where the text
shows a disguise: masked or leet letters (f*ck, sh1t, b*llocks), letters spaced out
(f.u.c.k, s h i t) or stretched (fuuuck). ``uk_curation.csv`` drops entries that are
ordinary words here (hoe, knob, cock, 69), adds British swears, allows words that only start
like one (Shitterton, shitake), and names context words
that make an entry innocent ("blue tits", "faggots and peas", "a bloody nose").
"""

import csv
import functools
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from rep_assistant.core import resources

_SEVERITY = {"Mild": "mild", "Strong": "strong", "Severe": "severe"}
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "+": "t"}
_MASK = set("*#%_.!?-")
_WORD = regex.compile(r"[a-z0-9]+")
_CHUNK = regex.compile(r"\S+")
_STRETCHED = regex.compile(r"([a-z])\1\1")
_COMPOUND_ROOTS = ("fuck", "cunt", "wank", "bollock", "twat", "shit", "dickhead", "motherf")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    word: str  # the lexicon entry the text stands for
    severity: str


@dataclass(eq=False)
class Lexicon:
    words: dict[str, str] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    unless_near: dict[str, frozenset[str]] = field(default_factory=dict)
    by_length: dict[int, list[str]] = field(default_factory=dict)
    preferred: set[str] = field(default_factory=set)
    allowed: set[str] = field(default_factory=set)  # innocent words that start like a swear (Shitterton, shitake)

    def finish(self) -> "Lexicon":
        for word in self.words:
            if word.isalpha():
                self.by_length.setdefault(len(word), []).append(word)
        self.phrase_starts = frozenset(p[0] for p in self.phrases)
        self.wordset = frozenset(self.words)
        return self

    # -- lookups ---------------------------------------------------------------------------

    def scan(self, lower: str, tokens: list[str], token_set: frozenset[str] | set[str] | None = None) -> list[Hit]:
        """Every offensive word in ``lower`` (the message lower-cased), disguised or not."""
        token_set = set(tokens) if token_set is None else token_set
        suspect = _SUSPECT.search(lower) is not None
        if not suspect and self.wordset.isdisjoint(token_set) and self.phrase_starts.isdisjoint(token_set):
            return []
        hits: list[Hit] = []
        if suspect or not self.wordset.isdisjoint(token_set):
            for m in _WORD.finditer(lower):
                t = m.group()
                entry = t if t in self.words else (self._compound(t) if t[:4] in _ROOT_HEADS else None)
                if entry and self._allowed(entry, token_set):
                    hits.append(Hit(m.start(), m.end(), entry, self.words[entry]))
        if not self.phrase_starts.isdisjoint(token_set):
            hits.extend(self._phrases(lower))
        if suspect and _disguise_suspected(lower):
            hits.extend(self._disguised(lower, tokens, token_set))
        return _dedupe(hits) if len(hits) > 1 else hits

    def _allowed(self, entry: str, token_set: frozenset[str] | set[str]) -> bool:
        near = self.unless_near.get(entry)
        return not (near and not near.isdisjoint(token_set))

    def _compound(self, token: str) -> str | None:
        if token in self.allowed or not token.startswith(_COMPOUND_ROOTS):
            return None
        for root in _COMPOUND_ROOTS:
            if token.startswith(root):
                key = next((w for w in (token, root, root + "er", root + "ing") if w in self.words), None)
                if key:
                    return key
        return None

    def _phrases(self, lower: str) -> list[Hit]:
        out = []
        spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(lower)]
        for i, (start, _, first) in enumerate(spans):
            if first not in self.phrase_starts:
                continue
            for n in (2, 3, 4):
                key = tuple(s[2] for s in spans[i:i + n])
                if len(key) == n and key in self.phrases and self._allowed(" ".join(key), set(key)):
                    out.append(Hit(start, spans[i + n - 1][1], " ".join(key), self.phrases[key]))
        return out

    def _disguised(self, lower: str, tokens: list[str], token_set: frozenset[str] | set[str]) -> list[Hit]:
        out = []
        for m in _CHUNK.finditer(lower):
            chunk = m.group()
            if "/" in chunk or chunk.startswith("www") or ("@" in chunk and "." in chunk.split("@")[-1]):
                continue  # links and e-mail addresses
            core = chunk.strip("!?.,;:'\"()…")
            offset = m.start() + chunk.find(core) if core else m.start()
            word = self.decode(core) if core and not core.isalpha() else None
            if word and self._allowed(word, token_set):
                out.append(Hit(offset, offset + len(core), word, self.words[word]))
        for run in _letter_runs(tokens):
            # "s.h.i.t I forgot": the run may swallow a following one-letter word.
            letters = next((run[:n] for n in range(len(run), 2, -1) if run[:n] in self.words), "")
            if letters:
                m = regex.search(r"(?<![a-z])" + r"[\W_]{1,2}".join(letters) + r"(?![a-z])", lower)
                if m:
                    out.append(Hit(m.start(), m.end(), letters, self.words[letters]))
        for t in token_set:
            if _STRETCHED.search(t):
                for squeezed in (_SQUEEZE_ALL.sub(r"\1", t), _SQUEEZE_RUNS.sub(r"\1\1", t)):
                    if squeezed in self.words:
                        for m in regex.finditer(rf"\b{regex.escape(t)}\b", lower):
                            out.append(Hit(m.start(), m.end(), squeezed, self.words[squeezed]))
                        break
        return out

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one lexicon lives for the whole process
    def decode(self, chunk: str) -> str | None:
        """The lexicon word a masked or leet chunk stands for ('f**k' -> 'fuck'), if any."""
        if chunk in self.words:
            return chunk
        if len(chunk) >= 4 and chunk[0].isalpha() and chunk[1:].strip("*") == "":
            # "f***": a first letter and stars is unmistakably a censored swear.
            return next((w for w in sorted(self.preferred) if len(w) == len(chunk) and w[0] == chunk[0]), None)
        letters = sum(c.isalpha() for c in chunk)
        disguised = sum(1 for c in chunk if c in _MASK or c in _LEET)
        if len(chunk) < 4 or letters < 2 or not disguised or disguised > letters or not (chunk[0].isalpha() or chunk[0] in "@$"):
            return None
        if letters + disguised != len(chunk):
            return None  # a character that is neither a letter, a mask nor leet ("qz123x" has a 2)
        found = [w for w in self.by_length.get(len(chunk), ()) if _reads_as(chunk, w)]
        # Every reading is an offensive word, so any will do; name the common spelling.
        return min(found, key=lambda w: (w not in self.preferred, w)) if found else None


_ROOT_HEADS = frozenset(r[:4] for r in _COMPOUND_ROOTS)
_SQUEEZE_ALL = re.compile(r"(.)\1+")
_SQUEEZE_RUNS = re.compile(r"(.)\1{2,}")
# Hot path, one search per message (the standard library's re is faster than regex here):
# a compound root, a mask character, leet digits, a stretched or a spaced-out word.
_DISGUISE = (r"\bf'[a-z]|[*@$#%]|[a-z]![a-z]|[a-z][0-9]+[a-z]|([a-vx-z])\1\1"
             r"|\b[a-z][^a-z0-9]{1,2}[a-z][^a-z0-9]{1,2}[a-z]\b")
_SUSPECT = re.compile(rf"fuck|cunt|wank|bollock|twat|shit|dickhead|motherf|{_DISGUISE}")
_DISGUISE_RE = re.compile(_DISGUISE)


def _disguise_suspected(lower: str) -> bool:
    """Cheap signs of a disguise: mask characters, leet digits, stretched or spaced-out letters."""
    return _DISGUISE_RE.search(lower) is not None


def _letter_runs(tokens: list[str]) -> Iterator[str]:
    """Three or more one-letter tokens in a row, joined: 'f.u.c.k' and 'f u c k' give 'fuck'."""
    run: list[str] = []
    for t in [*tokens, ""]:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if len(run) >= 3:
            yield "".join(run)
        run = []


def _reads_as(chunk: str, word: str) -> bool:
    """Whether a disguised chunk can be read as ``word``: letters equal, masks anything, leet its letter."""
    for c, w in zip(chunk, word, strict=True):
        if c == w or c in _MASK:
            continue
        if _LEET.get(c) != w:
            return False
    return True


def _dedupe(hits: list[Hit]) -> list[Hit]:
    seen: dict[tuple[int, int], Hit] = {}
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if any(s <= h.start < e for s, e in seen):
            continue
        seen[(h.start, h.end)] = h
    return list(seen.values())


@functools.cache
def profanity() -> Lexicon:
    """The curated lexicon, built once per process from the packaged CSV files."""
    lex = Lexicon()
    for row in csv.DictReader(io.StringIO(resources.read_text("lexicons/surge-ai/profanity_en.csv"))):
        text = row["text"].strip().lower()
        severity = _SEVERITY.get(row["severity_description"], "mild")
        if " " in text:
            lex.phrases[tuple(text.split())] = severity
        else:
            lex.words[text] = severity
    for row in csv.DictReader(io.StringIO(resources.read_text("lexicons/uk_curation.csv"))):
        word = row["word"].strip().lower()
        if row["action"] == "drop":
            lex.words.pop(word, None)
            lex.phrases.pop(tuple(word.split()), None)
        elif row["action"] == "allow":
            lex.allowed.add(word)
        elif row["action"] == "add":
            lex.words[word] = row["severity"] or "mild"
            lex.preferred.add(word)
        if row["unless_near"]:
            lex.unless_near[word] = frozenset(row["unless_near"].split("|"))
    return lex.finish()


@functools.cache
def insults() -> dict[str, str]:
    """Insulting words and phrases -> kind: noun (always about a person), context, adj."""
    rows = csv.DictReader(io.StringIO(resources.read_text("lexicons/insults.csv")))
    return {r["word"].strip().lower(): r["kind"] for r in rows}


@functools.cache
def political_terms() -> dict[str, str]:
    """Parties, politicians and topics -> 'any', 'capitalised' (Labour, Reform, Green) or 'charged'.

    A charged term ("immigrants", "woke") is an opinion in a class chat by itself; the others
    need an opinion word beside them ("the government is a disgrace").
    """
    rows = csv.DictReader(io.StringIO(resources.read_text("lexicons/political.csv")))
    return {r["term"].strip(): r["match"].strip() for r in rows}


def political_terms_pattern() -> regex.Pattern[str]:
    """One pattern for the political lexicon; capitalised names only count capitalised and not after a title."""
    def alt(words: list[str]) -> str:
        return "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True))

    terms = political_terms()
    anycase = alt([t for t, how in terms.items() if how in ("any", "charged")])
    capital = alt([t for t, how in terms.items() if how == "capitalised"])
    return regex.compile(rf"\b(?:{anycase}|(?<!(?:Mr|Mrs|Ms|Miss|Dr|Rev)\.?\s)(?-i:{capital}))\b", regex.IGNORECASE)


@dataclass(frozen=True)
class Idiom:
    """One declared wording of a breach: a pattern, the words every match contains, an example."""

    category: str
    triggers: frozenset[str]
    pattern: str
    example: str


@functools.cache
def idioms() -> tuple[Idiom, ...]:
    """Set phrases that carry a breach by themselves ("regrets the day", "word on the playground").

    Kept as data so a wording a rep meets can be added without touching code; each row names
    the trigger words (one of them is in every match: the prefilter relies on it) and an
    example the pattern must match (a test holds both).
    """
    rows = csv.DictReader(io.StringIO(resources.read_text("lexicons/idioms.csv")))
    return tuple(Idiom(r["category"].strip(), frozenset(r["triggers"].split("|")), r["pattern"], r["example"]) for r in rows)

