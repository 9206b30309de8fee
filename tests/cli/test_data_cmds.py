"""The data-duties commands end to end: audit, purge, member export/erase, backup/restore, settings."""

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest

from rep_assistant.cli import main

CHAT = (
    "01/09/2025, 08:00 - Jane Doe created group \"Year 3\"\n"
    "01/09/2025, 08:01 - Jane Doe added Tom Smith\n"
    "01/09/2025, 08:02 - Jane Doe: Welcome everyone to the zanzibarish group\n"
    "01/09/2025, 08:03 - Tom Smith: Thanks Jane Doe!\n"
    "02/09/2025, 09:00 - Tom Smith: Reminder: PE kit on Friday\n"
)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "store" / "s.sqlite3"
    export = tmp_path / "WhatsApp Chat with Year 3.txt"
    export.write_text(CHAT, encoding="utf-8")
    assert main(["import", str(export), "--db", str(path)]) == 0
    capsys.readouterr()
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_audit_list_formats_and_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys, "settings", "set", "retention_days", "400", "--db", str(db))
    status, out, _ = _run(capsys, "audit", "list", "--format", "jsonl", "--db", str(db))
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [r["action"] for r in rows] == ["import", "settings.change"]
    assert rows[1]["details"] == {"changed": ["retention_days"], "values": {"retention_days": 400}}
    _, out, _ = _run(capsys, "audit", "list", "--format", "csv", "--action", "settings.*", "--db", str(db))
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert [r["action"] for r in parsed] == ["settings.change"] and parsed[0]["id"] == "2"
    assert parsed[0]["what"] == "You changed the settings: retention days (to 400)."
    _, out, _ = _run(capsys, "audit", "list", "--since", "2999-01-01", "--db", str(db))
    assert out.splitlines() == ["No audit entries match."]
    _, out, _ = _run(capsys, "audit", "list", "--db", str(db))
    assert "You changed the settings: retention days (to 400)." in out and "settings.change" not in out
    _, out, _ = _run(capsys, "audit", "list", "--until", "2000-01-01", "--format", "jsonl", "--db", str(db))
    assert out == ""
    status, out, _ = _run(capsys, "audit", "verify", "--db", str(db))
    assert status == 0 and "intact: 2 entries" in out


def test_purge_says_what_first_and_dry_run_changes_nothing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "purge", "--older-than", "30", "--dry-run", "--db", str(db))
    assert status == 0
    assert "Year 3: 5 messages, 2025-09-01T08:00:00 to 2025-09-02T09:00:00" in out and "nothing was changed" in out
    status, out, _ = _run(capsys, "purge", "--older-than", "30", "--db", str(db))
    assert status == 0 and "Purged the text of 5 messages." in out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM messages WHERE text != ''").fetchone()[0] == 0
    conn.close()
    _, out, _ = _run(capsys, "audit", "list", "--action", "purge", "--format", "jsonl", "--db", str(db))
    assert json.loads(out)["details"]["messages"] == 5


def test_retention_setting_drives_a_bare_purge(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "purge", "--db", str(db))
    assert status == 2 and "Retention is off" in err
    _run(capsys, "settings", "set", "retention_days", "30", "--db", str(db))
    status, out, _ = _run(capsys, "purge", "--dry-run", "--db", str(db))
    assert status == 0 and "5 messages would be purged" in out


def test_member_export_and_erase(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "member", "export", "Year 3", "Jane Doe", "--out", str(tmp_path / "jane"), "--db", str(db))
    assert status == 0 and "1 messages" in out
    assert "zanzibarish" in (tmp_path / "jane.html").read_text(encoding="utf-8")
    if os.name == "posix":
        assert (tmp_path / "jane.json").stat().st_mode & 0o777 == 0o600

    status, out, err = _run(capsys, "member", "erase", "Year 3", "Jane Doe", "--db", str(db))
    assert status == 2 and "add --yes" in err and "deletes 1 messages" in out
    status, out, _ = _run(capsys, "member", "erase", "Year 3", "Jane Doe", "--yes", "--db", str(db))
    assert status == 0 and "is now Member 1" in out
    assert b"Jane" not in db.read_bytes() and b"zanzibarish" not in db.read_bytes()
    status, _, err = _run(capsys, "member", "export", "Year 3", "Jane Doe", "--out", str(tmp_path / "again"), "--db", str(db))
    assert status == 2 and "Nobody called" in err
    status, out, _ = _run(capsys, "audit", "verify", "--db", str(db))
    assert status == 0


def test_backup_and_restore(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "backup.sqlite3"
    status, out, _ = _run(capsys, "backup", "--out", str(out_file), "--db", str(db))
    assert status == 0 and "Backed up 5 messages" in out
    _run(capsys, "purge", "--older-than", "30", "--db", str(db))
    status, out, _ = _run(capsys, "restore", str(out_file), "--db", str(db))
    # The backup predates the purge: restoring it purges the same messages again, and keeps no copy.
    assert status == 0 and "applied again (0 people erased, 5 messages purged)" in out and "no copy" in out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM messages WHERE text != ''").fetchone()[0] == 0
    assert [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY id")] == ["import", "purge", "restore"]
    conn.close()
    assert list(db.parent.glob("*.bak-*")) == []
    status, out, _ = _run(capsys, "restore", str(out_file), "--db", str(db), "--keep-previous")
    assert status == 0 and "kept as" in out and len(list(db.parent.glob("*.bak-*"))) == 1
    status, _, err = _run(capsys, "restore", str(tmp_path / "nope.sqlite3"), "--db", str(db))
    assert status == 2 and "There is no file" in err


def test_settings_show_and_bad_values(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "settings", "show", "--format", "jsonl")
    assert status == 0 and {json.loads(line)["name"] for line in out.splitlines()} >= {"retention_days", "rep_name"}
    status, _, err = _run(capsys, "settings", "set", "quiet_start", "9pm", "--db", str(db))
    assert status == 2 and "time like 22:00" in err
    status, out, _ = _run(capsys, "settings", "set", "rep_name", "Priya Shah", "--db", str(db))
    assert status == 0
    _, out, _ = _run(capsys, "audit", "list", "--action", "settings.change", "--format", "jsonl", "--db", str(db))
    assert "Priya" not in out and "rep_name" in out


@pytest.mark.parametrize("argv", [["audit", "verify"], ["audit", "list"], ["purge", "--older-than", "3"],
                                  ["member", "erase", "Year 3", "Tom Smith", "--yes"], ["backup", "--out", "b.sqlite3"]])
def test_a_mistyped_store_path_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    typo = tmp_path / "typo.sqlite3"
    status, _, err = _run(capsys, *argv, "--db", str(typo))
    assert status == 2 and "There is no store at" in err
    assert not typo.exists()
