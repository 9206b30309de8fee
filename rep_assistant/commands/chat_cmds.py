"""Commands: parse, import, chats, chat rename, messages: getting a WhatsApp export in and looking at it."""

import argparse
import json
import sys
from pathlib import Path

from rep_assistant.commands.common import format_option, open_from_args, positive_int, print_rows, store_options
from rep_assistant.core.chats import chat_messages, find_chat, list_chats, rename_chat, search_messages
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.importing.parsing import Entry, iter_export_rows, read_export

_ENTRY_COLUMNS = ("seq", "timestamp", "author", "kind", "text", "media", "system_event", "actor", "target")
_MESSAGE_COLUMNS = ("seq", "ts", "author", "kind", "text", "media_name", "system_event", "actor", "target")


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the top-level parser."""
    p = sub.add_parser("parse", help="parse a WhatsApp export (.txt or .zip) and print its entries, storing nothing")
    p.add_argument("file", type=Path, metavar="FILE", help="the .txt or .zip that WhatsApp's 'Export chat' made")
    format_option(p)
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("import", parents=[store_options()],
                       help="import a WhatsApp export (.txt or .zip) into the store; importing again adds only new messages")
    p.add_argument("file", type=Path, metavar="FILE", help="the .txt or .zip that WhatsApp's 'Export chat' made")
    p.add_argument("--chat", metavar="NAME", help="the chat to import into (default: the name in the export's file name)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("chats", parents=[store_options()], help="list the imported chats")
    format_option(p)
    p.set_defaults(func=cmd_chats)

    chat = sub.add_parser("chat", help="change an imported chat")
    verbs = chat.add_subparsers(dest="chat_command", metavar="ACTION", required=True)
    p = verbs.add_parser("rename", parents=[store_options()], help="give a chat a new name (drafts sign with it)")
    p.add_argument("chat", metavar="CHAT", help="the chat's current name or id")
    p.add_argument("name", metavar="NEW_NAME", help="the new name, e.g. \"Year 3 Maple\"")
    p.set_defaults(func=cmd_chat_rename)

    p = sub.add_parser("messages", parents=[store_options()], help="show a chat's messages, or search them")
    p.add_argument("chat", metavar="CHAT", help="the chat's name or id")
    p.add_argument("--search", metavar="TEXT", help="only messages containing every word of TEXT")
    p.add_argument("--limit", type=positive_int, metavar="N", help="show at most N messages")
    format_option(p)
    p.set_defaults(func=cmd_messages)


def cmd_parse(args: argparse.Namespace) -> int:
    with read_export(args.file) as source:
        _, rows = iter_export_rows(source)
        entries = (Entry.from_row(row).as_json() for row in rows)
        if args.format == "jsonl":  # streamed: a 1M-message export prints without being held in memory
            for entry in entries:
                sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
            return 0
        table = list(entries)
    print_rows(table, _ENTRY_COLUMNS, args.format)
    print(f"{len(table)} entries", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with open_from_args(args, create=True) as store:
        result = import_export(store, args.file, chat_name=args.chat)
    print(f"Imported {args.file.name} into chat {result.chat_name!r} (id {result.chat_id}): {result.entries} entries, "
          f"{result.added} added, {result.skipped} skipped as already in the store, {result.media_added} media files kept.")
    if result.already_imported:
        print("This file had been imported before; nothing new was added.")
    return 0


def cmd_chats(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        rows = list_chats(store)
    print_rows(rows, ("id", "name", "messages", "members", "first", "last", "imported"), args.format)
    return 0


def cmd_chat_rename(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        old = find_chat(store, args.chat)["name"]
        row = rename_chat(store, args.chat, args.name)
    print(f"Renamed {old!r} to {row['name']!r}." if row["name"] != old else f"The chat is already called {old!r}.")
    return 0


def cmd_messages(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        chat = find_chat(store, args.chat)
        if args.search is not None:
            rows = search_messages(store, chat["id"], args.search, limit=args.limit)
        else:
            rows = chat_messages(store, chat["id"], limit=args.limit)
    for row in rows:
        row["edited"] = bool(row["edited"])
        row["extra"] = json.loads(row["extra"]) if row["extra"] else None
    print_rows(rows, _MESSAGE_COLUMNS, args.format)
    return 0
