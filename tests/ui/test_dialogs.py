"""Settings, audit log and error dialogs of the desk."""

import json
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from rep_assistant.core.duties import audit
from rep_assistant.core.errors import StoreError
from rep_assistant.ui.views.error_dialog import CrashDialog, install_excepthook, show_error
from rep_assistant.ui.workers import audit_ops
from tests.ui.conftest import Desk

pytestmark = pytest.mark.gui


def test_settings_dialog_saves_through_the_audited_save(desk: Desk, qtbot: object) -> None:
    window = desk.open()
    dialog = window.show_settings()
    assert dialog.policy.count() >= 1 and dialog.policy.currentData() == "builtin:model"
    dialog.rep_name.setText("Alex Example")
    dialog.school_email.setText("office@example.com")
    dialog.retention.setValue(365)
    with qtbot.waitSignal(window.worker.op_finished, timeout=10_000):
        dialog.accept()
    saved = json.loads(desk.settings_path.read_text(encoding="utf-8"))
    assert (saved["rep_name"], saved["school_email"], saved["retention_days"]) == ("Alex Example", "office@example.com", 365)
    entry = window.store.query("SELECT actor, details FROM audit_log WHERE action = 'settings.change'")
    assert len(entry) == 1 and json.loads(entry[0]["details"])["changed"] == ["rep_name", "retention_days", "school_email"]
    assert window.store.actor == "Alex Example"


def test_audit_dialog_filters_and_verifies_the_chain(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    dialog = window.show_audit_log()
    qtbot.waitUntil(lambda: dialog.result is not None and dialog.table.rowCount() >= 2, timeout=10_000)  # import and scan at least
    assert dialog.result.ok and "intact" in dialog.verify_result.text()
    total = dialog.table.rowCount()
    shown = [dialog.table.item(r, 3).text() for r in range(total)]
    assert shown[0].startswith("You imported a chat export into “") and not any("=" in text or "flag." in text for text in shown)
    assert dialog.table.item(0, 3).toolTip().startswith("As stored: import\n")  # the raw entry stays one hover away
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findText("Chat imports"))
    qtbot.waitUntil(lambda: 1 <= dialog.table.rowCount() < total, timeout=10_000)
    assert all(dialog.table.item(r, 3).text().startswith("You imported") for r in range(dialog.table.rowCount()))
    window.store.db.conn.execute("DROP TRIGGER audit_log_no_update")
    window.store.db.conn.execute("UPDATE audit_log SET details = '{}' WHERE id = 1")
    window.store.db.conn.commit()  # the check reads through the database thread's own connection
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert not dialog.result.ok and "entry 1" in dialog.verify_result.text()


def test_the_audit_chain_is_checked_off_the_gui_thread_while_the_dialog_says_so(
        desk: Desk, qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    window = desk.open()
    real_verify, release, threads = audit.verify, threading.Event(), []

    def slow_verify(conn, progress=None, cancelled=None, **anchoring):
        threads.append(threading.current_thread())
        assert release.wait(10), "the test never let the check finish"
        return real_verify(conn, progress, cancelled, **anchoring)

    monkeypatch.setattr(audit, "verify", slow_verify)
    dialog = window.show_audit_log()
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    # The check is under way on another thread, and the window still answers: it says what it is doing.
    assert threads[0] is not threading.main_thread()
    assert dialog.verify_result.text() == "Checking the log…" and not dialog.verify_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    shown = dialog.verify_result.text()
    assert dialog.result.ok and f"all {dialog.result.checked} entries checked" in shown and dialog.result.head_hash in shown
    assert dialog.verify_button.isEnabled()


def test_the_audit_viewer_lists_the_newest_entries_of_a_long_log(desk: Desk, qtbot: object,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_ops, "PAGE", 3)
    window = desk.open()
    with window.store.transaction():
        for n in range(5):
            window.store.audit("chat.rename", {"chat": n}, {})
    dialog = window.show_audit_log()
    qtbot.waitUntil(lambda: dialog.result is not None and dialog.table.rowCount() > 0, timeout=10_000)
    ids = [int(dialog.table.item(r, 0).text()) for r in range(dialog.table.rowCount())]
    newest = window.store.scalar("SELECT max(id) FROM audit_log")
    assert ids == [newest - 2, newest - 1, newest]  # the newest three, oldest first
    assert dialog.more_label.isVisible() and "latest 3 entries" in dialog.more_label.text()
    assert dialog.result.checked == newest  # the check still walks the whole chain
def test_rep_errors_get_a_sentence_and_bugs_a_copyable_report(qtbot: object) -> None:
    box = show_error(None, StoreError("The store is in use by another window; close it and try again."))
    qtbot.addWidget(box)
    assert isinstance(box, QMessageBox) and box.text().startswith("The store is in use")
    try:
        {}["missing"]
    except KeyError as exc:
        crash = show_error(None, exc)
    qtbot.addWidget(crash)
    assert isinstance(crash, CrashDialog) and "KeyError" in crash.details
    crash.copy_button.click()
    assert "Traceback" in QGuiApplication.clipboard().text()


def test_the_excepthook_shows_the_crash_dialog(qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(lambda: None)
    try:
        raise ValueError("unexpected")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    assert dialogs and "ValueError: unexpected" in dialogs[-1].details
    for d in dialogs:
        qtbot.addWidget(d)
