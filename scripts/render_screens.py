#!/usr/bin/env python3
"""Render the review desk's main states to PNG files, offscreen, to look at what we ship.

usage: render_screens.py OUT_DIR

Uses a throwaway home (REP_ASSISTANT_HOME) and the bundled demo chat (made-up people), run
through the real importer and scanner on the window's database thread. Writes:
empty.png, chat.png, review.png, conversation.png, conversation_no_flag.png, flag_dialog.png,
flagged_by_hand.png, note.png, worth_a_look.png, done.png, narrow_1024x600.png, laptop_1366x768.png,
members.png, settings.png, audit.png,
the Data menu's states (data_menu.png, data_members.png, data_export.png, data_export_done.png,
data_erase.png, data_purge.png, data_backup_saved.png, data_restore.png, data_restored.png) and
draft.png, incidents.png, register.png, register_warn.png (the Act menu's dialogs) and
dark.png, dark_conversation.png, dark_members.png (a dark colour scheme).
"""

import json
import os
import sys
import tempfile
from pathlib import Path


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="rep-screens-"))
    os.environ["REP_ASSISTANT_HOME"] = str(home)
    # A 1920x1080 screen: the offscreen platform's own is 800x600, smaller than any laptop.
    screen = home / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={screen}")

    from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer, SignalInstance
    from PySide6.QtWidgets import QMessageBox, QWidget

    from rep_assistant.core.demo import demo_export_path
    from rep_assistant.core.reviewing import queue, review
    from rep_assistant.core.settings import Settings
    from rep_assistant.core.store import Store
    from rep_assistant.ui import act_actions, data_duties, style
    from rep_assistant.ui.app import make_app
    from rep_assistant.ui.main_window import MainWindow
    from rep_assistant.ui.views.incidents_dialog import IncidentsDialog
    from rep_assistant.ui.views.member_event_dialog import MemberEventDialog
    from rep_assistant.ui.views.restore_dialog import RestoreDialog
    from rep_assistant.ui.workers.changes import DECISION

    app = make_app()

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    def wait(signal: SignalInstance) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    def message_box() -> QMessageBox:
        return next(w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())

    store = Store(home / "screens.sqlite3", actor="Alex Example")
    settings = Settings({"rep_name": "Alex Example", "school_name": "Maple Primary School", "retention_days": 365},
                        path=home / "settings.json")
    window = MainWindow(store, settings)
    window.resize(1280, 800)
    window.show()
    shot(window, "empty")

    loop = QEventLoop()
    window.import_finished.connect(lambda _chat: loop.quit())
    window.open_files([demo_export_path()])
    loop.exec()
    window.tabs.setCurrentWidget(window.review_panel)
    shot(window, "chat")

    def decide(status: str) -> None:
        done = QEventLoop()
        window.worker.op_finished.connect(done.quit)
        window.decide(status)
        done.exec()
        window.worker.op_finished.disconnect(done.quit)

    window.review_panel.select_row(2)
    first = window.selected_flag_id()
    decide("confirmed")
    decide("dismissed")
    window.review_panel.set_filters(status="All")
    window.review_panel.select_flag(first)
    shot(window, "review")

    window.review.show_in_conversation()
    shot(window, "conversation")

    unflagged = store.scalar("SELECT id FROM messages m WHERE kind = 'message' AND length(text) > 40 AND NOT EXISTS "
                             "(SELECT 1 FROM flags f WHERE f.message_id = m.id) ORDER BY seq LIMIT 1 OFFSET 12")
    window.conversation.jump_to_message(unflagged)
    window.decide("confirmed")  # nothing to decide: the status bar says why
    shot(window, "conversation_no_flag")
    flag_dialog = window.review.flag_message()
    categories = flag_dialog.categories
    categories.setCurrentRow(next(r for r in range(categories.count()) if categories.item(r).data(Qt.ItemDataRole.UserRole) == "rumour"))
    shot(flag_dialog, "flag_dialog")
    loop = QEventLoop()
    window.worker.op_finished.connect(loop.quit)
    flag_dialog.accept()
    loop.exec()
    window.worker.op_finished.disconnect(loop.quit)
    shot(window, "flagged_by_hand")

    window.tabs.setCurrentWidget(window.review_panel)
    window.review_panel.set_filters(status="Needs attention")
    window.review.add_note_to_flag()
    note = window.review.note_dialog
    note.editor.setPlainText("Spoke to the teacher at pick-up; she has seen it.")
    shot(note, "note")
    note.reject()

    window.resize(1024, 600)
    shot(window, "narrow_1024x600")
    window.resize(1366, 768)
    shot(window, "laptop_1366x768")
    window.resize(1280, 800)

    window.review_panel.set_filters(status="Worth a look")
    shot(window, "worth_a_look")
    chat_id = window.current_chat_id()
    left = [f for item in queue.queue_items(store, chat_id, statuses=[review.ATTENTION]) for f in item.flag_ids]
    saved_state = {f: store.scalar("SELECT status FROM flags WHERE id = ?", (f,)) for f in left}
    with store.transaction():
        review.decide(store, left, "dismissed")
    window.review_panel.set_filters(status="Needs attention")
    window.apply_changes(DECISION)
    shot(window, "done")
    with store.transaction():
        for flag_id, status in saved_state.items():
            review.decide(store, [flag_id], status)
    window.apply_changes(DECISION)
    window.review_panel.set_filters(status="All")

    window.tabs.setCurrentWidget(window.members_panel)
    shot(window, "members")

    window.tabs.setCurrentWidget(window.review_panel)
    window.review_panel.select_flag(first)
    draft = act_actions.open_draft_for_selection(window)
    wait(window.worker.op_finished)
    shot(draft, "draft")
    draft.close()

    act_actions.new_incident_from_selection(window)
    while (incidents := window.findChild(IncidentsDialog)) is None or not incidents.loaded:
        settle(50)  # the incident is created, then the dialog syncs and reads the register on the database thread
    shot(incidents, "incidents")
    incidents.tabs.setCurrentIndex(1)
    incidents.member_table.selectRow(0)
    shot(incidents, "register")
    event = MemberEventDialog("warn", "Craig Mottram", "2.2", incidents)
    event.show()
    shot(event, "register_warn")
    event.close()
    incidents.close()

    dialog = window.show_settings()
    shot(dialog, "settings")
    dialog.reject()

    audit = window.show_audit_log()
    while audit.result is None:
        settle(50)  # the chain is checked on the database thread
    shot(audit, "audit")
    audit.reject()

    window.menu("Data").popup(window.mapToGlobal(QPoint(300, 30)))
    shot(window.menu("Data"), "data_menu")
    window.menu("Data").hide()

    window.tabs.setCurrentWidget(window.members_panel)
    window.members_panel.table.selectRow(0)
    shot(window, "data_members")

    export = data_duties.export_member(window)
    shot(export, "data_export")
    export.export_to(home / "subject-access")
    wait(export.exported)
    shot(export, "data_export_done")
    export.reject()

    erase = data_duties.erase_member(window)
    wait(erase.preview_ready)
    erase.confirm_edit.setText("ERASE")
    shot(erase, "data_erase")
    erase.reject()

    purge = data_duties.purge_old_messages(window)
    wait(purge.plan_ready)
    shot(purge, "data_purge")
    purge.reject()

    data_duties.ask_save_path = lambda *_args: home / "backup.sqlite3"  # what the rep would pick
    data_duties.back_up(window)
    wait(window.worker.op_finished)
    box = message_box()
    shot(box, "data_backup_saved")
    box.close()

    data_duties.ask_open_path = lambda *_args: home / "backup.sqlite3"
    data_duties.restore_from_backup(window)
    wait(window.worker.op_finished)
    restore = window.findChild(RestoreDialog)
    shot(restore, "data_restore")
    restore.restore_button.click()
    wait(window.worker.op_finished)
    box = message_box()
    shot(box, "data_restored")
    box.close()

    window.tabs.setCurrentWidget(window.review_panel)
    window.review_panel.set_filters(status="Needs attention")
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark)  # what a dark desktop reports...
    style.apply_colour_scheme(app, Qt.ColorScheme.Dark)  # ...applied even where offscreen ignores it
    shot(window, "dark")
    window.tabs.setCurrentWidget(window.conversation)
    shot(window, "dark_conversation")
    window.tabs.setCurrentWidget(window.members_panel)
    shot(window, "dark_members")

    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
