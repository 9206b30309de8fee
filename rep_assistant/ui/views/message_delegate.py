"""Paints one chat message per row: author and time, two lines of text, a flag marker.

Why fixed-height rows: the view can then lay out a million rows without asking for them,
which keeps opening and scrolling instant; the full text of a message is one click away in
the detail pane. Matched words of a flag are highlighted in
place and a coloured bar in the margin marks flagged messages.
"""

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rep_assistant.core.reviewing.conversation import highlight_ranges
from rep_assistant.ui import style
from rep_assistant.ui.models.roles import RecordRole

_TEXT_LINES = 2
_PAD = 6
_MARGIN = 14
#: Only this much of a message is laid out: two lines never need more.
_MAX_CHARS = 600


class MessageDelegate(QStyledItemDelegate):
    def row_height(self, font: QFont) -> int:
        """The one row height of the conversation (its rows are all this tall)."""
        metrics = QFontMetrics(font)
        return metrics.lineSpacing() * (1 + _TEXT_LINES) + 2 * _PAD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        rec: dict[str, Any] | None = index.data(RecordRole)
        painter.save()
        try:
            self._paint_background(painter, option, rec)
            if rec is not None:
                self._paint_message(painter, option, rec)
        finally:
            painter.restore()

    def _paint_background(self, painter: QPainter, option: QStyleOptionViewItem, rec: dict[str, Any] | None) -> None:
        rect = option.rect
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif rec and rec.get("flags"):
            tint = QColor(style.category_colour(rec["flags"][0]["category"]))
            tint.setAlpha(28)
            painter.fillRect(rect, tint)
        if rec and rec.get("flags"):
            painter.fillRect(QRect(rect.left() + 2, rect.top() + 3, 5, rect.height() - 6),
                             QColor(style.category_colour(rec["flags"][0]["category"])))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left() + _MARGIN, rect.bottom(), rect.right() - _PAD, rect.bottom())

    def _paint_message(self, painter: QPainter, option: QStyleOptionViewItem, rec: dict[str, Any]) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlpha(150)
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        left = option.rect.left() + _MARGIN
        width = option.rect.width() - _MARGIN - _PAD
        top = option.rect.top() + _PAD
        kind = rec.get("kind")

        if kind == "system":
            italic = QFont(font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(muted)
            text = " ".join((rec.get("text") or rec.get("system_event") or "").split())
            box = QRect(left, top, width, option.rect.height() - 2 * _PAD)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, QFontMetrics(italic).elidedText(text, Qt.TextElideMode.ElideRight, width))
            return

        bold = QFont(font)
        bold.setBold(True)
        author = rec.get("author") or ""
        painter.setFont(bold)
        painter.setPen(text_colour if selected else style.author_colour(author))
        author_text = QFontMetrics(bold).elidedText(author, Qt.TextElideMode.ElideRight, width // 2)
        painter.drawText(QPointF(left, top + metrics.ascent()), author_text)
        painter.setFont(font)
        painter.setPen(muted)
        stamp = style.stamp(rec.get("ts")) + ("  ·  edited" if rec.get("edited") else "")
        painter.drawText(QPointF(left + QFontMetrics(bold).horizontalAdvance(author_text) + 12, top + metrics.ascent()), stamp)

        text = (rec.get("text") or "")[:_MAX_CHARS]
        spans: list[Any] = [s for f in rec.get("flags", []) for s in f.get("spans") or []]
        body_font = QFont(font)
        if kind == "media":
            text = f"📎 {rec.get('media_name') or 'media'}  {text}"
            spans = []
            body_font.setItalic(True)
        elif kind == "deleted":
            text = "This message was deleted"
            body_font.setItalic(True)
        painter.setPen(text_colour)
        self._draw_lines(painter, text.replace("\n", " "), spans, body_font, left, top + metrics.lineSpacing(), width)

    def _draw_lines(self, painter: QPainter, text: str, spans: list[Any], font: QFont, left: int, top: int,
                    width: int) -> None:
        layout = QTextLayout(text, font)
        formats = []
        for start, end in utf16_ranges(text, spans):
            background, colour = style.highlight_colours()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(background))
            fmt.setForeground(QColor(colour))
            fmt.setFontWeight(QFont.Weight.Bold)
            rng = QTextLayout.FormatRange()
            rng.start, rng.length, rng.format = start, end - start, fmt
            formats.append(rng)
        layout.setFormats(formats)
        metrics = QFontMetrics(font)
        ellipsis = metrics.horizontalAdvance("…")
        layout.beginLayout()
        y = 0.0
        last_end = 0
        for n in range(_TEXT_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width - (ellipsis if n == _TEXT_LINES - 1 else 0))
            line.setPosition(QPointF(0, y))
            y += metrics.lineSpacing()
            last_end = line.textStart() + line.textLength()
        layout.endLayout()
        layout.draw(painter, QPointF(left, top))
        if last_end < len(text.rstrip()):
            line = layout.lineAt(layout.lineCount() - 1)
            painter.setFont(font)
            painter.drawText(QPointF(left + line.naturalTextWidth(), top + line.y() + metrics.ascent()), "…")


def utf16_ranges(text: str, spans: list[Any]) -> list[tuple[int, int]]:
    """Highlight ranges in the UTF-16 units QTextLayout counts.

    Spans are Python (code point) offsets; an emoji before the match takes two UTF-16 units,
    so using them unconverted would shift the highlight by one per emoji.
    """
    def units(index: int) -> int:
        return len(text[:index].encode("utf-16-le")) // 2

    return [(units(start), units(end)) for start, end in highlight_ranges(text, spans)]
