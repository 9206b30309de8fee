"""Audit entries read as sentences: every kind the app writes has one, ids become names, erased people stay unnamed."""

import datetime as dt
import re
from pathlib import Path

import pytest

import rep_assistant
from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.bundle import export_bundle
from rep_assistant.core.acting.drafting import create_draft, record_draft_use
from rep_assistant.core.acting.register import ACTIONS
from rep_assistant.core.acting.report import incident_evidence, report_html
from rep_assistant.core.chats import rename_chat
from rep_assistant.core.duties import audit, erasure, retention, subject_access
from rep_assistant.core.duties.audit_sentences import SENTENCES, Names, kind_label, sentence
from rep_assistant.core.settings import Settings, save_settings
from rep_assistant.core.store import Store
from tests.core import made_up_group

_PACKAGE = Path(rep_assistant.__file__).parent
#: store.audit("kind", ...) / store.audit(f"member.{action}", ...) anywhere in the app.
_AUDIT_CALL = re.compile(r"""\.audit\(\s*(f?)["']([^"']+)["']""")


def kinds_the_code_writes() -> set[str]:
    kinds = set()
    for path in _PACKAGE.rglob("*.py"):
        for is_f, kind in _AUDIT_CALL.findall(path.read_text(encoding="utf-8")):
            if is_f and kind == "member.{action}":
                kinds |= {f"member.{verb}" for verb in ACTIONS}
            else:
                assert not is_f, f"{path}: an audit kind built by an f-string this test cannot expand: {kind}"
                kinds.add(kind)
    return kinds


def test_every_audit_kind_the_code_writes_has_a_sentence_and_a_label() -> None:
    kinds = kinds_the_code_writes()
    assert len(kinds) >= 20, kinds  # the search found the calls, not nothing
    assert kinds - set(SENTENCES) == set(), "write a sentence for these in audit_sentences.SENTENCES"
    assert all("." not in kind_label(kind) and kind_label(kind)[0].isupper() for kind in kinds)


def _whole_app(store: Store, tmp_path: Path) -> made_up_group.Group:
    group = made_up_group.build(store, tmp_path)
    record_draft_use(store, create_draft(store, "school-notification", Settings(), incident_id=group.incident), "eml")
    incidents.update_incident(store, group.incident, status="reported")
    export_bundle(store, group.incident, tmp_path / "bundle.zip", Settings(), render_pdf=None)
    save_settings(Settings(path=tmp_path / "settings.json"), {"rep_name": "Priya Shah", "retention_days": 30}, store)
    subject_access.export(store, "Year 3 Parents", "Ann Lee", tmp_path / "ann")
    rename_chat(store, "Year 3 Parents", "Year 3 Oak")
    return group


def test_sentences_name_people_dates_and_categories_through_the_store(store: Store, tmp_path: Path) -> None:
    group = _whole_app(store, tmp_path)
    names = Names(store)
    by_kind: dict[str, list[str]] = {}
    for entry in audit.entries(store.db.conn):
        text = sentence(entry, names)
        by_kind.setdefault(entry["action"], []).append(text)
        assert text.startswith(("You ", "The members register", "A member")) and text.endswith(".")
        assert entry["action"] not in text or "." not in entry["action"]
        assert not re.search(r"\b(?:chat|flag|member|decision|note)=|\{|\}|\bNone\b", text), text
    ann_flag_date = store.scalar("SELECT m.ts FROM flags f JOIN messages m ON m.id = f.message_id WHERE f.id = ?",
                                 [group.ann_flag])
    day = dt.date.fromisoformat(ann_flag_date[:10])
    assert any(t.startswith(f"You confirmed Ann Lee's message of {day:%A} {day.day} {day:%B %Y} (")
               and t.endswith(") as a breach.") for t in by_kind["flag.decide"])
    assert "You recorded a warning for Ann Lee, about Ann Lee's message" in " ".join(by_kind["member.warn"])
    assert by_kind["bundle.export"][0].startswith(f"You exported an incident bundle for incident {group.incident} “")
    assert by_kind["draft.use"] == [f"You saved the notification to the school about incident {group.incident} "
                                    f"“{incidents.get_incident(store, group.incident)['title']}” as an e-mail draft."]
    assert any(f"changed incident {group.incident}" in t and "from open to reported" in t for t in by_kind["incident.update"])
    assert by_kind["member.export"][0].startswith("You exported everything held about Ann Lee (a subject-access request): ")
    assert by_kind["chat.rename"] == ["You renamed a chat; it is now called “Year 3 Oak”."]
    assert by_kind["import"][0].startswith("You imported a chat export into “Year 3 Oak”: ")
    assert by_kind["settings.change"] == ["You changed the settings: rep name, retention days (to 30)."]


def test_an_erased_member_is_never_named_again(store: Store, tmp_path: Path) -> None:
    group = made_up_group.build(store, tmp_path)
    retention.purge(store, retention.plan_purge(store, 30, chat="Jane Doe", today=dt.date(2025, 12, 1)))
    erasure.erase(store, "Year 3 Parents", made_up_group.NAME)
    text = " ".join(sentence(e, Names(store)) for e in audit.entries(store.db.conn))
    assert made_up_group.NAME not in text
    assert "the message of a member who has since been erased" in text
    assert "You recorded a warning for a member who has since been erased" in text
    erased = audit.entries(store.db.conn, action="member.erase")[-1]
    assert sentence(erased, Names(store)).startswith("You erased a member of “Year 3 Parents”, who is now Member ")
    assert group.jane_flag  # the flag is kept, its poster unnamed


def test_rows_that_are_gone_read_as_gone_and_unknown_kinds_still_read_as_words(store: Store) -> None:
    names = Names(store)
    entry = {"id": 1, "at": "2026-03-12T21:00:00+00:00", "actor": "Jo", "action": "flag.decide",
             "objects": {"chat": 9, "flag": 99}, "details": {"old": "new", "new": "dismissed"}}
    assert sentence(entry, names) == "You dismissed the flag on a flagged message no longer in the store as not a breach."
    entry = {**entry, "action": "flag.hand", "objects": {}, "details": {}}
    assert sentence(entry, names, who="Jo") == "Jo did something this version of the app has no words for (flag hand)."


def test_the_report_reads_actions_and_audit_entries_as_sentences_without_codes(store: Store, tmp_path: Path) -> None:
    group = _whole_app(store, tmp_path)
    settings = Settings({"rep_name": "Priya Shah"})
    page = report_html(incident_evidence(store, group.incident, settings, redact=True))
    body = page[page.index("<body>"):]
    for kind in SENTENCES:
        if "." in kind:
            assert kind not in body, f"the raw kind {kind} is in the report"
    assert not re.search(r"\(member \d+\)|member \d+\b|flag=|chat=", body)
    assert "The rep confirmed Ann Lee&#x27;s message of" in body and "The rep recorded a warning for Ann Lee" in body


@pytest.mark.parametrize("details, expected", [
    ({"old": "new", "new": "snoozed", "snoozed_until": "2026-03-20"}, "You snoozed the flag on {f} until Friday 20 March 2026."),
    ({"old": "confirmed", "new": "new", "undo": True, "undoes": 3},
     "You put the flag on {f} back in the queue (undoing an earlier decision: it had been confirmed)."),
])
def test_decisions_say_what_changed(store: Store, details: dict, expected: str) -> None:
    entry = {"id": 1, "at": "2026-03-12T21:00:00+00:00", "actor": "Jo", "action": "flag.decide",
             "objects": {"flag": 7}, "details": details}
    gone = "a flagged message no longer in the store"
    assert sentence(entry, Names(store)) == expected.format(f=gone)


def test_incident_actions_name_the_member_instead_of_an_id(store: Store, tmp_path: Path) -> None:
    from rep_assistant.core.acting.report import describe_action

    group = made_up_group.build(store, tmp_path)
    actions = incidents.get_incident(store, group.incident)["actions"]
    warned = [a for a in actions if a["action"] == "member.warn"]
    assert warned and all(re.fullmatch(r"member \d+", a["details"]) for a in warned)  # what the table holds
    said = [describe_action(a, Names(store)) for a in warned]
    assert said == ["Warning recorded for Jane Doe", "Warning recorded for Ann Lee"]
    assert describe_action(warned[0]) == "Warning recorded for the member"  # no store at hand: still no id


def test_incident_actions_count_flagged_messages_in_words() -> None:
    from rep_assistant.core.acting.report import describe_action

    assert describe_action({"action": "created", "details": "1 flag(s)"}) == "Incident opened with 1 flagged message"
    assert describe_action({"action": "flags.added", "details": "3 flag(s)"}) == "3 flagged messages added"
