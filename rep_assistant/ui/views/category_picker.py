"""Tick the categories one clause of an imported policy covers (the welcome's correction of a suggestion)."""

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QVBoxLayout, QWidget

from rep_assistant.core.policy import CATEGORIES
from rep_assistant.ui.views.layout import wrapped


class CategoryPicker(QDialog):
    """Tick the categories one clause covers: a correction to what the import suggested."""

    def __init__(self, clause_text: str, chosen: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Categories for this clause"))
        layout = QVBoxLayout(self)
        quote = wrapped(f"<i>{html.escape(clause_text, quote=False)}</i>", None, Qt.TextFormat.RichText)
        layout.addWidget(quote)
        grid = QGridLayout()
        self.boxes: dict[str, QCheckBox] = {}
        for i, cat in enumerate(sorted(CATEGORIES.values(), key=lambda c: -c.rank)):
            box = QCheckBox(cat.label)
            box.setToolTip(cat.meaning)
            box.setChecked(cat.id in chosen)
            self.boxes[cat.id] = box
            grid.addWidget(box, i // 3, i % 3)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, ...]:
        return tuple(cid for cid, box in self.boxes.items() if box.isChecked())
