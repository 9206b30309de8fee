"""The draft editor: pick a kind, edit the text, then copy it, open it in the mail program or save an .eml.

WhatsApp has no API, so "Copy" (then paste into WhatsApp) is the main path. "Open in e-mail"
hands a mailto: link to the desktop's mail program (a local program, not a network
connection); mailto: cannot carry attachments, so "Save e-mail draft" writes an .eml with the
incident bundle attached that the mail program opens as a new message. Each use is recorded
(draft.use) with the kind and ids only, through workers/draft_ops.py, whose answer says what
changed so an open incidents dialog redraws itself; filling a draft and switching kinds record nothing.

Switching kinds keeps what the rep typed: each kind's text is remembered for as long as the
dialog is open, so going back to a kind shows it as they left it.

Signals:
    draft_used(how): the use was recorded ("copied"/"mailto"/"eml"); panels learn what changed from the op.
"""

from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QSignalBlocker, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.core.acting.drafting import Draft, available_kinds, create_draft
from rep_assistant.core.settings import Settings
from rep_assistant.ui.file_dialogs import ask_save_path
from rep_assistant.ui.workers import draft_ops
from rep_assistant.ui.workers.runner import Runner, owned_by

KIND_LABELS = {
    "removal-request": "Private request to delete a message",
    "group-reminder": "Reminder to the group",
    "school-notification": "Notification to the school",
    "removal-notice": "Notice to a member being removed",
    "warning": "Private warning",
}


def mailto_url(draft: Draft) -> QUrl:
    query = f"subject={quote(draft.subject or '')}&body={quote(draft.body)}"
    return QUrl(f"mailto:{quote(draft.to or '', safe='@.+')}?{query}")


class DraftDialog(QDialog):
    draft_used = Signal(str)

    def __init__(self, settings: Settings, run: Runner, *, flag_id: int | None = None, incident_id: int | None = None,
                 kind: str = "removal-request", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.run = owned_by(run, self)
        self.flag_id = flag_id
        self.incident_id = incident_id
        self.draft: Draft | None = None
        #: Every kind filled so far, with the text as the rep left it (to, subject, body).
        self._drafts: dict[str, Draft] = {}
        self._texts: dict[str, tuple[str, str, str]] = {}
        self.setWindowTitle(self.tr("Draft a message"))
        self.resize(760, 680)

        self.kind_combo = QComboBox(self)
        for name in available_kinds():
            self.kind_combo.addItem(self.tr(KIND_LABELS.get(name, name.replace("-", " ").capitalize())), name)
        self.kind_combo.setAccessibleName(self.tr("Kind of message"))
        self.to_edit = QLineEdit(self)
        self.subject_edit = QLineEdit(self)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setAccessibleName(self.tr("Message text"))
        self.attach_check = QCheckBox(self.tr("Attach the incident bundle to the e-mail draft"), self)
        self.mask_check = QCheckBox(self.tr("Mask other parents' details and children's names in the bundle"), self)
        self.mask_check.setChecked(bool(settings["redact_bundles"]))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setMinimumHeight(2 * self.hint.fontMetrics().lineSpacing() + 4)

        self.form = form = QFormLayout()
        form.addRow(self.tr("&Message:"), self.kind_combo)
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow(self.tr("&Subject:"), self.subject_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.mail_button = buttons.addButton(self.tr("Open in &e-mail"), QDialogButtonBox.ButtonRole.ActionRole)
        self.mail_button.setToolTip(self.tr("Open a new message in your e-mail program (no attachment)"))
        self.eml_button = buttons.addButton(self.tr("Save e-mail &draft…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.eml_button.setToolTip(self.tr("Save an .eml your e-mail program opens as a new message, with the bundle attached"))
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.mail_button.clicked.connect(self.open_in_mail)
        self.eml_button.clicked.connect(self._on_eml_button_clicked)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.attach_check)
        layout.addWidget(self.mask_check)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)

        self.attach_check.toggled.connect(self._on_attach_check_toggled)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        index = self.kind_combo.findData(kind)
        self.kind_combo.setCurrentIndex(max(index, 0))
        if index <= 0:
            self._on_kind_combo_current_index_changed()

    # -- filling -------------------------------------------------------------------------------

    @Slot()
    def _on_kind_combo_current_index_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self._remember_text()
        if kind in self._drafts:
            self._show_draft(self._drafts[kind])
            return
        self.run(self.tr("Drafting"), lambda store: create_draft(store, kind, self.settings, flag_id=self.flag_id,
                                                                 incident_id=self.incident_id), self._show_draft)

    def _remember_text(self) -> None:
        """Keep the shown kind's text as the rep left it, to show again if they come back to it."""
        if self.draft is not None:
            self._texts[self.draft.kind] = (self.to_edit.text(), self.subject_edit.text(), self.body_edit.toPlainText())

    def _show_draft(self, draft: Draft) -> None:
        self.draft = self._drafts.setdefault(draft.kind, draft)
        fields = draft.fields
        about = self.tr("%s's message of %s") % (fields["member_name"], fields["message_date"])
        if self.incident_id is not None:  # the number is the incidents list's; the message says which one it is
            about = self.tr("incident %s (%s)") % (fields["incident_id"], about)
        self.setWindowTitle(self.tr("Draft a message about %s") % about)
        to, subject, body = self._texts.get(draft.kind, (draft.to or "", draft.subject or "", draft.body))
        self.to_edit.setText(to)
        self.subject_edit.setText(subject)
        for widget in (self.to_edit, self.subject_edit):  # a WhatsApp message has neither: no empty boxes to wonder about
            self.form.setRowVisible(widget, draft.is_email)
        for button in (self.mail_button, self.eml_button):  # nor a way to e-mail it: it goes by WhatsApp, through Copy
            button.setVisible(draft.is_email)
        self.copy_button.setToolTip(self.tr("Copy the text, then paste it into a new e-mail") if draft.is_email
                                    else self.tr("Copy the text, then paste it into WhatsApp"))
        has_incident = draft.incident_id is not None
        with QSignalBlocker(self.attach_check):
            self.attach_check.setChecked(has_incident and draft.is_email)
        self.body_edit.setPlainText(draft.with_bundle_note(body, self.attach_check.isChecked()))
        for check in (self.attach_check, self.mask_check):  # only an e-mail about an incident can carry its bundle
            check.setVisible(has_incident and draft.is_email)
        if draft.is_email and not to:
            self.hint.setText(self.tr("The school's e-mail address is not set: add it in Settings, or type it above."))
        elif draft.is_email and not has_incident:
            self.hint.setText(self.tr("Not part of an incident yet, so there is no bundle to attach."))
        else:
            self.hint.setText(self.tr("Edit freely: what you send is your own message. Nothing is sent from here, and your "
                                      "changes to each kind of message are kept while this window is open."))

    @Slot(bool)
    def _on_attach_check_toggled(self, attached: bool) -> None:
        """The paragraph about the bundle says "attached" only while it is."""
        if self.draft is not None:
            self._set_body(self.draft.with_bundle_note(self.body_edit.toPlainText(), attached))

    def _set_body(self, text: str) -> None:
        """Replace the text only when it changes, so the rep's cursor and undo history stay put otherwise."""
        if text != self.body_edit.toPlainText():
            self.body_edit.setPlainText(text)

    def current_draft(self, *, attached: bool = False) -> Draft:
        """The draft as the rep edited it; ``attached`` says whether the bundle goes with this use of it."""
        assert self.draft is not None
        self._set_body(self.draft.with_bundle_note(self.body_edit.toPlainText(), attached))
        self.draft.body = self.body_edit.toPlainText()
        if self.draft.is_email:
            self.draft.to = self.to_edit.text().strip() or None
            self.draft.subject = self.subject_edit.text()
        return self.draft

    # -- using ----------------------------------------------------------------------------------

    def _record(self, how: str) -> None:
        draft = self.current_draft()
        self.run(self.tr("Recording"), lambda store: draft_ops.record_use(draft, how, store), self.draft_used.emit)

    @Slot()
    def copy_to_clipboard(self) -> None:
        draft = self.current_draft()
        QGuiApplication.clipboard().setText(draft.body)
        if draft.is_email:
            self.hint.setText(self.tr("Copied. Paste it into a new e-mail in your mail program (Ctrl+V, or ⌘V on a Mac)."))
        else:
            where = {"group-reminder": self.tr(", in the group")}.get(draft.kind, self.tr(", in a private chat with them")
                                                                     if draft.kind in KIND_LABELS else "")
            self.hint.setText(self.tr("Copied. Paste it into WhatsApp on your phone, or in WhatsApp Desktop or WhatsApp Web "
                                      "(Ctrl+V, or ⌘V on a Mac)%s.") % where)
        self._record("copied")

    @Slot()
    def open_in_mail(self) -> None:
        if not QDesktopServices.openUrl(mailto_url(self.current_draft())):
            self.hint.setText(self.tr("No e-mail program answered; use Copy or Save e-mail draft instead."))
            return
        self._record("mailto")

    @Slot()
    def _on_eml_button_clicked(self) -> None:
        path = ask_save_path(self, self.tr("Save e-mail draft"), f"{self.kind_combo.currentData()}.eml", self.tr("E-mail drafts (*.eml)"))
        if path is not None:
            self.save_eml_to(path)

    def save_eml_to(self, path: Path) -> None:
        """Write the .eml (with the bundle when ticked); the hint says where it went."""
        attach = self.attach_check.isChecked() and self.draft is not None and self.draft.incident_id is not None
        draft = self.current_draft(attached=attach)
        redact = self.mask_check.isChecked()

        def saved(out: Path) -> None:
            self.hint.setText(self.tr("Saved %s. Open it to review and send it from your e-mail program.") % out)
            self.draft_used.emit("eml")

        self.run(self.tr("Saving e-mail draft"),
                 lambda store: draft_ops.save_eml_draft(draft, path, self.settings, attach=attach, redact=redact, store=store), saved)
