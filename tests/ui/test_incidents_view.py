"""The incidents and register dialog, on its own and from the desk's Act menu."""

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.register import register_rows, sync_chat_events
from rep_assistant.core.duties import audit
from rep_assistant.core.duties.scratch import path_digest
from rep_assistant.core.store import Store
from rep_assistant.ui.act_actions import install_act_actions
from rep_assistant.ui.views import incidents_dialog
from rep_assistant.ui.views.incidents_dialog import IncidentsDialog
from rep_assistant.ui.views.member_event_dialog import MemberEventDialog
from tests.acting import EXPORT, World, world
from tests.ui.conftest import direct_runner

pytestmark = pytest.mark.gui


def _cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


@pytest.fixture
def dialog(qtbot, store: Store) -> tuple[IncidentsDialog, World, int]:
    w = world(store)
    incident_id = incidents.create_incident(store, [w.confirmed_flag_on("useless")])
    opened: list[IncidentsDialog] = []
    d = IncidentsDialog(store, w.settings, direct_runner(store, lambda changes: opened[0].on_changes(changes)), w.chat_id,
                        selected_flag=lambda: None)
    opened.append(d)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.loaded)
    return d, w, incident_id


def test_status_note_and_bundle_from_the_dialog(dialog: tuple[IncidentsDialog, World, int], tmp_path: Path) -> None:
    d, w, incident_id = dialog
    assert d.current_incident_id() == incident_id and _cells(d.incident_table, 1) == ["Open"]
    d.set_status("reported")
    d.add_note("Told Mrs Okafor at the gate")
    assert _cells(d.incident_table, 1) == ["Reported to school"]
    assert "Told Mrs Okafor at the gate" in d.incident_detail.toPlainText()
    out = tmp_path / "bundle.zip"
    d.export_bundle_to(out)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        for entry in manifest["files"]:
            assert hashlib.sha256(zf.read(entry["name"])).hexdigest() == entry["sha256"]
        assert manifest["redacted"] is True
    assert "Bundle saved" in d.bundle_label.text() and "SHA-256" not in d.bundle_label.text()
    assert audit.entries(w.store.db.conn, action="bundle.export")[-1]["details"]["path_sha256"] == path_digest(out)
    d.grab().save(str(tmp_path / "incidents_dialog.png"))


def test_an_incident_change_rereads_the_register_only_after_a_register_entry(
        dialog: tuple[IncidentsDialog, World, int], monkeypatch: pytest.MonkeyPatch) -> None:
    d, w, _ = dialog
    reads: list[int] = []
    monkeypatch.setattr(incidents_dialog, "register_rows", lambda *args, **kw: reads.append(1) or register_rows(*args, **kw))
    d.set_status("reported")
    d.add_note("Rang the office")
    assert reads == [] and _cells(d.incident_table, 1) == ["Reported to school"]  # counting every message: not needed
    d.select_member(w.member_id("Dan Brown"))
    d.record_member("warn", "bad language about parking")
    assert reads == [1] and d.member_table.item(_cells(d.member_table, 0).index("Dan Brown"), 4).text() == "1"


def test_register_tab_shows_chat_removals_and_records_warnings(dialog: tuple[IncidentsDialog, World, int], tmp_path: Path) -> None:
    d, w, _ = dialog
    rows = dict(zip(_cells(d.member_table, 0), _cells(d.member_table, 1), strict=True))
    assert rows["Sam Jones"] == "in group" and rows["Kim Lee"] == "left"
    d.select_member(w.member_id("Dan Brown"))
    d.record_member("warn", "bad language about parking")
    row = _cells(d.member_table, 0).index("Dan Brown")
    assert d.member_table.item(row, 4).text() == "1"
    assert "Warned: bad language about parking (recorded by Test Rep)" in d.member_history.toPlainText()
    d.select_member(w.member_id("Sam Jones"))
    history = d.member_history.toPlainText()
    assert "Removed in WhatsApp (seen in the chat)" in history
    assert not any(code in history for code in ("removal", "warning", "readmission"))  # stored kinds stay in the store
    last_removal = d.member_table.item(_cells(d.member_table, 0).index("Sam Jones"), 7).text()
    assert last_removal[0].isdigit() and "-" not in last_removal.split(" in the chat")[0]  # "11 Mar 2026 …", not ISO
    d.grab().save(str(tmp_path / "register_tab.png"))


def test_act_menu_from_the_desk_opens_an_incident_and_exports_a_bundle(desk, qtbot, tmp_path: Path, monkeypatch) -> None:
    window = desk.open()
    export = tmp_path / "WhatsApp Chat with Year 3 Maple.txt"
    export.write_bytes(EXPORT.read_bytes())
    desk.import_file(window, export)
    actions = window.actions_by_name
    with pytest.raises(ValueError):
        install_act_actions(window)  # installed once, by the window itself
    assert {a.text() for a in window.menu("Act").actions()} >= {"&Draft a message…", "New &incident from flag", "Incidents and &register…"}
    flag_id = window.store.scalar("SELECT f.id FROM flags f JOIN messages m ON m.id = f.message_id WHERE m.text LIKE '%useless%' "
                                  "ORDER BY f.id LIMIT 1")
    assert window.review_panel.select_flag(flag_id)
    window.decide("confirmed")
    qtbot.waitUntil(lambda: window.store.scalar("SELECT status FROM flags WHERE id = ?", [flag_id]) == "confirmed", timeout=10_000)
    window.review_panel.set_filters(status="Confirmed")  # a decided message has left "Needs attention"
    assert window.review_panel.select_flag(flag_id)
    actions["new_incident"].trigger()
    qtbot.waitUntil(lambda: window.store.scalar("SELECT count(*) FROM incidents") == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.findChild(IncidentsDialog) is not None, timeout=10_000)
    dialog = window.findChild(IncidentsDialog)
    qtbot.waitUntil(lambda: dialog.current_incident_id() is not None, timeout=10_000)
    dialog.close()
    actions["incidents"].trigger()  # asked again: the same dialog, re-read, not a second one
    assert window.findChildren(IncidentsDialog) == [dialog] and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    out = tmp_path / "from-desk.zip"
    dialog.export_bundle_to(out)
    qtbot.waitUntil(out.exists, timeout=60_000)
    with zipfile.ZipFile(out) as zf:
        assert zf.read("report.pdf").startswith(b"%PDF")

    titles: list[str] = []

    def accept_with_reason(self: MemberEventDialog) -> int:
        titles.append(self.windowTitle())
        self.reason_edit.setText("language about parking")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MemberEventDialog, "exec", accept_with_reason)
    dan = window.store.scalar("SELECT id FROM members WHERE name = 'Dan Brown'")
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.members_panel.select_member(dan), timeout=10_000)
    actions["member_warn"].trigger()
    qtbot.waitUntil(lambda: window.store.scalar("SELECT count(*) FROM member_events WHERE kind = 'warning' AND member_id = ?", [dan]) == 1,
                    timeout=10_000)
    assert titles == ["Warn: Dan Brown"]


@pytest.mark.parametrize("matched_earlier", [False, True], ids=["matched-on-opening", "matched-by-a-draft"])
def test_opening_the_register_updates_the_members_panel_with_removals_from_the_chat(
        desk, qtbot, tmp_path: Path, matched_earlier: bool) -> None:
    window = desk.open()
    export = tmp_path / "WhatsApp Chat with Year 3 Maple.txt"
    export.write_bytes(EXPORT.read_bytes())
    desk.import_file(window, export)
    window.tabs.setCurrentWidget(window.members_panel)
    model = window.members_panel.model
    sam = window.store.scalar("SELECT id FROM members WHERE name = 'Sam Jones'")

    def removals() -> int:
        return model.record(model.row_of(sam))["removals"]

    assert removals() == 0  # the removal line is in the chat, not yet in the register
    if matched_earlier:  # as a draft or a report does when it reads the register
        assert sync_chat_events(window.store, window.current_chat_id()) > 0
        assert removals() == 0
    window.actions_by_name["incidents"].trigger()
    qtbot.waitUntil(lambda: removals() == 1, timeout=10_000)


def test_a_draft_used_from_an_incident_redraws_it_from_what_the_use_changed(
        dialog: tuple[IncidentsDialog, World, int], qtbot) -> None:
    d, w, incident_id = dialog
    changes: list[object] = []
    d.run = direct_runner(w.store, lambda c: (changes.append(c), d.on_changes(c)))  # the desk's broadcast, watched
    before = d.incident_detail.toPlainText()
    draft = d.open_draft("school-notification")
    qtbot.addWidget(draft)
    with qtbot.waitSignal(draft.draft_used):
        draft.copy_button.click()
    assert changes and changes[-1].incidents and not changes[-1].members  # the op says what it changed...
    assert 'Draft "school notification" copied' not in before
    assert d.incident_detail.toPlainText().endswith('Draft "school notification" copied to the clipboard')  # ...and it shows
    assert incidents.get_incident(w.store, incident_id)["actions"][-1]["action"] == "draft.copied"


def test_the_incident_lists_each_message_once_with_its_breaches_in_words(
        dialog: tuple[IncidentsDialog, World, int]) -> None:
    from rep_assistant.core.policy import active_policy
    from rep_assistant.core.reviewing import manual
    from rep_assistant.ui.workers.changes import OpChanges

    d, w, incident_id = dialog
    first = incidents.get_incident(w.store, incident_id)["flag_ids"][0]
    message_id = w.store.scalar("SELECT message_id FROM flags WHERE id = ?", [first])
    incidents.add_flags(w.store, incident_id, [manual.flag_by_hand(w.store, message_id, "abuse", active_policy(w.settings))])
    d.on_changes(OpChanges(incidents=True))
    text = d.incident_detail.toPlainText()
    assert text.count("Mrs Green is") == 1  # two flags, one message: listed once
    assert "Personal data (clause" in text and "Abuse (clause" in text
    assert "personal-data" not in text and " · clause" not in text
