"""Score detection against a labelled chat: per-category precision, recall and F1.

A labelled file has one JSON object per message (timestamp, author, text, labels, group),
as ../shared/eval/dev/labels.jsonl. Messages sharing a ``group`` are one unit: a flag on
any of them finds the unit, and flags on its other messages are not false alarms. The
command is ``rep-assistant evaluate LABELS.jsonl [--policy ID] [--flags SCAN.jsonl] [--rules-only]``.

Flags come in two tiers (the main queue and "worth a look"), and each is scored on its own
and both together: the main queue must stay near free of false alarms, while recall is
judged on both, as the rep sees both.
"""

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rep_assistant.core.detection.layers import detect_all
from rep_assistant.core.detection.rules import Message
from rep_assistant.core.detection.tiers import MAIN, TIERS, WORTH_A_LOOK
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

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the categories the labelled chat has (a category it lacks has no recall to average)."""
        present = [s.f1 for s in self.per_category.values() if s.tp + s.fn]
        return sum(present) / len(present) if present else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {"breach_recall": self.breach_recall, "false_alarm_rate": self.false_alarm_rate, "macro_f1": self.macro_f1,
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


#: Predicted categories by labelled row, for each tier.
Tiered = dict[str, dict[int, set[str]]]


@dataclass(frozen=True)
class TieredReport:
    """The main queue, the "worth a look" tier, and both together, scored alike."""

    main: Report
    look: Report
    both: Report

    def as_dict(self) -> dict[str, Any]:
        return {**self.both.as_dict(), "tiers": {MAIN: self.main.as_dict(), WORTH_A_LOOK: self.look.as_dict()}}


def predict_tiers(rows: Sequence[dict[str, Any]], policy: Policy | None, *, model: Any = True) -> Tiered:
    """What the whole detector (``model=True``: rules and the shipped learned model) flags, by tier."""
    out: Tiered = {t: defaultdict(set) for t in TIERS}
    for f in detect_all(messages_from_labels(rows), policy, model=model):
        out[f.tier][f.message_id].add(f.category)
    return out


def predict(rows: Sequence[dict[str, Any]], policy: Policy | None, *, model: Any = False) -> dict[int, set[str]]:
    """Every tier's predictions together (by default the rules' alone)."""
    return union(predict_tiers(rows, policy, model=model))


def union(tiered: Tiered) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    for predicted in tiered.values():
        for i, cats in predicted.items():
            out[i] |= cats
    return out


def predictions_from_flags(rows: Sequence[dict[str, Any]], flags: Iterable[dict[str, Any]]) -> Tiered:
    """Match a scan's jsonl output to labelled messages by minute, author and text (no ``tier``: the main queue)."""
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        index[(r["timestamp"][:16], r["author"], r["text"])].append(i)
    out: Tiered = {t: defaultdict(set) for t in TIERS}
    for f in flags:
        tier = f.get("tier") or MAIN
        if tier not in out:
            raise RepError(f"A flag in the flags file has the tier {tier!r}; a tier is one of {', '.join(TIERS)}.")
        for i in index.get((f["timestamp"][:16], f.get("author"), f.get("text")), []):
            out[tier][i].add(f["category"])
    return out


def score_tiers(rows: Sequence[dict[str, Any]], tiered: Tiered, categories: Iterable[str] = CATEGORY_IDS) -> TieredReport:
    cats = list(categories)
    return TieredReport(score(rows, tiered[MAIN], cats), score(rows, tiered[WORTH_A_LOOK], cats), score(rows, union(tiered), cats))


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


def format_report(report: TieredReport) -> str:
    """Per category: precision and recall of the main queue, of "worth a look", and of both (with F1 and counts)."""
    head = f"{'':24} {'main queue':>13} {'worth a look':>13} {'both tiers':>34}"
    cols = f"{'category':24} {'prec':>6} {'recall':>6} {'prec':>6} {'recall':>6} {'prec':>6} {'recall':>6} {'f1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
    lines = [head, cols]
    for c, s in report.both.per_category.items():
        if s.tp + s.fp + s.fn:
            m, k = report.main.per_category[c], report.look.per_category[c]
            lines.append(f"{c:24} {m.precision:6.2f} {m.recall:6.2f} {k.precision:6.2f} {k.recall:6.2f} "
                         f"{s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp:4} {s.fp:4} {s.fn:4}")
    for name, r in (("main queue", report.main), ("worth a look", report.look), ("both tiers", report.both)):
        lines.append(f"{name + ':':13} breach recall {r.breach_recall:.3f}; false alarms on benign messages "
                     f"{r.false_alarm_rate:.1%}; macro-F1 {r.macro_f1:.3f}")
    lines.append(f"({report.both.benign_units} benign, {report.both.labelled_units} labelled units)")
    return "\n".join(lines)


def evaluate_files(labels: Sequence[Path], policy_id: str, flags: Path | None = None, *, rules_only: bool = False) -> TieredReport:
    """Score ``policy_id`` on the labelled files, detecting afresh (rules and learned model) or from a scan's jsonl output."""
    policy = load_policy(policy_id)
    rows = [r for path in labels for r in read_labels(path)]
    covered = sorted(policy.covered, key=CATEGORY_IDS.index)
    if flags is None:
        return score_tiers(rows, predict_tiers(rows, policy, model=not rules_only), covered)
    return score_tiers(rows, predictions_from_flags(rows, _read_jsonl(flags, "flags file", ("timestamp", "category"))), covered)
