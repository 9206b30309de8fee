"""A small made-up class chat, imported and scanned for real, for the acting-on-a-breach tests.

People, numbers and addresses are invented (07700 900xxx, @example.com). ``world()`` returns
the store with flags confirmed through the review desk, so incidents and drafts start where a
rep would start.
"""

from dataclasses import dataclass
from pathlib import Path

from rep_assistant.core.detection.scan import scan_chat
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

EXPORT = Path(__file__).resolve().parent / "data" / "acting" / "year3-maple.txt"
CHAT = "Year 3 Maple"
#: Bystanders' contact details that must never leave in a masked bundle.
BYSTANDER_DETAILS = ("07700 900123", "900123", "anna.smith@example.com", "07700 900789", "900789", "900456")
SETTINGS = {"rep_name": "Jo Rep", "school_name": "Maple Primary", "school_email": "office@maple.example.com",
            "school_phone": "01632 960000"}


@dataclass
class World:
    store: Store
    chat_id: int
    settings: Settings

    def flag_on(self, text: str) -> int:
        """The id of a breach flag on the message containing ``text``."""
        row = self.store.query(
            "SELECT f.id FROM flags f JOIN messages m ON m.id = f.message_id WHERE m.text LIKE ? AND f.severity = 'breach' "
            "ORDER BY f.rank DESC, f.id LIMIT 1", [f"%{text}%"])
        assert row, f"no breach flag on a message containing {text!r}"
        return row[0]["id"]

    def confirmed_flag_on(self, text: str) -> int:
        from rep_assistant.core.reviewing.review import set_status

        flag_id = self.flag_on(text)
        set_status(self.store, flag_id, "confirmed")
        return flag_id

    def member_id(self, name: str) -> int:
        return self.store.scalar("SELECT id FROM members WHERE chat_id = ? AND name = ?", [self.chat_id, name])


def world(store: Store) -> World:
    """Import the made-up export and scan it with the built-in model policy, as the rep's first steps do."""
    import_export(store, EXPORT, chat_name=CHAT)
    chat_id = store.scalar("SELECT id FROM chats WHERE name = ?", [CHAT])
    scan_chat(store, chat_id)
    return World(store, chat_id, Settings(dict(SETTINGS)))
