"""Pieces every command shares: the --db option, opening the store, output formats."""

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rep_assistant.core import paths
from rep_assistant.core.errors import NotFoundError
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store, open_store

#: What a terminal would act on rather than show: C0 controls but tab and newline (ESC starts
#: escape sequences, CR overwrites a line), DEL, C1 controls, and the surrogate escapes Python
#: gives bytes of a file name that are not UTF-8 (which no UTF-8 stream can even encode).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with everything a terminal would obey written out as an escape (``\\u001b``).

    Exports are other people's text: an ESC sequence in a message must not recolour, retitle or
    clear the rep's terminal when a command echoes it. The \\uXXXX form is also valid inside JSON.
    """
    return _UNSAFE.sub(_escaped, text)


class TerminalSafeStream:
    """A text stream that passes everything written through ``terminal_safe``.

    The CLI puts one over stdout and stderr, so every command's output is covered, not only
    the ones someone remembered: tables, JSON lines, drafts and error sentences naming files.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def store_options() -> argparse.ArgumentParser:
    """A parent parser adding --db, so every command accepts it after its own arguments too."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="the store file to use (default: the one in your data folder)")
    return parent


def positive_int(text: str) -> int:
    """An argparse type for counts: SQLite reads a negative LIMIT as "no limit", the opposite of what was typed."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Store:
    """The store named by --db (or the default one), acting as the rep named in settings.

    Only commands that bring data in (``create``) may start a new store: anywhere else a
    mistyped --db would quietly create an empty store and report that it holds nothing.
    """
    settings = Settings.load()
    path = getattr(args, "db", None) or paths.default_db_path()
    if not create and not Path(path).exists():
        raise NotFoundError(f"There is no store at {path}; check --db, or import a chat first.")
    return open_store(path, actor=settings.actor)


def print_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str = "table",
               out: Any = None) -> None:
    """Print rows as an aligned table, JSON lines or CSV."""
    out = out or sys.stdout
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")  # a bare CR is escaped on a terminal
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _cell(row.get(c)) for c in columns})
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    out.write("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    for r in cells:
        out.write("  ".join(_clip(v, w).ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value).replace("\n", " ⏎ ")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_option(parser: argparse.ArgumentParser, choices: Iterable[str] = ("table", "jsonl")) -> None:
    parser.add_argument("--format", choices=list(choices), default="table", help="output format (default: table)")
