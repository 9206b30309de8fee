"""The welcome flow a rep sees on first start: who they are, which policy, quiet hours, where data lives.

Why a wizard and not the Settings dialog: a new rep does not know what the app needs, so each
page asks one thing and says why. Nothing is written until Finish, and then every setting goes
through the audited save (core.settings.save_settings), so the audit log starts with the rep's
own choices (an imported school document is saved as soon as it is read, so its clauses can be
shown; the rep's corrections are saved at Finish). "Open the demo chat" leaves without saving
settings, so the welcome comes back next time.
"""

import dataclasses
import html
import os
import re
from pathlib import Path

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from rep_assistant import APP_NAME
from rep_assistant.core import paths
from rep_assistant.core.errors import RepError
from rep_assistant.core.policy import CATEGORIES, DEFAULT_POLICY_ID, Policy, import_policy_document, save_policy
from rep_assistant.core.policy.model import default_kind
from rep_assistant.core.settings import Settings, save_settings
from rep_assistant.core.store import Store
from rep_assistant.ui.file_dialogs import ask_open_path
from rep_assistant.ui.icons import icon
from rep_assistant.ui.views.category_picker import CategoryPicker
from rep_assistant.ui.views.layout import wrapped

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_TIME = "HH:mm"


def _para(text: str) -> QLabel:
    """The welcome pages' own wording, which uses bold and lists."""
    return wrapped(text, None, Qt.TextFormat.RichText)


class IntroPage(QWizardPage):
    """What the app is, in three sentences, and a way to look before setting anything up."""

    def __init__(self, wizard: "WelcomeWizard") -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to {app}").format(app=APP_NAME))
        self.setSubTitle(self.tr("A helper for the class rep who looks after a school class's WhatsApp group."))
        layout = QVBoxLayout(self)
        layout.addWidget(_para(self.tr(
            "<p>Export the class chat from WhatsApp and open it here. Rep Assistant points out messages "
            "that probably break your school's code of conduct, explains why, and quotes the rule.</p>"
            "<p><b>You decide</b> what to do about each one. The app drafts polite messages, builds a "
            "report for the school when you need one, and keeps a record of what you did.</p>"
            "<p>It <b>never posts to WhatsApp</b> and <b>never sends anything anywhere</b>: everything "
            "stays on this computer.</p>"
            "<p>The next few pages take about a minute. You can change every answer later in Settings.</p>"
            "<p><b>Good to have to hand:</b></p><ul>"
            "<li>the school office's e-mail address;</li>"
            "<li>your school's code of conduct for class chats, saved from Word as plain text (.txt), "
            "if it has one; otherwise the built-in model code works well;</li>"
            "<li>later, the class chat exported from WhatsApp (<i>Help</i> shows how, on Android and iPhone).</li></ul>"
        )))
        layout.addStretch(1)
        demo_row = QHBoxLayout()
        demo_row.addWidget(_para(self.tr("Want to look around first? The demo is a made-up class chat:")), 1)
        self.demo_button = QPushButton(self.tr("Open the demo chat"))
        self.demo_button.setObjectName("open_demo")
        self.demo_button.clicked.connect(wizard.open_demo)
        demo_row.addWidget(self.demo_button)
        layout.addLayout(demo_row)


class AboutYouPage(QWizardPage):
    """The rep's name and the school's: they sign drafts and head reports."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setTitle(self.tr("About you and the school"))
        self.setSubTitle(self.tr("Used in the messages the app drafts for you and in reports to the school."))
        self.rep_name = QLineEdit(settings["rep_name"])
        self.rep_name.setPlaceholderText(self.tr("e.g. Sam Taylor"))
        self.school_name = QLineEdit(settings["school_name"])
        self.school_name.setPlaceholderText(self.tr("e.g. Brookfield Primary School"))
        self.school_email = QLineEdit(settings["school_email"])
        self.school_email.setPlaceholderText(self.tr("e.g. office@brookfield.example.sch.uk"))
        self.school_phone = QLineEdit(settings["school_phone"])
        self.school_phone.setPlaceholderText(self.tr("optional: the office's published number"))
        self.email_hint = QLabel()
        self.email_hint.setObjectName("email_hint")
        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Your name"), self.rep_name)
        form.addRow(self.tr("School"), self.school_name)
        form.addRow(self.tr("School's e-mail"), self.school_email)
        form.addRow("", self.email_hint)
        form.addRow(self.tr("School's phone"), self.school_phone)
        note = _para(self.tr("The school's published phone number is never flagged as personal data. "
                             "Nothing here is sent anywhere."))
        note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        form.addRow("", note)
        form.setRowVisible(self.email_hint, False)  # an empty row would leave a gap above the phone
        self.registerField("rep_name*", self.rep_name)
        self.registerField("school_name*", self.school_name)
        for edit in (self.rep_name, self.school_name, self.school_email):
            edit.textChanged.connect(self.completeChanged)

    def email_ok(self) -> bool:
        email = self.school_email.text().strip()
        return not email or bool(_EMAIL.fullmatch(email))

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        ok = self.email_ok()
        self.email_hint.setText("" if ok else self.tr("That does not look like an e-mail address."))
        self.form.setRowVisible(self.email_hint, not ok)
        return super().isComplete() and ok


class PolicyPage(QWizardPage):
    """Which code of conduct flags quote: the model one, or the school's own document, reviewed."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setTitle(self.tr("Your school's code of conduct"))
        self.setSubTitle(self.tr("Every flag quotes a clause of this policy, so parents see the school's own words."))
        self.policy: Policy | None = None
        self.corrected = 0
        self.use_model = QRadioButton(self.tr("Use the built-in model code of conduct (a good start; change it any time)"))
        self.use_school = QRadioButton(self.tr("Import my school's own document (saved from Word as plain text, .txt)"))
        group = QButtonGroup(self)
        group.addButton(self.use_model)
        group.addButton(self.use_school)
        self.use_model.setChecked(settings["active_policy"] == DEFAULT_POLICY_ID)
        self.use_school.setChecked(not self.use_model.isChecked())
        self.choose = QPushButton(self.tr("Choose the document…"))
        self.choose.clicked.connect(self._on_choose_clicked)
        self.status = _para("")
        self.status.setObjectName("policy_status")
        self.clauses = QTableWidget(0, 2)
        self.clauses.setObjectName("policy_clauses")
        self.clauses.setHorizontalHeaderLabels([self.tr("Clause"), self.tr("Flags it covers")])
        self.clauses.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.clauses.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.clauses.setColumnWidth(1, 230)
        self.clauses.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clauses.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.clauses.setWordWrap(True)
        self.clauses.verticalHeader().setVisible(False)
        self.clauses.cellDoubleClicked.connect(self._on_clauses_cell_double_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(self.use_model)
        layout.addWidget(self.use_school)
        row = QHBoxLayout()
        row.addSpacing(24)
        row.addWidget(self.choose)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        layout.addWidget(self.clauses, 1)
        self.hint = _para(self.tr("Double-click a clause to correct which flags cite it. A clause "
                                  "with none (purpose, procedure) is kept but never quoted."))
        layout.addWidget(self.hint)
        self.filler = QWidget()  # takes the table's room while there is no table, so the button stays under its choice
        layout.addWidget(self.filler, 1)
        group.buttonToggled.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        school = self.use_school.isChecked()
        self.choose.setEnabled(school)
        self.clauses.setVisible(school and self.policy is not None)
        self.hint.setVisible(self.clauses.isVisibleTo(self))
        self.filler.setVisible(not self.clauses.isVisibleTo(self))
        if not school:
            self.status.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.use_model.isChecked() or self.policy is not None

    def _on_choose_clicked(self) -> None:
        path = ask_open_path(self, self.tr("Your school's code of conduct"), self.tr("Policy documents (*.docx *.pdf *.odt *.html *.htm *.txt);;All files (*)"))
        if path is not None:
            self.load_document(path)

    def load_document(self, path: Path) -> None:
        """Import the document and show each clause with the categories the app suggests."""
        try:
            policy = import_policy_document(path)
        except RepError as exc:
            self.policy = None
            self.status.setText(f"<span style='color:#b03a2e'>{html.escape(str(exc), quote=False)}</span>")
            self._refresh()
            return
        self.policy = policy
        self.corrected = 0
        cited = sum(1 for c in policy.clauses if c.categories)
        self.status.setText(self.tr("{n} clauses read from {name}; {cited} map to flags. Check the suggestions below.").format(
            n=len(policy.clauses), name=html.escape(path.name, quote=False), cited=cited))
        if policy.is_poor:  # a poor import is never taken on without its gaps in view
            self.status.setText(self.status.text() + "<br><b style='color:#b03a2e'>" + html.escape(self.tr(
                "This document names only {k} of 18 categories; the others ({gaps}) fall back to its general clause or the "
                "model wording (Settings ▸ Import the school's policy shows each).").format(
                k=len(policy.document_covered), gaps=", ".join(c for c in CATEGORIES if c not in policy.document_covered))) + "</b>")
        self.clauses.setRowCount(len(policy.clauses))
        for row, clause in enumerate(policy.clauses):
            text = QTableWidgetItem(f"{clause.number}. {clause.text}" if clause.number else clause.text)  # the document's own numbers only
            text.setToolTip(clause.text)
            self.clauses.setItem(row, 0, text)
            self._show_categories(row)
        self.clauses.resizeRowsToContents()
        self._refresh()

    def _show_categories(self, row: int) -> None:
        assert self.policy is not None
        cats = self.policy.clauses[row].categories
        labels = ", ".join(CATEGORIES[c].label for c in cats) or self.tr("(not used for flags)")
        self.clauses.setItem(row, 1, QTableWidgetItem(labels))

    def set_clause_categories(self, row: int, categories: tuple[str, ...]) -> None:
        assert self.policy is not None
        clauses = list(self.policy.clauses)
        if clauses[row].categories == categories:
            return
        clauses[row] = dataclasses.replace(clauses[row], categories=categories, kind=default_kind(categories))
        self.policy = dataclasses.replace(self.policy, clauses=tuple(clauses))  # the category index is rebuilt (not copied)
        self.corrected += 1
        self._show_categories(row)

    def _on_clauses_cell_double_clicked(self, row: int, _column: int) -> None:
        assert self.policy is not None
        picker = CategoryPicker(self.policy.clauses[row].text, self.policy.clauses[row].categories, self)
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.set_clause_categories(row, picker.chosen())

    def chosen_policy_id(self) -> str:
        if self.use_school.isChecked() and self.policy is not None:
            return self.policy.id
        return DEFAULT_POLICY_ID


class QuietHoursPage(QWizardPage):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setTitle(self.tr("Quiet hours"))
        self.setSubTitle(self.tr("Many schools ask parents not to post late at night or early in the morning."))
        self.start = QTimeEdit(QTime.fromString(settings["quiet_start"], _TIME))
        self.end = QTimeEdit(QTime.fromString(settings["quiet_end"], _TIME))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Quiet from")))
        for i, edit in enumerate((self.start, self.end)):
            edit.setDisplayFormat(_TIME)
            if i:
                row.addWidget(QLabel(self.tr("until")))
            row.addWidget(edit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(_para(self.tr(
            "Messages posted in these hours get a gentle <i>late night</i> hint, never a breach. "
            "The usual choice is 22:00 until 07:00.")))
        layout.addStretch(1)


class DataPage(QWizardPage):
    """Where the data lives and who is responsible for it: the rep, as data controller."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setTitle(self.tr("Where your data is kept"))
        self.setSubTitle(self.tr("On this computer only, in a folder that only your account can open."))
        self.folder = QLineEdit(str(paths.data_dir()))
        self.folder.setReadOnly(True)
        self.folder.setObjectName("data_folder")
        self.retention = QSpinBox()
        self.retention.setRange(0, 3650)
        self.retention.setSingleStep(30)
        self.retention.setSpecialValueText(self.tr("keep everything"))
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setValue(settings["retention_days"])
        self.retention.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.retention.setMinimumWidth(160)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Data folder"), self.folder)
        form.addRow(self.tr("Delete message text after"), self.retention)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(_para(self.tr(
            "<p>The chats you open hold other parents' messages and numbers. Keeping them here makes "
            "<b>you the data controller</b> for them under UK GDPR: keep only what you need, share "
            "only what the school needs, and answer a parent who asks what you hold. The app helps "
            "with each of these (see Help).</p>"
            "<p>Rep Assistant never connects to the internet. Back this folder up like any private "
            "document.</p>")))
        layout.addStretch(1)


class WelcomeWizard(QWizard):
    """The first-run flow. Signals: demo_requested (the rep chose to look at the demo first).

    ``db_path`` is the store whose audit log records the rep's first settings (default: the
    store in the data folder).
    """

    demo_requested = Signal()
    #: done() code when the rep chose the demo: neither accepted (nothing saved) nor cancelled.
    DEMO = 2

    def __init__(self, settings: Settings, db_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db_path = db_path
        self.setObjectName("welcome_wizard")
        self.setWindowTitle(self.tr("Welcome to {app}").format(app=APP_NAME))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(780, 580)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon("app").pixmap(48, 48))
        self.intro = IntroPage(self)
        self.about = AboutYouPage(settings)
        self.policy_page = PolicyPage(settings)
        self.quiet = QuietHoursPage(settings)
        self.data = DataPage(settings)
        for page in (self.intro, self.about, self.policy_page, self.quiet, self.data):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start using {app}").format(app=APP_NAME))

    def open_demo(self) -> None:
        self.demo_requested.emit()
        self.done(self.DEMO)

    def changes(self) -> dict[str, object]:
        return {
            "rep_name": self.about.rep_name.text().strip(),
            "school_name": self.about.school_name.text().strip(),
            "school_email": self.about.school_email.text().strip(),
            "school_phone": self.about.school_phone.text().strip(),
            "active_policy": self.policy_page.chosen_policy_id(),
            "quiet_start": self.quiet.start.time().toString(_TIME),
            "quiet_end": self.quiet.end.time().toString(_TIME),
            "retention_days": self.data.retention.value(),
            "first_run_done": True,
        }

    def save(self) -> list[str]:
        """Write the school policy (with the rep's corrections) and the settings, recording both."""
        changes = self.changes()
        page = self.policy_page
        imported = page.policy if page.use_school.isChecked() else None
        with Store(self.db_path or paths.default_db_path(), actor=str(changes["rep_name"]) or "rep") as store, store.transaction():
            if imported is not None:
                save_policy(imported)
                store.audit("policy.import", {"policy": imported.id},
                            {"clauses": len(imported.clauses), "corrected": page.corrected, "source": "welcome"})
            return save_settings(self.settings, changes, store)

    def accept(self) -> None:
        try:
            self.save()
        except RepError as exc:
            self.currentPage().setSubTitle(str(exc))
            return
        super().accept()


#: Set to start without the welcome even on first start; the test suite sets it (the welcome
#: flow has tests of its own), and scripted or kiosk setups may too.
NO_WELCOME_ENV = "REP_ASSISTANT_NO_WELCOME"


def welcome_needed(settings: Settings) -> bool:
    return not settings["first_run_done"] and not os.environ.get(NO_WELCOME_ENV)


def run_welcome(settings: Settings, db_path: Path | None = None) -> bool:
    """Show the welcome flow before the main window; True when the rep chose to open the demo."""
    return WelcomeWizard(settings, db_path).exec() == WelcomeWizard.DEMO
