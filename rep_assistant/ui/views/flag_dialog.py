"""Flag a message by hand: the message, and the categories of the active policy with their clauses.

Why: the scanner misses about one breach in four on a chat it has not seen; this is how the rep
acts on those. The best category is chosen already (what the scanner or the message's own words
point to), or none when nothing does; the rep picks with the arrow keys. Enter flags, Esc cancels.
"""

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rep_assistant.ui import style
from rep_assistant.ui.icons import icon


class FlagDialog(QDialog):
    """``category()`` is the rep's choice once accepted."""

    def __init__(self, message: dict[str, Any], choices: list[dict[str, str]], suggested: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Flag this message"))
        self.setWindowIcon(icon("flag"))
        quote = QTextBrowser(self)
        quote.setAccessibleName(self.tr("The message"))
        quote.setHtml(f"<p><b>{escape(message.get('author') or '')}</b> "
                      f"<span style='color:gray;'>{escape(style.stamp(message.get('ts')))}</span></p>"
                      f"<p>{escape(message.get('text') or message.get('media_name') or '').replace(chr(10), '<br>')}</p>")
        quote.setMaximumHeight(110)
        prompt = QLabel(self.tr("What does it break? The clause it cites comes from your active policy."), self)
        prompt.setWordWrap(True)
        self.categories = QListWidget(self)
        self.categories.setAccessibleName(self.tr("Category"))
        self.categories.setWordWrap(True)
        prompt.setBuddy(self.categories)
        for choice in choices:
            label = choice["label"]
            if choice["category"] == suggested:
                label = self.tr("{label} (suggested)").format(label=label)
            item = QListWidgetItem(f"{label}\n    {self.tr('Clause')} {choice['clause_id']}: {_short(choice['clause_text'])}")
            item.setData(Qt.ItemDataRole.UserRole, choice["category"])
            item.setToolTip(choice["clause_text"])
            self.categories.addItem(item)
            if choice["category"] == suggested:
                self.categories.setCurrentItem(item)
        self.categories.setSpacing(3)
        self.categories.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Flag it"))
        # Nothing chosen for the rep when nothing points anywhere: "Threat" by default would be a wrong action waiting to happen.
        self.ok_button.setEnabled(self.categories.currentItem() is not None)
        self.categories.currentItemChanged.connect(lambda item, _old: self.ok_button.setEnabled(item is not None))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("It is recorded as your own decision (confirmed), and can go into an incident like any flag."), self)
        note.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(quote)
        box.addWidget(prompt)
        box.addWidget(self.categories, 1)
        box.addWidget(note)
        box.addWidget(buttons)
        self.categories.setFocus()
        self.resize(520, 520)

    def category(self) -> str | None:
        item = self.categories.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
