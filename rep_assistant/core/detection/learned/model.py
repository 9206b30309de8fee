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
from dataclasses import dataclass
from functools import cache
from typing import Any

from rep_assistant.core.detection.learned.features import MIN_WORDS, features, words_of
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


class LearnedModel:
    """Weights by feature, biases and thresholds by category, and where they came from (``meta``)."""

    def __init__(self, document: dict[str, Any]) -> None:
        if document.get("format") != FORMAT:
            raise RepError(f"The learned model has format {document.get('format')!r}; this version reads format {FORMAT}.")
        self.meta: dict[str, Any] = {k: v for k, v in document.items() if k not in ("features", "weights")}
        self.categories: tuple[str, ...] = tuple(document["categories"])
        self.bias: tuple[float, ...] = tuple(document["bias"])
        self.main: tuple[float, ...] = tuple(document["thresholds"][c]["main"] for c in self.categories)
        self.look: tuple[float, ...] = tuple(document["thresholds"][c]["look"] for c in self.categories)
        n = len(self.categories)
        packed = array.array("h")
        packed.frombytes(base64.b64decode(document["weights"]))
        scale = document["scale"]
        values = [v * scale for v in packed]
        self.weights: dict[str, tuple[float, ...]] = {
            f: tuple(values[i * n:(i + 1) * n]) for i, f in enumerate(document["features"])}
        self._zero = (0.0,) * n

    @classmethod
    def from_weights(cls, categories: list[str], weights: dict[str, list[float]], bias: list[float],
                     thresholds: dict[str, dict[str, float]], meta: dict[str, Any]) -> "LearnedModel":
        return cls(pack(categories, weights, bias, thresholds, meta))

    def margins(self, words: list[str]) -> tuple[float, ...] | None:
        """Each category's logit for a message's words, or None when it is too short to score."""
        if len(words) < MIN_WORDS:
            return None
        feats = features(words)
        hits = [self.weights[f] for f in self.weights.keys() & feats]
        norm = 1.0 / math.sqrt(len(feats))
        if not hits:
            return tuple(b for b in self.bias)
        return tuple(b + s * norm for b, s in zip(self.bias, map(math.fsum, zip(*hits, strict=True)), strict=True))

    def score(self, text: str) -> list[Scored]:
        """The categories at or above their 'worth a look' threshold, most confident first."""
        return self.score_words(words_of(text))

    def score_words(self, words: list[str]) -> list[Scored]:
        """``score`` for a message already split by ``features.words_of``."""
        margins = self.margins(words)
        if margins is None:
            return []
        out = []
        for i, z in enumerate(margins):
            p = _sigmoid(z)
            if p >= self.look[i]:
                cat = self.categories[i]
                out.append(Scored(cat, p, MAIN if p >= self.main[i] else WORTH_A_LOOK, self.top_words(words, i)))
        out.sort(key=lambda s: -s.confidence)
        return out

    def top_words(self, words: list[str], index: int, k: int = 3) -> tuple[str, ...]:
        """The message's words (and word pairs) that pushed hardest towards category ``index``."""
        seen: dict[str, float] = {}
        for w in words:
            weight = self.weights.get("~" + w, self._zero)[index]
            if weight > 0:
                seen[w] = weight
        for a, b in itertools.pairwise(words):
            weight = self.weights.get(f"~{a} {b}", self._zero)[index]
            if weight > 0 and weight > max(seen.get(a, 0.0), seen.get(b, 0.0)):
                seen[f"{a} {b}"] = weight
        return tuple(sorted(seen, key=lambda w: -seen[w])[:k])


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def pack(categories: list[str], weights: dict[str, list[float]], bias: list[float],
         thresholds: dict[str, dict[str, float]], meta: dict[str, Any]) -> dict[str, Any]:
    """The JSON document of a model: weights quantised to int16 (the loss is below 1/30000 of the largest)."""
    feats = sorted(weights)
    top = max((abs(v) for f in feats for v in weights[f]), default=1.0) or 1.0
    scale = top / 32767
    packed = array.array("h", (round(v / scale) for f in feats for v in weights[f]))
    return {"format": FORMAT, **meta, "categories": list(categories), "bias": list(bias), "thresholds": thresholds,
            "scale": scale, "features": feats, "weights": base64.b64encode(packed.tobytes()).decode("ascii")}


@cache
def load_model() -> LearnedModel | None:
    """The shipped model, read once per process; None when the app ships without one."""
    try:
        text = read_text(MODEL_RESOURCE)
    except FileNotFoundError:
        return None
    return LearnedModel(json.loads(text))
