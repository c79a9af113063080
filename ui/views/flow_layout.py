"""A layout that lays its items out in a row and wraps them onto further rows when narrow.

The project form's amounts (预算数, 财政资金, 其他资金 and the unit) stand on one line when the
form is wide and wrap, a whole label-and-field pair at a time, when it is not: nothing is
squeezed below its size and nothing overlaps, and the form's minimum width is that of its
widest pair, so a project opening never forces the docks beside it aside.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hints, wrapped onto a new row when the next does not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12, row_spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._row_spacing = row_spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # Qt returns nullptr past the end
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # as itemAt
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)
        box = self.parentWidget()
        if isinstance(box, FlowBox):  # a new width, or items of a new size (a zoom): new rows
            box.fit_height()

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        items = self._shown()
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in items) + self._spacing * max(len(items) - 1, 0)
        height = max((i.sizeHint().height() for i in items), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest item alone on its row (each item is never narrower than its size hint)."""
        items = self._shown()
        m = self.contentsMargins()
        width = max((i.sizeHint().width() for i in items), default=0)
        height = max((i.sizeHint().height() for i in items), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def rows(self, width: int) -> list[list[QLayoutItem]]:
        """The items of each row at this width."""
        m = self.contentsMargins()
        room = width - m.left() - m.right()
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            w = item.sizeHint().width()
            if rows and used + self._spacing + w <= room:
                rows[-1].append(item)
                used += self._spacing + w
            else:
                rows.append([item])
                used = w
        return rows

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Place the items in `rect` (when `apply`); returns the height they take."""
        m = self.contentsMargins()
        y = rect.y() + m.top()
        for n, row in enumerate(self.rows(rect.width())):
            if n:
                y += self._row_spacing
            height = max(i.sizeHint().height() for i in row)
            x = rect.x() + m.left()
            for item in row:
                hint = item.sizeHint()
                if apply:
                    # Centred in the row: a label beside a taller field lines up with its text.
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self._spacing
            y += height
        return y + m.bottom() - rect.y()


class FlowBox(QWidget):
    """A widget laid out by a FlowLayout whose minimum height follows its width.

    The project form sits in a QSplitter, which gives its panes the height they ask for
    without asking how high they must be at their width: the box says so through its
    minimum height, set again whenever its width or its items' sizes change the rows."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12, row_spacing: int = 4) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing, row_spacing)

    def fit_height(self) -> None:
        height = self.flow.heightForWidth(self.width())
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
