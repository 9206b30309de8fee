"""Reading a .zip export without trusting it.

A zip from a chat is someone else's file: it is never extracted to the paths it names. Every
member name is checked first (no absolute paths, no ``..``, no symlinks), declared sizes and
compression ratios are bounded before anything is inflated, and members are streamed through
a counter that stops at the declared size, so a lying header or a zip bomb costs a few reads,
not the disk. Media are copied out only when a message names them, under their content hash.
"""

import hashlib
import io
import os
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from rep_assistant.core import paths
from rep_assistant.core.errors import BadExportError, environment_error

MiB = 1 << 20
#: Largest chat text we inflate (a 1M-message chat is about 60 MiB).
MAX_CHAT_BYTES = 256 * MiB
#: Largest media file we copy out of an export.
MAX_MEDIA_BYTES = 256 * MiB
#: Most media bytes one import copies out (a hostile zip could name thousands of large files).
MAX_TOTAL_MEDIA_BYTES = 4096 * MiB
#: Largest inflated/compressed ratio accepted for members over 1 MiB (text compresses ~10:1).
MAX_RATIO = 200
MAX_MEMBERS = 200_000

_SYMLINK = 0o120000


def _refuse(label: str, why: str) -> BadExportError:
    return BadExportError(f"{label} {why}; it was not imported. Export the chat again from WhatsApp and choose that file.")


class ZipExport:
    """An opened, vetted zip export: the chat text member and the media members by file name."""

    def __init__(self, path: Path, label: str) -> None:
        self.label = label
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            raise _refuse(label, "is a damaged or unreadable zip file") from exc
        try:
            self._vet(infos)
            self.chat = self._find_chat(infos)
        except BadExportError:
            self._zip.close()
            raise
        self.media = {PurePosixPath(i.filename).name: i for i in infos if not i.is_dir() and i is not self.chat}
        self._media_bytes = 0
        #: The media folder already made private by this import (once, not per file).
        self._private_dir: Path | None = None

    def _vet(self, infos: list[zipfile.ZipInfo]) -> None:
        if len(infos) > MAX_MEMBERS:
            raise _refuse(self.label, f"holds {len(infos)} files, more than any chat export")
        for info in infos:
            name = info.filename.replace("\\", "/")
            parts = PurePosixPath(name).parts
            if name.startswith("/") or (len(name) > 1 and name[1] == ":") or ".." in parts:
                raise _refuse(self.label, f"contains a file path that points outside the export ({info.filename!r})")
            if stat.S_IFMT(info.external_attr >> 16) == _SYMLINK:
                raise _refuse(self.label, f"contains a symbolic link ({info.filename!r}), which a chat export never has")
            if info.flag_bits & 0x1:
                raise _refuse(self.label, f"is password-protected ({info.filename!r})")
            if info.file_size > MiB and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _refuse(self.label, f"contains {info.filename!r}, which would inflate {info.file_size // max(info.compress_size, 1)} times "
                                          "its size (a zip bomb)")

    def _find_chat(self, infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo:
        texts = [i for i in infos if not i.is_dir() and i.filename.lower().endswith(".txt")]
        if not texts:
            raise _refuse(self.label, "contains no chat text (.txt file)")
        chosen = next((i for i in texts if PurePosixPath(i.filename).name == "_chat.txt"), None)
        if chosen is None:
            named = [i for i in texts if "whatsapp" in i.filename.lower()]
            chosen = named[0] if named else (texts[0] if len(texts) == 1 else None)
        if chosen is None:
            raise _refuse(self.label, "contains several .txt files and none is named like a WhatsApp chat")
        if chosen.file_size > MAX_CHAT_BYTES:
            raise _refuse(self.label, f"has a chat text of {chosen.file_size // MiB} MiB, more than the {MAX_CHAT_BYTES // MiB} MiB limit")
        return chosen

    @property
    def chat_name_hint(self) -> str:
        return PurePosixPath(self.chat.filename).stem

    def open_chat(self) -> BinaryIO:
        return io.BufferedReader(_Bounded(self._open(self.chat), self.chat.file_size, self.label, self.chat.filename), MiB)

    def _open(self, info: zipfile.ZipInfo) -> BinaryIO:
        try:
            return self._zip.open(info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, ValueError) as exc:
            raise _refuse(self.label, f"has a member that cannot be read ({info.filename!r})") from exc

    def copy_media(self, name: str, media_dir: Path) -> tuple[str, int, Path, bool] | None:
        """Copy media ``name`` to ``media_dir/<sha256><ext>``: (sha256, size, path, newly written).

        None when the export has no such file. The copy streams through a temporary file in the
        same folder, so a half-copied file never appears under a hash name; a full or read-only
        disk is a RepError sentence, and the importer then removes what this import copied.
        """
        info = self.media.get(name)
        if info is None:
            return None
        if info.file_size > MAX_MEDIA_BYTES:
            raise _refuse(self.label, f"contains a media file {name!r} of {info.file_size // MiB} MiB, more than the "
                                      f"{MAX_MEDIA_BYTES // MiB} MiB limit")
        self._media_bytes += info.file_size
        if self._media_bytes > MAX_TOTAL_MEDIA_BYTES:
            raise _refuse(self.label, f"names more than {MAX_TOTAL_MEDIA_BYTES // MiB} MiB of media files in all")
        if media_dir != self._private_dir:  # other parents' photos: readable by the user alone
            self._private_dir = paths.ensure_private_dir(media_dir)
        try:
            fd, tmp = tempfile.mkstemp(dir=media_dir, prefix=".incoming-")
        except OSError as exc:
            raise environment_error(exc, media_dir, "written") from exc
        try:
            return self._stream_to(info, name, fd, tmp, media_dir)
        except BaseException as exc:
            if os.path.exists(tmp):
                os.unlink(tmp)
            if isinstance(exc, OSError):  # the zip's own read errors are BadExportErrors by now: this is the disk
                raise environment_error(exc, media_dir, "written") from exc
            raise

    def _stream_to(self, info: zipfile.ZipInfo, name: str, fd: int, tmp: str, media_dir: Path) -> tuple[str, int, Path, bool]:
        digest = hashlib.sha256()
        size = 0
        with os.fdopen(fd, "wb") as out, _Bounded(self._open(info), info.file_size, self.label, info.filename) as src:
            while block := src.read(MiB):
                digest.update(block)
                size += len(block)
                out.write(block)
        sha = digest.hexdigest()
        suffix = "".join(c for c in PurePosixPath(name).suffix.lower() if c.isalnum() or c == ".")[:10]
        final = media_dir / f"{sha}{suffix}"
        if final.exists():
            os.unlink(tmp)
            return sha, size, final, False
        os.replace(tmp, final)
        return sha, size, final, True

    def close(self) -> None:
        self._zip.close()


class _Bounded(io.RawIOBase):
    """A stream that refuses to yield more than ``limit`` bytes and turns zip errors into sentences."""

    def __init__(self, raw: BinaryIO, limit: int, label: str, member: str) -> None:
        super().__init__()
        self._raw, self._left, self._label, self._member = raw, limit, label, member

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._raw.read(min(len(buffer), self._left + 1))
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
            raise _refuse(self._label, f"is damaged: {self._member!r} cannot be inflated") from exc
        self._left -= len(data)
        if self._left < 0:
            raise _refuse(self._label, f"is damaged: {self._member!r} is bigger than its header says")
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()
