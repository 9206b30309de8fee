"""scan and evaluate, as a rep runs them (policy commands: test_policy_cmds.py)."""

import json
from pathlib import Path

import pytest

from rep_assistant.cli import main

CHAT = """\
06/01/2025, 08:00 - Ann Bell: Does anyone know when the trip money is due?
06/01/2025, 09:00 - Eve Frost: Mr Grant is completely useless, honestly
06/01/2025, 09:30 - Ann Bell: Thanks everyone!
06/01/2025, 10:30 - Ann Bell: Anyone who votes Tory needs their head examining
"""


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "WhatsApp Chat with Class 2.txt"
    path.write_text(CHAT, encoding="utf-8")
    return path


def test_scan_file_jsonl(export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["scan", str(export), "--format", "jsonl", "--db", str(db)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {r["category"] for r in rows} == {"abuse", "grievance", "political"}
    for r in rows:
        assert {"id", "chat", "timestamp", "author", "text", "category", "clause_id", "clause_text", "rule_id", "severity",
                "explanation", "spans"} <= set(r)
        assert r["chat"] == "Class 2" and r["severity"] == "breach"
    # Scanning again by name keeps the flag ids.
    assert main(["scan", "--chat", "Class 2", "--format", "jsonl", "--db", str(db)]) == 0
    again = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert sorted(r["id"] for r in again) == sorted(r["id"] for r in rows)


def test_scan_with_a_policy_file_and_nothing_flagged_still_exits_0(export: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # A policy file whose categories the chat doesn't breach, with no gaps flagged as advisory.
    policy = tmp_path / "oakfield.json"
    policy.write_text(json.dumps({"id": "oakfield", "clauses": [{"id": "2.1", "text": "Do not swear.", "categories": ["offensive-language"]}]}),
                      encoding="utf-8")
    assert main(["scan", str(export), "--policy", str(policy), "--db", str(tmp_path / "s.db")]) == 0
    captured = capsys.readouterr()
    assert "0 flags" in captured.err


def test_scan_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--demo", "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len({r["category"] for r in rows}) == 18


def test_scan_demo_uses_the_demo_classs_settings_not_the_reps(capsys: pytest.CaptureFixture[str]) -> None:
    from rep_assistant.core.settings import Settings

    assert main(["scan", "--demo", "--format", "jsonl"]) == 0
    usual = sorted(json.loads(x)["id"] for x in capsys.readouterr().out.splitlines())
    mine = Settings.load()
    mine.set("quiet_start", "08:00")  # the rep's own quiet hours would flag most of the demo as late-night
    mine.set("quiet_end", "07:59")
    mine.save()
    assert main(["scan", "--demo", "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert sorted(r["id"] for r in rows) == usual


def test_other_commands_do_not_pay_for_compiling_the_rules() -> None:
    import subprocess
    import sys

    code = "import sys, rep_assistant.cli as c; c.build_parser(); print('rep_assistant.core.detection.rules' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "False", run.stderr
