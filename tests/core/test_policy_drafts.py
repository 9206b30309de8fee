"""Drafts under a real school's imported code: every quoted clause reads as the school meant it
(a listed item keeps its lead-in), and no clause number the document doesn't print appears."""

import regex

from rep_assistant.core.acting.drafting import create_draft
from rep_assistant.core.detection.scan import scan_chat
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.policy import parse_policy_text
from rep_assistant.core.policy.suggest import has_negation
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from tests.acting import CHAT, EXPORT, SETTINGS
from tests.core.policy_corpus import REAL


def test_drafts_quote_listed_items_as_prohibitions_without_invented_numbers(store: Store) -> None:
    policy = parse_policy_text((REAL / "brereton.txt").read_text(encoding="utf-8"), policy_id="brereton", name="Brereton Primary School")
    import_export(store, EXPORT, chat_name=CHAT)
    chat_id = store.scalar("SELECT id FROM chats WHERE name = ?", [CHAT])
    scan_chat(store, chat_id, policy=policy)
    flags = store.query("SELECT id, clause_id, clause_text, explanation FROM flags WHERE policy_id = 'brereton'")
    assert flags
    settings = Settings(dict(SETTINGS))
    for flag in flags:
        assert flag["clause_id"] == ""  # Brereton numbers nothing
        assert "clause" not in flag["explanation"].split(" says:")[0]
        quote = flag["clause_text"]
        assert has_negation(quote) or regex.search(r"inappropriate|should|please|respect", quote, regex.I), quote
        body = create_draft(store, "group-reminder", settings, flag_id=flag["id"]).body
        assert quote.strip() in body and not regex.search(r"\bp\d+\b|- :", body)
