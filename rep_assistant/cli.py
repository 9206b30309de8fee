"""The ``rep-assistant`` command: the GUI when run bare, headless subcommands otherwise.

Qt is imported only when a window is wanted, so every subcommand runs on a machine without
display libraries. RepErrors, and the environment's OSErrors, become one sentence on stderr
and exit status 2; everything printed goes through ``terminal_safe``.
"""

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from rep_assistant import APP_NAME, __version__
from rep_assistant.commands import COMMAND_MODULES
from rep_assistant.commands.common import TerminalSafeStream
from rep_assistant.core.errors import Cancelled, RepError, environment_error
from rep_assistant.core.paths import default_db_path
from rep_assistant.core.store.store import describe_sqlite_error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rep-assistant",
        description=f"{APP_NAME}: review a class WhatsApp group's export against the school's code of conduct, offline.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the window on the bundled demo chat (made-up people)")
    parser.add_argument("--db", type=Path, help="the store file to use (default: the one in your data folder)")
    # nargs="*": the desktop entry runs "rep-assistant --open %F", which is bare --open from the menu.
    parser.add_argument("--open", dest="open_files", nargs="*", type=Path, default=[], metavar="EXPORT",
                        help="open the window and import these WhatsApp exports (.txt or .zip)")
    # For smoke tests of installed builds: close the window after SECONDS and print what it showed.
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafeStream(out), TerminalSafeStream(err)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def no_display() -> bool:
    """True on X11/Wayland systems with neither display set: Qt would abort with a misleading message."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            if no_display():
                raise RepError("There is no display here, so the window cannot open; run rep-assistant on your desktop, "
                               "or use its commands here (rep-assistant --help lists them).")
            from rep_assistant.ui.app import run_app  # Qt only from here on

            return run_app(db_path=args.db, demo=args.demo, open_files=args.open_files, quit_after=args.quit_after)
        return int(args.func(args) or 0)
    except RepError as exc:
        print(f"rep-assistant: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        # Damage found mid-query (a bad page deep inside) is the environment's fault, not ours.
        print(f"rep-assistant: {describe_sqlite_error(exc, _store_path(args))}", file=sys.stderr)
        return 2
    except Cancelled:
        print("rep-assistant: cancelled; nothing was changed.", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("rep-assistant: interrupted; nothing was changed.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a full disk or a permission met where no RepError was prepared for it
        print(f"rep-assistant: {environment_error(exc, exc.filename or _store_path(args).parent)}", file=sys.stderr)
        return 2


def _store_path(args: argparse.Namespace) -> Path:
    """The store the command used, for error sentences; never raises (it runs inside error handling)."""
    given = getattr(args, "db", None)
    if given:
        return Path(given)
    try:
        return default_db_path()
    except RepError:
        return Path("the store")
