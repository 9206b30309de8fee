"""What the desk shows before any chat is imported: where exports come from, and one button."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from rep_assistant.ui.icons import icon
from rep_assistant.ui.views import layout


class EmptyPage(QWidget):
    """``open_button`` is the "Open an export…" button (the window connects it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.addStretch(2)
        art = QLabel(self)
        art.setPixmap(icon("drop").pixmap(96, 96))
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = layout.wrapped(self.tr("Drop a WhatsApp export here or use File ▸ Open"), self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        hint = layout.wrapped(self.tr(
            "In WhatsApp, open the class group ▸ ⋮ (or the group name on iPhone) ▸ More ▸ Export chat.\n"
            "A .txt or .zip file works; everything stays on this computer."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("font-size: 14px;")
        self.open_button = QPushButton(icon("open"), self.tr("Open an export…"), self)
        self.open_button.setAccessibleName(self.tr("Open an export"))
        self.open_button.setMinimumHeight(36)
        for widget in (art, title, hint):
            box.addWidget(widget)
        box.addSpacing(12)
        box.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(3)
