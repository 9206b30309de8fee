"""The first-run welcome flow saves what the rep chose, through the audited save, and nothing else."""

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from rep_assistant.core import paths
from rep_assistant.core.policy import DEFAULT_POLICY_ID, load_policy
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.ui.welcome import WelcomeWizard

pytestmark = pytest.mark.gui

SCHOOL_POLICY = """Larkfield Primary School
Code of conduct for class WhatsApp groups

1. Do not use offensive language or swear in the group.
2. Take any complaint about staff to the school office, not the group.
3. Please do not post between 10pm and 7am.
"""


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> WelcomeWizard:
    w = WelcomeWizard(Settings.load(), db_path=tmp_path / "store.sqlite3")
    qtbot.addWidget(w)
    w.show()
    return w


def _fill_about(w: WelcomeWizard, email: str = "office@larkfield.example.com") -> None:
    w.next()
    w.about.rep_name.setText("Sam Taylor")
    w.about.school_name.setText("Larkfield Primary School")
    w.about.school_email.setText(email)


def _actions(db: Path) -> list[str]:
    with Store(db) as store:
        return [r["action"] for r in store.query("SELECT action FROM audit_log ORDER BY id")]


def test_finishing_with_the_model_policy_saves_settings_and_records_them(wizard: WelcomeWizard, tmp_path: Path) -> None:
    _fill_about(wizard)
    wizard.next()
    assert wizard.policy_page.use_model.isChecked()
    wizard.next()
    wizard.quiet.start.setTime(wizard.quiet.start.time().fromString("21:30", "HH:mm"))
    wizard.next()
    assert wizard.data.folder.text() == str(paths.data_dir())
    wizard.accept()
    assert wizard.result() == QWizard.DialogCode.Accepted

    saved = Settings.load()
    assert saved["first_run_done"] is True
    assert (saved["rep_name"], saved["school_name"], saved["school_email"]) == (
        "Sam Taylor", "Larkfield Primary School", "office@larkfield.example.com")
    assert (saved["active_policy"], saved["quiet_start"], saved["quiet_end"]) == (DEFAULT_POLICY_ID, "21:30", "07:00")
    assert _actions(tmp_path / "store.sqlite3") == ["settings.change"]


def test_names_are_required_and_a_bad_email_blocks_next(wizard: WelcomeWizard) -> None:
    wizard.next()
    assert not wizard.about.isComplete()
    wizard.about.rep_name.setText("Sam Taylor")
    wizard.about.school_name.setText("Larkfield Primary School")
    assert wizard.about.isComplete()
    wizard.about.school_email.setText("not an address")
    assert not wizard.about.isComplete()
    assert "e-mail" in wizard.about.email_hint.text()


def test_school_document_is_imported_reviewed_corrected_and_activated(wizard: WelcomeWizard, tmp_path: Path) -> None:
    document = tmp_path / "Larkfield code of conduct.txt"
    document.write_text(SCHOOL_POLICY, encoding="utf-8")
    _fill_about(wizard)
    wizard.next()
    page = wizard.policy_page
    page.use_school.setChecked(True)
    assert not page.isComplete()
    page.load_document(document)
    assert page.isComplete()
    assert page.clauses.rowCount() == len(page.policy.clauses) >= 3
    assert page.clauses.isVisibleTo(page)
    row = next(i for i, c in enumerate(page.policy.clauses) if "offensive" in c.text)
    page.set_clause_categories(row, ("offensive-language", "abuse"))
    assert "Abuse" in page.clauses.item(row, 1).text()
    wizard.next()
    wizard.next()
    wizard.accept()

    saved = Settings.load()
    assert saved["active_policy"] == page.policy.id != DEFAULT_POLICY_ID
    policy = load_policy(saved["active_policy"])
    assert policy.clauses[row].categories == ("offensive-language", "abuse")
    assert policy.clause_for("abuse") == policy.clauses[row]
    with Store(tmp_path / "store.sqlite3") as store:
        entries = store.query("SELECT action, objects, details FROM audit_log ORDER BY id")
    assert [e["action"] for e in entries] == ["policy.import", "settings.change"]
    assert json.loads(entries[0]["details"])["corrected"] == 1
    assert "Sam Taylor" not in entries[1]["details"]  # names are recorded by setting name only


def test_a_document_that_cannot_be_read_says_so_and_keeps_next_disabled(wizard: WelcomeWizard, tmp_path: Path) -> None:
    _fill_about(wizard)
    wizard.next()
    wizard.policy_page.use_school.setChecked(True)
    wizard.policy_page.load_document(tmp_path / "missing.txt")
    assert "missing.txt" in wizard.policy_page.status.text()
    assert not wizard.policy_page.isComplete()


def test_open_the_demo_leaves_without_saving(wizard: WelcomeWizard, qtbot, tmp_path: Path) -> None:
    with qtbot.waitSignal(wizard.demo_requested):
        wizard.intro.demo_button.click()
    assert wizard.result() == WelcomeWizard.DEMO
    assert Settings.load()["first_run_done"] is False
    assert not (tmp_path / "store.sqlite3").exists()


def test_run_welcome_reports_the_demo_choice(qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from rep_assistant.ui.welcome import run_welcome

    tries = [50]

    def choose_demo() -> None:  # retried until the wizard is up; gives up by closing it
        wizard = QApplication.activeModalWidget()
        tries[0] -= 1
        if isinstance(wizard, WelcomeWizard):
            wizard.intro.demo_button.click()
        elif tries[0] > 0:
            QTimer.singleShot(100, choose_demo)
        elif wizard is not None:
            wizard.close()

    QTimer.singleShot(0, choose_demo)
    assert run_welcome(Settings.load()) is True


def test_first_start_shows_the_welcome_before_the_window(qapp, monkeypatch: pytest.MonkeyPatch, private_home: Path) -> None:
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from rep_assistant.ui.app import run_gui
    from rep_assistant.ui.main_window import MainWindow

    monkeypatch.delenv("REP_ASSISTANT_NO_WELCOME")  # the suite skips the welcome unless a test asks
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    seen: dict = {}
    ticks = [300]

    def poll() -> None:  # never leaves the event loop running: every path ends in a close or a quit
        ticks[0] -= 1
        modal = QApplication.activeModalWidget()
        if isinstance(modal, WelcomeWizard):
            seen["welcome"] = True
            modal.intro.demo_button.click()
        elif modal is not None and ticks[0] <= 0:
            modal.close()  # an unexpected dialog (e.g. an error) must not hang the suite
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and (windows[0].current_chat_id() is not None or ticks[0] <= 0):
            seen["db"] = windows[0].store.path
            windows[0].close()
        elif ticks[0] <= -50:
            QApplication.quit()
        else:
            QTimer.singleShot(100, poll)

    QTimer.singleShot(0, poll)
    assert run_gui(db_path=None, demo=False, open_files=[]) == 0
    assert seen.get("welcome") and seen["db"].is_relative_to(private_home / "data" / "demo")
