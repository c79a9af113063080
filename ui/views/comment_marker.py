"""The comment marker (批注标记): a small red triangle in the top-right corner of a cell or field
that has a reviewer's annotation, as Excel and WPS mark a cell with a comment.

The indicator tables' delegate paints it where a cell's ANNOTATION_ROLE holds text
(ui/views/indicator_view.py); the project form puts a `CornerMarker` on each annotated
field (and on the title for an annotation on the whole project). `annotated_cells` and
`annotated_fields` sort the current project's annotations into those places: a cell
annotation marks its cell, a row annotation the row's 三级指标 cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPolygon
from PySide6.QtWidgets import QWidget

from core.store.records import StoredAnnotation

MARKER_COLOUR = QColor("#e0201b")
ROW_COLUMN = "level3"  # where an annotation on a whole indicator row is marked
PROJECT_KEY = ""  # annotated_fields' key for an annotation on the whole project


def marker_size(metrics: QFontMetrics) -> int:
    """The triangle's side: a third of a text line, at least 6 pixels (it grows with the zoom)."""
    return max(6, metrics.height() // 3)


def paint_marker(painter: QPainter, rect: QRect, size: int) -> None:
    """Fill the triangle in the top-right corner of `rect`."""
    right, top = rect.right(), rect.top()
    triangle = QPolygon([QPoint(right - size + 1, top), QPoint(right, top), QPoint(right, top + size - 1)])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(MARKER_COLOUR)
    painter.drawPolygon(triangle)
    painter.restore()


def annotated_cells(annotations: Iterable[StoredAnnotation],
                    indicator_ids: Sequence[int]) -> dict[tuple[int, str], list[str]]:
    """(table row, column name) → the annotation texts there, for the indicator table."""
    rows = {ind_id: row for row, ind_id in enumerate(indicator_ids)}
    cells: dict[tuple[int, str], list[str]] = {}
    for stored in annotations:
        loc = stored.annotation.location
        if loc.indicator is None:
            continue
        row = rows.get(stored.indicator_id) if stored.indicator_id is not None else loc.indicator
        if row is None or not 0 <= row < len(indicator_ids):
            continue
        cells.setdefault((row, loc.column or ROW_COLUMN), []).append(stored.annotation.text)
    return cells


def annotated_fields(annotations: Iterable[StoredAnnotation]) -> dict[str, list[str]]:
    """Header field ('budget_total', 'spending_plan.6月底' …) → its annotation texts; PROJECT_KEY
    for those on the whole project."""
    fields: dict[str, list[str]] = {}
    for stored in annotations:
        loc = stored.annotation.location
        if loc.indicator is not None or loc.project_seq is None:
            continue
        fields.setdefault(loc.field or PROJECT_KEY, []).append(stored.annotation.text)
    return fields


class CornerMarker(QWidget):
    """The triangle over the top-right corner of another widget (a form field); it follows the
    widget's size and lets every click through."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("commentMarker")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        host.installEventFilter(self)
        self.hide()
        self._place()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        size = marker_size(host.fontMetrics())
        self.setGeometry(host.width() - size, 0, size, size)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange,
                                                               QEvent.Type.Show):
            self._place()
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_marker(painter, self.rect(), self.width())
        painter.end()
