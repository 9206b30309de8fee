"""Malformed and hostile files fed to ``rep-assistant import``: exit 2, one sentence, store unchanged.

Every case is made here (no fixtures on disk): empty, binary and other programs' files, text
that is not a chat, and zips that are damaged, empty, encrypted, bombs, or try to write
outside the media folder. The store already holds a chat, and must hold exactly that after.
"""

import io
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from rep_assistant.cli import main

GOOD = "01/09/2025, 08:00 - Tom Smith: Reminder: PE kit on Friday\n01/09/2025, 08:01 - Ann Lee: Thanks!\n"
CHAT_NAME = "WhatsApp Chat with Year 3.txt"


def _zip(entries: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _symlink_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(CHAT_NAME, GOOD)
        info = zipfile.ZipInfo("link.jpg")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        z.writestr(info, "/etc/passwd")
    return buf.getvalue()


def _encrypted_zip() -> bytes:
    data = bytearray(_zip({CHAT_NAME: GOOD.encode()}))
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):  # set the "encrypted" flag bit in both headers
        at = data.find(sig)
        flag_at = at + (6 if sig == b"PK\x03\x04" else 8)
        data[flag_at] |= 0x01
    return bytes(data)


def _bad_crc_zip() -> bytes:
    data = bytearray(_zip({CHAT_NAME: (GOOD * 50).encode()}, compression=zipfile.ZIP_STORED))
    at = data.find(b"Reminder", 100)
    data[at] ^= 0xFF
    return bytes(data)


def _sqlite_file() -> bytes:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    return conn.serialize()


CASES: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "blank-lines.txt": lambda: b"\n\n   \n\t\n" * 100,
    "random-bytes.txt": lambda: os.urandom(64 * 1024),
    "nul-bytes.txt": lambda: b"\x00" * 10_000,
    "png-renamed.txt": lambda: b"\x89PNG\r\n\x1a\n" + os.urandom(4096),
    "pdf-renamed.txt": lambda: b"%PDF-1.7\n" + os.urandom(4096),
    "sqlite-renamed.txt": _sqlite_file,
    "a-letter.txt": lambda: b"Dear parents,\n\nPlease remember PE kit on Friday.\n\nMrs Example\n" * 20,
    "json.txt": lambda: b'{"messages": [{"from": "Tom", "text": "hi"}]}\n',
    "html.txt": lambda: b"<!DOCTYPE html><html><body><p>01/09/2025 not a chat</p></body></html>\n",
    "csv.txt": lambda: b"date,author,text\n2025-09-01,Tom,hi\n" * 50,
    "impossible-dates.txt": lambda: b"99/99/2025, 25:61 - Tom Smith: hello\n45/13/2025, 99:99 - Ann Lee: hi\n",
    "latin1-garbage.txt": lambda: bytes(range(128, 256)) * 200,
    "utf16-not-a-chat.txt": lambda: "Just some notes, nothing else\n".encode("utf-16"),
    "zip-renamed.txt": lambda: _zip({CHAT_NAME: GOOD.encode()})[:40],
    "text-renamed.zip": lambda: GOOD.encode(),
    "empty.zip": lambda: _zip({}),
    "truncated.zip": lambda: _zip({CHAT_NAME: (GOOD * 200).encode()})[:300],
    "no-text.zip": lambda: _zip({"IMG-20250901-WA0001.jpg": b"\xff\xd8\xff" + os.urandom(2000)}),
    "only-a-nested-zip.zip": lambda: _zip({"inner.zip": _zip({CHAT_NAME: GOOD.encode()})}),
    "several-texts.zip": lambda: _zip({"notes.txt": b"a", "todo.txt": b"b"}),
    "path-traversal.zip": lambda: _zip({"../../evil.txt": GOOD.encode()}),
    "absolute-path.zip": lambda: _zip({"/tmp/evil.txt": GOOD.encode()}),
    "symlink.zip": _symlink_zip,
    "encrypted.zip": _encrypted_zip,
    "bomb.zip": lambda: _zip({CHAT_NAME: GOOD.encode() + b"\n" * (40 << 20)}),
    "media-bomb.zip": lambda: _zip({CHAT_NAME: b"01/09/2025, 08:00 - Tom: IMG-1.jpg (file attached)\n",
                                    "IMG-1.jpg": b"\0" * (40 << 20)}),
    "bad-crc.zip": _bad_crc_zip,
    "random-bytes.zip": lambda: os.urandom(8192),
    "chat-is-binary.zip": lambda: _zip({CHAT_NAME: os.urandom(20_000)}),
    "chat-is-empty.zip": lambda: _zip({CHAT_NAME: b""}),
}
SPECIAL = ("a-folder", "does-not-exist.txt")


def _snapshot(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        state: dict[str, object] = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        state["audit_head"] = conn.execute("SELECT count, hash FROM audit_head").fetchone()
    finally:
        conn.close()
    media = db.parent / "media"
    state["media_files"] = sorted(p.name for p in media.rglob("*")) if media.exists() else []
    return state


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "inputs"
    folder.mkdir()
    files = []
    for name, make in CASES.items():
        path = folder / name
        path.write_bytes(make())
        files.append(path)
    (folder / "a-folder").mkdir()
    files += [folder / name for name in SPECIAL]
    db = tmp_path / "store" / "s.sqlite3"
    good = tmp_path / CHAT_NAME
    good.write_text(GOOD, encoding="utf-8")
    assert main(["import", str(good), "--db", str(db)]) == 0
    return db, files


def test_every_bad_input_is_one_sentence_exit_2_and_the_store_is_unchanged(hostile: tuple[Path, list[Path]],
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db, files = hostile
    capsys.readouterr()
    before = _snapshot(db)
    accepted = []
    for path in files:
        status = main(["import", str(path), "--db", str(db)])
        out, err = capsys.readouterr()
        if status != 2:
            accepted.append((path.name, status, out.strip()[:120]))
            continue
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("rep-assistant: "), (path.name, err)
        assert "Traceback" not in err and lines[0].endswith((".", ")")), (path.name, err)
        assert _snapshot(db) == before, path.name
    assert accepted == []
    print(f"bad inputs tried: {len(files)}")
    assert len(files) >= 30
    assert not (db.parent.parent / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


@pytest.mark.parametrize("name", ["random-bytes.txt", "path-traversal.zip", "bomb.zip"])
def test_a_real_process_prints_no_traceback(hostile: tuple[Path, list[Path]], name: str) -> None:
    db, files = hostile
    path = next(p for p in files if p.name == name)
    run = subprocess.run([sys.executable, "-m", "rep_assistant", "import", str(path), "--db", str(db)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("rep-assistant: ") and "Traceback" not in run.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_refused_not_read_forever(hostile: tuple[Path, list[Path]]) -> None:
    db, _ = hostile
    run = subprocess.run([sys.executable, "-m", "rep_assistant", "import", "/dev/zero", "--db", str(db)],
                         capture_output=True, text=True, timeout=5)
    assert run.returncode == 2 and run.stderr.startswith("rep-assistant: ") and "Traceback" not in run.stderr
