"""Commands: incident, members, member warn|remove|readmit, draft, bundle: acting on a breach.

The ``member`` word is shared with the data-duties commands (export, erase):
``member_subcommands(sub)`` returns its sub-parsers whoever registers first, so each module
adds its own verbs under it without caring about the order in COMMAND_MODULES.
"""

import argparse
import os
import sys
from pathlib import Path

from rep_assistant.commands.common import format_option, open_from_args, print_rows, store_options
from rep_assistant.core import paths
from rep_assistant.core.acting import incidents
from rep_assistant.core.acting import register as members_register
from rep_assistant.core.acting.bundle import RenderPdf, export_bundle, make_bundle
from rep_assistant.core.acting.drafting import BUILTIN_KINDS, Draft, create_draft, record_draft_use
from rep_assistant.core.acting.eml import save_eml
from rep_assistant.core.acting.report import describe_action
from rep_assistant.core.chats import find_chat
from rep_assistant.core.duties.audit_sentences import Names
from rep_assistant.core.duties.erasure import find_member
from rep_assistant.core.errors import RepError
from rep_assistant.core.settings import Settings

MEMBER_COLUMNS = ("member", "status", "messages", "confirmed_flags", "warnings", "removals", "readmissions",
                  "removed_at", "removal_reason", "removal_clause", "removed_by")
INCIDENT_COLUMNS = ("id", "chat", "status", "flags", "members", "title", "updated_at")


def member_subcommands(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The sub-parsers of ``rep-assistant member``, created on first use."""
    parser = sub.choices.get("member")
    if parser is None:
        parser = sub.add_parser("member", help="act on one member: warn, remove, readmit, export, erase")
        return parser.add_subparsers(dest="member_command", metavar="ACTION", required=True)
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def pdf_renderer() -> RenderPdf:
    """Qt's PDF renderer, imported only now; offscreen when there is no display."""
    if os.name == "posix" and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from rep_assistant.ui.pdf import render_pdf
    except ImportError as exc:  # Qt's system libraries are missing
        raise RepError(f"The PDF report needs Qt, which cannot load here ({exc}); './dev setup' installs what it needs.") from exc
    return render_pdf


# -- incidents -------------------------------------------------------------------------------

def _incident_create(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        print(incidents.create_incident(store, args.flag, note=args.note, title=args.title))
    return 0


def _incident_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        chat_id = find_chat(store, args.chat)["id"] if args.chat else None
        print_rows(incidents.list_incidents(store, chat_id), INCIDENT_COLUMNS, args.format)
    return 0


def _incident_update(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        if args.flag:
            incidents.add_flags(store, args.id, args.flag)
        incident = incidents.update_incident(store, args.id, status=args.status, note=args.note)
        print(f"Incident {incident['id']}: {incident['status']}, {len(incident['flag_ids'])} flag(s).")
    return 0


def _incident_show(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        incident = incidents.get_incident(store, args.id)
        print(f"Incident {incident['id']} ({incident['status']}) in {incident['chat_name']}: {incident['title']}")
        print(f"Flags: {', '.join(map(str, incident['flag_ids']))}")
        names = Names(store)
        for action in incident["actions"]:
            print(f"  {action['at']}  {describe_action(action, names)}")
        for note in incident["notes"]:
            print(f"  note {note['created_at']}: {note['text']}")
    return 0


# -- register ----------------------------------------------------------------------------------

def _members(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        rows = members_register.register_rows(store, find_chat(store, args.chat)["id"])
    for row in rows:
        last = row.pop("last_removal") or {}
        row.update({"removed_at": last.get("at"), "removal_reason": last.get("reason"),
                    "removal_clause": last.get("clause_id"), "removed_by": last.get("actor")})
    print_rows(rows, MEMBER_COLUMNS, args.format)
    return 0


def _member_event(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        member = find_member(store, args.chat, args.author)
        members_register.record_member_event(store, member.chat_id, member.id, args.member_command, args.reason,
                                     clause_id=args.clause, flag_id=args.flag)
    done = {"warn": "Warning recorded for", "remove": "Removal recorded for", "readmit": "Re-admission recorded for"}
    print(f"{done[args.member_command]} {args.author} in {args.chat}.")
    return 0


# -- drafts and bundles --------------------------------------------------------------------------

def _draft_text(draft: Draft) -> str:
    """As printed or saved: an e-mail's To and Subject head it, so one paste carries everything."""
    return (f"To: {draft.to or ''}\nSubject: {draft.subject}\n\n" if draft.is_email else "") + draft.body


def _draft(args: argparse.Namespace) -> int:
    """Print the draft (nothing recorded: reading is not acting), or save it as text or .eml (recorded)."""
    settings = Settings.load()
    with open_from_args(args) as store:
        attach = args.format == "eml" and not args.no_bundle
        draft = create_draft(store, args.kind, settings, flag_id=args.flag, incident_id=args.incident, attached=attach)
        if args.format == "eml":
            if not args.out:
                raise RepError("An .eml draft is a file: give --out FILE.eml.")
            bundle = None
            if draft.incident_id is not None and attach:
                bundle = make_bundle(store, draft.incident_id, settings, render_pdf=pdf_renderer(),
                                     redact=False if args.no_redact else None)
            else:
                draft.body = draft.with_bundle_note(draft.body, attached=False)
            if draft.is_email and not draft.to:
                print("rep-assistant: the school's e-mail is not set (Settings, school_email), so the draft has no To: line.",
                      file=sys.stderr)
            save_eml(store, draft, args.out, bundle)
            print(f"Saved {args.out}" + (f" with {bundle.filename} attached" if bundle else "") + "; open it to review and send.")
            return 0
        if args.out:
            try:
                paths.write_private(args.out, _draft_text(draft))
            except OSError as exc:
                raise RepError(f"{args.out} could not be written ({exc.strerror or exc}); choose a folder you can write to.") from exc
            record_draft_use(store, draft, "saved")
            return 0
    sys.stdout.write(_draft_text(draft))
    return 0


def _bundle(args: argparse.Namespace) -> int:
    settings = Settings.load()
    with open_from_args(args) as store:
        bundle = export_bundle(store, args.incident, args.out, settings, render_pdf=pdf_renderer(),
                               redact=False if args.no_redact else None)
    masked = "masked" if bundle.redacted else "NOT masked (everything as posted)"
    print(f"Wrote {args.out}: {len(bundle.names)} files, {masked}; manifest SHA-256 {bundle.manifest_sha256}.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the top-level parser."""
    common = store_options()
    incident = sub.add_parser("incident", help="group confirmed flags into incidents and track them")
    verbs = incident.add_subparsers(dest="incident_command", metavar="ACTION", required=True)
    p = verbs.add_parser("create", parents=[common], help="open an incident over confirmed flags; prints its id")
    p.add_argument("--flag", type=int, action="append", required=True, metavar="ID", help="a confirmed flag (repeat for more)")
    p.add_argument("--note", help="a note to keep with the incident")
    p.add_argument("--title", help="a title (default: the categories and the date)")
    p.set_defaults(func=_incident_create)
    p = verbs.add_parser("list", parents=[common], help="list incidents, newest first")
    p.add_argument("--chat", help="only this chat's incidents")
    format_option(p)
    p.set_defaults(func=_incident_list)
    p = verbs.add_parser("update", parents=[common], help="change an incident's status, add a note or more flags")
    p.add_argument("id", type=int, metavar="ID", help="incident id (from 'incident list')")
    p.add_argument("--status", choices=incidents.STATUSES, help="reported once the school has it, resolved when done")
    p.add_argument("--note", help="a note to add")
    p.add_argument("--flag", type=int, action="append", metavar="ID", help="add a confirmed flag (repeat for more)")
    p.set_defaults(func=_incident_update)
    p = verbs.add_parser("show", parents=[common], help="an incident's flags, actions taken and notes")
    p.add_argument("id", type=int, metavar="ID", help="incident id (from 'incident list')")
    p.set_defaults(func=_incident_show)

    p = sub.add_parser("members", parents=[common], help="the members register: warnings, removals, re-admissions")
    p.add_argument("chat", metavar="CHAT", help="the chat's name or id")
    format_option(p)
    p.set_defaults(func=_members)
    member = member_subcommands(sub)
    for verb, what in (("warn", "record a warning"), ("remove", "record a removal"), ("readmit", "record a re-admission")):
        p = member.add_parser(verb, parents=[common], help=f"{what} in the register")
        p.add_argument("chat", metavar="CHAT", help="the chat's name")
        p.add_argument("author", metavar="AUTHOR", help="the member's name as it appears in the chat")
        p.add_argument("--reason", required=True, help="a short reason, for the record")
        p.add_argument("--clause", metavar="ID", help="the clause concerned (default: the flag's)")
        p.add_argument("--flag", type=int, metavar="ID", help="the flag this is about")
        p.set_defaults(func=_member_event)

    p = sub.add_parser("draft", parents=[common], help="a polite draft message from a template",
                       description=f"Kinds: {', '.join(BUILTIN_KINDS)}, or a template you added.")
    p.add_argument("kind", metavar="KIND", help=" | ".join(BUILTIN_KINDS))
    about = p.add_mutually_exclusive_group(required=True)
    about.add_argument("--flag", type=int, metavar="ID", help="the flag the message is about")
    about.add_argument("--incident", type=int, metavar="ID", help="the incident the message is about")
    p.add_argument("--format", choices=("text", "eml"), default="text",
                   help="text (default) or eml: an unsent e-mail draft with the incident bundle attached")
    p.add_argument("--out", type=Path, metavar="FILE", help="write here instead of printing")
    p.add_argument("--no-bundle", action="store_true", help="with --format eml: attach nothing")
    p.add_argument("--no-redact", action="store_true", help="with --format eml: attach the bundle without masking")
    p.set_defaults(func=_draft)

    p = sub.add_parser("bundle", parents=[common], help="export an incident bundle (zip) for the school")
    p.add_argument("incident", type=int, metavar="INCIDENT", help="incident id (from 'incident list')")
    p.add_argument("--out", type=Path, required=True, metavar="PATH", help="the .zip file to write")
    p.add_argument("--no-redact", action="store_true", help="do not mask bystanders' details and children's names")
    p.set_defaults(func=_bundle)

