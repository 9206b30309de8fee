"""Commands: flag confirm|dismiss|snooze|reopen|undo — the review desk's decisions, headless.

Without these, a rep (or a script) working from the command line could scan but never
confirm a flag, and so never open an incident or draft from it.
"""

import argparse

from rep_assistant.commands.common import open_from_args, store_options
from rep_assistant.core.chats import find_chat
from rep_assistant.core.reviewing import review

_VERB_STATUS = {"confirm": "confirmed", "dismiss": "dismissed", "reopen": "new"}


def _decide(args: argparse.Namespace) -> int:
    status = "snoozed" if args.flag_command == "snooze" else _VERB_STATUS[args.flag_command]
    with open_from_args(args) as store:
        for flag_id in args.ids:
            changed = review.set_status(store, flag_id, status, snooze_until=getattr(args, "until", None))
            if args.note:
                review.add_note(store, args.note, flag_id=flag_id)
            print(f"Flag {flag_id} is {status}." if changed else f"Flag {flag_id} was already {status}.")
    return 0


def _undo(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        undone = review.undo_last(store, find_chat(store, args.chat)["id"])
    print("Nothing to undo." if undone is None else f"Flag {undone['flag_id']} is {undone['status']} again.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the top-level parser."""
    common = store_options()
    flag = sub.add_parser("flag", help="confirm, dismiss, snooze or reopen flags (the review decisions)")
    verbs = flag.add_subparsers(dest="flag_command", metavar="ACTION", required=True)
    helps = {"confirm": "confirm flags as breaches", "dismiss": "dismiss flags as false alarms",
             "reopen": "put flags back to new", "snooze": "hide flags until a date and time"}
    for verb, text in helps.items():
        p = verbs.add_parser(verb, parents=[common], help=text)
        p.add_argument("ids", type=int, nargs="+", metavar="ID", help="flag id (from scan or the review queue)")
        p.add_argument("--note", help="a note to keep with each flag")
        if verb == "snooze":
            p.add_argument("--until", required=True, metavar="WHEN", help="ISO date and time, e.g. 2025-11-20T07:00")
        p.set_defaults(func=_decide)
    p = verbs.add_parser("undo", parents=[common], help="undo the chat's most recent decision")
    p.add_argument("--chat", required=True, help="the chat's name or id")
    p.set_defaults(func=_undo)
