"""From the export's bytes to text chunks the header regex can run over.

Exports are UTF-8, but a file that went through a Windows editor may be UTF-16 (with or
without a BOM) or carry a UTF-8 BOM; stray U+FEFF marks are removed everywhere (hand-edited
files have them at line starts, inside ``[`` and inside URLs, and they never mean anything).
Text is read in bounded chunks so a 1M-message export never sits in memory as one string.
Each chunk starts with the newline before its first line (see header.py for why) and ends
just before a newline, so no line is ever split between two chunks.
"""

import codecs
import io
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import BinaryIO, TextIO

from rep_assistant.core.errors import BadExportError

#: Characters per chunk; big enough that per-chunk overhead vanishes, small enough to bound memory.
CHUNK_CHARS = 1 << 21

OpenText = Callable[[], AbstractContextManager[TextIO]]


def sniff_encoding(head: bytes) -> str | None:
    """The codec for a file starting with ``head``, or None when it looks binary."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if b"\x00" not in sample:
        return "utf-8"
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def text_stream(binary: BinaryIO, encoding: str) -> TextIO:
    """Decode strictly with universal newlines (CR LF and CR become LF)."""
    return io.TextIOWrapper(binary, encoding=encoding, errors="strict", newline=None)


def iter_chunks(open_text: OpenText, label: str) -> Iterator[str]:
    """Newline-led chunks of the whole text, U+FEFF removed; BadExportError on binary or bad bytes."""
    carry = "\n"
    try:
        with open_text() as stream:
            while True:
                block = stream.read(CHUNK_CHARS)
                if not block:
                    break
                if "\x00" in block:
                    raise BadExportError(f"{label} is a binary file, not a WhatsApp chat export; choose the .txt or .zip that WhatsApp's 'Export chat' made.")
                if "\ufeff" in block:
                    block = block.replace("\ufeff", "")
                text = carry + block
                cut = text.rfind("\n")
                if cut <= 0:
                    carry = text
                    continue
                yield text[:cut]
                carry = text[cut:]
    except UnicodeDecodeError as exc:
        raise BadExportError(
            f"{label} is not UTF-8 or UTF-16 text (byte {exc.start} cannot be read), so it is not a WhatsApp chat export; "
            "export the chat again from WhatsApp and choose that file."
        ) from exc
    yield carry
