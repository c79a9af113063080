"""The year comparison window: the project match list above, last year | this year below.

The two tables show the same aligned rows (ui/models/comparison_model.py), so
scrolling and the current row are kept in step between them; "只看变化" hides the
rows without a change on both sides at once. Long cells wrap: each row is as high as
its taller side needs (up to MAX_LINES lines, the rest in the tooltip), set alike on
both sides so a row stays level with its counterpart. A double-click on a project of the
match list (this year's, else last year's) or on a row of one side asks to show that
year's project (`project_activated`: side "old"/"new", position in its document).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.compare import Comparison
from ui.models.comparison_model import SAME, ComparisonSideModel, MatchListModel, build_rows

MAX_LINES = 4
# What a cell's text loses of the column's width: the delegate's margins and grid line,
# and the change symbol's icon where the cell has one.
CELL_PADDING = 8
ICON_SPACE = 22


class ComparisonView(QWidget):
    """Side-by-side comparison of a department's documents of two years."""

    match_selected = Signal(int)
    project_activated = Signal(str, int)  # side ("old" or "new"), the project's position in its document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("年度对比"))
        self.comparison: Comparison | None = None
        self.matches = MatchListModel(self)
        self.old_model = ComparisonSideModel("old", self)
        self.new_model = ComparisonSideModel("new", self)
        self._rows_all: list = []
        self._syncing = False

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.changes_only = QCheckBox(self.tr("只看变化"))
        self.changes_only.toggled.connect(self._apply_filter)

        self.match_view = QTableView()
        self.match_view.setObjectName("matchList")
        self.match_view.setModel(self.matches)
        self.match_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.match_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.match_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.match_view.verticalHeader().hide()
        header = self.match_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.match_view.selectionModel().currentRowChanged.connect(self._on_match)
        self.match_view.doubleClicked.connect(self._match_activated)

        self.old_view = self._side_view("oldSide", self.old_model)
        self.new_view = self._side_view("newSide", self.new_model)
        self.old_title = QLabel()
        self.new_title = QLabel()
        for label in (self.old_title, self.new_title):
            label.setStyleSheet("font-weight: bold; padding: 2px;")

        sides = QSplitter(Qt.Orientation.Horizontal)
        for title, view in ((self.old_title, self.old_view), (self.new_title, self.new_view)):
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(title)
            lay.addWidget(view)
            sides.addWidget(box)

        self.old_view.doubleClicked.connect(lambda _index: self._side_activated("old"))
        self.new_view.doubleClicked.connect(lambda _index: self._side_activated("new"))
        self._link(self.old_view, self.new_view)
        self._link(self.new_view, self.old_view)
        # Column widths change with the window and the splitter: fit the rows again once they settle.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.timeout.connect(self.fit_rows)
        for view in (self.old_view, self.new_view):
            view.horizontalHeader().sectionResized.connect(lambda *_: self._refit.start())

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.changes_only)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.match_view)
        split.addWidget(sides)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _side_view(self, name: str, model: ComparisonSideModel) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)  # before the column widths: a view without columns forgets them
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # The row header carries the change symbol (△ + −): large enough to read at a glance.
        symbols = view.verticalHeader().font()
        symbols.setBold(True)
        symbols.setPointSizeF(symbols.pointSizeF() * 1.25)
        view.verticalHeader().setFont(symbols)
        # Both sides keep the same viewport height whatever their widths, so one scroll
        # position means the same rows on both.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        for column, width in enumerate((100, 96, 120, 140, 110, 110)):
            view.setColumnWidth(column, width)
        return view

    def _link(self, source: QTableView, target: QTableView) -> None:
        """Keep `target` scrolled and on the same row as `source`."""
        def scroll(value: int) -> None:
            if not self._syncing:
                self._syncing = True
                target.verticalScrollBar().setValue(value)
                self._syncing = False

        def select(current: QModelIndex, _previous: QModelIndex) -> None:
            if self._syncing or not current.isValid():
                return
            self._syncing = True
            index = target.model().index(current.row(), 0)
            target.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            target.scrollTo(index)
            self._syncing = False

        source.verticalScrollBar().valueChanged.connect(scroll)
        source.selectionModel().currentRowChanged.connect(select)

    # -- content ---------------------------------------------------------------------
    def set_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        old_year, new_year = comparison.old.year, comparison.new.year
        self.old_title.setText(self.tr("上年 {year} · {file}").format(
            year=old_year or "", file=comparison.old.source_name))
        self.new_title.setText(self.tr("本年 {year} · {file}").format(
            year=new_year or "", file=comparison.new.source_name))
        matched = sum(1 for m in comparison.matches if m.matched)
        added = sum(1 for m in comparison.matches if m.old is None)
        removed = sum(1 for m in comparison.matches if m.new is None)
        self.summary.setText(self.tr(
            "{dept}：匹配 {matched} 个项目，本年新增 {added} 个，本年删除 {removed} 个，共 {changes} 处变化").format(
            dept=comparison.new.org.dept_name, matched=matched, added=added, removed=removed,
            changes=len(comparison.changes)))
        self.matches.set_comparison(comparison)
        if comparison.matches:
            first = next((i for i in range(len(comparison.matches)) if self.matches.change_count(i)), 0)
            self.select_match(first)

    def select_match(self, row: int) -> None:
        index = self.matches.index(row, 0)
        self.match_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.match_view.scrollTo(index)

    def _match_activated(self, index: QModelIndex) -> None:
        """A double-click in the match list: this year's project, else last year's (a dropped one)."""
        if self.comparison is None or not index.isValid():
            return
        match = self.matches.match_at(index.row())
        if index.column() == 0 and match.old is not None:  # the old name itself was double-clicked
            self.project_activated.emit("old", match.old)
        elif match.new is not None:
            self.project_activated.emit("new", match.new)
        elif match.old is not None:
            self.project_activated.emit("old", match.old)

    def _side_activated(self, side: str) -> None:
        """A double-click on a row of one side: that year's project of the current match."""
        current = self.match_view.currentIndex()
        if self.comparison is None or not current.isValid():
            return
        match = self.matches.match_at(current.row())
        position = match.old if side == "old" else match.new
        if position is not None:
            self.project_activated.emit(side, position)

    def _on_match(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.comparison is None or not current.isValid():
            return
        self._rows_all = build_rows(self.comparison, self.matches.match_at(current.row()))
        self._apply_filter()
        self.match_selected.emit(current.row())

    def _apply_filter(self) -> None:
        rows = self._rows_all
        if self.changes_only.isChecked():
            rows = [r for r in rows if r.status != SAME]
        self.old_model.set_rows(rows)
        self.new_model.set_rows(rows)
        for view, model in ((self.old_view, self.old_model), (self.new_view, self.new_model)):
            view.clearSpans()
            for i in range(model.rowCount()):
                if model.row_at(i).kind == "field":
                    view.setSpan(i, 1, 1, model.columnCount() - 1)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Give row i on both sides the height the taller of its two sides needs for its wrapped text."""
        plain = self.old_view.fontMetrics()
        line = plain.lineSpacing()
        one_line = self.old_view.verticalHeader().defaultSectionSize()
        sides = ((self.old_view, self.old_model), (self.new_view, self.new_model))
        for i in range(self.old_model.rowCount()):
            lines = 1
            for view, model in sides:
                cells = model.cells(i)
                for col, text in enumerate(cells or ()):
                    if not text:
                        continue
                    spanned = model.row_at(i).kind == "field" and col == 1
                    width = (sum(view.columnWidth(c) for c in range(1, model.columnCount())) if spanned
                             else view.columnWidth(col)) - CELL_PADDING
                    if model.index(i, col).data(Qt.ItemDataRole.DecorationRole) is not None:
                        width -= ICON_SPACE
                    font = model.index(i, col).data(Qt.ItemDataRole.FontRole)
                    metrics = QFontMetrics(font) if isinstance(font, QFont) else plain
                    box = metrics.boundingRect(QRect(0, 0, max(width, line), 100 * line),
                                               Qt.TextFlag.TextWordWrap, text)
                    lines = max(lines, round(box.height() / line))
            height = one_line + (min(lines, MAX_LINES) - 1) * line
            for view, _model in sides:
                if view.rowHeight(i) != height:
                    view.setRowHeight(i, height)
