"""scan, policy and evaluate, as a rep runs them."""

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
POLICY = Path(__file__).resolve().parents[1] / "data" / "policies" / "numbered_policy.txt"


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
    assert main(["scan", str(export), "--policy", str(POLICY), "--db", str(tmp_path / "s.db")]) == 0
    captured = capsys.readouterr()
    assert "0 flags" in captured.err


def test_policy_import_show_list_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(tmp_path / "s.db")]
    assert main(["policy", "import", str(POLICY), "--name", "Oakfield", *db]) == 0
    out = capsys.readouterr().out
    assert "policy oakfield" in out and "Not covered by this policy" in out
    assert main(["policy", "show", "oakfield", "--format", "jsonl"]) == 0
    clauses = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {"clause": "2.1", "kind": "breach", "categories": "offensive-language",
            "text": "Do not swear or use offensive language in the group."} in clauses
    assert main(["policy", "use", "oakfield", *db]) == 0
    capsys.readouterr()
    from rep_assistant.core.store import Store

    with Store(tmp_path / "s.db") as store:
        actions = [(r["action"], r["objects"]) for r in store.query("SELECT action, objects FROM audit_log")]
    assert ("policy.import", '{"policy":"oakfield"}') in actions and ("policy.activate", '{"policy":"oakfield"}') in actions
    assert main(["policy", "list", "--format", "jsonl"]) == 0
    listed = {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert listed["oakfield"]["active"] == "yes" and listed["builtin:model"]["covers"] == 18
    assert main(["scan", "--chat", "nope", *db]) == 2
    assert "no chat called" in capsys.readouterr().err


def test_policy_use_unknown_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "use", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rep-assistant: There is no policy called nope") and "Traceback" not in err


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
