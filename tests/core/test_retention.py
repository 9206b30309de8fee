"""Retention: purging old text, keeping what an open incident needs, audited and really gone."""

import datetime as dt
from pathlib import Path

import pytest

from rep_assistant.core.acting import incidents
from rep_assistant.core.duties import audit, retention, wipe
from rep_assistant.core.errors import NotFoundError, RepError
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.store import Store
from tests.core import made_up_group

# The made-up chat runs 1-5 September 2025.
AFTER_IT = dt.date(2025, 12, 1)


@pytest.fixture
def group(store: Store, tmp_path: Path) -> made_up_group.Group:
    return made_up_group.build(store, tmp_path)


def _unpurged(store: Store) -> int:
    return store.scalar("SELECT count(*) FROM messages WHERE purged_at IS NULL")


def test_the_plan_counts_per_chat_and_changes_nothing(group: made_up_group.Group) -> None:
    store = group.store
    before = _unpurged(store)
    plan = retention.plan_purge(store, 30, today=AFTER_IT)
    assert plan.cutoff == "2025-11-01"
    by_chat = {c.chat: c for c in plan.chats}
    assert set(by_chat) == {"Year 3 Parents", made_up_group.NAME}
    assert by_chat[made_up_group.NAME].messages == 2
    assert by_chat[made_up_group.NAME].first == "2025-09-05T10:00:00"
    # The open incident's two flagged messages sit in a 14-message chat: CONTEXT either side keeps all of it.
    assert by_chat.get("Year 3 Parents").messages + plan.kept_for_incidents == 14
    assert plan.kept_for_incidents > 0
    assert _unpurged(store) == before


def test_purge_blanks_old_text_keeps_rows_and_the_open_incident(group: made_up_group.Group) -> None:
    store = group.store
    flagged = store.scalar("SELECT message_id FROM flags WHERE id = ?", (group.jane_flag,))
    plan = retention.plan_purge(store, 30, today=AFTER_IT)
    rows_before = store.scalar("SELECT count(*) FROM messages")
    assert retention.purge(store, plan) == plan.total

    assert store.scalar("SELECT count(*) FROM messages") == rows_before
    assert store.scalar("SELECT text FROM messages WHERE id = ?", (flagged,)).startswith("Honestly")
    assert store.scalar("SELECT count(*) FROM messages WHERE purged_at IS NOT NULL AND (text != '' OR media_sha256 IS NOT NULL)") == 0
    assert store.scalar("SELECT count(*) FROM messages WHERE purged_at IS NOT NULL") == plan.total
    # Flags and decisions still point at real rows.
    assert store.scalar("SELECT count(*) FROM flags WHERE message_id IS NULL") == 0


def test_resolving_the_incident_lets_its_messages_go_and_their_words_leave_the_file(group: made_up_group.Group) -> None:
    store = group.store
    incidents.update_incident(store, group.incident, status="resolved")
    plan = retention.plan_purge(store, 30, today=AFTER_IT)
    assert plan.kept_for_incidents == 0
    retention.purge(store, plan)
    assert _unpurged(store) == 0
    assert store.scalar("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'quokkaface'") == 0
    raw = b"".join(Path(f"{store.path}{s}").read_bytes() for s in ("", "-wal") if Path(f"{store.path}{s}").exists())
    for word in made_up_group.HER_WORDS:
        assert word.encode() not in raw
    # Flags keep their clause but no longer quote the purged text.
    explanations = [r[0] for r in store.db.conn.execute("SELECT explanation FROM flags")]
    assert explanations and all(e.startswith(wipe.WORDING_REMOVED + " — clause ") for e in explanations)
    # Media no message refers to any more is gone from disk too.
    assert store.scalar("SELECT count(*) FROM media") == 0
    assert not group.media_only_hers.exists() and not group.media_shared.exists()
    store.db.conn.execute("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")
    assert store.scalar("PRAGMA integrity_check") == "ok"


def test_purge_is_one_audited_entry_with_counts_only(group: made_up_group.Group) -> None:
    store = group.store
    plan = retention.plan_purge(store, 30, chat=made_up_group.NAME, today=AFTER_IT)
    retention.purge(store, plan)
    entry = audit.entries(store.db.conn, action="purge")[-1]
    chat_id = store.scalar("SELECT id FROM chats WHERE name = ?", (made_up_group.NAME,))
    assert entry["objects"] == {"chats": [chat_id]}
    assert entry["details"]["messages"] == 2 and entry["details"]["cutoff"] == "2025-11-01"
    assert audit.verify(store.db.conn).ok
    assert retention.purge(store, retention.plan_purge(store, 30, chat=made_up_group.NAME, today=AFTER_IT)) == 0
    assert len(audit.entries(store.db.conn, action="purge")) == 1


def test_recent_text_is_kept(group: made_up_group.Group) -> None:
    assert retention.plan_purge(group.store, 30, today=dt.date(2025, 9, 10)).total == 0


def test_reimporting_after_a_purge_does_not_bring_text_back(store: Store, tmp_path: Path) -> None:
    export = tmp_path / "WhatsApp Chat with Class 5.txt"
    export.write_text("01/09/2025, 08:00 - Tom Smith: an old message\n", encoding="utf-8")
    import_export(store, export)
    retention.purge(store, retention.plan_purge(store, 30, today=AFTER_IT))
    import_export(store, export)
    assert store.scalar("SELECT count(*) FROM messages") == 1
    assert store.scalar("SELECT text FROM messages") == ""


def test_bad_requests_are_sentences(group: made_up_group.Group) -> None:
    with pytest.raises(RepError, match="at least one day"):
        retention.plan_purge(group.store, 0)
    with pytest.raises(NotFoundError, match="no chat"):
        retention.plan_purge(group.store, 30, chat="Nope")


def test_an_incident_opened_after_the_plan_still_protects_its_messages(group: made_up_group.Group) -> None:
    store = group.store
    incidents.update_incident(store, group.incident, status="resolved")
    plan = retention.plan_purge(store, 30, today=AFTER_IT)
    assert plan.kept_for_incidents == 0
    incidents.update_incident(store, group.incident, status="open")  # reopened in another window meanwhile
    blanked = retention.purge(store, plan)
    assert blanked < plan.total
    flagged = store.scalar("SELECT message_id FROM flags WHERE id = ?", (group.jane_flag,))
    assert store.scalar("SELECT purged_at FROM messages WHERE id = ?", (flagged,)) is None
    assert audit.entries(store.db.conn, action="purge")[-1]["details"]["messages"] == blanked
