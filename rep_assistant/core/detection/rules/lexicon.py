"""The offensive-language lexicon: surge-ai's list curated for UK school chats, other languages, disguise.

Whole-token lookups (a dict, not a 1,600-way alternation) keep Scunthorpe, Penistone and
therapist safe and keep scanning fast. The text arrives folded by ``normalise`` (look-alike
letters, styled letters, invisible marks); here the word-level disguises are undone, only
where the text shows one:

- leet digits and symbols inside letters (sh1t, b@stard, pi$$ed) and masked letters matched
  by shape (f**k, c*nt, b****cks, f*&%ing);
- letters spaced out (f u c k, s.h.i.t, b-o-l-l-o-c-k-s) or stretched (fuuuck);
- dropped vowels (fck, btch) and doubled letters (fuuck), generated once from the core words;
- dialect spellings (fookin, shite, feckin, pish) are entries of ``uk_curation.csv``;
- words rude only when disguised ("c*ck", "pr*ck": a cock crows, a pin pricks) are ``masked`` rows there.

``uk_curation.csv`` drops entries that are ordinary words here (hoe, knob, cock, 69), adds
British swears and names context words that make an entry innocent ("blue tits", "faggots and
peas"); ``allow_list.csv`` lists the places, foods, birds, surnames and trades that look rude
and are not (Scunthorpe, Twatt, Bitchfield, cock pheasant, Dick Whittington), and phrasal verbs
("slag him off" is to criticise, not a slur); the files under
``languages/`` add swear words and insults of Urdu, Polish, Arabic, Bengali, Welsh and Somali.
"""

import bisect
import csv
import functools
import io
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from rep_assistant.core import resources
from rep_assistant.core.detection.rules.normalise import ARABIC_MARKS, lexicon_key, without_clitic

_SEVERITY = {"Mild": "mild", "Strong": "strong", "Severe": "severe"}
# Leet digits and symbols -> the letters they stand for (1 and | are i or l).
_LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s", "+": "t", "!": "i",
         "|": "il", "€": "e", "¢": "c", "¡": "i", "(": "c"}
# Letters drawn with two or three characters: "|_|" u, "\/\/" w, "|<" k; a letter in brackets: "f(u)ck", "sh[i]t".
_DRAWN = re.compile(r"\|_\||\\/\\/|\\/|/\\|\|<|\|\\\||[(\[{]([a-z0-9@$!*])[)\]}]")
_DRAWN_LETTERS = {"|_|": "u", "\\/\\/": "w", "\\/": "v", "/\\": "a", "|<": "k", "|\\|": "n"}
# Symbols that stand in for a letter inside a word: emoji, bullets, stars drawn beyond ASCII ("cl🤬sterf🤬ck", "f•••").
_ODD_MASK = regex.compile(r"[\p{So}\p{Sk}•·∙●○◦▪✱✲⁎—–][\p{M}\u200d]*")
_ODD_MASK_IN_WORD = regex.compile(r"[a-z](?:[\p{So}\p{Sk}•·∙●○◦▪✱✲⁎—–][\p{M}\u200d]*)+[a-z]|[a-z](?:[\p{So}\p{Sk}•·∙●○◦▪✱✲⁎][\p{M}\u200d]*){3,}")
_DRAWN_SIGN = re.compile(r"[a-z][(\[{][a-z0-9@$!*][)\]}][a-z]|\|_\||\\/|/\\|\|<|[a-z]_+[a-z]")
_MASKS = frozenset("*#%&_.?-~^\"")
#: How far a phrasal verb's particle may follow it: "slag off", "slag the whole lot of them off".
_PHRASAL_REACH = 5
_CLAUSE_BREAK = re.compile(r"[,.!?;:]")
_WRONG_LETTER = frozenset("@$!|+€¢¡(")  # leet symbols that also serve as masks
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_ANY_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
#: Characters read per word of an entry's reach (``Lexicon._fits``): enough for a long word and its spaces.
_REACH_CHARS = 16
#: A word of an entry's unless_near this long or shorter is a small word of grammar, counted only within its reach.
_SMALL_WORD = 4
#: The word just before a spelled-out run, looked for only this far back (no longer word is innocent with it).
_WORD_REACH = 40
_LAST_WORD = re.compile(r"([a-z0-9]+)[^a-z0-9]*\Z")
# A character beyond ASCII that _ANY_WORD counts as part of a word (an accent, a mark such as the emoji
# selector U+FE0F, a letter or digit of another script): without one, the ASCII split finds the same words.
# (The character beyond ASCII first: the search skips to those, mostly emoji, and only then asks what it is.)
_WORD_BEYOND_ASCII = regex.compile(r"[^\x00-\x7f](?<=[\p{L}\p{M}\p{N}])")
_CHUNK = re.compile(r"\S+")
_STRETCHED = re.compile(r"([a-z])\1\1")
_SQUEEZE_ALL = re.compile(r"(.)\1+")
_SQUEEZE_RUNS = re.compile(r"(.)\1{2,}")
_SPLIT_ROOTS = ("toss", "knob", "nob", "dick", "arse", "ass", "shit", "piss", "cock", "twat", "wank", "fuck", "bum", "mother", "sod")
_PREFIX_ROOTS = ("fuck", "cunt", "wank", "bollock", "twat", "shit", "dickhead", "motherf", "bastard")
_SUFFIX_ROOTS = ("shit", "shite", "fuck", "fucker", "fucking", "cunt", "wanker", "twat")
_ROOT_HEADS = frozenset(r[:4] for r in _PREFIX_ROOTS)
_VOWELS = frozenset("aeiou")
# Signs of a disguise, looked for once per message: cheap character-set tests first, and a
# pattern only where they find something (one big alternation cost twice the whole lookup).
_SYMBOLS = frozenset("*#%&@$!|+~^¢¡€")
# The same test as one scan of the text (a set tested against a string looks up every character), with the
# characters that draw a letter or bracket one ("|_|", "f(u)ck"): one scan spares most messages both patterns.
_ANY_SYMBOL = re.compile("[" + re.escape("".join(sorted(_SYMBOLS | set("([{\\_")))) + "]")
_DRAWN_HINT = re.compile(r"[(\[{\\|_]")
# A symbol inside a word: after a letter, a run of symbols then a letter or a mask ("sh!t", "f**k"); a mask before a
# letter ("*ss", "@rse"); after a letter, a mask ("bollo*"); a bracket left open between letters ("fu(k"). Written to open
# with the symbol and look behind it, so the search skips from symbol to symbol (most messages have a "!" or "&" only
# after a word, which a pattern opening with a letter tries at every letter); it finds one wherever
# "[a-z][*#%&@$!|+~^¢¡€]+[a-z*#%&@$]|(?:^|[^a-z])[*#%&@$¡][a-z]|[a-z][*#%&]|[a-z]\([a-z](?![a-z]*\))" does (a test holds it),
# which is all _disguise_suspected asks.
_SYMBOL_IN_WORD = re.compile(r"[*#%&@$!|+~^¢¡€](?:(?<=[a-z][*#%&@$!|+~^¢¡€])[*#%&@$!|+~^¢¡€]*[a-z*#%&@$]|(?<=[*#%&@$¡])[a-z]"
                             r"|(?<=[a-z][*#%&]))|\((?<=[a-z]\()(?=[a-z](?![a-z]*\)))")
_GAP = r"(?:[^a-z0-9]{1,2}|[^a-z0-9]{0,2}[^\x00-\x7f][^a-z0-9]{0,2})"  # a space, a dot, a dash, or an emoji between spaces
_SPACED = re.compile(rf"(?:^|[^a-z])[a-z]{_GAP}[a-z0-9@$!*]{_GAP}[a-z0-9@$!*](?![a-z])")
_ROOTS = re.compile("|".join(sorted(set(_PREFIX_ROOTS + _SUFFIX_ROOTS), key=len, reverse=True)))
_LONE_LETTERS = frozenset("bcdefghjklmnopqrstuvwxyz")
_SPELLED = re.compile(rf"(?:^|[^a-z0-9])[a-z0-9@$!*](?:{_GAP}[a-z0-9@$!*]){{2,}}(?![a-z0-9])")
_SHORTENED = re.compile(r"(?:^|[^a-z])[a-z]['.-][a-z]{2,}")  # "f-ing", "a-hole", "f'in"
_DASH_MASK = re.compile(r"[a-z]-{2,}[a-z]")  # dashes for letters: "f---ing", "b----r" (one dash joins words)
# A cartoon's swear: three to eight of these symbols, at least three different ("$#!%", "@#%&!"), never a row of one ("!!!").
_SYMBOL_RUN = re.compile(r"[$#!%@&*]{3}")  # in every grawlix
_GRAWLIX = re.compile(r"(?=(?:.*?([$#!%@&*])(?!.*\1)){3})[$#!%@&*]{3,8}")
# Lone fragments a word is split into to dodge a filter ("sh it", "wa nker"): joined with the next word, a swear.
_FRAGMENT_HEADS = frozenset({"sh", "fu", "fk", "tw", "wa", "bi", "cu", "pi", "ar", "ba", "bo", "bu", "cr"})
# A word broken by one dot ("twa.t", "pi.ssed", "bastar.d."), not a chain of them ("a.m.", "www.example.com").
_DOT_IN_WORD = re.compile(r"(?<![a-z.])[a-z]+\.[a-z]+(?![a-z]|\.[a-z])")
# A word broken once by a mask, a dot or an emoji (already a mask here) put in between its letters, none replaced:
# "sh🙈it", "fu🤬ck", "twa.t", "b_astard".
_ONE_BREAK = re.compile(r"([a-z]+)[*._]{1,2}([a-z]+)")
# A school year group (P5, S2, Y11, N1) and its plural ("the P5s"): a code, never a word with a digit for a letter.
_YEAR_GROUP = re.compile(r"[psyn]\d{1,2}s?")


def _disguise_suspected(key: str, token_set: frozenset[str] | set[str], split: bool = False,
                        signs: re.Pattern[str] | None = None) -> bool:
    """Masks or leet inside a word, three letters alike, single letters spaced out, a shortened word, dashes for
    letters, or a swear root inside a longer word (every root of ``_PREFIX_ROOTS`` and ``_SUFFIX_ROOTS`` contains one tested here).

    Spelled-out and shortened words have a lone letter other than 'a' and 'i' ("f u c k", "f-ing"), or are
    "a-hole": a set test spares the patterns most messages. ``signs``: what marks a word inside (``signs_inside``;
    the lexicon's adds other languages' stems, "wkurwia"). ``split``: ``token_set`` holds every run of
    [a-z0-9] in ``key`` (perhaps with pseudo-tokens such as "#num"), so the signs that lie inside one such run
    (a digit against a letter, three letters alike, a root) are judged once per distinct word.
    """
    signs = signs or _SIGNS
    inside = _signs_inside(token_set, signs) if split else signs.search(key)
    return bool(inside or "a-h" in key
                or (_ANY_SYMBOL.search(key) and (_SYMBOL_IN_WORD.search(key) or (_DRAWN_HINT.search(key) and _DRAWN_SIGN.search(key))
                                                 or _SYMBOL_RUN.search(key)))
                or (not key.isascii() and _LETTER_BEYOND_ASCII.search(key) and _ODD_MASK_IN_WORD.search(key))
                or (not _LONE_LETTERS.isdisjoint(token_set) and (_SPACED.search(key) or _SHORTENED.search(key)))
                or ("--" in key and _DASH_MASK.search(key) is not None)
                or ("." in key and _DOT_IN_WORD.search(key) is not None))


_INSIDE_ROOTS = ("fuck", "shit", "cunt", "twat", "wank", "bollock", "bastard", "dickhead", "motherf")


def signs_inside(roots: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the signs that lie inside a word: a digit against a letter, three letters alike, a root."""
    return re.compile(r"[a-z][0-9]|[0-9][a-z]|([a-z])\1\1|" + "|".join(map(re.escape, _INSIDE_ROOTS + roots)))


_SIGNS = signs_inside(())
_LETTER_BEYOND_ASCII = re.compile(r"[a-z][^\x00-\x7f]")  # in every match of _ODD_MASK_IN_WORD: a quick scan first
#: Words judged by _signs_inside, and those among them with a sign; replaced whole (never cleared in place).
_judged: tuple[set[str], set[str]] = (set(), set())
_JUDGED_MAX = 200_000  # distinct words remembered; then the memo starts again (bounded memory)


def _signs_inside(words: frozenset[str] | set[str], signs: re.Pattern[str]) -> bool:
    """Whether one of ``words`` has a sign inside it (``signs``: the one lexicon's, the same in every call of the
    process, so a word judged once stays judged)."""
    global _judged
    judged, signed = _judged
    new = words.difference(judged)  # most words of a chat were judged in an earlier message
    if new:
        if len(judged) > _JUDGED_MAX:
            judged, signed = _judged = (set(), set())
        for w in new:
            if signs.search(w):
                signed.add(w)  # before it counts as judged: another thread may be reading
            judged.add(w)
    return not signed.isdisjoint(words)


_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_LINK = re.compile(r"\w/\w|^www\.|\.(?:com|co|uk|org|net)\b|@[\w-]+\.")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    word: str  # the lexicon entry the text stands for
    severity: str
    kind: str = "swear"  # swear | insult | both (an insult that is also a swear word)
    language: str = "en"


@dataclass(frozen=True)
class Entry:
    severity: str
    kind: str = "swear"
    language: str = "en"


@dataclass(eq=False)
class Lexicon:
    entries: dict[str, Entry] = field(default_factory=dict)  # canonical word -> what it is
    words: dict[str, str] = field(default_factory=dict)  # a spelling (entry or variant) -> canonical word
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    unless_near: dict[str, frozenset[str]] = field(default_factory=dict)
    # how many words either side of the entry its unless_near words are looked for (absent: the whole message, a topic)
    unless_reach: dict[str, int] = field(default_factory=dict)
    preferred: set[str] = field(default_factory=set)  # the common words a censored shape most likely stands for
    allowed: set[str] = field(default_factory=set)  # innocent words that look like a swear (Shitterton, Twatt)
    masked_only: set[str] = field(default_factory=set)  # rude only when disguised: "c*ck", "pr*ck" (a cock crows)
    # stems of other languages' swear words, rude inside any inflected form: "kurw" in "wkurwia", "pierdol" in "spierdolili"
    stems: tuple[str, ...] = ()
    signs: re.Pattern[str] = _SIGNS
    # first word -> (phrase, "" or how it is innocent only when written with capitals: "Bell End" the village, "Phuc" a name)
    allowed_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    # a verb form -> its particle: "slag (him) off" is to criticise, not to call someone a slag
    phrasal: dict[str, str] = field(default_factory=dict)
    # a swear word spelled as it sounds, no English word ("krap", "basturd", "fcuk"): scripts/build_respellings.py
    respelled: dict[str, str] = field(default_factory=dict)
    respelled_only: frozenset[str] = frozenset()  # the respellings that are not also a word of the lexicon
    forms: dict[str, str] = field(default_factory=dict)  # an inflection the list lacks -> its word ("gits" -> "git")
    # an emoji written for a swear word's syllable, glued to letters ("bull💩", "🍑hole") -> the syllables it reads as
    rebus: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def finish(self) -> "Lexicon":
        self.words.update((word, word) for word in self.entries)
        # The word inflected ("gits", "crapping", "bellends", "twatted"), a form the list lacks: the word's own.
        for word, entry in list(self.entries.items()):
            if (word in self.preferred or word in self.masked_only) and entry.language == "en" and word.isalpha() and len(word) >= 3:
                for form in _inflections(word):
                    if form not in self.entries and form not in self.allowed:
                        if word in self.masked_only:
                            self.masked_only.add(form)
                        self.forms[form] = word
                        self.words.setdefault(form, word)
        for word, entry in self.entries.items():
            # A word rude only when disguised has its disguised spellings too ("dck", "prck": dropping vowels disguises)
            if (word in self.preferred or word in self.masked_only) and entry.language == "en" and word.isalpha() and len(word) >= 4:
                for variant in _variants(word):
                    if variant not in self.allowed:
                        self.words.setdefault(variant, word)
        for spelling, word in self.respelled.items():
            if word in self.entries:
                self.words.setdefault(spelling, word)
        self.respelled_only = frozenset(self.respelled) - frozenset(self.entries)
        for word in self.allowed | self.masked_only:
            self.words.pop(word, None)
        self.by_length: dict[int, list[str]] = {}
        for word in [*self.entries, *self.forms]:
            if word.isascii() and word.isalpha():
                self.by_length.setdefault(len(word), []).append(word)
        self.phrase_starts = frozenset(p[0] for p in self.phrases)
        self.longest = max(map(len, self.words), default=0)
        # One word of each phrase wakes the phrase search: a swear word in it if any ("what the fuck"),
        # else its longest ("be ghairat"): "what", "be", "ya" alone are everywhere.
        self.phrase_gate = frozenset(max(p, key=lambda w: (w in self.entries, len(w))) for p in self.phrases)
        self.wordset = frozenset(self.words)
        self.allow_starts = frozenset(self.allowed_phrases) | frozenset(self.phrasal)
        # What an innocent word or phrase spells with no spaces ("scunthorpe", "spotteddick"), and the phrases by their last
        # word, for letters spelled out (``_innocent_in_run``); names innocent only with their capital are left out.
        plain = [phrase for phrases in self.allowed_phrases.values() for phrase, proper in phrases if not proper]
        self.spelled_innocent = frozenset(self.allowed) | frozenset("".join(p) for p in plain)
        self.phrases_ending: dict[str, list[tuple[str, ...]]] = {}
        for phrase in plain:
            if len(phrase) > 1:
                self.phrases_ending.setdefault(phrase[-1], []).append(phrase)
        pictures = "".join(map(re.escape, self.rebus))
        self.rebus_glued = re.compile(f"[a-z][{pictures}]|[{pictures}]\ufe0f?[a-z]") if self.rebus else None
        return self

    # -- lookups ---------------------------------------------------------------------------

    def scan(self, lower: str, tokens: list[str] | None = None, token_set: frozenset[str] | set[str] | None = None,
             raw: str | None = None, disguised_letters: Callable[[], frozenset[int]] | None = None) -> list[Hit]:
        """Every offensive word in ``lower`` (the folded message lower-cased, ``raw`` before lower-casing), disguised or not.

        ``disguised_letters``: where folding undid a disguise (a look-alike or styled letter, an invisible mark), asked
        only of a text with a word rude only when disguised, which counts there.
        """
        if lower.isascii() or not _WORD_BEYOND_ASCII.search(lower):
            # ASCII words only (emoji, £ and dashes beyond ASCII split words as spaces do): the key is the
            # text itself, with the same words and spans as the slow path, and the caller's split is right.
            key, plain = lower, True
            if tokens is None:
                tokens = _ASCII_WORD.findall(key)
            if token_set is None:
                token_set = set(tokens)
        else:  # the caller's tokens split words at accents and other scripts
            key = lexicon_key(lower)
            plain = key.isascii()
            tokens = _words(key)
            token_set = set(tokens)
        letters: frozenset[int] = frozenset()
        if not self.masked_only.isdisjoint(token_set):
            letters = disguised_letters() if disguised_letters else frozenset()
            if key is not lower:  # an accented or small-capital letter in "prïck", "ᴘʀɪᴄᴋ"
                letters = letters.union(k for k, (a, b) in enumerate(zip(lower, key, strict=True)) if a != b)
        folded_masked = bool(letters)
        disguised = _disguise_suspected(key, token_set, split=plain and key is lower, signs=self.signs) or (
            not key.isascii() and self.rebus_glued is not None and self.rebus_glued.search(key) is not None)
        words = not self.wordset.isdisjoint(token_set) or (  # "هالخرا": "this" + "the" + the word
            not plain and _ARABIC_LETTER.search(key) is not None and not self.wordset.isdisjoint(map(without_clitic, token_set)))
        phrases = not self.phrase_gate.isdisjoint(token_set)
        split = not _FRAGMENT_HEADS.isdisjoint(token_set)
        if not (words or phrases or disguised or folded_masked or split):
            return []
        hits: list[Hit] = []
        if words or disguised or folded_masked:
            rooted = disguised and (_ROOTS.search(key) is not None or any(stem in key for stem in self.stems))
            stretched = disguised and _STRETCHED.search(key) is not None
            for m in (_ASCII_WORD if plain else _ANY_WORD).finditer(key):
                token = m.group() if plain else ARABIC_MARKS.sub("", m.group())
                entry = self.words.get(token)
                if entry is None and not plain and "\u0600" <= token[:1] <= "\u06ff":
                    entry = self.words.get(without_clitic(token))
                if entry is None and folded_masked and token in self.masked_only \
                        and not letters.isdisjoint(range(m.start(), m.end())):
                    entry = token
                if entry is not None and token in self.respelled_only and raw is not None \
                        and raw[m.start():m.start() + 1].isupper() and not starts_sentence(raw, m.start()):
                    entry = None  # a respelling with a capital inside a sentence is a name: "Mr Tozer", "Kutty"
                if entry is None and rooted:
                    entry = self._compound(token)
                if entry is None and stretched:
                    entry = self._stretched(token)
                if entry and self._fits(entry, token_set, key, m.start(), m.end()):
                    hits.append(self._hit(m.start(), m.end(), entry))
        if phrases:
            hits.extend(self._phrases(key, plain, token_set))
        if split:
            hits.extend(self._split_words(key, plain, token_set))
        if disguised:
            hits.extend(self._disguised(key, token_set))
        if hits and not self.allow_starts.isdisjoint(token_set):
            hits = self._without_allowed(key, hits, raw)
        return _dedupe(hits) if len(hits) > 1 else hits

    def _hit(self, start: int, end: int, word: str) -> Hit:
        word = self.forms.get(word, word)
        e = self.entries[word]
        return Hit(start, end, word, e.severity, e.kind, e.language)

    def _fits(self, entry: str, token_set: frozenset[str] | set[str], key: str = "", start: int = 0, end: int = 0) -> bool:
        """Whether no word that makes ``entry`` innocent is near it: in the message, or, for an entry with a reach
        (``unless_reach``), among that many words either side of it at ``start``..``end`` of ``key`` ("mera saala" is a
        brother-in-law; "saala, the app is down again… ke liye" still swears; a longer word counts anywhere)."""
        near = self.unless_near.get(entry)
        if not near:
            return True
        reach = self.unless_reach.get(entry)
        if reach and key:
            # The small words ("mera", "ke", "er") count only beside it; the words of the innocent reading's own topic
            # ("wife", "shaadi", "school") anywhere: "Meri wife ka bhai yaani saala kal aa raha hai".
            beside = set(_words(key[max(0, start - _REACH_CHARS * reach):start])[-reach:]) | set(_words(key[end:end + _REACH_CHARS * reach])[:reach])
            return near.isdisjoint(beside) and all(len(w) <= _SMALL_WORD for w in near.intersection(token_set))
        return near.isdisjoint(token_set)

    def _compound(self, token: str) -> str | None:
        """'fuckwit', 'shitshow', 'gobshite': a swear root joined to another word."""
        if token in self.allowed or len(token) < 5:
            return None
        if token[:4] in _ROOT_HEADS:
            for root in _PREFIX_ROOTS:
                if token.startswith(root):
                    return next((self.words[w] for w in (root, root + "er", root + "ing") if w in self.words), None)
        for root in _SUFFIX_ROOTS:
            if token.endswith(root) and root in self.words:
                return self.words[root]
        if "fucking" in token and "fucking" in self.words:
            return self.words["fucking"]
        return next((stem for stem in self.stems if stem in token), None)

    def _stretched(self, token: str) -> str | None:
        """'fuuuuck', 'shiiiite': three or more letters alike squeezed to one or two."""
        if not _STRETCHED.search(token) or token in self.allowed:
            return None
        for squeezed in (_SQUEEZE_ALL.sub(r"\1", token), _SQUEEZE_RUNS.sub(r"\1\1", token), _SQUEEZE_RUNS.sub(r"\1", token)):
            found = self.words.get(squeezed) or (squeezed if squeezed in self.masked_only else None) or self._compound(squeezed)
            if found:
                return found
        return None

    def _split_words(self, key: str, plain: bool, token_set: frozenset[str] | set[str]) -> list[Hit]:
        """A common swear split in two to dodge a filter: "sh it", "wa nker" (the first part no word of its own)."""
        spans = [(m.start(), m.end(), m.group()) for m in (_ASCII_WORD if plain else _ANY_WORD).finditer(key)]
        out = []
        for (start, gap, first), (after, end, second) in itertools.pairwise(spans):
            # only spaces between, and the second part not a word of its own with an apostrophe ("Sh, it's…")
            if first in _FRAGMENT_HEADS and not key[gap:after].strip() and key[end:end + 1] not in ("'", "’"):
                word = self.words.get(first + second)
                if word in self.preferred and self._fits(word, token_set):
                    out.append(self._hit(start, end, word))
        return out

    def _phrases(self, key: str, plain: bool, token_set: frozenset[str] | set[str]) -> list[Hit]:
        out = []
        spans = [(m.start(), m.end(), m.group()) for m in (_ASCII_WORD if plain else _ANY_WORD).finditer(key)]
        for i, (start, _, first) in enumerate(spans):
            if first not in self.phrase_starts:
                continue
            for n in (2, 3, 4):
                words = tuple(s[2] for s in spans[i:i + n])
                entry = self.phrases.get(words) if len(words) == n else None
                if entry and self._fits(entry, token_set, key, start, spans[i + n - 1][1]):
                    out.append(self._hit(start, spans[i + n - 1][1], entry))
        return out

    def _disguised(self, key: str, token_set: frozenset[str] | set[str]) -> list[Hit]:
        out = []
        for m in _CHUNK.finditer(key):
            chunk = m.group()
            if _LINK.search(chunk):
                continue  # links and e-mail addresses
            offset = m.start()
            parts = list(re.finditer(r"[^-/]+", chunk)) if "-" in chunk or "/" in chunk else []
            # "p*ss-up" is two words; "f-ing" and "a-hole" are one word shortened
            for part in parts if len(parts) > 1 and all(len(p.group()) > 1 for p in parts) else [None]:
                text, at = (part.group(), offset + part.start()) if part else (chunk, offset)
                core = text.strip("'\"()[]{}<>,.;:!?…")
                if core[-2:] in ("'s", "’s"):
                    core = core[:-2]  # "w@nk3r's": the possessive is no part of the disguise
                if core.endswith("|") and text[text.find(core) + len(core):].startswith("<"):
                    core += "<"  # "dic|<": a k drawn as |<, not a bracket
                core = core.strip("*_~") if core[:1] in "*_~" and core[-1:] in "*_~" else core  # WhatsApp *bold*
                if _GRAWLIX.fullmatch(core):  # "$#!%": a cartoon's swear, symbols only
                    start = at + text.find(core)
                    out.append(Hit(start, start + len(core), core, "mild"))
                    continue
                if len(core) < 3 or core.isalpha() or not any(c.isalpha() for c in core):
                    continue
                word = self.decode(core)
                if word and self._fits(word, token_set):
                    start = at + text.find(core)
                    out.append(self._hit(start, start + len(core), word))
        out.extend(self._spelled_out(key, token_set))
        return out

    def _spelled_out(self, key: str, token_set: frozenset[str] | set[str]) -> list[Hit]:
        """Single letters in a row, spaces, dots, dashes or underscores between: 'f u c k', 's.h.i.t.e'."""
        out: list[Hit] = []
        if not _SPELLED.search(key):
            return out
        letters = [m for m in re.finditer(r"[a-z0-9@$!*]", key) if _alone(key, m.start())]
        runs: list[list[re.Match[str]]] = []
        for m in letters:
            gap = key[runs[-1][-1].end():m.start()] if runs else "\n"
            # a line break too ("F\nU\nC\nK"), or an emoji between ("s 💩 h 💩 i 💩 t")
            if runs and (len(gap) <= 2 or (len(gap) <= 5 and not gap.isascii())) and not any(ch.isalnum() for ch in gap):
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            if len(run) < 3:
                continue
            innocent: list[tuple[int, int]] | None = None  # worked out only when the run spells a swear
            i = 0
            while i <= len(run) - 3:
                found = None
                for j in range(min(len(run), i + self.longest), i + 2, -1):  # no spelling is longer: linear, not cubic
                    spelled = "".join(r.group() for r in run[i:j])
                    word = (self.words.get(spelled) or (spelled if spelled in self.masked_only else None)
                            or (self.decode(spelled) if not spelled.isalpha() else None))
                    if word:
                        found = (j, self.words.get(word, word))
                        break
                if found and innocent is None:
                    innocent = self._innocent_in_run(key, run)
                if found and self._fits(found[1], token_set) and not any(a <= i and found[0] <= b for a, b in innocent or ()):
                    out.append(self._hit(run[i].start(), run[found[0] - 1].end(), found[1]))
                    i = found[0]
                else:
                    i += 1
        return out

    def _innocent_in_run(self, key: str, run: list[re.Match[str]]) -> list[tuple[int, int]]:
        """Which letters of a spelled-out run spell an innocent word or name, alone or with the word beside the run, as
        [start, end) letter ranges: a poster's "S c u n t h o r p e  T R I P" or "Spotted D I C K" is the town and the
        pudding, not the swear word inside. Names innocent only with their capital ("Bell End") are not read here:
        spelled out, every letter is a capital."""
        spelled = "".join(m.group() for m in run)
        out = []
        for word in self.spelled_innocent:
            at = spelled.find(word)
            while at >= 0:
                out.append((at, at + len(word)))
                at = spelled.find(word, at + 1)
        before = _LAST_WORD.search(key, max(0, run[0].start() - _WORD_REACH), run[0].start())
        after = _ASCII_WORD.search(key, run[-1].end(), run[-1].end() + _WORD_REACH)
        for phrase, proper in self.allowed_phrases.get(before.group(1), ()) if before else ():
            if not proper and len(phrase) > 1 and spelled.startswith(rest := "".join(phrase[1:])):
                out.append((0, len(rest)))
        for phrase in self.phrases_ending.get(after.group(), ()) if after else ():
            if spelled.endswith(head := "".join(phrase[:-1])):
                out.append((len(spelled) - len(head), len(spelled)))
        return out

    def _without_allowed(self, key: str, hits: list[Hit], raw: str | None) -> list[Hit]:
        """Drop hits inside an allowed phrase: 'Fanny Barks', 'cock pheasant', 'Dick Whittington'."""
        spans = [(m.start(), m.end(), m.group()) for m in _ANY_WORD.finditer(key)]
        covered: list[tuple[int, int]] = []
        for i, (start, _, first) in enumerate(spans):
            for phrase, proper in self.allowed_phrases.get(first, ()):
                if proper and raw is not None and (not raw[start:start + 1].isupper()
                                                   or (proper == "capitalised-place" and starts_sentence(raw, start)
                                                       and not _all_capitalised(raw, spans[i:i + len(phrase)]))):
                    # "a bell end" is the insult, "the Bell End sign" the village; "Effin hell!" opens a sentence, but a
                    # name of two capitalised words does not lose them there ("Bell End is ten minutes away")
                    continue
                if tuple(s[2] for s in spans[i:i + len(phrase)]) == phrase:
                    covered.append((start, spans[i + len(phrase) - 1][1]))
            particle = self.phrasal.get(first)
            if particle:
                # "slag him off" is a verb; "you slag, get off my drive" is still a slur (a clause break between)
                ends = [s[0] for s in spans[i + 1:i + 1 + _PHRASAL_REACH] if s[2] == particle]
                if ends and not _CLAUSE_BREAK.search(key, spans[i][1], ends[0]):
                    covered.append((start, spans[i][1]))
        if not covered:
            return hits
        # A hit is inside an allowed span when, of the spans starting at or before it, the furthest end reaches past it:
        # one look-up per hit, not one per span (a long message of "ei fag" has as many spans as hits).
        covered.sort()
        starts = [s for s, _ in covered]
        reach = list(itertools.accumulate((e for _, e in covered), max))
        return [h for h in hits if (k := bisect.bisect_right(starts, h.start) - 1) < 0 or reach[k] < h.end]

    def _rebus_readings(self, chunk: str) -> list[str]:
        """``chunk`` with each emoji of the rebus table read as each of its syllables ("🍑hole": "arsehole", "asshole").

        Only a word of one or two such emoji and three letters or more: "🍑es" is peaches, and a row of emoji is no word.
        """
        chunk = chunk.replace("\ufe0f", "")
        if sum(ch in self.rebus for ch in chunk) > 2 or sum(ch.isalpha() for ch in chunk) < 3:
            return []
        readings = [""]
        for ch in chunk:
            readings = [r + s for r in readings for s in self.rebus.get(ch, (ch,))]
        return readings

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one lexicon lives for the whole process
    def decode(self, chunk: str) -> str | None:
        """The lexicon word a masked or leet chunk stands for ('f**k' -> 'fuck', 'sh1t' -> 'shit'), if any.

        Letters drawn with symbols ("|_|", "\\/\\/") and letters in brackets are read first; an emoji or a
        bullet inside the word is a mask ("sh💩t"), one at its end is decoration ("lovely😍").
        """
        if chunk in self.words:
            return self.words[chunk]
        if not chunk.isascii() and self.rebus_glued is not None and self.rebus_glued.search(chunk):
            # a common swear word only: "bull💩" and "🍑hole" are the words, "dog💩" and "horse💩" what the dog and horse left
            found = next((self.words[r] for r in self._rebus_readings(chunk) if self.words.get(r) in self.preferred), None)
            if found:
                return found
        if not chunk.isascii():
            marked = _ODD_MASK.sub("*", chunk)
            stripped = marked.rstrip("*")
            chunk = marked if len(stripped) <= 1 or marked == stripped else stripped
        if _DRAWN_HINT.search(chunk):
            chunk = _DRAWN.sub(lambda m: m.group(1) or _DRAWN_LETTERS[m.group()], chunk)
        if chunk in self.words or chunk in self.masked_only:
            return self.words.get(chunk, chunk)
        if not chunk.isalpha() and _STRETCHED.search(chunk):  # stretched and masked: "fuuuuu**k"
            squeezed = _SQUEEZE_RUNS.sub(r"\1", chunk)
            if (found := self.decode(squeezed)) is not None:
                return found
        if _YEAR_GROUP.fullmatch(chunk):
            return None
        letters = sum(c.isalpha() for c in chunk)
        odd = [c for c in chunk if not c.isalpha() and c not in _LEET and c not in _MASKS]
        if odd or (not chunk[0].isalpha() and chunk[0] not in _LEET and chunk[0] not in "*#"):
            return None  # a character that is neither a letter, a mask nor leet ("qz123x" has a 2)
        if len(chunk) >= 4 and chunk[0].isalpha() and all(c in _MASKS for c in chunk[1:]):
            # "f***": a first letter and stars is unmistakably a censored swear ("A**" is a grade, three are too few).
            # The words rude only when disguised are what such a mask most often hides ("p***k", "a**").
            return next((w for w in [*sorted(self.masked_only), *sorted(self.preferred)] if len(w) == len(chunk) and w[0] == chunk[0]), None)
        masks = sum(c in _MASKS for c in chunk)
        if masks == 0 and (letters >= 2 or len(chunk) >= 4):
            for reading in _leet_readings(chunk):
                found = (self.words.get(reading) or (reading if reading in self.masked_only else None)
                         or self._compound(reading) or self._stretched(reading))
                if found and (letters >= 2 or found in self.preferred):  # "p155" stands for a common word or nothing
                    return found
            if letters < 2 or not chunk[0].isalpha() or not any(c in _WRONG_LETTER or c.isdigit() for c in chunk[1:]):
                return None  # "100g", "250ml": amounts, not a word with its letters masked
            # A symbol or digit standing for another letter than its own ("fu@k", "f4cking"): a mask, read as a common
            # word only ("7ish" and "1ish" are times: no common swear has that shape).
            shape = re.compile("".join("." if c in _WRONG_LETTER or c.isdigit() else re.escape(c) for c in chunk))
            return next((w for w in sorted(self.preferred | self.masked_only) if len(w) == len(chunk) and shape.fullmatch(w)), None)
        if letters < 2:
            return None
        if len(chunk) < 4 or masks > letters + 1:
            return None
        shape = re.compile("".join(_shape_piece(c) for c in chunk))
        found = [w for w in self.by_length.get(len(chunk), ()) if shape.fullmatch(w)]
        if not found:  # a mask run may stand for more or fewer letters: "f*k", "sh**"
            loose = re.compile(re.sub(r"(?:\.)+", lambda m: f".{{1,{len(m.group()) + 2}}}", shape.pattern))
            found = [w for w in self.preferred if loose.fullmatch(w)]
        if not found:  # a masked root joined to a word: "sh*tshow", "f**kwit"
            found = [r for r in _PREFIX_ROOTS if len(chunk) > len(r) + 1 and chunk[len(r):].isalpha() and r in self.words
                     and re.fullmatch(shape.pattern[:sum(len(_shape_piece(c)) for c in chunk[:len(r)])], r)]
        if not found and (broken := _ONE_BREAK.fullmatch(chunk)) is not None and len(joined := broken[1] + broken[2]) >= 4 \
                and (joined in self.words or joined in self.masked_only):
            return self.words.get(joined, joined)  # no letter masked, a break put in: "sh🙈it" (read as "sh*it"), "twa.t"
        # Every reading is an offensive word, so any will do; name the common spelling.
        return min(found, key=lambda w: (w not in self.preferred, len(w), w)) if found else None


#: Allow-list kinds innocent only when written with a capital: a name ("Phuc"), or a place not opening a sentence ("Effin").
_CAPITALISED = frozenset({"capitalised-place", "capitalised-name"})


def _all_capitalised(raw: str, spans: list[tuple[int, int, str]]) -> bool:
    """Whether every word of a name of two words or more is written with its capital ("Bell End", not "Bell end")."""
    return len(spans) > 1 and all(raw[s:s + 1].isupper() for s, _, _ in spans)


def starts_sentence(raw: str, i: int) -> bool:
    """Whether the word at ``i`` opens the message or a sentence (a capital there says nothing about a name)."""
    before = raw[:i].rstrip()
    return not before or before[-1] in ".!?\n"


def _alone(key: str, i: int) -> bool:
    """A letter with no letter on either side: one of 'f u c k'."""
    return (i == 0 or not key[i - 1].isalnum()) and (i + 1 >= len(key) or not key[i + 1].isalnum())


def _shape_piece(c: str) -> str:
    if c in _MASKS:
        return "."
    if c in _LEET:
        return f"[{_LEET[c]}]" if not c.isalpha() else c
    return re.escape(c)


def _leet_readings(chunk: str) -> list[str]:
    options = [_LEET[c] if c in _LEET and not c.isalpha() else c for c in chunk]
    readings = [r.strip("!") for r in ("".join(p) for p in itertools.islice(itertools.product(*options), 16))]
    return readings + ["f" + r[2:] for r in readings if r.startswith("ph")]  # "ph00kin": f spelled as it sounds


def _variants(word: str) -> set[str]:
    """Spellings of a core swear with vowels dropped ('fck', 'btch') or one letter doubled ('fuuck')."""
    out = set()
    positions = [i for i, c in enumerate(word) if c in _VOWELS and i > 0]
    for n in range(1, len(positions) + 1):
        for drop in itertools.combinations(positions, n):
            variant = "".join(c for i, c in enumerate(word) if i not in drop)
            if len(variant) >= 3:
                out.add(variant)
    for i, c in enumerate(word):
        if c.isalpha() and (i + 1 >= len(word) or word[i + 1] != c) and (i == 0 or word[i - 1] != c):
            out.add(word[:i + 1] + c + word[i + 1:])
    # Look-alikes of I and l read as either ("bоӏӏоскѕ", "ΡΙSS"): both spellings of the word are its own
    spots = [i for i, c in enumerate(word) if c in "il"]
    if len(spots) <= 3:
        for n in range(1, len(spots) + 1):
            for swap in itertools.combinations(spots, n):
                out.add("".join(("l" if c == "i" else "i") if i in swap else c for i, c in enumerate(word)))
    out.discard(word)
    return out


_VOWEL_ENDINGS = ("ing", "in", "ed", "er", "ers", "y", "ish")


def _inflections(word: str) -> set[str]:
    """The word with an English ending: plural or third person, and -ing (or -in), -ed, -er(s), -y, -ish, before which
    a final consonant after one vowel is doubled ("crap" -> "crapping") and a final e dropped ("arse" -> "arsing")."""
    if word.endswith("er"):
        return {word + "s"}  # "minger" -> "mingers"
    if word.endswith(("ing", "in", "ed", "ers", "y")) or word[-1] == "s":
        return set()  # already a form, or a word in s ("bollocks", "piss") whose endings the list spells itself
    if word.endswith("e"):
        stem = word[:-1]
    elif word[-1] not in _VOWELS and word[-1] not in "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS:
        stem = word + word[-1]
    else:
        stem = word
    return {word + "s"} | {stem + ending for ending in _VOWEL_ENDINGS}


def _words(key: str) -> list[str]:
    if key.isascii():
        return _ASCII_WORD.findall(key)
    words = _ANY_WORD.findall(key)
    # Most texts beyond ASCII hold emoji or accents, not Arabic vowel marks: one search spares a sub per word.
    return [ARABIC_MARKS.sub("", w) for w in words] if ARABIC_MARKS.search(key) else words


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """The hits that start outside every longer or earlier one kept (taken in order of start, longest first): a hit
    starting before the furthest end kept so far overlaps a kept one, so one pass does it (a long message of many
    hits costs no more than sorting them)."""
    kept: dict[tuple[int, int], Hit] = {}
    reach = -1
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if h.start < reach:  # the same span twice too: it starts before the end of its first
            continue
        kept[(h.start, h.end)] = h
        reach = max(reach, h.end)
    return list(kept.values())


def _csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(resources.read_text(name))))


@functools.cache
def profanity() -> Lexicon:
    """The curated lexicon, built once per process from the packaged CSV files."""
    lex = Lexicon()
    for row in _csv("lexicons/surge-ai/profanity_en.csv"):
        text = row["text"].strip().lower()
        severity = _SEVERITY.get(row["severity_description"], "mild")
        if " " in text:
            lex.phrases[tuple(text.split())] = text
        lex.entries[text] = Entry(severity)
    for row in _csv("lexicons/uk_curation.csv"):
        word = row["word"].strip().lower()
        if row["action"] == "drop":
            lex.entries.pop(word, None)
            lex.phrases.pop(tuple(word.split()), None)
        elif row["action"] == "masked":
            lex.entries[word] = Entry(row["severity"] or "mild")
            lex.masked_only.add(word)
        elif row["action"] == "add":
            lex.entries[word] = Entry(row["severity"] or "mild")
            if " " in word:
                lex.phrases[tuple(word.split())] = word
            else:
                lex.preferred.add(word)
        if row["unless_near"]:
            lex.unless_near[word] = frozenset(row["unless_near"].split("|"))
    # A compound written as two words or hyphenated ("toss-pot", "mother fucker"): its two halves in a row.
    for word in lex.preferred:
        for root in _SPLIT_ROOTS:
            if word.startswith(root) and len(word) - len(root) >= 3:
                lex.phrases[(root, word[len(root):])] = word
    for row in _csv("lexicons/respellings.csv"):
        if " " in row["respelling"]:  # a phrase with one word respelled: "ullu ki patthi"
            lex.phrases[tuple(row["respelling"].split())] = row["word"]
        else:
            lex.respelled[row["respelling"]] = row["word"]
    stems = []
    for row in _csv("lexicons/languages/offensive.csv"):
        term = lexicon_key(row["term"].strip().lower())
        term = ARABIC_MARKS.sub("", term)
        if row["kind"] == "stem":
            stems.append(term)
        lex.entries[term] = Entry(row["severity"] or "mild", "swear" if row["kind"] == "stem" else row["kind"], row["language"])
        if row.get("unless_near"):  # a word that is also innocent: "baal" is hair beside nits or a comb
            lex.unless_near[term] = frozenset(ARABIC_MARKS.sub("", lexicon_key(w)) for w in row["unless_near"].split("|"))
            if row.get("unless_reach"):  # "mera saala": the innocent reading's words stand next to it
                lex.unless_reach[term] = int(row["unless_reach"])
        if " " in term:
            lex.phrases[tuple(term.split())] = term
    for row in _csv("lexicons/allow_list.csv"):
        term = lexicon_key(row["term"].strip().lower())
        parts = tuple(_words(term))
        if row["kind"] == "phrasal-verb" and len(parts) == 2:
            verb = parts[0]
            for form in (verb, f"{verb}s", f"{verb}ed", f"{verb}ing", f"{verb}{verb[-1]}ed", f"{verb}{verb[-1]}ing"):
                lex.phrasal[form] = parts[1]
        elif len(parts) == 1 and row["kind"] not in _CAPITALISED:
            lex.allowed.add(parts[0])
        elif parts:
            lex.allowed_phrases.setdefault(parts[0], []).append((parts, row["kind"] if row["kind"] in _CAPITALISED else ""))
    for phrase, entry in list(lex.phrases.items()):
        if entry not in lex.entries:  # its word was dropped
            del lex.phrases[phrase]
    lex.rebus = {row["emoji"]: tuple(row["reads"].split("|")) for row in _csv("lexicons/emoji_rebus.csv")}
    lex.stems = tuple(stems)
    lex.signs = signs_inside(lex.stems)
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
