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
from typing import BinaryIO

from rep_assistant.core.errors import BadExportError

#: Characters per chunk: big enough that per-chunk overhead vanishes,
#: small enough to bound memory, and small enough that the regex passes over one chunk (which
#: hold the GIL, ~15 ms per 512 KiB) keep the GUI thread waiting well under 100 ms (4 MiB made ~100).
CHUNK_SIZE = 1 << 19
#: A longer line means a file that is not a chat (it would otherwise be held whole in memory).
MAX_LINE = 64 << 20

def not_an_export(label: str, why: str) -> BadExportError:
    """The one sentence for a file that is not a chat export: which file, what is wrong, what to do."""
    return BadExportError(f"{label} {why}; choose the .txt or .zip file that WhatsApp's 'Export chat' made.")


def _too_long(label: str) -> BadExportError:
    return not_an_export(label, f"has a line longer than {MAX_LINE >> 20} MiB, so it is not a WhatsApp chat export")


OpenBinary = Callable[[], AbstractContextManager[BinaryIO]]
#: A callable giving a fresh iterator over the chunks of one text (each parsing pass calls it).
Chunks = Callable[[], Iterator[str]]


def sniff_encoding(head: bytes) -> str | None:
    """The codec for a file starting with ``head``, or None when it looks binary."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"  # the BOM is U+FEFF, removed with the stray ones
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


def iter_chunks(open_binary: OpenBinary, encoding: str, label: str) -> Iterator[str]:
    """Newline-led chunks of the whole text with LF line ends and no U+FEFF.

    One text stream decodes every encoding, and its ``newline=None`` turns ``\r\n`` and a lone
    ``\r`` into ``\n`` even when a read ends between the two. BadExportError for bytes that
    are not text in ``encoding`` or that hold NUL characters.
    """
    carry = "\n"
    try:
        with open_binary() as binary:
            stream = io.TextIOWrapper(binary, encoding=encoding, errors="strict", newline=None)
            while block := stream.read(CHUNK_SIZE):
                if "\x00" in block:
                    raise not_an_export(label, "is a binary file, not a WhatsApp chat export")
                if "\ufeff" in block:
                    block = block.replace("\ufeff", "")
                text = carry + block
                cut = text.rfind("\n")
                if cut <= 0:
                    if len(text) > MAX_LINE:
                        raise _too_long(label)
                    carry = text
                    continue
                yield text[:cut]
                carry = text[cut:]
    except UnicodeDecodeError as exc:
        raise not_an_export(label, "is not UTF-8 or UTF-16 text, so it is not a WhatsApp chat export") from exc
    yield carry
