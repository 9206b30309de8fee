"""scan_chat keeps flags with their messages: stable ids, the rep's decisions, audit, one transaction."""

import json
from pathlib import Path

import pytest

from rep_assistant.core.detection.scan import flag_rows, scan_chat
from rep_assistant.core.duties import audit, erasure
from rep_assistant.core.duties.audit import verify
from rep_assistant.core.duties.audit_sentences import Names, sentence
from rep_assistant.core.errors import Cancelled, NotFoundError
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.policy import Clause, Policy, load_policy
from rep_assistant.core.reviewing.manual import suppress_like
from rep_assistant.core.reviewing.review import decide
from rep_assistant.core.settings import Settings

CHAT = """\
06/01/2025, 08:00 - Ann Bell: Does anyone know when the trip money is due?
06/01/2025, 08:05 - Cal Dean: no idea
06/01/2025, 09:00 - Eve Frost: Mr Grant is completely useless, honestly
06/01/2025, 09:30 - Ann Bell: What the f*ck is going on with the car park
06/01/2025, 23:10 - Cal Dean: Reminder: trip money tomorrow
07/01/2025, 10:00 - Eve Frost: Mr Grant's personal mobile is 07700 900456
07/01/2025, 11:00 - Ann Bell: Thanks everyone!
"""


@pytest.fixture
def chat_id(store, tmp_path: Path) -> int:
    export = tmp_path / "WhatsApp Chat with Class 2.txt"
    export.write_text(CHAT, encoding="utf-8")
    return import_export(store, export).chat_id


def _by_key(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["text"][:12], r["category"]): r for r in rows}


def test_scan_writes_flags_with_clause_and_explanation(store, chat_id: int) -> None:
    result = scan_chat(store, chat_id, settings=Settings())
    rows = flag_rows(store, chat_id)
    cats = {(r["text"][:12], r["category"]) for r in rows}
    assert {("no idea", "dont-know"), ("Mr Grant is ", "abuse"), ("Mr Grant is ", "grievance"), ("What the f*c", "offensive-language"),
            ("Reminder: tr", "late-night"), ("Mr Grant's p", "personal-data")} == cats
    assert result.flags_active == result.flags_new == len(rows)
    abuse = _by_key(rows)[("Mr Grant is ", "abuse")]
    model = load_policy("builtin:model")
    assert abuse["clause_id"] == model.clause_for("abuse").id and abuse["clause_text"] == model.clause_for("abuse").text
    assert abuse["severity"] == "breach" and "useless" in abuse["explanation"] and abuse["clause_text"] in abuse["explanation"]
    start, end = abuse["spans"][0]
    assert abuse["text"][start:end] == "useless"
    assert rows[0]["category"] == "personal-data" or rows[0]["rank"] >= rows[-1]["rank"]
    assert _by_key(rows)[("Reminder: tr", "late-night")]["severity"] == "advisory"


def test_rescan_under_another_policy_keeps_ids_and_decisions(store, chat_id: int) -> None:
    scan_chat(store, chat_id, settings=Settings())
    first = _by_key(flag_rows(store, chat_id))
    abuse_id = first[("Mr Grant is ", "abuse")]["id"]
    with store.transaction():
        store.db.execute("UPDATE flags SET status = 'confirmed' WHERE id = ?", (abuse_id,))
    school = Policy("oak", "Oak School", "Code", "2", (
        Clause("4.2", "No personal comments about staff.", ("abuse", "grievance"), "breach"),
        Clause("7", "No swearing.", ("offensive-language",), "breach"),
    ))
    result = scan_chat(store, chat_id, policy=school, settings=Settings())
    rows = _by_key(flag_rows(store, chat_id))
    assert rows[("Mr Grant is ", "abuse")]["id"] == abuse_id
    assert rows[("Mr Grant is ", "abuse")]["clause_id"] == "4.2"
    assert "clause 4.2 of Oak School's code" in rows[("Mr Grant is ", "abuse")]["explanation"]
    assert store.scalar("SELECT status FROM flags WHERE id = ?", (abuse_id,)) == "confirmed"
    assert ("no idea", "dont-know") not in rows and result.flags_retired == 3 and result.flags_new == 0
    retired = flag_rows(store, chat_id, active_only=False)
    assert len(retired) == len(first)


def test_rescan_keeps_the_flags_the_rep_decided_when_it_no_longer_raises_them(store, chat_id: int) -> None:
    scan_chat(store, chat_id, settings=Settings())
    first = _by_key(flag_rows(store, chat_id))
    confirmed, dismissed = first[("no idea", "dont-know")]["id"], first[("Reminder: tr", "late-night")]["id"]
    undecided = first[("Mr Grant's p", "personal-data")]["id"]
    decide(store, [confirmed], "confirmed")
    decide(store, [dismissed], "dismissed")
    swearing_only = Policy("oak", "Oak School", "Code", "2", (Clause("7", "No swearing.", ("offensive-language",), "breach"),))
    result = scan_chat(store, chat_id, policy=swearing_only, settings=Settings())
    assert (result.flags_kept, result.flags_new) == (2, 0)
    assert result.flags_retired == len(first) - 3  # every undecided flag but the swearing one
    state = {r["id"]: (r["status"], r["active"]) for r in store.query("SELECT id, status, active FROM flags")}
    assert state[confirmed] == ("confirmed", 1) and state[dismissed] == ("dismissed", 1) and state[undecided] == ("new", 0)
    rows = _by_key(flag_rows(store, chat_id))
    assert rows[("no idea", "dont-know")]["clause_text"] == first[("no idea", "dont-know")]["clause_text"]  # as decided
    assert result.flags_active == len(rows) == 3
    entry = [e for e in audit.entries(store.db.conn) if e["action"] == "scan"][-1]
    assert entry["details"]["flags_kept_as_decided"] == 2 and entry["details"]["flags_active"] == 3
    assert sentence(entry, Names(store)).endswith(f"(0 new, {len(first) - 3} no longer raised, 2 kept because they had been decided).")
    assert scan_chat(store, chat_id, policy=swearing_only, settings=Settings()).flags_kept == 2  # and again, unchanged


def test_a_decided_message_and_category_is_not_asked_again_under_another_rule(store, chat_id: int) -> None:
    """A later version names the rule differently (or the model flags what a rule used to): the rep's decision stands."""
    scan_chat(store, chat_id, settings=Settings())
    first = _by_key(flag_rows(store, chat_id))
    decided, undecided = first[("Mr Grant is ", "abuse")]["id"], first[("no idea", "dont-know")]["id"]
    decide(store, [decided], "confirmed")
    with store.transaction():
        store.db.execute("UPDATE flags SET rule_id = 'retired.' || rule_id WHERE id IN (?, ?)", (decided, undecided))
    result = scan_chat(store, chat_id, settings=Settings())
    rows = flag_rows(store, chat_id)
    abuse = [r for r in rows if r["text"].startswith("Mr Grant is ") and r["category"] == "abuse"]
    assert [(r["id"], r["status"]) for r in abuse] == [(decided, "confirmed")]  # not asked again under the new name
    dont_know = [r for r in rows if r["category"] == "dont-know"]
    assert len(dont_know) == 1 and dont_know[0]["id"] != undecided and dont_know[0]["status"] == "new"  # undecided: the new one
    assert (result.flags_new, result.flags_kept, result.flags_retired) == (1, 1, 1)
    assert result.flags_active == len(rows) == len(first)


def test_a_suppressed_kind_keeps_its_confirmed_flags_and_retires_the_dismissed(store, tmp_path: Path) -> None:
    export = tmp_path / "WhatsApp Chat with Class 3.txt"
    export.write_text("06/01/2025, 08:00 - Ann Bell: When is the trip money due?\n06/01/2025, 08:05 - Cal Dean: no idea\n"
                      "07/01/2025, 08:00 - Ann Bell: What time is pick-up on Friday?\n07/01/2025, 08:05 - Cal Dean: no idea\n",
                      encoding="utf-8")
    chat = import_export(store, export).chat_id
    scan_chat(store, chat, settings=Settings())
    first, second = (r["id"] for r in sorted(flag_rows(store, chat), key=lambda r: r["timestamp"]) if r["category"] == "dont-know")
    decide(store, [first], "confirmed")
    suppress_like(store, second)  # dismisses it and asks for no more of its kind
    result = scan_chat(store, chat, settings=Settings())
    state = {r["id"]: (r["status"], r["active"]) for r in store.query("SELECT id, status, active FROM flags")}
    assert state[first] == ("confirmed", 1) and state[second] == ("dismissed", 0)
    assert (result.flags_kept, result.flags_retired) == (1, 1)


def test_a_rescan_after_an_erasure_counts_each_flag_left_without_its_message(store, chat_id: int) -> None:
    scan_chat(store, chat_id, settings=Settings())
    cals = {r["category"]: r["id"] for r in flag_rows(store, chat_id) if r["author"] == "Cal Dean"}
    decide(store, [cals["dont-know"]], "confirmed")
    erasure.erase(store, "Class 2", "Cal Dean")
    left = store.query("SELECT id, status, active FROM flags WHERE message_id IS NULL")
    result = scan_chat(store, chat_id, settings=Settings())
    state = {r["id"]: (r["status"], r["active"]) for r in store.query("SELECT id, status, active FROM flags")}
    kept = [r["id"] for r in left if r["status"] == "confirmed" and r["active"]]
    assert kept, left  # the erasure left the confirmed flag without its message
    undecided = [r["id"] for r in left if r["status"] == "new" and r["active"]]
    assert result.flags_kept == len(kept) and all(state[i] == ("confirmed", 1) for i in kept)
    assert all(state[i] == ("new", 0) for i in undecided)
    assert result.flags_active == store.scalar("SELECT count(*) FROM flags WHERE active = 1 AND chat_id = ?", (chat_id,))


def test_scan_is_audited_with_ids_and_counts_only(store, chat_id: int) -> None:
    result = scan_chat(store, chat_id, settings=Settings())
    entry = store.query("SELECT objects, details FROM audit_log WHERE action = 'scan'")[-1]
    objects, details = json.loads(entry["objects"]), json.loads(entry["details"])
    assert objects == {"chat": chat_id, "scan": result.scan_id}
    assert details["policy_id"] == "builtin:model" and details["flags_active"] == result.flags_active
    assert details["flags_new"] == result.flags_new and details["categories"]["abuse"] == 1
    assert "Grant" not in entry["details"]
    scans = store.query("SELECT * FROM scans")
    assert len(scans) == 1 and scans[0]["messages"] == 7
    assert verify(store.db.conn).ok


def test_cancelled_scan_changes_nothing(store, chat_id: int) -> None:
    calls = iter([False, False, True])
    with pytest.raises(Cancelled):
        scan_chat(store, chat_id, settings=Settings(), cancelled=lambda: next(calls))
    assert store.scalar("SELECT count(*) FROM flags") == 0
    assert store.scalar("SELECT count(*) FROM scans") == 0


def test_unknown_chat(store) -> None:
    with pytest.raises(NotFoundError):
        scan_chat(store, 99, settings=Settings())


def test_school_phone_from_settings_is_not_personal_data(store, tmp_path: Path) -> None:
    export = tmp_path / "WhatsApp Chat with Office.txt"
    export.write_text("06/01/2025, 08:00 - Ann Bell: The office number is 01632 960555 for absences\n"
                      "06/01/2025, 08:10 - Ann Bell: or ring 01632 960555 and press 1\n", encoding="utf-8")
    cid = import_export(store, export).chat_id
    settings = Settings({"school_phone": "01632 960555"})
    scan_chat(store, cid, settings=settings)
    assert flag_rows(store, cid) == []
