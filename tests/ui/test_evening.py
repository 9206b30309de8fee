"""The evening review as a tired rep does it, on the demo chat, with the keyboard.

Each test fails without its fix: keys that acted on a flag not shown, no way to flag a missed
breach, one message as several queue items, notes that Enter could not save, settings that
changed nothing until Ctrl+R, a window that did not fit the screen.
"""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QTextBrowser, QWidget

from rep_assistant.core.reviewing import queue, review
from rep_assistant.core.store import Store
from rep_assistant.ui import style
from rep_assistant.ui.draft_dialog import DraftDialog
from rep_assistant.ui.views.incidents_dialog import IncidentsDialog
from rep_assistant.ui.workers.changes import DECISION
from tests.ui.conftest import IMPORT_TIMEOUT_MS, Desk

pytestmark = pytest.mark.gui
WAIT_MS = 10_000


def _open_demo(desk: Desk, demo_export: Path, qtbot: object) -> object:
    window = desk.open()
    desk.import_file(window, demo_export)
    window.activateWindow()
    return window


def _select_message(window: object, qtbot: object, message_id: int) -> None:
    window.tabs.setCurrentWidget(window.conversation)
    window.conversation.jump_to_message(message_id)
    window.conversation.message_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.conversation.message_view)
    assert window.conversation.selected_message()["id"] == message_id


def _unflagged_message(store: Store, chat_id: int) -> int:
    return store.scalar("SELECT id FROM messages m WHERE chat_id = ? AND kind = 'message' AND length(text) > 30 "
                        "AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.message_id = m.id) ORDER BY seq LIMIT 1 OFFSET 5", (chat_id,))


def test_a_key_on_the_conversation_acts_on_the_message_shown_or_says_why_not(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    store, chat_id = window.store, window.current_chat_id()
    queue_selected = window.selected_flag_id()
    _select_message(window, qtbot, _unflagged_message(store, chat_id))

    qtbot.keyClick(window.conversation.message_view, Qt.Key.Key_C)
    assert store.scalar("SELECT count(*) FROM decisions") == 0  # nothing decided, not the queue's selected flag either
    assert "no flag" in window.statusBar().currentMessage()
    window.actions_by_name["draft"].trigger()  # nor a draft about the queue's (hidden) flag
    assert window.findChild(DraftDialog) is None and "first" in window.statusBar().currentMessage()

    flagged = store.query("SELECT f.message_id, m.member_id FROM flags f JOIN messages m ON m.id = f.message_id "
                          "WHERE f.id != ? AND f.message_id != (SELECT message_id FROM flags WHERE id = ?) "
                          "ORDER BY f.id DESC LIMIT 1", (queue_selected, queue_selected))[0]
    _select_message(window, qtbot, flagged["message_id"])
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        qtbot.keyClick(window.conversation.message_view, Qt.Key.Key_C)
    statuses = {r["message_id"]: r["status"] for r in store.query("SELECT message_id, status FROM flags")}
    assert statuses[flagged["message_id"]] == "confirmed"
    assert store.scalar("SELECT status FROM flags WHERE id = ?", (queue_selected,)) == "new"
    author = store.scalar("SELECT name FROM members WHERE id = ?", (flagged["member_id"],))
    notice = window.notice.label.text()
    assert notice.startswith("Confirmed: " + author.split()[0]) and window.notice.undo_button.isVisible()

    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.notice.undo_button.click()
    assert store.scalar("SELECT status FROM flags WHERE message_id = ?", (flagged["message_id"],)) == "new"


def test_a_missed_breach_flagged_by_hand_goes_into_an_incident_bundle(desk: Desk, demo_export: Path, qtbot: object,
                                                                     tmp_path: Path) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    store = window.store
    message_id = _unflagged_message(store, window.current_chat_id())
    text = store.scalar("SELECT text FROM messages WHERE id = ?", (message_id,))
    _select_message(window, qtbot, message_id)

    qtbot.keyClick(window.conversation.message_view, Qt.Key.Key_F)
    dialog = window.review.flag_dialog
    assert dialog is not None and dialog.isVisible() and dialog.categories.count() > 5
    row = next(r for r in range(dialog.categories.count())
               if dialog.categories.item(r).data(Qt.ItemDataRole.UserRole) == "individual-child")
    dialog.categories.setCurrentRow(row)  # the rep chooses another category than the one suggested
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.categories, Qt.Key.Key_Return)
    flag = store.query("SELECT id, status, rule_id, category FROM flags WHERE message_id = ?", (message_id,))
    assert [(f["status"], f["rule_id"], f["category"]) for f in flag] == [("confirmed", "manual", "individual-child")]
    assert window.notice.label.text().startswith("Flagged by you as Individual child")
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'flag.add'") == 1
    assert window.conversation.selected_message()["flags"][0]["id"] == flag[0]["id"]  # the margin shows it at once

    window.tabs.setCurrentWidget(window.review_panel)
    window.review_panel.set_filters(status="Confirmed")
    assert window.review_panel.select_flag(flag[0]["id"])
    window.actions_by_name["new_incident"].trigger()
    qtbot.waitUntil(lambda: window.findChild(IncidentsDialog) is not None, timeout=WAIT_MS)
    incidents = window.findChild(IncidentsDialog)
    qtbot.waitUntil(lambda: incidents.current_incident_id() is not None, timeout=WAIT_MS)
    out = tmp_path / "bundle.zip"
    incidents.export_bundle_to(out, redact=False)
    qtbot.waitUntil(out.exists, timeout=60_000)
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as zipped:
        messages = json.loads(zipped.read("messages.json"))
    assert any(m.get("text") == text for group in messages for m in group)


def test_one_item_per_message_decided_at_once_and_the_empty_queue_sums_up(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    store, chat_id, panel = window.store, window.current_chat_id(), window.review_panel
    message_id = store.scalar("SELECT message_id FROM flags GROUP BY message_id HAVING count(*) > 1 LIMIT 1")
    flags = [r["id"] for r in store.query("SELECT id FROM flags WHERE message_id = ?", (message_id,))]
    rows = [r for r in range(panel.model.rowCount()) if panel.model.record(r)["message_id"] == message_id]
    assert len(rows) == 1 and len(panel.model.record(rows[0])["categories"]) == len(flags) > 1
    assert len({panel.model.record(r)["message_id"] for r in range(panel.model.rowCount())}) == panel.model.rowCount()

    count = panel.model.rowCount()
    panel.select_row(rows[0])
    window.tabs.setCurrentWidget(panel)
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.actions_by_name["dismiss"].trigger()
    assert {store.scalar("SELECT status FROM flags WHERE id = ?", (f,)) for f in flags} == {"dismissed"}
    assert panel.model.rowCount() == count - 1 and panel.count_label.text() == f"{count - 1} to review"

    left = [f for item in queue.queue_items(store, chat_id, statuses=[review.ATTENTION]) for f in item.flag_ids]
    with store.transaction():
        review.decide(store, left[: len(left) // 2], "confirmed")
        review.decide(store, left[len(left) // 2:], "dismissed")
    window.apply_changes(DECISION)
    assert panel.model.rowCount() == 0 and panel.table_stack.currentWidget() is panel.empty_label
    summary = panel.empty_label.text()
    assert "Nothing left to review" in summary and "confirmed" in summary and "Next:" in summary
    assert panel.count_label.text() == "0 to review"


def test_a_note_is_saved_with_ctrl_enter_and_cancelled_with_escape(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    window.tabs.setCurrentWidget(window.review_panel)
    window.review_panel.table.setFocus()
    flag_id = window.selected_flag_id()
    qtbot.keyClick(window.review_panel.table, Qt.Key.Key_N)
    dialog = window.review.note_dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    qtbot.keyClicks(dialog.editor, "Asked the teacher")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)  # a new line, not a save
    qtbot.keyClicks(dialog.editor, "about it")
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.store.query("SELECT flag_id, text FROM notes") == [{"flag_id": flag_id, "text": "Asked the teacher\nabout it"}]

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.review_panel.table, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: window.review.note_dialog is not None and window.review.note_dialog.isVisible())
    dialog = window.review.note_dialog
    qtbot.keyClicks(dialog.editor, "never mind")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and window.store.scalar("SELECT count(*) FROM notes") == 1


def test_new_quiet_hours_recheck_the_open_chat_and_keep_decisions(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    store, panel = window.store, window.review_panel
    late = "SELECT count(*) FROM flags WHERE category = 'late-night' AND active = 1"
    before = store.scalar(late)
    decided = window.selected_flag_id()
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.decide("confirmed")
    rows_before = panel.model.rowCount()
    window.save_settings({"quiet_start": "20:00"})
    qtbot.waitUntil(lambda: store.scalar(late) > before, timeout=IMPORT_TIMEOUT_MS)  # no Ctrl+R
    qtbot.waitUntil(lambda: panel.model.rowCount() > rows_before, timeout=WAIT_MS)
    assert store.scalar("SELECT status FROM flags WHERE id = ?", (decided,)) == "confirmed"
    qtbot.waitUntil(lambda: "your decisions are kept" in window.statusBar().currentMessage(), timeout=WAIT_MS)


def _overlaps(widgets: list[QWidget], parent: QWidget) -> list[tuple[str, str]]:
    rects = [(w.accessibleName() or w.objectName() or type(w).__name__,
              QRect(w.mapTo(parent, w.rect().topLeft()), w.size())) for w in widgets if w.isVisible()]
    return [(a, b) for i, (a, ra) in enumerate(rects) for b, rb in rects[i + 1:] if ra.intersects(rb)]


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
def test_the_desk_fits_a_small_laptop_screen(desk: Desk, demo_export: Path, qtbot: object, size: tuple[int, int]) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    assert window.minimumSizeHint().width() <= 1000
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    panel = window.review_panel
    filters = [panel.status_combo, panel.category_combo, panel.member_combo, panel.since_edit, panel.until_edit, panel.count_label,
               *[label for label in panel.findChildren(QLabel) if label.buddy() is not None]]
    qtbot.waitUntil(lambda: not _overlaps(filters, panel))
    assert panel.table.isVisible() and panel.detail.height() > 60
    window.tabs.setCurrentWidget(window.members_panel)
    members = window.members_panel.table
    qtbot.waitUntil(lambda: members.model().rowCount() > 0)
    qtbot.waitUntil(lambda: members.horizontalScrollBar().maximum() == 0)  # every column in view, "Last post" too
    widest = max(members.fontMetrics().horizontalAdvance(members.model().index(r, 0).data())
                 for r in range(members.model().rowCount()))
    assert members.columnWidth(0) > widest  # names on one line, not cut


_SCALED_WINDOW = """
import json, os
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.ui.app import make_app
from rep_assistant.ui.main_window import MainWindow
app = make_app()
store = Store(os.environ["REP_ASSISTANT_HOME"] + "/desk.sqlite3")
window = MainWindow(store, Settings({}))
window.show()
app.processEvents()
frame, free = window.frameGeometry(), window.screen().availableGeometry()
print(json.dumps({"frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                  "free": [free.x(), free.y(), free.width(), free.height()]}))
window.close()
store.close()
"""


def test_the_window_opens_inside_the_screen_at_200_percent(tmp_path: Path) -> None:
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "REP_ASSISTANT_HOME": str(tmp_path / "home"), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", _SCALED_WINDOW], env=env, capture_output=True, text=True, timeout=120, check=True)
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    x, y, w, h = shown["frame"]
    fx, fy, fw, fh = shown["free"]
    assert (fw, fh) == (960, 540)  # 1920x1080 at 200%
    assert fx <= x and fy <= y and x + w <= fx + fw and y + h <= fy + fh, shown


_SCALED_DIALOGS = """
import json, os
from PySide6.QtWidgets import QDialog
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.ui.app import make_app
from rep_assistant.ui.main_window import MainWindow
app = make_app()
store = Store(os.environ["REP_ASSISTANT_HOME"] + "/desk.sqlite3")
window = MainWindow(store, Settings({}))
window.show()
big = QDialog(window)
big.resize(1400, 900)  # larger than any dialog of the desk, as a rep's own font size can make them
shown = {}
for name, dialog in (("audit", window.show_audit_log()), ("settings", window.show_settings()), ("big", big)):
    dialog.show()
    app.processEvents()
    frame = dialog.frameGeometry()
    shown[name] = [frame.x(), frame.y(), frame.width(), frame.height()]
    dialog.close()
free = window.screen().availableGeometry()
print(json.dumps({"dialogs": shown, "free": [free.x(), free.y(), free.width(), free.height()]}))
window.close()
store.close()
"""


def test_dialogs_open_inside_the_screen_at_200_percent(tmp_path: Path) -> None:
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "REP_ASSISTANT_HOME": str(tmp_path / "home"), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", _SCALED_DIALOGS], env=env, capture_output=True, text=True, timeout=120, check=True)
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    fx, fy, fw, fh = shown["free"]
    assert (fw, fh) == (960, 540)
    for name, (x, y, w, h) in shown["dialogs"].items():
        assert fx <= x and fy <= y and x + w <= fx + fw and y + h <= fy + fh, (name, shown)
    assert shown["dialogs"]["audit"][2:] == [960, 540]  # 1000×600 asked for: as much as fits


def test_appearance_and_chat_name_take_effect_at_once(desk: Desk, demo_export: Path, qtbot: object,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    window.save_settings({}, "dark")
    assert style.is_dark()
    window.save_settings({}, "light")
    assert not style.is_dark()
    window.save_settings({}, "system")

    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("Maple Class 3", True))
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.actions_by_name["rename_chat"].trigger()
    assert window.store.scalar("SELECT name FROM chats WHERE id = ?", (window.current_chat_id(),)) == "Maple Class 3"
    assert window.windowTitle().startswith("Maple Class 3") and "Maple Class 3" in window.chat_list.currentIndex().data()


def test_never_flag_this_kind_here_and_undo_it(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    store, panel = window.store, window.review_panel
    window.tabs.setCurrentWidget(panel)
    panel.select_row(panel.model.rowCount() - 1)  # an advisory, the least serious
    flag_ids = panel.selected_flag_ids()
    with qtbot.waitSignal(window.worker.op_finished, timeout=WAIT_MS):
        window.actions_by_name["dismiss_kind"].trigger()
    assert store.scalar("SELECT count(*) FROM suppressions WHERE lifted_at IS NULL") == len(flag_ids)
    assert {store.scalar("SELECT status FROM flags WHERE id = ?", (f,)) for f in flag_ids} == {"dismissed"}
    assert "will not be flagged in this chat again" in window.notice.label.text()
    with qtbot.waitSignal(window.worker.op_finished, timeout=IMPORT_TIMEOUT_MS):
        window.notice.undo_button.click()
    assert store.scalar("SELECT count(*) FROM suppressions WHERE lifted_at IS NULL") == 0
    assert {store.scalar("SELECT status FROM flags WHERE id = ?", (f,)) for f in flag_ids} == {"new"}
    assert all(panel.model.row_of(f) is not None for f in flag_ids)  # back in the queue


def test_a_neighbour_in_the_context_can_be_flagged_from_its_link(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    panel = window.review_panel
    html = panel.detail.toHtml()
    target = panel.selected_record()["message_id"]
    neighbour = next(int(part.split('"')[0]) for part in html.split('href="flag:')[1:] if int(part.split('"')[0]) != target)
    panel.detail.anchorClicked.emit(QUrl(f"flag:{neighbour}"))
    dialog = window.review.flag_dialog
    assert dialog is not None and dialog.isVisible()
    text = window.store.scalar("SELECT text FROM messages WHERE id = ?", (neighbour,))
    assert " ".join(text.split())[:30] in " ".join(dialog.findChild(QTextBrowser).toPlainText().split())
    dialog.reject()


def test_the_import_line_counts_what_the_queue_and_the_chat_list_count(desk: Desk, demo_export: Path) -> None:
    window = _open_demo(desk, demo_export, None)
    waiting = window.review_panel.model.rowCount()
    assert waiting < window.store.scalar("SELECT count(*) FROM flags WHERE status = 'new'")  # messages, not flags
    assert window.statusBar().currentMessage().endswith(f"; {waiting} to review.")
    assert window.chats_model.index(0, 0).data().endswith(f"{waiting} to review")


def test_search_by_keyboard_lands_on_the_hits_and_esc_goes_back_to_the_chat(desk: Desk, demo_export: Path, qtbot: object) -> None:
    window = _open_demo(desk, demo_export, qtbot)
    view = window.conversation
    window.tabs.setCurrentWidget(view)
    view.message_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.message_view)
    qtbot.keyClick(view.message_view, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is view.search_edit
    qtbot.keyClicks(view.search_edit, "school")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert view.results.count() > 1 and QApplication.focusWidget() is view.results  # arrows walk the hits now
    first = view.selected_message()["id"]
    qtbot.keyClick(view.results, Qt.Key.Key_Down)
    assert view.selected_message()["id"] != first  # the conversation follows
    qtbot.keyClick(view.results, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view.message_view and view.results.isVisible()  # the hits stay for later
    qtbot.keyClick(view.message_view, Qt.Key.Key_Slash)
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view.results
    view.search_edit.setFocus()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Escape)  # from the box: the search is put away
    assert QApplication.focusWidget() is view.message_view and not view.results.isVisible() and not view.search_edit.text()
