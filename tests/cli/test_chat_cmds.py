"""The parse, import, chats and messages commands, as a user runs them."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from rep_assistant.cli import main
from rep_assistant.core.store import open_store

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"
MAPLE = EXPORTS / "WhatsApp Chat with Maple Class.txt"
GROUP = EXPORTS / "WhatsApp Chat - Year 3 Parents.txt"


def test_parse_jsonl_has_the_stable_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(GROUP), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 16
    assert set(rows[0]) >= {"seq", "timestamp", "author", "kind", "text", "edited", "media", "system_event", "actor", "target"}
    removed = rows[11]
    assert (removed["kind"], removed["system_event"], removed["actor"], removed["target"]) == ("system", "removed", "Gemma Clarke", "Tom Wilson")
    assert rows[15]["media"] == "00000012-PHOTO-2024-09-02-23-59-59.jpg" and rows[15]["timestamp"] == "2024-09-02T23:59:59"
    assert rows[5]["edited"] is True


def test_parse_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(MAPLE)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].split()[:4] == ["SEQ", "TIMESTAMP", "AUTHOR", "KIND"]
    assert "Swimming times: ⏎ 20.15.21.15" in out
    assert "16 entries" in err


def test_import_chats_and_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    assert main(["import", str(MAPLE), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "into chat 'Maple Class'" in out and "16 entries, 16 added, 0 skipped" in out
    assert main(["import", str(MAPLE), "--db", str(db)]) == 0
    assert "0 added, 16 skipped" in capsys.readouterr().out
    assert main(["import", str(GROUP), "--chat", "Y3", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["chats", "--db", str(db), "--format", "jsonl"]) == 0
    chats = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(c["name"], c["messages"]) for c in chats] == [("Maple Class", 16), ("Y3", 16)]
    assert main(["messages", "maple class", "--search", "wellies", "--db", str(db), "--format", "jsonl"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(m["author"], m["text"]) for m in found] == [("Priya Shah", "Note: bring wellies")]
    assert main(["messages", str(chats[1]["id"]), "--limit", "2", "--db", str(db)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {}
    files["not a chat"] = tmp_path / "letter.txt"
    files["not a chat"].write_text("Dear parents,\nthe trip is on Friday.\n", encoding="utf-8")
    files["binary"] = tmp_path / "photo.txt"
    files["binary"].write_bytes(bytes(range(256)) * 20)
    files["empty"] = tmp_path / "empty.txt"
    files["empty"].write_bytes(b"")
    files["broken zip"] = tmp_path / "WhatsApp Chat - Broken.zip"
    files["broken zip"].write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    files["escaping zip"] = tmp_path / "WhatsApp Chat - Escape.zip"
    with zipfile.ZipFile(files["escaping zip"], "w") as zf:
        zf.writestr("_chat.txt", "[14/03/2024, 09:05:41] Priya Shah: hi\n")
        zf.writestr("../../outside.txt", "x")
    files["directory"] = tmp_path
    files["missing"] = tmp_path / "nowhere.txt"
    return files


@pytest.mark.parametrize("case", ["not a chat", "binary", "empty", "broken zip", "escaping zip", "directory", "missing"])
def test_bad_input_is_one_sentence_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    path = _bad_inputs(tmp_path)[case]
    db = tmp_path / "s.sqlite3"
    assert main(["import", str(path), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rep-assistant: ") and err.count("\n") == 1 and "Traceback" not in err
    assert f"'{path.name}'" in err
    assert main(["chats", "--db", str(db), "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("command", ["parse", "import"])
def test_real_process_exit_status_for_bad_input(tmp_path: Path, command: str) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("shopping: eggs, milk\n", encoding="utf-8")
    env = {**os.environ, "REP_ASSISTANT_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-m", "rep_assistant", command, str(bad)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("rep-assistant: 'notes.txt' does not look like a WhatsApp chat export")
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_unknown_chat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    assert main(["messages", "Willow", "--db", str(db)]) == 2
    assert "There is no chat called 'Willow'" in capsys.readouterr().err


def test_a_mistyped_db_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "typo.sqlite3"
    assert main(["chats", "--db", str(typo)]) == 2
    assert "There is no store at" in capsys.readouterr().err and not typo.exists()


def test_chat_rename_is_audited_and_drafts_sign_with_the_new_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    bare = tmp_path / "chat.txt"
    bare.write_bytes(MAPLE.read_bytes())
    assert main(["import", str(bare), "--db", str(db)]) == 0
    assert "into chat 'chat'" in capsys.readouterr().out  # a bare file name says nothing better
    assert main(["chat", "rename", "chat", "  Year 3   Maple ", "--db", str(db)]) == 0
    assert capsys.readouterr().out == "Renamed 'chat' to 'Year 3 Maple'.\n"
    assert main(["chats", "--db", str(db), "--format", "jsonl"]) == 0
    assert [json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()] == ["Year 3 Maple"]
    assert main(["audit", "list", "--action", "chat.rename", "--db", str(db)]) == 0
    assert "You renamed a chat; it is now called “Year 3 Maple”." in capsys.readouterr().out


def test_chat_rename_refuses_a_taken_or_empty_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    assert main(["import", str(MAPLE), "--db", str(db)]) == 0
    assert main(["import", str(GROUP), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["chat", "rename", "Maple Class", "year 3 parents", "--db", str(db)]) == 2
    assert "already a chat called 'Year 3 Parents'" in capsys.readouterr().err
    assert main(["chat", "rename", "Maple Class", "   ", "--db", str(db)]) == 2
    assert "needs a name" in capsys.readouterr().err
    assert main(["chat", "rename", "No Such Chat", "X", "--db", str(db)]) == 2
    with open_store(db) as store:
        assert store.query("SELECT count(*) AS n FROM audit_log WHERE action = 'chat.rename'")[0]["n"] == 0


def test_a_bare_chat_file_in_an_unpacked_export_folder_is_named_by_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "WhatsApp Chat - Year 3 Maple"
    folder.mkdir()
    (folder / "_chat.txt").write_bytes(MAPLE.read_bytes())
    assert main(["import", str(folder / "_chat.txt"), "--db", str(tmp_path / "s.sqlite3")]) == 0
    assert "into chat 'Year 3 Maple'" in capsys.readouterr().out
