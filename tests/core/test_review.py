"""Review decisions, undo, notes, the queue's order and filters, and message context (core, no Qt).

The chat is the bundled demo export run through the real importer and scanner.
"""

import importlib.resources
import json
from pathlib import Path
from typing import Any

import pytest

from rep_assistant.core import resources
from rep_assistant.core.detection.scan import scan_chat
from rep_assistant.core.errors import NotFoundError, RepError
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.reviewing import review
from rep_assistant.core.reviewing.members import member_detail, member_summaries
from rep_assistant.core.store import Store


@pytest.fixture
def chat(store: Store, tmp_path: Path) -> int:
    with importlib.resources.as_file(resources.resource("demo/WhatsApp Chat with Maple Class Parents.txt")) as src:
        export = tmp_path / src.name
        export.write_bytes(src.read_bytes())
    chat_id = import_export(store, export).chat_id
    scan_chat(store, chat_id)
    return chat_id


def _audit(store: Store, action: str) -> list[dict]:
    return [{**r, "details": json.loads(r["details"]), "objects": json.loads(r["objects"])}
            for r in store.query("SELECT objects, details FROM audit_log WHERE action = ? ORDER BY id", (action,))]


def _queue(store: Store, chat: int, **filters: Any) -> list[dict[str, Any]]:
    return review.flag_summaries(store, review.list_flag_ids(store, chat, **filters))


def test_queue_is_most_severe_first_then_oldest(store: Store, chat: int) -> None:
    rows = _queue(store, chat)
    assert len(rows) > 5
    assert [(-r["rank"], r["ts"]) for r in rows] == sorted((-r["rank"], r["ts"]) for r in rows)
    assert review.list_flag_ids(store, chat) == [r["id"] for r in rows]


def test_filters_narrow_the_queue(store: Store, chat: int) -> None:
    rows = _queue(store, chat)
    category, member, day = rows[0]["category"], rows[0]["member_id"], rows[0]["ts"][:10]
    assert {r["category"] for r in _queue(store, chat, categories=[category])} == {category}
    assert {r["member_id"] for r in _queue(store, chat, member_id=member)} == {member}
    same_day = _queue(store, chat, since=day, until=day)
    assert same_day and {r["ts"][:10] for r in same_day} == {day}
    assert _queue(store, chat, statuses=["confirmed"]) == []
    with pytest.raises(RepError, match="no review status"):
        _queue(store, chat, statuses=["maybe"])


def test_a_decision_changes_the_flag_and_records_it_in_one_go(store: Store, chat: int) -> None:
    flag_id = review.list_flag_ids(store, chat)[0]
    decision = review.set_status(store, flag_id, "dismissed")
    assert store.scalar("SELECT status FROM flags WHERE id = ?", (flag_id,)) == "dismissed"
    assert store.query("SELECT flag_id, old_status, new_status, actor FROM decisions WHERE id = ?", (decision,)) == [
        {"flag_id": flag_id, "old_status": "new", "new_status": "dismissed", "actor": "Test Rep"}]
    entry = _audit(store, "flag.decide")[-1]
    assert entry["objects"] == {"chat": chat, "flag": flag_id, "decision": decision}
    assert entry["details"] == {"old": "new", "new": "dismissed"}
    assert review.set_status(store, flag_id, "dismissed") is None  # no change, nothing recorded
    assert len(_audit(store, "flag.decide")) == 1
    assert flag_id not in review.list_flag_ids(store, chat, statuses=[review.ATTENTION])


def test_dismissed_stays_dismissed_after_rescan(store: Store, chat: int) -> None:
    flag_id = review.list_flag_ids(store, chat)[0]
    review.set_status(store, flag_id, "dismissed")
    scan_chat(store, chat)
    assert store.scalar("SELECT status FROM flags WHERE id = ?", (flag_id,)) == "dismissed"


def test_snooze_needs_a_time_and_comes_back_when_due(store: Store, chat: int) -> None:
    flag_id = review.list_flag_ids(store, chat)[0]
    with pytest.raises(RepError, match="until when"):
        review.set_status(store, flag_id, "snoozed")
    review.set_status(store, flag_id, "snoozed", snooze_until="2999-01-01T07:00:00")
    assert flag_id not in review.list_flag_ids(store, chat, statuses=[review.ATTENTION])
    review.set_status(store, flag_id, "snoozed", snooze_until="2000-01-01T07:00:00")
    assert flag_id in review.list_flag_ids(store, chat, statuses=[review.ATTENTION])
    assert review.snooze_until_tomorrow().endswith("T07:00:00")


def test_undo_walks_back_through_the_history(store: Store, chat: int) -> None:
    first, second = review.list_flag_ids(store, chat)[:2]
    review.set_status(store, first, "confirmed")
    review.set_status(store, second, "snoozed", snooze_until="2999-01-01T07:00:00")
    review.set_status(store, first, "dismissed")
    assert review.undo_last(store, chat) == {"flag_id": first, "flag_ids": [first], "status": "confirmed"}
    assert review.undo_last(store, chat) == {"flag_id": second, "flag_ids": [second], "status": "new"}
    assert store.scalar("SELECT snoozed_until FROM flags WHERE id = ?", (second,)) is None
    assert review.undo_last(store, chat) == {"flag_id": first, "flag_ids": [first], "status": "new"}
    assert review.undo_last(store, chat) is None
    undos = [e for e in _audit(store, "flag.decide") if e["details"].get("undo")]
    assert len(undos) == 3 and all("undoes" in e["details"] for e in undos)
    history = review.flag_detail(store, first)["decisions"]
    assert [(d["new_status"], d["undoes"] is not None) for d in history] == [
        ("confirmed", False), ("dismissed", False), ("confirmed", True), ("new", True)]


def test_notes_need_text_and_a_subject_and_are_audited_without_it(store: Store, chat: int) -> None:
    flag_id = review.list_flag_ids(store, chat)[0]
    with pytest.raises(RepError, match="empty"):
        review.add_note(store, "   ", flag_id=flag_id)
    with pytest.raises(RepError, match="belongs to"):
        review.add_note(store, "x")
    with pytest.raises(NotFoundError):
        review.add_note(store, "x", flag_id=999_999)
    note = review.add_note(store, "  Seen by the head.  ", flag_id=flag_id)
    assert review.flag_detail(store, flag_id)["notes"][0]["text"] == "Seen by the head."
    entry = _audit(store, "note.add")[-1]
    assert entry["objects"] == {"chat": chat, "note": note, "flag": flag_id} and entry["details"] == {"length": 17}
    member = review.flag_detail(store, flag_id)["member_id"]
    review.add_note(store, "Usually helpful.", member_id=member)
    assert member_detail(store, member)["notes"][0]["text"] == "Usually helpful."


def test_message_context_surrounds_the_message_in_chat_order(store: Store, chat: int) -> None:
    flag = review.flag_detail(store, review.list_flag_ids(store, chat)[0])
    context = review.message_context(store, flag["message_id"], before=2, after=2)
    assert [m["target"] for m in context].count(True) == 1
    assert [m["seq"] for m in context] == sorted(m["seq"] for m in context)
    assert len(context) <= 5 and flag["clause_text"] and flag["explanation"]
    with pytest.raises(NotFoundError):
        review.message_context(store, 999_999)


def test_member_summaries_add_up(store: Store, chat: int) -> None:
    rows = member_summaries(store, chat)
    assert sum(r["flags"] for r in rows) == store.scalar("SELECT count(*) FROM flags WHERE chat_id = ? AND active = 1", (chat,))
    assert sum(r["messages"] for r in rows) == store.scalar(
        "SELECT count(*) FROM messages WHERE chat_id = ? AND member_id IS NOT NULL", (chat,))
