"""policy import|show|list|use|gaps|facts, as a rep runs them."""

import io
import json
import os
from pathlib import Path

import pytest

from rep_assistant.cli import main

POLICY = Path(__file__).resolve().parents[1] / "data" / "policies" / "numbered_policy.txt"
REAL = Path(__file__).resolve().parents[1] / "data" / "policies" / "real"


def test_policy_import_show_list_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(tmp_path / "s.db")]
    assert main(["policy", "import", str(POLICY), "--name", "Oakfield", *db]) == 0
    out = capsys.readouterr().out
    assert "policy oakfield" in out and "offensive-language       covered by 2.1" in out
    assert "political                advisory, model wording" in out and "WARNING: this import is poor" in out
    assert main(["policy", "show", "oakfield", "--format", "jsonl"]) == 0
    clauses = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {"clause": "2.1", "kind": "breach", "categories": "offensive-language",
            "text": "Do not swear or use offensive language in the group."} in clauses
    # A poor import is never made active without the rep seeing its gaps and saying so.
    assert main(["policy", "use", "oakfield", *db]) == 2
    captured = capsys.readouterr()
    assert "political" in captured.out and "--accept-gaps" in captured.err
    assert main(["policy", "list", "--format", "jsonl"]) == 0
    assert {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}["oakfield"]["active"] == ""
    assert main(["policy", "use", "oakfield", "--accept-gaps", *db]) == 0
    capsys.readouterr()
    from rep_assistant.core.store import Store

    with Store(tmp_path / "s.db") as store:
        actions = [(r["action"], r["objects"]) for r in store.query("SELECT action, objects FROM audit_log")]
    assert ("policy.import", '{"policy":"oakfield"}') in actions and ("policy.activate", '{"policy":"oakfield"}') in actions
    assert main(["policy", "list", "--format", "jsonl"]) == 0
    listed = {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert listed["oakfield"]["active"] == "yes" and listed["builtin:model"]["covers"] == 18


def test_policy_import_json_reports_coverage_gaps_and_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "import", str(REAL / "brereton.txt"), "--name", "Brereton", "--format", "json", "--db", str(tmp_path / "s.db")]) == 0
    report = json.loads(capsys.readouterr().out)
    rows = {r["category"]: r for r in report["coverage"]}
    assert rows["disrepute"]["status"] == "covered" and "Bringing the school into disrepute" in rows["disrepute"]["text"]
    assert rows["rumour"]["status"] == "general" and "mutual respect" in rows["rumour"]["text"]
    assert rows["late-night"]["status"] == "advisory" and rows["late-night"]["number"] == ""
    assert report["poor"] is False and len(report["coverage"]) == 18


def test_gap_choices_change_what_is_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "import", str(REAL / "brereton.txt"), "--name", "Brereton", "--db", str(tmp_path / "s.db")]) == 0
    capsys.readouterr()
    assert main(["policy", "gaps", "brereton", "late-night", "off"]) == 0
    assert "late-night under brereton: NOT FLAGGED" in capsys.readouterr().out
    assert main(["policy", "gaps", "brereton", "disrepute", "off"]) == 2
    assert "covered by the document's own clause" in capsys.readouterr().err
    from rep_assistant.core.policy import load_policy

    assert "late-night" not in load_policy("brereton").covered and "rumour" in load_policy("brereton").covered


def test_pasted_text_imports_from_standard_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pasted = "Greenbank Primary School\nPlease don’t post photos of other people’s children.\nNo selling or advertising, please.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(pasted.encode("utf-16"))))
    assert main(["policy", "import", "-", "--format", "json", "--db", str(tmp_path / "s.db")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["policy"] == "greenbank-primary-school" and {"personal-data", "commercial"} <= set(report["covered"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_given_as_the_document_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "policy.txt"
    os.mkfifo(fifo)
    assert main(["policy", "import", str(fifo), "--db", str(tmp_path / "s.db")]) == 2
    err = capsys.readouterr().err
    assert "is not a regular file" in err and err.count("\n") == 1


def test_policy_facts_apply_to_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "code.txt"
    doc.write_text("St Mary of the Angels Catholic Primary School\nCode of Conduct for Class WhatsApp Groups\n\n"
                   "- Please do not post between 9pm and 7am.\n- Never share photos of children.\n"
                   "- Please raise concerns with the class teacher, then the Headteacher, not in the group.\n\n"
                   "Contact: office@stmaryangels.example.com, 07700 900123\n", encoding="utf-8")
    db = ["--db", str(tmp_path / "s.db")]
    assert main(["policy", "import", str(doc), *db]) == 0
    assert "school name: St Mary of the Angels Catholic Primary School" in capsys.readouterr().out
    assert main(["policy", "facts", "st-mary-of-the-angels-catholic-primary-school", "--apply", *db]) == 0
    from rep_assistant.core.settings import Settings

    settings = Settings.load()
    assert settings["school_name"] == "St Mary of the Angels Catholic Primary School"
    assert settings["school_email"] == "office@stmaryangels.example.com" and settings["school_phone"] == "07700 900123"
    assert (settings["quiet_start"], settings["quiet_end"]) == ("21:00", "07:00")
    assert "class teacher, then the Headteacher" in settings["school_escalation"]


def test_policy_use_unknown_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "use", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rep-assistant: There is no policy called nope") and "Traceback" not in err
