"""The budget tables of a 预算公开 document (部门预算收支总表 …), every cell as written.

Such a table opens with a row naming the department, the budget year and the money
unit ("113唐山市人民政府办公室 | 预算年度：2023 | 单位：万元"); its other rows are kept
cell by cell: horizontal merges count once, a cell continuing a vertical merge is "".
A table continued on a later page drops the header rows it repeats.
"""

from __future__ import annotations

import re

from core.importing.context import segments
from core.importing.layout import TableGrid
from core.importing.paragraphs import unit_line
from core.importing.text import squash
from core.model import BudgetTable, Field

_YEAR_LABEL_RE = re.compile(r"^预算年度\s*[:：]\s*")
_UNIT_LABEL_RE = re.compile(r"^(?:金额)?单位\s*[:：]\s*")


def _is_head_row(grid: TableGrid, r: int) -> bool:
    texts = [t for c in grid.distinct_row(r) for t in segments(c.text)]
    return any(_YEAR_LABEL_RE.match(t) for t in texts) or (
        any(_UNIT_LABEL_RE.match(t) for t in texts) and any(unit_line(t) for t in texts))


def is_budget_table(grid: TableGrid) -> bool:
    """A grid whose first rows name department, 预算年度 and 单位."""
    return any(_is_head_row(grid, r) for r in range(min(grid.n_rows, 2)))


def _row_texts(grid: TableGrid, r: int) -> list[str]:
    return ["" if c.merged_from_above else c.text.strip() for c in grid.distinct_row(r)]


def _header_end(grid: TableGrid, start: int) -> int:
    """End of the column-header rows: through the 栏次 row when there is one, else two rows."""
    for r in range(start, min(grid.n_rows, start + 5)):
        cells = _row_texts(grid, r)
        if cells and squash(cells[0]) == "栏次":
            return r + 1
    return min(grid.n_rows, start + 2)


def read_budget_table(title: Field, grids: list[TableGrid]) -> BudgetTable:
    table = BudgetTable(title=title)
    first = grids[0]
    start = 0
    while start < min(first.n_rows, 3) and _is_head_row(first, start):
        for cell in first.distinct_row(start):
            prov = first.cell_prov(cell)
            # one cell may hold several fields: "113…办公室<TAB>预算年度：2023<TAB>单位：万元"
            for text in segments(cell.text):
                if m := _YEAR_LABEL_RE.match(text):
                    table.year = Field(text[m.end():].strip(), prov)
                elif m := _UNIT_LABEL_RE.match(text):
                    table.unit = Field(text[m.end():].strip(), prov)
                elif text and table.dept is None:
                    table.dept = Field(text, prov)
        start += 1
    header_keys = [[squash(t) for t in _row_texts(first, r)] for r in range(start, _header_end(first, start))]
    for g_i, grid in enumerate(grids):
        r0 = start if g_i == 0 else 0
        if g_i > 0:
            while r0 < grid.n_rows and (_is_head_row(grid, r0)
                                        or [squash(t) for t in _row_texts(grid, r0)] in header_keys):
                r0 += 1
        for r in range(r0, grid.n_rows):
            table.rows.append([Field(t, grid.cell_prov(c))
                               for t, c in zip(_row_texts(grid, r), grid.distinct_row(r), strict=True)])
    return table
