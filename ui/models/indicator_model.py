"""The indicator table of one project (一级/二级/三级/描述/指标值/依据) as a Qt table model.

Each cell shows the submitted text; a reviewer's suggested revision is shown in its
place, distinctly (colour, a marker icon and the original in the tooltip), while
RAW_ROLE always gives the submitted text. Edits are not written here: setData hands
(row, column, text) to the edit handler, which pushes an undoable command that
calls the workspace; the model then refreshes from the workspace's state.

After the six standard columns come the extra columns other provinces' forms add
(权重, 指标性质, 计量单位, 评(扣)分标准 …), one per header any row has, in first-seen
order, titled by that header and shown as written. They are read-only: a suggested
revision is only made to the six columns the checks and the memo know. Without an
edit handler the whole model is read-only (the 长期 grid).

A cell with a reviewer's annotation gives its text under ANNOTATION_ROLE (the view
paints the comment marker, ui/views/comment_marker.py) and in its tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon

from core.model import INDICATOR_COLUMNS, Indicator
from ui.models.roles import ANNOTATION_ROLE, ID_ROLE, RAW_ROLE, REVISED_ROLE
from ui.settings import QT_TRANSLATE_NOOP

COLUMN_TITLES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("IndicatorModel", "一级指标"),
    QT_TRANSLATE_NOOP("IndicatorModel", "二级指标"),
    QT_TRANSLATE_NOOP("IndicatorModel", "三级指标"),
    QT_TRANSLATE_NOOP("IndicatorModel", "指标描述"),
    QT_TRANSLATE_NOOP("IndicatorModel", "指标值"),
    QT_TRANSLATE_NOOP("IndicatorModel", "指标值确定依据"),
)
LEVEL1, LEVEL2, LEVEL3, DESCRIPTION, VALUE, BASIS = range(6)
FIRST_EXTRA = len(INDICATOR_COLUMNS)  # the first column kept under its own header text

# The id of a row the reviewer's layer cannot address (the 长期 grid has no indicator ids).
NO_ID = -1

REVISED_BACKGROUND = QColor("#fff3c4")
REVISED_FOREGROUND = QColor("#1a4b8c")
FINDING_BACKGROUND = QColor("#fde2e1")

EditHandler = Callable[[int, str, str], bool]  # (row, column name, new text) -> accepted


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One row as the model shows it: the indicator, its workspace id, its revisions."""

    indicator_id: int
    indicator: Indicator
    revisions: dict[str, str]  # column name -> suggested text


_ICONS: dict[str, QIcon] = {}


def revised_icon() -> QIcon:
    if "revised" not in _ICONS:
        from ui.resources import icon

        _ICONS["revised"] = icon("revised")
    return _ICONS["revised"]


class IndicatorTableModel(QAbstractTableModel):
    """Rows of one project's indicator table; editable through an edit handler."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IndicatorRow] = []
        self._extra: list[str] = []  # extra column headers, in first-seen order
        self._finding_cells: set[tuple[int, str]] = set()
        self._annotations: dict[tuple[int, str], list[str]] = {}  # (row, column name) -> texts
        self._edit_handler: EditHandler | None = None

    # -- content -------------------------------------------------------------------
    def set_rows(self, rows: Sequence[IndicatorRow], finding_cells: set[tuple[int, str]] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        # A dict keeps the order in which headers first appear, row by row.
        self._extra = list(dict.fromkeys(name for r in self._rows for name in r.indicator.extra))
        self._finding_cells = set(finding_cells or ())
        self._annotations = {}
        self.endResetModel()

    def update_revisions(self, revisions: dict[tuple[int, str], str]) -> None:
        """Replace every row's revisions (keyed by (indicator_id, column)) and repaint."""
        for i, row in enumerate(self._rows):
            new = {col: text for (ind_id, col), text in revisions.items() if ind_id == row.indicator_id}
            if new != row.revisions:
                self._rows[i] = IndicatorRow(row.indicator_id, row.indicator, new)
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    def set_finding_cells(self, cells: set[tuple[int, str]]) -> None:
        self._finding_cells = set(cells)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def set_annotations(self, cells: dict[tuple[int, str], list[str]]) -> None:
        """The annotated cells, (row, column name) -> their texts; repaints the cells that changed."""
        changed = {key for key in cells.keys() | self._annotations.keys()
                   if cells.get(key) != self._annotations.get(key)}
        self._annotations = {key: list(texts) for key, texts in cells.items() if texts}
        for row, column in changed:
            col = self.column_of(column)
            if col is not None and 0 <= row < len(self._rows):
                index = self.index(row, col)
                self.dataChanged.emit(index, index, [ANNOTATION_ROLE, Qt.ItemDataRole.ToolTipRole])

    def annotation(self, row: int, column: int) -> str | None:
        """The annotations on a cell, one per line (None: none)."""
        if not 0 <= column < self.columnCount():
            return None
        texts = self._annotations.get((row, self.column_name(column)))
        return "\n".join(texts) if texts else None

    def set_edit_handler(self, handler: EditHandler | None) -> None:
        self._edit_handler = handler

    @property
    def read_only(self) -> bool:
        """No edit handler: no cell takes a suggested revision (the 长期 grid)."""
        return self._edit_handler is None

    def is_editable(self, column: int) -> bool:
        """Only the six standard columns take revisions; extra columns stay as written."""
        return not self.read_only and 0 <= column < FIRST_EXTRA

    def row_at(self, row: int) -> IndicatorRow:
        return self._rows[row]

    def indicator_ids(self) -> list[int]:
        return [r.indicator_id for r in self._rows]

    def row_of_indicator(self, indicator_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.indicator_id == indicator_id:
                return i
        return None

    def column_name(self, column: int) -> str:
        """The column's name in locations: a standard column's key, else the extra header text
        (core.store.convert.value_at reads a location's column either way)."""
        if column < FIRST_EXTRA:
            return INDICATOR_COLUMNS[column]
        return self._extra[column - FIRST_EXTRA]

    def column_of(self, name: str) -> int | None:
        if name in INDICATOR_COLUMNS:
            return INDICATOR_COLUMNS.index(name)
        return FIRST_EXTRA + self._extra.index(name) if name in self._extra else None

    def submitted(self, row: int, column: int) -> str:
        indicator = self._rows[row].indicator
        if column < FIRST_EXTRA:
            field = indicator.get(INDICATOR_COLUMNS[column])
        else:
            field = indicator.extra.get(self._extra[column - FIRST_EXTRA])
        return "" if field is None else field.raw

    def revised(self, row: int, column: int) -> str | None:
        if column >= FIRST_EXTRA:
            return None
        return self._rows[row].revisions.get(INDICATOR_COLUMNS[column])

    def composed_target(self, row: int) -> str | None:
        """The target the checks read when the form splits it over an operator and a unit
        column (指标性质 "≥", 95, 计量单位 "%" → "≥95%"); None when 指标值 says it all."""
        indicator = self._rows[row].indicator
        composed = indicator.target_text
        return composed if composed.strip() != indicator.value.raw.strip() else None

    def shown(self, row: int, column: int) -> str:
        """What the cell shows: the suggested revision if there is one, else the submitted text."""
        revised = self.revised(row, column)
        return self.submitted(row, column) if revised is None else revised

    # -- Qt API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_EXTRA + len(self._extra)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMN_TITLES):
            return QCoreApplication.translate("IndicatorModel", COLUMN_TITLES[section])
        if orientation == Qt.Orientation.Horizontal and 0 <= section - FIRST_EXTRA < len(self._extra):
            return self._extra[section - FIRST_EXTRA]  # the form's own header, as written
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = index.row(), index.column()
        revised = self.revised(row, col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.shown(row, col)
        if role == RAW_ROLE:
            return self.submitted(row, col)
        if role == REVISED_ROLE:
            return revised
        if role == ID_ROLE:
            return self._rows[row].indicator_id
        if role == ANNOTATION_ROLE:
            return self.annotation(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col, revised)
        if role == Qt.ItemDataRole.DecorationRole and revised is not None:
            return revised_icon()
        if role == Qt.ItemDataRole.BackgroundRole:
            if revised is not None:
                return QBrush(REVISED_BACKGROUND)
            if (row, self.column_name(col)) in self._finding_cells:
                return QBrush(FINDING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and revised is not None:
            return QBrush(REVISED_FOREGROUND)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and revised is not None:
            return self.tr("已建议修改")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def _tooltip(self, row: int, col: int, revised: str | None) -> str | None:
        lines: list[str] = []
        if revised is not None:
            lines.append(self.tr("报送值：{original}\n修改建议：{suggested}").format(
                original=self.submitted(row, col) or self.tr("（空）"), suggested=revised or self.tr("（空）")))
        elif self.submitted(row, col):
            lines.append(self.submitted(row, col))
        if col == VALUE and (composed := self.composed_target(row)) is not None:
            # The cell holds a bare number; the reviewer should see what the checks read.
            lines.append(self.tr("合成的指标值（含运算符列和单位列）：{target}").format(target=composed))
        if (note := self.annotation(row, col)) is not None:
            lines.append(self.tr("批注：{text}").format(text=note))
        return "\n".join(lines) or None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or self._edit_handler is None
                or not self.is_editable(index.column())):
            return False
        text = "" if value is None else str(value)
        if text == self.shown(index.row(), index.column()):
            return False
        return self._edit_handler(index.row(), self.column_name(index.column()), text)
