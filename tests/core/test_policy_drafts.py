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


def _school_settings(**values: str) -> Settings:
    settings = Settings(dict(SETTINGS))
    for key in ("school_name", "school_email", "school_phone", "school_escalation"):
        settings.set(key, values.get(key, ""))
    return settings


def test_drafts_use_the_school_facts_the_rep_confirmed_from_the_imported_code(store: Store) -> None:
    """Facts read from a code (name, e-mail, phone, escalation route), confirmed into Settings, reach the drafts."""
    from rep_assistant.core.acting import incidents
    from tests.acting import world

    code = ("Oakmere Junior School\nGuidelines for class WhatsApp groups\n\n"
            "- Never share photos of children.\n"
            "- Concerns about teaching should be raised with the class teacher, then the Deputy Head, not in the group.\n\n"
            "Contact: office@oakmere.example.com or 07700 900456\n")
    facts = parse_policy_text(code, policy_id="oakmere").facts
    assert facts["escalation"] == "the class teacher, then the Deputy Head"
    settings = _school_settings(school_name=facts["school_name"], school_email=facts["school_email"],
                                school_phone=facts["school_phone"], school_escalation=facts["escalation"])
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    notice = create_draft(store, "school-notification", settings, incident_id=incidents.create_incident(store, [flag]))
    assert notice.to == "office@oakmere.example.com"
    assert notice.body.startswith("Dear leadership team at Oakmere Junior School,")
    assert "As the school's code asks, I am passing this to the class teacher, then the Deputy Head;" in notice.body
    for kind in ("removal-request", "group-reminder"):
        body = create_draft(store, kind, settings, flag_id=flag).body
        assert "as the school's code asks, please take it to the class teacher, then the Deputy Head (school contact: office@oakmere.example.com)." in body


def test_drafts_state_no_school_fact_that_settings_do_not_hold(store: Store) -> None:
    from rep_assistant.core.acting import incidents
    from tests.acting import world

    w = world(store)
    flag = w.confirmed_flag_on("useless")
    settings = _school_settings()
    notice = create_draft(store, "school-notification", settings, incident_id=incidents.create_incident(store, [flag]))
    assert notice.to == "" and notice.body.startswith("Dear leadership team,\n")
    assert "the school," not in notice.body and "passing this to" not in notice.body and "code asks" not in notice.body
    for kind in ("warning", "group-reminder", "removal-request", "removal-notice"):
        body = create_draft(store, kind, settings, flag_id=flag).body
        assert "()" not in body and "code asks" not in body and "the school office" not in body, (kind, body)
    assert "please take it to the school directly." in create_draft(store, "group-reminder", settings, flag_id=flag).body
    # A route that is only "the school" is no news to the school: the notification doesn't say it passes it on.
    settings.set("school_escalation", "Please contact the school directly if you have a concern.")
    notice = create_draft(store, "school-notification", settings, incident_id=incidents.create_incident(store, [flag]))
    assert "passing this to" not in notice.body
    assert "as the school's code asks, please take it to the school." in create_draft(store, "removal-request", settings, flag_id=flag).body
