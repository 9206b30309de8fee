"""Commands: audit verify|list, purge, member export|erase, backup, restore, settings: the rep's duties as data controller."""

import argparse
import sys
from pathlib import Path

from rep_assistant.commands.act_cmds import member_subcommands
from rep_assistant.commands.common import format_option, open_from_args, positive_int, print_rows, store_options
from rep_assistant.core import paths
from rep_assistant.core.acting.drafting.fields import short_stamp
from rep_assistant.core.duties import audit, audit_sentences, backup, erasure, retention, subject_access, upkeep
from rep_assistant.core.errors import RepError
from rep_assistant.core.settings import DECLARED, Settings, save_settings

AUDIT_COLUMNS = ("id", "at", "actor", "action", "objects", "details")


def _audit_verify(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        result = upkeep.verify_log(store, args.head)
    print(result.sentence(), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _audit_list(args: argparse.Namespace) -> int:
    """Sentences by default; jsonl is the log exactly as stored (with each entry's hash), csv has both."""
    with open_from_args(args) as store:
        rows = audit.entries(store.db.conn, since=args.since, until=args.until, action=args.action,
                             actor=args.actor, limit=args.limit)
        if args.format != "jsonl":
            names = audit_sentences.Names(store)
            for row in rows:
                row["what"] = audit_sentences.sentence(row, names)
    if args.format == "table":
        if not rows:
            print("No audit entries match.")
        for row in rows:
            print(f"{row['id']:>5}  {short_stamp(row['at']):<17}  {row['what']}")
    else:
        print_rows(rows, (*AUDIT_COLUMNS, "what") if args.format == "csv" else (*AUDIT_COLUMNS, "hash"), args.format)
    damaged = [str(row["id"]) for row in rows if row.get("damaged")]
    if damaged:
        print(f"Entries {', '.join(damaged)} are damaged (not valid JSON): the log was altered; "
              "'rep-assistant audit verify' says where.", file=sys.stderr)
        return 1
    return 0


def _purge(args: argparse.Namespace) -> int:
    settings = Settings.load()
    days = args.older_than if args.older_than is not None else settings["retention_days"]
    if not days:
        raise RepError("Retention is off (retention_days is 0): give --older-than DAYS, or set it with "
                       "'rep-assistant settings set retention_days DAYS'.")
    with open_from_args(args) as store:
        plan = retention.plan_purge(store, days, args.chat)
        print(f"Message text from before {plan.cutoff}:")
        for chat in plan.chats:
            print(f"  {chat.chat}: {chat.messages} messages, {chat.first} to {chat.last}")
        if plan.kept_for_incidents:
            print(f"  kept because an open incident needs them: {plan.kept_for_incidents} messages")
        if not plan.total:
            print("Nothing to purge.")
            return 0
        if args.dry_run:
            print(f"Dry run: {plan.total} messages would be purged; nothing was changed.")
            return 0
        blanked = retention.purge(store, plan)
    print(f"Purged the text of {blanked} messages.")
    return 0


def _member_export(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        html_path, json_path, counts = subject_access.export(store, args.chat, args.author, args.out)
    print(f"Wrote {html_path} and {json_path} (readable only by you): "
          + ", ".join(f"{n} {key.replace('_', ' ')}" for key, n in counts.items()) + ".")
    return 0


def _member_erase(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        plan = erasure.preview(store, args.chat, args.author)
        print(f"Erasing {args.author} from {args.chat} deletes {plan.messages} messages, {plan.media_files} media files "
              f"only they sent, {plan.notes} notes about them and the reasons on {plan.register_reasons} register "
              f"entries; {plan.flags} flags and the register stay, under the name {plan.member.pseudonym}.")
        if plan.exports:
            print(f"{len(plan.exports)} exports about them saved in the data folder are deleted too "
                  "(ones you saved elsewhere are yours to delete).")
        if plan.open_incidents:
            print(f"Note: {plan.open_incidents} open incidents involve their messages; the school may still need them.")
        mentions = sum(plan.mentions.values())
        if mentions:
            print(f"Their name appears in {mentions} stored texts (names, events, notes, other messages); those will read {plan.member.pseudonym}.")
        if not args.yes:
            if not sys.stdin.isatty():
                raise RepError("Erasure cannot be undone: add --yes to confirm it.")
            if input("Type ERASE to confirm: ").strip() != "ERASE":
                print("Not erased.")
                return 1
        done = erasure.erase(store, args.chat, args.author)
    print(f"Erased. {args.author} is now {plan.member.pseudonym} in {args.chat}; the erasure is in the audit log.")
    if not done.compacted:
        print("The store file could not be compacted yet (another window is using it); that last step, which "
              "overwrites the freed space, is finished the next time Rep Assistant opens the store.")
    return 0


def _backup(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        info = backup.backup(store, args.out)
    print(f"Backed up {info.messages} messages and {info.audit_entries} audit entries to {info.path} (sha256 {info.sha256}).")
    return 0


def _restore(args: argparse.Namespace) -> int:
    db = getattr(args, "db", None) or paths.default_db_path()
    done = backup.restore(db, args.file, actor=Settings.load().actor, keep_previous=args.keep_previous)
    print(f"Restored {done.info.messages} messages and {done.info.audit_entries} audit entries from {args.file} into {db}.")
    print(done.summary())
    return 0


def _settings_show(args: argparse.Namespace) -> int:
    settings = Settings.load()
    print_rows([{"name": s.name, "value": settings[s.name], "help": s.help} for s in DECLARED], ("name", "value", "help"), args.format)
    return 0


def _settings_set(args: argparse.Namespace) -> int:
    settings = Settings.load()
    with open_from_args(args, create=True) as store:
        changed = save_settings(settings, {args.name: args.value}, store)
    print(f"{args.name} is now {settings[args.name]!r}." if changed else f"{args.name} was already {settings[args.name]!r}.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the top-level parser."""
    common = store_options()

    audit_parser = sub.add_parser("audit", help="check or list the tamper-evident record of what you did")
    verbs = audit_parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    p = verbs.add_parser("verify", parents=[common], help="check the audit log's hash chain (exit 1 if it was tampered with)")
    p.add_argument("--head", metavar="HASH", help="a head hash you wrote down earlier: the log must still contain it")
    p.set_defaults(func=_audit_verify)
    p = verbs.add_parser("list", parents=[common],
                         help="list audit entries, oldest first, as sentences (jsonl: exactly as stored)")
    p.add_argument("--since", metavar="DATE", help="from this date (YYYY-MM-DD) or time on")
    p.add_argument("--until", metavar="DATE", help="up to and including this date or time")
    p.add_argument("--action", metavar="A", help="only this action (e.g. purge), or a family (member.*)")
    p.add_argument("--actor", metavar="NAME", help="only entries by this person")
    p.add_argument("--limit", type=positive_int, metavar="N", help="at most N entries")
    format_option(p, ("table", "jsonl", "csv"))
    p.set_defaults(func=_audit_list)

    p = sub.add_parser("purge", parents=[common], help="delete old message text (retention); open incidents are kept")
    p.add_argument("--older-than", type=int, metavar="DAYS", help="text older than this (default: the retention_days setting)")
    p.add_argument("--chat", metavar="NAME", help="only this chat")
    p.add_argument("--dry-run", action="store_true", help="say what would be removed, change nothing")
    p.set_defaults(func=_purge)

    member = member_subcommands(sub)
    p = member.add_parser("export", parents=[common], help="subject access: everything held about one person (HTML + JSON)")
    p.add_argument("chat", metavar="CHAT", help="the chat's name")
    p.add_argument("author", metavar="AUTHOR", help="their name or number as shown in the chat")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.html and FILE.json are written")
    p.set_defaults(func=_member_export)
    p = member.add_parser("erase", parents=[common], help="erasure: remove one person's messages and name (cannot be undone)")
    p.add_argument("chat", metavar="CHAT", help="the chat's name")
    p.add_argument("author", metavar="AUTHOR", help="their name or number as shown in the chat")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=_member_erase)

    p = sub.add_parser("backup", parents=[common], help="write a consistent copy of the store to a file")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="a new file (an existing one is never overwritten)")
    p.set_defaults(func=_backup)
    p = sub.add_parser("restore", parents=[common],
                       help="replace the store with a checked backup (erasures and purges made since are applied again)")
    p.add_argument("file", type=Path, metavar="FILE", help="a file written by 'rep-assistant backup'")
    p.add_argument("--keep-previous", action="store_true",
                   help="keep the replaced store beside it as NAME.bak-DATE (default: no copy is kept)")
    p.set_defaults(func=_restore)

    settings_parser = sub.add_parser("settings", help="show or change your settings (changes are audited)")
    verbs = settings_parser.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    p = verbs.add_parser("show", help="list every setting with its value")
    format_option(p)
    p.set_defaults(func=_settings_show)
    p = verbs.add_parser("set", parents=[common], help="change one setting")
    p.add_argument("name", choices=[s.name for s in DECLARED], metavar="NAME", help="a setting ('settings show' lists them)")
    p.add_argument("value", metavar="VALUE", help="its new value")
    p.set_defaults(func=_settings_set)
