"""Erasure: the core's preview of what erasing one member removes, then the typed confirmation.

Why a dialog that only describes: the core erases (and audits) on the window's database
thread; this shows its preview in words a parent reads once, and asks for the name or ERASE.
Never shown with a modal loop: opened with ``open()``, it reports by signals.

Signals:
    EraseDialog.preview_ready(plan), EraseDialog.erased(plan): the core's ErasurePlan.
"""

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from rep_assistant.core.duties import erasure
from rep_assistant.core.store import Store
from rep_assistant.ui.views.duty_words import describe_erasure
from rep_assistant.ui.views.layout import destructive, scrolling_body, wrapped
from rep_assistant.ui.views.member_combo import MemberCombo
from rep_assistant.ui.workers.runner import Runner, owned_by


class EraseDialog(QDialog):
    preview_ready = Signal(object)
    erased = Signal(object)

    def __init__(self, store: Store, run: Runner, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = owned_by(run, self)
        self.plan: erasure.ErasurePlan | None = None
        self._asked = 0
        self.setWindowTitle(self.tr("Erase a member"))
        self.members = MemberCombo(store, member_id, self)
        self.preview = wrapped("", self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMinimumHeight(150)
        self.confirm_label = wrapped("", self)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setAccessibleName(self.tr("Confirmation"))
        self.confirm_label.setBuddy(self.confirm_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = buttons.addButton(self.tr("Erase permanently"), QDialogButtonBox.ButtonRole.DestructiveRole)
        destructive(self.erase_button)
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        buttons.rejected.connect(self.reject)
        self.members.currentIndexChanged.connect(self._on_members_current_index_changed)
        self.confirm_edit.textChanged.connect(self._update_button)
        form = QFormLayout()
        form.addRow(self.tr("&Member:"), self.members)
        layout, outer = scrolling_body(self)  # the text scrolls on a small screen; the buttons stay in view
        layout.addWidget(wrapped(self.tr(
            "Use this when someone asks you to erase what you hold about them, or when you no longer may keep it."), self))
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        outer.addWidget(self.confirm_label)
        outer.addWidget(self.confirm_edit)
        outer.addWidget(buttons)
        self.resize(600, 480)  # room for the longest preview on a 1024x600 screen; longer ones scroll
        self.setMinimumSize(440, 300)
        self.ask_preview()

    def ask_preview(self) -> None:
        """Ask the core what erasing the chosen member would do (answers out of date are dropped)."""
        self.plan = None
        self._update_button()
        choice = self.members.choice()
        if choice is None:
            self.preview.setText(self.tr("Choose the member to erase above." if self.members.count() else
                                         "There is nobody to erase: no members are held."))
            self.confirm_label.setText(self.tr("To confirm, type their name or ERASE:"))
            return
        self._asked += 1
        asked = self._asked
        self.preview.setText(self.tr("Working out what would be removed…"))
        self.confirm_label.setText(self.tr("To confirm, type their name ({name}) or ERASE:").format(name=choice["name"]))
        self.run(self.tr("Checking what erasure would remove"),
                 lambda store: erasure.preview(store, choice["chat"], choice["name"]),
                 lambda plan: self._on_preview(asked, plan))

    def _on_preview(self, asked: int, plan: erasure.ErasurePlan) -> None:
        if asked != self._asked:
            return
        self.plan = plan
        self.preview.setText(describe_erasure(plan))
        self._update_button()
        self.preview_ready.emit(plan)

    def confirmed(self) -> bool:
        typed = self.confirm_edit.text().strip()
        return self.plan is not None and typed in {"ERASE", self.plan.member.name}

    @Slot()
    def _update_button(self) -> None:
        self.erase_button.setEnabled(self.confirmed())

    def erase(self) -> None:
        if not self.confirmed():
            return
        plan = self.plan
        self.erase_button.setEnabled(False)
        self.run(self.tr("Erasing {name}").format(name=plan.member.name),
                 lambda store: erasure.erase(store, plan.member.chat, plan.member.name), self._on_erased)

    def _on_erased(self, plan: erasure.ErasurePlan) -> None:
        self.erased.emit(plan)
        self.accept()

    @Slot()
    def _on_erase_button_clicked(self) -> None:
        self.erase()

    @Slot(int)
    def _on_members_current_index_changed(self, _index: int) -> None:
        self.confirm_edit.clear()
        self.ask_preview()
