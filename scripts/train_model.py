#!/usr/bin/env python3
"""Train the learned layer and write resources/model/learned.json.

usage: scripts/train_model.py [LABELS.jsonl ...] [--out FILE] [--epochs N] [--l2 X] ...

Default data: every ../shared/corpus/*/labels.jsonl and ../shared/eval/dev/labels.jsonl
(one chat each; the corpus's ios/ folders are the same chats rendered again and are not
read), the team's own labelled sets in tests/data/labelled/*.jsonl (written by the team in
its own words, none from ../shared), read together as one more chat "team", and each
tests/data/labelled/writers/<name>.jsonl as a chat of its own named <name>; writers.csv there
says who wrote which (each writer wrote two), and the calibration leaves out a writer's chats
together. tests/data/labelled/messages/<name>.jsonl are sets of single messages written apart by
outside writers (the hard categories and their near misses, one labelled message per line: author,
text, expect, also; those the writer marked ambiguous are not used): the model learns from them
but they never calibrate it (a set of messages is not a chat, so it says nothing of false alarms).
The model file records the SHA-256 of the data (writers.csv included), the files' names and
sizes and every parameter, and the SHA-256 of what the rules flag on that data (the model
reads the rules' flags as features and is calibrated with them, so a change to the rules means
retraining); it is the same bytes for the same data, rules and parameters on any machine.
"""

import argparse
import csv
import dataclasses
import json
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rep_assistant.core.detection.evaluation import messages_from_labels, read_labels  # noqa: E402
from rep_assistant.core.detection.layers import detect_all  # noqa: E402
from rep_assistant.core.detection.learned.model import vet_mark  # noqa: E402
from rep_assistant.core.detection.learned.train import Params, data_checksum, flags_checksum, train  # noqa: E402
from rep_assistant.core.detection.rules.data import vetted_rules  # noqa: E402
from rep_assistant.core.detection.rules.languages import reads_as_english  # noqa: E402
from rep_assistant.core.policy import CATEGORY_IDS  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = ROOT / "resources" / "model" / "learned.json"
TEAM = ROOT / "tests" / "data" / "labelled"
WRITERS = TEAM / "writers"
MESSAGES = TEAM / "messages"
WHO_WROTE = "writers.csv"
#: A set of messages read as a chat: one message a day at ten, so no run of messages, no quiet hours.
_FIRST_DAY = date(2025, 1, 6)


def default_data() -> list[Path]:
    """The labelled chats of ../shared (empty when it is absent)."""
    return sorted(SHARED.glob("corpus/*/labels.jsonl")) + sorted(SHARED.glob("eval/dev/labels.jsonl"))


def team_data() -> list[Path]:
    """The team's own labelled sets (one chat, "team")."""
    return sorted(TEAM.glob("*.jsonl"))


def writer_data() -> list[Path]:
    """The labelled chats written for training by writers outside the team, one writer per file."""
    return sorted(WRITERS.glob("*.jsonl"))


def message_data() -> list[Path]:
    """The sets of single labelled messages written apart by outside writers (teach the model, never calibrate it)."""
    return sorted(MESSAGES.glob("*.jsonl"))


def training_data() -> list[Path]:
    """Everything the shipped model is trained on, in the order its checksum reads it."""
    return default_data() + team_data() + writer_data() + message_data()


def fit_only(paths: list[Path]) -> set[str]:
    """The chats among ``paths`` that are sets of messages."""
    return {chat_name(p) for p in paths if _in(p, MESSAGES)}


def _in(path: Path, folder: Path) -> bool:
    """Whether ``path`` is a file directly in ``folder`` (a path given relative to where the script is run counts)."""
    return path.resolve().parent == folder.resolve()


def checksummed() -> list[Path]:
    """What the model's data checksum reads: the training data, then who wrote which chat."""
    manifest = WRITERS / WHO_WROTE
    return training_data() + ([manifest] if manifest.exists() else [])


def who_wrote() -> dict[str, str]:
    """By writer's chat, its writer (writers.csv); a chat missing there is a writer of its own."""
    manifest = WRITERS / WHO_WROTE
    if not manifest.exists():
        return {}
    with manifest.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if any(not (row.get("chat") or "").strip() or not (row.get("writer") or "").strip() for row in rows):
        raise SystemExit(f"train_model: every row of {manifest} needs a chat and its writer")
    wrote = {row["chat"].strip(): row["writer"].strip() for row in rows}
    if clash := set(wrote.values()) & {chat_name(p) for p in training_data()}:
        # an unlisted chat is a writer of its own, named as itself: a writer named like a chat would take it in
        raise SystemExit(f"train_model: a writer in {manifest} is named like a chat ({', '.join(sorted(clash))}); rename the writer")
    return wrote


def clashing_writers() -> list[str]:
    """The writers' chats named like a ../shared chat or "team" (their rows would silently join that chat)."""
    taken = {chat_name(p) for p in default_data()} | {"team"}
    return sorted({chat_name(p) for p in writer_data()} & taken)


#: How a set of single messages' chat name starts (``chat_name``).
MESSAGE_SET = "messages-"


def chat_name(path: Path) -> str:
    """A labels file's chat: its folder's name (corpus/b_glasgow_s2/labels.jsonl is 'b_glasgow_s2'); the team's sets are
    one chat, "team"; any other file (a writer's, writers/<name>.jsonl) is a chat named by its stem."""
    if _in(path, TEAM):
        return "team"
    if _in(path, MESSAGES):
        return f"{MESSAGE_SET}{path.stem}"
    return path.parent.name if path.name == "labels.jsonl" else path.stem


def read_chats(paths: list[Path]) -> dict[str, list[dict]]:
    """The labelled rows of ``paths`` by chat (``chat_name``), files of one chat joined in the order given."""
    chats: dict[str, list[dict]] = {}
    for p in paths:
        chats.setdefault(chat_name(p), []).extend(message_rows(p) if _in(p, MESSAGES) else read_labels(p))
    return chats


def message_rows(path: Path) -> list[dict]:
    """A set of single messages as the rows of a chat: the writer's category and any others it breaches as labels."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or (row := json.loads(line)).get("ambiguous"):
            continue
        labels = sorted({row["expect"], *row.get("also", [])}) if row.get("expect") else []
        when = _FIRST_DAY + timedelta(days=len(out))
        out.append({"timestamp": f"{when.isoformat()}T10:00", "author": row.get("author") or "Parent", "text": row["text"],
                    "labels": labels, "group": None})
    if unknown := {c for r in out for c in r["labels"]} - set(CATEGORY_IDS):
        raise SystemExit(f"train_model: {path} uses unknown categories: {', '.join(sorted(unknown))}")
    return out


def rule_flags(chats: dict[str, list[dict]]) -> dict[str, list[frozenset[str]]]:
    """By chat, by row, the categories the rules (every category, both tiers, no model) flag, and a vet mark
    ("personal-data<individual-child") for each flag of a rule that puts its flags to the model (``vetted_by``) on a
    message the model can read (``reads_as_english``), as a scan puts them (layers.py)."""
    vetted = vetted_rules()
    out = {}
    for name, rows in chats.items():
        flags: list[set[str]] = [set() for _ in rows]
        messages = messages_from_labels(rows)
        # A set of single messages, each written apart, is read a message at a time: read as one chat, one message's
        # author would be a grown-up named in another's text, and family and behaviour checks would join strangers.
        parts = [[m] for m in messages] if name.startswith(MESSAGE_SET) else [messages]
        for part in parts:
            for f in detect_all(part, None, model=False):
                flags[f.message_id].add(f.category)
                if f.rule_id in vetted and reads_as_english(rows[f.message_id]["text"]):
                    flags[f.message_id].add(vet_mark(f.category, vetted[f.rule_id]))
        out[name] = [frozenset(s) for s in flags]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", type=Path, nargs="*", help="labelled chats (default: ../shared corpus and eval/dev, the team's sets and the writers' chats)")
    ap.add_argument("--out", type=Path, default=OUT)
    for f in dataclasses.fields(Params):
        ap.add_argument("--" + f.name.replace("_", "-"), type=type(f.default), default=f.default)
    args = ap.parse_args(argv)
    paths = args.labels or training_data()
    if not args.labels and not default_data():
        print(f"train_model: no labelled chats given and none under {SHARED}", file=sys.stderr)
        return 2
    if not args.labels and (clashes := clashing_writers()):
        print(f"train_model: a writer's chat is named like another chat ({', '.join(clashes)}); rename its file", file=sys.stderr)
        return 2
    params = Params(**{f.name: getattr(args, f.name) for f in dataclasses.fields(Params)})
    chats = read_chats(paths)
    flagged = rule_flags(chats)
    checked = paths if args.labels else checksummed()
    meta = {"trained_by": "scripts/train_model.py", "data_sha256": data_checksum(checked), "rule_flags_sha256": flags_checksum(flagged),
            "data": [{"chat": chat_name(p), "file": f"{p.parent.name}/{p.name}", "bytes": p.stat().st_size} for p in paths]}
    try:
        document = train(chats, params, meta=meta, flagged=flagged, writers={} if args.labels else who_wrote(), fit_only=fit_only(paths))
    except ValueError as exc:
        print(f"train_model: {exc}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB, {len(document['features']):,} features, data sha256 {meta['data_sha256'][:16]}…)")
    for c, t in document["thresholds"].items():
        print(f"  {c:24} worth a look from {t['look']:.3f}, main queue from {t['main']:.3f}, a rule's flag withdrawn under {t['withdraw']:.3f}")
    for mark, t in document.get("vetted", {}).items():
        print(f"  {mark}: the flag stays in the main queue from {t['confirm']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
