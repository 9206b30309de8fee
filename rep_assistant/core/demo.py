"""The bundled demo: a made-up class chat in its own store, imported and scanned.

A new rep learns what the app does by seeing it work on a chat that has something to find, so
the demo is a real export run through the real importer and scanner, not canned screens. It
lives in its own folder under the data dir so that made-up parents never mix with a rep's real
chats, and so that deleting that folder resets it.
"""

import hashlib
from pathlib import Path

from rep_assistant import __version__
from rep_assistant.core import paths, resources
from rep_assistant.core.importing.import_scan import import_and_scan
from rep_assistant.core.policy import DEFAULT_POLICY_ID, load_policy
from rep_assistant.core.progress import CancelFn, ProgressFn
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

DEMO_CHAT_NAME = "Maple Class Parents"
DEMO_EXPORT_NAME = f"WhatsApp Chat with {DEMO_CHAT_NAME}.txt"
DEMO_ACTOR = "demo"
#: What the rep of the demo class would have set up: the school's published number and address
#: are theirs to share, so the demo shows them passing, not flagged. All made up.
DEMO_SETTINGS = {
    "rep_name": "Emma Fairbairn",
    "school_name": "Ashby Fenwick Primary School",
    "school_email": "office.ashbyfenwick@example.com",
    "school_phone": "01632 960123",
}
#: meta key holding "<app version>:<export sha256>" once the demo store is imported and scanned;
#: a new app version (new rules) or a changed demo file prepares it again.
_PREPARED_KEY = "demo_prepared"


def demo_dir() -> Path:
    return paths.ensure_private_dir(paths.data_dir() / "demo")


def demo_export_path() -> Path:
    """The demo export as a real file, so it can be imported like any export a rep would pick.

    Copied (not opened in place) because the packaged resource may sit inside a zip or a frozen
    bundle; re-copied whenever the packaged file differs from the copy.
    """
    target = demo_dir() / DEMO_EXPORT_NAME
    packaged = resources.read_bytes(f"demo/{DEMO_EXPORT_NAME}")
    if not target.exists() or target.read_bytes() != packaged:
        paths.write_private(target, packaged)
    return target


def demo_db_path() -> Path:
    return demo_dir() / paths.DB_FILENAME


def demo_settings() -> Settings:
    """Settings for showing the demo: the demo class's rep and school, saved (if ever) in the demo folder."""
    return Settings(DEMO_SETTINGS, path=demo_dir() / "settings.json")


def _prepared_marker(export: Path) -> str:
    return f"{__version__}:{hashlib.sha256(export.read_bytes()).hexdigest()}"


def _demo_chat_id(store: Store) -> int | None:
    return store.scalar("SELECT id FROM chats WHERE name = ?", (DEMO_CHAT_NAME,))


def prepare_demo(progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> tuple[Path, int]:
    """Make sure the demo store holds the demo chat, imported and scanned; return (db path, chat id).

    Idempotent: when this app version has already prepared this demo file, nothing is written
    (so opening the demo again does not pile up audit entries). The scan uses the built-in model
    policy and the demo class's settings, not the rep's, so every demo shows the same flags.
    """
    export = demo_export_path()
    db_path = demo_db_path()
    marker = _prepared_marker(export)
    with Store(db_path, actor=DEMO_ACTOR) as store:
        chat_id = _demo_chat_id(store)
        done = store.scalar("SELECT value FROM meta WHERE key = ?", (_PREPARED_KEY,))
        if chat_id is not None and done == marker:
            return db_path, chat_id
        chat_id = import_and_scan(store, export, chat_name=DEMO_CHAT_NAME, policy=load_policy(DEFAULT_POLICY_ID),
                                  settings=demo_settings(), progress=progress, cancelled=cancelled)[0].chat_id
        with store.transaction():
            store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_PREPARED_KEY, marker))
    return db_path, chat_id
