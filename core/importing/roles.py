"""What a table is, decided by evidence from anywhere in it, and where projects start inside it.

A table's role is not read from fixed places (its first row, its first eight rows):
templates put a department row, a title row or a unit row first, repeat headers on
every page, or hold several projects in one table. Instead every grid is scored:

- header labels (项目编码, 项目名称, 预算数, 绩效目标 … after `text.label_key`) in any row,
  and month labels of the spending plan;
- an indicator header row (一级/二级/三级指标, 指标值 …) at any row;
- value patterns: project codes, amounts, percentages, and the indicator vocabulary
  (产出/效益/满意度指标, 数量/质量/时效/成本指标 …) in the first columns;
- the head row of a budget table (预算年度：…), which only counts when the grid has no
  project evidence (a "115001…本级 | 单位：万元" row opens project tables too).

`project_starts` then finds the rows where a new project begins inside a grid: a
项目编码/项目名称 label row or a title row, extended upwards over the context rows
(title, department, money unit) that precede it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from core.importing import columns
from core.importing.budget_tables import is_budget_table
from core.importing.context import is_context_texts, title_of
from core.importing.layout import GridCell, TableGrid
from core.importing.text import first_token_ems, squash
from core.model import STANDARD_LEVELS


class GridRole(StrEnum):
    PROJECT = "project"  # header fields and/or an indicator header
    INDICATOR_PIECE = "indicator_piece"  # indicator rows without a header (a page piece)
    BUDGET = "budget"
    OTHER = "other"


# The lookahead caps the length first: on a long run of digits (a 1,000,001-digit amount)
# the nested quantifiers backtracked for hours. No project code comes near 40 characters.
_CODE_RE = re.compile(r"^(?=[0-9A-Z]{6,40}$)(?:\d{6,}[A-Z0-9]*[A-Z][A-Z0-9]*\d+[A-Z]?|\d{10,})$")
_AMOUNT_RE = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+\.\d{1,4}$")
_PERCENT_RE = re.compile(r"\d\s*[%％]")
LEVEL_WORDS: frozenset[str] = frozenset(
    [*STANDARD_LEVELS, *(n for names in STANDARD_LEVELS.values() for n in names),
     "产出", "效益", "满意度", "成本"])


@dataclass(slots=True)
class Evidence:
    """What speaks for each role of one grid."""

    header_labels: int = 0  # distinct header fields labelled anywhere
    goal_label: bool = False  # a 绩效目标 label: budget tables never have one
    opener_labels: int = 0  # 项目编码 / 项目名称 label cells
    plan_months: int = 0
    indicator_header_rows: int = 0
    level_words: int = 0  # cells holding 一级/二级 indicator names
    codes: int = 0
    amounts: int = 0
    percents: int = 0
    budget_head: bool = False

    @property
    def score(self) -> int:
        return (3 * self.header_labels + 5 * self.indicator_header_rows + self.level_words
                + 2 * self.codes + self.amounts + self.percents + (1 if self.plan_months >= 2 else 0))

    @property
    def looks_like_data(self) -> bool:
        return self.amounts + self.percents + self.codes + self.level_words >= 2


def evidence(grid: TableGrid) -> Evidence:
    from core.importing.projects import indicator_header

    ev = Evidence()
    fields: set[str] = set()
    for r in range(grid.n_rows):
        if indicator_header(grid, r) is not None:
            ev.indicator_header_rows += 1
            continue
        months = 0
        for cell in grid.distinct_row(r):
            if cell.merged_from_above:
                continue
            text = cell.text.strip()
            if not text:
                continue
            match = columns.match_header_field(text)
            if match is not None:
                fields.add(match.field)
                ev.opener_labels += match.field in ("code", "name")
                continue
            if columns.month_key(text) is not None:
                months += 1
                continue
            key = squash(text)
            if key in LEVEL_WORDS:
                ev.level_words += 1
            elif _CODE_RE.match(key):
                ev.codes += 1
            elif _AMOUNT_RE.match(key):
                ev.amounts += 1
            elif len(key) <= 12 and _PERCENT_RE.search(key):
                ev.percents += 1
        ev.plan_months = max(ev.plan_months, months)
    ev.header_labels = len(fields)
    ev.goal_label = "goal" in fields
    ev.budget_head = is_budget_table(grid)
    return ev


def role_of(ev: Evidence) -> GridRole:
    """The role the evidence decides (see the module docstring)."""
    if ev.indicator_header_rows or ev.opener_labels or ev.goal_label or ev.plan_months >= 2:
        return GridRole.PROJECT
    if ev.budget_head:
        # a budget table's columns are called 预算数 too; its head row decides
        return GridRole.BUDGET
    if ev.header_labels:
        return GridRole.PROJECT
    if ev.level_words >= 2:
        return GridRole.INDICATOR_PIECE
    return GridRole.OTHER


def is_context_row(grid: TableGrid, r: int) -> bool:
    """A row that holds only a title, the department/unit, the money unit or the year."""
    texts = grid.filled_texts(r)
    if not texts or len(texts) > 4:
        return False
    if any(columns.match_header_field(t) is not None for t in texts):
        return False
    if len(texts) == 1 and title_of(texts[0]) is not None:
        return True
    return is_context_texts(texts)


def is_title_row(grid: TableGrid, r: int) -> bool:
    texts = grid.filled_texts(r)
    return len(texts) == 1 and title_of(texts[0]) is not None and columns.match_header_field(texts[0]) is None


def _is_opener(grid: TableGrid, r: int) -> bool:
    return any(not c.merged_from_above and (m := columns.match_header_field(c.text)) is not None
               and m.field in ("code", "name") for c in grid.distinct_row(r))


def _followed_by_table(grid: TableGrid, r: int) -> bool:
    """A title row opens a project only when header labels or an indicator header follow."""
    from core.importing.projects import indicator_header

    for s in range(r + 1, min(grid.n_rows, r + 5)):
        if is_context_row(grid, s):
            continue
        return indicator_header(grid, s) is not None or any(
            columns.match_header_field(c.text) is not None for c in grid.distinct_row(s))
    return r + 1 >= grid.n_rows


def project_starts(grid: TableGrid) -> list[int]:
    """Rows where a project begins in this grid (context rows before an opener included)."""
    starts: list[int] = []
    for r in range(grid.n_rows):
        if not (_is_opener(grid, r) or (is_title_row(grid, r) and _followed_by_table(grid, r))):
            continue
        start = r
        while start > 0 and is_context_row(grid, start - 1):
            start -= 1
        if not starts or (start > starts[-1] and _has_content(grid, starts[-1], start)):
            starts.append(start)
    return starts


@dataclass(slots=True)
class WideTable:
    """A wide table being read: its header row, the column that names projects, and the
    last project name seen (its cell too: a name cut by a page break goes on below)."""

    grid: TableGrid
    head: int
    col: int
    last: str | None = None
    last_cell: GridCell | None = None
    # the other project columns (编码, 预算数, 年度目标, 单位名称 …), not the naming one
    key_cols: list[int] = field(default_factory=list)
    bottom: tuple[TableGrid, int] | None = None  # the last row read, above the next page break
    # (grid index, row) of a page piece's first row that holds the rest of the row cut above
    # the break, its name already read with that row
    rest_at: tuple[int, int] | None = None

    def column_in(self, grid: TableGrid, col: int | None = None) -> int | None:
        """A header column (the naming one by default) in another page piece."""
        return self.grid.column_in(self.col if col is None else col, grid)

    def starts(self, grid: TableGrid, first: int, following: tuple[TableGrid, int] | None = None) -> list[int]:
        """Rows from `first` on where a new project begins (where the name changes).

        `following` is the table's next page piece and its first data row, when one follows:
        a row cut in two by the page break is judged whole, so a name written on every row
        and cut with its row is not taken for a new one (nor its rest below the break)."""
        col = self.column_in(grid)
        if col is None:
            return []
        starts: list[int] = []
        for r in range(first, grid.n_rows):
            cell = grid.rows[r][col]
            texts = grid.filled_texts(r)
            if cell.merged_from_above or not cell.text.strip() or any(columns.is_total_label(t) for t in texts):
                continue
            text = cell.text.strip()
            if self.rest_at == (grid.index, r):  # the lower half of the row cut above the break
                self.rest_at = None
                self.last_cell = cell
                continue
            rest = _lower_half(grid, r, *following, col) if r == grid.n_rows - 1 and following else None
            if rest is not None and following is not None:  # the name: its part above the break and below
                text += rest
                self.rest_at = (following[0].index, following[1])
            # the first data row of a page piece (after the header row it may repeat)
            cut = rest is None and r == first and grid is not self.grid and self.last_cell is not None \
                and self.last_cell.room is not None and self.last_cell.room < first_token_ems(text) + 0.1 \
                and not self._new_key(grid, first)
            if text == self.last:  # the name repeated at the top of a new page: the same project
                pass
            elif cut:  # the rest of a name the page break cut: the same project
                self.last = (self.last or "") + text
            elif self.last is not None and text != self.last:
                starts.append(r)
                self.last = text
            else:
                self.last = text
            self.last_cell = cell
        self.bottom = (grid, grid.n_rows - 1)
        return starts

    def _new_key(self, grid: TableGrid, r: int) -> bool:
        """Whether the first data row r of a page piece states in another project column (编码,
        预算数, 年度目标 …) a text that does not go on the cell above the break, i.e. one that
        could have fitted after that cell's last line, or stands under an empty one: then its
        name cell begins a new project, however little room the name above left."""
        if self.bottom is None:
            return False
        above_grid, bottom = self.bottom
        for key in self.key_cols:
            col, above_col = self.column_in(grid, key), self.column_in(above_grid, key)
            if col is None or col >= len(grid.rows[r]):
                continue
            cell = grid.rows[r][col]
            text = cell.text.strip()
            if cell.merged_from_above or not text:
                continue
            above = above_grid.rows[bottom][above_col] \
                if above_col is not None and above_col < len(above_grid.rows[bottom]) else None
            if above is None or not above.text.strip() or above.room is None \
                    or above.room >= first_token_ems(text) + 0.1:
                return True
        return False


def _lower_half(grid: TableGrid, r: int, below: TableGrid, t: int, col: int) -> str | None:
    """The text of name column `col` in row `t` of page piece `below` when that row is the
    lower half of row `r`, the last of `grid`, cut by the page break; else None. It is when
    each text it holds goes on a cell above whose last line had no room for its first word
    (a new row has some cell that would have fitted), and it names nothing new of its own."""
    name_col = grid.column_in(col, below)
    if name_col is None or t >= below.n_rows or below.rows[t][name_col].merged_from_above:
        return None
    rest = below.rows[t][name_col].text.strip()
    # a 小计/合计 row, or one naming the project again, is a row of its own
    if not rest or rest == grid.rows[r][col].text.strip() \
            or any(columns.is_total_label(text) for text in below.filled_texts(t)):
        return None
    for cell in below.distinct_row(t):
        text = cell.text.strip()
        if cell.merged_from_above or not text:
            continue
        c = below.column_in(cell.col, grid)
        above = grid.rows[r][c] if c is not None and c < len(grid.rows[r]) else None
        if above is None or not above.text.strip() or above.room is None \
                or above.room >= first_token_ems(text) + 0.1:
            return None
    return rest


def wide_table(grid: TableGrid) -> WideTable | None:
    """The wide table this grid opens, else None.

    In a wide table one header row names project columns (项目名称, 项目编码, 预算数 …)
    beside the indicator columns; each project's cells are merged downwards over its
    indicator rows (or repeated on every row), so a project begins where the 项目名称
    (else 编码, else 预算数) cell changes. 合计/小计 rows never begin a project.
    """
    from core.importing.projects import indicator_header

    for h in range(grid.n_rows):
        header = indicator_header(grid, h)
        if header is None:
            continue
        by_field = dict((name, col) for col, name in header.project_fields)
        col = next((by_field[n] for n in ("name", "code", "budget_total") if n in by_field), None)
        keys = [c for c, _ in header.project_fields if c != col] \
            + ([header.dept_col] if header.dept_col is not None else [])
        return None if col is None else WideTable(grid=grid, head=h, col=col, key_cols=keys)
    return None


def _has_content(grid: TableGrid, a: int, b: int) -> bool:
    """Whether rows a..b-1 hold more than context rows and one opener (i.e. a project's body)."""
    return sum(1 for r in range(a, b) if not is_context_row(grid, r)) > 1


def slice_rows(grid: TableGrid, a: int, b: int, head: list[GridCell] | None = None) -> TableGrid:
    """Rows a..b-1 of a grid as a grid of their own (cells keep their row numbers), after
    the header row `head` when a wide table's later project needs its column names."""
    # the header comes from another grid (or another row): its cells are given row -1, so
    # that no cell of the slice reads as merged with it ("spans below" compares anchors)
    own_head = [replace(c, row=-1, anchor=(-1, c.anchor[1])) for c in head] if head is not None else None
    rows = ([own_head] if own_head is not None else []) + grid.rows[a:b]
    return TableGrid(index=grid.index, rows=rows, pages=grid.pages,
                     continues_previous=grid.continues_previous and a == 0, col_x=grid.col_x)
