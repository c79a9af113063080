"""The review progress of a department's projects as a sortable, filterable table model.

One row per project of the current documents (core.store.review_progress): year, number,
name, budget unit, open/accepted/dismissed findings and their total, the reviewer's grade
and the program's proposed grade and score. Column titles come from core's catalogue in
the window's language. SORT_ROLE gives each column's value for sorting (numbers as
numbers, grades best first, blanks last); `ProgressFilter` keeps one year, only projects
with open findings, or names containing a text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from core.messages import label
from core.review import Band
from core.store.review_progress import BAND_ORDER, ProjectProgress, band_text, grade_text
from ui.labels import ui_lang
from ui.models.roles import ID_ROLE, OBJECT_ROLE, SORT_ROLE

COLUMNS: tuple[str, ...] = ("year", "seq", "project", "unit", "open", "accepted", "dismissed", "total", "grade",
                            "proposed", "proposed_total")
(YEAR, SEQ, PROJECT, UNIT, OPEN, ACCEPTED, DISMISSED, TOTAL, GRADE, PROPOSED,
 PROPOSED_TOTAL) = range(len(COLUMNS))
NUMBER_COLUMNS = frozenset({YEAR, SEQ, OPEN, ACCEPTED, DISMISSED, TOTAL, PROPOSED_TOTAL})

OPEN_COLOUR = QColor("#c0392b")
DONE_BACKGROUND = QColor("#e8f5e9")
# A blank number sorts after every real one in ascending order.
_LAST = 10**9


def _band_key(band: Band | None) -> int:
    return BAND_ORDER.index(band) if band is not None else len(BAND_ORDER)


class ProgressTableModel(QAbstractTableModel):
    """Projects with their finding counts and grades (read-only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProjectProgress] = []

    def set_projects(self, projects: Sequence[ProjectProgress]) -> None:
        self.beginResetModel()
        self._rows = list(projects)
        self.endResetModel()

    def project_at(self, row: int) -> ProjectProgress:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return label(f"progress.{COLUMNS[section]}", ui_lang())
        return None

    def _display(self, p: ProjectProgress, col: int) -> str:
        lang = ui_lang()
        values: dict[int, object] = {
            YEAR: p.year or "", SEQ: "" if p.seq is None else p.seq, PROJECT: p.name, UNIT: p.unit_name,
            OPEN: p.counts.open, ACCEPTED: p.counts.accepted, DISMISSED: p.counts.dismissed, TOTAL: p.counts.total,
            GRADE: grade_text(p, lang), PROPOSED: band_text(p.proposed_band, lang),
            PROPOSED_TOTAL: "" if p.proposed_total is None else f"{p.proposed_total:g}"}
        return str(values[col])

    def _sort_key(self, p: ProjectProgress, col: int) -> object:
        if col == YEAR:
            return p.year if p.year is not None else -1
        if col == SEQ:
            return p.seq if p.seq is not None else _LAST
        if col in (PROJECT, UNIT):
            return self._display(p, col)
        if col == OPEN:
            return p.counts.open
        if col == ACCEPTED:
            return p.counts.accepted
        if col == DISMISSED:
            return p.counts.dismissed
        if col == TOTAL:
            return p.counts.total
        if col == GRADE:  # the reviewer's grades best first, then not graded, then not checked
            return _band_key(p.reviewer_band) * 10 + (0 if p.overridden else 1 if p.band is not None else 2)
        if col == PROPOSED:
            return _band_key(p.proposed_band)
        return p.proposed_total if p.proposed_total is not None else -1.0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, col)
        if role == SORT_ROLE:
            return self._sort_key(p, col)
        if role == ID_ROLE:
            return p.project_id
        if role == OBJECT_ROLE:
            return p
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == OPEN and p.counts.open:
            return QBrush(OPEN_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and p.done:
            return QBrush(DONE_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and col in (PROJECT, UNIT):
            return self._display(p, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (GRADE, PROPOSED) and p.result is not None:
            return p.result.value
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ProgressFilter(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; keeps one year (None: all), only projects with open findings, a name text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.year: int | None = None
        self.only_open = False
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def _refilter(self, name: str, value: object) -> None:
        self.beginFilterChange()
        setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_year(self, year: int | None) -> None:
        self._refilter("year", year)

    def set_only_open(self, only_open: bool) -> None:
        self._refilter("only_open", only_open)

    def set_text(self, text: str) -> None:
        self._refilter("text", text.strip().casefold())

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ProgressTableModel):
            return True
        p = model.project_at(source_row)
        if self.year is not None and p.year != self.year:
            return False
        if self.only_open and not p.counts.open:
            return False
        return not self.text or self.text in f"{p.name} {p.code or ''} {p.unit_name}".casefold()
