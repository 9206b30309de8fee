"""The real schools' codes under tests/data/policies/real and how well an import covers them.

Scoring is per document over the categories it covers (hand labels in labels.json),
micro-averaged: a category the import finds that the labels don't is a false positive,
one the labels have that the import misses is a false negative.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rep_assistant.core.detection.evaluation import Score as CategoryScore

REAL = Path(__file__).resolve().parents[1] / "data" / "policies" / "real"


@dataclass(frozen=True)
class Labelled:
    name: str
    source: str
    split: str
    covered: frozenset[str]
    facts: tuple[tuple[str, str], ...] = ()  # school facts the document prints, where labelled: (name|email|phone, value)

    @property
    def path(self) -> Path:
        return REAL / self.name


def labelled_documents() -> list[Labelled]:
    data = json.loads((REAL / "labels.json").read_text(encoding="utf-8"))
    return [Labelled(name, row["source"], row["split"], frozenset(row["covered"]), tuple(row.get("facts", {}).items()))
            for name, row in data.items() if not name.startswith("_")]


@dataclass(frozen=True)
class Score(CategoryScore):
    """Detection's precision and recall over counted categories, here over documents' categories, and how many documents."""

    documents: int = 0


def score(docs: list[Labelled], covered_by: Callable[[Labelled], frozenset[str]]) -> Score:
    tp = fp = fn = 0
    for doc in docs:
        found = covered_by(doc)
        tp += len(found & doc.covered)
        fp += len(found - doc.covered)
        fn += len(doc.covered - found)
    return Score(tp, fp, fn, documents=len(docs))
