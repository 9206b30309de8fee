"""A short free-text note on a flag, a member or an incident, saved from the keyboard.

Why its own keys: in a plain text box Tab and Enter type into the text, so a tired rep had to
reach for the mouse. Ctrl+Enter saves, Esc cancels, Tab leaves the box (the buttons say so).
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

_SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class NoteDialog(QDialog):
    """Non-modal (``open()``), so the desk never blocks; ``text()`` is what to keep."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Note"))
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("What you want to remember about this (kept in your store, never shared)."))
        self.editor.installEventFilter(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        keys = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(self.tr("Save the note ({keys})").format(keys=keys))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("{keys} saves · Esc cancels").format(keys=keys), self)
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def text(self) -> str:
        return self.editor.toPlainText()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.editor and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() in _SAVE_KEYS and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return True
        return super().eventFilter(watched, event)
