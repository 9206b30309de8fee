"""Commands: flag confirm|dismiss|snooze|reopen|undo|add|remove|suppress|unsuppress — the review desk's decisions, headless.

Without these, a rep (or a script) working from the command line could scan but never
confirm a flag, and so never open an incident or draft from it.
"""

import argparse

from rep_assistant.commands.common import open_from_args, store_options
from rep_assistant.core.chats import find_chat
from rep_assistant.core.errors import NotFoundError
from rep_assistant.core.policy import active_policy
from rep_assistant.core.reviewing import manual, review
from rep_assistant.core.settings import Settings

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


def _add(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        chat_id = find_chat(store, args.chat)["id"]
        if store.scalar("SELECT chat_id FROM messages WHERE id = ?", (args.message,)) != chat_id:
            raise NotFoundError(f"There is no message {args.message} in {args.chat!r}; 'rep-assistant messages' lists them.")
        flag_id = manual.flag_by_hand(store, args.message, args.category, active_policy(Settings.load()), clause_id=args.clause)
        if args.note:
            review.add_note(store, args.note, flag_id=flag_id)
    print(f"Flag {flag_id}: message {args.message} flagged by hand as {args.category} (confirmed).")
    return 0


def _remove(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        for flag_id in args.ids:
            manual.unflag(store, flag_id)
            print(f"Flag {flag_id} taken back.")
    return 0


def _suppress(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        suppression_id = manual.suppress_like(store, args.id)
    print(f"Flag {args.id} dismissed; this kind of message will not be flagged in its chat again "
          f"(suppression {suppression_id}; 'flag unsuppress {suppression_id}' undoes it).")
    return 0


def _unsuppress(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        manual.lift_suppression(store, args.id)
    print(f"Suppression {args.id} lifted; re-scan the chat to flag that kind of message again.")
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
    p = verbs.add_parser("add", parents=[common], help="flag a message by hand (the scanner missed it)")
    p.add_argument("--chat", required=True, help="the chat's name or id")
    p.add_argument("--message", required=True, type=int, metavar="ID", help="the message's id")
    p.add_argument("--category", required=True, help="the breach category, e.g. threat or personal-data")
    p.add_argument("--clause", metavar="ID", help="the clause to cite (default: the active policy's clause for the category)")
    p.add_argument("--note", help="a note to keep with the flag")
    p.set_defaults(func=_add)
    p = verbs.add_parser("remove", parents=[common], help="take back flags you made by hand")
    p.add_argument("ids", type=int, nargs="+", metavar="ID", help="flag id")
    p.set_defaults(func=_remove)
    p = verbs.add_parser("suppress", parents=[common], help="dismiss a flag and never flag that kind of message in its chat again")
    p.add_argument("id", type=int, metavar="ID", help="flag id")
    p.set_defaults(func=_suppress)
    p = verbs.add_parser("unsuppress", parents=[common], help="lift a suppression (flag that kind again from the next scan)")
    p.add_argument("id", type=int, metavar="ID", help="suppression id")
    p.set_defaults(func=_unsuppress)
