"""Opening an export file (.txt or .zip) and naming its chat.

``read_export`` checks everything that can be checked before parsing (exists, is a file, is
readable, not empty, a sound zip) and turns each failure into one BadExportError sentence
naming the file, so the CLI and the GUI show the same words.
"""

import contextlib
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rep_assistant.core.errors import BadExportError
from rep_assistant.core.importing.parsing.decoding import iter_chunks, not_an_export, sniff_encoding
from rep_assistant.core.importing.parsing.zipexport import ZipExport

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
#: File-name forms WhatsApp gives exports, per language (FORMATS.md section 11).
_NAME_FORMS = [re.compile(p) for p in (
    r"^WhatsApp Chat with (?P<name>.+)$",
    r"^WhatsApp Chat - (?P<name>.+)$",
    r"^WhatsApp Chat mit (?P<name>.+)$",
    r"^WhatsApp-chat met (?P<name>.+)$",
    r"^Chat WhatsApp s uživatelem (?P<name>.+)$",
    r"^Chat WhatsApp s (?P<name>.+)$",
    r"^Чат WhatsApp с контактом (?P<name>.+)$",
    r"^Чат WhatsApp с (?P<name>.+)$",
    r"^Chat de WhatsApp con (?P<name>.+)$",
    r"^Discussion WhatsApp avec (?P<name>.+)$",
    r"^Conversa do WhatsApp com (?P<name>.+)$",
    r"^Chat di WhatsApp con (?P<name>.+)$",
)]
_COPY_SUFFIX = re.compile(r" ?\(\d{1,3}\)$")


def readable_name(name: str) -> str:
    """A file name as text that can be stored and shown: bytes that are not UTF-8 become U+FFFD.

    Python hands such names over with "surrogate escapes", which SQLite (and any UTF-8 output)
    refuses; the file itself is still opened by its real name.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def chat_name_from_filename(stem: str) -> str | None:
    """The chat's name from an export's file name (without extension), or None if it is not one."""
    stem = _COPY_SUFFIX.sub("", stem.replace("\u00a0", " ").replace("\u202f", " ").strip())
    for form in _NAME_FORMS:
        m = form.match(stem)
        if m:
            return m["name"].strip()
    return None


#: What iOS and Android call the text inside an export; such a file says nothing about the chat.
_BARE_STEMS = frozenset({"chat", "_chat", "whatsapp chat"})


def _folder_name(path: Path) -> str | None:
    """A bare "_chat.txt" from an unpacked export is named by its folder ("WhatsApp Chat - Year 3 Maple/")."""
    if path.stem.casefold() not in _BARE_STEMS:
        return None
    return chat_name_from_filename(path.resolve().parent.name)


@dataclass
class ExportSource:
    """An export ready to parse: where its text is, what it is called, and its fingerprint."""

    path: Path
    label: str
    #: The file's name as storable text (see ``readable_name``).
    file_name: str
    chat_name: str
    size: int
    sha256: str
    encoding: str
    zip: ZipExport | None = None

    @contextlib.contextmanager
    def open_binary(self) -> Iterator[BinaryIO]:
        """A fresh byte stream of the chat text (each parsing pass opens its own)."""
        try:
            binary = self.zip.open_chat() if self.zip else open(self.path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise BadExportError(f"{self.label} cannot be read ({exc.strerror or exc}); check the file and try again.") from exc
        try:
            yield binary
        finally:
            binary.close()

    def chunks(self) -> Iterator[str]:
        """The chat text as newline-led chunks (see decoding.py)."""
        return iter_chunks(self.open_binary, self.encoding, self.label)

    def close(self) -> None:
        if self.zip:
            self.zip.close()

    def __enter__(self) -> "ExportSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _hash_file(path: Path) -> tuple[str, int, bytes]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        head = f.read(1 << 16)
        digest.update(head)
        size += len(head)
        while block := f.read(1 << 20):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size, head


def read_export(path: Path | str) -> ExportSource:
    """Open a .txt or .zip export for parsing; BadExportError with one sentence when it cannot be."""
    path = Path(path)
    file_name = readable_name(path.name or str(path))
    label = f"'{file_name}'"
    if not path.exists():
        raise BadExportError(f"{label} does not exist; check the path and try again.")
    if path.is_dir():
        raise not_an_export(label, "is a folder, not a chat export")
    if not path.is_file():  # a device, pipe or socket would be read (and hashed) forever
        raise not_an_export(label, "is a device or pipe, not a file")
    try:
        sha, size, head = _hash_file(path)
    except OSError as exc:
        raise BadExportError(f"{label} cannot be read ({exc.strerror or exc}); check its permissions and try again.") from exc
    if size == 0:
        raise not_an_export(label, "is empty")
    if head.startswith((_ZIP_MAGIC, _EMPTY_ZIP)) or path.suffix.lower() == ".zip":
        archive = ZipExport(path, label)
        try:
            with archive.open_chat() as chat:
                encoding = sniff_encoding(chat.read(1 << 16))
            if encoding is None:
                raise not_an_export(label, "holds a binary file where the chat text should be")
        except BaseException:
            archive.close()
            raise
        stem = readable_name(path.stem)
        name = chat_name_from_filename(stem) or chat_name_from_filename(archive.chat_name_hint) or stem
        return ExportSource(path, label, file_name, name, size, sha, encoding, archive)
    encoding = sniff_encoding(head)
    if encoding is None:
        raise not_an_export(label, "is a binary file, not a WhatsApp chat export")
    stem = readable_name(path.stem)
    name = chat_name_from_filename(stem) or _folder_name(path) or stem
    return ExportSource(path, label, file_name, name, size, sha, encoding)
