"""The scan's fast paths find exactly what the plain ways of computing the same thing find.

Each fast path (trigger keys limited to the triggers rules use and remembered per word, the
learned model's one-lookup-per-feature sum) has its plain version written out here, as it
was before it was made fast; the whole scan is run both ways on a made-up chat, and on the
shared benchmark chat when ../shared is beside the checkout. The chat's wording is ours.
"""

import array
import base64
import gc
import itertools
import json
import math
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import regex

from rep_assistant.core.detection import layers
from rep_assistant.core.detection.layers import detect_all
from rep_assistant.core.detection.learned import LearnedModel, load_model
from rep_assistant.core.detection.learned import model as model_module
from rep_assistant.core.detection.learned.features import _ANGRY, _SHOUT, _WORD, MAX_CHARS, MIN_WORDS, contact_marks, features, own_count, with_scene, words_of
from rep_assistant.core.detection.learned.model import MODEL_RESOURCE
from rep_assistant.core.detection.rules import Finding, Message, behaviour, data, detect, engine, family, lexicon, normalise, triggers
from rep_assistant.core.detection.rules import text as text_module
from rep_assistant.core.detection.rules.model import Context
from rep_assistant.core.detection.rules.text import Text
from rep_assistant.core.importing.parsing import parse_export
from rep_assistant.core.policy import load_policy
from rep_assistant.core.resources import read_text

MAKER = Path(__file__).resolve().parents[3] / "shared" / "bench" / "make_big_chat.py"

_OPEN = ["", "Hi all, ", "Morning! ", "Quick q: ", "Sorry but ", "Evening everyone, ", "Not being funny but "]
_BODY = [
    "is the cake stall on {day}?", "{name} said the reading folder came home empty again", "Mrs {last} never answers e-mails",
    "who's got the spare PE kit for {name}", "the head teacher is useless and the office are worse", "that f**king car park!!",
    "selling homemade fudge, dm me for prices £3 a bag", "apparently {name}'s mum was shouting at the gate",
    "ring me on 07700 900{num}", "email me at parent{num}@example.com", "THIS IS A JOKE NOBODY TELLS US ANYTHING",
    "ｆｕｃｋ this weather", "what a sh1t day", "s.h.i.t happens", "my_daughter's book is in the wrong bag",
    "no idea sorry x", "the Scunthorpe trip is on {day}", "he is a complete idiot tbh", "🙄🙄 again",
    "the teacher told {name} off in front of everyone, totally unfair", "Zoë and Oisín are off sick today",
    "vote for the council candidate who'll fix the roads", "I'll make sure she regrets it", "Brilliant, thanks",
    "a b c d e", "can u send the pic of the letter from school", "the disgraceful state of the toilets",
    "what the ☀️ fuck is going on 🙄", "pierdolę ten parking", "Kasia mówi że {name} jest chory 🤒", "dun👍no",
    "{name}'s mum lives at 14 Quayle Close", "her home address is 9 Rudd Lane", "her personal mobile is on the list",
    "please delete that, numbers must not be shared 07700 900{num}", "here's everyone's phone numbers 👇",
    "SERIOUSLY WHY DOES NOBODY READ THE NEWSLETTER", "ring ٠٧٧٠٠ ٩٠٠١٢٣ 😊", "the b@stard at the gate", "👏 well done Y2",
    "what a shitshow", "fuuuuming about the car park", "fuuuuck off", "what a biiiitch", "sh1te weather", "Y3 and Y4 in room 2b", "a-hole",
]
_TAIL = ["", " x", " 😂", " 👍", "!!", "?", " thanks", " tbh"]
_NAMES = ["Ayla", "Bram", "Cerys", "Dov", "Elin", "Fenn", "Gus", "Hema"]
_LAST = ["Quayle", "Rudd", "Stott", "Tarrant"]
_DAYS = ["Monday", "Friday", "tomorrow", "the inset day"]


def made_up_chat(n: int) -> list[Message]:
    """``n`` varied messages composed from the parts above (deterministic)."""
    out = []
    for i in range(n):
        body = _BODY[(i * 7) % len(_BODY)].format(name=_NAMES[i % 8], last=_LAST[(i // 8) % 4], day=_DAYS[(i // 3) % 4],
                                                   num=f"{i % 1000:03d}")
        text = _OPEN[(i // 5) % len(_OPEN)] + body + _TAIL[(i // 11) % len(_TAIL)]
        minute = i * 3
        out.append(Message(i + 1, f"2026-03-{1 + minute // 1440 % 28:02d}T{minute // 60 % 24:02d}:{minute % 60:02d}:00",
                           f"Parent {i % 13}", text))
    return out


# -- the plain versions ---------------------------------------------------------------------------

def plain_keys(lower: str) -> set[str]:
    """Every word and its first 3, 4 and 5 letters with a star, whether a trigger uses them or not."""
    out = set()
    for w in re.findall(r"\w+", lower):
        out.add(w)
        out.update(w[:k] + "*" for k in (3, 4, 5) if len(w) >= k)
    return out


def plain_keys_of(t: Text) -> frozenset[str]:
    return frozenset(plain_keys(t.lower))


def _quoted(head: str) -> list[str]:
    """What each pair of double quotes holds, paired left to right (a line break ends an open quote, a new opening
    one starts again); a straight quote just after a digit opens nothing (an inch mark)."""
    out: list[str] = []
    start = None
    for i, ch in enumerate(head):
        if start is not None and ch in '"”':
            out.append(head[start:i])
            start = None
        elif ch == "\n":
            start = None
        elif ch == "“" or (ch == '"' and not (i and head[i - 1].isdigit())):
            start = i + 1
    return out


def plain_words_of(text: str) -> list[str]:
    """Every text NFKC-folded and case-folded, every shape mark looked for."""
    head = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    folded, contacts = contact_marks(head.casefold().replace("’", "'"))
    words = _WORD.findall(folded) + contacts
    if len(words) < MIN_WORDS:
        return words
    pictures = [f"#e{ch}" for ch in dict.fromkeys(head) if unicodedata.category(ch) == "So" and (
        "\u2600" <= ch <= "\u27bf" or "\u2b00" <= ch <= "\u2bff" or ("\U0001f000" <= ch <= "\U0001faff" and not "\U0001f1e6" <= ch <= "\U0001f1ff"))]
    marks = [mark for mark, present in (
        ("#shout", _SHOUT.search(head) is not None), ("#bang", "!!" in head or "?!" in head or "!?" in head),
        ("#ask", "?" in head), ("#angry", not _ANGRY.isdisjoint(head)), *((p, True) for p in pictures),
        ("#scare", any(0 < len(q.split()) <= 4 for q in _quoted(head))), ("#lines", "\n" in head), ("#money", "£" in head),
    ) if present]
    return words + marks


def plain_sum(model: LearnedModel, words: list[str]) -> tuple[int, int, float] | None:
    """The model's sum over the feature strings of ``features()``, each looked up in turn (scaled by the message's own)."""
    if len(words) < MIN_WORDS:
        return None
    feats = features(words)
    hits = [model.lanes[f] for f in feats if f in model.lanes]
    return sum(hits), len(hits), 1.0 / math.sqrt(own_count(feats))


def plain_margins_in_scene(self: LearnedModel, words: list[str], before: list[str], flagged: frozenset[str] = frozenset()) -> object:
    """The scene's marks written out (``with_scene``) and summed with the message's own words."""
    return self.margins(with_scene(words, before, flagged))


def plain_gated_search(self: triggers.Gated, t: Text) -> object:
    """The pattern searched in every text, whatever words it has."""
    return self.pattern.search(t.raw)


def plain_openings_match(self: behaviour.Openings, text: str) -> object:
    """The pattern tried on every text, however it opens."""
    return self.pattern.match(text)


def _both_ways(messages: list[Message], monkeypatch: pytest.MonkeyPatch) -> None:
    policy = load_policy("builtin:model")
    fast = detect_all(messages, policy)
    fast_rules = detect(messages, policy)
    with monkeypatch.context() as m:
        m.setattr(triggers, "keys_of", plain_keys_of)
        m.setattr(triggers.Gated, "search", plain_gated_search)
        m.setattr(behaviour.Openings, "match", plain_openings_match)
        m.setattr(lexicon, "_WORD_BEYOND_ASCII", regex.compile(r"[^\x00-\x7f]"))  # every non-ASCII text the long way
        whole_text = lexicon._disguise_suspected
        m.setattr(lexicon, "_disguise_suspected", lambda key, token_set, split=False, signs=None: whole_text(key, token_set, signs=signs))
        m.setattr(LearnedModel, "_sum", plain_sum)
        m.setattr(LearnedModel, "margins_in_scene", plain_margins_in_scene)
        m.setattr(layers, "words_of", plain_words_of)
        m.setattr(engine, "_GATED_MEMO_MAX", 0)  # each message's patterns gated afresh, none remembered
        every_name = family._mentioned
        m.setattr(family, "_mentioned", lambda text, words: every_name(text, family._NEWS_WORDS))  # the search on every text
        plain = detect_all(messages, policy)
        # And every rule on every message, without the engine's index of trigger words.
        every_rule = detect(messages, policy, prefilter=False)
    assert fast == plain
    def found(f: Finding) -> tuple:
        return f.message_id, f.category, f.rule_id, f.spans, f.related
    assert list(map(found, fast_rules)) == list(map(found, every_rule))
    # The model may move a rule's flag to "worth a look" (layers.CONFIRM, its confirm bar) or withdraw it (its dismiss
    # bar); what it keeps is what the rule found.
    kept = [found(f) for f in fast if not f.rule_id.startswith(layers.LEARNED_PREFIX)]
    assert kept and set(kept) <= set(map(found, every_rule)) and kept == sorted(kept, key=list(map(found, every_rule)).index)
    assert {f.tier for f in fast} >= {"main"}


# -- tests ------------------------------------------------------------------------------------------

def test_trigger_keys_answer_every_trigger_as_the_full_keys_do() -> None:
    texts = [m.text for m in made_up_chat(400)] + ["über_cool naïve café", "snake_case words_here", "", "a", "Ｆｕｌｌｗｉｄｔｈ"]
    for text in texts:
        t = Text(text)
        full = plain_keys(t.lower)
        fast = triggers.keys_of(t)
        assert fast == full & triggers._KNOWN, text
        assert fast == triggers.keys(t.lower), text  # with and without the Text's own tokens


def test_a_new_trigger_makes_remembered_words_start_again() -> None:
    triggers.keys("zyzzyvas gather")  # remembered: no trigger uses these words
    assert not triggers.keys("zyzzyvas gather") & {"zyzzyvas", "zyzzy*"}
    triggers.words(r"\bzyzzyvas\b")  # a rule now uses one
    assert "zyzzyvas" in triggers.keys("zyzzyvas gather")


def test_words_of_reads_every_text_as_the_plain_version_does() -> None:
    extra = ["ＦＵＬＬＷＩＤＴＨ SHOUTING here", "it’s £5 for the raffle 🙄", "STRASSE Straße straße is it?!", "a\nb\nc d", "ok 👍",
             "what a JOKE honestly", "PE is at TEN today", "ABCDE12 is the code", "we're_not sure it's 'ok'", "o'clock 'til 3's",
             'they said it is "in hand" again', 'a 26" or 28" waist skirt, any spare', 'she wrote "please all bring the forms back on time" and "ta"',
             "it is “being looked into” apparently", "“half a quote\nand then” more", 'open " and “two” closes', "skin tones 👏🏽👍🏿 and 👨‍👩‍👧 too",
             "flags 🇬🇧 boxes ┌─┐ braille ⠿ stars ⭐ arrows → ➡ clocks ⏰"]
    for text in [m.text for m in made_up_chat(400)] + extra:
        assert words_of(text) == plain_words_of(text), text


def test_model_sum_equals_the_sum_over_the_feature_strings() -> None:
    model = load_model()
    if model is None:
        pytest.skip("no shipped model")
    for m in made_up_chat(300):
        words = words_of(m.text)
        assert model._sum(words) == plain_sum(model, words), m.text
    for words in (["a", "b", "c"], ["x", "x", "x", "x"], ["long", "a", "i", "z", "#ask"], list("abcdefgh"), ["hello", "#ask", "#bang"],
                  ["#email", "#ask", "#lines"], ["the", "cat", "and", "the", "hat"], ["new", "words", "zyzzyva", "new"],
                  ["same", "again", "honestly", "#bang", "#^trip", "#^cancelled", "#^zyzzyva", "#^r:grievance"]):  # read in a scene
        assert model._sum(words) == plain_sum(model, words)


def test_a_message_in_its_scene_sums_as_its_scene_marks_written_out() -> None:
    model = load_model()
    if model is None:
        pytest.skip("no shipped model")
    chat = made_up_chat(300)
    flags = [frozenset(), frozenset({"grievance"}), frozenset({"abuse", "rumour"}), frozenset({"no-such-category"})]
    for k, (before, m) in enumerate(itertools.pairwise(chat)):
        words, said = words_of(m.text), words_of(before.text)
        for flagged in (flags[k % len(flags)], frozenset()):
            assert model.margins_in_scene(words, said, flagged) == model.margins(with_scene(words, said, flagged)), m.text
    for words, said in ((["too", "short"], ["a", "long", "enough", "message"]), (["one", "two", "three"], []),
                        (["one", "two", "three"], ["#phone"]), (["same", "same", "same", "#ask"], ["same", "same", "zyzzyva", "#bang"])):
        for flagged in (frozenset(), frozenset({"grievance"})):
            assert model.margins_in_scene(words, said, flagged) == model.margins(with_scene(words, said, flagged))


def test_the_model_loads_each_features_lanes_as_the_plain_sum_of_its_offset_weights() -> None:
    # model._lanes moves bytes instead of adding OFFSET weight by weight: the same ints, extremes and signs included.
    weights = [0, 1, -1, 32767, -32768, 255, -256, 128, -129, 7, -7000, 12345]
    categories = 4
    packed = array.array("h", weights)
    if sys.byteorder == "big":
        packed.byteswap()  # the model file is little-endian, as written
    got = list(model_module._lanes(packed.tobytes(), categories * model_module.LANE // 8))
    plain = [sum((w + model_module.OFFSET) << (model_module.LANE * c) for c, w in enumerate(weights[f * categories:(f + 1) * categories]))
             for f in range(len(weights) // categories)]
    assert got == plain[::-1]
    document = json.loads(read_text(MODEL_RESOURCE))
    quantised = array.array("h", base64.b64decode(document["weights"]))
    if sys.byteorder == "big":
        quantised.byteswap()
    n, loaded = len(document["categories"]), LearnedModel(document)
    for i in (0, 1, len(document["features"]) // 2, len(document["features"]) - 1):
        assert loaded.lanes[document["features"][i]] == sum((w + model_module.OFFSET) << (model_module.LANE * c)
                                                            for c, w in enumerate(quantised[i * n:(i + 1) * n]))


def test_scan_finds_the_same_as_the_plain_versions_on_a_made_up_chat(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = made_up_chat(3000)
    assert len({m.text for m in messages}) > 500
    _both_ways(messages, monkeypatch)


@pytest.mark.skipif(not MAKER.exists(), reason="../shared/bench/make_big_chat.py is not beside the checkout")
def test_scan_finds_the_same_as_the_plain_versions_on_the_benchmark_chat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chat = tmp_path / "big.txt"
    subprocess.run([sys.executable, str(MAKER), "6000", str(chat)], check=True, capture_output=True)
    messages = [Message(e.seq, e.timestamp.isoformat(timespec="seconds"), e.author or "", e.text, e.kind)
                for e in parse_export(chat)]
    _both_ways(messages, monkeypatch)



def test_detection_leaves_the_cycle_collector_as_it_found_it() -> None:
    messages = made_up_chat(50)
    assert gc.isenabled()
    detect_all(messages, load_policy("builtin:model"))
    assert gc.isenabled()
    gc.disable()
    try:
        detect_all(messages, load_policy("builtin:model"))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_pattern_that_skips_words_is_first_looked_for_from_its_verb_on() -> None:
    pattern = r"(?P<who>\b(?:he|she|Mr\s+\w+))(?:\s+\w+){0,4}?\s+(?:is|was)\s+(?:a\s+)?(?P<w>clown|menace)\b"
    assert data.tail(pattern) == r"\s+(?:is|was)\s+(?:a\s+)?(?P<w>clown|menace)\b"
    assert data.tail(r"\b(?:the\s+)?letter\s+(?:that\s+)?says") is None  # an optional word is not a skip
    assert data.tail(r"(?P<x>\w+)(?:\s+\w+){0,3}\s+(?P=x)") is None  # it refers back to its own group
    assert data.tail(r"a(?:\s+\w+)*b|c") is None  # top-level alternatives


def test_every_match_of_a_pattern_holds_a_match_of_its_tail() -> None:
    """The tail is searched first and rules a text out: it must never rule out one the pattern matches."""
    checked = 0
    texts = [m.text for m in made_up_chat(600)]
    for rd in data.load():
        spec = rd.rule.patterns
        if spec is None:
            continue
        for pattern, gate in zip(spec.patterns, spec.tails, strict=True):
            if gate is None:
                continue
            for text in (*rd.examples, *rd.counter_examples, *texts):
                raw = Text(text).raw
                if pattern.search(raw):
                    checked += 1
                    assert gate.search(raw), (rd.rule.id, text)
    assert checked >= 20


def test_rules_are_woken_by_a_trigger_in_either_set_as_by_one_in_their_union() -> None:
    """The index says at once when neither the trigger keys nor the tokens hold a trigger: never when one does."""
    judge = engine._Judge(list(engine.content_rules()), Context(), prefilter=True)
    index = judge.index
    texts = [m.text for m in made_up_chat(400)] + ["call me on 07700 900123", "email parent1@example.com", "nothing here at all",
                                                   "über café naïve", "WHY IS NOBODY LISTENING!!"]
    woke = 0
    for text in texts:
        t = Text(text)
        keys = triggers.keys_of(t)
        plain = set(index.always).union(*(index.by_key[k] for k in (keys | t.token_set) & index.keyset))
        assert set(index.woken(keys, t.token_set)) == plain, text
        woke += plain != set(index.always)
    assert woke >= 50


def test_the_symbols_a_pattern_needs_are_in_every_match_of_it() -> None:
    """A text without the symbols is never searched for the pattern: every text the pattern matches must have them."""
    cases = {r"\b(?:again)\s*(?:[!?]{2,}|🙄|😡)": "(?:[!\\?]{2})|(?:🙄)|(?:😡)", r"a!+b": "!", r"\bsaid\s*[\"“]": '["“]',
             r"a(?:b|!)": None, r"(?:\s+|!)": None, r"x[.!]?y": None, r"(?:a!|b\?)c": "(?:!)|(?:\\?)", r"[^a]!": "!"}
    alphabet = ["a", "b", "c", "x", "y", "!", "?", ".", " ", "🙄", "😡", '"', "“"]
    texts = [*_strings(alphabet, 4), "said “hi”", 'said "hi"', "again!!", "again ?!", "again 😡", "again!"]
    for pattern, expected in cases.items():
        assert triggers.symbols(pattern) == expected, pattern
        if expected is None:
            continue
        whole, gate = regex.compile(pattern, regex.IGNORECASE), regex.compile(expected, regex.IGNORECASE)
        assert any(whole.search(t) for t in texts), pattern
        for text in texts:
            assert not whole.search(text) or gate.search(text), (pattern, text)


def test_texts_alike_in_their_trigger_keys_are_gated_alike() -> None:
    """The engine remembers a gating by the text's trigger keys: it must be what the text's own keys give."""
    judge = engine._Judge(list(engine.content_rules()), Context(), prefilter=True)
    texts = [m.text for m in made_up_chat(800)] + [
        "she is a total clown", "he is a clown", "is it just me or is the car park a joke", "is it me",
        "they said the trip is off again!!", "the letter said the trip is off", "the letter from the office came home"]
    for text in texts:
        t = Text(text)
        judge(t)
        keys = triggers.keys_of(t)
        assert isinstance(keys, frozenset)  # hashable as it is: the memo's key
        assert judge.gated_memo[keys] == judge._gated(keys), text
    assert len(judge.gated_memo) < len(set(texts))  # some texts did share a gating


def test_the_name_search_is_spared_only_where_it_would_find_nothing() -> None:
    texts = [m.text for m in made_up_chat(400)] + ["Bram has nits", "Cerys’s party", "Elin can't come", "Fenn went home",
                                                   "Gus loves it", "Hema keeps crying", "Dov told me", "Ayla, see you"]
    found = 0
    for text in texts:
        t = Text(text)
        raw = t.raw.replace("\u2019", "'")
        assert family._mentioned(raw, t.token_set) == family._mentioned(raw, family._NEWS_WORDS), text
        found += bool(family._mentioned(raw, t.token_set))
    assert found >= 7


def _strings(alphabet: list[str], longest: int) -> list[str]:
    """Every string of up to ``longest`` pieces of ``alphabet``."""
    return ["".join(p) for n in range(1, longest + 1) for p in itertools.product(alphabet, repeat=n)]


def test_a_symbol_inside_a_word_is_found_where_the_plain_pattern_finds_one() -> None:
    """The symbol pattern opens with the symbol for speed; it must find one wherever the pattern as first written does."""
    plain = re.compile(r"[a-z][*#%&@$!|+~^¢¡€]+[a-z*#%&@$]|(?:^|[^a-z])[*#%&@$¡][a-z]|[a-z][*#%&]|[a-z]\([a-z](?![a-z]*\))")
    texts = _strings(["a", "*", "!", "¡", "€", "@", "&", "(", ")", " ", "\n", "1", "A"], 4) + [m.text.lower() for m in made_up_chat(400)]
    found = 0
    for text in texts:
        assert bool(lexicon._SYMBOL_IN_WORD.search(text)) == bool(plain.search(text)), repr(text)
        found += bool(plain.search(text))
    assert found > 1000


def test_names_told_news_of_are_found_as_the_plain_pattern_finds_them() -> None:
    """The name pattern opens with the capital for speed; it must find the same names at the same places."""
    plain = re.compile(r"(?<![\w'])([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)(?:'s\b|\s+(?:" + "|".join(family._NEWS_VERBS) + r")\b)")
    texts = _strings(["Bo", "bo", "'", "'s", " ", " has", "-", "-Al", "1", "_", "é", "\n"], 4) + [m.text for m in made_up_chat(400)]
    found = 0
    for text in texts:
        assert [(m.start(), m.group(1)) for m in family._MENTION.finditer(text)] == \
            [(m.start(), m.group(1)) for m in plain.finditer(text)], repr(text)
        found += bool(plain.search(text))
    assert found > 1000


def test_a_mask_or_digit_inside_a_word_is_found_where_the_plain_pattern_finds_one() -> None:
    plain = re.compile(r"[a-z][*@$#%]|[*@$#%][a-z]|[a-z][0-9]+[a-z]")
    texts = _strings(["a", "*", "@", "%", "1", " ", "\n", "_"], 5) + [Text(m.text).lower for m in made_up_chat(400)]
    found = 0
    for text in texts:
        assert bool(text_module._MASKED.search(text)) == bool(plain.search(text)), repr(text)
        found += bool(plain.search(text))
    assert found > 1000


_EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_the_character_classes_hold_the_characters_of_their_sets() -> None:
    """Sets and look-aheads written as one class for speed: the same characters, every one of them checked."""
    assert text_module._OTHER_SCRIPT.findall(_EVERY_CHARACTER) == re.findall(r"(?![\x00-\x7f])[^\W\d_]", _EVERY_CHARACTER)
    assert lexicon._WORD_BEYOND_ASCII.findall(_EVERY_CHARACTER) == regex.findall(r"(?![\x00-\x7f])[\p{L}\p{M}\p{N}]", _EVERY_CHARACTER)
    assert normalise._ANY_INVISIBLE.findall(_EVERY_CHARACTER) == [c for c in _EVERY_CHARACTER if c in normalise.INVISIBLE]
    quotes_or_lookalikes = normalise._LOOKALIKES | frozenset(normalise._QUOTES)
    assert normalise._QUOTE_OR_LOOKALIKE.findall(_EVERY_CHARACTER) == [c for c in _EVERY_CHARACTER if c in quotes_or_lookalikes]


def test_a_mark_on_a_latin_letter_is_found_where_the_plain_pattern_finds_one() -> None:
    plain = re.compile("[A-Za-z][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
    found = 0
    for text in _strings(["a", "Z", "\u0301", "\u1ab0", "\u20d0", "\ufe2f", "\u0370", " ", "\n", "é", "1"], 4):
        assert bool(normalise._MARK_ON_LATIN.search(text)) == bool(plain.search(text)), repr(text)
        found += bool(plain.search(text))
    assert found > 1000


def test_folding_finds_what_it_did_when_every_text_was_tested_the_plain_way() -> None:
    """fold() takes its quick path on exactly the texts the plain tests (sets, the regional-letter run) let through."""
    texts = [m.text for m in made_up_chat(400)] + ["🇫🇺🇨🇰 off", "🇬🇧 flag", "f\u200bu\u200bck", "ｆｕｃｋ", "рrat", "it’s fine", "café",
                                                   "cafe\u0301", "🅵🆄🅲🅺", "😀 ok", "naïve Zoë", "\u202eevil", "s̶h̶i̶t̶"]
    for text in texts:
        quick = unicodedata.is_normalized("NFKC", text) and normalise.INVISIBLE.isdisjoint(text) \
            and not normalise._REGIONAL_RUN.search(text) and not normalise._ENCLOSED.search(text) \
            and not re.search("[A-Za-z][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]", text)
        folded = normalise.fold(text)
        if text.isascii() or (quick and (normalise._LOOKALIKES | frozenset(normalise._QUOTES)).isdisjoint(text)):
            assert folded == normalise.Folded(text), text
        elif quick:
            assert folded.starts is None and folded.text != text, text
        else:
            assert folded.starts is not None, text


# "Don't know" replies in our own words: openings, the reply itself, what may follow it, and what turns it into an answer.
_DK_OPEN = ["", "sorry ", "Soz, ", "hmm ", "no ", "Honestly ", "I ", "i'm ", "ach ", "Oh ", "lol "]
_DK_CORE = ["don't know", "DUNNO", "no idea", "not a clue", "haven't got the foggiest", "nie wiem", "idk", "IDEK", "same",
            "beats me", "pata nahi", "জানি না", "لا أعرف", "dim syniad", "ditto", "wish i knew", "no sé", "the deadline is Friday"]
_DK_TAIL = ["", " x", " either", " sorry hun", ", been off all week", " but ask the office", "!", "?", " Gwen", " 🤷", "...",
            " think it's Tuesday"]


def test_a_reply_is_ruled_out_by_its_opening_only_where_the_pattern_finds_no_match() -> None:
    """The openings memo must answer as the pattern does: every reply, every prefix of one, each case, each opening."""
    opens = behaviour.Openings(behaviour._DONT_KNOW)
    texts = ["".join(p) for p in itertools.product(_DK_OPEN, _DK_CORE, _DK_TAIL)]
    texts += [t[:n] for t in texts[::7] for n in range(1, 9)] + [t.upper() for t in texts[::5]] + [t.swapcase() for t in texts[::3]]
    texts += _strings(["i", "d", "n", "o", "k", " ", "'", "S", "x", "ن"], 5)
    matched = ruled_out = 0
    for text in texts:
        plain = behaviour._DONT_KNOW.match(text)
        fast = opens.match(text)
        assert (fast is None) == (plain is None), text
        assert fast is None or fast.span() == plain.span(), text
        matched += plain is not None
        ruled_out += opens._can_open[text[:opens.WIDTH]] is False
    assert matched > 500 and ruled_out > 5000  # both kinds were tried


def test_a_condition_with_words_it_needs_is_searched_where_the_plain_search_would_find_it() -> None:
    """``unless`` (over the whole message) and a file's ``unless_message`` are skipped without their words: never wrongly."""
    texts = [m.text for m in made_up_chat(300)]
    for rd in data.load():
        texts += [*rd.examples, *rd.counter_examples]
    conditions = {id(g): g for rd in data.load() if rd.rule.patterns is not None
                  for g in (rd.rule.patterns.unless, rd.rule.patterns.unless_message) if g is not None}
    assert len(conditions) > 20 and sum(bool(g.needs) for g in conditions.values()) > 10
    skipped = 0
    for text in texts:
        t = Text(text)
        for g in conditions.values():
            plain = g.pattern.search(t.raw)
            assert (g.search(t) is None) == (plain is None), (g.pattern.pattern[:60], text)
            skipped += bool(g.needs) and not triggers.met(g.needs, triggers.keys_of(t))
    assert skipped > 1000



def test_quiet_hours_are_read_from_the_clock_as_from_each_post() -> None:
    """late_night remembers each clock time's verdict: the same posts flagged as by reading every post's time."""
    day = [f"2031-03-0{d}T{h:02d}:{mi:02d}:{s:02d}" for d in (4, 5) for h in range(24) for mi in range(0, 60, 7) for s in (0, 59)]
    messages = [Message(i, ts, "Ayla" if i % 3 else "Bram", "hello") for i, ts in enumerate(day)]
    for quiet in (("22:00", "07:00"), ("09:30", "15:15"), ("00:00", "06:00")):
        start, end = (behaviour._hhmm_minutes(q) for q in quiet)
        def is_quiet(ts: str, start: int = start, end: int = end) -> bool:
            t = int(ts[11:13]) * 60 + int(ts[14:16])
            return start <= t < end if start < end else (t >= start or t < end)
        flagged = [f.message_id for f in behaviour.late_night(messages, *quiet)]
        assert flagged == [m.id for m in messages if is_quiet(m.ts)]
        assert 0 < len(flagged) < len(messages)


def test_the_words_that_weighed_most_are_those_the_plain_reading_picks() -> None:
    """top_words asks whether a word is worth showing before looking it up: the same words, in the same order."""
    from rep_assistant.core.detection.learned.model import LANE, MASK, OFFSET

    model = load_model()
    assert model is not None
    _telling = model._telling

    def plain_top_words(words: list[str], index: int, k: int = 3) -> tuple[str, ...]:
        lanes, shift = model.lanes, LANE * index
        seen: dict[str, int] = {}
        for w in words:
            packed = lanes.get("~" + w)
            if packed is not None and (lane := (packed >> shift) & MASK) > OFFSET and _telling(w):
                seen[w] = lane
        for a, b in itertools.pairwise(words):
            packed = lanes.get(f"~{a} {b}")
            if packed is not None and (lane := (packed >> shift) & MASK) > max(seen.get(a, OFFSET), seen.get(b, OFFSET)) \
                    and (_telling(a) or _telling(b)):
                seen[f"{a} {b}"] = lane
        return tuple(sorted(seen, key=lambda w: -seen[w])[:k])

    shown = 0
    for m in made_up_chat(300):
        words = words_of(m.text)
        for i in range(len(model.categories)):
            assert model.top_words(words, i) == plain_top_words(words, i), m.text
            shown += bool(plain_top_words(words, i))
    assert shown > 300
