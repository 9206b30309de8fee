"""Small layout helpers the desk's panels share (named splitters, labelled filter bars)."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QWidget


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
