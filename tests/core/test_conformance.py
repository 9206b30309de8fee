"""Every file of the shared WhatsApp conformance corpus parses to what its manifest says.

The manifest keeps text verbatim; our ``text`` drops U+FEFF everywhere and the LRM/RLM that
WhatsApp puts before placeholders and notices, so the expectations get the same treatment
(the manifest README allows exactly this). Nothing else is normalised.
"""

import json
from pathlib import Path

import pytest

from rep_assistant.core.importing.parsing import parse_export

_MANIFEST_FILES = 57


def _manifest(shared: Path) -> list[dict]:
    return json.loads((shared / "conformance" / "whatsapp" / "manifest.json").read_text(encoding="utf-8"))


def _normal_text(text: str) -> str:
    return text.replace("\ufeff", "").lstrip("\u200e\u200f")


def _expected(message: dict) -> tuple:
    author = message["author"]
    return (author.replace("\ufeff", "") if author else None, message["timestamp_iso"], _normal_text(message["text"]),
            message["system"])


def _got(entry) -> tuple:
    return entry.author, entry.timestamp.isoformat(), entry.text, entry.kind == "system"


@pytest.mark.shared
def test_manifest_lists_the_whole_corpus(shared_dir: Path) -> None:
    assert len(_manifest(shared_dir)) == _MANIFEST_FILES


@pytest.mark.shared
@pytest.mark.parametrize("index", range(_MANIFEST_FILES))
def test_file_parses_as_the_manifest_says(shared_dir: Path, index: int) -> None:
    case = _manifest(shared_dir)[index]
    entries = parse_export(shared_dir / "conformance" / "whatsapp" / case["file"])
    assert len(entries) == case["message_count"], case["file"]
    assert sum(e.author is None for e in entries) == case["authorless_count"], case["file"]
    assert _got(entries[0]) == _expected(case["first_message"]), case["file"]
    assert _got(entries[-1]) == _expected(case["last_message"]), case["file"]
    assert sum("\n" in e.text for e in entries) == case["multiline_count"], case["file"]
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
