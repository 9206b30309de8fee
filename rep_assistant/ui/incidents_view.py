"""Incidents and the members register in one dialog, plus the Act menu wiring for the desk.

Why one dialog with two tabs: acting on a breach moves between the two (open an incident,
warn or remove the poster, tell the school), and each step shows up in the other's record.
Reads use the window's store; every write goes through the runner (the database thread in
the desk) and what it changed is re-read afterwards: an incident's status, notes, flags or
bundle only the incidents table; a warning, removal or re-admission the register as well.

Signals:
    members_changed(): a register entry was written, or the dialog opened and matched the chat's
    removals and departures (the window re-reads its members panel; nothing else it shows
    depends on incidents).
"""

import html
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core import paths
from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.bundle import export_bundle
from rep_assistant.core.acting.drafting.fields import short_stamp
from rep_assistant.core.acting.register import member_events, record_member_event, register_rows, sync_chat_events
from rep_assistant.core.acting.report import describe_action
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.ui.draft_dialog import DraftDialog
from rep_assistant.ui.file_dialogs import ask_save_path
from rep_assistant.ui.icons import icon
from rep_assistant.ui.pdf import render_pdf
from rep_assistant.ui.views import layout
from rep_assistant.ui.workers.runner import Runner, owned_by, window_runner

if TYPE_CHECKING:
    from rep_assistant.ui.main_window import MainWindow

STATUS_LABELS = {"open": "Open", "reported": "Reported to school", "resolved": "Resolved"}
_VERBS = {"warn": "Warn", "remove": "Record removal", "readmit": "Readmit"}


def _fill(table: QTableWidget, rows: list[list[Any]], ids: list[int]) -> None:
    selected = _selected_id(table)
    table.setRowCount(len(rows))
    for r, (values, row_id) in enumerate(zip(rows, ids, strict=True)):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)
        if row_id == selected:
            table.selectRow(r)


def _selected_id(table: QTableWidget) -> int | None:
    items = table.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None


class MemberEventDialog(QDialog):
    """Reason (required) and clause for a warning, removal or re-admission."""

    def __init__(self, verb: str, member: str, clause: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("%s: %s") % (self.tr(_VERBS[verb]), member))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("A short reason, for the record"))
        self.clause_edit = QLineEdit(clause, self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow(self.tr("&Clause:"), self.clause_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.reason_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        form.addRow(buttons)
        self.setMinimumWidth(460)


class IncidentsDialog(QDialog):
    members_changed = Signal()

    def __init__(self, store: Store, settings: Settings, run: Runner, chat_id: int, *,
                 selected_flag: Callable[[], int | None] = lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.settings, self.run, self.chat_id = store, settings, owned_by(run, self), chat_id
        self.selected_flag = selected_flag
        self.loaded = False
        self._when_loaded: list[Callable[[], None]] = []
        self.setWindowTitle(self.tr("Incidents and members register"))
        self.resize(1080, 640)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_incidents_tab(), self.tr("&Incidents"))
        self.tabs.addTab(self._build_register_tab(), self.tr("Members &register"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        box.addWidget(close)
        self.run(self.tr("Reading the register"), lambda s: sync_chat_events(s, chat_id), self._synced)

    def _synced(self, _added: int) -> None:
        """Show the register, and have the window re-read its members panel: the removals and
        departures in the chat are now in the register, whether this sync or an earlier read
        (a draft, a report) matched them."""
        self.reload()
        self.members_changed.emit()

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

    def _build_register_tab(self) -> QWidget:
        page = QWidget(self)
        self.member_table = layout.read_only_table(page, [self.tr("Member"), self.tr("Status"), self.tr("Messages"), self.tr("Confirmed flags"),
                                          self.tr("Warnings"), self.tr("Removals"), self.tr("Re-admissions"),
                                          self.tr("Last removal")], stretch=7)
        self.member_table.itemSelectionChanged.connect(self._show_member)
        self.member_history = QTextBrowser(page)
        self.member_history.setMaximumHeight(160)
        buttons = QHBoxLayout()
        self.member_buttons: dict[str, QPushButton] = {}
        for verb, text in (("warn", "&Warn…"), ("remove", "Record &removal…"), ("readmit", "Re&admit…")):
            button = QPushButton(icon(verb), self.tr(text), page)  # the icons of the members panel's actions
            button.clicked.connect(partial(self._on_member_button_clicked, verb))
            buttons.addWidget(button)
            self.member_buttons[verb] = button
        buttons.addStretch(1)
        note = layout.wrapped(self.tr("Removals done in WhatsApp itself appear here from the imported chat "
                                      "(marked 'in the chat')."), page)
        box = QVBoxLayout(page)
        box.addWidget(self.member_table, 1)
        box.addWidget(self.member_history)
        box.addLayout(buttons)
        box.addWidget(note)
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
        _fill(self.incident_table, [[r["id"], STATUS_LABELS[r["status"]], r["flags"], r["members"], r["title"],
                                     short_stamp(r["updated_at"])] for r in rows], [r["id"] for r in rows])
        self.empty_label.setVisible(not rows)
        if rows and self.incident_table.currentRow() < 0:
            self.incident_table.selectRow(0)
        self._show_incident()
        if members is not None:
            _fill(self.member_table, [[m["member"], m["status"], m["messages"], m["confirmed_flags"], m["warnings"], m["removals"],
                                       m["readmissions"], _removal_text(m["last_removal"])] for m in members],
                  [m["member_id"] for m in members])
            self._show_member()
        self.loaded = True
        pending, self._when_loaded = self._when_loaded, []
        for fn in pending:
            fn()

    def when_loaded(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` once the tables are filled (reads wait for the runner, the first also for the register's chat sync)."""
        if self.loaded:
            fn()
        else:
            self._when_loaded.append(fn)

    def select_incident(self, incident_id: int) -> None:
        for row in range(self.incident_table.rowCount()):
            if self.incident_table.item(row, 0).data(Qt.ItemDataRole.UserRole) == incident_id:
                self.incident_table.selectRow(row)

    def select_member(self, member_id: int) -> None:
        self.tabs.setCurrentIndex(1)
        for row in range(self.member_table.rowCount()):
            if self.member_table.item(row, 0).data(Qt.ItemDataRole.UserRole) == member_id:
                self.member_table.selectRow(row)

    def current_incident_id(self) -> int | None:
        return _selected_id(self.incident_table)

    def current_member_id(self) -> int | None:
        return _selected_id(self.member_table)

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
        parts += [f"<li>{e(short_stamp(f['ts']))}, <b>{e(f['member_name'] or '')}</b>: {e((f['text'] or '')[:160])}"
                  f"<br><small>{e(f['category'])} · clause {e(f['clause_id'])}</small></li>" for f in flags]
        parts.append(f"</ul><h4>{self.tr('Actions taken')}</h4><ul>")
        parts += [f"<li>{e(short_stamp(a['at']))}: {e(describe_action(a))}</li>" for a in incident["actions"]]
        parts.append("</ul>")
        if incident["notes"]:
            parts.append(f"<h4>{self.tr('Notes')}</h4><ul>")
            parts += [f"<li>{e(short_stamp(n['created_at']))}: {e(n['text'])}</li>" for n in incident["notes"]]
            parts.append("</ul>")
        self.incident_detail.setHtml("".join(parts))

    @Slot()
    def _show_member(self) -> None:
        member_id = self.current_member_id()
        for button in self.member_buttons.values():
            button.setEnabled(member_id is not None)
        if member_id is None:
            self.member_history.setPlainText(self.tr("Select a member to see their warnings, removals and re-admissions."))
            return
        events = member_events(self.store, member_id=member_id)
        lines = [f"{short_stamp(ev['at'])}  {ev['kind']}" + (f": {ev['reason']}" if ev["reason"] else "")
                 + (f" (clause {ev['clause_id']})" if ev["clause_id"] else "")
                 + (" (in the chat)" if ev["source"] == "chat" else f" (by {ev['actor']})") for ev in events]
        self.member_history.setPlainText("\n".join(lines) or self.tr("Nothing recorded for this member."))

    # -- writing -----------------------------------------------------------------------------

    def _write(self, label: str, fn: Callable[[Store], Any], then: Callable[[Any], None] | None = None, *,
               register: bool = False) -> None:
        """Run ``fn``, then re-read the incidents (and with ``register``, the register and the window's members)."""
        def done(result: Any) -> None:
            self.reload(register=register)
            if register:
                self.members_changed.emit()
            if then is not None:
                self.when_loaded(partial(then, result))  # after the re-read, which would overwrite what it shows

        self.run(label, fn, done)

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
                    lambda bundle: self.incident_detail.append(
                        self.tr("<p><b>Bundle saved</b> to %s (%d files; manifest SHA-256 %s).</p>")
                        % (html.escape(str(path)), len(bundle.names), bundle.manifest_sha256[:16] + "…")))

    def record_member(self, verb: str, reason: str, clause: str | None = None, flag_id: int | None = None) -> None:
        member_id = self.current_member_id()
        self._write(self.tr("Recording"), lambda s: record_member_event(s, self.chat_id, member_id, verb, reason,
                                                                         clause_id=clause or None, flag_id=flag_id),
                    register=True)

    def ask_member_event(self, verb: str) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            return
        flag_id = self.selected_flag()
        flag = incidents.flag_details(self.store, [flag_id])[0] if flag_id is not None else None
        if flag is not None and flag["member_id"] != member_id:
            flag = None
        name = self.member_table.item(self.member_table.selectedItems()[0].row(), 0).text()  # the Member column, as shown
        dialog = MemberEventDialog(verb, name, flag["clause_id"] if flag else "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_member(verb, dialog.reason_edit.text(), dialog.clause_edit.text().strip(), flag["flag_id"] if flag else None)

    def _on_member_button_clicked(self, verb: str, _checked: bool = False) -> None:
        self.ask_member_event(verb)

    @Slot()
    def _on_status_button_clicked(self) -> None:
        self.set_status(self.status_combo.currentData())

    @Slot()
    def _on_note_button_clicked(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Add note"), self.tr("Note on this incident:"))
        if ok and text.strip():
            self.add_note(text)

    @Slot()
    def _on_add_flag_button_clicked(self) -> None:
        incident_id, flag_id = self.current_incident_id(), self.selected_flag()
        if flag_id is not None:
            self._write(self.tr("Adding flag"), lambda s: incidents.add_flags(s, incident_id, [flag_id]))

    def open_draft(self, kind: str = "school-notification") -> DraftDialog:
        dialog = DraftDialog(self.settings, self.run, incident_id=self.current_incident_id(), kind=kind, parent=self)
        dialog.draft_used.connect(lambda _how: self.reload(register=False))
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


def _removal_text(last: dict[str, Any] | None) -> str:
    if not last:
        return ""
    where = "in the chat" if last["source"] == "chat" else f"by {last['actor']}"
    return f"{last['at'][:10]} {where}" + (f": {last['reason']}" if last["reason"] and last["source"] == "app" else "")


# -- the desk's Act menu ------------------------------------------------------------------------

def install_act_actions(window: "MainWindow") -> None:
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
                          f"{_VERBS[verb]} the selected member, in the register", menu="Members", member_label=_VERBS[verb])


def _status(window: "MainWindow", text: str) -> None:
    window.statusBar().showMessage(text, 8000)


def open_draft_for_selection(window: "MainWindow") -> DraftDialog | None:
    flag_id = window.selected_flag_id()
    if flag_id is None:
        _status(window, window.tr("Select a flag in the review queue first."))
        return None
    dialog = DraftDialog(window.settings, window_runner(window), flag_id=flag_id, parent=window)
    dialog.show()
    return dialog


def open_incidents(window: "MainWindow") -> IncidentsDialog | None:
    chat_id = window.current_chat_id()
    if chat_id is None:
        _status(window, window.tr("Open a chat first."))
        return None
    # One dialog per chat, raised and re-read when asked again: a new one each time would pile up
    # hidden dialogs, and a deleted one could still be called back by the database thread.
    dialog = next((d for d in window.findChildren(IncidentsDialog) if d.chat_id == chat_id), None)
    if dialog is None:
        dialog = IncidentsDialog(window.store, window.settings, window_runner(window), chat_id,
                                 selected_flag=window.selected_flag_id, parent=window)
        dialog.members_changed.connect(window.refresh_members)
    else:
        dialog.reload()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def new_incident_from_selection(window: "MainWindow") -> None:
    flag_id = window.selected_flag_id()
    if flag_id is None:
        _status(window, window.tr("Select a confirmed flag in the review queue first."))
        return

    def opened(incident_id: int) -> None:
        dialog = open_incidents(window)
        if dialog is not None:
            dialog.when_loaded(partial(dialog.select_incident, incident_id))

    window.run_op(window.tr("Opening incident"), lambda store, _p, _c: incidents.create_incident(store, [flag_id]), opened)


def act_on_selected_member(window: "MainWindow", verb: str) -> None:
    member_id = window.selected_member_id()
    dialog = open_incidents(window)
    if dialog is not None and member_id is not None:
        dialog.when_loaded(lambda: (dialog.select_member(member_id), dialog.ask_member_event(verb)))
