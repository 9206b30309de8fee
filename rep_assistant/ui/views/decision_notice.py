"""The status bar's last-decision line with its Undo (as Gmail does: "Confirmed: Rita B. 21:14 — Undo").

Why: a key press that decides a flag must say what it applied to, so a decision made on the
wrong message is seen at once, and taken back with one click (or Ctrl+Z).
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from rep_assistant.ui.icons import icon

SHOWN_MS = 15_000


def short_name(name: str | None) -> str:
    """"Rita Brown" → "Rita B."; a phone number or a single name stays as it is."""
    parts = (name or "").split()
    if len(parts) < 2 or any(ch.isdigit() for ch in name or ""):
        return name or "?"
    return f"{parts[0]} {parts[-1][0]}."


def what(record: dict[str, Any], today: dt.date | None = None) -> str:
    """A message as the notice names it: author and time ("Rita B. 21:14"; another day adds the date)."""
    ts = record.get("ts") or ""
    try:
        moment = dt.datetime.fromisoformat(ts)
    except ValueError:
        return short_name(record.get("author"))
    today = today or dt.date.today()
    stamp = moment.strftime("%H:%M") if moment.date() == today else f"{moment.day} {moment:%b %H:%M}"
    return f"{short_name(record.get('author'))} {stamp}"


class DecisionNotice(QWidget):
    """One line and an Undo button, shown in the status bar for a while after each decision.

    Signals:
        shown(): a decision is being shown (the status bar clears its own message).
    """

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QToolButton(self)
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setIcon(icon("undo"))
        self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.undo_button.setAutoRaise(True)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.label)
        box.addWidget(self.undo_button)
        self._undo: Callable[[], Any] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.hide()

    def show_decision(self, text: str, undo: Callable[[], Any] | None) -> None:
        """Say what was done; ``undo`` (if any) is what the Undo button does."""
        self.label.setText(text)
        self._undo = undo
        self.undo_button.setVisible(undo is not None)
        self.undo_button.setAccessibleName(self.tr("Undo: {what}").format(what=text))
        self.shown.emit()
        self.show()
        self._timer.start(SHOWN_MS)

    def clear(self) -> None:
        self._undo = None
        self.label.clear()
        self.hide()

    def _on_undo_button_clicked(self) -> None:
        undo, self._undo = self._undo, None
        self.clear()
        if undo is not None:
            undo()
