"""Draws a queue row's categories as coloured chips, so categories are told apart at a glance."""

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from rep_assistant.ui import style
from rep_assistant.ui.models.roles import RecordRole


class ChipDelegate(QStyledItemDelegate):
    """One chip per category of the row's record (``categories``), left to right, elided to fit."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        rec: dict[str, Any] | None = index.data(RecordRole)
        if rec is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        option.widget.style().drawControl(option.widget.style().ControlElement.CE_ItemViewItem, option, painter, option.widget)
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.92)
        metrics = QFontMetrics(font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        left, right = option.rect.left() + 4, option.rect.right() - 4
        for category in rec.get("categories") or [rec["category"]]:
            room = right - left
            if room < 24:
                break
            label = style.category_label(category)
            width = min(metrics.horizontalAdvance(label) + 14, room)
            chip = QRect(left, option.rect.center().y() - metrics.height() // 2 - 2, width, metrics.height() + 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.category_colour(category)))
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - 10))
            left += width + 4
        painter.restore()
