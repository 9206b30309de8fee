"""Commands: policy import|show|list|use|gaps|facts: the school's code of conduct that flags cite.

Import says loudly what the document covers: every category with the clause that covers it,
or what happens to it instead (the document's general clause, advisory under the model
wording, or not flagged). A poor import (few rules, most categories missing) is never made
active without the rep saying they have seen its gaps.
"""

import argparse
import json
import sys
from pathlib import Path

from rep_assistant.commands.common import format_option, open_from_args, print_rows, store_options
from rep_assistant.core.errors import PolicyError, RepError
from rep_assistant.core.policy import (
    CATEGORIES,
    GAP_CHOICES,
    ImportResult,
    Policy,
    active_policy,
    active_policy_id,
    coverage,
    import_policy_file,
    import_policy_text,
    list_policies,
    load_policy,
    save_policy,
    set_gap,
)
from rep_assistant.core.policy.facts import FACT_SETTINGS
from rep_assistant.core.policy.reading import MAX_BYTES, decode_text
from rep_assistant.core.settings import Settings, save_settings

_STATUS = {"covered": "covered by", "general": "general clause", "advisory": "advisory, model wording", "off": "NOT FLAGGED"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the policy commands to the top-level parser."""
    pol = sub.add_parser("policy", help="import, show, list or choose the code of conduct flags cite")
    psub = pol.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    p = psub.add_parser("import", parents=[store_options()],
                        help="read a school's code of conduct (.docx, .pdf, .odt, .html, .txt, or '-' for pasted text)")
    p.add_argument("document", metavar="DOCUMENT", help="the school's document, or - to read pasted text from standard input")
    p.add_argument("--name", help="the policy's name (default: the school's name found in the document)")
    format_option(p, ("table", "json"))
    p.set_defaults(func=cmd_policy_import)
    p = psub.add_parser("show", help="list a policy's clauses and the categories each covers")
    p.add_argument("policy", nargs="?", metavar="ID", help="policy id or file (default: the active policy)")
    format_option(p)
    p.set_defaults(func=cmd_policy_show)
    p = psub.add_parser("list", help="list the built-in and imported policies")
    format_option(p)
    p.set_defaults(func=cmd_policy_list)
    p = psub.add_parser("use", parents=[store_options()], help="make a policy the active one")
    p.add_argument("policy", metavar="ID", help="policy id (from 'policy list')")
    p.add_argument("--accept-gaps", action="store_true", help="make a poor import active anyway, having read its gaps")
    p.set_defaults(func=cmd_policy_use)
    p = psub.add_parser("gaps", help="choose what happens to a category the school's document doesn't cover")
    p.add_argument("policy", metavar="ID", help="policy id (from 'policy list')")
    p.add_argument("category", choices=list(CATEGORIES), metavar="CATEGORY", help="an uncovered category")
    p.add_argument("choice", choices=list(GAP_CHOICES), metavar="CHOICE",
                   help="general (cite the document's general clause), advisory (model wording) or off (don't flag)")
    p.set_defaults(func=cmd_policy_gaps)
    p = psub.add_parser("facts", parents=[store_options()], help="show the school facts read from a policy; --apply puts them in settings")
    p.add_argument("policy", nargs="?", metavar="ID", help="policy id (default: the active policy)")
    p.add_argument("--apply", action="store_true", help="copy the facts into settings (after checking them)")
    p.set_defaults(func=cmd_policy_facts)


def _read_pasted() -> str:
    raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise PolicyError("The pasted text is too long to be a code of conduct.")
    return decode_text(raw, "the pasted text")


def coverage_report(policy: Policy, result: ImportResult | None = None) -> dict[str, object]:
    """What the CLI's --format json prints and the GUI shows: coverage, gaps, facts and changes."""
    rows = coverage(policy)
    report: dict[str, object] = {
        "policy": policy.id, "school": policy.school, "title": policy.title, "version": policy.version,
        "clauses": len(policy.clauses), "rules": sum(1 for c in policy.clauses if c.kind != "info"),
        "covered": sorted(policy.document_covered), "poor": policy.is_poor, "coverage": [r.as_dict() for r in rows],
        "facts": dict(policy.facts),
    }
    if result is not None and result.previous is not None:
        report["changes"] = result.as_dict()
    return report


def print_coverage(policy: Policy) -> None:
    for row in coverage(policy):
        where = f" {row.number}" if row.number else ""
        quote = f": “{_short(row.text)}”" if row.text else ""
        print(f"  {row.category:24} {_STATUS[row.status]}{where}{quote}")


def _short(text: str, limit: int = 90) -> str:
    """A clause cut to fit a line; an item quoted with its lead-in shows the item ("…: Bringing the school…")."""
    if len(text) > limit and ": " in text:
        text = "…" + text.split(": ", 1)[1]
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cmd_policy_import(args: argparse.Namespace) -> int:
    text = _read_pasted() if args.document == "-" else None
    result = (import_policy_text(text, name=args.name, save=False) if text is not None
              else import_policy_file(Path(args.document), name=args.name, save=False))
    policy = result.policy
    with open_from_args(args, create=True) as store, store.transaction():  # one transaction: the audit entry and the file
        save_policy(policy)
        store.audit("policy.import", objects={"policy": policy.id},
                    details={"version": policy.version, "clauses": len(policy.clauses), "covered": sorted(policy.document_covered),
                             "previous_version": result.previous.version if result.previous else None})
    if args.format == "json":
        print(json.dumps(coverage_report(policy, result), indent=2, ensure_ascii=False))
        return 0
    rules = sum(1 for c in policy.clauses if c.kind != "info")
    print(f"Imported {policy.title!r} as policy {policy.id}: {len(policy.clauses)} clauses, {rules} of them rules; "
          f"the document itself covers {len(policy.document_covered)} of {len(CATEGORIES)} categories.")
    print_coverage(policy)
    if result.previous is not None:
        print(f"Changes since version {result.previous.version}: {len(result.added)} clauses added, {len(result.removed)} removed, "
              f"{len(result.changed)} reworded; {result.corrections_kept} of your corrections kept.")
        for before, after in result.changed:
            print(f"  reworded: “{_short(before.text, 60)}” → “{_short(after.text, 60)}”")
    if policy.facts:
        print("Read from the document, for you to check: "
              + "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in policy.facts.items())
              + f" (apply with 'rep-assistant policy facts {policy.id} --apply').")
    if policy.is_poor:
        print(f"WARNING: this import is poor ({rules} rules, {len(policy.document_covered)} categories named by the document); "
              "check the document was read whole before using it.")
    print(f"Change a gap with 'rep-assistant policy gaps {policy.id} CATEGORY general|advisory|off'; "
          f"check clauses with 'rep-assistant policy show {policy.id}', then 'rep-assistant policy use {policy.id}'.")
    return 0


def cmd_policy_show(args: argparse.Namespace) -> int:
    policy = load_policy(args.policy) if args.policy else active_policy(Settings.load())
    rows = [{"clause": c.number, "kind": c.kind, "categories": ", ".join(c.categories), "text": c.text} for c in policy.clauses]
    if args.format == "table":
        print(f"{policy.title} ({policy.id}, version {policy.version}){' — ' + policy.school if policy.school else ''}")
    print_rows(rows, ("clause", "kind", "categories", "text"), args.format)
    return 0


def cmd_policy_list(args: argparse.Namespace) -> int:
    active = active_policy_id()
    rows = [{"id": p.id, "active": "yes" if p.id == active else "", "school": p.school, "title": p.title,
             "clauses": len(p.clauses), "covers": len(p.document_covered)} for p in list_policies()]
    print_rows(rows, ("id", "active", "school", "title", "clauses", "covers"), args.format)
    return 0


def cmd_policy_use(args: argparse.Namespace) -> int:
    if Path(args.policy).suffix:
        raise RepError("Give a policy id ('rep-assistant policy list'); import a document first with 'rep-assistant policy import'.")
    policy = load_policy(args.policy)
    print(f"{policy.title} ({policy.id}) covers:")
    print_coverage(policy)
    if policy.is_poor and not args.accept_gaps:
        raise PolicyError(f"{policy.id} is a poor import (it names only {len(policy.document_covered)} categories); "
                          "read the gaps above, then run this again with --accept-gaps to use it anyway.")
    settings = Settings.load()
    previous = settings.get("active_policy")
    with open_from_args(args, create=True) as store, store.transaction():
        store.audit("policy.activate", objects={"policy": policy.id},
                    details={"previous": previous, "version": policy.version, "poor": policy.is_poor})
        settings.set("active_policy", policy.id)
        settings.save()
    print(f"Flags now cite {policy.title!r} ({policy.id}); scan again to update existing flags.")
    return 0


def cmd_policy_gaps(args: argparse.Namespace) -> int:
    policy = set_gap(load_policy(args.policy), args.category, args.choice)
    save_policy(policy)
    row = next(r for r in coverage(policy) if r.category == args.category)
    print(f"{args.category} under {policy.id}: {_STATUS[row.status]}" + (f": “{_short(row.text)}”" if row.text else "") + ".")
    return 0


def cmd_policy_facts(args: argparse.Namespace) -> int:
    settings = Settings.load()
    policy = load_policy(args.policy) if args.policy else active_policy(settings)
    if not policy.facts:
        print(f"{policy.id} names no school facts (name, e-mail, phone, escalation, quiet hours); set them in Settings.")
        return 0
    for key, value in policy.facts.items():
        print(f"  {key.replace('_', ' '):14} {value}" + (f"   (settings now: {settings[FACT_SETTINGS[key]] or '-'})" if key in FACT_SETTINGS else ""))
    if args.apply:
        changes = {FACT_SETTINGS[k]: v for k, v in policy.facts.items() if k in FACT_SETTINGS}
        with open_from_args(args, create=True) as store:
            save_settings(settings, changes, store)
        print(f"Settings updated: {', '.join(changes)}.")
    return 0
