"""Draws the open-findings count as a small red badge at the right of a tree row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ui.models.tree_model import BADGE_ROLE

BADGE_COLOUR = QColor("#c0392b")


class BadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        count = index.data(BADGE_ROLE) or 0
        if not count:
            super().paint(painter, option, index)
            return
        text = str(count) if count < 1000 else "999+"
        metrics = option.fontMetrics
        width = max(metrics.horizontalAdvance(text) + 10, metrics.height())
        # Leave room for the badge so a long name is elided before it, not under it.
        shrunk = QStyleOptionViewItem(option)
        shrunk.rect = option.rect.adjusted(0, 0, -(width + 6), 0)
        super().paint(painter, shrunk, index)
        rect = QRect(option.rect.right() - width - 2, option.rect.center().y() - metrics.height() // 2,
                     width, metrics.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLOUR)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(BADGE_ROLE):
            size.setWidth(size.width() + option.fontMetrics.height() * 2 + 8)
        return size
