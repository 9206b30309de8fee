"""The acting-on-a-breach commands, run as the rep would run them."""

import email
import email.policy
import json
import zipfile
from pathlib import Path

import pytest

from rep_assistant.cli import main
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from tests.acting import SETTINGS, world


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "store.sqlite3"
    Settings(dict(SETTINGS)).save()
    with Store(path, actor="Jo Rep") as store:
        w = world(store)
        flags = {"useless": w.confirmed_flag_on("useless"), "parking": w.confirmed_flag_on("parking")}
    return path, flags


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_incident_create_list_update(db: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    path, flags = db
    code, out, _ = run(capsys, "incident", "create", "--flag", flags["useless"], "--note", "first", "--db", path)
    assert code == 0
    incident_id = int(out.strip())
    code, out, _ = run(capsys, "incident", "update", incident_id, "--status", "reported", "--flag", flags["parking"], "--db", path)
    assert code == 0 and "reported, 2 flag(s)" in out
    code, out, _ = run(capsys, "incident", "list", "--format", "jsonl", "--db", path)
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert (row["id"], row["status"], row["flags"]) == (incident_id, "reported", 2)


def test_members_register_and_member_verbs(db: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    path, flags = db
    assert run(capsys, "member", "warn", "Year 3 Maple", "Dan Brown", "--reason", "language", "--flag", flags["parking"], "--db", path)[0] == 0
    assert run(capsys, "member", "remove", "Year 3 Maple", "Dan Brown", "--reason", "again", "--clause", "4", "--db", path)[0] == 0
    code, out, _ = run(capsys, "members", "Year 3 Maple", "--format", "jsonl", "--db", path)
    rows = {r["member"]: r for r in map(json.loads, out.splitlines())}
    assert (rows["Dan Brown"]["warnings"], rows["Dan Brown"]["status"], rows["Dan Brown"]["removal_clause"]) == (1, "removed", "4")
    assert rows["Sam Jones"]["removals"] == 1 and rows["Sam Jones"]["status"] == "in group"  # removed, then added back, in WhatsApp
    assert rows["Kim Lee"]["status"] == "left"
    code, _, err = run(capsys, "member", "readmit", "Year 3 Maple", "Nobody Here", "--reason", "x", "--db", path)
    assert code == 2 and err.startswith("rep-assistant: Nobody called 'Nobody Here'")
    code, out, _ = run(capsys, "members", "Year 3 Maple", "--db", path)
    assert out.splitlines()[0].split()[:3] == ["MEMBER", "STATUS", "MESSAGES"]


def test_draft_text_and_eml(db: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path, flags = db
    code, out, _ = run(capsys, "draft", "removal-request", "--flag", flags["useless"], "--db", path)
    assert code == 0 and out.startswith("Hi Sam,") and "Jo Rep" in out
    code, out, _ = run(capsys, "draft", "school-notification", "--flag", flags["useless"], "--db", path)
    assert out.startswith("To: office@maple.example.com\nSubject: Year 3 Maple:")
    incident_id = int(run(capsys, "incident", "create", "--flag", flags["useless"], "--db", path)[1])
    eml = tmp_path / "school.eml"
    code, out, _ = run(capsys, "draft", "school-notification", "--incident", incident_id, "--format", "eml", "--out", eml, "--db", path)
    assert code == 0 and "attached" in out
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1" and msg["To"] == "office@maple.example.com"
    assert [a.get_filename() for a in msg.iter_attachments()] == [f"incident-{incident_id}-bundle.zip"]


def test_draft_errors_are_one_sentence(db: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    path, flags = db
    code, _, err = run(capsys, "draft", "thank-you-note", "--flag", flags["useless"], "--db", path)
    assert code == 2 and "There is no draft template called thank-you-note" in err and "Traceback" not in err
    code, _, err = run(capsys, "draft", "warning", "--incident", 77, "--db", path)
    assert code == 2 and "There is no incident 77" in err


def test_bundle_command(db: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path, flags = db
    incident_id = int(run(capsys, "incident", "create", "--flag", flags["useless"], "--db", path)[1])
    out_zip = tmp_path / "b.zip"
    code, out, _ = run(capsys, "bundle", incident_id, "--out", out_zip, "--db", path)
    assert code == 0 and "masked" in out
    with zipfile.ZipFile(out_zip) as zf:
        assert "report.pdf" in zf.namelist()
        assert b"07700 900123" not in zf.read("report.html")
    code, out, _ = run(capsys, "bundle", incident_id, "--out", tmp_path / "open.zip", "--no-redact", "--db", path)
    assert "NOT masked" in out
    with zipfile.ZipFile(tmp_path / "open.zip") as zf:
        assert b"07700 900123" in zf.read("report.html")
