"""`rep-assistant flag …`: the review decisions from the command line, recorded like the desk's."""

import json
from pathlib import Path

import pytest

from rep_assistant.cli import main
from rep_assistant.core.duties import audit
from rep_assistant.core.store import Store

CHAT = """\
03/11/2025, 08:10 - Jas Patel: Morning all, reading books back on Monday please
03/11/2025, 09:40 - Sam Reed: Mr Barnes is useless, absolutely clueless, no idea how he got a teaching job
03/11/2025, 09:45 - Jas Patel: Let's keep it kind please
"""


@pytest.fixture
def flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[int]]:
    export = tmp_path / "WhatsApp Chat with Oak Class.txt"
    export.write_text(CHAT, encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    assert main(["scan", str(export), "--db", str(db), "--format", "jsonl"]) == 0
    ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert ids, "the scan should flag the insult"
    return db, ids


def _status(db: Path, flag_id: int) -> str:
    with Store(db) as store:
        return store.scalar("SELECT status FROM flags WHERE id = ?", (flag_id,))


def test_confirm_dismiss_undo_and_reopen(flagged: tuple[Path, list[int]], capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = flagged
    assert main(["flag", "confirm", str(ids[0]), "--note", "spoke to Sam", "--db", str(db)]) == 0
    assert _status(db, ids[0]) == "confirmed"
    assert main(["flag", "dismiss", str(ids[0]), "--db", str(db)]) == 0
    assert _status(db, ids[0]) == "dismissed"
    assert main(["flag", "undo", "--chat", "Oak Class", "--db", str(db)]) == 0
    assert _status(db, ids[0]) == "confirmed"
    assert main(["flag", "reopen", str(ids[0]), "--db", str(db)]) == 0
    assert _status(db, ids[0]) == "new"
    with Store(db) as store:
        decisions = [e["details"]["new"] for e in audit.entries(store.db.conn, action="flag.decide")]
        assert decisions == ["confirmed", "dismissed", "confirmed", "new"]
        assert store.scalar("SELECT text FROM notes WHERE flag_id = ?", (ids[0],)) == "spoke to Sam"
        assert audit.verify(store.db.conn).ok
    assert "is confirmed" in capsys.readouterr().out


def test_a_confirmed_flag_can_open_an_incident(flagged: tuple[Path, list[int]], capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = flagged
    main(["flag", "confirm", str(ids[0]), "--db", str(db)])
    capsys.readouterr()
    assert main(["incident", "create", "--flag", str(ids[0]), "--db", str(db)]) == 0
    assert capsys.readouterr().out.strip().isdigit()


def test_snooze_needs_a_time_and_an_unknown_flag_is_a_sentence(flagged: tuple[Path, list[int]],
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = flagged
    assert main(["flag", "snooze", str(ids[0]), "--until", "2030-01-01T07:00", "--db", str(db)]) == 0
    assert _status(db, ids[0]) == "snoozed"
    capsys.readouterr()
    assert main(["flag", "confirm", "99999", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rep-assistant: ") and "no flag 99999" in err


def test_flag_a_missed_message_by_hand_then_take_it_back(flagged: tuple[Path, list[int]], capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = flagged
    with Store(db) as store:
        message = store.scalar("SELECT id FROM messages WHERE text LIKE 'Morning all%'")
    assert main(["flag", "add", "--chat", "Oak Class", "--message", str(message), "--category", "rumour", "--db", str(db)]) == 0
    with Store(db) as store:
        flag = store.query("SELECT id, status, rule_id, clause_id FROM flags WHERE message_id = ?", (message,))[0]
        assert (flag["status"], flag["rule_id"]) == ("confirmed", "manual") and flag["clause_id"]
        assert [e["action"] for e in audit.entries(store.db.conn)][-1] == "flag.add"
    assert main(["flag", "remove", str(flag["id"]), "--db", str(db)]) == 0
    with Store(db) as store:
        assert store.scalar("SELECT active FROM flags WHERE id = ?", (flag["id"],)) == 0
    assert main(["flag", "add", "--chat", "Oak Class", "--message", "99999", "--category", "rumour", "--db", str(db)]) == 2
    assert "no message 99999" in capsys.readouterr().err


def test_suppress_a_kind_and_lift_it(flagged: tuple[Path, list[int]], capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = flagged
    assert main(["flag", "suppress", str(ids[0]), "--db", str(db)]) == 0
    assert _status(db, ids[0]) == "dismissed" and "suppression 1" in capsys.readouterr().out
    assert main(["scan", "--chat", "Oak Class", "--db", str(db)]) == 0
    with Store(db) as store:
        assert store.scalar("SELECT active FROM flags WHERE id = ?", (ids[0],)) == 0
    assert main(["flag", "unsuppress", "1", "--db", str(db)]) == 0
    assert main(["scan", "--chat", "Oak Class", "--db", str(db)]) == 0
    with Store(db) as store:
        assert store.scalar("SELECT active FROM flags WHERE id = ?", (ids[0],)) == 1
