"""The rep's own flags and suppressions, and the queue's one item per message (core, no Qt).

The chat is tests/acting.py's made-up class chat, imported and scanned for real.
"""

import io
import json
import zipfile

import pytest

from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.bundle import make_bundle
from rep_assistant.core.detection.scan import scan_chat
from rep_assistant.core.errors import RepError
from rep_assistant.core.policy import active_policy
from rep_assistant.core.reviewing import conversation, manual, queue, review
from rep_assistant.core.store import Store
from tests.acting import World, world


def _message(w: World, text: str) -> int:
    return w.store.scalar("SELECT id FROM messages WHERE text LIKE ?", [f"%{text}%"])


def _audit(store: Store, action: str) -> list[dict]:
    return [json.loads(r["details"]) for r in store.query("SELECT details FROM audit_log WHERE action = ?", [action])]


def test_a_hand_made_flag_goes_through_an_incident_into_the_bundle(store: Store) -> None:
    w = world(store)
    message = _message(w, "same thing last week")
    assert store.scalar("SELECT count(*) FROM flags WHERE message_id = ?", [message]) == 0
    policy = active_policy(w.settings)
    flag_id = manual.flag_by_hand(store, message, "individual-child", policy)

    flag = review.flag_detail(store, flag_id)
    assert (flag["status"], flag["rule_id"], flag["active"]) == ("confirmed", "manual", 1)
    assert flag["clause_id"] == policy.clause_for("individual-child").id
    assert "by hand" in flag["explanation"]
    assert _audit(store, "flag.add") == [{"category": "individual-child", "clause_id": flag["clause_id"], "rule_id": "manual"}]
    assert any(flag_id in item.flag_ids for item in queue.queue_items(store, w.chat_id, statuses=["confirmed"]))

    scan_chat(store, w.chat_id)  # a re-scan never retires the rep's own flag
    assert review.flag_detail(store, flag_id)["active"] == 1

    incident = incidents.create_incident(store, [flag_id])
    bundle = make_bundle(store, incident, w.settings, render_pdf=None)
    with zipfile.ZipFile(io.BytesIO(bundle.data)) as zipped:
        messages = json.loads(zipped.read("messages.json"))
        clauses = zipped.read("clauses.txt").decode("utf-8")
    assert any("same thing last week" in (m.get("text") or "") for group in messages for m in group)
    assert policy.clause_for("individual-child").text in clauses


def test_the_rep_may_cite_another_clause_and_take_the_flag_back(store: Store) -> None:
    w = world(store)
    policy = active_policy(w.settings)
    other = next(c for c in policy.clauses if c.kind == "breach" and "threat" not in c.categories)
    flag_id = manual.flag_by_hand(store, _message(w, "Cake sale"), "threat", policy, clause_id=other.id)
    assert review.flag_detail(store, flag_id)["clause_id"] == other.id
    manual.unflag(store, flag_id)
    assert review.flag_detail(store, flag_id)["active"] == 0
    with pytest.raises(RepError):
        manual.unflag(store, w.flag_on("useless"))  # the scanner's flags are dismissed, not taken back


def test_suggestion_is_a_category_the_policy_covers(store: Store) -> None:
    w = world(store)
    policy = active_policy(w.settings)
    useless = _message(w, "useless")
    assert manual.suggest_category(store, useless, policy) not in {"offensive-language", "personal-data"}  # flagged already
    with store.transaction():  # a finding a later scan retired is offered first
        store.db.execute("UPDATE flags SET active = 0 WHERE message_id = ? AND category = 'personal-data'", [useless])
    assert manual.suggest_category(store, useless, policy) == "personal-data"
    choices = manual.category_choices(policy)
    assert {c["category"] for c in choices} == set(policy.covered)


def test_one_item_per_message_and_one_decision_for_all_its_flags(store: Store) -> None:
    w = world(store)
    message = _message(w, "useless")
    items = queue.queue_items(store, w.chat_id, statuses=[review.ATTENTION])
    mine = [item for item in items if item.message_id == message]
    on_message = store.query("SELECT id, category FROM flags WHERE message_id = ? AND active = 1", [message])
    assert len(on_message) >= 2  # the swearing, the phone number (and the insult to the teacher)
    assert len(mine) == 1 and set(mine[0].flag_ids) == {f["id"] for f in on_message}
    assert len({item.message_id for item in items}) == len(items)
    row = queue.item_summaries(store, mine)[0]
    assert set(row["categories"]) == {f["category"] for f in on_message} >= {"offensive-language", "personal-data"}

    review.decide(store, mine[0].flag_ids, "confirmed")
    after = queue.queue_items(store, w.chat_id, statuses=[review.ATTENTION])
    assert len(after) == len(items) - 1
    assert queue.evening_summary(store, w.chat_id)["confirmed"] == 1

    undone = review.undo_last(store, w.chat_id)
    assert undone is not None and sorted(undone["flag_ids"]) == sorted(mine[0].flag_ids)
    assert len(queue.queue_items(store, w.chat_id, statuses=[review.ATTENTION])) == len(items)


def test_never_flag_this_kind_here_survives_a_rescan_until_lifted(store: Store) -> None:
    w = world(store)
    flag_id = w.flag_on("parking")
    kind = store.query("SELECT category, rule_id FROM flags WHERE id = ?", [flag_id])[0]
    suppression = manual.suppress_like(store, flag_id)
    assert review.flag_detail(store, flag_id)["status"] == "dismissed"
    scan_chat(store, w.chat_id)
    produced = store.scalar("SELECT count(*) FROM flags WHERE chat_id = ? AND category = ? AND rule_id = ? AND active = 1",
                            [w.chat_id, kind["category"], kind["rule_id"]])
    assert produced == 0
    manual.lift_suppression(store, suppression)
    scan_chat(store, w.chat_id)
    assert review.flag_detail(store, flag_id)["active"] == 1
    assert review.flag_detail(store, flag_id)["status"] == "dismissed"  # the rep's decision is kept


def test_worth_a_look_findings_stay_apart_from_the_main_queue(store: Store) -> None:
    w = world(store)
    with store.transaction():  # as the scanner's "worth a look" tier marks what it is unsure of
        unsure = w.flag_on("parking")  # every flag on that message is unsure (one sure flag makes it a main item)
        store.db.execute("UPDATE flags SET tier = 'worth-a-look' WHERE message_id = (SELECT message_id FROM flags WHERE id = ?)", [unsure])
        unsure_ids = {r[0] for r in store.db.execute(
            "SELECT id FROM flags WHERE message_id = (SELECT message_id FROM flags WHERE id = ?) AND active = 1", [unsure]).fetchall()}
    main = queue.queue_items(store, w.chat_id, statuses=[review.ATTENTION])
    apart = queue.queue_items(store, w.chat_id, tier=queue.WORTH_A_LOOK, statuses=[review.ATTENTION])
    assert not set(unsure_ids) & {f for item in main for f in item.flag_ids}
    assert unsure_ids in [set(item.flag_ids) for item in apart]
    assert all(store.scalar(f"SELECT count(*) FROM flags WHERE id IN ({','.join(map(str, item.flag_ids))}) AND tier = 'main'") == 0
               for item in apart)
    assert [row["new_flags"] for row in conversation.recent_chats(store)] == [len(main)]  # the chat list counts as the queue does
