"""Colours and labels the desk uses for categories and review statuses.

Chip colours are saturated with white text, so they read the same on light and dark palettes.
"""

import zlib

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from rep_assistant.core.policy.categories import CATEGORIES

CATEGORY_COLOURS = {
    "offensive-language": "#c0392b", "abuse": "#b03a2e", "threat": "#922b21", "defamation": "#a04000",
    "grievance": "#ca6f1e", "individual-child": "#b9770e", "policy-challenge": "#9a7d0a",
    "political": "#6c3483", "disrepute": "#884ea0", "personal-data": "#1f618d",
    "private-correspondence": "#2471a3", "commercial": "#117864", "private-conversation": "#5d6d7e",
    "late-night": "#34495e", "fragmented": "#707b7c", "dont-know": "#7b7d7d", "anger": "#cb4335",
    "rumour": "#7d6608",
}
STATUS_COLOURS = {"new": "#d2453c", "confirmed": "#2e9d55", "dismissed": "#8a94a3", "snoozed": "#d48a12"}
_AUTHOR_HUES = (0, 28, 200, 130, 270, 330, 170, 45, 230, 300)


def category_label(category: str) -> str:
    known = CATEGORIES.get(category)
    return known.label if known else category.replace("-", " ").capitalize()


def category_colour(category: str) -> str:
    return CATEGORY_COLOURS.get(category, "#5d6d7e")


def status_label(status: str) -> str:
    return {"new": "New", "confirmed": "Confirmed", "dismissed": "Dismissed", "snoozed": "Snoozed"}.get(status, status)


def is_dark() -> bool:
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def author_colour(name: str) -> QColor:
    """A stable colour per author, light enough for dark mode and dark enough for light mode."""
    hue = _AUTHOR_HUES[zlib.crc32(name.encode("utf-8")) % len(_AUTHOR_HUES)]
    return QColor.fromHsl(hue, 150, 170 if is_dark() else 90)


def highlight_colour() -> str:
    return "#7a5a00" if is_dark() else "#ffe58a"
