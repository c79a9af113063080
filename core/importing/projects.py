"""One project's tables → `Project`: header fields, spending plan, goal and indicator rows.

The project's grids (header table, indicator table, and every page piece of them)
are read as one stream of rows, because page breaks may fall anywhere: between two
rows, inside the header table, or inside a row. Header rows are read by their
labels (columns.py), indicator rows by the columns their header row names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from core.importing import columns
from core.importing.layout import GridCell, TableGrid
from core.importing.text import is_word_char, label_key
from core.model import Field, ImportIssue, Indicator, Project, Provenance


@dataclass(slots=True)
class _Row:
    grid: TableGrid
    r: int

    @property
    def cells(self) -> list[GridCell]:
        return self.grid.distinct_row(self.r)

    def prov(self, cell: GridCell) -> Provenance:
        return self.grid.prov(cell.row, cell.col)


@dataclass(slots=True)
class _IndicatorHeader:
    grid: TableGrid
    fields: list[tuple[int, str]]  # (grid column, field name or extra column header)
    keys: list[str] = field(default_factory=list)


def indicator_header(grid: TableGrid, r: int) -> _IndicatorHeader | None:
    """The column map when row r names the indicator columns, else None."""
    fields: list[tuple[int, str]] = []
    known: set[str] = set()
    for cell in grid.distinct_row(r):
        name = columns.indicator_column(cell.text)
        if name is not None and name not in known:
            fields.append((cell.col, name))
            known.add(name)
        elif columns.is_extra_column(cell.text):
            fields.append((cell.col, cell.text.strip()))
    if len(known) >= 3 and ("level3" in known or "level1" in known) and ("value" in known or "level2" in known):
        return _IndicatorHeader(grid=grid, fields=fields,
                                keys=[label_key(c.text) for c in grid.distinct_row(r)])
    return None


def is_project_table(grid: TableGrid) -> bool:
    """A grid that holds a project's header fields or its indicator header row."""
    for r in range(min(grid.n_rows, 8)):
        if indicator_header(grid, r) is not None:
            return True
        if any(columns.header_field(c.text) in ("code", "goal", "budget_total") for c in grid.distinct_row(r)):
            return True
    return False


def starts_project_table(grid: TableGrid) -> bool:
    """True when the grid's first row opens a header or indicator table (not a page piece)."""
    if grid.n_rows == 0:
        return False
    if indicator_header(grid, 0) is not None:
        return True
    return any(columns.header_field(c.text) in ("code", "name") for c in grid.distinct_row(0))


def _join_cut(top: str, bottom: str) -> str:
    if not top or not bottom:
        return top + bottom
    return top + (" " if is_word_char(top[-1]) and is_word_char(bottom[0])
                  and top[-1].isalpha() and bottom[0].isalpha() else "") + bottom


class ProjectReader:
    """Reads the row stream of one project into a Project."""

    def __init__(self, project: Project, issues: list[ImportIssue]) -> None:
        self.project = project
        self.issues = issues
        self.header: _IndicatorHeader | None = None
        self.months: list[str] | None = None
        self.after_budget_row = False
        self.last_cells: dict[str, GridCell] = {}  # indicator field → last row's cell
        self.piece_start = False  # a new page piece began and no data row was read from it yet

    def read(self, grids: list[TableGrid]) -> Project:
        for g_i, grid in enumerate(grids):
            self.piece_start = g_i > 0
            for r in range(grid.n_rows):
                self._row(_Row(grid=grid, r=r))
        return self.project

    # --- header part -------------------------------------------------------------
    def _row(self, row: _Row) -> None:
        header = indicator_header(row.grid, row.r)
        if header is not None:
            if self.header is None or header.keys != self.header.keys:
                self.header = header
                self.piece_start = False
            return  # a repeated header row on a new page is skipped
        if self.header is not None:
            self._indicator_row(row)
            self.piece_start = False
            return
        self._header_row(row)

    def _set(self, name: str, value: Field) -> None:
        if getattr(self.project, name) is None:
            setattr(self.project, name, value)

    def _header_row(self, row: _Row) -> None:
        cells = row.cells
        if not cells:
            return
        if self.months is not None:
            self._plan_values(row, cells)
            return
        months = [columns.month_key(c.text) for c in cells]
        if sum(m is not None for m in months) >= 2:
            self.months = [m for m in months if m is not None]
            self.after_budget_row = False
            return
        found_label = False
        for i, cell in enumerate(cells):
            name = columns.header_field(cell.text)
            if name is None or cell.merged_from_above:
                continue
            found_label = True
            if i + 1 < len(cells) and columns.header_field(cells[i + 1].text) is None:
                value = cells[i + 1]
                self._set(name, Field(value.text.strip(), row.prov(value)))
            elif name != "usage":
                self._set(name, Field("", row.prov(cell)))
            if name == "budget_total":
                self.after_budget_row = True
        if found_label:
            return
        if self.after_budget_row and self.project.usage is None:
            parts = [c for c in cells if not c.merged_from_above and not columns.is_block_label(c.text)]
            if parts and not parts[0].text.strip() and len(parts) > 1 and parts[0].col == 0:
                parts = parts[1:]
            if parts:
                self.project.usage = Field("".join(c.text.strip() for c in parts), row.prov(parts[0]))
            self.after_budget_row = False

    def _plan_values(self, row: _Row, cells: list[GridCell]) -> None:
        months = self.months or []
        values = cells[-len(months):]
        plan = {m: Field("", Provenance()) for m in months}
        for month, cell in zip(months[-len(values):], values, strict=False):
            plan[month] = Field(cell.text.strip(), row.prov(cell))
        self.project.spending_plan = plan
        self.months = None

    # --- indicator part ----------------------------------------------------------
    def _cell_for(self, row: _Row, col: int, order: int) -> GridCell | None:
        header = self.header
        assert header is not None
        if row.grid.n_cols == header.grid.n_cols:
            return row.grid.rows[row.r][col] if col < row.grid.n_cols else None
        cells = row.cells
        return cells[order] if order < len(cells) else None

    def _indicator_row(self, row: _Row) -> None:
        header = self.header
        assert header is not None
        values: dict[str, Field] = {}
        cells: dict[str, GridCell] = {}
        for order, (col, name) in enumerate(header.fields):
            cell = self._cell_for(row, col, order)
            if cell is None:
                continue
            cells[name] = cell
            values[name] = Field(cell.text.strip(), row.prov(cell))
        if not any(v.raw for v in values.values()):
            return

        def blank(name: str) -> bool:
            return name not in values or not values[name].raw

        indicators = self.project.indicators
        if self.piece_start and indicators and self._is_cut_row(values, blank):
            self._join_cut_row(row, values)
            return
        if indicators:
            prev = indicators[-1]
            level1_blank = blank("level1")
            if level1_blank:
                values["level1"] = Field(prev.level1.raw, values.get("level1", prev.level1).prov)
            # A 二级 cell merged downwards shows empty below its first row, and at the top of
            # a page piece when the merge crossed the page break.
            cell2 = cells.get("level2")
            in_merge = cell2 is not None and cell2.merged_from_above
            if blank("level2") and (in_merge or self._merged("level2") or (self.piece_start and level1_blank)):
                values["level2"] = Field(prev.level2.raw, values.get("level2", prev.level2).prov)
        empty = Field("", row.prov(row.cells[0]) if row.cells else Provenance())
        has_basis = any(name == "basis" for _, name in header.fields)
        indicator = Indicator(
            level1=values.get("level1", empty), level2=values.get("level2", empty),
            level3=values.get("level3", empty), description=values.get("description", empty),
            value=values.get("value", empty), basis=values.get("basis", empty) if has_basis else None,
            extra={n: v for n, v in values.items() if n not in columns.INDICATOR_COLUMN_NAMES},
        )
        indicators.append(indicator)
        self.last_cells = cells

    def _merged(self, name: str) -> bool:
        """Whether the previous row's cell of this column was part of a vertical merge."""
        cell = self.last_cells.get(name)
        return cell is not None and (cell.merged_from_above or cell.anchor[0] < cell.row)

    def _is_cut_row(self, values: dict[str, Field], blank: Callable[[str], bool]) -> bool:
        """The first row of a page piece that is the lower half of a row cut by the page break.

        A real row always names its 三级指标; level names end in 指标, so a level cell
        that only becomes a name when joined to the previous row's cell was cut too; and
        a row whose levels are empty (not merged) and that leaves cells empty that the row
        above filled holds only the overflow of that row.
        """
        prev = self.project.indicators[-1]
        others = [n for n in ("description", "value", "basis") if not blank(n)]
        if blank("level3") and others:
            return True
        for name in ("level1", "level2"):
            top, bottom = prev.get(name), values.get(name)
            if top is not None and bottom is not None and bottom.raw and top.raw \
                    and not top.raw.endswith("指标") and (top.raw + bottom.raw).endswith("指标"):
                return True
        if blank("level1") and blank("level2") and prev.level2.raw:
            emptied = [n for n in ("description", "value", "basis")
                       if blank(n) and (old := prev.get(n)) is not None and old.raw]
            return bool(emptied)
        return False

    def _join_cut_row(self, row: _Row, values: dict[str, Field]) -> None:
        prev = self.project.indicators[-1]
        for name, value in values.items():
            old = prev.get(name) if name in columns.INDICATOR_COLUMN_NAMES else prev.extra.get(name)
            if old is None or not value.raw:
                continue
            joined = Field(_join_cut(old.raw, value.raw), old.prov)
            if name in columns.INDICATOR_COLUMN_NAMES:
                setattr(prev, name, joined)
            else:
                prev.extra[name] = joined
        prov = row.prov(row.cells[0]) if row.cells else Provenance()
        self.issues.append(ImportIssue(
            code="row_split",
            message=f"{prov.describe()}：一行指标被分页截断，已与上一页的部分合并，请核对。",
            prov=prov, project_seq=self.project.seq,
            indicator_index=len(self.project.indicators) - 1,
        ))
