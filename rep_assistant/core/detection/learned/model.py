"""Load the shipped linear model and score messages with it.

The model is one-vs-rest logistic regression over the feature strings of features.py: a
message's score for a category is the bias plus the sum of the weights of the features it
has, scaled by 1/sqrt(number of features), through the logistic function. Each category has
calibrated thresholds (scripts/train_model.py sets them on held-out chats): at or above
``main`` the flag joins the main queue; between ``look`` and ``main`` it goes to the
"worth a look" tier; ``confirm`` and ``withdraw`` judge the rules' flags of the category
(layers.py). The file is JSON with the weights as base64 int16, loaded in a few
hundredths of a second, never fetched from anywhere.
"""

import array
import base64
import itertools
import json
import math
import operator
import struct
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from rep_assistant.core.detection.learned.features import MIN_WORDS, NGRAM, SCENE, bridge_grams, pair_features, word_features, words_of
from rep_assistant.core.detection.tiers import MAIN, WORTH_A_LOOK
from rep_assistant.core.errors import RepError
from rep_assistant.core.resources import read_text

#: Where the shipped models live inside resources/: the English one, and the one for messages in other languages
#: (scripts/train_languages_model.py).
MODEL_RESOURCE = "model/learned.json"
LANGUAGES_RESOURCE = "model/languages.json"
FORMAT = 1


@dataclass(frozen=True)
class Scored:
    """A category the model finds in a message, how sure it is, and the words that weighed most."""

    category: str
    confidence: float
    tier: str
    words: tuple[str, ...]
    #: What the model reads, when not English: "other languages" (its document's ``reads``).
    reads: str = ""
    #: When the message alone would not have been flagged: the words of the message before it (its scene) that weighed
    #: most, or ("",) when none of them is worth showing.
    scene: tuple[str, ...] = ()


#: Each category's weight is one 32-bit lane of a Python int, stored as weight + OFFSET so lanes never borrow:
#: summing a message's features is then one C loop of big-int additions instead of a Python loop per category.
LANE = 32
OFFSET = 1 << 16
MASK = (1 << LANE) - 1


class LearnedModel:
    """Weights by feature, biases and thresholds by category, and where they came from (``meta``)."""

    def __init__(self, document: dict[str, Any]) -> None:
        if document.get("format") != FORMAT:
            raise RepError(f"The learned model has format {document.get('format')!r}; this version reads format {FORMAT}.")
        if document.get("ngram") != NGRAM:
            raise RepError(f"The learned model was trained on {document.get('ngram')}-grams and this version reads {NGRAM}-grams; "
                           "retrain it with scripts/train_model.py.")
        self.meta: dict[str, Any] = {k: v for k, v in document.items() if k not in ("features", "weights")}
        self.categories: tuple[str, ...] = tuple(document["categories"])
        self.bias: tuple[float, ...] = tuple(document["bias"])
        self.main: tuple[float, ...] = tuple(document["thresholds"][c]["main"] for c in self.categories)
        self.look: tuple[float, ...] = tuple(document["thresholds"][c]["look"] for c in self.categories)
        # Below this, a rule's flag of the category waits in "worth a look" (layers.py); a model without it: the main threshold.
        self.confirm: tuple[float, ...] = tuple(document["thresholds"][c].get("confirm", document["thresholds"][c]["main"])
                                                for c in self.categories)
        # Below this (never above ``look``), a rule's flag of the category is withdrawn (layers.py); a model without it
        # withdraws none.
        self.withdraw: tuple[float, ...] = tuple(min(document["thresholds"][c].get("withdraw", 0.0), look)
                                                 for c, look in zip(self.categories, self.look, strict=True))
        # By vet mark ("personal-data<individual-child", ``vet_mark``): the ``confirm`` bar on the vetting category's
        # probability for the flags of a rule that names it ``vetted_by`` (layers.py); a mark not here is not vetted.
        self.vetted: dict[str, float] = {k: v["confirm"] for k, v in document.get("vetted", {}).items()}
        self._look_margin = tuple(_logit(p) for p in self.look)
        # The words that wake a model of other languages (a message with none of them it never reads; layers.py), and
        # its data's commonest words, never shown as what weighed most.
        self.hints: frozenset[str] = frozenset(document.get("hints", ()))
        self.reads: str = document.get("reads", "")
        self._quiet = _FUNCTION_WORDS | frozenset(document.get("quiet", ()))
        self.scale: float = document["scale"]
        # Seconds after a member's post in which the next message is read with it as its scene (features.with_scene);
        # 0 for a model trained without scenes.
        self.scene_s: int = document.get("params", {}).get("scene_s", 0)
        n = len(self.categories)
        self._width = n * LANE // 8
        self.lanes: dict[str, int] = dict(zip(reversed(document["features"]), _lanes(base64.b64decode(document["weights"]), self._width),
                                              strict=True))
        self._sums = _FeatureSums(self.lanes, n)

    @classmethod
    def from_weights(cls, categories: list[str], weights: dict[str, list[float]], bias: list[float],
                     thresholds: dict[str, dict[str, float]], meta: dict[str, Any]) -> "LearnedModel":
        return cls(pack(categories, weights, bias, thresholds, meta))

    def _sum(self, words: list[str], scene: int = 0) -> tuple[int, int, float] | None:
        """(summed lanes, features found, 1/sqrt(features)) of a message's words, with ``scene`` (``_FeatureSums.scene``)
        added; None when too short to score."""
        if len(words) < MIN_WORDS:
            return None
        total, found, count = self._sums.sums(words, scene)
        return total, found, 1.0 / math.sqrt(count)

    def margins(self, words: list[str]) -> tuple[float, ...] | None:
        """Each category's logit for a message's words, or None when it is too short to score."""
        summed = self._sum(words)
        return None if summed is None else tuple(self._margins(*summed))

    def margins_in_scene(self, words: list[str], before: list[str], flagged: Iterable[str] = ()) -> tuple[float, ...] | None:
        """``margins`` of ``features.with_scene(words, before, flagged)``, without writing out the scene's marks.

        Most messages are read in a scene (the message before, its words and the rules' flags on it) and most flag
        nothing: each mark's weights are remembered by the word it is made of, and the marks are written out only for
        the few messages the model flags (``scored`` names the scene's words that weighed).
        """
        if len(words) < MIN_WORDS:
            return None  # the scene is not read either
        summed = self._sum(words, self._sums.scene(before, flagged) if before else 0)
        return None if summed is None else tuple(self._margins(*summed))

    def any_flag(self, margins: Sequence[float] | None) -> bool:
        """Whether any category reaches its "worth a look" threshold (most messages: none, and ``scored`` says nothing)."""
        return margins is not None and any(map(operator.ge, margins, self._look_margin))

    def _margins(self, total: int, found: int, norm: float) -> list[float]:
        lanes = array.array("I")
        lanes.frombytes(total.to_bytes(self._width, sys.byteorder))  # read back as native uint32s: category 0 first
        offset, scale = found * OFFSET, self.scale
        return [b + (v - offset) * scale * norm for b, v in zip(self.bias, lanes, strict=True)]

    def score(self, text: str) -> list[Scored]:
        """The categories at or above their 'worth a look' threshold, most confident first."""
        return self.score_words(words_of(text))

    def score_words(self, words: list[str]) -> list[Scored]:
        """``score`` for a message already split by ``features.words_of``."""
        return self.scored(words, self.margins(words))

    def scored(self, words: list[str], margins: Sequence[float] | None) -> list[Scored]:
        """``score_words`` from the ``margins`` already worked out for ``words`` (None: too short to score)."""
        if not self.any_flag(margins):  # most messages: no category
            return []
        out = []
        # The message alone, when the one before it was read as its scene: which flags it would not have raised.
        own = next((k for k, w in enumerate(words) if w.startswith(SCENE)), None)
        alone = self.margins(words[:own]) if own is not None else None
        for i, (z, least) in enumerate(zip(margins, self._look_margin, strict=True)):
            if z >= least:
                p = probability(z)
                scene = (self.top_scene_words(words, i) or ("",)) if alone is not None and alone[i] < least else ()
                out.append(Scored(self.categories[i], p, MAIN if p >= self.main[i] else WORTH_A_LOOK, self.top_words(words, i), self.reads,
                                  scene))
        out.sort(key=lambda s: -s.confidence)
        return out

    def top_scene_words(self, words: list[str], index: int, k: int = 3) -> tuple[str, ...]:
        """The words of the message before (``SCENE`` marks) that pushed hardest towards category ``index``."""
        lanes, shift, cut = self.lanes, LANE * index, len(SCENE)
        seen = {w[cut:]: lane for w in words if w.startswith(SCENE) and ":" not in w and self._telling(w[cut:])
                and (packed := lanes.get(w)) is not None and (lane := (packed >> shift) & MASK) > OFFSET}
        return tuple(sorted(seen, key=lambda w: -seen[w])[:k])

    def top_words(self, words: list[str], index: int, k: int = 3) -> tuple[str, ...]:
        """The message's words (and word pairs) that pushed hardest towards category ``index``.

        Words of one or two letters and a few function words are left out: they weigh only
        through the phrases they sit in, and "the" explains nothing to a rep.
        """
        lanes, shift = self.lanes, LANE * index  # weights compared as their stored lanes: the same order, no scaling
        seen: dict[str, int] = {}
        # Whether a word is worth showing is asked first: it is cheaper than building and looking up its feature.
        telling = self._telling
        for w in words:
            if telling(w) and (packed := lanes.get("~" + w)) is not None and (lane := (packed >> shift) & MASK) > OFFSET:
                seen[w] = lane
        for a, b in itertools.pairwise(words):
            if (telling(a) or telling(b)) and (packed := lanes.get(f"~{a} {b}")) is not None \
                    and (lane := (packed >> shift) & MASK) > max(seen.get(a, OFFSET), seen.get(b, OFFSET)):
                seen[f"{a} {b}"] = lane
        return tuple(sorted(seen, key=lambda w: -seen[w])[:k])

    def _telling(self, word: str) -> bool:
        """A word worth showing the rep: not a shape mark, a one- or two-letter word or a function word."""
        return len(word) > 2 and word[0] != "#" and word not in self._quiet


#: By the high byte of a little-endian int16 weight, byte 1 (of 0–3) of weight + OFFSET as a big-endian uint32, the
#: one that holds OFFSET's bit: 1 when the weight is not negative (the bit survives), 0 when it is (the sum borrows it).
_OFFSET_BYTE = bytes(1 if b < 0x80 else 0 for b in range(256))


def _lanes(weights: bytes, width: int) -> Iterator[int]:
    """Each feature's lanes as one int, last feature first, from the file's little-endian int16 weights (feature by
    feature, category by category). Built without a Python step per weight or per feature, so 139,000 features load in
    about 0.05 s instead of 0.13 s: each weight becomes weight + OFFSET as a big-endian uint32 by moving bytes, the
    uint32s are reversed (so each feature's lanes read as one big-endian int, category 0 lowest), and int.from_bytes
    reads each feature's slice."""
    lanes = bytearray(2 * len(weights))
    lanes[3::4] = weights[0::2]
    lanes[2::4] = weights[1::2]
    lanes[1::4] = weights[1::2].translate(_OFFSET_BYTE)
    words = array.array("I")  # itemsize 4 on every platform CPython supports; LANE is 32, OFFSET 1 << 16 (bytes 1 and 2)
    words.frombytes(lanes)
    words.reverse()
    return map(int.from_bytes, map(operator.itemgetter(0), struct.iter_unpack(f"{width}s", words.tobytes())))


class _FeatureSums:
    """A message's summed lanes and feature counts, from the sums remembered for each word and each pair of words.

    ``features()`` gives each distinct word and each distinct neighbouring pair of a message
    the same feature strings in every message they are in, so each word's and pair's lanes are
    summed once, with two more lanes above the categories' counting the features the model has
    and all the features (those it lacks still count towards 1/sqrt(n)); a message is then one
    addition per distinct word and pair, plus the few n-grams over a one-letter word and the
    shape marks. What is remembered is dropped past ``LIMIT`` words and pairs, so a long scan of
    ever-new words stays bounded in memory.

    Most messages use no word twice (then no pair twice either): for them a message is one
    lookup per neighbouring pair, of the pair's sum plus its first word's (``_runs``), and its
    last word's, with no set of words or pairs built. The sums are integers: the same total
    either way.
    """

    LIMIT = 300_000

    def __init__(self, lanes: dict[str, int], categories: int) -> None:
        self._lanes = lanes
        self._found_shift = categories * LANE
        self._count_shift = self._found_shift + LANE
        self._category_lanes = (1 << self._found_shift) - 1
        self._words: dict[str, int] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        self._runs: dict[tuple[str, str], int] = {}
        self._scene: dict[str, int] = {}  # by a word of the message before, its scene mark's (``scene``)

    def sums(self, words: list[str], scene: int = 0) -> tuple[int, int, int]:
        """(summed category lanes, features the model has, its own features: ``own_count``) of ``words`` (``words_of``),
        with ``scene`` (``scene``'s sum) added."""
        if len(self._words) + len(self._pairs) + len(self._runs) + len(self._scene) > self.LIMIT:
            self._words, self._pairs, self._runs, self._scene = {}, {}, {}, {}
        marks = 0
        while marks < len(words) and words[-1 - marks][0] == "#":
            marks += 1
        plain = words[:-marks] if marks else words
        known_words, known_pairs = self._words, self._pairs
        distinct = set(plain)
        if plain and len(distinct) == len(plain):  # every word once
            try:
                total = sum(map(self._runs.__getitem__, itertools.pairwise(plain))) + known_words[plain[-1]]
            except KeyError:  # a word or pair not seen before
                total = sum(map(self._run, itertools.pairwise(plain))) + self._word(plain[-1])
        else:
            pairs = set(itertools.pairwise(plain))
            try:
                total = sum(map(known_words.__getitem__, distinct)) + sum(map(known_pairs.__getitem__, pairs))
            except KeyError:  # a word or pair not seen before
                total = sum(map(self._word, distinct)) + sum(self._pair(a, b) for a, b in pairs)
        if 1 in map(len, plain):
            total += self._packed(bridge_grams(plain))
        if marks:
            tail = words[len(words) - marks:]
            total += self._packed(tail) - (sum(1 for w in tail if w.startswith(SCENE)) << self._count_shift)  # own_count
        total += scene
        return total & self._category_lanes, (total >> self._found_shift) & MASK, total >> self._count_shift

    def scene(self, before: list[str], flagged: Iterable[str]) -> int:
        """The lanes and found counts of ``features.with_scene``'s marks for a message before with these words and rule
        flags (its count lane stays 0: ``own_count``), each mark's remembered by the word it is made of."""
        known, total = self._scene, 0
        for w in dict.fromkeys(before):
            if w[0] != "#":
                packed = known.get(w)
                if packed is None:
                    packed = known[w] = self._mark(SCENE + w)
                total += packed
        for c in flagged:
            total += self._mark(SCENE + "r:" + c)
        return total

    def _mark(self, feature: str) -> int:
        """One feature's lanes and found count, without its count (a scene's mark does not set the scale)."""
        v = self._lanes.get(feature)
        return 0 if v is None else v + (1 << self._found_shift)

    def _word(self, word: str) -> int:
        packed = self._words.get(word)
        if packed is None:
            packed = self._words[word] = self._packed(word_features(word))
        return packed

    def _pair(self, a: str, b: str) -> int:
        packed = self._pairs.get((a, b))
        if packed is None:
            packed = self._pairs[(a, b)] = self._packed(pair_features(a, b))
        return packed

    def _run(self, pair: tuple[str, str]) -> int:
        packed = self._runs.get(pair)
        if packed is None:
            packed = self._runs[pair] = self._word(pair[0]) + self._pair(*pair)
        return packed

    def _packed(self, feats: list[str]) -> int:
        """The features' lanes summed, with their counts in the two lanes above."""
        lanes, found = self._lanes, 1 << self._found_shift
        total = len(feats) << self._count_shift
        for f in feats:
            v = lanes.get(f)
            if v is not None:
                total += v + found
        return total


_FUNCTION_WORDS = frozenset([
    "the", "and", "for", "that", "this", "with", "was", "are", "but", "not", "you", "your", "they", "them",
    "their", "there", "have", "has", "had", "from", "all", "any", "can", "our", "out", "its", "it's", "just",
    "what", "when", "who", "will", "would", "been", "were", "she", "her", "his", "him", "one", "get", "got", "about",
    "into", "some", "like", "then", "than", "she's", "he's", "they're", "i'm", "i've", "don't",
])


#: Beside a row's flagged categories in training, a flag of a rule the model vets (a rule's ``vetted_by``) is marked
#: "category<by" (``vet_mark``); the model file keeps that flag's bars under the same mark.
VETS = "<"


def vet_mark(category: str, by: str) -> str:
    """The mark of a rule's flag of ``category`` whose tier the model's ``by`` probability decides (layers.py)."""
    return f"{category}{VETS}{by}"


def probability(z: float) -> float:
    """A margin (logit) as a probability (the logistic function; 0 far below, where exp would overflow)."""
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def _logit(p: float) -> float:
    if p >= 1.0:
        return math.inf
    return -math.inf if p <= 0.0 else math.log(p / (1.0 - p))


def pack(categories: list[str], weights: dict[str, list[float]], bias: list[float],
         thresholds: dict[str, dict[str, float]], meta: dict[str, Any], vetted: dict[str, dict[str, float]] | None = None) -> dict[str, Any]:
    """The JSON document of a model: weights quantised to int16 (the loss is below 1/30000 of the largest)."""
    feats = sorted(weights)
    top = max((abs(v) for f in feats for v in weights[f]), default=1.0) or 1.0
    scale = top / 32767
    packed = array.array("h", (round(v / scale) for f in feats for v in weights[f]))
    if sys.byteorder == "big":
        packed.byteswap()  # the file is little-endian on every machine (_lanes reads it so)
    return {"format": FORMAT, "ngram": NGRAM, **meta, "categories": list(categories), "bias": list(bias), "thresholds": thresholds,
            **({"vetted": vetted} if vetted else {}), "scale": scale, "features": feats, "weights": base64.b64encode(packed.tobytes()).decode("ascii")}


def load_model() -> LearnedModel | None:
    """The shipped English model, read once per process; None when the app ships without one."""
    return _load(MODEL_RESOURCE)


def load_languages_model() -> LearnedModel | None:
    """The shipped model for messages in other languages, read once per process; None when the app ships without one."""
    return _load(LANGUAGES_RESOURCE)


@cache
def _load(resource: str) -> LearnedModel | None:
    try:
        text = read_text(resource)
    except FileNotFoundError:
        return None
    return LearnedModel(json.loads(text))
