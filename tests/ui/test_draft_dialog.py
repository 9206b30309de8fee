"""The draft dialog: fill, edit, copy to the clipboard, save an .eml with the bundle; every use recorded."""

import email
import email.policy
import io
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.drafting import Draft
from rep_assistant.core.duties import audit
from rep_assistant.core.store import Store
from rep_assistant.ui import draft_dialog
from rep_assistant.ui.draft_dialog import DraftDialog, mailto_url
from tests.acting import World, world
from tests.ui.conftest import direct_runner

pytestmark = pytest.mark.gui


@pytest.fixture
def acting(store: Store) -> World:
    return world(store)


def _dialog(qtbot, w: World, **about: int) -> DraftDialog:
    dialog = DraftDialog(w.settings, direct_runner(w.store), **about)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_copy_puts_the_edited_text_on_the_clipboard(qtbot, acting: World) -> None:
    dialog = _dialog(qtbot, acting, flag_id=acting.confirmed_flag_on("useless"))
    assert dialog.kind_combo.currentData() == "removal-request"
    assert dialog.windowTitle() == "Draft a message about Sam Jones's message of Thursday 12 March 2026"
    assert dialog.body_edit.toPlainText().startswith("Hi Sam,")
    assert not dialog.subject_edit.isVisible() and not dialog.attach_check.isVisible()  # a WhatsApp message: no e-mail fields
    assert not dialog.mail_button.isVisible() and not dialog.eml_button.isVisible()  # nor e-mail buttons
    dialog.body_edit.appendPlainText("PS: see you at pick-up.")
    with qtbot.waitSignal(dialog.draft_used) as used:
        dialog.copy_button.click()
    assert used.args == ["copied"]
    assert QGuiApplication.clipboard().text() == dialog.body_edit.toPlainText()
    assert QGuiApplication.clipboard().text().endswith("PS: see you at pick-up.")
    entry = audit.entries(acting.store.db.conn, action="draft.use")[-1]
    assert entry["details"] == {"kind": "removal-request", "how": "copied"}


def test_changing_kind_redrafts_and_the_school_email_is_filled(qtbot, acting: World) -> None:
    dialog = _dialog(qtbot, acting, flag_id=acting.confirmed_flag_on("useless"))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("school-notification"))
    assert dialog.to_edit.text() == "office@maple.example.com" and dialog.to_edit.isVisible()
    assert dialog.mail_button.isVisible() and dialog.eml_button.isVisible()
    assert dialog.subject_edit.text().startswith("Year 3 Maple:")
    assert not dialog.attach_check.isVisible()  # no incident yet: nothing to attach


def test_switching_kind_keeps_the_reps_edits(qtbot, acting: World) -> None:
    dialog = _dialog(qtbot, acting, flag_id=acting.confirmed_flag_on("useless"))
    dialog.body_edit.appendPlainText("PS: I'm around at pick-up if you want a word.")
    edited = dialog.body_edit.toPlainText()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("school-notification"))
    dialog.subject_edit.setText("Year 3 Maple: my own subject")
    assert "PS: I'm around" not in dialog.body_edit.toPlainText()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("removal-request"))
    assert dialog.body_edit.toPlainText() == edited
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("school-notification"))
    assert dialog.subject_edit.text() == "Year 3 Maple: my own subject"


def test_browsing_the_kinds_writes_nothing_to_the_audit_log(qtbot, acting: World) -> None:
    dialog = _dialog(qtbot, acting, flag_id=acting.confirmed_flag_on("useless"))
    before = audit.verify(acting.store.db.conn).checked
    for index in [*range(dialog.kind_combo.count()), 0]:
        dialog.kind_combo.setCurrentIndex(index)
    assert audit.verify(acting.store.db.conn).checked == before
    assert not audit.entries(acting.store.db.conn, action="draft.*")


def test_opening_in_the_mail_program_is_recorded_and_says_nothing_is_attached(qtbot, acting: World, monkeypatch) -> None:
    opened: list[str] = []

    class Desktop:
        @staticmethod
        def openUrl(url) -> bool:  # noqa: N802 - Qt's name
            opened.append(bytes(url.toEncoded()).decode())
            return True

    monkeypatch.setattr(draft_dialog, "QDesktopServices", Desktop)
    incident_id = incidents.create_incident(acting.store, [acting.confirmed_flag_on("useless")])
    dialog = _dialog(qtbot, acting, incident_id=incident_id, kind="school-notification")
    assert "I have attached the incident bundle" in dialog.body_edit.toPlainText()  # ticked: the .eml carries it
    assert dialog.windowTitle() == (f"Draft a message about incident {incident_id} "
                                    "(Sam Jones's message of Thursday 12 March 2026)")
    with qtbot.waitSignal(dialog.draft_used):
        dialog.mail_button.click()
    assert "attached" not in opened[0] and "I%20can%20send%20you%20the%20incident%20bundle" in opened[0]
    assert audit.entries(acting.store.db.conn, action="draft.use")[-1]["details"] == {"kind": "school-notification", "how": "mailto"}


def test_unticking_the_attachment_changes_only_the_bundle_sentence(qtbot, acting: World) -> None:
    incident_id = incidents.create_incident(acting.store, [acting.confirmed_flag_on("useless")])
    dialog = _dialog(qtbot, acting, incident_id=incident_id, kind="school-notification")
    dialog.body_edit.setPlainText("My own opening.\n" + dialog.body_edit.toPlainText())
    dialog.attach_check.setChecked(False)
    text = dialog.body_edit.toPlainText()
    assert text.startswith("My own opening.") and "I can send you the incident bundle" in text and "attached" not in text
    dialog.attach_check.setChecked(True)
    assert "I have attached the incident bundle" in dialog.body_edit.toPlainText()


def test_the_copy_hint_fits_a_computer(qtbot, acting: World) -> None:
    dialog = _dialog(qtbot, acting, flag_id=acting.confirmed_flag_on("useless"))
    with qtbot.waitSignal(dialog.draft_used):
        dialog.copy_button.click()
    assert "WhatsApp Desktop" in dialog.hint.text() and "long-press" not in dialog.hint.text()


def test_save_eml_with_the_bundle_attached(qtbot, acting: World, tmp_path: Path) -> None:
    incident_id = incidents.create_incident(acting.store, [acting.confirmed_flag_on("useless")])
    dialog = _dialog(qtbot, acting, incident_id=incident_id, kind="school-notification")
    assert dialog.attach_check.isChecked() and dialog.mask_check.isChecked()
    dialog.subject_edit.setText("Year 3 Maple: a message for Mrs Okafor")
    out = tmp_path / "school.eml"
    with qtbot.waitSignal(dialog.draft_used):
        dialog.save_eml_to(out)
    msg = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert (msg["X-Unsent"], msg["To"], msg["Subject"]) == ("1", "office@maple.example.com", "Year 3 Maple: a message for Mrs Okafor")
    (attachment,) = list(msg.iter_attachments())
    with zipfile.ZipFile(io.BytesIO(attachment.get_content())) as zf:
        assert "report.pdf" in zf.namelist()
        assert b"07700 900123" not in zf.read("report.html")
    assert [a["action"] for a in incidents.get_incident(acting.store, incident_id)["actions"]][-2:] == ["draft.eml", "bundle.export"]
    assert audit.entries(acting.store.db.conn, action="draft.use")[-1]["details"] == {"kind": "school-notification", "how": "eml"}
    assert "I have attached the incident bundle" in msg.get_body(("plain",)).get_content()
    dialog.grab().save(str(tmp_path / "draft_dialog.png"))


def test_mailto_link_carries_subject_and_body() -> None:
    url = mailto_url(Draft(kind="x", body="Hello & thanks\nJo", subject="Year 3: a note", to="office@maple.example.com"))
    text = bytes(url.toEncoded()).decode()
    assert text.startswith("mailto:office@maple.example.com?subject=Year%203%3A%20a%20note&body=Hello%20%26%20thanks%0AJo")
