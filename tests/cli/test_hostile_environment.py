"""A hostile machine: each failure is one sentence, exit status 2, the store unchanged, nothing chmod-ed.

Every test here runs the same way as root and as an ordinary user (tests/hostile.py), and
touches only folders it made under tmp_path.
"""

import errno
import os
import re
import sqlite3
import stat
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from rep_assistant.cli import main
from rep_assistant.core.importing.parsing import zipexport
from rep_assistant.core.store.store import describe_sqlite_error
from tests.hostile import owned_by_someone_else, read_only

CHAT = "[14/10/2024, 9:12:40 pm] Ana Costa: Swimming moves to Thursday this week\n[14/10/2024, 9:13:02 pm] Ben Ode: Thanks\n"


def _export(folder: Path, name: str = "WhatsApp Chat with Class 5.txt", text: str = CHAT) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _sentence(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    assert err.startswith("rep-assistant: ") and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, err
    return err


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_store_in_an_existing_folder_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    outer = _mode(tmp_path)
    documents = tmp_path / "Documents"
    documents.mkdir()
    documents.chmod(0o755)
    assert main(["import", str(_export(tmp_path)), "--db", str(documents / "class.sqlite3")]) == 0
    assert _mode(documents) == 0o755
    assert _mode(documents / "class.sqlite3") == 0o600
    deeper = tmp_path / "new" / "deeper"
    assert main(["import", str(_export(tmp_path)), "--db", str(deeper / "class.sqlite3")]) == 0
    assert _mode(tmp_path / "new") == _mode(deeper) == 0o700  # made by the app: private
    assert _mode(tmp_path) == outer


def test_a_write_permission_the_user_removed_stays_removed(tmp_path: Path, private_home: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "class.sqlite3"
    assert main(["import", str(_export(tmp_path)), "--db", str(db)]) == 0
    db.chmod(0o400)
    main(["chats", "--db", str(db)])  # root may still read and write it; nobody may chmod it
    assert _mode(db) == 0o400
    assert main(["settings", "set", "rep_name", "Ana Costa"]) == 0
    settings = private_home / "config" / "settings.json"
    settings.chmod(0o400)
    capsys.readouterr()
    assert main(["settings", "set", "rep_name", "Ben Ode"]) == 2
    _sentence(capsys, "settings.json", "read-only", "nothing was changed")
    assert _mode(settings) == 0o400 and "Ana Costa" in settings.read_text(encoding="utf-8")


def test_a_read_only_data_folder_is_a_sentence(tmp_path: Path, private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = _export(tmp_path)
    assert main(["import", str(export)]) == 0
    data = private_home / "data"
    before = _snapshot(data)
    with read_only(data):
        capsys.readouterr()
        for argv in (["chats"], ["import", str(export)], ["scan", "Class 5"]):
            assert main(argv) == 2
            _sentence(capsys, "cannot be written", "writable")
    assert _snapshot(data) == before


def test_a_data_folder_owned_by_another_account_is_a_sentence(tmp_path: Path, private_home: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    export = _export(tmp_path)
    assert main(["import", str(export)]) == 0
    data = private_home / "data"
    before = _snapshot(data)
    capsys.readouterr()
    with owned_by_someone_else(data, monkeypatch):
        for argv in (["chats"], ["import", str(export)]):
            assert main(argv) == 2
            _sentence(capsys, "belongs to another account", "chown")
    assert _snapshot(data) == before


def _photo_zip(folder: Path) -> Path:
    path = folder / "WhatsApp Chat - Class 5.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("_chat.txt", "[14/10/2024, 9:12:40 pm] Ana Costa: \u200e<attached: 00000001-PHOTO-2024-10-14-21-12-40.jpg>\n")
        zf.writestr("00000001-PHOTO-2024-10-14-21-12-40.jpg", b"\xff\xd8 made-up photo bytes " * 200)
    return path


class _FullDisk:
    """What os.fdopen gives when the disk fills up on the first block written."""

    def __init__(self, fd: int, *args: object, **kwargs: object) -> None:
        os.close(fd)

    def __enter__(self) -> "_FullDisk":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_while_copying_a_photo_is_a_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "store" / "class.sqlite3"
    assert main(["import", str(_export(tmp_path)), "--db", str(db)]) == 0
    before = sqlite3.connect(db).execute("SELECT count(*) FROM messages").fetchone()[0]
    monkeypatch.setattr(zipexport.os, "fdopen", _FullDisk)
    capsys.readouterr()
    assert main(["import", str(_photo_zip(tmp_path)), "--db", str(db)]) == 2
    _sentence(capsys, "is full", "free some space")
    monkeypatch.undo()
    assert sqlite3.connect(db).execute("SELECT count(*) FROM messages").fetchone()[0] == before
    assert [p.name for p in (db.parent / "media").iterdir()] == []  # no half-copied photo left behind
    assert main(["import", str(_photo_zip(tmp_path)), "--db", str(db)]) == 0  # space back: the same import works


def test_sqlites_disk_io_error_on_a_full_disk_says_disk_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rep_assistant.core.store import store as store_module

    io_error = sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(store_module.shutil, "disk_usage", lambda _p: SimpleNamespace(free=0))
    assert "is full; free some space" in describe_sqlite_error(io_error, tmp_path / "s.sqlite3")
    monkeypatch.setattr(store_module.shutil, "disk_usage", lambda _p: SimpleNamespace(free=1 << 39))
    assert "(disk I/O error); check the disk" in describe_sqlite_error(io_error, tmp_path / "s.sqlite3")
    assert "is full" in describe_sqlite_error(sqlite3.OperationalError("database or disk is full"), tmp_path / "s.sqlite3")


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes only on Linux-like systems")
def test_file_names_that_are_not_utf8_import_and_print(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = _export(tmp_path, os.fsdecode(b"WhatsApp Chat with Class 5\xe9.txt"))
    db = tmp_path / os.fsdecode(b"caf\xe9.sqlite3")
    assert main(["import", str(export), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Class 5\\xe9.txt" in out  # the byte is shown, not a crash
    assert main(["chats", "--db", str(db), "--format", "jsonl"]) == 0
    assert '"Class 5\ufffd"' in capsys.readouterr().out


@pytest.mark.timeout(30)
def test_pipes_and_devices_given_as_files_are_refused_without_waiting(tmp_path: Path, private_home: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "WhatsApp Chat with Class 5.txt"
    os.mkfifo(fifo)
    for argv, words in ((["import", str(fifo)], ["device or pipe"]), (["parse", str(fifo)], ["device or pipe"]),
                        (["chats", "--db", str(fifo)], ["device or pipe"]), (["chats", "--db", os.devnull], ["device or pipe"]),
                        (["restore", str(fifo), "--db", str(tmp_path / "s.sqlite3")], [str(fifo)])):
        assert main(argv) == 2, argv
        _sentence(capsys, *words)
    (private_home / "config").mkdir(parents=True, exist_ok=True)
    os.mkfifo(private_home / "config" / "settings.json")
    assert main(["chats"]) == 2
    _sentence(capsys, "settings.json", "not a settings file")


@pytest.mark.parametrize("value", ["ture", "maybe", "enabled", "null", ""])
def test_a_boolean_setting_that_is_neither_true_nor_false_is_refused(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings", "set", "redact_bundles", value]) == 2
    _sentence(capsys, "redact_bundles must be true or false")
    assert main(["settings", "show"]) == 0
    assert re.search(r"redact_bundles\s+True", capsys.readouterr().out)  # still on: a typo never turns redaction off


@pytest.mark.parametrize("value", ["99999999999", "1e9", "-1", "36501"])
def test_absurd_retention_is_refused(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings", "set", "retention_days", value]) == 2
    _sentence(capsys, "retention_days")


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, '{"retention_days": 1e300}', '{"redact_bundles": null}',
                                     '{"rep_name": {"first": "Ana"}}', '{"rep_name": "' + "A" * 5000 + '"}'])
def test_an_absurd_settings_file_is_a_sentence(content: str, private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (private_home / "config").mkdir(parents=True, exist_ok=True)
    (private_home / "config" / "settings.json").write_text(content, encoding="utf-8")
    assert main(["chats"]) == 2
    _sentence(capsys, "settings.json", "fix or delete it")


def test_an_empty_or_cut_short_store_is_refused_and_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "class.sqlite3"
    assert main(["import", str(_export(tmp_path)), "--db", str(db)]) == 0
    whole = db.read_bytes()
    capsys.readouterr()
    for cut, words in ((0, ["empty (0 bytes)", "restore"]), (len(whole) // 3, ["cut short", "restore"])):
        db.write_bytes(whole[:cut])
        for argv in (["chats"], ["import", str(_export(tmp_path))]):
            assert main([*argv, "--db", str(db)]) == 2
            _sentence(capsys, *words)
        assert db.read_bytes() == whole[:cut]  # never silently replaced by a new empty store


def test_a_store_that_could_not_be_created_is_not_left_as_an_empty_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from rep_assistant.core.store.store import Store

    def disk_fills_up(_self: Store) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "_migrate", disk_fills_up)
    db = tmp_path / "class.sqlite3"
    assert main(["import", str(_export(tmp_path)), "--db", str(db)]) == 2
    _sentence(capsys, "is full")
    assert list(tmp_path.glob("class.sqlite3*")) == []  # next time is a fresh start, not an "empty store" refusal


def test_control_characters_in_stored_text_are_escaped_on_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "[14/10/2024, 9:12:40 pm] Ana Costa: see \x1b[2J\x1b]0;owned\x07 this\r and \x9b31m that\n"
    db = tmp_path / "class.sqlite3"
    assert main(["import", str(_export(tmp_path, text=text)), "--db", str(db)]) == 0
    for fmt in ("table", "jsonl"):
        capsys.readouterr()
        assert main(["messages", "Class 5", "--db", str(db), "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert not any(c in out for c in "\x1b\x07\r\x9b"), out
        assert "\\u001b[2J" in out and "\\u009b31m" in out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_no_display_is_one_sentence(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 2
    _sentence(capsys, "no display")


def test_a_full_disk_while_saving_settings_is_a_sentence(private_home: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from rep_assistant.core import paths

    assert main(["settings", "set", "rep_name", "Ana Costa"]) == 0
    before = (private_home / "config" / "settings.json").read_bytes()

    def full(_path: Path, _data: str | bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(paths, "write_private", full)
    capsys.readouterr()
    assert main(["settings", "set", "rep_name", "Ben Ode"]) == 2
    _sentence(capsys, "is full", "free some space")
    assert (private_home / "config" / "settings.json").read_bytes() == before
