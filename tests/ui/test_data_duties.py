"""The Data menu driven like a rep would: subject access, erasure, retention, backup and restore.

Chats come in through the real importer and scanner (the bundled demo chat); the file
dialogs are replaced by the path a rep would pick, and every confirmation is the dialog's own
button, so no modal loop ever runs.
"""

import datetime as dt
import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from rep_assistant.core.acting import incidents
from rep_assistant.core.duties import audit, backup, erasure, retention
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.reviewing import review
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.ui import data_duties
from rep_assistant.ui.views import member_export_dialog
from rep_assistant.ui.views.duty_words import describe_erasure
from rep_assistant.ui.views.erase_dialog import EraseDialog
from rep_assistant.ui.views.member_combo import MemberCombo
from rep_assistant.ui.views.member_export_dialog import MemberExportDialog
from rep_assistant.ui.views.purge_dialog import PurgeDialog
from rep_assistant.ui.views.restore_dialog import RestoreDialog
from tests.acting import CHAT, EXPORT, world
from tests.ui.conftest import Desk

pytestmark = pytest.mark.gui

MEMBER = "Katie Lomas"
WAIT_MS = 60_000


def _open_with_demo(desk: Desk, demo_export: Path, member: str | None = MEMBER) -> object:
    window = desk.open()
    desk.import_file(window, demo_export)
    if member is not None:
        window.tabs.setCurrentWidget(window.members_panel)
        assert window.members_panel.select_member(window.store.scalar("SELECT id FROM members WHERE name = ?", (member,)))
    return window


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _close_boxes() -> list[str]:
    texts = []
    for box in _boxes():
        texts.append(box.text())
        box.close()
    return texts


def test_member_picker_lists_everyone_not_erased_chat_by_chat(qtbot: object, store: Store) -> None:
    world(store)
    import_export(store, EXPORT, chat_name="A second chat")
    erasure.erase(store, CHAT, "Dan Brown")  # the same person in both chats: gone from both
    combo = MemberCombo(store, None)
    qtbot.addWidget(combo)
    expected = [f"{name}  ({chat})" for chat in ("A second chat", CHAT)
                for name in sorted((r["name"] for r in store.query(
                    "SELECT m.name FROM members m JOIN chats c ON c.id = m.chat_id WHERE c.name = ? AND m.erased_at IS NULL",
                    (chat,))), key=str.casefold)]
    assert [combo.itemText(i) for i in range(combo.count())] == expected and len(expected) > 4
    assert not any("Dan Brown" in text for text in expected)
    assert combo.choice() is None  # nobody until the rep picks


def test_members_panel_offers_export_and_erase(desk: Desk, demo_export: Path) -> None:
    window = _open_with_demo(desk, demo_export)
    actions = window.actions_by_name
    assert [a.text() for a in window.menu("Data").actions() if not a.isSeparator()] == [
        "&Export everything held about a member…", "E&rase a member…", "&Delete old messages (retention)…",
        "&Back up the store…", "Re&store from a backup…"]
    toolbar = window.members_panel.toolbar.actions()
    assert toolbar[-3:] == [toolbar[-3], actions["export_member"], actions["erase_member"]] and toolbar[-3].isSeparator()
    assert all(not a.icon().isNull() for a in toolbar if not a.isSeparator())  # every member action has its icon
    with pytest.raises(ValueError):
        data_duties.install_data_actions(window)  # installed once, by the window itself


def test_export_writes_both_files_with_the_members_messages(desk: Desk, demo_export: Path, qtbot: object,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _open_with_demo(desk, demo_export)
    window.actions_by_name["export_member"].trigger()
    dialog = window.findChild(MemberExportDialog)
    assert dialog.members.choice()["name"] == MEMBER  # the member selected in the desk
    chosen = tmp_path / "for Katie"
    monkeypatch.setattr(member_export_dialog, "ask_save_path", lambda *_args: chosen)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as saved:
        dialog.save_button.click()
    html_path, json_path = saved.args
    assert (html_path.name, json_path.name) == ("for Katie.html", "for Katie.json")
    texts = [r["text"] for r in window.store.query(
        "SELECT m.text FROM messages m JOIN members p ON p.id = m.member_id WHERE p.name = ? ORDER BY m.seq", (MEMBER,))]
    record = json.loads(json_path.read_text(encoding="utf-8"))
    assert record["subject"]["name"] == MEMBER and len(record["messages"]) == len(texts) > 5
    # Her own words, with everyone else masked as in a bundle (other parents, and the children she names).
    others = {w for (n,) in window.store.db.conn.execute("SELECT name FROM members WHERE name != ?", (MEMBER,))
              for w in n.split() if len(w) > 2 and w[0].isupper()} | {"Poppy"}
    got = [m["text"] for m in record["messages"]]
    assert [g for g, t in zip(got, texts, strict=True) if g != t] and all(
        g == t for g, t in zip(got, texts, strict=True) if not any(o in t for o in others))
    assert not any(o in json_path.read_text(encoding="utf-8") for o in others - {"Katie", "Lomas"})
    page = html_path.read_text(encoding="utf-8")
    assert "Hiya" in page and f"What the class rep holds about {MEMBER}" in page
    assert dialog.open_folder_button.isVisible() and "for Katie.html" in dialog.saved_label.text()
    assert len(audit.entries(window.store.db.conn, action="member.export")) == 1  # the core's entry, no more


def test_erase_shows_the_preview_needs_the_name_and_removes_the_member(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = _open_with_demo(desk, demo_export)
    messages = window.store.scalar("SELECT count(*) FROM messages m JOIN members p ON p.id = m.member_id WHERE p.name = ?", (MEMBER,))
    member_id = window.selected_member_id()
    window.actions_by_name["erase_member"].trigger()
    dialog = window.findChild(EraseDialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        pass
    text = dialog.preview.text()
    assert text.startswith(f"This will permanently remove {messages} messages by {MEMBER}")
    assert f"'Member {member_id}'" in text and "without their name" in text
    assert not dialog.erase_button.isEnabled()
    dialog.confirm_edit.setText("Katie")
    assert not dialog.erase_button.isEnabled()
    dialog.confirm_edit.setText(MEMBER)
    assert dialog.erase_button.isEnabled()
    with qtbot.waitSignal(dialog.erased, timeout=WAIT_MS):
        dialog.erase_button.click()

    with Store(desk.db_path) as store:
        like = f"%{MEMBER}%"
        assert store.scalar("SELECT count(*) FROM members WHERE name LIKE ?", (like,)) == 0
        assert store.scalar("SELECT count(*) FROM messages WHERE text LIKE ? OR actor LIKE ? OR target LIKE ? OR extra LIKE ?",
                            (like,) * 4) == 0
        assert store.scalar("SELECT count(*) FROM messages WHERE member_id = ?", (member_id,)) == 0
        assert audit.verify(store.db.conn).ok
        assert len(audit.entries(store.db.conn, action="member.erase")) == 1
    shown = [window.members_panel.model.record(r)["name"] for r in range(window.members_panel.model.rowCount())]
    assert MEMBER not in shown and f"Member {member_id}" in shown  # the window re-read the store


def test_purge_shows_the_plan_then_removes_only_old_text(desk: Desk, demo_export: Path, qtbot: object) -> None:
    cutoff = dt.date(2025, 11, 10)  # the demo chat runs from 1 to 16 November 2025
    days = (dt.date.today() - cutoff).days
    Settings({"retention_days": days}, path=desk.settings_path).save()
    window = _open_with_demo(desk, demo_export, member=None)
    with Store(desk.db_path) as store:  # an open incident on an old message keeps it
        flag_id, kept_id = store.db.conn.execute(
            "SELECT f.id, m.id FROM flags f JOIN messages m ON m.id = f.message_id WHERE m.ts < ? ORDER BY m.seq LIMIT 1",
            (cutoff.isoformat(),)).fetchone()
        review.set_status(store, flag_id, "confirmed")
        incidents.create_incident(store, [flag_id])
        old = store.scalar("SELECT count(*) FROM messages WHERE ts < ?", (cutoff.isoformat(),))
        newer = store.scalar("SELECT count(*) FROM messages WHERE ts >= ? AND text != ''", (cutoff.isoformat(),))

    window.actions_by_name["purge"].trigger()
    dialog = window.findChild(PurgeDialog)
    with qtbot.waitSignal(dialog.plan_ready, timeout=WAIT_MS) as planned:
        pass
    plan = planned.args[0]
    assert dialog.days.value() == days and plan.cutoff == cutoff.isoformat()
    assert any(f"keeps message text for {days} days" in label.text() for label in dialog.findChildren(QLabel))
    assert plan.kept_for_incidents > 0 and plan.total + plan.kept_for_incidents == old
    summary = dialog.summary.text()
    assert f"from before 10 Nov 2025: {plan.total} messages in 1 chat" in summary and "open incident needs them" in summary
    row = [dialog.table.item(0, c).text() for c in range(4)]
    assert row == ["Maple Class Parents", str(plan.total), "1 Nov 2025", "9 Nov 2025"]
    assert dialog.purge_button.text() == f"Delete the text of {plan.total} messages"
    with qtbot.waitSignal(dialog.purged, timeout=WAIT_MS) as purged:
        dialog.purge_button.click()
    assert purged.args == [plan.total]

    with Store(desk.db_path) as store:
        assert store.scalar("SELECT count(*) FROM messages WHERE ts < ? AND purged_at IS NULL", (cutoff.isoformat(),)) \
            == plan.kept_for_incidents
        assert store.scalar("SELECT count(*) FROM messages WHERE purged_at IS NOT NULL AND text = ''") == plan.total
        assert store.scalar("SELECT text FROM messages WHERE id = ?", (kept_id,)) != ""
        assert store.scalar("SELECT count(*) FROM messages WHERE ts >= ? AND text != ''", (cutoff.isoformat(),)) == newer
        assert audit.verify(store.db.conn).ok and len(audit.entries(store.db.conn, action="purge")) == 1


def test_backup_then_restore_round_trips_and_the_window_keeps_working(desk: Desk, demo_export: Path, qtbot: object,
                                                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _open_with_demo(desk, demo_export, member=None)
    saved = tmp_path / "safe" / "class backup.sqlite3"
    saved.parent.mkdir()
    monkeypatch.setattr(data_duties, "ask_save_path", lambda *_args: saved)
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.actions_by_name["backup"].trigger()
    assert saved.is_file() and any("Saved" in t and str(saved) in t for t in _close_boxes())

    flag_id = window.selected_flag_id()  # a change after the backup: a decision
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.decide("confirmed")
    assert window.store.scalar("SELECT status FROM flags WHERE id = ?", (flag_id,)) == "confirmed"

    monkeypatch.setattr(data_duties, "ask_open_path", lambda *_args: saved)
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.actions_by_name["restore"].trigger()  # the core checks the backup first
    dialog = window.findChild(RestoreDialog)
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "checked and is intact" in words and "applied to it again" in words
    assert f"{desk.db_path.name}.bak-" in dialog.keep_check.text() and not dialog.keep_check.isChecked()
    dialog.keep_check.setChecked(True)  # by default no copy is kept; this rep wants one
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        dialog.restore_button.click()
    assert any("Restored" in t and ".bak-" in t and "still in effect" in t for t in _close_boxes())

    # The window reads the restored store: the decision made after the backup is gone...
    assert window.store.scalar("SELECT status FROM flags WHERE id = ?", (flag_id,)) == "new"
    assert window.review_panel.model.row_of(flag_id) is not None
    kept = list(tmp_path.glob(f"{desk.db_path.name}.bak-*"))
    assert len(kept) == 1
    with Store(kept[0]) as previous:
        assert previous.scalar("SELECT status FROM flags WHERE id = ?", (flag_id,)) == "confirmed"
    # ...and keeps working on it: a new decision goes through the database thread and is audited.
    window.review_panel.select_flag(flag_id)
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.decide("dismissed")
    with Store(desk.db_path) as store:
        assert store.scalar("SELECT status FROM flags WHERE id = ?", (flag_id,)) == "dismissed"
        assert audit.verify(store.db.conn).ok
        actions = [e["action"] for e in audit.entries(store.db.conn)]
        after = actions[len(actions) - actions[::-1].index("restore"):]
        assert after and set(after) == {"flag.decide"}  # one entry per flag of the message decided


def test_a_file_that_is_not_a_backup_gets_a_sentence(desk: Desk, demo_export: Path, qtbot: object,
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _open_with_demo(desk, demo_export, member=None)
    wrong = tmp_path / "holiday photos.sqlite3"
    wrong.write_bytes(b"not a database" * 100)
    monkeypatch.setattr(data_duties, "ask_open_path", lambda *_args: wrong)
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.actions_by_name["restore"].trigger()
    assert window.findChild(RestoreDialog) is None
    texts = _close_boxes()
    assert len(texts) == 1 and "is not a Rep Assistant backup" in texts[0] and "Traceback" not in texts[0]
    assert window.store.scalar("SELECT count(*) FROM messages") > 50


def test_the_erasure_preview_reads_as_plain_words() -> None:
    plan = erasure.ErasurePlan(member=erasure.Member(7, 1, "Year 3 Maple", "Jane Doe", False), member_ids=(7, 9), messages=23,
                               media_files=1, notes=0, flags=2, open_incidents=1,
                               mentions={"flags.explanation": 2, "incidents.title": 1, "messages.text": 3, "messages.target": 1})
    words = describe_erasure(plan)
    assert words.startswith("This will permanently remove 23 messages by Jane Doe and 1 photo or file only they sent, "
                            "and replace their name with 'Member 7' in 4 other messages, 2 flags and 1 incident.")
    assert "also posts in 1 other chat" in words and "1 open incident involves their messages" in words
    assert words.endswith("The audit log keeps a record that you did this, without their name. This cannot be undone.")


def test_a_restore_that_fails_leaves_the_window_on_its_store(desk: Desk, demo_export: Path, qtbot: object,
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _open_with_demo(desk, demo_export, member=None)
    saved = tmp_path / "b.sqlite3"
    monkeypatch.setattr(data_duties, "ask_save_path", lambda *_args: saved)
    monkeypatch.setattr(data_duties, "ask_open_path", lambda *_args: saved)
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.actions_by_name["backup"].trigger()
    _close_boxes()
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.actions_by_name["restore"].trigger()
    saved.unlink()  # gone (a USB stick pulled out) between the check and the confirmation
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.findChild(RestoreDialog).restore_button.click()
    texts = _close_boxes()
    assert len(texts) == 1 and texts[0].startswith("There is no file")
    assert list(tmp_path.glob("*.bak-*")) == []
    flag_id = window.selected_flag_id()
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.decide("confirmed")
    assert window.store.scalar("SELECT status FROM flags WHERE id = ?", (flag_id,)) == "confirmed"


def test_restore_runs_on_the_database_thread_while_the_window_reads_nothing(desk: Desk, demo_export: Path, qtbot: object,
                                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _open_with_demo(desk, demo_export, member=None)
    saved = tmp_path / "b.sqlite3"
    monkeypatch.setattr(data_duties, "ask_save_path", lambda *_args: saved)
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.actions_by_name["backup"].trigger()
    _close_boxes()
    real_restore, release, threads, finished, steps = backup.restore, threading.Event(), [], threading.Event(), []

    def slow_restore(*args: object, **kwargs: object) -> backup.Restored:
        threads.append(threading.current_thread())
        try:
            assert release.wait(10), "the test never let the restore go on"
            return real_restore(*args, **kwargs)
        finally:
            finished.set()

    monkeypatch.setattr(backup, "restore", slow_restore)
    window.worker.op_progress.connect(lambda _op, _done, _total, label: steps.append(label))
    probe = QDialog(window)  # a dialog of the window left open: it must not reach the closed store either
    probe.show()
    data_duties.restore_in_window(window, saved)
    # The GUI thread did not wait for the core's restore: it is still held on the database thread.
    assert not finished.is_set()
    qtbot.waitUntil(lambda: bool(threads), timeout=WAIT_MS)
    assert threads[0] is not threading.main_thread()
    # Meanwhile the window's connection is closed, and nothing of the window takes input that could read it.
    with pytest.raises(sqlite3.ProgrammingError):
        window.store.scalar("SELECT 1")
    assert not window.isEnabled() and not probe.isEnabled()
    # Nor does anything draw from it: the panels are hidden (the queue reads its rows lazily, as they are painted).
    assert not window.review_panel.isVisible() and not window.chat_list.isVisible()
    release.set()
    qtbot.waitUntil(window.isEnabled, timeout=WAIT_MS)
    assert finished.is_set() and probe.isEnabled() and window.review_panel.isVisible()
    assert window.store.scalar("SELECT count(*) FROM audit_log WHERE action = 'restore'") == 1  # reopened on the new file
    assert {"Checking the backup", "Applying your erasures and purges to it again", "Checking the restored store"} <= set(steps)
    assert any(t.startswith("Restored") for t in _close_boxes())
    probe.close()


def _cut_paragraphs(dialog: QDialog) -> list[str]:
    """The wrapped paragraphs shown shorter than their text needs (their lines drawn over what follows)."""
    return [label.text()[:50] for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width())]


def test_the_data_dialogs_never_cut_their_paragraphs_at_any_size(qtbot: object, store: Store, tmp_path: Path) -> None:
    world(store)
    member = store.scalar("SELECT id FROM members ORDER BY id LIMIT 1")

    def never(*_args: object) -> None:  # the answers are handed in below, the longest a rep may see
        pass

    export = MemberExportDialog(store, never, member)
    export._on_exported((tmp_path / "Data held about Someone With A Rather Long Name.html",
                         tmp_path / "Data held about Someone With A Rather Long Name.json", {"messages": 12345, "flags": 67}))
    erase = EraseDialog(store, never, member)
    erase._on_preview(erase._asked, erasure.ErasurePlan(
        member=erasure.Member(7, 1, "Year 3 Maple", "Jane Doe-Whitfield", False), member_ids=(7, 9, 11), messages=2345,
        media_files=12, notes=4, flags=22, open_incidents=2, register_reasons=3, exports=(tmp_path / "a", tmp_path / "b"),
        mentions={"flags.explanation": 2, "incidents.title": 1, "messages.text": 31, "notes.text": 3, "chats.name": 1}))
    purge = PurgeDialog(never, 0)
    chats = [retention.ChatPurge(chat=f"Year {n} Maple Class Parents and Carers", chat_id=n, messages=1234 * n,
                                 first="2023-01-01T08:00:00", last="2024-11-30T21:00:00") for n in range(1, 8)]
    purge._on_plan(purge._asked, retention.PurgePlan(cutoff="2024-12-04T00:00:00", chats=chats, kept_for_incidents=123,
                                                     message_ids=tuple(range(9000))))
    restore = RestoreDialog(backup.BackupInfo(path=tmp_path / "Rep Assistant backup 2026-12-04 2330 from the old laptop.sqlite3",
                                              size=1, sha256="0" * 64, schema=3, audit_entries=123456, head_hash="0" * 64,
                                              messages=1234567), tmp_path / "rep-assistant.sqlite3")
    for dialog in (export, erase, purge, restore):
        qtbot.addWidget(dialog)
        dialog.show()
        for size in (dialog.size(), dialog.minimumSizeHint()):  # as opened, then shrunk by hand as far as it goes
            dialog.resize(size)
            qtbot.wait(20)
            assert _cut_paragraphs(dialog) == [], (type(dialog).__name__, dialog.size())


def test_erase_never_starts_on_someone_the_rep_did_not_pick(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = _open_with_demo(desk, demo_export, member=None)
    assert window.selected_member_id() is None
    dialog = data_duties.erase_member(window)
    assert dialog.members.choice() is None and dialog.preview.text() == "Choose the member to erase above."
    dialog.confirm_edit.setText("ERASE")
    assert not dialog.erase_button.isEnabled()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.members.setCurrentIndex(dialog.members.findText(MEMBER, Qt.MatchFlag.MatchStartsWith))
    assert ready.args[0].member.name == MEMBER and dialog.confirm_edit.text() == ""  # typed before choosing: cleared
    dialog.reject()
    with Store(desk.db_path) as store:
        assert audit.entries(store.db.conn, action="member.erase") == []


def test_a_dialog_closed_before_its_answer_comes_ignores_it(desk: Desk, demo_export: Path, qtbot: object) -> None:
    """Cancel pressed while the core still works out the plan: the answer arrives for a deleted dialog."""
    window = _open_with_demo(desk, demo_export)
    window.worker.submit("hold the queue", lambda _s, _p, _c: time.sleep(0.3))
    window.actions_by_name["purge"].trigger()
    window.actions_by_name["erase_member"].trigger()
    for dialog in (window.findChild(PurgeDialog), window.findChild(EraseDialog)):
        dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(PurgeDialog) is None and window.findChild(EraseDialog) is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.worker.is_busy(), timeout=WAIT_MS)  # the answers came, for nobody; nothing raised
