"""Rules for the other languages of UK school communities: insults and a child's health told in them.

Swear words of Urdu, Polish, Arabic, Bengali, Welsh and Somali are entries of the offensive
lexicon (``Text.offensive``), so the offensive-language rule already finds them. What this
module adds: insults in those languages (abuse), someone called an animal or rubbish in them
(a word that is innocent alone, so only when said of someone), and a child's diagnosis,
health, special needs or exclusion told in them (individual-child and personal-data), unless
the writer is speaking of their own child or of an awareness day. The words are data:
resources/lexicons/languages/offensive.csv, called.csv, disclosure.csv and subjects.csv.
"""

import bisect
import csv
import functools
import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

import regex

from rep_assistant.core import resources
from rep_assistant.core.detection.rules import triggers
from rep_assistant.core.detection.rules.lexicon import profanity, starts_sentence
from rep_assistant.core.detection.rules.model import Hit, Rule
from rep_assistant.core.detection.rules.normalise import ARABIC_MARKS, lexicon_key, without_clitic
from rep_assistant.core.detection.rules.subjects import own_child_mentions, own_child_spans, script_names
from rep_assistant.core.detection.rules.text import COMMON_CAPS, Text

_NAMES = {"ur": "Urdu", "pa": "Punjabi", "pl": "Polish", "ar": "Arabic", "bn": "Bengali", "cy": "Welsh", "so": "Somali"}


@functools.cache
def _disclosures() -> tuple[dict[tuple[str, ...], tuple[str, str]], dict[str, frozenset[tuple[str, ...]]], dict[str, tuple[str, str]]]:
    """Disclosure phrases (as word tuples) -> (topic, language); by kind the phrases that unmake them: ``unless``
    every disclosure of the message (an awareness day), ``unless-asked`` every disclosure of a message that asks (a
    question mark: "does any child have a nut allergy?", or an ``asks`` phrase: "…allergy ho to bata dein", let me
    know), ``unless-conduct`` only its conduct, never a child's health (a ball kicked, a game), ``unless-patient`` a
    named child's hospital stay; ``another-child``, not an unmaking but a child told of by what they are (a boy of
    the class); and the Arabizi roots (``ROOT``): consonants -> (topic, language)."""
    terms: dict[tuple[str, ...], tuple[str, str]] = {}
    unless: dict[str, set[tuple[str, ...]]] = {_UNLESS: set(), _UNLESS_ASKED: set(), _UNLESS_CONDUCT: set(), _ASKS: set(),
                                               _UNLESS_PATIENT: set(), _ANOTHER_CHILD: set()}
    roots: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(io.StringIO(resources.read_text("lexicons/languages/disclosure.csv"))):
        if row["term"].startswith(ROOT):
            roots[row["term"][len(ROOT):].strip()] = (row["topic"], row["language"])
            continue
        words = tuple(ARABIC_MARKS.sub("", w) for w in lexicon_key(row["term"].strip().lower()).split())
        if row["topic"] in unless:
            unless[row["topic"]].add(words)
        else:
            terms[words] = (row["topic"], row["language"])
    return terms, {kind: frozenset(phrases) for kind, phrases in unless.items()}, roots


#: A disclosure term opening with this is an Arabizi root, its consonants as ``_skeleton`` spells them ("~drb": darab,
#: dreb, byedrob, darabha), found in a message of Arabizi whatever vowels, prefixes of person and tense, and pronoun
#: endings it is written with (``_root_at``).
ROOT = "~"


# Arabizi spells one Arabic letter several ways: two Latin letters ("kh", "sh"), a digit ("5", "7"), and "2" and "9" for
# the qaf spoken as a glottal stop or written as a digit. Read to one sign each, vowels dropped, doubled letters once.
_ARABIZI_LETTERS = (("kh", "5"), ("gh", "8"), ("sh", "$"), ("ch", "$"), ("th", "t"), ("dh", "d"), ("2", "q"), ("9", "q"),
                    ("'", ""))
_SKELETON_VOWELS = re.compile("[aeiou]+")
_DOUBLED = re.compile(r"(.)\1+")
#: Around a root, the signs of a verb's person, tense and pronoun as ``_skeleton`` leaves them: "by"+"drb" (byedrob),
#: "t"+"3qb" (t3a9eb, he was punished), "drb"+"h" (darabha), "7bs"+"t" (7abaset). Not "l" (to…): "adorable" is "d r b l".
_ROOT_BEFORE = frozenset({"", "b", "y", "t", "n", "m", "by", "bt", "bn", "mt", "ky", "kt", "kn", "hy", "ht", "hn", "w", "wb",
                          "wy", "wt", "f"})
_ROOT_AFTER = frozenset({"", "h", "hm", "hn", "n", "k", "km", "t", "th", "tn", "tk", "thm", "wh"})


def _skeleton(word: str) -> str:
    """An Arabizi word's consonants, one sign per Arabic letter: "byedrob" -> "bydrb", "t3a9eb" -> "t3qb"."""
    for letters, sign in _ARABIZI_LETTERS:
        word = word.replace(letters, sign)
    return _DOUBLED.sub(r"\1", _SKELETON_VOWELS.sub("", word))


def _root_at(word: str) -> tuple[str, str] | None:
    """The (topic, language) of the Arabizi root ``word`` is a form of, or None."""
    skeleton = _skeleton(word)
    for root, told in _disclosures()[2].items():
        at = skeleton.find(root)
        while at >= 0:
            if skeleton[:at] in _ROOT_BEFORE and skeleton[at + len(root):] in _ROOT_AFTER:
                return told
            at = skeleton.find(root, at + 1)
    return None


_UNLESS = "unless"
#: Words that, in the clause of a named child's hospital stay (``health-if-named``), make them no patient: they work
#: there, visit someone there, have an appointment or a jab there ("Amina hospital mein nurse hai", "Zara hospital mein
#: nani se milne gayi", "Kacper odwiedził babcię w szpitalu").
_UNLESS_PATIENT = "unless-patient"
_UNLESS_ASKED = "unless-asked"
_UNLESS_CONDUCT = "unless-conduct"
#: Not a disclosure's unmaking but a request to the group to tell ("bata dein", "das dena", "জানাবেন", "dajcie znać",
#: "rhowch wybod", "خبروني"): a sentence with one asks as a question mark does ("…allergy ho to bata dein").
_ASKS = "asks"
#: Nor this: another child told of by who they are rather than by name, the one who did it ("class ke ek larke ne",
#: "chłopak z klasy", "ولد في صفه", "un o'r bechgyn"), as English "a boy in his class hit my son" tells of one.
_ANOTHER_CHILD = "another-child"
_QUESTION_MARKS = ("?", "؟")


def _asks(raw: str, tokens: list[str]) -> list[int]:
    """Where (word indices) the message's requests to tell start, or [-1] when it has a question mark only ([]: it asks
    nothing)."""
    return _unless_at(tokens, _ASKS) or ([-1] if any(q in raw for q in _QUESTION_MARKS) else [])


def _asks_unless(raw: str, tokens: list[str]) -> bool:
    """Whether the message as a whole unmakes the English rules' words for a condition in it (``asks_the_group``): an
    ``unless`` phrase, or an ``unless-asked`` one in a message that asks and names nobody inside a sentence."""
    return _says_unless(tokens) or (bool(_asks(raw, tokens)) and bool(_unless_at(tokens, _UNLESS_ASKED))
                                    and not any(_person_word(m.group()) for m in _NAME_INSIDE.finditer(raw)))


#: How far past the last word read a clause's closing mark is looked for (spaces, an emoji or two).
_PAST_THE_WORDS = 16
#: How many words from the conduct a ball or a game unmakes it ("ball ko laat maari"; not "ball maari aur phir Ahmed ko
#: thappad maara").
_PLAY_REACH = 4


def _unmade_in_clause(raw: str, found: list[tuple[str, int, int]], starts: list[int], at: list[int], span: tuple[int, int],
                      asked: bool, requests: Sequence[int] = ()) -> bool:
    """Whether one of the unmaking phrases starting at words ``at`` is in the clause of the disclosure at ``span``: a
    ball or a game beside the conduct ("ball ko laat maari"), or, with ``asked``, a question to the group about any child
    ("Koi bacha nuts allergy wala hai class mein?") in a clause that names nobody and a sentence that asks: with a
    question mark, or with one of the message's ``requests`` to tell ("…allergy ho to bata dein"). The next clause may
    tell of a child ("Zainab ko epilepsy hai. Koi bachi hai jo…?")."""
    _, _, lo, hi = _window(found, starts, span)
    hi = min(len(raw), hi + _PAST_THE_WORDS)  # the question mark after the window's last word
    start, end = _clause_start(raw, span[0], lo), _clause_end(raw, span[1], hi)
    k = bisect.bisect_left(at, bisect.bisect_left(starts, start))
    if k == len(at) or found[at[k]][1] >= end:
        return False
    if not asked:  # a ball or a game beside the conduct, not in the next half of a long sentence
        first, last = bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1]) - 1
        return any(first - _PLAY_REACH <= i <= last + _PLAY_REACH for i in at)
    asks = _SENTENCE_BREAK.search(raw, span[1], hi)
    return (((asks is not None and asks.group() in _QUESTION_MARKS) or _requested(raw, found, requests, span, lo, hi))
            and not any(_person_word(m.group()) for m in _NAME_INSIDE.finditer(raw, start, end)))


def _requested(raw: str, found: list[tuple[str, int, int]], requests: Sequence[int], span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether a request to tell (``_asks``) is in the sentence of the disclosure at ``span``, within the characters
    ``lo``..``hi`` looked at, and no name comes before it there: "kisi bache ko allergy ho to bata dein", not "…allergy
    hai. Kal party ka time bata dein" nor "Rafi er allergy ache kono bacchar thakle janaben"."""
    opens = max(lo, max((raw.rfind(c, lo, span[0]) for c in ".!?\n؟۔"), default=-1) + 1)
    asking = _unless_by_first_word(_UNLESS_ASKED)  # "Ilmo ma jiraa…" (is there a child…) opens the question, names nobody
    if any(_person_word(m.group()) and lexicon_key(m.group().casefold()) not in asking
           for m in _CAPITALISED_WORD.finditer(raw, opens, span[0])):
        return False  # "Saba ki beti ko ADHD hai aur koi aur bacha ho to bata dein": a child named, then asked about others
    for i in requests:
        at = found[i][1] if i >= 0 else -1
        if lo <= at < hi and not _SENTENCE_BREAK.search(raw, min(at, span[1]), max(at, span[0])):
            return True
    return False


@functools.cache
def _unless_by_first_word(kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _disclosures()[1][kind]:
        out.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


def _says_unless(tokens: list[str], kind: str = _UNLESS) -> bool:
    """Whether an unmaking phrase of ``kind`` is in ``tokens``, its words in a row: "اليوم العالمي" (world day), not
    "اليوم" (today) alone."""
    return bool(_unless_at(tokens, kind, first_only=True))


def _unless_at(tokens: list[str], kind: str, first_only: bool = False) -> list[int]:
    """Where (word indices) the unmaking phrases of ``kind`` start in ``tokens`` (``first_only``: the first only)."""
    firsts = _unless_by_first_word(kind)
    out = []
    for i, word in enumerate(tokens):
        for phrase in firsts.get(word, ()):
            if len(phrase) == 1 or tuple(tokens[i:i + len(phrase)]) == phrase:
                out.append(i)
                if first_only:
                    return out
                break
    return out


#: A disclosure word ending in this is a stem: any word that starts so ("uderz*": uderzył, uderzyła, uderza). A verb
#: is told in many forms (tense, person, gender), and a list of forms holds only those somebody wrote down.
STEM = "*"
#: A stem's first characters, by which a word finds the stems it may start with (every stem has at least this many
#: letters, vowel signs not counted: "গালি" is two letters, and too short a stem for one verb; Arabizi's digits for letters
#: count: "3and*").
STEM_KEY = 4

Phrase = tuple[tuple[str, ...], str, str]


@functools.cache
def _by_first_word() -> tuple[dict[str, list[Phrase]], dict[str, list[Phrase]]]:
    """The disclosure phrases (words, topic, language) by their first word, and those opening with a stem by its
    first ``STEM_KEY`` letters."""
    exact: dict[str, list[Phrase]] = {}
    stems: dict[str, list[Phrase]] = {}
    for key, (topic, language) in _disclosures()[0].items():
        if key[0].endswith(STEM):
            stems.setdefault(key[0][:STEM_KEY], []).append((key, topic, language))
        else:
            exact.setdefault(key[0], []).append((key, topic, language))
    return exact, stems


def _word_is(pattern: str, word: str) -> bool:
    """Whether ``word`` is the phrase's word ``pattern``: the same, or starting with its stem."""
    return word.startswith(pattern[:-1]) if pattern.endswith(STEM) else word == pattern


def _phrases_at(word: str, exact: dict[str, list[Phrase]], stems: dict[str, list[Phrase]]) -> list[Phrase]:
    """The phrases whose first word ``word`` is."""
    return exact.get(word, []) + [p for p in stems.get(word[:STEM_KEY], ()) if _word_is(p[0][0], word)]


def _insult(t: Text) -> Hit | None:
    hits = [h for h in t.lexicon_hits if h.language != "en" and h.kind in ("insult", "both") and not _of_the_writer(t, h.start)]
    if not hits:
        called = _called_names(t)
        return None if called is None or _of_the_writer(t, called.spans[0][0]) else called
    h = hits[0]
    return Hit(f"Insults someone in {_NAMES.get(h.language, h.language)} ('{t.raw[h.start:h.end]}')",
               tuple((x.start, x.end) for x in hits))


#: Words of saying and thinking between "I" and an insult: the insult is then of someone else ("Main kehti hoon…",
#: "انا بقول…", "Ja mówię…", "Dw i'n meddwl…").
_SAYING = frozenset(lexicon_key(w) for w in ("kehti", "kehta", "kehte", "bolti", "bolta", "bolte", "sochti", "sochta", "bolchi",
                                             "boli", "bolbo", "mone", "بقول", "بقلك", "رأيي", "اعتقد", "أعتقد", "بفكر", "mówię",
                                             "myślę", "uważam", "dweud", "meddwl", "credu", "dhahay", "leeyahay"))
#: How many words before an insult "I am" is looked for ("Waxaan ahay nacas", "Jestem takim głupkiem", "dwi'n hen jolpan").
_SELF_REACH = 3


def _of_the_writer(t: Text, at: int) -> bool:
    """Whether the insult at character ``at`` is said by the writer of themselves, "I am" a few words before it in its
    clause (called.csv's ``self`` rows): "Waxaan ahay doqon, cuntadii ayaan guriga uga tagay" forgot the lunch, and
    calls nobody a fool but the writer."""
    selves = _called().get("self", {})
    if not selves:
        return False
    start = _clause_start(t.raw, at)
    before = [(w, s) for w, s, _ in t.key_words if start <= s < at][-_SELF_REACH - 1:]
    words = [w for w, _ in before]
    for i in range(len(words)):
        for p in selves:
            if tuple(words[i:i + len(p)]) == p:
                # only "I (am)" and words of degree between: not "Main kehti hoon Bilal gadha hai" (I say Bilal is a donkey)
                between = before[i + len(p):]
                return not any(w in _TELLING or w in _SAYING or (t.raw[s:s + 1].isupper() and w.isascii()) for w, s in between)
    return False


_ASIDE = re.compile(r"\([^)]*\)")


@functools.cache
def _called() -> dict[str, dict[tuple[str, ...], tuple[str, frozenset[str]]]]:
    """called.csv by kind: the words (as tuples, keyed as the text's words are) -> (gloss, the languages it is of).

    Kinds: ``noun`` (an animal or "rubbish", innocent alone), ``before`` / ``after`` (a word that, next to the noun,
    says it of someone: "gadha hai", "يا حمار", "waa dameer"), ``copula`` (the same, but only after a word of the
    same clause: "ta pani to krowa", not "zobacz, to krowa!"), ``between`` (what may come between a frame and the
    noun: "to zwykła krowa"), ``subject`` (a person just before: "المعلمة الجديدة حمارة"), ``kin`` ("father/mother
    of", a name after it: "ابو علي خنزير"), ``like`` (likening: "زي", "niczym", "wangu", "মতো", before or after the
    noun), ``unless`` (a farm, a zoo, the nativity, the Eid sacrifice: the animals are animals). A frame in Latin
    letters counts for a noun of its own language or when it is English (parents switch mid-sentence: "the new head is
    a حمار"); one in another script, for any noun.
    """
    out: dict[str, dict[tuple[str, ...], tuple[str, frozenset[str]]]] = {}
    for row in csv.DictReader(io.StringIO(resources.read_text("lexicons/languages/called.csv"))):
        words = tuple(ARABIC_MARKS.sub("", w) for w in lexicon_key(row["term"].strip().lower()).split())
        gloss = _ASIDE.sub("", row["note"]).split(":")[-1].strip()  # "Arabizi (Iraqi): donkey (feminine)": donkey
        known = out.setdefault(row["kind"], {}).get(words)
        out[row["kind"]][words] = (known[0] if known else gloss, (known[1] if known else frozenset()) | {row["language"]})
    return out


#: After an animal noun, words that make it a thing or an object, not what a person is called: Urdu and Punjabi "wala"
#: (the … one), "ki"/"da" (of), "le kar" (bringing), Polish "na", "z", "do", "w" (on, of, to, in), Welsh "yn"/"ar".
_NOT_SAID_OF = frozenset(lexicon_key(w) for w in (
    "wala", "wali", "wale", "waala", "waali", "ki", "ka", "ke", "kay", "da", "di", "de", "le", "lekar", "leke", "ko", "ne",
    "na", "z", "ze", "do", "w", "we", "dla", "od", "o", "ar", "i", "gyda", "efo"))
#: Possessives just before an animal noun: a pet or the family's animal ("sadi kutti", "hamara kutta", "nasz pies").
_PET_OWNER = frozenset(lexicon_key(w) for w in (
    "sadi", "sada", "sade", "saadi", "saada", "saade", "sadda", "saddi", "meri", "mera", "mere", "hamari", "hamara", "hamare",
    "humari", "humara", "tuhadi", "tuhada", "ohdi", "ohda", "uski", "uska", "unki", "unka", "nasz", "nasza", "mój", "moja", "fy",
    "ein", "amar", "amader", "ہمارا", "ہماری", "میرا", "میری"))
#: Titles before a name ("Miss Pelling 7mara", "Mr Halloway khota aa"): the titled person is who the noun is said of.
_TITLES = frozenset(lexicon_key(w) for w in ("mr", "mrs", "miss", "ms", "sir", "dr", "pani", "pan", "ustad", "ustadh", "madam", "macallin",
                                             "macalin", "macallimad", "bare"))
_VOCATIVE = lexicon_key("يا")  # joined to the front of the word it calls: "ياحمار"
_ARTICLE = lexicon_key("ال")  # an adjective agreeing with a definite noun: "المعلمة الجديدة"
#: What ends a clause; Arabic and Urdu write their own comma, semicolon, question mark and full stop.
_CLAUSE_CHARS = ".,!?;:\n،؛؟۔"
_CLAUSE_BREAK = re.compile("[" + re.escape(_CLAUSE_CHARS) + "]")


def _frame(table: dict[tuple[str, ...], tuple[str, frozenset[str]]], words: tuple[str, ...], languages: frozenset[str]) -> bool:
    """Whether ``words`` is a frame of the table for a noun of ``languages`` (see ``_called``)."""
    entry = table.get(words)
    return entry is not None and (not words[0].isascii() or "en" in entry[1] or not entry[1].isdisjoint(languages))


def _said_of_someone(t: Text, tokens: list[str], i: int, languages: frozenset[str], vocative: bool) -> bool:
    """Whether the noun at word ``i`` is said of someone: a frame of one or two words before it (fillers between), a
    copula after a word of its clause, a person just before it (or with an adjective between), "father/mother of" a
    name before it, or a frame after it. A person further off is the subject of some other verb: "ام علي شافت كلب"
    (Ali's mum saw a dog)."""
    if vocative:
        return True
    if i > 0 and tokens[i - 1] in _PET_OWNER:
        return False  # "sadi kutti bimaar aa": our dog, a pet
    table = _called()
    if _compared(t, table, tokens, i):
        return True
    found = t.key_words
    j = i - 1
    while j >= 0 and i - j <= 2 and _frame(table.get("between", {}), (tokens[j],), languages):
        j -= 1
    subject = table.get("subject", {})
    if j >= 0:
        person = _frame(subject, (tokens[j],), languages)
        if person and j == i - 1 and "en" not in subject[(tokens[j],)][1]:
            return True  # a person just before: "المعلمة حمارة"
        if (person or (j >= 1 and tokens[j - 1] in _TITLES)) and (i + 1 == len(tokens) or tokens[i + 1] not in _NOT_SAID_OF):
            # a person in English or a titled name, fillers perhaps between: said of them ("head teacher ta pura gadha",
            # "Miss X 7mara, …", "Mr X khota aa", "Pani X krowa jedna"), unless a word after the noun makes it a thing
            # of theirs or an object: "Miss Sana kutta le kar…" (brings a dog), "Mr Khan bandar wali story…"
            return True
    if j >= 0 and not (j == i - 1 and tokens[i] != without_clitic(tokens[i])):  # "هاد الكلب": this dog, the animal
        before = table.get("before", {})
        if (_frame(before, (tokens[j],), languages) or _frame(before, (without_clitic(tokens[j]),), languages)
                or _frame(before, tuple(tokens[max(0, j - 1):j + 1]), languages) or tokens[j].endswith("'n")):
            return True
        if _frame(table.get("copula", {}), (tokens[j],), languages) and j >= 1 \
                and not _CLAUSE_BREAK.search(t.raw, found[j - 1][2], found[j][1]):
            return True
    kin = table.get("kin", {})
    if i >= 2 and ((_frame(subject, (tokens[i - 2],), languages) and tokens[i - 1].startswith(_ARTICLE))
                   or _frame(kin, (tokens[i - 2],), languages)):
        return True  # "المعلمة الجديدة حمارة" (an adjective with the article between), "ابو علي خنزير" (a name between)
    return any(tuple(tokens[i + 1:i + 1 + len(p)]) == p for p in table.get("after", {}) if _frame(table["after"], p, languages))


def _compared(t: Text, table: dict[str, dict[tuple[str, ...], tuple[str, frozenset[str]]]], tokens: list[str], i: int) -> bool:
    """Whether the noun at word ``i`` is what a grown-up is likened to (called.csv's ``like``: "زي القرد", "niczym świnia",
    "ullu wangu", "bandar ki tarah", "বান্দরের মতো"): a member of staff, the rep or a titled or named person before it
    in its clause (``_likened_person``), in a message that names no child of the writer's. Children at play, pets, the
    rain and the writer ("hum sab kutte ki tarah bheeg gaye") are likened to animals fondly."""
    like = table.get("like", {})
    if not like:
        return False
    before = i - 1 - (i > 1 and tokens[i - 1] in _LATIN_ARTICLES)  # Arabizi writes the article apart: "zay el 7mar"
    compared = (before >= 0 and (tokens[before],) in like) or any(tuple(tokens[i + 1:i + 1 + len(p)]) == p for p in like)
    return compared and not own_child_mentions(tokens) and _likened_person(t, table, i)


#: Who may be likened to an animal as an insult besides staff (called.csv's ``subject``): the rep, the head, the council.
_LIKENED = frozenset(lexicon_key(w) for w in ("rep", "head", "council", "ریپ", "الريب", "রিপ"))


def _likened_person(t: Text, table: dict[str, dict[tuple[str, ...], tuple[str, frozenset[str]]]], i: int) -> bool:
    """Whether a grown-up stands before word ``i`` in its clause: a staff word, the rep, a title, or a capitalised name
    in Latin letters that is not the clause's opening word (which any sentence has)."""
    found = t.key_words
    start = _clause_start(t.raw, found[i][1])
    subject = table.get("subject", {})
    for k in range(i - 1, -1, -1):
        word, s_, e = found[k]
        if s_ < start:
            break
        if (word,) in subject or word in _LIKENED or word in _TITLES or (
                word.isascii() and _capitalised_name(t.raw[s_:e]) and not starts_sentence(t.raw, s_)):
            return True
    return False


_LATIN_ARTICLES = frozenset({"el", "al", "il", "l"})
#: Bengali's genitive on a noun likened to ("বান্দরের মতো", like a monkey): the noun is the word without it.
_BENGALI_GENITIVES = (*(lexicon_key(w) for w in ("ের", "র")), "er")


def _called_names(t: Text) -> Hit | None:
    """Someone called an animal or rubbish in another language ("Aabaha waa dameer", "ta pani to zwykła krowa").

    A noun in Latin letters written with a capital is a name or a place ("thanks to Baran", "Tell Bandar"), and a
    noun with the Arabic article after a demonstrative is the animal itself, so neither is read here.
    """
    table = _called()
    nouns = table.get("noun", {})
    found = t.key_words
    tokens = [w for w, _, _ in found]
    bare = [without_clitic(w) for w in tokens]
    if nouns.keys().isdisjoint((w,) for w in tokens) and nouns.keys().isdisjoint((w,) for w in bare):
        return None
    if not table.get("unless", {}).keys().isdisjoint((w,) for w in tokens):
        return None  # the farm's donkeys, the nativity's ox, the Eid goat
    like = table.get("like", {})
    for i, (word, start, end) in enumerate(found):
        noun = nouns.get((word,)) or nouns.get((bare[i],))
        if noun is None and i + 1 < len(found) and (tokens[i + 1],) in like and word.endswith(_BENGALI_GENITIVES):
            noun = next((nouns[(word[:-len(e)],)] for e in _BENGALI_GENITIVES if word.endswith(e) and (word[:-len(e)],) in nouns), None)
        if noun is None or (word.isascii() and t.raw[start:start + 1].isupper() and not starts_sentence(t.raw, start)):
            continue
        gloss, languages = noun
        if _said_of_someone(t, tokens, i, languages, word != bare[i] and word.startswith(_VOCATIVE)):
            language = _NAMES.get(min(languages), min(languages)) if len(languages) == 1 else " or ".join(
                sorted(_NAMES.get(x, x) for x in languages))
            return Hit(f"Calls someone {'an' if gloss[:1] in 'aeiou' else 'a'} '{gloss}' in {language} ('{t.raw[start:end]}')",
                       ((start, end),))
    return None


@functools.lru_cache(maxsize=1)  # the two rules below ask it of the same text one after the other
def _disclosures_in(t: Text) -> tuple[tuple[tuple[int, int], str, str], ...]:
    """Each disclosure of someone else's child's health, needs, exclusion or behaviour, in order: (span, topic, language)."""
    found = t.key_words
    firsts, stems = _by_first_word()
    # An Arabic word may carry the article or a particle on its front ("السكري"), and a word in Latin letters a quote
    # mark ("'on report'"): read it bare too.
    bare = [without_clitic(w).strip("'") or w for w, _, _ in found]
    tokens = [w for w, _, _ in found]
    rooted = _arabizi_roots(t.raw, tokens)
    if (not rooted and firsts.keys().isdisjoint(w for w, _, _ in found) and firsts.keys().isdisjoint(bare)
            and stems.keys().isdisjoint(w[:STEM_KEY] for w in bare) and stems.keys().isdisjoint(w[:STEM_KEY] for w, _, _ in found)):
        return ()
    if _says_unless(tokens):
        return ()  # an awareness week
    own = own_child_mentions(tokens)
    only_own_named = not own and _only_own_child_named(t.raw)  # "Nasza Hania ma ADHD": the writer's own child, by name
    out: list[tuple[tuple[int, int], str, str]] = []
    mixed: str | None = None
    names: tuple[int, ...] | None = None
    scripted: bool | None = None
    for i, topic, language in rooted:
        out.append(((found[i][1], found[i][2]), topic, language))
    for i, (word, start, _) in enumerate(found):
        for first in dict.fromkeys((word, bare[i])):
            for key, topic, language in _phrases_at(first, firsts, stems):
                last = _phrase_end(key, tokens, bare, i)
                if last is not None:
                    if language == "en":
                        # An English word for a condition ("ADHD", "diagnosis") counts here only inside a message written
                        # in another language: the English rules, which read English grammar, judge English messages.
                        mixed = mixed if mixed is not None else _script_language(t.raw, tokens)
                        if not mixed:
                            continue
                        # Each found once a message: a long one may have a word for a condition in every line.
                        scripted = scripted if scripted is not None else bool(_BENGALI.search(t.raw) or _ARABIC.search(t.raw))
                        if not scripted:
                            names = names if names is not None else _first_names(t.raw)
                            if not _names_someone(names, start):
                                continue  # in Latin letters, a child named ("Rafi r ADHD…"), not "Nits er jonno sobai…"
                        language = mixed
                    elif word.isascii() and _capitalised_inside(t.raw, start):
                        continue  # a name or a place in Latin letters ("Mrs Sokkari", "vote for Maara", "Nagano")
                    if topic == _HURT and (tokens[last + 1:last + 2] == [_REFLEXIVE] or (
                            i > 0 and tokens[i - 1] == _REFLEXIVE and not _CLAUSE_BREAK.search(t.raw, found[i - 1][2], start))):
                        continue  # Polish "przewrócił się", "uderzył się": done to oneself
                    out.append(((start, found[last][2]), topic, language))
    if only_own_named:
        # Only conduct whose sentence opens with another child's name is told ("Wiktor pluje na dzieci…, moja Lena
        # płakała"); where the writer's child is a word of the lists (own), the reading below decides.
        conduct = [d[0] for d in out if d[1] == "behaviour"]
        if not _APOLOGY.isdisjoint(tokens) or not _name_opens_conduct(t.raw, conduct, own_child_spans(t.raw)):
            return ()
        out = [d for d in out if d[1] == "behaviour"]
    starts = [start for _, start, _ in found]
    if out and not _GROWN_UPS.isdisjoint(tokens):
        out = [d for d in out if not _of_a_grown_up(t.raw, found, starts, d[0], _DOER_REACH if d[1] in _CONDUCT else _SUBJECT_REACH)]
    if out and (requests := _asks(t.raw, tokens)) and (asked := _unless_at(tokens, _UNLESS_ASKED)):
        out = [d for d in out if not _unmade_in_clause(t.raw, found, starts, asked, d[0], asked=True, requests=requests)]
    if any(d[1] in _CONDUCT for d in out):
        # A ball or a game in the clause ("ball ko laat maari", "super zabawa") makes no conduct; a dog bit, a cat stole
        # ("Bilal ke kutte ne kaata", "Hamari billi khana chura leti hai") makes no child's
        play = _unless_at(tokens, _UNLESS_CONDUCT)
        out = [d for d in out if d[1] not in _CONDUCT
               or not ((play and _unmade_in_clause(t.raw, found, starts, play, d[0], asked=False)) or _animal_did(t.raw, found, starts, d[0]))]
    if not own:
        # A verb that is conduct only when done to someone ("hurt": "kopnął", "garaacay", "مارا") tells of nothing here
        # (a wasp stings, a baby kicks, a cake is cut), unless one named child did it to another, each marked so. A
        # theft ("chura liya", "wedi dwyn") tells of a child only where one is named.
        out = [(span, "behaviour", language) if topic in _TOLD_WITH_A_NAME else (span, topic, language)
               for span, topic, language in out
               if (topic != _HURT or (_APOLOGY.isdisjoint(tokens) and (_one_child_hurts_another(t.raw, found, starts, span)
                                                                        or _identified_otherwise(t.raw, found, [span], []))))
               and (topic != _HEALTH_NAMED or not _unless_in_clause(t.raw, found, starts, span, _UNLESS_PATIENT))
               and (topic not in _NAMED_ONLY or _names_the_child(t.raw, found, starts, span)
                    or (topic in _NAMED_BEFORE and (_name_opens_conduct(t.raw, [span], []) or _named_just_before(t.raw, found, starts, span)))
                    or _identified_otherwise(t.raw, found, [span], []))]
    else:
        out = [(span, "behaviour", language) if topic == _IF_NAMED else (span, topic, language) for span, topic, language in out]
    if own:
        # The writer's own child: their news is their own to tell, unless the child is the one another child, named,
        # did something to ("Aaj Zayan ne mere bete ko maara", "Wczoraj Szymon dokuczał mojej córce"): that conduct is
        # still told. Without a name it may be the writer's apology for their own child ("Przepraszam za mojego syna").
        # A child is acted on when their language marks them so, or when they come straight after the conduct, as its
        # object ("Cai Roberts wedi brathu fy merch", "pobił mojego syna").
        # Where no word marks the roles (Somali and Welsh word order, a victim told first: "Mere bete ko Rayyan ne…",
        # "wiilkayga garaacay"), another child named beside the conduct is the one told of, unless the writer
        # apologises (their own child did it) or marks their child as the doer ("mere bete ne").
        # A verb of the "hurt" topic counts as conduct only where the writer's child is marked as the one hurt
        # (``acted_on``): "kaata", "kopnął" and "ضرب" are also a cake cut, a ball kicked, the times table.
        ends = {d[0][1] for d in out if d[1] in _CONDUCT}
        conduct = [d[0] for d in out if d[1] in _CONDUCT]
        behaviour = [d[0] for d in out if d[1] == "behaviour"]
        acted_on = any(_acted_on(tokens, span) or (span[0] > 0 and found[span[0] - 1][2] in ends) for span in own) \
            and not any(_doer(tokens, span) for span in own)
        unmarked = bool(behaviour) and _APOLOGY.isdisjoint(tokens) and not any(
            _doer(tokens, span, by_case=_subject_case(tokens, span) and any(_same_clause(t.raw, found[span[0]][1], c) for c, _ in behaviour))
            for span in own)
        mine = [(found[i][1], found[j - 1][2]) for i, j in own] + own_child_spans(t.raw)
        identified = (_APOLOGY.isdisjoint(tokens) and not any(_doer(tokens, span) and not _teller(tokens, span) for span in own)
                      and _identified_otherwise(t.raw, found, conduct, mine))
        if (acted_on and _names_another(t.raw, found, own, conduct)) or identified or _reported_conduct(t.raw, found, own, conduct):
            out = [(span, "behaviour", language) for span, topic, language in out if topic in _CONDUCT]
        elif unmarked and _names_another(t.raw, found, own, behaviour):
            out = [d for d in out if d[1] == "behaviour"]
        else:
            first = min(found[i][1] for i, _ in own)
            out = [d for d in out if d[1] == "behaviour" and _told_before(t.raw, d[0], first)]
        if not out:
            return ()
    return tuple(out)


def _arabizi_roots(raw: str, tokens: list[str]) -> list[tuple[int, str, str]]:
    """In a message of Arabizi (``_script_language``), each word that is a form of one of ``_disclosures``' roots: (word index,
    topic, language), in order. Only a message with a digit or one of Arabizi's own words is looked at."""
    if not (any(c.isdigit() for c in raw) or not _LATIN_MARKERS["ar"].isdisjoint(tokens)) or _script_language(raw, tokens) != "ar":
        return []
    out = []
    for i, word in enumerate(tokens):
        if word.isascii() and len(word) >= 3 and (told := _root_at(word)) is not None:
            out.append((i, *told))
    return out


#: Grown-ups of the writer's family and life, whose illness or conduct is no child's: mother-in-law, mum, husband, wife,
#: grandparents, aunts and uncles, a neighbour, a boss ("Meri saas ko diabetes hai", "Moja teściowa ma cukrzycę",
#: "امي عندها سكري", "আমার মায়ের ডায়াবেটিস", "Hooyaday waxay qabtaa sonkorow").
_GROWN_UPS = frozenset(lexicon_key(w) for w in (
    "saas", "sasur", "ammi", "ammu", "amma", "abbu", "abba", "abbo", "walida", "walid", "shohar", "shauhar", "husband", "biwi", "wife",
    "nani", "nana", "dadi", "dada", "khala", "khalu", "phuppo", "phupho", "chacha", "chachi", "mamu", "mami", "taya", "tayi",
    "bhabhi", "behnoi", "nanad", "devar", "mummy", "papa", "mum", "mom", "dad", "grandma", "grandad", "nan", "biji",
    "papaji", "mataji", "pitaji", "abbaji", "ammiji", "boss", "neighbour", "پڑوسی", "ساس", "سسر", "امی", "شوہر", "بیوی", "نانی", "دادی", "نانا", "دادا", "خالہ",
    "پھپھو", "چچا", "ماموں", "بھابھی",
    "mama", "mamie", "mamy", "mamą", "tata", "taty", "tacie", "tatą", "mąż", "męża", "mężem", "żona", "żony", "teściowa", "teściowej",
    "teść", "teścia", "babcia", "babci", "dziadek", "dziadka", "ciocia", "cioci", "wujek", "wujka", "sąsiad", "sąsiadka", "szef",
    "szefowa",
    "bou", "shami", "shashuri", "shoshur", "fupu", "মা", "মায়ের", "মার", "বাবা", "বাবার", "আম্মা", "আব্বা", "আম্মু", "আব্বু", "বউ",
    "স্বামী", "স্বামীর", "শাশুড়ি", "শাশুড়ির", "শ্বশুর", "শ্বশুরের", "নানী", "দাদী", "খালা", "ফুপু", "চাচা",
    "ام", "أم", "ابو", "أبو", "امي", "أمي", "ماما", "ابوي", "عمو", "خالو",
    "والد", "والدہ", "چاچو", "پھوپھی", "hubby", "anti", "teściu", "babcię", "dziadkiem", "khalto", "5alto", "walid", "mamu",
    "chachu", "أبوي", "بابا", "زوجي", "جوزي", "زوجتي", "مرتي", "حماتي", "حمايا", "جدتي", "ستي", "تيتا", "جدي",
    "خالتي", "عمتي", "خالي", "عمي", "جارتي", "جاري", "jozi", "zawji", "marti", "7amati", "teta", "sitti", "jiddo", "khalti", "3amti",
    "hooyaday", "hooyadey", "aabahay", "aabbahay", "ninkayga", "naagtayda", "xaaskayga", "ayeeyaday", "ayeeyo", "awoowe", "eeddo",
    "habaryar", "abti", "deriskayga",
    "nhad", "tad", "ngŵr", "ngwr", "gŵr", "gwr", "ngwraig", "gwraig", "wraig", "nain", "taid", "mamgu", "tadcu", "modryb",
    "ewythr", "yncl",
    # the writer, and grown-ups by title or role: a teacher's illness is no child's
    "mujhe", "mujhko", "mainu", "انا", "أنا", "আমি", "aniga", "anigu", "aunty", "auntie", "uncle",
    "teacher", "ustani", "مس", "ٹیچر", "استاد", "استانی", "المعلمة", "المعلم", "الاستاذ", "الاستاذة", "المس", "টিচার", "ম্যাডাম",
    "স্যার", "nauczycielka", "nauczyciel", "athro", "athrawes")) | _TITLES


def _of_a_grown_up(raw: str, found: list[tuple[str, int, int]], starts: list[int], span: tuple[int, int], reach: int) -> bool:
    """Whether the disclosure at ``span`` is told of a grown-up: one of ``_GROWN_UPS`` as its subject, at most ``reach``
    words before it in its clause (``_SUBJECT_REACH`` for a condition: "Meri saas ko diabetes", "امي عندها سكري", "Moja
    teściowa ma cukrzycę"; ``_DOER_REACH`` for conduct: "Woh aunty roz line mein dhakke deti hai"), with no word of
    telling near and no name between them ("Ammi ne bataya Zara ko asthma hai", "المعلمة قالت إن
    خالد عنده توحد": the grown-up tells of a child), and any name before it the grown-up's owner ("Ravneet ki ammi ko
    sugar hai": Ravneet's mum)."""
    _, told, lo, _ = _window(found, starts, span)
    start = _clause_start(raw, span[0], lo)
    last = next((k for k in range(told - 1, max(-1, told - 1 - reach), -1)
                 if found[k][1] >= start and found[k][0] in _GROWN_UPS and not _child_of(found, k)), None)
    if last is None or any(w in _TELLING for w, _, _ in found[max(0, last - _SUBJECT_REACH):told]):
        return False  # a word of telling after the grown-up or before it ("قالت المعلمة خالد عنده توحد")
    after = found[last][2]
    if found[last][0] in _TITLES:  # "Miss Sarah", "Pani Kowalska": the name after a title is the grown-up's
        named = _TITLED_NAME.match(raw, after)
        after = named.end() if named else after
    if _named_between(raw, after, span[0]):
        return False
    owner = found[last - 1][0] if last > 0 else ""
    return not _named_between(raw, start, found[last][1]) or owner in _GENITIVE or owner in ("er", "r") or owner.endswith("'s")


#: How many words before a condition its grown-up subject may come ("Hooyaday waxay qabtaa sonkorow").
_SUBJECT_REACH = 3
#: Words of telling: a grown-up before one tells of someone else ("ne bataya", "قالت", "বলল", "powiedziała").
_TELLING = frozenset(lexicon_key(w) for w in (
    "bataya", "batati", "batata", "batate", "kaha", "kehti", "kehta", "kehte", "bola", "boli", "bolti", "bolta", "bolte", "suna",
    "dasya", "dassya", "keha", "said", "says", "told", "heard", "قال", "قالت", "قالتلي", "قاللي", "تقول", "يقول", "بتقول", "بيقول",
    "بتحكي", "بيحكي", "حكت", "حكى", "سمعت", "বলল", "বললো", "বলছে", "বলেছে", "বলেছেন", "জানিয়েছে", "জানাল", "শুনেছি", "শুনলাম",
    "bollo", "bolse", "boleche", "shunlam", "powiedziała", "powiedział", "mówi", "mówiła", "mówił", "słyszałam", "słyszałem", "yiri",
    "tiri", "sheegtay", "sheegay", "dywedodd", "meddai", "بتایا", "بتاتی", "کہا", "کہتی", "کہتے", "سنا",
    # Sylheti, Punjabi, Gulf Arabic, North Welsh: "koilo", "aakhdi", "tgool", "ddeudodd"
    "koilo", "koise", "koiche", "aakhdi", "aakhda", "aakhna", "kehndi", "kehnda", "dasseya", "tgool", "tgoul", "ygool", "2alet",
    "2al", "qal", "qalat", "ddeudodd", "deudodd", "dasiya", "دسیا", "آکھدی", "کہہ"))
_TITLED_NAME = regex.compile(r"(?:\s+\p{Lu}\p{Ll}+){1,2}")


def _named_between(raw: str, start: int, end: int) -> bool:
    """Whether a capitalised word that may be a name, not a grown-up or "my", lies between ``start`` and ``end``."""
    return any(_person_word(m.group()) and lexicon_key(m.group().casefold()) not in _GROWN_UPS
               and lexicon_key(m.group().casefold()) not in _MY for m in _CAPITALISED_WORD.finditer(raw, start, end))


#: The topic of verbs that are a child's conduct only when done to the writer's child ("kopnął", "garaacay", "مارا":
#: also a baby's kick, a pressed button, a cut cake): told as behaviour, and only then.
_HURT = "hurt"
_REFLEXIVE = lexicon_key("się")
#: How many words before a verb its doer is looked for.
_DOER_REACH = 12


def _one_child_hurts_another(raw: str, found: list[tuple[str, int, int]], starts: list[int], span: tuple[int, int]) -> bool:
    """Whether, in the clause of the verb at ``span`` (at most ``_DOER_REACH`` words back), one named child is marked as
    the doer and another as the one hurt, in Latin letters: the doer by Urdu's "ne" after the name or by opening the
    clause, the other by "ko"/"nu" after the name, or by "ke"/"de" and a part of the body, with nothing but a part of
    the body or an adverb between them and the verb ("Arjun ne Manveer de mooh te thukkeya", "Inaya roz Eshal ke baal
    kheenchti hai"; not "Zara ne Aisha ko awaaz maari", called out to her). The one hurt may also be a child named by
    what they are, straight after the verb ("Kuba pobił chłopaka", ``_another_child_hurt``); the doer is still named.
    ``starts``: where each word starts."""
    first, verb, lo, _ = _window(found, starts, span)
    first = bisect.bisect_left(starts, _clause_start(raw, span[0], lo), first, verb)
    opening = first  # the clause's first word after a word that leads into a name: "Mae Dylan…", "Wczoraj Kuba…"
    while opening < verb and found[opening][0] in _LEAD_INS:
        opening += 1
    doer = hurt = None
    for k in range(first, verb):
        word, start, end = found[k]
        if not _capitalised_name(raw[start:end]) or (k > 0 and found[k - 1][0] in _TITLES):
            continue
        after = [w for w, _, _ in found[k + 1:k + 3]] + ["", ""]
        marked = 2 if after[0] in _TO_OWN else 3 if after[0] in _GENITIVE and after[1] in _BODY else 0
        if marked and all(w in _BODY or w in _FILLERS or w in _HURT_PLACES for w, _, _ in found[k + marked:verb]):
            hurt = hurt or word
        elif after[0] in _DOER_AFTER or k == opening:  # "Arjun ne…", or a name opening the clause ("Inaya roz…")
            doer = doer or word
    if doer is not None and hurt is None:
        hurt = _another_child_hurt(raw, found, bisect.bisect_left(starts, span[1]) - 1)
    return doer is not None and hurt is not None and doer != hurt


#: A child named by what they are, not by name, as the one hurt, straight after the verb in the languages that put the
#: one acted on there: Polish "pobił chłopaka", Welsh "taro bachgen arall", Arabizi "dreb walad" ("wa7ed" is also "one":
#: "darab wa7ed shawerma", ate one). Urdu's and Punjabi's "larke ko maara" are rows of their own.
_CHILD_AFTER = frozenset(lexicon_key(w) for w in (
    "chłopaka", "chłopca", "chłopców", "dziewczynkę", "dziewczynki", "kolegę", "kolegów", "koleżankę", "koleżanki", "dziecko",
    "dzieci", "dziewczynę", "ucznia", "uczennicę", "bachgen", "bechgyn", "plentyn", "plant", "merch", "ferch", "hogyn", "hogan",
    "walad", "wlad", "bent", "tfl", "6efl"))
#: "Another", "some", "younger" between the verb and such a child: Polish "pobił innego chłopaka" (Welsh's "arall" comes
#: after the noun).
_ANOTHER = frozenset(lexicon_key(w) for w in ("innego", "inną", "inne", "innych", "jakiegoś", "jakąś", "młodszego", "starszego"))


def _another_child_hurt(raw: str, found: list[tuple[str, int, int]], last: int) -> str | None:
    """The one the verb ending at word ``last`` hurt, straight after it in its clause ("Oliwer uderzył, dzieci zaczęły
    krzyczeć" hurt nobody named): a word of ``_CHILD_AFTER`` (perhaps after ``_ANOTHER``), or a name, perhaps after the
    part of them hurt, in the languages that put the one acted on after the verb ("brathu Elin", "pobił Kubę",
    "cnoi braich Elin": Elin's arm)."""
    for k in range(last + 1, min(len(found), last + 3)):
        if _CLAUSE_BREAK.search(raw, found[k - 1][2], found[k][1]):
            break
        word, start, end = found[k]
        if word in _CHILD_AFTER:
            return word
        if _capitalised_name(raw[start:end]) and found[k - 1][0] not in _TITLES:
            return word
        if word not in _ANOTHER and word not in _BODY:
            break
    return None


def _capitalised_name(written: str) -> bool:
    """Whether a word as written in Latin letters may be a name: capitalised, the rest lower case, a ``_person_word``."""
    return written[:1].isupper() and written[1:].islower() and _person_word(written)


#: Between the one hurt and the verb, where on them: Punjabi "te" (on), Urdu "par"/"pe" (on).
_HURT_PLACES = frozenset({"te", "par", "pe", "per", "nu", "ko"})


def _clause_start(raw: str, at: int, lo: int = 0) -> int:
    """Where the clause holding character ``at`` starts: just after the last clause break before it (looked for
    backwards, so a long message costs no more than the clause does), or at ``lo``, where the caller stops looking."""
    return max(lo, max(raw.rfind(c, lo, at) for c in _CLAUSE_CHARS) + 1)


def _clause_end(raw: str, at: int, hi: int | None = None) -> int:
    """Where the clause holding character ``at`` ends: at the next clause break after it, or at ``hi`` (the text's end)."""
    hi = len(raw) if hi is None else hi
    ends = [k for k in (raw.find(c, at, hi) for c in _CLAUSE_CHARS) if k >= 0]
    return min(ends) if ends else hi


def _window(found: list[tuple[str, int, int]], starts: list[int], span: tuple[int, int]) -> tuple[int, int, int, int]:
    """The words around the one at ``span``, at most ``_DOER_REACH`` each way: (first word, word at span, their
    characters' start and end), so a look at the clause costs the same in a message of any length."""
    k = bisect.bisect_left(starts, span[0])
    first, last = max(0, k - _DOER_REACH), min(len(found), k + _DOER_REACH)
    return first, k, found[first][1] if found else 0, found[last - 1][2] if last > k else span[1]


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies in one of the sorted, non-overlapping ``spans``."""
    k = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _animal_did(raw: str, found: list[tuple[str, int, int]], starts: list[int], span: tuple[int, int]) -> bool:
    """Whether an animal is named before the verb at ``span`` in its clause (at most ``_DOER_REACH`` words back), not as
    a likeness ("jak pies", "kutte ki tarah", "متل الكلب": like a dog). ``starts``: where each word of ``found`` starts."""
    first, verb, lo, _ = _window(found, starts, span)
    words = [w for w, _, _ in found[bisect.bisect_left(starts, _clause_start(raw, span[0], lo), first, verb):verb]]
    return any(w in _ANIMALS and not (k > 0 and words[k - 1] in _LIKENESS) and _LIKENESS_AFTER.isdisjoint(words[k + 1:k + 3])
               for k, w in enumerate(words))


#: Words of likeness after an animal: "kutte ki tarah", "kutte jaisa", "kutte wangu".
_LIKENESS_AFTER = frozenset({"tarah", "jaisa", "jaise", "jaisi", "wang", "wangu", "warga", "wargi"})
#: Animal words a sentence may open with ("Eey ayaa…", "Eeyga Cabdi…", "Pies Kuby…"): no name.
_ANIMAL_FRONTS = ("eey", "bisad", "kutt", "billi", "pies", "psa", "kot")
#: Words of likeness before an animal: "jak pies" (Polish), "jaise", "مثل", "متل", "sida" (Somali), "like".
_LIKENESS = frozenset(lexicon_key(w) for w in ("jak", "jako", "jaise", "jaisa", "jaisi", "like", "sida", "مثل", "متل", "زي", "جیسے", "মতো"))
#: Animals and insects, whose bites and scratches are no child's conduct.
_ANIMALS = frozenset(lexicon_key(w) for w in (
    "kutta", "kutte", "kuttay", "kutti", "billi", "billiyan", "machar", "makhi", "bhirr", "pies", "psa", "psem", "kot", "kota",
    "kotek", "komar", "osa", "pszczoła", "kleszcz", "ci", "cath", "gath", "gwenyn", "mosgito", "eey", "eeyga", "bisad", "bisadda",
    "kaneeco", "shinni", "kukur", "biral", "mosha", "moumachi", "কুকুর", "বিড়াল", "মশা", "كلب", "الكلب", "قطة", "القطة", "بعوض",
    "البعوض", "نحلة", "کتا", "کتے", "بلی", "مچھر", "مکھی", "dog", "cat", "puppy", "kitten", "hamster", "rabbit", "wasp", "bee",
    "mosquito", "horse", "pony", "goat", "parrot", "geese", "goose", "swan", "duck", "seagull", "seagulls", "gull", "gulls", "pigeon",
    "pigeons", "fox", "squirrel", "tota", "totay", "chuha", "chuhe", "bandar",
    "جرو", "نملة", "قط", "بسة", "بسه", "kot", "papuga", "mysz", "بلا", "بلے"))
#: The topic of conduct that tells of a child only where the clause names one (``_names_the_child``): a theft told in
#: the past ("chura liya", "wedi dwyn"), for anyone's phone or bike may be stolen. (A school's sanctions were tried
#: so and dropped: a name beside "punished" or "sent to the head" was as often a footballer, a politician in court, a
#: child sent to the head for a sticker, or the parent who punished.)
_IF_NAMED = "if-named"
#: Topics that tell of a child's behaviour only where the message says which child.
_TOLD_WITH_A_NAME = frozenset({_HURT, _IF_NAMED})
#: Told of a child only where the clause names one (``_names_the_child``): a theft, and a sanction, which may also come
#: straight after a name opening its sentence (``_name_opens_conduct``); not "Mr Khan ne poori class ko detention di" or
#: "Ali bhai ka kehna hai ke detention se…": a class and a grown-up are no child.
_SANCTION = "sanction"
#: A child's health told only where the clause names them: being in hospital, an operation ("Hamza hospital mein hai";
#: not "Meri saas hospital mein hai" nor "hospital ki parking"). Like a sanction, it may follow the name by a few words.
_HEALTH_NAMED = "health-if-named"
_NAMED_BEFORE = frozenset({_SANCTION, _HEALTH_NAMED})
_NAMED_ONLY = frozenset({_IF_NAMED}) | _NAMED_BEFORE
_CONDUCT = frozenset({"behaviour", _HURT, _IF_NAMED})

#: Words that may stand between a phrase's words and change nothing it tells: "ko zor se maara" (hit hard), "ko phir
#: maara" (hit again), "uderzył znowu", "darabo kaman". Only adverbs of force, time and repetition, never a noun or
#: a verb, so the phrase is still one clause.
_FILLERS = frozenset(lexicon_key(w) for w in (
    "zor", "se", "phir", "fir", "bhi", "aaj", "kal", "bohat", "bahut", "bht", "dobara", "wapis", "zoor", "زور", "سے", "پھر", "بھی",
    "آج", "znowu", "znów", "dziś", "dzisiaj", "wczoraj", "mocno", "ciągle", "też", "abar", "aj", "jore", "kalke", "আবার", "আজ",
    "জোরে", "kale", "roz", "rooz", "hamesha", "ciągle", "codziennie", "protidin", "roj", "daily", "always", "روز", "ہمیشہ", "প্রতিদিন",
    "دايما", "dayman", "maalin", "walba", "maanta", "shalay", "eto", "heddiw", "ddoe", "kaman", "lyom", "elyom", "mbare7", "كمان", "اليوم"))
#: At most this many of them inside one phrase.
_FILLERS_MOST = 2


def _phrase_end(key: tuple[str, ...], tokens: list[str], bare: list[str], i: int) -> int | None:
    """The index of the last word of phrase ``key`` read from word ``i`` (its first), or None: the phrase's words in a
    row, with at most ``_FILLERS_MOST`` of ``_FILLERS`` between them."""
    j, skipped = i, 0
    for k in key[1:]:
        j += 1
        while j < len(tokens) and not (_word_is(k, tokens[j]) or _word_is(k, bare[j])) and tokens[j] in _FILLERS \
                and skipped < _FILLERS_MOST:
            j, skipped = j + 1, skipped + 1
        if j >= len(tokens) or not (_word_is(k, tokens[j]) or _word_is(k, bare[j])):
            return None
    return j


#: Words of an apology, in each language: "Przepraszam, gryzie inne dzieci, mój syn…" is the writer's own child, the
#: subject left unsaid.
_APOLOGY = frozenset(lexicon_key(w) for w in (
    "sorry", "apologies", "przepraszam", "przepraszamy", "maaf", "maafi", "maazrat", "mazrat", "muafi", "sori",
    "معذرت", "معافی", "آسف", "آسفة", "اسف", "اسفة", "معذرة", "ymddiheuro", "ymddiheuriadau", "raali", "cafis", "দুঃখিত",
    "ddrwg", "xumahay", "asfe", "asef", "aasif", "asif", "dukkhito", "wstyd", "głupio", "sharminda", "sharmindah", "sharmanda",
    # by accident: no conduct to tell
    "przypadkiem", "przypadek", "niechcący", "ddamweiniol", "damwain"))


def _told_before(raw: str, span: tuple[int, int], first: int) -> bool:
    """Whether conduct at ``span`` is another child's, told in a clause of its own before the writer's child comes in
    at ``first``, its doer named there: "Maja gryzie inne dzieci, moja córka wróciła z siniakiem". Only in Latin
    letters (a name has a capital), and not in a sentence that apologises: languages that leave the subject unsaid tell
    the writer's own child's conduct so ("Przepraszam, gryzie inne dzieci, moja córka…")."""
    if span[1] > first or not _CLAUSE_BREAK.search(raw, span[1], first):
        return False
    sentence = max((m.end() for m in _SENTENCE_BREAK.finditer(raw, 0, span[0])), default=0)
    ends = _SENTENCE_BREAK.search(raw, first)
    if not _APOLOGY.isdisjoint(lexicon_key(w.casefold()) for w in _LETTERS.findall(raw, sentence, ends.start() if ends else len(raw))):
        return False
    opens = _clause_start(raw, span[0])
    return any(m.end() <= span[0] and _person_word(m.group()) for m in _CAPITALISED_WORD.finditer(raw, opens, span[0]))


_CAPITALISED_WORD = regex.compile(r"\b\p{Lu}\p{Ll}+")
_SENTENCE_BREAK = re.compile(r"[.!?\n؟۔]")
_LETTERS = regex.compile(r"[\p{L}\p{M}']+")
#: Words that open a sentence in the other languages and name nobody ("Kal school mein…", "Niestety gryzie…", "Salam…").
_OPENERS = frozenset(lexicon_key(w) for w in (
    "kal", "aaj", "ajj", "kisi", "koi", "sab", "sare", "phir", "fir", "abhi", "yaar", "acha", "bas", "niestety", "dzisiaj", "dziś",
    "wczoraj", "jutro", "ktoś", "znowu", "proszę", "oes", "heddiw", "ddoe", "yfory", "plis", "maanta", "shalay", "berri", "ajke",
    "kalke", "gotokal", "ekhon", "abar", "shunlam", "sobai", "please", "thanks",
    # greetings and blessings that open a message
    "salam", "salaam", "assalam", "assalamualaikum", "asalamualaikum", "aoa", "marhaba", "mar7aba", "shukran", "mashallah",
    "inshallah", "alhamdulillah", "jazakallah", "cześć", "hej", "helo", "shwmae", "bore", "haye", "hi", "hello", "hey",
    # someone, a child, a boy: no name ("Keu amar chele ke marlo", "Rhywun wedi…"); and words that open a question or a doubt
    "keu", "ekjon", "kono", "rhywun", "plentyn", "bachgen", "qof", "ardey", "wiil", "gabar", "walad", "wahad", "7ada", "ek",
    "shayad", "pata", "lagta", "kya", "jab", "yeh", "ye", "woh", "wo", "voh", "vo", "podobno", "chyba", "czy", "ostatnio", "rano",
    "neithiwr", "fi",
    # the writer, the one spoken to and "we" (a verb's person or a pronoun opening the sentence: "Jestem w szpitalu z synem",
    # "Dw i yn yr ysbyty", "Aap abhi bhi hospital mein ho?"), and a whole class or group ("Poori class ko saza mili", "Cała
    # klasa…", "Kol el saf…", "Dosbarth cyfan…"), and time words ("Subah…", "Od wczoraj…", "Nadal…")
    "jestem", "byłam", "byłem", "jesteśmy", "jesteś", "leżę", "siedzę", "mam", "mamy", "dw", "dwi", "rydw", "rwy", "rwyf", "wyt",
    "main", "mai", "hum", "ham", "aap", "tum", "tu", "ami", "amra", "tumi", "apni", "ana", "ihna", "e7na", "inta", "inti", "enta",
    "enti", "aniga", "anaga", "adiga", "waxaan", "poori", "puri", "saari", "sari", "saare", "sare", "pura", "poora", "cała", "cały",
    "całe", "wszyscy", "wszystkie", "kol", "kull", "dosbarth", "pawb", "sab", "shob", "subah", "od", "nadal", "wciąż",
    # the writer's own child by a word of kin, no possessive ("Beti hospital mein hai", "Młody dostał karę", "Mab yn yr ysbyty")
    "beti", "beta", "bacha", "bachi", "chota", "choti", "bara", "bari", "munda", "kudi", "młody", "młoda", "syn", "córka",
    "starszy", "starsza", "młodszy", "młodsza", "mab", "merch", "choto", "boro", "chele", "meye", "wiilka", "gabadha"))


def _person_word(word: str) -> bool:
    """Whether a capitalised word may be someone's name: not a word that names no child, opens a sentence in one of the
    languages, or is one of their own function words or English's (``COMMON_CAPS``)."""
    folded = lexicon_key(word.casefold())
    return (word.casefold() not in _NOT_A_CHILD and folded not in _OPENERS and folded not in COMMON_CAPS
            and not any(folded in markers for markers in _LATIN_MARKERS.values()))


def _names_someone(names: tuple[int, ...], at: int) -> bool:
    """Whether a message in Latin letters names someone: a capitalised word that may be a name (``names``, from
    ``_first_names``), not the one at ``at`` (an English word for a condition opening the message: "Nits…",
    "Diabetes…")."""
    return any(start != at for start in names)


def _first_names(raw: str) -> tuple[int, ...]:
    """Where the first two capitalised words that may be names start: enough to answer ``_names_someone`` for any word,
    found once for a message however many words for a condition it has."""
    return tuple(itertools.islice((m.start() for m in _CAPITALISED_WORD.finditer(raw) if _person_word(m.group())), 2))


#: After a mention of the writer's child, a word making the child the one acted on: Urdu "ko", Punjabi "nu".
_TO_OWN = frozenset(lexicon_key(w) for w in ("ko", "nu", "noo", "کو", "نوں"))
#: Before it, a preposition of the one acted on: Arabic "على" (on) and Levantine "la" (to: "darabo la ibni"), Polish "na"
#: (at), Welsh "ar" (on) and "wrth" (to).
_AT_OWN = frozenset(lexicon_key(w) for w in ("على", "عالى", "na", "ar", "wrth", "la"))
#: Polish possessives in the cases of an object ("bije mojego syna", "dokucza naszej córce"), not the subject's ...
_OBLIQUE = frozenset(lexicon_key(w) for w in ("mojego", "moją", "mojej", "mojemu", "moim", "naszego", "naszą", "naszej", "naszemu", "naszym"))
#: ... unless a preposition governs the case ("przepraszam za mojego syna": sorry for my son; "u mojej córki").
_NOT_OBJECT = frozenset(lexicon_key(w) for w in ("za", "u", "dla", "od", "z", "o", "do", "bez", "przez", "przy"))
#: Bengali's object ending on the child's word ("আমার ছেলেকে", "amar meyeke"), after a Bengali possessive only
#: (Urdu "mere ladke" ends so too).
_OBJECT_ENDINGS = ("কে", "ke")
_BENGALI_MY = frozenset(lexicon_key(w) for w in ("amar", "amader", "আমার", "আমাদের"))
#: The same ending typed as a word of its own ("amar chele ke"), and Sylheti's "re" ("amar fua re").
_OBJECT_WORDS = frozenset(lexicon_key(w) for w in ("ke", "re", "কে", "রে"))
_OBJECT_MARKS = _TO_OWN | _OBJECT_WORDS


#: After the writer's child, a word marking them as the doer: Urdu's "ne" ("mere bete ne"). (Somali's focus words and
#: Polish or Urdu possessives in a subject's case also come with the child as the one hurt: "gabadhayda ayuu garaacay"
#: (my daughter, he hit her), "moja córka została pobita" (was beaten).)
_DOER_AFTER = frozenset(lexicon_key(w) for w in ("ne", "نے"))
#: After a name opening the sentence, Somali's words of the subject in focus ("Cabdi ayaa…", "Xamza wuxuu…").
_SOMALI_SUBJECT_AFTER = frozenset({"ayaa", "baa", "ayuu", "ayay", "wuxuu", "waxay"})
#: Somali's "my" in the subject's case ends the word ("wiilkaygu", "gabadhaydu": my son, my daughter, as the doer).
_SOMALI_MY_SUBJECT = ("aygu", "eygu", "aydu", "eydu")


#: Possessives in a subject's case: Polish "mój syn", "moja córka"; Urdu "mera beta"; Welsh "fy" opening the clause.
_SUBJECT_POSSESSIVE = frozenset(lexicon_key(w) for w in ("mój", "moja", "nasz", "nasza", "mera", "hamara", "میرا", "ہمارا"))


def _child_of(found: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the grown-up at word ``k`` is named as a child's parent or kin ("بنت أبو خالد", "ammi ke bete", "mab fy
    modryb"): the child is then who is told of."""
    before = found[k - 1][0] if k > 0 else ""
    after = [w for w, _, _ in found[k + 1:k + 3]]
    return before in _CHILD_OF or (len(after) == 2 and after[0] in _GENITIVE and after[1] in _CHILD_OF)


def _subject_case(tokens: list[str], span: tuple[int, int]) -> bool:
    """Whether the writer's child at word ``span`` opens with a possessive that may be a subject's (``_doer``'s by_case)."""
    return tokens[span[0]] in _SUBJECT_POSSESSIVE or tokens[span[0]] == "fy"


def _same_clause(raw: str, a: int, b: int) -> bool:
    """Whether characters ``a`` and ``b`` are in one clause ("moja Lena płakała" after a comma is another clause)."""
    return _CLAUSE_BREAK.search(raw, min(a, b), max(a, b)) is None


def _doer(tokens: list[str], span: tuple[int, int], by_case: bool = False) -> bool:
    """Whether the writer's child at word ``span`` is marked as the doer: by a word after it or after their name
    (``_DOER_AFTER``: "meri beti Inaya ne…"), by Somali's subject case (``_SOMALI_MY_SUBJECT``), or, with ``by_case``
    (where nothing else marks the roles), by a possessive in a subject's case (``_SUBJECT_POSSESSIVE``; a passive, "moja
    córka została pobita", is then missed: the cheaper error)."""
    if not _DOER_AFTER.isdisjoint(tokens[span[1]:span[1] + 2]) or tokens[span[1] - 1].endswith(_SOMALI_MY_SUBJECT):
        return True
    i = span[0]
    return by_case and (tokens[i] in _SUBJECT_POSSESSIVE or (tokens[i] == "fy" and (i == 0 or tokens[i - 1] in ("mae", "roedd"))))


def _teller(tokens: list[str], span: tuple[int, int]) -> bool:
    """Whether the writer's child at word ``span``, marked as a doer, did the telling ("mere bete ne bataya ke…", "میرے
    بیٹے نے بتایا کہ…"): a word of telling within two words after the mark."""
    return not _TELLING.isdisjoint(tokens[span[1]:span[1] + 3])


def _acted_on(tokens: list[str], span: tuple[int, int]) -> bool:
    """Whether the writer's child named at word ``span`` is marked as the one acted on: Urdu "ko", Punjabi "nu" after it,
    a Polish possessive in an object's case, Bengali's "-ke" on it, a preposition of the one acted on before it, or, in
    Somali, after the subject's focus word and not in the subject's case ("Cabdi ayaa wiilkayga riixay")."""
    i, j = span
    return ((j < len(tokens) and tokens[j] in _TO_OWN)
            or (tokens[i] in _BENGALI_MY and (tokens[j - 1].endswith(_OBJECT_ENDINGS) or (j < len(tokens) and tokens[j] in _OBJECT_WORDS)))
            or (tokens[i] in _OBLIQUE and not (i > 0 and tokens[i - 1] in _NOT_OBJECT)) or (i > 0 and tokens[i - 1] in _AT_OWN)
            or (i > 0 and tokens[i - 1] in _SOMALI_SUBJECT_AFTER and not tokens[j - 1].endswith(_SOMALI_MY_SUBJECT)))


def _names_another(raw: str, found: list[tuple[str, int, int]], own: list[tuple[int, int]], conduct: list[tuple[int, int]]) -> bool:
    """Whether a capitalised name inside a sentence, not the writer's child's, is in the message, or a name opens the
    sentence that tells the ``conduct`` (``_SENTENCE_OPENING``). Scripts without capitals: a word before Urdu's "نے"
    (``_urdu_doer``), or a word opening the sentence with only the writer's child between it and the conduct
    (``_script_doer``)."""
    mine = [(found[i][1], found[j - 1][2]) for i, j in own] + own_child_spans(raw)  # "Mój syn Kuba", "Amar chele Rafi"
    if _name_opens_conduct(raw, conduct, mine):
        return True
    if _ARABIC.search(raw) and any(_urdu_doer(raw, found, k, mine, conduct) for k, (word, _, _) in enumerate(found) if word == _DOER_NE):
        return True
    if (_ARABIC.search(raw) or _BENGALI.search(raw)) and _script_doer(raw, found, conduct, mine):
        return True
    if (_ARABIC.search(raw) or _BENGALI.search(raw)) and _listed_name_before(raw, found, conduct, mine):
        return True
    return any(not any(s <= m.start() < e for s, e in mine) and _person_word(m.group())
               and not _AFTER_A_NAME.search(raw, 0, m.start()) and _led_in(raw, m.start()) for m in _NAME_INSIDE.finditer(raw))


#: Words after which a clause reports what someone did: telling ("bataya", "mówi", "قال") and "that", "because", "when"
#: ("ke", "że", "bo", "إن", "لأن", "কারণ", "achos", "in").
_REPORTING = _TELLING | frozenset(lexicon_key(w) for w in (
    "ke", "keh", "kay", "ki", "kyunke", "kyunki", "kiunke", "kyonki", "jab", "کہ", "کیونکہ", "جب", "że", "ze", "bo", "ponieważ",
    "kiedy", "gdy", "bod", "achos", "oherwydd", "pan", "in", "sababtoo", "markii", "je", "karon", "karone", "jokhon", "যে", "কারণ",
    "কেননা", "যখন", "إن", "ان", "إنو", "انو", "لأن", "لان", "لانو", "لأنو", "عشان", "علشان", "لما", "enno", "inno", "la2an",
    "la2anno", "3ashan", "lamma"))
#: How many words may stand between the doer named after such a word and their conduct: the one hurt as a pronoun,
#: an adverb ("Hamza usko roz maarta hai", "Kuba go bije", "রাফি ওকে প্রতিদিন মারে").
_REPORTED_REACH = 3


def _reported_conduct(raw: str, found: list[tuple[str, int, int]], own: list[tuple[int, int]], conduct: list[tuple[int, int]]) -> bool:
    """Whether the writer's child, told of first, reports or suffers another child's conduct: after the child, a word of
    telling or "that"/"because" opens a clause whose first word is a name, the doer, and the ``conduct`` follows within
    ``_REPORTED_REACH`` words ("Mere bete ne bataya ke Hamza usko roz maarta hai", "Mój syn mówi, że Kuba go bije", "ابني قال
    إن يوسف ضربه", "Amar chele bollo Rafi oke mare"). The doer is a capitalised name in Latin letters, no grown-up or title,
    or in the other scripts a word that may be a name."""
    starts = [start for _, start, _ in found]
    first_own = min(i for i, _ in own)
    for c, _ in conduct:
        k = bisect.bisect_left(starts, c)
        for j in range(k - 2, first_own, -1):
            if _SENTENCE_BREAK.search(raw, found[j][2], found[j + 1][1]):
                break
            if found[j][0] not in _REPORTING:
                continue
            doer = j + 1
            while doer < k and (found[doer][0] in _FILLERS or found[doer][0] in _SCRIPT_LEAD_INS):  # today, again: not "he"
                doer += 1
            word, start, end = found[doer]
            if doer >= k or k - doer - 1 > _REPORTED_REACH or any(_inside_own(own, found, m) for m in range(doer, k)):
                break
            if word.isascii():
                named = (_capitalised_name(raw[start:end]) and word not in _NO_CHILD_BESIDE and word not in _MY
                         and found[doer - 1][0] not in _TITLES and not any(_capitalised_name(raw[s_:e]) for _, s_, e in found[doer + 1:k]))
            else:
                named = _may_be_a_name_in_script(word) and not any(found[m][0] in _TELLING for m in range(doer + 1, k))
            return named
    return False


def _inside_own(own: list[tuple[int, int]], found: list[tuple[str, int, int]], m: int) -> bool:
    """Whether word ``m`` is one of the writer's child's words."""
    return any(i <= m < j for i, j in own)


def _listed_name_before(raw: str, found: list[tuple[str, int, int]], conduct: list[tuple[int, int]], mine: list[tuple[int, int]]) -> bool:
    """Whether a child's given name of the list (``_child_named_in_script``: no parent named by their child, no
    honorific) stands before the ``conduct`` in its sentence, outside the writer's child's words and with no word of
    telling between: in scripts without capitals a listed name is the only sign of a child, and where it stands in the
    sentence varies ("يوسف كل يوم بالاستراحة بيتنمر على ابني")."""
    for k in range(len(found)):
        at = found[k][1]
        if any(s <= at < e for s, e in mine) or not _child_named_in_script(found, k):
            continue
        for c, _ in conduct:
            if (at < c and not _SENTENCE_BREAK.search(raw, at, c) and _TELLING.isdisjoint(w for w, s_, _ in found[k + 1:] if s_ < c)
                    and not any(at < s < c and _subject_between(raw, found, e, c) for s, e in mine)):
                return True
    return False


def _subject_between(raw: str, found: list[tuple[str, int, int]], end: int, conduct: int) -> bool:
    """Whether the writer's child, their words ending at ``end`` before the conduct, is its doer: marked so ("میرے بیٹے
    نے"), or told straight before the deed and not marked as the one acted on ("کو" after, "কে" on the word itself): "عيد ميلاد يوسف
    بكرة وابني بيعض اظافره" is the writer's child biting their nails."""
    k = next((k for k, (_, s, e) in enumerate(found) if s < end <= e), None)  # the child's last word, perhaps with its ending
    if k is None or found[k][2] > conduct:
        return False
    after = found[k + 1][0] if k + 1 < len(found) else ""
    if after in _DOER_AFTER:
        return True  # "میرے بیٹے نے"
    between = [w for w, s, _ in found[k + 1:] if s < conduct]
    return (after not in _OBJECT_MARKS and not found[k][0].endswith(_OBJECT_ENDINGS)
            and all(w in _FILLERS for w in between))  # the child, then the deed


#: "Who?" asked of the group, then answered with the child's name: "کون؟ ہماری کلاس کی ایشال", "pwy? Tomos", "شكون؟ أنيس".
_WHO = frozenset(lexicon_key(w) for w in (
    "who", "kaun", "kon", "kaon", "کون", "kihde", "ke", "কে", "keda", "min", "meen", "مين", "منو", "شكون", "chkoun",
    "shkoun", "škoun", "pwy", "kto", "kogo", "yaa", "yuu"))
_QUESTION = re.compile(r"\s*[?؟]")
_KE = "ke"
#: After a capitalised word, what makes it a place's or a shop's people, or its owner's: "Asda wale", "Evri ka driver".
_OF_A_PLACE = frozenset({"wale", "wala", "wali", "walay", "waale", "waali", "ka", "ki", "ke", "da", "di", "de", "er"})


def _revealed(raw: str, found: list[tuple[str, int, int]], mine: list[tuple[int, int]]) -> bool:
    """Whether the message asks "who?" (perhaps "who did it?") and answers with a name within the next few words: a
    capitalised name in Latin letters (no title, not a shop's people or someone's: "Asda wale", "Evri ka driver", not the
    writer's child), or in another script a listed given name — the child the message tells of, wherever its conduct
    stands; not in a message about a game."""
    if _unless_at([w for w, _, _ in found], _UNLESS_CONDUCT, first_only=True):
        return False  # "Match kaun jeeta? Kaun? Manchester City": a game's
    for k, (word, _, _) in enumerate(found):
        if word not in _WHO:
            continue
        # the question mark after "who" or a verb or two ("کون؟", "কে জানেন?"); romanised Bengali's "ke" is also Urdu's "of",
        # so it asks only straight before the mark or a Bengali verb ("ke?", "ke korse?")
        reach = k + 3 if word != _KE else k + 1 + (k + 1 < len(found) and found[k + 1][0] in _LATIN_MARKERS["bn"])
        asked = next((m for m in range(k, min(len(found), reach)) if _QUESTION.match(raw, found[m][2])), None)
        if asked is None:
            continue
        for m in range(asked + 1, min(len(found), asked + 5)):
            w, s_, e = found[m]
            if any(a <= s_ < b for a, b in mine):
                break
            after = found[m + 1][0] if m + 1 < len(found) else ""
            if (w.isascii() and _capitalised_name(raw[s_:e]) and found[m - 1][0] not in _TITLES and w not in _NO_CHILD_BESIDE
                    and after not in _OF_A_PLACE) or (not w.isascii() and _child_named_in_script(found, m)):
                return True
    return False


def _identified_otherwise(raw: str, found: list[tuple[str, int, int]], conduct: list[tuple[int, int]], mine: list[tuple[int, int]]) -> bool:
    """Whether the message says which child did the ``conduct`` without a name beside it: a child described in its
    sentence (``_described_child``), or named in answer to "who?" (``_revealed``)."""
    return _described_child(raw, found, conduct, mine) or _revealed(raw, found, mine)


#: Before a child described, a word that makes them any child: every, any, each.
_ANY = frozenset(lexicon_key(w) for w in ("każdy", "każda", "każde", "har", "koi", "kisi", "kono", "كل", "أي", "اي", "ay", "pob",
                                           "unrhyw", "kasta", "every", "any"))


def _described_child(raw: str, found: list[tuple[str, int, int]], conduct: list[tuple[int, int]], mine: list[tuple[int, int]]) -> bool:
    """Whether a child told of by what they are (``another-child``: "a boy of his class", "one of the girls") stands in
    the sentence of the ``conduct``, not inside the writer's own child's words."""
    tokens = [w for w, _, _ in found]
    for k in _unless_at(tokens, _ANOTHER_CHILD):
        at = found[k][1]
        if any(s <= at < e for s, e in mine) or (k > 0 and tokens[k - 1] in _ANY) or tokens[k + 1:k + 4].count("bhi"):
            continue  # "każdy chłopiec który…", "jo larka bhi…": whichever child, a rule, not a child
        if any(not _SENTENCE_BREAK.search(raw, min(at, c), max(at, c)) for c, _ in conduct):
            return True
    return False


_DOER_NE = lexicon_key("نے")
#: Words before Urdu's "نے" that name no child: pronouns, "someone", "a child", a teacher.
_NOT_A_DOER = frozenset(lexicon_key(w) for w in (
    "اس", "اُس", "انہوں", "انھوں", "ان", "جس", "جن", "کس", "کسی", "کوئی", "میں", "ہم", "تم", "آپ", "اسی", "انہی", "بچے", "بچی", "بچہ",
    "لڑکے", "لڑکی", "لڑکا", "ٹیچر", "استاد", "استانی", "مس", "میڈم", "سر", "ہیڈ", "بیٹے", "بیٹی", "بیٹا", "اسکول", "سکول",
    "امی", "ابو", "نانی", "دادی", "نانا", "دادا", "بھائی", "باجی", "بہن", "خالہ", "ماموں", "چچا", "پھپھو", "میم", "مچھر", "کتے", "کتا",
    "بلی", "شہد", "مکھی"))


def _name_opens_conduct(raw: str, conduct: list[tuple[int, int]], mine: list[tuple[int, int]]) -> bool:
    """Whether a name opens a sentence that tells the ``conduct`` (``_opens_with_a_name``), not the writer's child's
    (named in ``mine``, perhaps again later: "Moja Lena… Lena popycha…")."""
    own_names = {raw[s:e].split()[-1].casefold() for s, e in mine if raw[s:e].split()}
    for m in _SENTENCE_OPENING.finditer(raw):
        if m.group(1).casefold() in own_names:
            continue
        ends = _SENTENCE_BREAK.search(raw, m.end())
        told = any(m.end() <= c < (ends.start() if ends else len(raw)) for c, _ in conduct)
        if told and _opens_with_a_name(m, raw, conduct, mine) and not any(s <= m.start(k) < e for s, e in mine for k in (1, 2) if m.group(k)):
            return True
    return False


def _urdu_doer(raw: str, found: list[tuple[str, int, int]], k: int, mine: list[tuple[int, int]], conduct: list[tuple[int, int]]) -> bool:
    """Whether the word before Urdu's "نے" at word ``k`` names the doer of ``conduct`` later in its sentence (Arabic
    script has no capitals: a word that is no pronoun, no "someone", no family, no teacher, no plural, and not the
    writer's child: "احمد نے میرے بیٹے کو مارا")."""
    if k == 0:
        return False
    word, start, _ = found[k - 1]
    ends = _SENTENCE_BREAK.search(raw, found[k][2])
    told = any(found[k][2] <= c < (ends.start() if ends else len(raw)) for c, _ in conduct)
    return (told and word not in _NOT_A_DOER and "\u0600" <= word[:1] <= "\u06ff" and not word.endswith(_URDU_PLURAL)
            and not any(s <= start < e for s, e in mine))


_URDU_PLURAL = tuple(lexicon_key(w) for w in ("وں",))


#: Words opening a sentence in Arabic, Urdu or Bengali script that name no child: days, "again", "someone", "a boy",
#: pronouns, greetings, the teacher, "my" and "in class" (with ``_NOT_A_DOER``).
_NOT_A_NAME_IN_SCRIPT = _NOT_A_DOER | frozenset(lexicon_key(w) for w in (
    "اليوم", "امبارح", "مبارح", "أمس", "امس", "في", "ولد", "بنت", "طفل", "حدا", "واحد", "شخص", "هو", "هي", "ابني", "بنتي", "والله",
    "يا", "صار", "كان", "شي", "بعض", "المعلم", "المعلمة", "الاستاذ", "الاستاذة", "مرة", "كمان", "للأسف", "للاسف", "بصراحة", "لو",
    "اذا", "إذا", "هل", "شو", "ليش", "ما", "مش", "ولدي", "اولادي", "السلام", "مرحبا", "صباح", "مساء", "يعني", "بس", "الولد", "البنت",
    "آج", "کل", "پھر", "روز", "ایک", "میرا", "میری", "میرے", "ہمارا", "ہماری", "وہ", "یہ", "سب", "آجکل",
    "আজ", "আজকে", "কাল", "কালকে", "গতকাল", "আবার", "একটা", "একজন", "কেউ", "কোন", "কোনো", "আমার", "আমাদের", "সে", "ও", "তার", "ওর",
    "প্রতিদিন", "ক্লাসে", "স্কুলে", "সবাই", "আসসালামু", "আইজ", "এক", "একটি", "ছেলে", "মেয়ে", "বাচ্চা", "টিচার", "মিস", "ওই", "এই",
    "স্যার", "ম্যাডাম", "মশা", "বিড়াল", "কুকুর", "শনিবার", "রবিবার", "সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার",
    "হঠাৎ", "مدرس", "مدرسة", "معلم", "معلمة", "استاذ", "استاذة", "قطة", "قطه", "كلب", "بعوض", "بعوضة", "يوم", "الصبح", "صبح",
    "ولاد", "اولاد", "كلبهم", "قطتهم", "جدول", "جميعا", "أهلا", "اهلا", "هلا", "حبيبتي", "حبيبي", "جدته", "جدتها",
    "جدتي", "بسة", "بسه", "قطتي", "قطتنا", "كلبي", "كلبنا", "دبور", "دبورة", "نحلة", "نحله",
    "امه", "امها", "ابوه", "ابوها", "خالته", "خالتها", "عمته", "عمتها", "اخوه",
    "اخته", "اخوها", "اختها", "پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار",
    "کلاس", "پولیس", "چور", "اللہ", "اسے", "انہیں", "سب"))


#: Words a sentence in those scripts may open with before the doer's name: today, yesterday, again, every day, in class.
_SCRIPT_LEAD_INS = frozenset(lexicon_key(w) for w in (
    "اليوم", "امبارح", "مبارح", "أمس", "امس", "مرة", "كمان", "للأسف", "للاسف", "بصراحة", "والله", "يعني", "بس", "بالصف", "بالمدرسة",
    "آج", "کل", "پھر", "روز", "آجکل", "کلاس", "আজ", "আজকে", "আইজ", "কাল", "কালকে", "গতকাল", "আবার", "প্রতিদিন", "ক্লাসে", "স্কুলে"))
#: Between the doer's name and the conduct, the part of the writer's child that was hurt: hair, face, hand, arm.
_BODY = frozenset(lexicon_key(w) for w in (
    "شعر", "وجه", "وجها", "ايد", "إيد", "ايدها", "ايده", "بال", "بالوں", "منہ", "ہاتھ", "بازو", "চুল", "মুখ", "হাত", "গালে",
    "baal", "bal", "vaal", "waal", "mooh", "munh", "muh", "moonh", "haath", "hath", "baazu", "bazu", "kaan", "naak", "chehre", "chehra",
    "gaal", "chul", "mukh", "haat", "braich", "fraich", "gwallt", "wallt", "wyneb", "llaw", "coes", "goes"))
#: The blow itself, a noun before the verb that deals it (Bengali and Urdu say "slap hit", "kick gave"): "সাব্বির আমার
#: ছেলেকে থাপ্পড় মেরেছে", "احمد نے میرے بیٹے کو لات ماری".
_BLOWS = frozenset(lexicon_key(w) for w in (
    "থাপ্পড়", "থাপ্পর", "চড়", "লাথি", "ঘুষি", "কামড়", "ধাক্কা", "চিমটি", "খামচি", "تھپڑ", "چانٹا", "لات", "مکا", "مکے", "دھکا", "چٹکی"))



#: What a name in those scripts never carries: Arabic's article or a particle with it on its front ("البعوض", "بالملعب",
#: "هالولد"), Bengali's classifiers, plural and possessive endings ("ছেলেটা", "বিড়ালটি", "ছেলেরা", "সাব্বিরের").
_ARTICLE_FRONTS = tuple(lexicon_key(w) for w in ("ال", "بال", "هال", "وال", "فال", "كال", "لل"))
_BENGALI_NOT_NAME_ENDINGS = ("টা", "দের", "গুলো")  # not "টি", "রা", "ের": Mishti, Sara, Taher
#: Names that open with the letters of Arabic's article.
_NAMES_WITH_AL = frozenset(lexicon_key(w) for w in ("الياس", "إلياس", "الهام", "إلهام", "الطاف", "اليسا", "الينا", "الماس"))


def _may_be_a_name_in_script(word: str) -> bool:
    """Whether a word in Arabic, Urdu or Bengali script may be a child's name (``_NOT_A_NAME_IN_SCRIPT``, the fronts
    and endings above)."""
    fronted = any(word.startswith(f) and len(word) - len(f) >= 3 for f in _ARTICLE_FRONTS) and word not in _NAMES_WITH_AL
    return (not word.isascii() and word not in _NOT_A_NAME_IN_SCRIPT and not fronted
            and not word.endswith(_BENGALI_NOT_NAME_ENDINGS) and not word.endswith(_URDU_PLURAL))


def _family_name_with_al(word: str) -> bool:
    """Whether an Arabic word after a first name may be a family name with the article: one of origin ("الحلبي",
    "المصري", "القحطاني"). Other words with the article after a noun make one thing of the two ("كرة السلة", basketball;
    "ولد الجيران", the neighbours' boy), so only the ending of origin counts."""
    return word.startswith(_ARTICLE) and len(word) >= 5 and word.endswith(_OF_ORIGIN) and _ARABIC.match(word) is not None


_OF_ORIGIN = lexicon_key("ي")  # and "ى", which the key folds to the same letter


def _script_doer(raw: str, found: list[tuple[str, int, int]], conduct: list[tuple[int, int]], mine: list[tuple[int, int]]) -> bool:
    """Whether, in Arabic, Urdu or Bengali script, a word opening the clause of the ``conduct`` names its doer: after
    words of time (``_SCRIPT_LEAD_INS``) and the writer's child told first (``mine``, with its object word), a word not
    of ``_NOT_A_NAME_IN_SCRIPT`` (perhaps with a surname), then only adverbs (``_FILLERS``), the writer's child, the
    part of them hurt (``_BODY``) or the blow (``_BLOWS``) before the conduct: "عمر ضرب ابني", "সাব্বির আমার ছেলেকে মেরেছে", "আমার মেয়েকে সুমাইয়া
    খামচি দিছে". The conduct's object being the writer's child is asked by the caller."""
    starts = [start for _, start, _ in found]
    index = {start: k for k, start in enumerate(starts)}
    spans: list[tuple[int, int]] = []
    for s_, e in sorted(mine):  # merged: the writer's child found by word and by pattern may overlap
        if spans and s_ <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s_, e))

    def minor(j: int) -> bool:
        word = found[j][0]
        return (word in _FILLERS or word in _SCRIPT_LEAD_INS or word in _TO_OWN or word in _OBJECT_WORDS or word == _DOER_NE
                or word in _BODY or word in _BLOWS or _inside(spans, found[j][1]))

    for c, _ in conduct:
        k = index.get(c)
        if k is None:
            continue
        first = bisect.bisect_left(starts, _clause_start(raw, c), 0, k)
        while first < k and (found[first][0] in _SCRIPT_LEAD_INS or minor(first)):
            first += 1
        if first == k:
            continue
        if not _may_be_a_name_in_script(found[first][0]):
            continue
        rest = first + 1
        if rest < k and not minor(rest) and (_may_be_a_name_in_script(found[rest][0])
                                             or (_family_name_with_al(found[rest][0]) and found[first][0] in script_names())):
            rest += 1  # a surname: "يوسف حداد ضرب ابني", "يوسف الحلبي ضرب ابني"
        if all(minor(j) for j in range(rest, k)):
            return True
    return False


#: After a child's name in Latin letters, a word marking their role: Urdu and Punjabi "ko", "nu", "ne", Bengali "re",
#: Welsh "wedi", Somali "waa"/"ayaa". A capitalised word without one is as often a shop, a school or a language ("Kal
#: Tesco ke bahar…", "Heddiw yn Gymraeg…"), unless the conduct follows it straight away.
_MARKED_AFTER_A_NAME = _TO_OWN | _DOER_AFTER | _SOMALI_SUBJECT_AFTER | frozenset(lexicon_key(w) for w in ("re", "wedi", "waa"))
#: Beside a capitalised word, a word that makes it no child's name: a title or a grown-up of the family before it
#: ("Mere bhai Bilal", "Miss Sarah"), an honorific after it ("Ahmed uncle", "Ali Baba", "Bilal bhai"), thanks before it.
_NO_CHILD_BESIDE = _GROWN_UPS | frozenset(lexicon_key(w) for w in (
    "bhai", "bhaiya", "bhaijan", "behen", "behn", "baji", "apa", "apu", "baba", "sahib", "sahab", "ji", "jee", "dost", "cousin",
    "saala", "saale", "kuzyn", "kuzynka", "szwagier", "cefnder", "cyfnither", "ffrind", "friend", "باجی", "بھائی", "آپا",
    "صاحب", "صاحبہ", "ভাই", "আপা", "ভাবি", "ভাবী", "bhabi", "sahiba",
    # a title or a calling before a name: a doctor, a nurse, a Qur'an teacher, a sheikh, a hajji ("ڈاکٹر احمد", "الشيخ يوسف");
    # not grown-ups of the clause, as a doctor is the one who tells a child's diagnosis ("doctor ne bataya ke…")
    "doctor", "nurse", "ڈاکٹر", "قاری", "مولانا", "ডাক্তার", "الدكتور", "دكتور", "الحاج", "الحاجة", "الشيخ",
    # thanks or agreement to the one spoken to: "Thanks Sana…", "Diolch Nia…", "Bilkul Amina…"
    "thanks", "thank", "diolch", "shukriya", "shukria", "bilkul", "dzięki", "mahadsanid", "ameen"))
#: Words that make the capitalised words after them a school, a team or a shop's name: "Ysgol Glan Clwyd", "St Mary's".
_INSTITUTIONS = frozenset(lexicon_key(w) for w in (
    "ysgol", "school", "st", "saint", "academy", "primary", "college", "club", "fc", "szkoła", "szkole", "szkoły"))
#: Words of Bengali script with the object ending that name no one child: someone, everyone, him, her, me, the child, the
#: class, a grown-up of the family, a teacher, the police, a thief (and any with a classifier: ``_CLASSIFIED``).
_NOT_NAMED_OBJECTS = frozenset(lexicon_key(w) for w in (
    "কাউকে", "সবাইকে", "ওকে", "তাকে", "আমাকে", "আমাদেরকে", "তোমাকে", "বাচ্চাকে", "বাচ্চাদেরকে", "ছেলেকে", "মেয়েকে", "ছেলেটাকে",
    "মেয়েটাকে", "ক্লাসকে", "টিচারকে", "স্যারকে", "ম্যাডামকে", "আব্বুকে", "আম্মুকে", "বাবাকে", "মাকে", "ভাইকে", "বোনকে", "আপুকে",
    "পুলিশকে", "চোরকে", "ওদেরকে", "তাদেরকে"))
_URDU_MARKS = frozenset(lexicon_key(w) for w in ("کو", "نے"))
#: Bengali classifiers and counts before the object ending: "ছেলেগুলোকে" (the boys), "লোকটাকে" (the man), "দুজনকে" (the two).
_CLASSIFIED = tuple(lexicon_key(w) for w in ("গুলোকে", "গুলিকে", "টাকে", "টিকে", "জনকে"))


def _names_the_child(raw: str, found: list[tuple[str, int, int]], starts: list[int], span: tuple[int, int]) -> bool:
    """Whether the clause of a theft at ``span`` names the child it tells of, with no word of telling between the name
    and the conduct ("Ali ne bataya ke kisi ne phone chura liya": Ali told it).

    In Latin letters: a capitalised word that may be a name (``_person_word``: no teacher, no day, no family word), with
    no title, grown-up, honorific or thanks beside it (``_NO_CHILD_BESIDE``) and no school or team word before it,
    marked by the word after it (``_MARKED_AFTER_A_NAME``) or straight before the conduct: "Yusra ne…chura liya", "Bryn
    wedi dwyn…".
    In Arabic and Urdu script: a word before "کو" or "نے" that may be a name. In Bengali script: a word with the object
    ending, not someone, everyone or a grown-up. Arabic written in its own script marks neither, so a theft told in it
    is read by its own rows alone ("سرق").
    """
    first, at, lo, _ = _window(found, starts, span)
    first = bisect.bisect_left(starts, _clause_start(raw, span[0], lo), first, at)
    for k in range(first, at):
        word, start, end = found[k]
        after = found[k + 1][0] if k + 1 < len(found) else ""
        if word.isascii():
            named = (_capitalised_name(raw[start:end]) and (after in _MARKED_AFTER_A_NAME or k + 1 == at)
                     and word not in _NO_CHILD_BESIDE and after not in _NO_CHILD_BESIDE
                     and not (k > 0 and found[k - 1][0] in _NO_CHILD_BESIDE) and not _of_an_institution(raw, found, k))
        else:
            named = (_may_be_a_name_in_script(word) and (after in _URDU_MARKS or (
                _BENGALI.match(word) is not None and word.endswith(_OBJECT_ENDINGS) and word not in _NOT_NAMED_OBJECTS
                and not word.endswith(_CLASSIFIED)))) or _child_named_in_script(found, k)
        if named and _TELLING.isdisjoint(w for w, _, _ in found[k + 1:at]):
            return True
    return False


def _unless_in_clause(raw: str, found: list[tuple[str, int, int]], starts: list[int], span: tuple[int, int], kind: str) -> bool:
    """Whether a word of the unmaking ``kind`` is in the clause of the disclosure at ``span`` (within ``_window``)."""
    first, _, lo, hi = _window(found, starts, span)
    start, end = _clause_start(raw, span[0], lo), _clause_end(raw, span[1], hi)
    first, last = bisect.bisect_left(starts, start, first), bisect.bisect_left(starts, end, first)
    return bool(_unless_at([w for w, _, _ in found[first:last]], kind, first_only=True))


#: "You" in the languages: a name before it is the one spoken to, a member of the group.
_YOU = frozenset(lexicon_key(w) for w in ("aap", "tum", "tu", "jesteś", "jestes", "wyt", "ydych", "inta", "inti", "enta", "enti",
                                          "tumi", "apni", "adiga", "adigu", "انت", "انتي", "آپ", "تم", "তুমি", "আপনি"))


#: How many words may stand between a child's name and the sanction they were given or the hospital they are in
#: ("Abir ekhon on report", "Bartek jest na report", "Kacper od tygodnia w szpitalu"): a verb of being, "now", "all week".
_NAME_REACH = 3


def _named_just_before(raw: str, found: list[tuple[str, int, int]], starts: list[int], span: tuple[int, int]) -> bool:
    """Whether a name in Latin letters comes at most ``_NAME_REACH`` words before the sanction at ``span``, in its
    clause, with no grown-up, title, institution or word of telling beside or between: the child given it. A sanction
    is done to whoever it follows ("Hamza ab on report hai"); not "Mr Khan ne poori class ko detention di", "Ali bhai
    ka kehna hai…", "Ayesha ne bataya ke detention…"."""
    first, at, lo, _ = _window(found, starts, span)
    first = max(bisect.bisect_left(starts, _clause_start(raw, span[0], lo), first, at), at - _NAME_REACH - 1)
    for k in range(first, at):
        word, start, end = found[k]
        between = [w for w, _, _ in found[k + 1:at]]
        if not _YOU.isdisjoint(between):
            continue  # "Ayesha aap abhi bhi hospital mein ho?": a member spoken to, a grown-up
        if not word.isascii():
            if _child_named_in_script(found, k) and _TELLING.isdisjoint(between) and _NO_CHILD_BESIDE.isdisjoint(between):
                return True
            continue
        if (_capitalised_name(raw[start:end]) and word not in _NO_CHILD_BESIDE and word not in _MY
                and not (k > 0 and found[k - 1][0] in _NO_CHILD_BESIDE | _TITLES)
                and not _of_an_institution(raw, found, k) and _TELLING.isdisjoint(between) and _NO_CHILD_BESIDE.isdisjoint(between)
                and not any(_capitalised_name(raw[s_:e]) for _, s_, e in found[k + 1:at])):
            return True
    return False


#: Bengali case endings a name takes ("নুসরাতকে", "রাফির", "তানভীরের"): the name is the word without them.
_BENGALI_NAME_ENDINGS = tuple(lexicon_key(w) for w in ("কে", "রে", "ের", "এর", "র", "ও"))
#: Before a name, "mother of" and "father of": the grown-up is who is told of ("أم أحمد", "ابو علي").
_PARENT_OF = frozenset(lexicon_key(w) for w in ("ام", "أم", "اُم", "ابو", "أبو", "ابوی", "بنت", "ابن", "مامت", "بابا",
                                                # a surah, the Prophet, the Qur'an: "سورہ یاسین", "حضرت عمر"
                                                "سورہ", "سورة", "سوره", "حضرت", "نبی", "النبي", "قرآن", "القرآن"))
#: "And" joined to the front of a name in Arabic script ("وأحمد"); the article and other particles are not taken off a
#: name ("بعمر" is "at the age of").
_AND = lexicon_key("و")


def _child_named_in_script(found: list[tuple[str, int, int]], k: int) -> bool:
    """Whether word ``k``, in Arabic, Urdu or Bengali script, is a child's given name (``subjects.script_names``): not a parent
    named by their child ("أم أحمد", "احمد کی امی", "নুসরাতের মা") nor a grown-up by an honorific ("احمد بھائی")."""
    word = found[k][0]
    names = script_names()
    if not (word in names or (word.startswith(_AND) and word[len(_AND):] in names)
            or (_BENGALI.match(word) is not None and any(word.endswith(e) and word[:-len(e)] in names for e in _BENGALI_NAME_ENDINGS))):
        return False
    after = [w for w, _, _ in found[k + 1:k + 3]]
    return not ((k > 0 and found[k - 1][0] in _PARENT_OF | _NO_CHILD_BESIDE) or (after and after[0] in _NO_CHILD_BESIDE)
                or (len(after) == 2 and after[1] in _NO_CHILD_BESIDE))


#: The small words inside a school's or a team's name: "Ysgol Pen y Bryn", "Academy of…".
_INSIDE_NAMES = frozenset({"y", "yr", "of", "the", "de", "la"})


def _of_an_institution(raw: str, found: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the capitalised word ``k`` ends a run of capitalised words (and the small words inside names: "Ysgol Pen
    y Bryn", "Academy of…") opened by a school's or a team's word."""
    while k > 0 and (raw[found[k - 1][1]:found[k - 1][1] + 1].isupper() or found[k - 1][0] in _INSIDE_NAMES):
        k -= 1
        if found[k][0] in _INSTITUTIONS:
            return True
    return False


def _led_in(raw: str, at: int) -> bool:
    """Whether the capitalised word at ``at`` is not the second word of a greeting or a name opening the sentence."""
    opening = _AFTER_AN_OPENING.search(raw, 0, at)
    return opening is None or lexicon_key(opening.group(1).casefold()) in _LEAD_INS


#: A capitalised word opening the sentence that tells the conduct done to the writer's child is its doer, a child named
#: ("Bilal ne mere bete ko maara", "Igor Nowak znowu pobił mojego syna", "Cai Roberts wedi brathu fy merch"), unless it
#: is a word that opens a sentence and names nobody (``_person_word``: "Kal", "Wczoraj", "Mae"), a title or an apology
#: (``_opens_with_a_name``).
_SENTENCE_OPENING = regex.compile(r"(?:^|(?<=[.!?\n]\s*))(\p{Lu}\p{Ll}+)(?:\s+(\p{Lu}\p{Ll}+))?(?!\w)(?!\s+\p{Lu})")


def _opens_with_a_name(m: regex.Match[str], raw: str, conduct: list[tuple[int, int]], mine: list[tuple[int, int]]) -> bool:
    """Whether a ``_SENTENCE_OPENING`` match is the conduct's doer: a first name and surname that may be a name, not a
    title or an apology; or one such word with Urdu's "ne" or the conduct straight after it ("Bilal ne…", "Tomek
    popchnął…", an adverb or two between them). Phones capitalise every sentence's first word ("Shayad kisi ne…", "Podobno ktoś…"), so one word alone
    is no name; three capitalised words or more ("Red Nose Day") the pattern leaves out. A word for a child and a name
    ("Wiilka Faadumo…": Faadumo's son) names the child by their parent. Languages that put the object
    before the verb put the writer's child (``mine``) and its object word between them: "Sabbir amar meye ke dhakka
    dise"."""
    first = lexicon_key(m.group(1).casefold())
    if first in _CHILD_OF and m.group(2) is not None:  # "Gabadha Hodan…", "Merch Sioned…": a child named by their parent
        return _person_word(m.group(2))
    if first in _TITLES or first in _APOLOGY or first.startswith(_ANIMAL_FRONTS) or not _person_word(m.group(1)):
        return False
    if m.group(2) is not None:
        return _person_word(m.group(2)) and lexicon_key(m.group(2).casefold()) not in _ANIMALS
    at = m.end()
    for _ in range(_FILLERS_MOST + 1):  # "Tomek znowu popchnął…", "Abdi maanta … garaacay": an adverb between
        after = _NEXT_WORD.match(raw, at)
        if after is None:
            return False
        word = lexicon_key(after.group(1).casefold())
        if word in _GENITIVE:  # "Bilal ke kutte ne…": Bilal's dog; "Bilal ke bete ne…": Bilal's son, a child named by a parent
            child = _NEXT_WORD.match(raw, after.end())
            doer = child and _NEXT_WORD.match(raw, child.end())
            return bool(child and doer and lexicon_key(child.group(1).casefold()) in _CHILD_WORDS
                        and lexicon_key(doer.group(1).casefold()) in _DOER_AFTER)
        if word in _SOMALI_SUBJECT_AFTER:  # "Macallinka ayaa…", "Walaalkiis ayaa…": the teacher, his brother
            return not (first.startswith(_SOMALI_NOUNS) and first.endswith(_SOMALI_DEFINITE))
        if word in _DOER_AFTER or any(c == after.start(1) for c, _ in conduct):
            return True
        child = next((e for s, e in mine if s == after.start(1)), None)
        if child is not None:  # the writer's child, then perhaps its object word, then the conduct
            object_word = _NEXT_WORD.match(raw, child)
            at = object_word.end() if object_word and lexicon_key(object_word.group(1).casefold()) in _OBJECT_MARKS else child
            continue
        if word not in _FILLERS:
            return False
        at = after.end()
    return False


_NEXT_WORD = regex.compile(r"\s+([\p{L}\p{M}\p{N}']+)")  # digits too: Arabizi "3adda"
#: A child named by a parent ("Bilal ke bete ne…", "Simran di kudi ne…").
_CHILD_WORDS = frozenset({"beta", "bete", "beti", "betay", "munda", "munde", "kudi", "kuri", "dhee", "bacha", "bache", "bachi", "bachay",
                          "bhai", "behan", "bhen"})
#: Urdu and Punjabi's "of" after a name: the name is an owner ("Bilal ke kutte ne", "Simran di kudi").
_GENITIVE = frozenset({"ke", "ki", "ka", "kay", "da", "di", "de"})
#: Somali's definite and possessive endings: "macallinka" (the teacher), "walaalkiis" (his brother), no name.
_SOMALI_DEFINITE = ("ka", "ta", "kii", "tii", "iis", "eed", "kaa", "taa", "ga", "da")
#: ... on these nouns only: names end so too ("Malika", "Huda", "Saeed").
_SOMALI_NOUNS = ("macallin", "macalin", "walaal", "arday", "wiil", "gabadh", "gabar", "hooy", "aabb", "aabo", "eey", "bisad",
                 "saaxiib", "naag", "nin", "qof", "ilma", "carruur")
#: A child of someone: Arabic "son/daughter of", Urdu and Punjabi's children after "ke/di", Polish, Welsh, Somali, Bengali.
_CHILD_OF = _CHILD_WORDS | frozenset(lexicon_key(w) for w in (
    "ابن", "بنت", "ولد", "beta", "beti", "bete", "syn", "córka", "córki", "syna", "mab", "merch", "wiilka", "gabadha", "ছেলে",
    "মেয়ে", "chele", "meye", "پوتا", "پوتی", "نواسہ", "نواسی", "pota", "poti", "nawasa", "nawasi", "synek", "synka", "córeczka",
    "córeczki", "wnuczek", "wnuczka", "dziecko", "dziecka"))
#: "My" and "our" in the languages' forms, which open a sentence capitalised and name nobody.
_MY = _PET_OWNER | _SUBJECT_POSSESSIVE | _OBLIQUE | _BENGALI_MY


#: Capitalised words inside a sentence that name no child: feasts, days, months, school subjects, God, titles that
#: _NAME_INSIDE does not know (Polish "Panią", "Pana", "Madam"), Welsh words that open a clause.
_NOT_A_CHILD = frozenset(w.casefold() for w in (
    "Eid", "Allah", "Diwali", "Christmas", "Easter", "Ramadan", "Ramzan", "Vaisakhi", "Hanukkah", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Maths", "English", "Science", "History", "Geography", "Music", "Art", "Reception", "Year",
    "Madam", "Teacher", "Panią", "Pana", "Panem", "Panu", "Dyrektor", "Ustad", "Ustadh", "Apa", "Baji",
    "Bhai", "Aunty", "Uncle", "Mae", "Yn", "Wedi", "Roedd", "Bydd", "Oedd",
    # family: "Nani ne meri beti ko…" is grandma
    "Nani", "Nana", "Dadi", "Dada", "Ammi", "Abbu", "Abba", "Papa", "Mama", "Mummy", "Daddy", "Khala", "Phuppo", "Chacha", "Mamu",
    "Mamoo", "Aabbe", "Aabo", "Hooyo", "Walaal", "Abti", "Eedo", "Habaryar", "Taid", "Nain", "Mamgu", "Tadcu",
    "Babcia", "Dziadek", "Tata", "Ciocia", "Wujek", "Macallin", "Macalin", "Macallimad", "Bare", "Ustaad",
    # staff, referees and the police: "Wychowawczyni wysłała…", "Mae'r Pennaeth wedi cosbi…", "Sędzia ukarał…"
    "Pennaeth", "Athrawes", "Athro", "Wychowawczyni", "Wychowawca", "Nauczycielka", "Nauczyciel", "Dyrektorka", "Sędzia",
    "Referee", "Ref", "Coach", "Police", "Policja", "Head", "Headteacher", "Principal", "Blwyddyn", "Ysgol",
    # children in general, capitalised opening a sentence: "Bachon ko saza dene ke bajaye…", "Bachyan nu…"
    "Bache", "Bachay", "Bacche", "Bachche", "Bachon", "Bachchon", "Bacchon", "Bachyan", "Bachian", "Bachiyan", "Bacha", "Baccha"))
#: A capitalised word just after another inside a sentence is a surname ("Mrs Nadia Khan"), not a second person.
_AFTER_A_NAME = regex.compile(r"(?<=[\p{L}\p{N},;:]\s+)\p{Lu}\p{Ll}+\s+\Z")
#: A capitalised word opening the sentence just before: the word after it is a name only after a word that leads into
#: one ("Wczoraj Szymon…", "Kal Ali…"), not in a greeting or a name of two words ("Good Morning", "Red Nose Day").
_AFTER_AN_OPENING = regex.compile(r"(?:^|(?<=[.!?]\s+))(\p{Lu}\p{Ll}+)\s+\Z")
_LEAD_INS = _OPENERS | {"yesterday", "today", "tonight", "tomorrow", "then", "and", "but", "so", "apparently", "also", "now",
                        "honestly", "anyway", "again", "mae", "ma", "roedd", "fe", "wnaeth", "nath", "naeth"}


# A capitalised word inside a sentence, not a title nor a teacher named by one ("Mrs Khan", "Pani Nowak").
_NAME_INSIDE = regex.compile(r"(?<=[\p{L}\p{N},;:]\s+)(?<!\b(?:Mr|Mrs|Miss|Ms|Sir|Pani|Pan|Dr)\.?\s+)"
                             r"(?!(?:Mr|Mrs|Miss|Ms|Sir|Pani|Pan|Dr)\b)\p{Lu}\p{Ll}+")


def _only_own_child_named(raw: str) -> bool:
    """Whether the writer names their own child with a possessive ("Nasza Hania ma ADHD") and no other child by name:
    "Nasza Hania mówi, że Jarek ma padaczkę" tells of Jarek."""
    own = own_child_spans(raw)
    return bool(own) and not any(not any(s <= m.start() < e for s, e in own) and not _AT_A_PLACE.search(raw, 0, m.start())
                                 for m in _NAME_INSIDE.finditer(raw))


#: A capitalised word after "in", "at" or "from" in the languages is a place, not a child: "…po polsku w Leicester",
#: "…Leicester mein", "yn Abertawe".
_AT_A_PLACE = regex.compile(r"(?<!\w)(?i:w|we|in|at|from|yn|ym|yng|o|z|ze|fi|bi|mein|se)\s+\Z")


_BENGALI = re.compile("[\u0980-\u09ff]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_URDU_ONLY = re.compile("[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")  # ٹ ڈ ڑ ں ھ ہ ے: letters Arabic does not use


# Words that show a message in Latin letters is written in one of the languages (two of them, of one language):
# none is an everyday English word.
_LATIN_MARKERS = {
    "ur": frozenset({"hai", "hain", "nahi", "nahin", "mein", "aur", "bhi", "tha", "thi", "ko", "ki", "ka", "ke", "wala", "wali"}),
    "bn": frozenset({"ase", "hoise", "hoyeche", "kore", "korse", "porse", "ekta", "amar", "tumi", "apni", "keno", "kintu", "er",
                     "nai", "abar", "ekhon", "shob", "cheler", "meyer", "theke", "jonno", "ejonno", "kichu", "kichui", "onek",
                     "ekdom", "hobe", "dise", "diyeche", "koreche", "shunlam", "bolse", "protidin", "tai", "ache", "chilo", "khub",
                     "kharap", "korbe", "korche", "parena", "bhalo", "tader", "amader",
                     # Sylheti and spoken Bengali: boy, girl, has become, went, happens, is needed, did, can, will go, saw, stays.
                     "fuwa", "furi", "oise", "gese", "hoy", "lagbe", "korsi", "korsilo", "hoini", "parbe", "jabe", "dekhlam", "thake"}),
    "so": frozenset({"waa", "uu", "ayaa", "iyo", "ayuu", "ayay", "baa", "qabo", "qaba", "wuxuu", "waxay", "wuu", "kale", "aad", "ku",
                     "waxaa", "loo", "qabto", "qabaa", "walba", "sidee", "maxaa", "hooyadeed", "aabihiis", "laga", "lagu", "helay",
                     "sidaas", "darteed", "isaga", "iyada", "wiilka", "gabadha", "inanta", "ilmaha", "maanta", "hadda"}),
    "pl": frozenset({"jest", "nie", "się", "sie", "że", "już", "juz", "bardzo", "mój", "moja", "ma", "ze"}),
    "cy": frozenset({"mae", "yn", "wedi", "gyda", "ganddo", "ganddi", "efo", "ydy", "dydy", "roedd"}),
    # Punjabi's own postpositions, pronouns and verb forms ("nu" for Urdu's "ko", "vich" for "mein", "hoya" for "hua").
    "pa": frozenset({"nu", "vich", "ohnu", "ehnu", "usnu", "ohda", "ohdi", "ohde", "ehda", "ehdi", "naal", "karda", "kardi", "hoya",
                     "hoyi", "sanu", "mainu", "tuhanu", "hunda", "hundi", "dasya", "keha", "layi", "ditta", "kiti", "kitta",
                     "sunya", "karde", "onu", "jaanda", "jaandi", "aunda", "aundi", "ajj", "haiga", "gya",
                     # boy, boys, girl, son, where, they say, she tells, he tells
                     "munda", "munde", "kudi", "puttar", "kithay", "kithe", "kende", "kehnde", "dasdi", "dasda"}),
    # Arabic in Latin letters ("Arabizi"), digits for the letters Latin has not: 3 for ع, 2 for ء, 7 for ح; none an
    # English word ("mesh", "howe" and "3am" are).
    "ar": frozenset({"3ando", "3anda", "3endo", "3endha", "enno", "inno", "ya3ni", "kteer", "ktir", "shu", "mish", "hayda",
                     "haydi", "ma3", "3ala", "kaman", "hiye", "huwa", "ibni", "binti", "ma3o", "ma3a"}),
}


def _capitalised_inside(raw: str, start: int) -> bool:
    """Whether the word at ``start`` is written as a name is (a capital, then small letters) inside a sentence."""
    return raw[start].isupper() and raw[start + 1:start + 2].islower() and not starts_sentence(raw, start)


def _script_language(raw: str, tokens: list[str]) -> str:
    """The language of a message written in another language ("" when it reads as English): its script, or, in Latin
    letters, two of one language's own words."""
    if _BENGALI.search(raw):
        return "bn"
    if _ARABIC.search(raw):
        return "ur" if _URDU_ONLY.search(raw) else "ar"
    words = set(tokens)
    for language, markers in _LATIN_MARKERS.items():
        if len(markers & words) >= 2:
            return language
    arabizi = [w for w in words if arabizi_word(w)]
    markers = _LATIN_MARKERS["ar"] & words
    if len(markers) + len(arabizi) >= 2 and (markers or any(_ARABIZI_INSIDE.search(w) for w in arabizi)):
        return "ar"
    return ""


# A word of Arabic in Latin letters spells ع, ح, خ or ء with a digit before or among its letters ("7mara", "2aletli",
# "ba3ref", "bya5od"), and has a vowel and three letters at least; a digit before an English ending is a time, an
# ordinal, an amount or a textism ("3pm", "2nd", "5ish", "2day"). One such word at least has its digit between letters
# ("ya3ni", "ma2dar"), which no English word has, or one of Arabizi's own words is there ("3ando"): a digit first is also
# "3hours" and "5aside", and a digit last is "Year5", "page7", "Frozen2" and "mp3", never counted.
_VOWELS = frozenset("aeiou")
_ARABIZI_WORD = re.compile(r"[a-z]*[2357][a-z]+")
_ARABIZI_INSIDE = re.compile(r"[a-z][2357]+[a-z]")
_DIGIT_ENGLISH = re.compile(r"\d+(?:st|nd|rd|th|am|pm|ish|s|k|m|g|kg|km|ml|cm|mm|x|d|p|ft|mph|yrs?|hrs?|mins?|secs?|wks?"
                            r"|day|days|nite|night|moro|morrow|go|u|gether)")


def arabizi_word(word: str) -> bool:
    """Whether ``word`` (case-folded) is a word of Arabic in Latin letters (above)."""
    return (_ARABIZI_WORD.fullmatch(word) is not None and sum(c.isalpha() for c in word) >= 3
            and not _VOWELS.isdisjoint(word) and _DIGIT_ENGLISH.fullmatch(word) is None)


#: A letter of any alphabet but the Latin one (Cyrillic, Greek, Devanagari, Gurmukhi, Chinese, Arabic…).
_NOT_LATIN_LETTER = regex.compile(r"[^\P{L}\p{Latin}]")


def asks_the_group(t: Text) -> bool:
    """Whether a message in another language says its own way that it tells of no child: a question to the group, an
    awareness day (disclosure.csv's ``unless`` rows). The English rules' words for a condition inside it are unmade too."""
    return _asks_unless(t.raw, [w for w, _, _ in t.key_words]) and not _in_english(t)


def reads_as_english(text: str) -> bool:
    """Whether a message is not written in one of the other languages (``_script_language`` on its words, read as this
    module's rules read them) nor mostly in another alphabet (Punjabi in Gurmukhi, Hindi, Russian, Chinese…).

    The learned model read English; its judgement of a message in Urdu or Welsh says little, so a rule's flag there is
    not put to it (layers.py, a rule's ``vetted_by``), in training or in a scan. A few look-alike letters from another
    alphabet inside English words (a disguise) leave it English: it takes more letters of other alphabets than Latin ones.
    """
    return _in_english(Text(text))


def _in_english(t: Text) -> bool:
    """``reads_as_english`` of a message already read."""
    text = t.original
    folded = text if text.isascii() else unicodedata.normalize("NFKC", text)  # styled letters (𝐑𝐞𝐦𝐢𝐧𝐝𝐞𝐫) are Latin
    if 2 * len(_NOT_LATIN_LETTER.findall(folded)) > sum(ch.isalpha() for ch in folded):
        return False
    return not _script_language(t.raw, [w for w, _, _ in t.key_words])


@functools.cache
def _in_language() -> dict[tuple[str, ...], tuple[str, str, str, frozenset[str]]]:
    """in_language.csv: words (as word tuples) that swear only in a message of their language -> (the language, the
    kind: ``initials`` of a swear word or the ``clipped`` start of an oath, what they mean, the words that straight after
    it make it something else: "mc khel raha hai" is Minecraft). In English "bc" is "because" and "mc" a master of ceremonies. (An insult that is an
    English word too, "magi" in Bengali, was tried: in a school's nativity it is the wise men.)"""
    return {tuple(lexicon_key(row["term"].strip().lower()).split()):
            (row["language"], row["kind"], row["means"], frozenset(filter(None, (row.get("unless_next") or "").split("|"))))
            for row in csv.DictReader(io.StringIO(resources.read_text("lexicons/languages/in_language.csv")))}


#: Words of Roman Urdu and Punjabi that no English sentence has: two of them make a message theirs for a swear's
#: initials (``_in_language_word``). Wider than ``_LATIN_MARKERS`` (verbs and particles a short complaint is made of:
#: "bc phir se trip cancel kar di"), as an abbreviation at a sentence's start is no English word either way.
_URDU_OR_PUNJABI = _LATIN_MARKERS["ur"] | _LATIN_MARKERS["pa"] | frozenset({
    "phir", "fir", "fer", "ne", "kar", "kardi", "karo", "gayi", "gaya", "gaye", "raha", "rahi", "rahe", "yaar", "kya", "kyun",
    "koi", "kuch", "kisi", "kis", "nahi", "ni", "hi", "bhi", "pe", "par", "se", "roz", "abhi", "sab", "saara", "saari", "ho",
    "ki", "ka", "di", "da", "ye", "yeh", "oye", "aaj", "dafa", "wari", "kisne"})
#: Where a swear's initials stand for certain: a sentence's start, after a full stop, an exclamation or an emoji ("bc phir
#: se…", "…!! bc roz…"); after a comma or a question they may be English's "because" (``_BECAUSE_CLAUSE``).
_OPENS_SENTENCE = re.compile(r"(?:^|[.!\n(…]|[^\w\s,?;:؟،)])\s*$")
_AFTER_A_CLAUSE = re.compile(r"[,?;:؟،]\s*$")
#: After a comma or a question, what opens a clause of "because" ("…nahi aayega, bc uski tabiyat kharab hai", "…, bc
#: traffic is mad"): a pronoun, a possessive, a determiner. A swear's initials there are followed by anything else
#: ("…traffic pe, bc 25 minute se…", "…phir se?? bc roz koi na koi…").
_BECAUSE_CLAUSE = frozenset({"uski", "uska", "uske", "unki", "unka", "unke", "iski", "iska", "iske", "meri", "mera", "mere", "mujhe",
                             "main", "mai", "hum", "hamari", "hamara", "humari", "aap", "aapki", "tum", "wo", "woh", "vo", "ye", "yeh",
                             "is", "it", "it's", "its", "i", "im", "i'm", "the", "my", "he", "she", "we", "they", "there", "our",
                             "his", "her", "traffic", "kyunke", "kyunki"})


def _initials_read_otherwise(raw: str, start: int, after: list[str]) -> bool:
    """Whether a swear's initials at ``start`` are read as something else: inside a sentence (English's "because"), after
    a comma or a question with a clause of "because" after them, or before another letter's name ("بی سی جی کا ٹیکہ", the
    BCG jab)."""
    if after and after[0] in _LETTER_NAMES:
        return True
    if _OPENS_SENTENCE.search(raw, 0, start):
        return False
    return not _AFTER_A_CLAUSE.search(raw, 0, start) or (bool(after) and after[0] in _BECAUSE_CLAUSE)
#: The names of letters written out in Urdu script: initials followed by one are an acronym's ("بی سی جی", BCG).
_LETTER_NAMES = frozenset(lexicon_key(w) for w in ("اے", "بی", "سی", "ڈی", "ای", "ایف", "جی", "ایچ", "آئی", "جے", "کے", "ایل",
                                                   "ایم", "این", "او", "پی", "کیو", "آر", "ایس", "ٹی", "یو", "وی", "ڈبلیو", "ایکس",
                                                   "وائی", "زیڈ"))
#: The languages whose messages an in-language word of a language counts in: Urdu's and Punjabi's are one another's.
_SHARED_WORDS = {"ur": frozenset({"ur", "pa"}), "pa": frozenset({"ur", "pa"})}


def _in_language_word(t: Text) -> tuple[int, int, str, str] | None:
    """The first swear's initials (or oath cut short) of in_language.csv in a message of their language, as (start, end,
    language, meaning): in Latin letters, two of the language's own words (``_URDU_OR_PUNJABI`` for Urdu and Punjabi,
    ``_LATIN_MARKERS`` for the rest), in Urdu script any message; not where they read as something else
    (``_initials_read_otherwise``), an oath only where dots cut it short (``_CUT_SHORT``)."""
    table = _in_language()
    found = t.key_words
    tokens = [w for w, _, _ in found]
    language: str | None = None
    for i, (word, start, _) in enumerate(found):
        for key, (of, kind, means, otherwise) in table.items():
            if key[0] != word or tuple(tokens[i:i + len(key)]) != key:
                continue
            end = found[i + len(key) - 1][2]
            after = tokens[i + len(key):i + len(key) + 1]
            if kind == _CLIPPED:
                if not _CUT_SHORT.match(t.raw, end) or not (i == 0 or tokens[i - 1] in _OF_A_THING) \
                        or not _CLIPPED_UNLESS.isdisjoint(tokens[i + len(key):]):
                    continue  # "Meri maa ki… sehat ke liye dua karein": a mother's, not an oath
            elif _initials_read_otherwise(t.raw, start, after) or (after and after[0] in otherwise):
                continue
            if language is None:
                language = _message_language(t.raw, tokens)
            if language in _SHARED_WORDS.get(of, frozenset({of})):
                return start, end, of, means
    return None


#: An oath cut short is followed by dots ("ParentPay ki maa ki… teesri dafa", "maa di..."); so, in WhatsApp's style, is
#: much else ("Meri maa ki… sehat ke liye dua karein"), so the oath is one only where it opens the message or follows a
#: genitive, the thing sworn at's ("ParentPay ki", "parking di"), and no word of a real mother's news follows.
_CUT_SHORT = re.compile(r"\s*(?:\.{2,}|…)")
_OF_A_THING = frozenset(lexicon_key(w) for w in ("ki", "di", "da", "ke", "ka", "کی", "دی", "دا", "کے", "کا", "oye", "teri", "tere"))
_CLIPPED_UNLESS = frozenset(lexicon_key(w) for w in (
    "dua", "duaa", "sehat", "tabiyat", "tabeeyat", "yaad", "kahani", "kahaniyan", "birthday", "salgira", "janaza", "ghar",
    "shaadi", "shadi", "viyah", "mehndi", "walima", "دعا", "صحت", "طبیعت", "یاد", "کہانی", "سالگرہ", "جنازہ", "شادی", "ویاہ"))


def _message_language(raw: str, tokens: list[str]) -> str:
    """``_script_language``, or Urdu for a message with two words of ``_URDU_OR_PUNJABI`` (a short complaint)."""
    return _script_language(raw, tokens) or ("ur" if len(_URDU_OR_PUNJABI.intersection(tokens)) >= 2 else "")


def _abbreviated_swear(t: Text) -> Hit | None:
    """A swear word by its initials ("bc", "mc", "بی سی") in a message of Roman Urdu or Punjabi or in Urdu script,
    opening a sentence or standing between marks."""
    found = _in_language_word(t)
    if found is None:
        return None
    start, end, of, means = found
    return Hit(f"Swears in {_NAMES[of]} or Punjabi ('{t.raw[start:end]}', short for '{means}')", ((start, end),))


_INITIALS = frozenset({"initials"})
#: in_language.csv's kind for the first words of an oath, which swear only when cut short (``_CUT_SHORT``).
_CLIPPED = "clipped"


#: A "sanction" is done to a child (a detention, being on report): told as their behaviour, but, like their health, never
#: read as one child's conduct towards the writer's (a word in Arabic script is no doer: "بنتي خدت detention").
_TOPIC = {"health": "health", "sen": "special educational needs", "exclusion": "exclusion", "behaviour": "behaviour",
          "sanction": "behaviour", _HEALTH_NAMED: "health"}
#: What is a child's personal data as well as talk of one child: a child's behaviour is only the latter.
_PERSONAL = frozenset({"health", "sen", "exclusion", _HEALTH_NAMED})


def _told(verb: str, topics: frozenset[str] = frozenset(_TOPIC)) -> Callable[[Text], Hit | None]:
    """A check that finds a child's health, SEN, exclusion or behaviour (of ``topics``) told in another language,
    the summary opening with ``verb``.

    One disclosure of health, SEN or exclusion breaches two clauses (talk of one child, and a child's personal data);
    only the wording differs.
    """
    def check(t: Text) -> Hit | None:
        d = next((d for d in _disclosures_in(t) if d[1] in topics), None)
        if d is None:
            return None
        span, topic, language = d
        return Hit(f"{verb} a child's {_TOPIC[topic]} in {_NAMES.get(language, language)} ('{t.raw[span[0]:span[1]]}')", (span,))
    return check


def _wake_word(words: Iterable[str]) -> str:
    """The word of a phrase that wakes its rule: the longest that is not everyday school talk ("nikal", not "school")."""
    words = list(words)
    return max([w for w in words if w not in triggers.COMMON_WORDS] or words, key=len)


def _wake_key(word: str) -> str:
    """A wake word as a trigger: a stem as a prefix trigger (cut to the letters triggers.py reads), a word as itself."""
    return word[:-1][:triggers.PREFIX_MAX] + STEM if word.endswith(STEM) else word


def _triggers() -> frozenset[str]:
    """A wake word of each Latin-script insult and disclosure, and '#script' for every other script."""
    insult_words = {_wake_word(w.split()) for w, e in profanity().entries.items() if e.language != "en" and e.kind in ("insult", "both")}
    disclosure_words = {_wake_key(_wake_word(k)) for k in _disclosures()[0]}
    called_words = {w for (w,) in _called().get("noun", {})}
    return frozenset(w for w in insult_words | disclosure_words | called_words if w.isascii()) | {"#script"} | _ARABIZI_WAKE


#: What wakes the rules for a message of Arabizi, whose verbs are found by their roots (``_arabizi_roots``): a digit
#: for a letter, or one of its own words.
_ARABIZI_WAKE = frozenset({"#arabizi"}) | _LATIN_MARKERS["ar"]


LANGUAGE_RULES: tuple[Rule, ...] = (
    Rule("offensive.abbreviation-other-language", "offensive-language", "A swear word of Urdu or Punjabi by its initials "
         "(\"bc\", \"mc\") or an oath of theirs cut short (\"maa ki...\") in a message written in them "
         "(resources/lexicons/languages/in_language.csv).", _abbreviated_swear,
         frozenset(k[0] for k in _in_language() if k[0].isascii()) | {"#script"}),
    Rule("abuse.other-language", "abuse", "An insult in Urdu, Polish, Arabic, Bengali, Welsh or Somali, or someone called "
         "an animal in one (resources/lexicons/languages/offensive.csv, called.csv).", _insult, _triggers()),
    Rule("child.topic-other-language", "individual-child", "A child's health, special needs, exclusion or behaviour told in "
         "another language, not about the writer's own child (resources/lexicons/languages/disclosure.csv).", _told("Discusses"),
         _triggers()),
    Rule("personal.child-health-other-language", "personal-data", "A child's health, special needs or exclusion told in "
         "another language, not about the writer's own child.", _told("Shares", _PERSONAL), _triggers()),
)
#: Their ids: what they flag is a phrase of another language (the model, which read English, never judges it; engine.py
#: and layers.py).
LANGUAGE_RULE_IDS = frozenset(r.id for r in LANGUAGE_RULES)
