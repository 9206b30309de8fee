"""The policy dialog: import a school's document, see all 18 categories, choose for the gaps."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from rep_assistant.core.policy import load_policy
from rep_assistant.core.settings import Settings
from rep_assistant.ui.views.policy_dialog import PolicyDialog
from rep_assistant.ui.views.settings_dialog import SettingsDialog
from tests.core.policy_corpus import REAL
from tests.core.policy_layouts import to_docx

pytestmark = pytest.mark.gui


def test_a_word_document_shows_its_coverage_and_gap_choices(tmp_path: Path, qtbot: object) -> None:
    doc = tmp_path / "Brereton code.docx"
    doc.write_bytes(to_docx("Brereton Primary School\n" + (REAL / "brereton.txt").read_text(encoding="utf-8")))
    dialog = PolicyDialog()
    qtbot.addWidget(dialog)
    dialog.import_file(doc)
    assert dialog.policy is not None and dialog.policy.id == "brereton-primary-school"
    assert dialog.table.rowCount() == 18 and "covers <b>9 of 18</b>" in dialog.summary.text()
    labels = [dialog.table.item(i, 0).text() for i in range(18)]
    late = labels.index("Late night")
    box = dialog.table.cellWidget(late, 1)
    assert isinstance(box, QComboBox) and box.currentData() == "advisory"
    box.setCurrentIndex(box.findData("off"))
    assert "late-night" not in load_policy("brereton-primary-school").covered  # saved at once
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.settings_changes() == {"school_name": "Brereton Primary School"}


def test_a_poor_import_needs_the_gaps_seen_before_use(tmp_path: Path, qtbot: object) -> None:
    doc = tmp_path / "short.txt"
    doc.write_text("Ashdown School\nPlease do not post photos of children.\n", encoding="utf-8")
    dialog = PolicyDialog()
    qtbot.addWidget(dialog)
    dialog.import_file(doc)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert "This import is poor" in dialog.summary.text() and not ok.isEnabled()
    dialog.seen_gaps.setChecked(True)
    assert ok.isEnabled()


def test_an_unreadable_document_gets_its_sentence(tmp_path: Path, qtbot: object) -> None:
    dialog = PolicyDialog()
    qtbot.addWidget(dialog)
    dialog.import_file(tmp_path)
    assert "is not a regular file" in dialog.summary.text() and dialog.policy is None


def test_settings_hook_fills_facts_for_the_rep_to_confirm(tmp_path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "code.txt"
    doc.write_text("Lark Rise Primary School\n- Please do not post between 9pm and 7am.\n- Never swear.\n"
                   "- No photos of children.\n- No selling.\n- No gossip.\n- Keep politics out.\n- Raise concerns with the class teacher, "
                   "not in the group.\nContact: office@larkrise.example.com\n", encoding="utf-8")
    settings = Settings()
    dialog = SettingsDialog(settings, str(tmp_path / "db"))
    qtbot.addWidget(dialog)

    def fake_exec(self: PolicyDialog) -> int:
        self.import_file(doc)
        return 1

    monkeypatch.setattr(PolicyDialog, "exec", fake_exec)
    next(b for b in dialog.findChildren(type(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)))
         if "policy" in b.text()).click()
    assert dialog.policy.currentData() == "lark-rise-primary-school"
    assert dialog.school_name.text() == "Lark Rise Primary School" and dialog.school_email.text() == "office@larkrise.example.com"
    values = dialog.values()
    assert (values["quiet_start"], values["quiet_end"]) == ("21:00", "07:00")
    assert "class teacher" in values["school_escalation"]
