"""Commands: scan and evaluate: detection under the code of conduct it cites (policy commands: policy_cmds)."""

import argparse
import json
import sys
from pathlib import Path

from rep_assistant.commands.common import format_option, open_from_args, print_rows, store_options
from rep_assistant.core.chats import find_chat
from rep_assistant.core.policy import DEFAULT_POLICY_ID, Policy, active_policy, load_policy
from rep_assistant.core.settings import Settings

_TABLE_COLUMNS = ("id", "timestamp", "author", "category", "tier", "severity", "clause_id", "explanation")


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the top-level parser."""
    p = sub.add_parser("scan", parents=[store_options()],
                       help="flag likely breaches of the code of conduct in a chat, each with the clause it breaches")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("file", type=Path, nargs="?", metavar="FILE", help="a WhatsApp export to import and scan")
    which.add_argument("--chat", metavar="NAME", help="scan a chat already in the store")
    which.add_argument("--demo", action="store_true", help="scan the bundled demo chat (made-up people)")
    p.add_argument("--policy", metavar="ID_OR_FILE", help="the policy to cite (default: the active one in settings)")
    format_option(p)
    p.set_defaults(func=cmd_scan)

    p = sub.add_parser("evaluate", help="score detection against a labelled chat (precision, recall, F1 per category, "
                                        "for the main queue and the 'worth a look' tier apart and together)")
    p.add_argument("labels", type=Path, nargs="+", metavar="LABELS.jsonl",
                   help="one JSON object per message: timestamp, author, text, labels, group")
    p.add_argument("--policy", default=DEFAULT_POLICY_ID, help="policy to detect under (default: builtin:model)")
    p.add_argument("--flags", type=Path, help="score this 'scan --format jsonl' output instead of detecting afresh")
    p.add_argument("--rules-only", action="store_true", help="detect with the rules alone, without the learned model")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=cmd_evaluate)


def _policy_from_args(ref: str | None, settings: Settings) -> Policy:
    return load_policy(ref) if ref else active_policy(settings)


def cmd_scan(args: argparse.Namespace) -> int:
    # Imported here: compiling the rules costs ~0.15 s, which no other command should pay at start-up.
    from rep_assistant.core.detection.scan import FLAG_COLUMNS, flag_rows, scan_chat

    if args.demo:
        from rep_assistant.core.demo import demo_settings, prepare_demo
        from rep_assistant.core.store import open_store

        # The demo's own class settings (its school's published number, its rep), never the rep's.
        settings = demo_settings()
        db_path, chat_id = prepare_demo()
        store = open_store(db_path, actor=settings.actor)
    else:
        settings = Settings.load()
        store = open_from_args(args, create=args.file is not None)
    policy = _policy_from_args(args.policy, settings)
    with store:
        if args.file is not None:
            from rep_assistant.core.importing.import_scan import import_and_scan

            result = import_and_scan(store, args.file, policy=policy, settings=settings)[1]
        else:
            if args.chat is not None:
                chat_id = find_chat(store, args.chat)["id"]
            result = scan_chat(store, chat_id, policy=policy, settings=settings)
        rows = flag_rows(store, result.chat_id)
    if args.format == "jsonl":
        print_rows(rows, FLAG_COLUMNS, "jsonl")
    else:
        print_rows(rows, _TABLE_COLUMNS, "table")
        print(f"{result.messages} messages scanned under {policy.id}: {result.flags_active} flags "
              f"({result.flags_new} new, {result.flags_retired} no longer raised{_kept(result.flags_kept)}).", file=sys.stderr)
    return 0


def _kept(n: int) -> str:
    """The flags the scan no longer raises that stay because the rep decided them (none: nothing said)."""
    return f"; {n} no longer raised but kept as you decided them" if n else ""


def cmd_evaluate(args: argparse.Namespace) -> int:
    from rep_assistant.core.detection.evaluation import evaluate_files, format_report

    report = evaluate_files(args.labels, args.policy, args.flags, rules_only=args.rules_only)
    print(json.dumps(report.as_dict(), indent=2) if args.json else format_report(report))
    return 0
