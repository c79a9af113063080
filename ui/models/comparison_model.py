"""The year comparison as Qt models: the project match list and one aligned side per year.

`build_rows` lines up one matched project of two years (header fields, then the
indicator rows as core.compare matched them), with a blank row where a side has
none, and marks each changed cell from core.compare's change list. The two side
models share these rows, so row i on the left is row i on the right; "changes only"
filters both alike. Changed cells carry a colour AND a symbol (icon, and △ + −
in the row header), never colour alone. A changed amount shows this year's value with
its change as "+12.5 万元（+8.3%）" (core.compare.amounts, from Decimal).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from core.compare import Change, ChangeKind, Comparison, ProjectMatch
from core.compare.match import reason_text
from core.compare.summary import cause_text
from core.model import INDICATOR_COLUMNS, MONEY_FIELDS, SPENDING_PLAN_KEYS, Project
from ui.labels import field_label, ui_lang
from ui.models.indicator_model import COLUMN_TITLES
from ui.models.roles import CHANGE_ROLE, OBJECT_ROLE
from ui.resources import icon
from ui.settings import QT_TRANSLATE_NOOP

SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"
SYMBOLS = {SAME: "", CHANGED: "△", ADDED: "+", REMOVED: "−"}
COLOURS = {CHANGED: QColor("#ffe0b2"), ADDED: QColor("#d8f0dc"), REMOVED: QColor("#f9d6d5")}
BLANK_COLOUR = QColor("#eeeeee")
HEADER_FIELDS: tuple[str, ...] = ("code", "name", *MONEY_FIELDS, "usage",
                                  *(f"spending_plan.{k}" for k in SPENDING_PLAN_KEYS), "goal")


@dataclass(slots=True)
class AlignedRow:
    """One line of the side-by-side view.

    Attributes:
        kind: "field" (a header field: cells[0] label, cells[1] value) or "indicator".
        old, new: the cells of each side, None where that side has no such row.
        status: same, changed, added or removed.
        changed: per column, the change explaining it.
    """

    kind: str
    old: list[str] | None
    new: list[str] | None
    status: str = SAME
    changed: dict[int, Change] = field(default_factory=dict)


def _raw(value: object) -> str:
    return "" if value is None else getattr(value, "raw", str(value))


def _header_value(project: Project, name: str) -> str:
    base, _, key = name.partition(".")
    if base == "spending_plan":
        return _raw((project.spending_plan or {}).get(key))
    text = _raw(getattr(project, base, None))
    if base in MONEY_FIELDS and text and project.money_unit is not None:
        return f"{text}（{project.money_unit.value}）"
    return text


def build_rows(comparison: Comparison, match: ProjectMatch) -> list[AlignedRow]:
    """The aligned rows of one project match, each changed cell tied to its change."""
    old = comparison.old.projects[match.old] if match.old is not None else None
    new = comparison.new.projects[match.new] if match.new is not None else None
    changes = comparison.project_changes(match)
    by_field: dict[str, Change] = {}
    for change in changes:
        if change.kind in (ChangeKind.BUDGET, ChangeKind.PROJECT_FIELD) and change.field is not None:
            by_field[change.field] = change
        elif change.kind is ChangeKind.PROJECT_CODE:
            by_field["code"] = change
    rows: list[AlignedRow] = []
    for name in HEADER_FIELDS:
        label = field_label(name)
        a = [label, _header_value(old, name)] if old is not None else None
        b = [label, _header_value(new, name)] if new is not None else None
        row = AlignedRow("field", a, b)
        if old is None:
            row.status = ADDED
        elif new is None:
            row.status = REMOVED
        elif name in by_field:
            row.status = CHANGED
            row.changed[1] = by_field[name]
            amount = by_field[name].amount_text(ui_lang()) if by_field[name].kind is ChangeKind.BUDGET else None
            if amount and b is not None:
                b[1] = f"{b[1]}　{amount}"
        rows.append(row)
    for im in match.indicators:
        a = [_raw(old.indicators[im.old].get(c)) for c in INDICATOR_COLUMNS] \
            if old is not None and im.old is not None else None
        b = [_raw(new.indicators[im.new].get(c)) for c in INDICATOR_COLUMNS] \
            if new is not None and im.new is not None else None
        row = AlignedRow("indicator", a, b)
        if a is None:
            row.status = ADDED
        elif b is None:
            row.status = REMOVED
        else:
            for change in comparison.row_changes(match, im.old, im.new):
                if change.kind is ChangeKind.INDICATOR_FIELD and change.field in INDICATOR_COLUMNS:
                    row.changed[INDICATOR_COLUMNS.index(change.field)] = change
            if row.changed:
                row.status = CHANGED
        rows.append(row)
    return rows


def change_text(change: Change) -> str:
    from PySide6.QtCore import QCoreApplication

    lines = [QCoreApplication.translate("ComparisonModel", "上年：{old}").format(old=change.old),
             QCoreApplication.translate("ComparisonModel", "本年：{new}").format(new=change.new)]
    if change.cause:
        text = cause_text(change.cause, ui_lang())
        lines.append(QCoreApplication.translate("ComparisonModel", "原因：{cause}").format(cause=text))
    amount = change.amount_text(ui_lang()) if change.kind is ChangeKind.BUDGET else None
    if amount or change.percent:
        lines.append(QCoreApplication.translate("ComparisonModel", "变动：{percent}").format(
            percent=amount or change.percent))
    return "\n".join(lines)


class ComparisonSideModel(QAbstractTableModel):
    """One year's side of the aligned rows (side "old" = last year, "new" = this year)."""

    def __init__(self, side: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert side in ("old", "new")
        self.side = side
        self._rows: list[AlignedRow] = []

    def set_rows(self, rows: Sequence[AlignedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AlignedRow:
        return self._rows[row]

    def cells(self, row: int) -> list[str] | None:
        return getattr(self._rows[row], self.side)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(INDICATOR_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMN_TITLES):
                return QCoreApplication.translate("IndicatorModel", COLUMN_TITLES[section])
            return None
        if not (0 <= section < len(self._rows)):
            return None
        row = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return SYMBOLS[self._side_status(row)] or " "
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(STATUS_TEXT[self._side_status(row)])
        return None

    def _side_status(self, row: AlignedRow) -> str:
        # A row added this year is blank on the left: mark it on the side that has it.
        if row.status == ADDED and self.side == "old":
            return SAME
        if row.status == REMOVED and self.side == "new":
            return SAME
        return row.status

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        cells = getattr(row, self.side)
        col = index.column()
        status = self._side_status(row)
        if cells is None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(BLANK_COLOUR)
            return None
        cell_changed = col in row.changed or (row.kind == "field" and col == 1 and 1 in row.changed)
        marked = status in (ADDED, REMOVED) or cell_changed
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[col] if col < len(cells) else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if marked:
                return QBrush(COLOURS[CHANGED if cell_changed else status])
            if row.kind == "field":
                return QBrush(QColor("#f5f7fa"))
            return None
        if role == Qt.ItemDataRole.DecorationRole and marked:
            first_col = 1 if row.kind == "field" else 0
            if cell_changed:
                return icon("changed")
            if col == first_col:
                return icon(status)
            return None
        if role == Qt.ItemDataRole.FontRole and row.kind == "field" and col == 0:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell_changed:
                return change_text(row.changed[col])
            return cells[col] if col < len(cells) and cells[col] else None
        if role == CHANGE_ROLE:
            if cell_changed:
                return CHANGED
            return status if status != SAME else None
        if role == OBJECT_ROLE:
            return row
        return None


STATUS_TEXT = {
    SAME: QT_TRANSLATE_NOOP("ComparisonSideModel", "相同"),
    CHANGED: QT_TRANSLATE_NOOP("ComparisonSideModel", "有变化"),
    ADDED: QT_TRANSLATE_NOOP("ComparisonSideModel", "本年新增"),
    REMOVED: QT_TRANSLATE_NOOP("ComparisonSideModel", "本年删除"),
}

MATCH_TITLES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("MatchListModel", "上年项目"),
    QT_TRANSLATE_NOOP("MatchListModel", "本年项目"),
    QT_TRANSLATE_NOOP("MatchListModel", "匹配依据"),
    QT_TRANSLATE_NOOP("MatchListModel", "置信度"),
    QT_TRANSLATE_NOOP("MatchListModel", "变化"),
)


class MatchListModel(QAbstractTableModel):
    """Every project of the two years: matched pairs with reason and confidence, and the unmatched."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._counts: list[int] = []

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._counts = [len(comparison.project_changes(m)) for m in comparison.matches] if comparison else []
        self.endResetModel()

    def match_at(self, row: int) -> ProjectMatch:
        assert self._comparison is not None
        return self._comparison.matches[row]

    def change_count(self, row: int) -> int:
        return self._counts[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._comparison is None else len(self._comparison.matches)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MATCH_TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(MATCH_TITLES):
            return self.tr(MATCH_TITLES[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._comparison is None:
            return None
        match = self._comparison.matches[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self._name(self._comparison.old.projects, match.old)
            if col == 1:
                return self._name(self._comparison.new.projects, match.new)
            if col == 2:
                return reason_text(match.reason, ui_lang())
            if col == 3:
                return f"{match.confidence:.0%}" if match.matched else "—"
            if col == 4:
                count = self._counts[index.row()]
                return str(count) if count else ""
        if role == Qt.ItemDataRole.DecorationRole and col == 4 and self._counts[index.row()]:
            if not match.matched:
                return icon("added" if match.new is not None else "removed")
            return icon("changed")
        if role == Qt.ItemDataRole.BackgroundRole and not match.matched:
            return QBrush(COLOURS[ADDED if match.new is not None else REMOVED])
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and match.matched and match.confidence < 0.8:
            return QBrush(QColor("#b35900"))
        if role == OBJECT_ROLE:
            return match
        return None

    @staticmethod
    def _name(projects: Sequence[Project], position: int | None) -> str:
        if position is None:
            return "—"
        project = projects[position]
        seq = f"{project.seq}. " if project.seq is not None else ""
        return seq + project.display_name
