"""Drafts: every kind filled from the record, polite, overridable, and safe with any text."""

import re

import pytest

from rep_assistant.core import paths
from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.drafting import BUILTIN_KINDS, TemplateError, create_draft, fields, load_template, record_draft_use, render
from rep_assistant.core.acting.drafting.facts import why_it_matters
from rep_assistant.core.acting.register import record_member_event, sync_chat_events
from rep_assistant.core.duties import audit
from rep_assistant.core.policy.categories import CATEGORIES, CATEGORY_IDS
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
    assert "\n\n\n" not in draft.body, "an empty conditional sentence left a gap"
    if kind == "school-notification":
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
    record_member_event(store, w.chat_id, w.member_id("Sam Jones"), "warn", "asked to keep it kind", flag_id=flag)
    record_draft_use(store, create_draft(store, "removal-request", w.settings, flag_id=flag), "copied")
    draft = create_draft(store, "school-notification", w.settings, incident_id=incident)
    assert draft.is_email and draft.to == "office@maple.example.com"
    assert draft.subject.startswith("Year 3 Maple:")
    assert "Thursday 12 March 2026 at 21:05, Sam Jones wrote: “Mrs Green is" in draft.body
    assert "gave Sam Jones a private warning (asked to keep it kind)" in draft.body
    assert "request asking the poster to delete the message (copied to send in WhatsApp)" in draft.body
    assert "You removed" not in draft.body and "was removed from the group in WhatsApp" in draft.body
    assert "I can send you the incident bundle" in draft.body and "attached" not in draft.body  # nothing is attached to text


def test_drafting_records_nothing_and_each_use_is_audited_by_kind_and_ids_never_text(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    sync_chat_events(store, w.chat_id)  # the register learning the chat's removals is not the draft's doing
    before = audit.verify(store.db.conn).checked
    for kind in BUILTIN_KINDS:  # browsing every kind is not an action
        draft = create_draft(store, kind, w.settings, flag_id=flag)
    assert audit.verify(store.db.conn).checked == before
    draft = create_draft(store, "warning", w.settings, flag_id=flag)
    record_draft_use(store, draft, "copied")
    (used,) = audit.entries(store.db.conn, action="draft.use")
    assert used["objects"] == {"chat": w.chat_id, "flag": flag}
    assert used["details"] == {"kind": "warning", "how": "copied"}
    assert audit.verify(store.db.conn).checked == before + 1
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


# -- tone: what was posted decides how the draft sounds --------------------------------------

def _as_category(store: Store, flag: int, category: str, severity: str) -> None:
    """Make a flag of another category: the wording depends on the category, not on how it was detected."""
    with store.transaction():
        store.db.conn.execute("UPDATE flags SET category = ?, severity = ? WHERE id = ?", (category, severity, flag))


def test_a_threat_gets_a_firm_calm_text_that_plays_nothing_down(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    _as_category(store, flag, "threat", "breach")
    for kind in ("removal-request", "warning"):
        draft = create_draft(store, kind, w.settings, flag_id=flag)
        lowered = draft.body.lower()
        assert draft.tone == "firm"
        assert "wasn't meant" not in lowered and "nothing serious" not in lowered and "friendly note" not in lowered
        assert "could be read as a threat" in lowered
        assert "please" in lowered


def test_a_late_night_post_gets_a_light_text(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    _as_category(store, flag, "late-night", "advisory")
    draft = create_draft(store, "removal-request", w.settings, flag_id=flag)
    assert draft.tone == "light" and "friendly note" in draft.body and "quiet hours" in draft.body
    assert "Please delete it from the group now" not in draft.body
    assert "gentle reminder" in create_draft(store, "group-reminder", w.settings, flag_id=flag).body


@pytest.mark.parametrize("category", CATEGORY_IDS)
def test_every_category_has_its_own_reason_in_the_drafts(store: Store, category: str) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    _as_category(store, flag, category, CATEGORIES[category].default)
    reason = why_it_matters(category)
    assert reason != why_it_matters("no-such-category")
    assert reason in create_draft(store, "removal-request", w.settings, flag_id=flag).body


def test_swearing_personal_data_staff_and_a_childs_health_each_get_wording_that_fits() -> None:
    assert "language" in why_it_matters("offensive-language")
    assert "personal details" in why_it_matters("personal-data")
    assert "member of staff" in why_it_matters("grievance")
    assert "one child" in why_it_matters("individual-child")


# -- every sentence that states a fact, true both ways ----------------------------------------

def test_the_school_is_said_to_know_only_when_a_notification_or_report_was_recorded(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    told = "I have let the school know"
    assert told not in create_draft(store, "removal-notice", w.settings, flag_id=flag).body  # no incident
    incident = incidents.create_incident(store, [flag])
    record_draft_use(store, create_draft(store, "removal-request", w.settings, flag_id=flag), "copied")
    body = create_draft(store, "removal-notice", w.settings, flag_id=flag).body
    assert told not in body and "the school is the right place: office@maple.example.com" in body
    create_draft(store, "school-notification", w.settings, incident_id=incident)  # drafted, never used: not told
    assert told not in create_draft(store, "removal-notice", w.settings, flag_id=flag).body
    record_draft_use(store, create_draft(store, "school-notification", w.settings, incident_id=incident), "mailto")
    assert told in create_draft(store, "removal-notice", w.settings, flag_id=flag).body


def test_an_incident_marked_reported_counts_as_the_school_told(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    incident = incidents.create_incident(store, [flag])
    assert "I have let the school know" not in create_draft(store, "removal-notice", w.settings, incident_id=incident).body
    incidents.update_incident(store, incident, status="reported")
    assert "I have let the school know" in create_draft(store, "removal-notice", w.settings, incident_id=incident).body


def test_the_notice_says_removed_only_when_the_register_shows_the_removal(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")  # Sam was removed in WhatsApp, then added back: in the group now
    body = create_draft(store, "removal-notice", w.settings, flag_id=flag).body
    assert "I am removing you from the group" in body and "I have removed you" not in body
    record_member_event(store, w.chat_id, w.member_id("Sam Jones"), "remove", "kept posting", flag_id=flag)
    body = create_draft(store, "removal-notice", w.settings, flag_id=flag).body
    assert "I have removed you from the group" in body and "I am removing you" not in body


def test_an_earlier_warning_is_mentioned_only_when_the_register_holds_one(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    for kind in ("removal-notice", "warning", "removal-request"):
        assert "I wrote to you privately" not in create_draft(store, kind, w.settings, flag_id=flag).body
    record_member_event(store, w.chat_id, w.member_id("Sam Jones"), "warn", "asked to keep it kind", flag_id=flag)
    warned_on = fields.nice_date(store.scalar("SELECT at FROM member_events WHERE kind = 'warning'"))
    for kind in ("removal-notice", "warning"):
        assert f"I wrote to you privately on {warned_on}" in create_draft(store, kind, w.settings, flag_id=flag).body


def test_guidelines_are_said_to_be_agreed_with_the_school_only_for_a_policy_the_rep_imported(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    assert "agreed with" not in create_draft(store, "warning", w.settings, flag_id=flag).body  # the built-in model policy
    with store.transaction():
        store.db.conn.execute("UPDATE flags SET policy_id = 'maple-primary-2026' WHERE id = ?", (flag,))
    assert "the group's guidelines agreed with Maple Primary" in create_draft(store, "warning", w.settings, flag_id=flag).body
    w.settings.set("school_name", "")
    assert "agreed with" not in create_draft(store, "warning", w.settings, flag_id=flag).body


def test_the_bundle_is_said_to_be_attached_only_when_it_is(store: Store) -> None:
    w = world(store)
    incident = incidents.create_incident(store, [w.confirmed_flag_on("useless")])
    plain = create_draft(store, "school-notification", w.settings, incident_id=incident)
    attached = create_draft(store, "school-notification", w.settings, incident_id=incident, attached=True)
    assert "I have attached the incident bundle" not in plain.body and "I can send you the incident bundle" in plain.body
    assert "I have attached the incident bundle" in attached.body
    edited = "Dear all, my own words.\n" + attached.body
    assert plain.with_bundle_note(edited, attached=False) == "Dear all, my own words.\n" + plain.body
    assert plain.with_bundle_note(plain.body, attached=True) == attached.body


def test_nothing_done_yet_is_said_only_when_nothing_is_recorded(store: Store) -> None:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    with store.transaction():  # a chat without removals in it, so nothing has been done
        store.db.conn.execute("UPDATE messages SET system_event = NULL WHERE kind = 'system'")
    assert "Nothing yet" in create_draft(store, "school-notification", w.settings, flag_id=flag).body
    record_member_event(store, w.chat_id, w.member_id("Sam Jones"), "warn", "asked to keep it kind", flag_id=flag)
    body = create_draft(store, "school-notification", w.settings, flag_id=flag).body
    assert "Nothing yet" not in body and "gave Sam Jones a private warning" in body


def test_a_tone_variant_of_the_reps_own_comes_first_then_their_plain_copy(store: Store) -> None:
    (paths.user_templates_dir() / "warning.txt").write_text("Mine: {member_first_name}\n", encoding="utf-8")
    assert load_template("warning", "firm").body == "Mine: {member_first_name}\n"
    (paths.user_templates_dir() / "warning.firm.txt").write_text("Firmly mine\n", encoding="utf-8")
    assert load_template("warning", "firm").body == "Firmly mine\n"
    assert load_template("removal-request", "light").source == "the built-in removal-request template (light)"
    from rep_assistant.core.acting.drafting import available_kinds

    assert "warning.firm" not in available_kinds() and "warning" in available_kinds()


def test_a_renamed_chat_is_what_drafts_speak_for(store: Store) -> None:
    from rep_assistant.core.chats import rename_chat

    w = world(store)
    flag = w.confirmed_flag_on("useless")
    rename_chat(store, w.chat_id, "Maple Class (Year 3)")
    body = create_draft(store, "warning", w.settings, flag_id=flag).body
    assert "class rep for Maple Class (Year 3)" in body and "Year 3 Maple" not in body


def test_a_private_message_about_several_flags_is_about_the_most_serious_one() -> None:
    from rep_assistant.core.acting.drafting.facts import most_serious, tone_for

    rows = [{"category": "late-night", "severity": "advisory"}, {"category": "threat", "severity": "breach"},
            {"category": "threat", "severity": "breach", "later": True}]
    assert most_serious(rows) is rows[1] and tone_for(rows) == "firm"
    assert tone_for(rows[:1]) == "light" and tone_for([{"category": "late-night", "severity": "breach"}]) == "standard"
