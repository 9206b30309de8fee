"""Parsing WhatsApp "Export chat" files (.txt or .zip) into entries, in every format variant.

- ``parse_text(text)`` parses a string (tests, pasted text);
- ``read_export(path)`` opens a file and ``iter_export_rows(source)`` streams its rows, which
  is what the importer uses; ``parse_export(path)`` is both together into Entry objects.
"""

import io
from collections.abc import Iterator
from pathlib import Path

from rep_assistant.core.importing.parsing.decoding import iter_chunks
from rep_assistant.core.importing.parsing.entry import Entry, Row
from rep_assistant.core.importing.parsing.parser import FileFormat, iter_rows, scan
from rep_assistant.core.importing.parsing.source import ExportSource, chat_name_from_filename, read_export


def parse_text(text: str, label: str = "the text") -> list[Entry]:
    """Every entry of an export given as a string; BadExportError when it is not a chat."""
    data = text.encode("utf-8", errors="surrogatepass")

    def chunks() -> Iterator[str]:
        return iter_chunks(lambda: io.BytesIO(data), "utf-8", label)

    fmt = scan(chunks, label)
    return [Entry.from_row(row) for row in iter_rows(chunks, fmt)]


def iter_export_rows(source: ExportSource) -> tuple[FileFormat, Iterator[Row]]:
    """Pass one now (so a bad file fails before anything is written), pass two as rows stream."""
    fmt = scan(source.chunks, source.label)
    return fmt, iter_rows(source.chunks, fmt)


def parse_export(path: Path | str) -> list[Entry]:
    """Every entry of a .txt or .zip export file."""
    with read_export(path) as source:
        _, rows = iter_export_rows(source)
        return [Entry.from_row(row) for row in rows]


__all__ = [
    "Entry",
    "ExportSource",
    "FileFormat",
    "Row",
    "chat_name_from_filename",
    "iter_export_rows",
    "parse_export",
    "parse_text",
    "read_export",
]
