"""The desk's Act menu: drafts, incidents and the register, and the register's member actions.

Why apart from the dialog: these decide what the rep is acting on (the selected flag or
member) and which dialog to show; the dialog (views/incidents_dialog.py) only shows and writes.
It sees the window through the ``Desk`` protocol only.
"""

from functools import partial

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from rep_assistant.core import paths
from rep_assistant.core.acting import incidents
from rep_assistant.core.store import Store
from rep_assistant.ui.desk import Desk
from rep_assistant.ui.draft_dialog import DraftDialog
from rep_assistant.ui.views.incidents_dialog import IncidentsDialog
from rep_assistant.ui.views.member_event_dialog import VERBS
from rep_assistant.ui.workers.changes import Done, OpChanges
from rep_assistant.ui.workers.runner import window_runner


def install_act_actions(window: Desk) -> None:
    """Add the Act menu's actions and the register's member actions to the desk (the window calls this once)."""
    new = partial(window.new_action, menu="Act")
    new("draft", "&Draft a message…", lambda: open_draft_for_selection(window), "Ctrl+D", "draft",
        "A polite message about the selected flag: to the poster, the group or the school")
    new("new_incident", "New &incident from flag", lambda: new_incident_from_selection(window), "Ctrl+I", "incident",
        "Open an incident for the selected (confirmed) flag")
    new("incidents", "Incidents and &register…", lambda: open_incidents(window), "Ctrl+Shift+I", "incident",
        "Incidents, what was done, bundles for the school; warnings and removals")
    new("templates", "Open my &templates folder", lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.user_templates_dir()))),
        None, "open", "Your own draft wording: a <kind>.txt here replaces the built-in of that name")
    window.members_panel.add_separator()
    for verb, text in (("warn", "&Warn member…"), ("remove", "Record member's re&moval…"), ("readmit", "Re&admit member…")):
        window.new_action(f"member_{verb}", text, partial(act_on_selected_member, window, verb), None, verb,
                          f"{VERBS[verb]} the selected member, in the register", menu="Members", member_label=VERBS[verb])


def _status(window: Desk, text: str) -> None:
    window.statusBar().showMessage(text, 8000)


def open_draft_for_selection(window: Desk) -> DraftDialog | None:
    flag_id = window.selected_flag_id()
    if flag_id is None:
        _status(window, window.tr("Select a flag in the review queue first."))
        return None
    dialog = DraftDialog(window.settings, window_runner(window), flag_id=flag_id, parent=window)  # type: ignore[arg-type]
    dialog.show()
    return dialog


def open_incidents(window: Desk) -> IncidentsDialog | None:
    chat_id = window.current_chat_id()
    if chat_id is None:
        _status(window, window.tr("Open a chat first."))
        return None
    # One dialog per chat, raised and re-read when asked again: a new one each time would pile up
    # hidden dialogs, and a deleted one could still be called back by the database thread.
    dialog = next((d for d in window.findChildren(IncidentsDialog) if d.chat_id == chat_id), None)
    if dialog is None:
        dialog = IncidentsDialog(window.store, window.settings, window_runner(window), chat_id,
                                 selected_flag=window.selected_flag_id, parent=window)  # type: ignore[arg-type]
        window.changed.connect(dialog.on_changes)
    else:
        dialog.sync()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def new_incident_from_selection(window: Desk) -> None:
    """An incident over the confirmed flags of the message the rep sees."""
    flag_ids = window.selected_flag_ids()
    if not flag_ids:
        _status(window, window.tr("Select a confirmed message in the review queue or the conversation first."))
        return

    def create(store: Store) -> Done[int]:
        confirmed = [r["flag_id"] for r in incidents.flag_details(store, flag_ids) if r["status"] == "confirmed"]
        return Done(incidents.create_incident(store, confirmed or flag_ids), OpChanges(incidents=True))  # none: the core says why

    def opened(incident_id: int) -> None:
        dialog = open_incidents(window)
        if dialog is not None:
            dialog.show_incident(incident_id)

    window.run_op(window.tr("Opening incident"), lambda store, _p, _c: create(store), opened)


def act_on_selected_member(window: Desk, verb: str) -> None:
    member_id = window.selected_member_id()
    dialog = open_incidents(window)
    if dialog is not None and member_id is not None:
        dialog.show_member(member_id, verb)
