"""Small widget helpers every area shares (splitters, filter bars, wrapped and scrolling text, read-only tables, red buttons for what cannot be undone)."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


def splitter(parent: QWidget, orientation: Qt.Orientation, name: str, parts: Sequence[tuple[QWidget, int]]) -> QSplitter:
    """A splitter of ``(widget, stretch)`` parts; the object name is the key its sizes are remembered under."""
    split = QSplitter(orientation, parent)
    split.setObjectName(name)
    for i, (widget, stretch) in enumerate(parts):
        split.addWidget(widget)
        split.setStretchFactor(i, stretch)
    return split


def labelled_bar(parent: QWidget, fields: Sequence[tuple[str, QWidget]]) -> QHBoxLayout:
    """A row of label + field pairs (labels are buddies, so Alt+letter reaches the field)."""
    bar = QHBoxLayout()
    for text, widget in fields:
        label = QLabel(text, parent)
        label.setBuddy(widget)
        # Room for the whole word: Fusion sizes a label with a mnemonic a few pixels short.
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text.replace("&", "")) + 6)
        bar.addWidget(label)
        bar.addWidget(widget)
    return bar


def wrapped(text: str, parent: QWidget | None = None, text_format: Qt.TextFormat = Qt.TextFormat.PlainText) -> QLabel:
    """A wrapping label, plain text unless asked: names and file names are never read as HTML."""
    label = QLabel(text, parent)
    label.setTextFormat(text_format)
    label.setWordWrap(True)
    return label


def scrolling_body(dialog: QWidget) -> tuple[QVBoxLayout, QVBoxLayout]:
    """The dialog's layout, holding a frameless area that scrolls; (what goes in the area, the dialog's layout).

    Why: a dialog of wrapped paragraphs squeezed below their height (a 1024x600 screen, a
    dialog shrunk by hand, a long preview) draws its lines over each other; in the area they
    keep their height and scroll instead (sideways too, below the width of a field), while what
    the caller adds to the dialog's layout (the buttons) stays in view.
    """
    area = QScrollArea(dialog)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setMinimumHeight(5 * area.fontMetrics().lineSpacing())  # a few lines of text, however small the dialog
    body = QWidget(area)
    content = QVBoxLayout(body)
    content.setContentsMargins(0, 0, 0, 0)
    area.setWidget(body)
    outer = QVBoxLayout(dialog)
    outer.addWidget(area, 1)
    return content, outer


def read_only_table(parent: QWidget, headers: Sequence[str], stretch: int) -> QTableWidget:
    """A table to read, styled as the desk's own (no grid, alternate rows); column ``stretch`` takes the room left."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def destructive(button: QPushButton) -> None:
    """Red while it can be pressed; the padding applies in every state, so the size fits the text."""
    button.setStyleSheet("QPushButton { padding: 4px 14px; } "
                         "QPushButton:enabled { color: white; background: #b3261e; border: 1px solid #8c1d18; border-radius: 3px; }")
