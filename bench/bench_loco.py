#!/usr/bin/env python3
"""Leave-one-chat-out: how the whole detector (rules + learned model) does on a chat it never saw.

usage: bench/bench_loco.py [--json OUT] [--rules-only] [--no-team] [--score-writers] [--only CHAT ...] [--param NAME=VALUE ...]

For each labelled chat in ../shared/corpus/*/ and ../shared/eval/dev/: train the learned
model and calibrate its thresholds WITHOUT that chat (learned/train.py, the shipped recipe:
the rules' flags as features; the team's own sets in tests/data/labelled as one more chat and
each writer's chat in tests/data/labelled/writers/ as a chat of its own, always in training, and the
sets of single messages in tests/data/labelled/messages/ in every fold's training, never calibrated on),
then score the chat with rules + that model, grouped runs counted as evaluate counts them.
``--score-writers`` also leaves each writer's chat out in turn (with the writer's other chat,
writers.csv) and scores it, in a table of its own: the worst-chat line is always over the
../shared chats.
Prints per chat: breach recall (main queue / both tiers), false alarms on benign messages
(main / both) and macro-F1 (main / both); per category: recall main / both on each chat;
and the WORST chat. Targets (issue #12): worst-chat breach recall >= 0.90 with both tiers,
benign false alarms <= 2% main and <= 8% both, macro-F1 >= 0.85.
"""

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_model import clashing_writers, default_data, message_data, read_chats, rule_flags, team_data, who_wrote, writer_data  # noqa: E402

from rep_assistant.core.detection.evaluation import TieredReport, predict_tiers, score_tiers  # noqa: E402
from rep_assistant.core.detection.learned.model import LearnedModel  # noqa: E402
from rep_assistant.core.detection.learned.train import Params, train  # noqa: E402
from rep_assistant.core.policy import CATEGORY_IDS, load_policy  # noqa: E402

TARGETS = {"recall_both": 0.90, "false_main": 0.02, "false_both": 0.08, "macro_f1": 0.85}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--rules-only", action="store_true", help="score the rules alone (no learned model)")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a training parameter (see learned/train.py)")
    ap.add_argument("--policy", default="builtin:model")
    ap.add_argument("--no-team", action="store_true", help="leave the team's own labelled sets (tests/data/labelled) out of training")
    ap.add_argument("--score-writers", action="store_true", help="also leave each writer's chat out in turn and score it (listed apart)")
    ap.add_argument("--only", action="append", default=[], metavar="CHAT",
                    help="leave out and score only this ../shared chat (repeatable; each chat takes 12-40 minutes on two cores)")
    args = ap.parse_args()
    paths = default_data()
    if not paths:
        print("bench_loco: ../shared/corpus is not beside this checkout", file=sys.stderr)
        return 2
    defaults = Params()
    params = dataclasses.replace(defaults, **{k: type(getattr(defaults, k))(v) for k, v in (p.split("=", 1) for p in args.param)})
    policy = load_policy(args.policy)
    covered = sorted(policy.covered, key=CATEGORY_IDS.index)
    if clashes := clashing_writers():
        print(f"bench_loco: a writer's chat is named like another chat ({', '.join(clashes)}); rename its file", file=sys.stderr)
        return 2
    shared = read_chats(paths)
    if unknown := set(args.only) - set(shared):
        print(f"bench_loco: no chat named {', '.join(sorted(unknown))} in ../shared (there are {', '.join(shared)})", file=sys.stderr)
        return 2
    writers = read_chats(writer_data())
    messages = read_chats(message_data())  # teach every fold, never scored nor calibrated on
    everything = {**shared, **({} if args.no_team else read_chats(team_data())), **writers, **messages}
    flagged = {} if args.rules_only else rule_flags(everything)
    wrote = who_wrote()
    reports: dict[str, dict[str, TieredReport]] = {}
    scored = {n: r for n, r in shared.items() if n in args.only} if args.only else shared
    for group, chats in (("shared", scored), ("writers", writers if args.score_writers else {})):
        reports[group] = {}
        for held, rows in chats.items():
            start = time.perf_counter()
            writer = wrote.get(held, held)  # a writer's other chat leaves with it: it would teach the writer's phrasing
            model = False if args.rules_only else LearnedModel(train({n: r for n, r in everything.items() if wrote.get(n, n) != writer},
                                                                       params, flagged=flagged, writers=wrote, fit_only=messages))
            reports[group][held] = score_tiers(rows, predict_tiers(rows, policy, model=model), covered)
            print(f"  {held}: trained and scored in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    print(_table(reports["shared"]))
    if reports["writers"]:
        print("\nthe writers' chats (tests/data/labelled/writers), each left out in turn; not in the worst-chat line above")
        print(_table(reports["writers"], worst=False))
    if args.json:
        args.json.write_text(json.dumps({"params": dataclasses.asdict(params), "rules_only": args.rules_only,
                                         "chats": {n: r.as_dict() for n, r in reports["shared"].items()},
                                         "writers": {n: r.as_dict() for n, r in reports["writers"].items()}}, indent=1), encoding="utf-8")
    return 0


def _table(reports: dict[str, TieredReport], worst: bool = True) -> str:
    names = list(reports)
    lines = [f"{'chat':22} {'recall main':>11} {'recall both':>11} {'false main':>10} {'false both':>10} {'F1 main':>8} {'F1 both':>8}"]
    for n, r in reports.items():
        lines.append(f"{n:22} {r.main.breach_recall:11.3f} {r.both.breach_recall:11.3f} {r.main.false_alarm_rate:10.1%} "
                     f"{r.both.false_alarm_rate:10.1%} {r.main.macro_f1:8.3f} {r.both.macro_f1:8.3f}")
    lines.append("")
    lines.append("recall by category, main / both tiers (- : the chat has none); false alarms (units) main / both")
    lines.append(f"{'category':24} " + " ".join(f"{n[:13]:>13}" for n in names) + f" {'false alarms':>13}")
    for c in next(iter(reports.values())).both.per_category:
        if not any(r.both.per_category[c].tp + r.both.per_category[c].fn for r in reports.values()):
            continue
        cells = []
        for r in reports.values():
            m, b = r.main.per_category[c], r.both.per_category[c]
            cells.append(f"{m.recall:.2f} / {b.recall:.2f}" if b.tp + b.fn else "-")
        fp_main = sum(r.main.per_category[c].fp for r in reports.values())
        fp_both = sum(r.both.per_category[c].fp for r in reports.values())
        lines.append(f"{c:24} " + " ".join(f"{x:>13}" for x in cells) + f" {f'{fp_main} / {fp_both}':>13}")
    return "\n".join(lines + _worst(reports)) if worst else "\n".join(lines)


def _worst(reports: dict[str, TieredReport]) -> list[str]:
    """The worst chat by breach recall (both tiers), and the worst of each figure against its target."""
    lines = []
    worst = min(reports, key=lambda n: reports[n].both.breach_recall)
    w = reports[worst]
    lines.append("")
    lines.append(f"WORST chat (breach recall, both tiers): {worst}: recall main {w.main.breach_recall:.3f}, both {w.both.breach_recall:.3f}; "
                 f"false alarms main {w.main.false_alarm_rate:.1%}, both {w.both.false_alarm_rate:.1%}; macro-F1 both {w.both.macro_f1:.3f}")
    worst_of = {
        "recall_both": min(r.both.breach_recall for r in reports.values()),
        "false_main": max(r.main.false_alarm_rate for r in reports.values()),
        "false_both": max(r.both.false_alarm_rate for r in reports.values()),
        "macro_f1": min(r.both.macro_f1 for r in reports.values()),
    }
    lines.append("worst over chats vs target: " + "; ".join(
        f"{k} {v:.3f} ({'meets' if (v <= TARGETS[k] if k.startswith('false') else v >= TARGETS[k]) else 'misses'} {TARGETS[k]})"
        for k, v in worst_of.items()))
    return lines


if __name__ == "__main__":
    sys.exit(main())
