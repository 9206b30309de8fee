"""Load the shipped linear model and score messages with it.

The model is one-vs-rest logistic regression over the feature strings of features.py: a
message's score for a category is the bias plus the sum of the weights of the features it
has, scaled by 1/sqrt(number of features), through the logistic function. Each category has
two calibrated thresholds (scripts/train_model.py sets them on held-out chats): at or above
``main`` the flag joins the main queue; between ``look`` and ``main`` it goes to the
"worth a look" tier. The file is JSON with the weights as base64 int16, loaded in a few
hundredths of a second, never fetched from anywhere.
"""

import array
import base64
import itertools
import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from rep_assistant.core.detection.learned.features import MIN_WORDS, NGRAM, bridge_grams, join_grams, word_grams, words_of
from rep_assistant.core.detection.tiers import MAIN, WORTH_A_LOOK
from rep_assistant.core.errors import RepError
from rep_assistant.core.resources import read_text

#: Where the shipped model lives inside resources/.
MODEL_RESOURCE = "model/learned.json"
FORMAT = 1


@dataclass(frozen=True)
class Scored:
    """A category the model finds in a message, how sure it is, and the words that weighed most."""

    category: str
    confidence: float
    tier: str
    words: tuple[str, ...]


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
        self._look_margin = tuple(_logit(p) for p in self.look)
        self.scale: float = document["scale"]
        n = len(self.categories)
        quantised = array.array("h")
        quantised.frombytes(base64.b64decode(document["weights"]))
        lanes = array.array("I", (v + OFFSET for v in quantised)).tobytes()
        width = self._width = n * LANE // 8
        self.lanes: dict[str, int] = {f: int.from_bytes(lanes[i * width:(i + 1) * width], "little")
                                      for i, f in enumerate(document["features"])}
        self._index = _FeatureIndex(self.lanes)

    @classmethod
    def from_weights(cls, categories: list[str], weights: dict[str, list[float]], bias: list[float],
                     thresholds: dict[str, dict[str, float]], meta: dict[str, Any]) -> "LearnedModel":
        return cls(pack(categories, weights, bias, thresholds, meta))

    def _sum(self, words: list[str]) -> tuple[int, int, float] | None:
        """(summed lanes, features found, 1/sqrt(features)) of a message's words; None when too short to score."""
        if len(words) < MIN_WORDS:
            return None
        values = self._index.values(words)
        return sum(values), len(values) - operator.countOf(values, 0), 1.0 / math.sqrt(len(values))

    def margins(self, words: list[str]) -> tuple[float, ...] | None:
        """Each category's logit for a message's words, or None when it is too short to score."""
        summed = self._sum(words)
        return None if summed is None else tuple(self._margins(*summed))

    def _margins(self, total: int, found: int, norm: float) -> list[float]:
        lanes = array.array("I")
        lanes.frombytes(total.to_bytes(self._width, "little"))
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
        if margins is None:
            return []
        out = []
        for i, (z, least) in enumerate(zip(margins, self._look_margin, strict=True)):
            if z >= least:
                p = _sigmoid(z)
                out.append(Scored(self.categories[i], p, MAIN if p >= self.main[i] else WORTH_A_LOOK, self.top_words(words, i)))
        out.sort(key=lambda s: -s.confidence)
        return out

    def weight(self, feature: str, index: int) -> float:
        """One feature's weight for category ``index`` (0 for a feature the model does not have)."""
        packed = self.lanes.get(feature)
        return 0.0 if packed is None else (((packed >> (LANE * index)) & MASK) - OFFSET) * self.scale

    def top_words(self, words: list[str], index: int, k: int = 3) -> tuple[str, ...]:
        """The message's words (and word pairs) that pushed hardest towards category ``index``.

        Words of one or two letters and a few function words are left out: they weigh only
        through the phrases they sit in, and "the" explains nothing to a rep.
        """
        seen: dict[str, float] = {}
        for w in words:
            weight = self.weight("~" + w, index)
            if weight > 0 and _telling(w):
                seen[w] = weight
        for a, b in itertools.pairwise(words):
            weight = self.weight(f"~{a} {b}", index)
            if weight > max(seen.get(a, 0.0), seen.get(b, 0.0), 0.0) and (_telling(a) or _telling(b)):
                seen[f"{a} {b}"] = weight
        return tuple(sorted(seen, key=lambda w: -seen[w])[:k])


class _FeatureIndex:
    """A message's packed feature values, from what is remembered of each word and each pair of neighbouring words.

    ``features()`` makes ~85 feature strings per message and looks each one up. Most of them are
    the same for every message with that word (``~word`` and the n-grams inside ``_word_``) or that
    pair of words (``~a b`` and the n-grams across their ``_``), so each word and pair is turned into
    feature ids once, and a message's features are the union of its words' and pairs' ids (plus
    the few n-grams over a one-letter word and the shape marks): a set of distinct features, as in
    ``features()``, so the scores are the same. Ids the model lacks carry the value 0 and still count
    towards the message's number of features. What is remembered is dropped past ``LIMIT`` ids, so
    a long scan of ever-new words stays bounded in memory.
    """

    LIMIT = 400_000

    def __init__(self, lanes: dict[str, int]) -> None:
        self._lanes = lanes
        self._reset()

    def _reset(self) -> None:
        self._ids: dict[str, int] = {f: i for i, f in enumerate(self._lanes)}
        self._values: list[int] = list(self._lanes.values())
        self._words: dict[str, tuple[int, ...]] = {}
        self._pairs: dict[tuple[str, str], tuple[int, ...]] = {}

    def values(self, words: list[str]) -> list[int]:
        """The packed value (0: not in the model) of each distinct feature of ``words`` (from ``words_of``)."""
        if len(self._values) > len(self._lanes) + self.LIMIT:
            self._reset()
        marks = 0
        while marks < len(words) and words[-1 - marks][0] == "#":
            marks += 1
        plain = words[:len(words) - marks]
        try:
            distinct = set().union(*map(self._words.__getitem__, plain), *map(self._pairs.__getitem__, itertools.pairwise(plain)))
        except KeyError:  # a word or pair not seen before
            distinct = set().union(*map(self._word, plain), *map(self._pair, plain, plain[1:]))
        if 1 in map(len, plain):
            distinct.update(self._id_tuple(bridge_grams(plain)))
        if marks:
            distinct.update(self._id_tuple(words[len(words) - marks:]))
        return list(map(self._values.__getitem__, distinct))

    def _word(self, word: str) -> tuple[int, ...]:
        ids = self._words.get(word)
        if ids is None:
            ids = self._words[word] = self._id_tuple(["~" + word, *word_grams(word)])
        return ids

    def _pair(self, a: str, b: str) -> tuple[int, ...]:
        ids = self._pairs.get((a, b))
        if ids is None:
            ids = self._pairs[(a, b)] = self._id_tuple([f"~{a} {b}", *join_grams(a, b)])
        return ids

    def _id_tuple(self, feats: list[str]) -> tuple[int, ...]:
        ids, values = self._ids, self._values
        out = []
        for f in feats:
            i = ids.get(f)
            if i is None:
                i = ids[f] = len(values)
                values.append(0)
            out.append(i)
        return tuple(out)


_FUNCTION_WORDS = frozenset([
    "the", "and", "for", "that", "this", "with", "was", "are", "but", "not", "you", "your", "they", "them",
    "their", "there", "have", "has", "had", "from", "all", "any", "can", "our", "out", "its", "it's", "just",
    "what", "when", "who", "will", "would", "been", "were", "she", "her", "his", "him", "one", "get", "got", "about",
    "into", "some", "like", "then", "than", "she's", "he's", "they're", "i'm", "i've", "don't",
])


def _telling(word: str) -> bool:
    """A word worth showing the rep: not a shape mark, a one- or two-letter word or a function word."""
    return len(word) > 2 and word[0] != "#" and word not in _FUNCTION_WORDS


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def _logit(p: float) -> float:
    if p >= 1.0:
        return math.inf
    return -math.inf if p <= 0.0 else math.log(p / (1.0 - p))


def pack(categories: list[str], weights: dict[str, list[float]], bias: list[float],
         thresholds: dict[str, dict[str, float]], meta: dict[str, Any]) -> dict[str, Any]:
    """The JSON document of a model: weights quantised to int16 (the loss is below 1/30000 of the largest)."""
    feats = sorted(weights)
    top = max((abs(v) for f in feats for v in weights[f]), default=1.0) or 1.0
    scale = top / 32767
    packed = array.array("h", (round(v / scale) for f in feats for v in weights[f]))
    return {"format": FORMAT, "ngram": NGRAM, **meta, "categories": list(categories), "bias": list(bias), "thresholds": thresholds,
            "scale": scale, "features": feats, "weights": base64.b64encode(packed.tobytes()).decode("ascii")}


@cache
def load_model() -> LearnedModel | None:
    """The shipped model, read once per process; None when the app ships without one."""
    try:
        text = read_text(MODEL_RESOURCE)
    except FileNotFoundError:
        return None
    return LearnedModel(json.loads(text))
