"""prepare_demo runs the real importer and scanner into a store of its own, once.

Why it matters: `rep-assistant --demo` and `scan --demo` are a new rep's first look, so the demo
must show every kind of flag the app knows, and must never touch the rep's own store.
"""

from rep_assistant.core import demo, paths
from rep_assistant.core.policy import CATEGORY_IDS
from rep_assistant.core.store import Store


def test_demo_is_imported_and_scanned_into_its_own_store() -> None:
    db_path, chat_id = demo.prepare_demo()
    assert db_path == demo.demo_db_path() != paths.default_db_path()
    assert not paths.default_db_path().exists()
    with Store(db_path) as store:
        assert store.scalar("SELECT name FROM chats WHERE id = ?", (chat_id,)) == demo.DEMO_CHAT_NAME
        assert store.scalar("SELECT count(*) FROM messages WHERE chat_id = ? AND kind = 'message'", (chat_id,)) >= 120
        assert store.scalar("SELECT count(*) FROM messages WHERE edited = 1") == 1
        kinds = {r["system_event"] for r in store.query("SELECT DISTINCT system_event FROM messages WHERE kind = 'system'")}
        assert {"added", "removed", "left", "joined"} <= kinds


def test_demo_shows_a_flag_in_every_category() -> None:
    db_path, chat_id = demo.prepare_demo()
    with Store(db_path) as store:
        flagged = {r["category"] for r in store.query("SELECT DISTINCT category FROM flags WHERE chat_id = ? AND active = 1", (chat_id,))}
    assert flagged == set(CATEGORY_IDS)


def test_the_demo_school_number_is_not_personal_data() -> None:
    db_path, _ = demo.prepare_demo()
    with Store(db_path) as store:
        rows = store.query(
            "SELECT f.category FROM flags f JOIN messages m ON m.id = f.message_id WHERE m.text LIKE ?",
            (f"%{demo.DEMO_SETTINGS['school_phone']}%",))
    assert "personal-data" not in {r["category"] for r in rows}


def test_preparing_again_changes_nothing() -> None:
    first = demo.prepare_demo()
    with Store(first[0]) as store:
        before = store.scalar("SELECT count(*) FROM audit_log"), store.scalar("SELECT count(*) FROM flags")
    assert demo.prepare_demo() == first
    with Store(first[0]) as store:
        assert (store.scalar("SELECT count(*) FROM audit_log"), store.scalar("SELECT count(*) FROM flags")) == before
        assert [r["action"] for r in store.query("SELECT action FROM audit_log ORDER BY id")] == ["import", "scan"]


def test_demo_settings_never_save_over_the_reps_own() -> None:
    settings = demo.demo_settings()
    settings.save()
    assert settings.path.parent == demo.demo_dir()
    assert not (paths.config_dir() / "settings.json").exists()
