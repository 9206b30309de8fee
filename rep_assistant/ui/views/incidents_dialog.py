"""Incidents and the members register in one dialog.

Why one dialog with two tabs: acting on a breach moves between the two (open an incident,
warn or remove the poster, tell the school), and each step shows up in the other's record.
The incidents tab is built here; the register tab is views/register_tab.py.
Reads use the store given; every write goes through the runner (the database thread in the
desk) and returns what it changed (``Done``), which the desk broadcasts to every panel and to
this dialog (``on_changes``): an incident change re-reads the incidents table only; a register
entry or a decision the register too (counting a big chat's messages is not free).

Which incident or member to show can be asked before the tables are read (``show_incident``,
``show_member``): the wish is kept and met when they are.
"""

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.bundle import export_bundle
from rep_assistant.core.acting.drafting.fields import short_stamp
from rep_assistant.core.acting.register import record_member_event, register_rows, sync_chat_events
from rep_assistant.core.acting.report import describe_action
from rep_assistant.core.duties.audit_sentences import Names
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.ui.draft_dialog import DraftDialog
from rep_assistant.ui.file_dialogs import ask_save_path
from rep_assistant.ui.icons import icon
from rep_assistant.ui.pdf import render_pdf
from rep_assistant.ui.style import category_label
from rep_assistant.ui.views import layout
from rep_assistant.ui.views.member_event_dialog import MemberEventDialog
from rep_assistant.ui.views.note_dialog import NoteDialog
from rep_assistant.ui.views.register_tab import RegisterTab
from rep_assistant.ui.views.table_rows import fill, select_id, selected_id
from rep_assistant.ui.workers.changes import Done, OpChanges
from rep_assistant.ui.workers.runner import Runner, owned_by

STATUS_LABELS = {"open": "Open", "reported": "Reported to school", "resolved": "Resolved"}


#: An incident's status, notes, flags or actions: only the incidents table shows them.
_INCIDENT = OpChanges(incidents=True)


class IncidentsDialog(QDialog):
    def __init__(self, store: Store, settings: Settings, run: Runner, chat_id: int, *,
                 selected_flag: Callable[[], int | None] = lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.settings, self.run, self.chat_id = store, settings, owned_by(run, self), chat_id
        self.selected_flag = selected_flag
        self.loaded = False
        self._wanted_incident: int | None = None
        self._wanted_member: tuple[int, str | None] | None = None
        self.setWindowTitle(self.tr("Incidents and members register"))
        self.resize(1080, 640)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_incidents_tab(), self.tr("&Incidents"))
        self.register = RegisterTab(store, self)
        self.register.event_requested.connect(self.ask_member_event)
        # The register's widgets, as the dialog's own (tests and scripts reach them here).
        self.member_table, self.member_history = self.register.table, self.register.history
        self.tabs.addTab(self.register, self.tr("Members &register"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        box.addWidget(close)
        QTimer.singleShot(0, self.sync)  # once whoever opened it listens to its changes

    def sync(self) -> None:
        """Match the chat's removals and departures into the register, then show it.

        Reported as a change to the members whether or not this sync matched anything: an
        earlier read (a draft, a report) may have matched them without anyone being told.
        """
        chat_id = self.chat_id
        self.run(self.tr("Reading the register"),
                 lambda s: Done(sync_chat_events(s, chat_id), OpChanges(members=True, incidents=True)), lambda _added: None)

    def on_changes(self, changes: OpChanges) -> None:
        """Re-read what the operation changed: the register only when members or flags did."""
        register = changes.members or changes.flags or changes.messages
        if register or changes.incidents:
            self.reload(register=register)

    # -- layout ------------------------------------------------------------------------------

    def _build_incidents_tab(self) -> QWidget:
        page = QWidget(self)
        self.incident_table = layout.read_only_table(page, [self.tr("#"), self.tr("Status"), self.tr("Flags"), self.tr("Posted by"),
                                            self.tr("Title"), self.tr("Updated")], stretch=4)
        self.incident_table.itemSelectionChanged.connect(self._show_incident)
        self.incident_detail = QTextBrowser(page)
        self.status_combo = QComboBox(page)
        for status in incidents.STATUSES:
            self.status_combo.addItem(self.tr(STATUS_LABELS[status]), status)
        self.status_button = QPushButton(self.tr("Set &status"), page)
        self.note_button = QPushButton(self.tr("Add &note…"), page)
        self.add_flag_button = QPushButton(self.tr("Add selected &flag"), page)
        self.add_flag_button.setToolTip(self.tr("Add the flag selected in the review queue (say, a later post) to this incident"))
        self.draft_button = QPushButton(icon("draft"), self.tr("&Draft…"), page)
        self.bundle_button = QPushButton(icon("export"), self.tr("Export &bundle…"), page)
        self.bundle_button.setToolTip(self.tr("A zip for the school: report (PDF and HTML), messages, clauses, media, checksums"))
        self.mask_check = QCheckBox(self.tr("Mask other parents' details and children's names"), page)
        self.mask_check.setChecked(bool(self.settings["redact_bundles"]))
        self.status_button.clicked.connect(self._on_status_button_clicked)
        self.note_button.clicked.connect(self._on_note_button_clicked)
        self.add_flag_button.clicked.connect(self._on_add_flag_button_clicked)
        self.draft_button.clicked.connect(self._on_draft_button_clicked)
        self.bundle_button.clicked.connect(self._on_bundle_button_clicked)
        row1 = QHBoxLayout()
        for widget in (self.status_combo, self.status_button, self.note_button, self.add_flag_button):
            row1.addWidget(widget)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        for widget in (self.draft_button, self.bundle_button, self.mask_check):
            row2.addWidget(widget)
        row2.addStretch(1)
        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.incident_detail, 1)
        self.bundle_label = layout.wrapped("", right, Qt.TextFormat.RichText)
        right_layout.addWidget(self.bundle_label)
        right_layout.addLayout(row1)
        right_layout.addLayout(row2)
        splitter = QSplitter(page)
        splitter.addWidget(self.incident_table)
        splitter.addWidget(right)
        splitter.setSizes([540, 440])
        self.empty_label = layout.wrapped(self.tr("No incidents yet. Confirm a flag in the review queue, then choose "
                                                  "Act ▸ New incident from flag."), page)
        box = QVBoxLayout(page)
        box.addWidget(self.empty_label)
        box.addWidget(splitter, 1)
        return page

    # -- reading -----------------------------------------------------------------------------

    @Slot()
    def reload(self, *, register: bool = True) -> None:
        """Re-read the incidents table and (unless ``register`` is False) the register, on the runner's
        thread: the register counts every message of the chat, about a second on a million-message
        chat, which would freeze the window on the GUI thread and is wasted after an incident change."""
        self.loaded = False
        chat_id = self.chat_id

        def read(s: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | None]:
            return incidents.list_incidents(s, chat_id), register_rows(s, chat_id, sync=False) if register else None

        self.run(self.tr("Reading incidents and the register"), read, self._show_tables)

    def _show_tables(self, tables: tuple[list[dict[str, Any]], list[dict[str, Any]] | None]) -> None:
        rows, members = tables
        fill(self.incident_table, [[r["id"], STATUS_LABELS[r["status"]], r["flags"], r["members"], r["title"],
                                     short_stamp(r["updated_at"])] for r in rows], [r["id"] for r in rows])
        self.empty_label.setVisible(not rows)
        if rows and self.incident_table.currentRow() < 0:
            self.incident_table.selectRow(0)
        self._show_incident()
        if members is not None:
            self.register.show_rows(members)
        self.loaded = True
        if self._wanted_incident is not None and self.select_incident(self._wanted_incident):
            self._wanted_incident = None
        if self._wanted_member is not None and members is not None and self.select_member(self._wanted_member[0]):
            (_, verb), self._wanted_member = self._wanted_member, None
            if verb is not None:
                self.ask_member_event(verb)

    def show_incident(self, incident_id: int) -> None:
        """Select the incident now, or as soon as the table holds it."""
        if not (self.loaded and self.select_incident(incident_id)):
            self._wanted_incident = incident_id

    def show_member(self, member_id: int, verb: str | None = None) -> None:
        """Select the member in the register (and ask for a ``verb`` entry), now or once the register is read."""
        if self.loaded and self.select_member(member_id):
            if verb is not None:
                self.ask_member_event(verb)
        else:
            self._wanted_member = (member_id, verb)

    def select_incident(self, incident_id: int) -> bool:
        return select_id(self.incident_table, incident_id)

    def select_member(self, member_id: int) -> bool:
        self.tabs.setCurrentWidget(self.register)
        return self.register.select_member(member_id)

    def current_incident_id(self) -> int | None:
        return selected_id(self.incident_table)

    def current_member_id(self) -> int | None:
        return self.register.current_member_id()

    @Slot()
    def _show_incident(self) -> None:
        incident_id = self.current_incident_id()
        for widget in (self.status_button, self.note_button, self.add_flag_button, self.draft_button, self.bundle_button):
            widget.setEnabled(incident_id is not None)
        if incident_id is None:
            self.incident_detail.clear()
            return
        incident = incidents.get_incident(self.store, incident_id)
        self.status_combo.setCurrentIndex(self.status_combo.findData(incident["status"]))
        flags = incidents.flag_details(self.store, incident["flag_ids"])
        e = html.escape
        parts = [f"<h3>{e(incident['title'])}</h3><p><b>{e(STATUS_LABELS[incident['status']])}</b>, opened "
                 f"{e(short_stamp(incident['created_at']))}</p><h4>{self.tr('Flagged messages')}</h4><ul>"]
        for message in _by_message(flags):  # one item per message, as in the queue, with each breach it was flagged for
            first = message[0]
            breaches = ", ".join(self.tr("%s (clause %s)") % (category_label(f["category"]), f["clause_id"]) for f in message)
            parts.append(f"<li>{e(short_stamp(first['ts']))}, <b>{e(first['member_name'] or '')}</b>: "
                         f"{e((first['text'] or '')[:160])}<br><small>{e(breaches)}</small></li>")
        parts.append(f"</ul><h4>{self.tr('Actions taken')}</h4><ul>")
        names = Names(self.store)
        parts += [f"<li>{e(short_stamp(a['at']))}: {e(describe_action(a, names))}</li>" for a in incident["actions"]]
        parts.append("</ul>")
        if incident["notes"]:
            parts.append(f"<h4>{self.tr('Notes')}</h4><ul>")
            parts += [f"<li>{e(short_stamp(n['created_at']))}: {e(n['text'])}</li>" for n in incident["notes"]]
            parts.append("</ul>")
        self.incident_detail.setHtml("".join(parts))

    # -- writing -----------------------------------------------------------------------------

    def _write(self, label: str, fn: Callable[[Store], Any], changes: OpChanges = _INCIDENT,
               then: Callable[[Any], None] = lambda _result: None) -> None:
        """Run ``fn``; what it changed comes back to every panel and to this dialog (``on_changes``)."""
        self.run(label, lambda s: Done(fn(s), changes), then)

    def set_status(self, status: str) -> None:
        incident_id = self.current_incident_id()
        self._write(self.tr("Updating incident"), lambda s: incidents.update_incident(s, incident_id, status=status))

    def add_note(self, text: str) -> None:
        incident_id = self.current_incident_id()
        self._write(self.tr("Adding note"), lambda s: incidents.update_incident(s, incident_id, note=text))

    def export_bundle_to(self, path: Path, *, redact: bool | None = None) -> None:
        incident_id = self.current_incident_id()
        redact = self.mask_check.isChecked() if redact is None else redact
        self._write(self.tr("Exporting bundle"),
                    lambda s: export_bundle(s, incident_id, path, self.settings, render_pdf=render_pdf, redact=redact),
                    then=lambda bundle: self.bundle_label.setText(
                        self.tr("<b>Bundle saved</b> to %s: the report, the messages and a list of checksums that "
                                "shows nothing was changed since (%d files).") % (html.escape(str(path)), len(bundle.names))))

    def record_member(self, verb: str, reason: str, clause: str | None = None, flag_id: int | None = None) -> None:
        member_id = self.current_member_id()
        self._write(self.tr("Recording"), lambda s: record_member_event(s, self.chat_id, member_id, verb, reason,
                                                                         clause_id=clause or None, flag_id=flag_id),
                    OpChanges(members=True, incidents=True))

    def ask_member_event(self, verb: str) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            return
        flag_id = self.selected_flag()
        flag = incidents.flag_details(self.store, [flag_id])[0] if flag_id is not None else None
        if flag is not None and flag["member_id"] != member_id:
            flag = None
        dialog = MemberEventDialog(verb, self.register.member_name(), flag["clause_id"] if flag else "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_member(verb, dialog.reason_edit.text(), dialog.clause_edit.text().strip(), flag["flag_id"] if flag else None)

    @Slot()
    def _on_status_button_clicked(self) -> None:
        self.set_status(self.status_combo.currentData())

    @Slot()
    def _on_note_button_clicked(self) -> NoteDialog:
        dialog = NoteDialog(self.tr("Note on this incident"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.add_note(dialog.text()) if dialog.text().strip() else None)
        dialog.open()
        return dialog

    @Slot()
    def _on_add_flag_button_clicked(self) -> None:
        incident_id, flag_id = self.current_incident_id(), self.selected_flag()
        if flag_id is not None:
            self._write(self.tr("Adding flag"), lambda s: incidents.add_flags(s, incident_id, [flag_id]))
        else:
            self.bundle_label.setText(self.tr("Select a flag in the review queue first, then add it here."))

    def open_draft(self, kind: str = "school-notification") -> DraftDialog:
        dialog = DraftDialog(self.settings, self.run, incident_id=self.current_incident_id(), kind=kind, parent=self)
        dialog.show()
        return dialog

    @Slot()
    def _on_draft_button_clicked(self) -> None:
        self.open_draft()

    @Slot()
    def _on_bundle_button_clicked(self) -> None:
        path = ask_save_path(self, self.tr("Export incident bundle"), f"incident-{self.current_incident_id()}-bundle.zip",
                             self.tr("Zip files (*.zip)"))
        if path is not None:
            self.export_bundle_to(path)


def _by_message(flags: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The incident's flags grouped by message, in the order given (oldest message first)."""
    grouped: dict[Any, list[dict[str, Any]]] = {}
    for flag in flags:
        grouped.setdefault(flag["message_id"], []).append(flag)
    return list(grouped.values())
