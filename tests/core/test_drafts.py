"""Drafts: every kind filled from the record, polite, overridable, and safe with any text."""

import re

import pytest

from rep_assistant.core import paths
from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.drafting import BUILTIN_KINDS, TemplateError, create_draft, load_template, record_draft_use, render
from rep_assistant.core.duties import audit
from rep_assistant.core.store import Store
from tests.acting import world

ACCUSATORY = ("you broke", "offensive person", "disgusting", "shameful", "your fault", "you violated", "unacceptable behaviour")


@pytest.mark.parametrize("kind", BUILTIN_KINDS)
def test_every_kind_is_filled_and_polite(store: Store, kind: str) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    draft = create_draft(store, kind, w.settings, flag_id=flag)
    text = "\n".join(filter(None, (draft.subject, draft.to, draft.body)))
    assert not re.search(r"\{[^}]*\}", text), "a placeholder was left unfilled"
    assert "Jo Rep" in draft.body
    lowered = text.lower()
    assert not any(word in lowered for word in ACCUSATORY)
    assert "please" in lowered or "thank" in lowered
    if kind != "group-reminder":
        assert "Maple Primary" in draft.body
    clause = store.scalar("SELECT clause_text FROM flags WHERE id = ?", [flag]).strip()
    assert clause in draft.body


def test_private_drafts_greet_the_poster_and_the_reminder_names_nobody(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    for kind in ("removal-request", "warning", "removal-notice"):
        assert create_draft(store, kind, w.settings, flag_id=flag).body.startswith("Hi Sam,")
    reminder = create_draft(store, "group-reminder", w.settings, flag_id=flag).body
    assert "Sam" not in reminder and "12 March" not in reminder


def test_school_notification_is_an_email_with_excerpt_clause_and_actions(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    incident = incidents.create_incident(store, [flag])
    from rep_assistant.core.acting.register import record_member_event

    record_member_event(store, w.chat_id, w.member_id("Sam Jones"), "warn", "asked to keep it kind", flag_id=flag)
    record_draft_use(store, create_draft(store, "removal-request", w.settings, flag_id=flag), "copied")
    draft = create_draft(store, "school-notification", w.settings, incident_id=incident)
    assert draft.is_email and draft.to == "office@maple.example.com"
    assert draft.subject.startswith("Year 3 Maple:")
    assert "Thursday 12 March 2026 at 21:05, Sam Jones wrote: “Mrs Green is" in draft.body
    assert "gave Sam Jones a private warning (asked to keep it kind)" in draft.body
    assert "request asking the poster to delete the message (copied to send in WhatsApp)" in draft.body
    assert "You removed" not in draft.body and "was removed from the group in WhatsApp" in draft.body
    assert "I have attached the incident bundle" in draft.body


def test_drafts_are_audited_by_kind_and_ids_never_text(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    draft = create_draft(store, "warning", w.settings, flag_id=flag)
    record_draft_use(store, draft, "copied")
    created = audit.entries(store.db.conn, action="draft.create")[-1]
    used = audit.entries(store.db.conn, action="draft.use")[-1]
    assert created["objects"] == {"chat": w.chat_id, "flag": flag} and created["details"]["kind"] == "warning"
    assert used["details"] == {"kind": "warning", "how": "copied"}
    log = str(store.query("SELECT objects, details FROM audit_log"))
    assert "Sam" not in log and "useless" not in log


def test_a_users_template_overrides_the_builtin(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    (paths.user_templates_dir() / "warning.txt").write_text("Dear {member_name}, about {clause_id}. {{braces}} {rep_name}\n",
                                                           encoding="utf-8")
    draft = create_draft(store, "warning", w.settings, flag_id=flag)
    clause_id = store.scalar("SELECT clause_id FROM flags WHERE id = ?", [flag])
    assert draft.body == f"Dear Sam Jones, about {clause_id}. {{braces}} Jo Rep\n"
    assert audit.entries(store.db.conn, action="draft.create")[-1]["details"]["custom"] is True
    assert load_template("removal-request").source == "the built-in removal-request template"


def test_a_new_user_template_is_a_new_kind(store: Store) -> None:
    from rep_assistant.core.acting.drafting import available_kinds

    w = world(store)
    (paths.user_templates_dir() / "thank-you.txt").write_text("Subject: Thanks\n\nThank you, {member_first_name}!\n", encoding="utf-8")
    assert "thank-you" in available_kinds()
    draft = create_draft(store, "thank-you", w.settings, flag_id=w.confirmed_flag_on("useless"))
    assert (draft.subject, draft.body) == ("Thanks", "Thank you, Sam!\n")


def test_unknown_fields_are_reported_with_the_ones_that_exist(store: Store) -> None:
    w = world(store)
    (paths.user_templates_dir() / "warning.txt").write_text("Hi {member_nmae} {flag.__class__} {0}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"\{member_nmae\}, \{flag.__class__\}, \{0\}.*\{member_name\}"):
        create_draft(store, "warning", w.settings, flag_id=w.confirmed_flag_on("useless"))


def test_rendering_never_reinterprets_values() -> None:
    assert render("{a} and {b}", {"a": "{b}", "b": "{0.__class__}"}) == "{b} and {0.__class__}"
    assert render("{{a}} {a}", {"a": "x"}) == "{a} x"
    with pytest.raises(TemplateError):
        render("{a.__init__}", {"a": "x"})


def test_draft_needs_exactly_one_subject(store: Store) -> None:
    w = world(store)
    from rep_assistant.core.errors import RepError

    with pytest.raises(RepError, match="one flag"):
        create_draft(store, "warning", w.settings)


def test_contact_details_in_the_excerpt_are_masked_unless_masking_is_off(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    body = create_draft(store, "school-notification", w.settings, flag_id=flag).body
    assert "07700 9•••••" in body and "07700 900789" not in body
    w.settings.set("redact_bundles", False)
    assert "07700 900789" in create_draft(store, "school-notification", w.settings, flag_id=flag).body


def test_phone_number_posters_are_greeted_without_their_number() -> None:
    from rep_assistant.core.acting.drafting.fields import first_name

    assert first_name("+44 7700 900456", True) == "there"
    assert first_name("Member 7", False, erased=True) == "there"
    assert first_name("Sam Jones", False) == "Sam"
