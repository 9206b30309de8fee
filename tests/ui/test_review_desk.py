"""The review desk driven like a rep would: drop an export, triage by keyboard, reopen, search, filter, cancel."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from rep_assistant.core.reviewing import queue, review
from rep_assistant.core.store import Store
from tests.ui.conftest import IMPORT_TIMEOUT_MS, Desk

pytestmark = pytest.mark.gui


def _counts(db_path: Path) -> dict[str, int]:
    with Store(db_path) as store:
        return {t: store.scalar(f"SELECT count(*) FROM {t}")
                for t in ("chats", "members", "messages", "imports", "flags", "decisions", "audit_log")}


def _focus_queue(window: object, qtbot: object) -> None:
    window.activateWindow()
    window.tabs.setCurrentWidget(window.review_panel)
    window.review_panel.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.review_panel.table)


def _press(qtbot: object, window: object, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press that should save something: wait until the database thread has done it."""
    with qtbot.waitSignal(window.worker.op_finished, timeout=10_000):
        qtbot.keyClick(window.review_panel.table, key, modifier)


def test_drop_an_export_imports_and_scans_it_without_blocking(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = desk.open()
    assert window.stack.currentWidget() is window.empty_page
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo_export))])
    drop = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        window.dropEvent(drop)
        assert window.worker.is_busy()  # the import runs on the database thread, the window goes on
    chat_id = blocker.args[0]
    assert window.current_chat_id() == chat_id
    assert window.stack.currentWidget() is window.tabs
    with Store(desk.db_path) as store:
        messages = store.scalar("SELECT count(*) FROM messages WHERE chat_id = ?", (chat_id,))
        open_messages = len(queue.queue_items(store, chat_id, statuses=[review.ATTENTION]))
    assert window.review_panel.model.rowCount() == open_messages > 5
    assert window.conversation.model.rowCount() == 0  # read when its tab is first shown
    window.tabs.setCurrentWidget(window.conversation)
    assert window.conversation.model.rowCount() == messages > 50
    assert window.review_panel.selected_flag_id() == window.review_panel.model.flag_id(0)
    assert window.selected_flag_id() is None  # the conversation shows no selected message: nothing to act on


def test_keyboard_triage_persists_and_undo_walks_back(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    _focus_queue(window, qtbot)
    panel = window.review_panel
    first, second, third, fourth, fifth = (panel.model.flag_id(r) for r in range(5))
    count = panel.model.rowCount()
    assert panel.count_label.text() == f"{count} to review"

    _press(qtbot, window, Qt.Key.Key_C)  # confirm the first, the queue moves on
    assert window.selected_flag_id() == second
    assert panel.model.row_of(first) is None and panel.count_label.text() == f"{count - 1} to review"  # it left the list
    assert window.notice.label.text().startswith("Confirmed: ")
    _press(qtbot, window, Qt.Key.Key_D)  # dismiss the second
    _press(qtbot, window, Qt.Key.Key_S)  # snooze the third
    assert window.selected_flag_id() == fourth and panel.model.rowCount() == count - 3
    qtbot.keyClick(panel.table, Qt.Key.Key_J)  # forward with J, back with K
    assert window.selected_flag_id() == fifth
    qtbot.keyClick(panel.table, Qt.Key.Key_K)
    assert window.selected_flag_id() == fourth

    with Store(desk.db_path) as store:
        statuses = {f: store.scalar("SELECT status FROM flags WHERE id = ?", (f,)) for f in (first, second, third)}
        actions = [r["action"] for r in store.query("SELECT action FROM audit_log WHERE action = 'flag.decide'")]
        assert store.scalar("SELECT count(DISTINCT batch) FROM decisions") == 3  # one key press, one decision per message
        decided = store.scalar("SELECT count(*) FROM decisions")
    assert statuses == {first: "confirmed", second: "dismissed", third: "snoozed"}
    assert len(actions) == decided

    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the snooze
    assert window.selected_flag_id() == third
    with Store(desk.db_path) as store:
        assert store.scalar("SELECT status FROM flags WHERE id = ?", (third,)) == "new"
        on_message = store.scalar("SELECT count(*) FROM flags WHERE active = 1 AND message_id = "
                                  "(SELECT message_id FROM flags WHERE id = ?)", (third,))
        undone = store.scalar("SELECT count(*) FROM audit_log WHERE action = 'flag.decide' AND details LIKE '%\"undo\":true%'")
        assert undone == on_message  # the whole message's decision, every flag of it

    desk.close(window)
    again = desk.open()
    assert again.current_chat_id() is not None  # the last chat is reopened
    listed = [again.review_panel.model.flag_id(r) for r in range(again.review_panel.model.rowCount())]
    assert first not in listed and second not in listed and third in listed  # "Needs attention" after reopening
    again.review_panel.set_filters(status="Dismissed")
    assert [again.review_panel.model.flag_id(r) for r in range(again.review_panel.model.rowCount())] == [second]


def test_note_on_a_flag_is_saved_and_audited(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    _focus_queue(window, qtbot)
    flag_id = window.selected_flag_id()
    qtbot.keyClick(window.review_panel.table, Qt.Key.Key_N)
    dialogs = window.review
    qtbot.waitUntil(lambda: dialogs.note_dialog is not None and dialogs.note_dialog.isVisible())
    dialogs.note_dialog.editor.setPlainText("Spoke to the teacher; she has seen it.")
    with qtbot.waitSignal(window.worker.op_finished, timeout=10_000):
        dialogs.note_dialog.accept()
    assert "Spoke to the teacher" in window.review_panel.detail.toPlainText()
    with Store(desk.db_path) as store:
        assert store.query("SELECT flag_id, text FROM notes") == [{"flag_id": flag_id, "text": "Spoke to the teacher; she has seen it."}]
        assert store.scalar("SELECT details FROM audit_log WHERE action = 'note.add'") == '{"length":38}'


def test_dismissed_flag_stays_dismissed_after_rescan_and_reimport(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    _focus_queue(window, qtbot)
    flag_id = window.selected_flag_id()
    _press(qtbot, window, Qt.Key.Key_D)
    with qtbot.waitSignal(window.worker.op_finished, timeout=IMPORT_TIMEOUT_MS):
        window.rescan_chat()
    desk.import_file(window, demo_export)
    with Store(desk.db_path) as store:
        assert store.scalar("SELECT status FROM flags WHERE id = ?", (flag_id,)) == "dismissed"
    assert window.review_panel.model.row_of(flag_id) is None


def test_rescan_offers_new_categories_and_members_in_the_filters(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    panel = window.review_panel
    first, last = panel.model.record(0), panel.model.record(panel.model.rowCount() - 1)
    category, member = first["category"], last["member_id"]
    with Store(desk.db_path) as store, store.transaction():  # as if first scanned under a policy without them
        store.db.execute("DELETE FROM flags WHERE category = ? OR member_id = ?", (category, member))
    window.open_chat(window.current_chat_id())
    assert panel.category_combo.findData(category) == -1 and panel.member_combo.findData(member) == -1
    panel.category_combo.setCurrentIndex(1)
    chosen = panel.category_combo.currentData()
    with qtbot.waitSignal(window.worker.op_finished, timeout=IMPORT_TIMEOUT_MS):
        window.rescan_chat()
    assert panel.category_combo.findData(category) > 0 and panel.member_combo.findData(member) > 0
    assert panel.category_combo.currentData() == chosen  # the rep's filter stays as it was
    assert all(chosen in panel.model.record(r)["categories"] for r in range(panel.model.rowCount()))


def test_search_jumps_to_the_message(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    window.activateWindow()
    window.review_panel.table.setFocus()
    qtbot.keyClick(window.review_panel.table, Qt.Key.Key_Slash)
    view = window.conversation
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search_edit)
    with Store(desk.db_path) as store:
        word = store.scalar("SELECT text FROM messages WHERE kind = 'message' AND length(text) > 20 ORDER BY seq LIMIT 1 OFFSET 20").split()[1]
    qtbot.keyClicks(view.search_edit, word)
    with qtbot.waitSignal(view.search_finished) as found:
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert found.args[0] >= 1
    first_hit = view.results.item(0).data(Qt.ItemDataRole.UserRole + 1)
    current = view.message_view.currentIndex()
    assert current.data(Qt.ItemDataRole.UserRole + 2) == first_hit["id"]
    assert word.lower() in current.data(Qt.ItemDataRole.UserRole + 1)["text"].lower()
    view.run_search("zzzqqq-nothing-like-this")
    assert view.results.count() == 0 and view.search_status.text() == "No messages match."


def test_queue_filters_by_category_member_dates_and_status(desk: Desk, demo_export: Path) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    panel = window.review_panel
    model = panel.model

    def rows() -> list[dict]:
        return [model.record(r) for r in range(model.rowCount())]

    everything = rows()
    category = everything[0]["category"]
    panel.set_filters(category=category)
    assert rows() and all(category in r["categories"] for r in rows())
    panel.set_filters(category="")  # back to all categories (index 0)
    panel.category_combo.setCurrentIndex(0)
    member = everything[0]["member_id"]
    panel.set_filters(member_id=member)
    assert rows() and {r["member_id"] for r in rows()} == {member}
    panel.member_combo.setCurrentIndex(0)
    day = dt.date.fromisoformat(everything[0]["ts"][:10])
    panel.set_filters(since=day, until=day)
    assert rows() and {r["ts"][:10] for r in rows()} == {day.isoformat()}
    panel.set_filters(status="Confirmed")
    assert rows() == [] and panel.table_stack.currentWidget() is panel.empty_label
    ranks = [(-r["rank"], r["ts"]) for r in everything]
    assert ranks == sorted(ranks)  # most severe first, then oldest


def test_cancel_an_import_leaves_the_store_as_before(desk: Desk, demo_export: Path, qtbot: object, tmp_path: Path) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    big = tmp_path / "WhatsApp Chat with Oak Class.txt"
    lines = demo_export.read_text(encoding="utf-8")
    big.write_text(lines * 60, encoding="utf-8")
    before = _counts(desk.db_path)
    window.worker.op_progress.connect(lambda op_id, *_: window.worker.cancel(op_id))
    with qtbot.waitSignal(window.worker.op_finished, timeout=IMPORT_TIMEOUT_MS):
        window.open_files([big])
    assert _counts(desk.db_path) == before
    assert "nothing was changed" in window.statusBar().currentMessage()
    assert window.current_chat_id() is not None and not window.worker.is_busy()


def test_a_bad_file_gets_a_sentence_not_a_traceback(desk: Desk, tmp_path: Path, qtbot: object) -> None:
    window = desk.open()
    bad = tmp_path / "holiday.txt"
    bad.write_text("Shopping list: eggs, milk\n", encoding="utf-8")
    with qtbot.waitSignal(window.worker.op_finished, timeout=10_000):
        window.open_files([bad])
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    assert "Traceback" not in boxes[0].text() and len(boxes[0].text()) > 20
    boxes[0].close()


def test_members_view_shows_counts_and_takes_actions(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    window.tabs.setCurrentWidget(window.members_panel)
    panel = window.members_panel
    assert panel.model.rowCount() > 3
    first = panel.model.data(panel.model.index(0, 0))
    assert first in panel.detail.toPlainText()
    assert window.selected_member_id() == panel.model.member_id(0)
    calls: list[int] = []
    extra = window.new_action("extra", "Extra…", lambda: calls.append(1), "Ctrl+Shift+E", "warn", "An extra member action", "Act")
    panel.add_action(extra)
    assert extra in window.menu("Act").actions() and extra in panel.toolbar.actions()
    assert extra.toolTip() == "An extra member action (Ctrl+Shift+E)" and not extra.icon().isNull()
    extra.trigger()
    assert calls == [1] and window.actions_by_name["extra"] is extra


def test_window_remembers_its_size_and_splitters(desk: Desk, demo_export: Path) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    window.resize(760, 540)  # inside the offscreen screen (800x600)
    window.splitter.setSizes([200, 560])
    size, sizes = window.size(), window.splitter.sizes()
    desk.close(window)
    again = desk.open()
    assert again.size() == size and size.height() == 540
    assert again.splitter.sizes() == sizes


def test_shortcuts_are_visible_in_menus_and_tooltips(desk: Desk) -> None:
    window = desk.open()
    for name, keys in (("confirm", "C"), ("dismiss", "D"), ("snooze", "S"), ("note", "N"), ("next", "J"),
                       ("previous", "K"), ("search", "/"), ("undo", "Ctrl+Z")):
        action = window.actions_by_name[name]
        assert action.shortcut().toString() == keys
        assert f"({keys})" in action.toolTip()
        assert any(action in window.menu(m).actions() for m in ("Edit", "Review"))
