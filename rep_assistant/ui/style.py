"""Colours and labels the desk uses for categories and review statuses.

Chip colours are saturated with white text, so they read the same on light and dark palettes.
"""

import datetime as dt
import zlib

from PySide6.QtCore import QCoreApplication, Qt
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


def status_text(status: str, snoozed_until: str | None = None) -> str:
    """A status as the queue and the flag detail both say it: a snoozed flag also says until when."""
    label = status_label(status)
    if status == "snoozed" and snoozed_until:
        return QCoreApplication.translate("style", "{status} until {when}").format(status=label, when=stamp(snoozed_until))
    return label


def stamp(ts: str | None) -> str:
    """A stored ISO time as every pane of the desk shows it, in the words a parent reads dates in:
    "7 Nov 2025 09:40" ("7 Nov 2025" for a bare date; empty for none; as stored if it is not a time).
    """
    if not ts:
        return ""
    try:
        when = dt.datetime.fromisoformat(ts)
    except ValueError:
        return ts.replace("T", " ")[:16]
    day = f"{when.day} {when:%b %Y}"
    return day if len(ts) <= 10 else f"{day} {when:%H:%M}"


def is_dark() -> bool:
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def author_colour(name: str) -> QColor:
    """A stable colour per author, light enough for dark mode and dark enough for light mode."""
    hue = _AUTHOR_HUES[zlib.crc32(name.encode("utf-8")) % len(_AUTHOR_HUES)]
    return QColor.fromHsl(hue, 150, 170 if is_dark() else 90)


def highlight_colours() -> tuple[str, str]:
    """(background, text) for matched words: always a readable pair, whatever the palette."""
    return ("#8a6500", "#ffffff") if is_dark() else ("#ffe58a", "#000000")


def dark_palette() -> QPalette:
    """A Fusion dark palette, for platforms that report a dark scheme but give no dark palette."""
    p = QPalette()
    base, window, text, mid = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#e6e6e6"), QColor("#5a5d63")
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text, QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282b"), QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text, QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Highlight: QColor("#2f6fb2"), QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#6cb4ff"), QPalette.ColorRole.PlaceholderText: QColor("#8b8e94"),
        QPalette.ColorRole.Mid: mid, QPalette.ColorRole.Dark: QColor("#18191b"), QPalette.ColorRole.Light: QColor("#3a3c40"),
        QPalette.ColorRole.Midlight: QColor("#34363a"), QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d82"))
    return p


def apply_colour_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Switch the app's palette to ``scheme`` unless the platform already did."""
    if scheme == Qt.ColorScheme.Dark and not is_dark():
        app.setPalette(dark_palette())
    elif scheme == Qt.ColorScheme.Light and is_dark():
        app.setPalette(app.style().standardPalette())


#: The rep's choice in Settings: follow the system, or always light, or always dark.
THEMES = ("system", "light", "dark")
_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def follow_colour_scheme(app: QApplication, theme: str = "system") -> None:
    """Light and dark follow the system unless the rep chose one; where the platform gives no dark palette, supply one."""
    app.styleHints().colorSchemeChanged.connect(lambda scheme: apply_colour_scheme(app, scheme))
    set_theme(app, theme)


def set_theme(app: QApplication, theme: str) -> None:
    """Apply the rep's Light / Dark / System choice now (an unknown value means System)."""
    scheme = _SCHEMES.get(theme, Qt.ColorScheme.Unknown)
    app.styleHints().setColorScheme(scheme)  # Unknown: the system's again
    app.setPalette(app.style().standardPalette())
    apply_colour_scheme(app, scheme if scheme != Qt.ColorScheme.Unknown else app.styleHints().colorScheme())
