"""Score detection against a labelled chat: per-category precision, recall and F1.

A labelled file has one JSON object per message (timestamp, author, text, labels, group),
as ../shared/eval/dev/labels.jsonl. Messages sharing a ``group`` are one unit: a flag on
any of them finds the unit, and flags on its other messages are not false alarms. The
command is ``rep-assistant evaluate LABELS.jsonl [--policy ID] [--flags SCAN.jsonl]``.
"""

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rep_assistant.core.detection.rules import Message, detect
from rep_assistant.core.errors import RepError
from rep_assistant.core.policy import CATEGORIES, CATEGORY_IDS, Policy, load_policy


@dataclass
class Unit:
    labels: set[str] = field(default_factory=set)
    predicted: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Report:
    per_category: dict[str, Score]
    breach_recall: float
    false_alarm_rate: float
    benign_units: int
    labelled_units: int

    def as_dict(self) -> dict[str, Any]:
        return {"breach_recall": self.breach_recall, "false_alarm_rate": self.false_alarm_rate,
                "benign_units": self.benign_units, "labelled_units": self.labelled_units,
                "categories": {c: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn}
                               for c, s in self.per_category.items()}}


def _read_jsonl(path: Path, what: str, needs: Sequence[str]) -> list[dict[str, Any]]:
    """Every line an object with ``needs``: a hand-written file must fail as a sentence naming the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RepError(f"The {what} {path} cannot be read ({getattr(exc, 'strerror', None) or exc}).") from exc
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        if not isinstance(row, dict) or any(not isinstance(row.get(key), str) for key in needs):
            raise RepError(f"Line {number} of the {what} {path} is not a JSON object with {', '.join(needs)}; "
                           "fix that line.")
        rows.append(row)
    return rows


def read_labels(path: Path) -> list[dict[str, Any]]:
    rows = _read_jsonl(path, "labels file", ("timestamp", "author", "text"))
    unknown = {c for r in rows for c in r.get("labels", []) if c not in CATEGORIES}
    if unknown:
        raise RepError(f"The labels file {path} uses unknown categories: {', '.join(sorted(unknown))}.")
    for r in rows:  # group names are per file: "p1" in two files is two runs
        if r.get("group"):
            r["group"] = f"{path.name}:{r['group']}"
    return rows


def messages_from_labels(rows: Sequence[dict[str, Any]]) -> list[Message]:
    return [Message(i, r["timestamp"], r["author"], r["text"]) for i, r in enumerate(rows)]


def predict(rows: Sequence[dict[str, Any]], policy: Policy | None) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    for f in detect(messages_from_labels(rows), policy):
        out[f.message_id].add(f.category)
    return out


def predictions_from_flags(rows: Sequence[dict[str, Any]], flags: Iterable[dict[str, Any]]) -> dict[int, set[str]]:
    """Match a scan's jsonl output to labelled messages by minute, author and text."""
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        index[(r["timestamp"][:16], r["author"], r["text"])].append(i)
    out: dict[int, set[str]] = defaultdict(set)
    for f in flags:
        for i in index.get((f["timestamp"][:16], f.get("author"), f.get("text")), []):
            out[i].add(f["category"])
    return out


def score(rows: Sequence[dict[str, Any]], predicted: dict[int, set[str]], categories: Iterable[str] = CATEGORY_IDS) -> Report:
    units: dict[Any, Unit] = {}
    for i, r in enumerate(rows):
        unit = units.setdefault(r.get("group") or ("msg", i), Unit())
        unit.labels.update(r.get("labels", []))
        unit.predicted.update(predicted.get(i, ()))
    cats = list(categories)
    per = {}
    for c in cats:
        tp = sum(1 for u in units.values() if c in u.labels and c in u.predicted)
        fp = sum(1 for u in units.values() if c not in u.labels and c in u.predicted)
        fn = sum(1 for u in units.values() if c in u.labels and c not in u.predicted)
        per[c] = Score(tp, fp, fn)
    breach = [c for c in cats if CATEGORIES[c].default == "breach"]
    b_tp = sum(per[c].tp for c in breach)
    b_fn = sum(per[c].fn for c in breach)
    benign = [u for u in units.values() if not u.labels]
    alarms = sum(1 for u in benign if u.predicted & set(cats))
    return Report(per, b_tp / (b_tp + b_fn) if b_tp + b_fn else 1.0, alarms / len(benign) if benign else 0.0,
                  len(benign), len(units) - len(benign))


def format_report(report: Report) -> str:
    lines = [f"{'category':24} {'prec':>6} {'recall':>6} {'f1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for c, s in report.per_category.items():
        if s.tp + s.fp + s.fn:
            lines.append(f"{c:24} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp:4} {s.fp:4} {s.fn:4}")
    lines.append(f"breach recall {report.breach_recall:.3f}; false alarms on benign messages "
                 f"{report.false_alarm_rate:.1%} ({report.benign_units} benign, {report.labelled_units} labelled units)")
    return "\n".join(lines)


def evaluate_files(labels: Sequence[Path], policy_id: str, flags: Path | None = None) -> Report:
    """Score ``policy_id`` on the labelled files, detecting afresh or from a scan's jsonl output."""
    policy = load_policy(policy_id)
    rows = [r for path in labels for r in read_labels(path)]
    covered = sorted(policy.covered, key=CATEGORY_IDS.index)
    if flags is None:
        return score(rows, predict(rows, policy), covered)
    return score(rows, predictions_from_flags(rows, _read_jsonl(flags, "flags file", ("timestamp", "category"))), covered)
