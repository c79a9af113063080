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
from core.importing.context import Context, apply_label, dept_of, label_pair, read_context_cells, title_of
from core.importing.layout import GridCell, TableGrid
from core.importing.roles import is_context_row
from core.importing.text import first_token_ems, is_word_char, label_key, label_unit, squash
from core.model import (
    ANNUAL,
    LONG_TERM,
    MONEY_FIELDS,
    CostItem,
    Field,
    ImportIssue,
    Indicator,
    Project,
    Provenance,
    StatedTotal,
)
from core.numerals import parse_chinese_number
from core.values import MoneyUnit, parse_money


@dataclass(slots=True)
class _Row:
    grid: TableGrid
    r: int

    @property
    def cells(self) -> list[GridCell]:
        return self.grid.distinct_row(self.r)

    def prov(self, cell: GridCell) -> Provenance:
        return self.grid.cell_prov(cell)

    @property
    def texts(self) -> list[str]:
        return self.grid.filled_texts(self.r)


@dataclass(slots=True)
class _IndicatorHeader:
    grid: TableGrid
    fields: list[tuple[int, str]]  # (grid column, field name or extra column header)
    keys: list[str] = field(default_factory=list)
    fuzzy: list[columns.LabelMatch] = field(default_factory=list)
    # a wide table's project columns (项目名称, 预算数, 年度目标 …) and its 单位名称 column
    project_fields: list[tuple[int, str]] = field(default_factory=list)
    dept_col: int | None = None
    period: str | None = None  # named in the header row (长期绩效指标 | 一级指标 | …)


def indicator_header(grid: TableGrid, r: int) -> _IndicatorHeader | None:
    """The column map when row r names the indicator columns, else None.

    Three known columns make a header row; then a cell named only similarly to a known
    column is taken for it (reported), and any other named cell is an extra column kept
    under its own header, never dropped.
    """
    def spans_below(cell: GridCell) -> bool:
        """A block label merged down over the data rows (绩效指标, 长期绩效指标), not a column."""
        return r + 1 < grid.n_rows and cell.col < len(grid.rows[r + 1]) \
            and grid.rows[r + 1][cell.col].anchor == cell.anchor

    # a header cell two header rows tall is merged from above; a block label spans on below
    cells = [c for c in grid.distinct_row(r) if not c.merged_from_above or not spans_below(c)]
    exact = {c.col: m for c in cells if (m := columns.match_indicator_column(c.text)) is not None}
    known = {m.field for m in exact.values()}
    if not (len(known) >= 3 and ("level3" in known or "level1" in known) and ("value" in known or "level2" in known)):
        return None
    header = _IndicatorHeader(grid=grid, fields=[], keys=[label_key(c.text) for c in grid.distinct_row(r)])
    taken: set[str] = set()
    for cell in cells:
        text = cell.text.strip()
        match = exact.get(cell.col) or columns.match_indicator_column(cell.text, fuzzy=True)
        if match is not None and match.field not in taken and (match.field not in known or not match.fuzzy):
            header.fields.append((cell.col, match.field))
            taken.add(match.field)
            if match.fuzzy:
                header.fuzzy.append(match)
        elif (period := columns.period_of(text)) is not None:
            header.period = period
        elif spans_below(cell):
            continue
        elif (project_field := columns.match_header_field(text)) is not None \
                and project_field.field in columns.PROJECT_COLUMN_FIELDS:
            header.project_fields.append((cell.col, project_field.field))
        elif columns.context_label(text) == "dept" and header.dept_col is None:
            header.dept_col = cell.col
        elif text:
            header.fields.append((cell.col, text))
    return header


def _join_cut(top: str, bottom: str) -> str:
    if not top or not bottom:
        return top + bottom
    return top + (" " if is_word_char(top[-1]) and is_word_char(bottom[0])
                  and top[-1].isalpha() and bottom[0].isalpha() else "") + bottom


def is_footer_cells(mapped: list[GridCell]) -> bool:
    """A row under the indicator grid made of one or two cells spanning its columns
    ("其他说明的问题 | 无", "主管部门审核意见：…"): the form's footer, not an indicator.
    `mapped` holds the row's cell under each indicator column."""
    if len(mapped) < 4:
        return False
    if len({c.anchor for c in mapped}) <= 2:
        return True
    filled = [c for c in mapped if c.text.strip()]
    # one labelled text alone on the row ("主管部门审核意见：…  单位公章：")
    return len({c.anchor for c in filled}) == 1 and any(m in filled[0].text for m in "：:")


def is_footer_row(grid: TableGrid, r: int, header: _IndicatorHeader) -> bool:
    row = grid.rows[r]
    return is_footer_cells([row[col] for col, _ in header.fields if col < len(row)])


class ProjectReader:
    """Reads the row stream of one project into a Project."""

    def __init__(self, project: Project, issues: list[ImportIssue]) -> None:
        self.project = project
        self.issues = issues
        # what the table itself says about the project's context (wins over paragraphs)
        self.context = Context()
        self.fuzzy: list[columns.LabelMatch] = []
        self.seen_label = False  # a header label or indicator header was read
        self.read_rows: dict[tuple[int, int], bool] = {}  # (table, row) → gave data
        # a paragraph above the table that does not read as a title ("预算项目绩效目标"): a
        # title row inside the table replaces it
        self.weak_title = False
        self.period = ANNUAL  # the grid being read: 年度 (the project's indicators) or 长期
        self.column_labels: dict[int, str] = {}  # labels written above their values (长期目标 | 年度目标)
        # the header values read last (one, or several read side by side under their labels)
        self.last_header_cells: list[tuple[str, GridCell]] = []
        self.last_label_cell: GridCell | None = None  # the first-column cell of the header row read last
        self.project_cells: dict[str, GridCell] = {}  # a wide table's project cells as last read
        self.cost_columns: dict[int, str] | None = None  # in a cost-structure table: col → field
        self.cost_grid: TableGrid | None = None  # the grid whose columns those are
        self.grid_rows_read = 0  # non-blank rows after an indicator header that were read as something
        self.header: _IndicatorHeader | None = None
        self.grid_keys: list[str] | None = None  # the keys of the indicator header read last
        self.months: list[str] | None = None
        self.after_budget_row = False
        self.last_cells: dict[str, GridCell] = {}  # indicator field → last row's cell
        self.piece_start = False  # a new page piece began and no data row was read from it yet
        self.totals: list[StatedTotal] = []  # 小计/合计 rows met after this project's rows

    def read(self, grids: list[TableGrid]) -> Project:
        for g_i, grid in enumerate(grids):
            self.piece_start = g_i > 0
            for r in range(grid.n_rows):
                row = _Row(grid=grid, r=r)
                key = (grid.index, grid.rows[r][0].row if grid.rows[r] else r)
                self.read_rows[key] = self._row(row)
        self._apply_context()
        if self.project.budget_total is None and self.project.cost_total is not None:
            # a form without 预算数 states the project's budget as its cost table's 合计
            self.project.budget_total = self.project.cost_total
        return self.project

    def _apply_context(self) -> None:
        if self.context.dept is not None:
            self.project.dept_code, self.project.dept_name = self.context.dept
        if self.context.money_unit is not None:
            self.project.money_unit = self.context.money_unit

    def _context_row(self, row: _Row) -> bool:
        """A title, department, money unit or year row before the header labels."""
        if not is_context_row(row.grid, row.r):  # the same test that cut the grid at projects
            return False
        texts = row.texts
        if len(texts) == 1 and (title := title_of(texts[0])) is not None:
            number, rest = title
            if self.project.title.blank or self.weak_title:
                cell = next(c for c in row.cells if c.text.strip())
                self.project.title = Field(rest, row.prov(cell))
                self.project.prov = row.prov(cell)
                self.project.seq = parse_chinese_number(number) if number is not None else None
                self.weak_title = False
            return True
        found = read_context_cells(texts)
        self.context.dept = found.dept or self.context.dept
        self.context.money_unit = found.money_unit or self.context.money_unit
        self.context.year = found.year or self.context.year
        return True

    # --- header part -------------------------------------------------------------
    def _row(self, row: _Row) -> bool:
        """Read one row; True when it gave data (or was a header the data depends on)."""
        header = indicator_header(row.grid, row.r)
        if header is not None:
            self.seen_label = True
            if header.period is not None:
                self.period = header.period
            if self.header is None or header.keys != self.header.keys:
                # a header repeated on a new page after a row that closed the grid (a 金额单位
                # line spanning the table) leaves the page piece's first data row to come
                repeated = self.grid_keys == header.keys
                self.header, self.grid_keys = header, header.keys
                self.fuzzy.extend(header.fuzzy)
                self.piece_start = self.piece_start and repeated
            return True  # a repeated header row on a new page is skipped
        texts = row.texts
        if len(texts) == 1 and (period := columns.period_of(texts[0])) is not None:
            self.period = period  # "年度绩效指标" on a row of its own opens the next grid
            self.grid_rows_read += self.header is not None
            return True
        if self.header is not None and any(columns.is_total_label(t) for t in texts):
            self.grid_rows_read += 1  # a 合计/小计 row of a wide table totals the unit: not an indicator
            self._total_row(row, self.header)
            return True
        if self.header is not None and is_footer_cells(
                [c for order, (col, _) in enumerate(self.header.fields)
                 if (c := self._cell_for(row, col, order)) is not None]):
            self.header = None  # the grid ended; what follows is the form's footer
            return False
        if self.header is not None:
            read = self._indicator_row(row)
            self.piece_start = False
            self.grid_rows_read += read
            return read
        if not self.seen_label and self._context_row(row):
            return True
        return self._header_row(row)

    def _set(self, name: str, value: Field) -> None:
        if getattr(self.project, name) is None:
            setattr(self.project, name, value)

    def _label(self, cells: list[GridCell], i: int) -> columns.LabelMatch | None:
        """The header field cell i labels; by similarity only when a value cell follows."""
        cell = cells[i]
        if cell.merged_from_above:
            return None
        match = columns.match_header_field(cell.text)
        if match is None and i + 1 < len(cells) and cells[i + 1].text.strip() \
                and columns.match_header_field(cells[i + 1].text) is None:
            match = columns.match_header_field(cell.text, fuzzy=True)
        return match

    def _note_unit(self, text: str) -> None:
        unit = label_unit(text)
        if unit is not None:
            self.context.money_unit = MoneyUnit.YUAN if unit == "元" else MoneyUnit.WAN_YUAN

    def _pairs(self, row: _Row, cells: list[GridCell]) -> bool:
        """Cells holding "标签：值" of header fields ("项目名称：…", "预算数：12.00")."""
        found = False
        for cell in cells:
            if cell.merged_from_above:
                continue
            # one pair a line: "资金总额：10606.75" / "财政拨款：6923.36" / "其中：上级财政资金：…"
            for line in cell.text.split("\n"):
                line = line.strip()
                pair = label_pair(line)
                if pair is not None and columns.match_header_field(pair[0]) is None and pair[0] == "其中":
                    pair = label_pair(pair[1])
                if pair is None:
                    continue
                match = columns.match_header_field(pair[0])
                if match is None and (funding := columns.funding_label(pair[0])) is not None and pair[1]:
                    self.project.funding.setdefault(funding, Field(pair[1], row.prov(cell)))
                    found = True
                    continue
                if match is None or not pair[1]:
                    continue
                self._note_unit(pair[0])
                self._set(match.field, Field(pair[1], row.prov(cell)))
                found = True
        return found

    def _column_values(self, row: _Row, cells: list[GridCell]) -> bool:
        """The row under a row of labels (长期目标 | 年度目标): each value under its label."""
        by_col = {c.col: c for c in cells}
        found = False
        read: list[tuple[str, GridCell]] = []
        for col, name in self.column_labels.items():
            cell = by_col.get(col)
            if cell is not None and not cell.merged_from_above and cell.text.strip():
                self._set(name, Field(cell.text.strip(), row.prov(cell)))
                read.append((name, cell))
                found = True
        if read:
            self.last_header_cells = read
        self.column_labels = {}
        return found

    def _continues_header_value(self, row: _Row, live: list[GridCell]) -> bool:
        """The top row of a page piece holding only the rest of the value above the break
        (a 绩效目标 cut by the page): joined to it when that value's last line was full."""
        if len(live) != 1:
            return False
        # of values side by side, the one whose last line was full (the others had room left)
        cut = [(name, above) for name, above in self.last_header_cells
               if above.room is not None and above.room < first_token_ems(live[0].text) + 0.1]
        if len(cut) != 1:
            return False
        name = cut[0][0]
        value: Field | None = getattr(self.project, name, None)
        if value is None:
            return False
        lines = [ln.strip() for ln in live[0].text.split("\n") if ln.strip()]
        if name in MONEY_FIELDS and lines and self._funding_pairs(lines, row.prov(live[0])):
            pass  # the funding lines of an amount cell went on below the break: they fill their fields
        elif name in MONEY_FIELDS and len(lines) > 1 and self._funding_pairs(lines[1:], row.prov(live[0])):
            setattr(self.project, name, Field(_join_cut(value.raw, lines[0]), value.prov))
        else:
            setattr(self.project, name, Field(_join_cut(value.raw, live[0].text.strip()), value.prov))
        self.last_header_cells = [(name, live[0])]
        return True

    def _funding_lines(self, text: str, prov: Provenance) -> str:
        """A value cell that goes on with "标签：值" lines (资金总额 10606.75, then 财政拨款：…,
        其他：…): its first line is the value, the lines below fill their own fields."""
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        if len(lines) < 2 or not self._funding_pairs(lines[1:], prov):
            return text  # not a list of funding lines: the value as written
        return lines[0]

    def _funding_pairs(self, lines: list[str], prov: Provenance) -> bool:
        """Lines that are all "标签：值" of header fields or funding lines, each filling its
        field; False (nothing filled) when any line is something else."""
        pairs = [label_pair(ln.removeprefix("其中：").removeprefix("其中:")) for ln in lines]
        if not pairs or any(p is None or (columns.match_header_field(p[0]) is None
                                          and columns.funding_label(p[0]) is None) for p in pairs):
            return False
        for pair in pairs:
            assert pair is not None
            match = columns.match_header_field(pair[0])
            if match is not None and pair[1]:
                self._set(match.field, Field(pair[1], prov))
            elif (funding := columns.funding_label(pair[0])) is not None and pair[1]:
                self.project.funding.setdefault(funding, Field(pair[1], prov))
        return True

    def _funding_cells(self, row: _Row, cells: list[GridCell]) -> bool:
        """Label cells of finer funding lines with their value in the next cell."""
        found = False
        for i, cell in enumerate(cells[:-1]):
            if not cell.merged_from_above and columns.is_total_label(cell.text) and self.header is None \
                    and parse_money(cells[i + 1].text, MoneyUnit.WAN_YUAN).amount is not None:
                # 资金情况 … 合计 | 968.19: the project's (or department's) total budget
                self._set("budget_total", Field(cells[i + 1].text.strip(), row.prov(cells[i + 1])))
                found = True
                continue
            if cell.merged_from_above or (name := columns.funding_label(cell.text)) is None:
                continue
            value = cells[i + 1]
            if not value.merged_from_above and columns.funding_label(value.text) is None \
                    and columns.match_header_field(value.text) is None:
                self.project.funding.setdefault(name, Field(value.text.strip(), row.prov(value)))
                found = True
        return found

    def _context_labels(self, cells: list[GridCell]) -> bool:
        """Label cells of the context (部门（单位）名称 | 值, 金额单位 | 元) among header fields."""
        found = False
        for i, cell in enumerate(cells[:-1]):
            if cell.merged_from_above or columns.context_label(cell.text) is None:
                continue
            value = cells[i + 1]
            if value.merged_from_above or not value.text.strip() or columns.match_header_field(value.text):
                continue
            if apply_label(self.context, cell.text, value.text):
                found = True
        return found

    def _cost_row(self, row: _Row, cells: list[GridCell]) -> bool:
        """A row of the cost-structure table: an item, or its 合计 (which ends the table)."""
        columns_ = self.cost_columns or {}
        head = self.cost_grid or row.grid
        values: dict[str, GridCell] = {}
        for col, name in columns_.items():
            c = head.column_in(col, row.grid)  # a later page piece may be cut into other columns
            if c is None:
                continue
            slot = row.grid.rows[row.r][c]
            cell = row.grid.rows[row.r][slot.anchor[1]] if slot.anchor[0] == row.r else slot
            if not cell.merged_from_above:
                values[name] = cell
        item = values.get("item")
        if item is None or not any(c.text.strip() for c in values.values()):
            return False
        if columns.match_header_field(item.text) is not None or columns.period_of(item.text):
            self.cost_columns = None  # the next block of the form begins
            return False
        fields = {name: Field(c.text.strip(), row.prov(c)) for name, c in values.items()}
        if columns.is_total_label(item.text):
            amount = fields.get("amount")
            self.project.cost_total = amount
            self.cost_columns = None
            return True
        self.project.cost_items.append(CostItem(
            item=fields["item"], amount=fields.get("amount", Field("", fields["item"].prov)),
            basis=fields.get("basis"),
            extra={n: f for n, f in fields.items() if n not in ("item", "amount", "basis")}))
        return True

    def _header_row(self, row: _Row) -> bool:
        cells = row.cells
        if not cells:
            return False
        if self.column_labels and self._column_values(row, cells):
            return True
        if self.months is not None:
            self._plan_values(row, cells)
            return True
        months = [columns.month_key(c.text) for c in cells]
        if sum(m is not None for m in months) >= 2:
            self.months = [m for m in months if m is not None]
            self.after_budget_row = False
            return True
        live = [c for c in cells if not c.merged_from_above and c.text.strip()]
        first, above = (live[0] if live else None), self.last_label_cell
        if self.piece_start and first is not None and first.col == 0 and above is not None \
                and above.room is not None and above.room < first_token_ems(first.text) + 0.1:
            self._note_unit(above.text + first.text)  # "…（单" | "位：万元）": a label the break cut
        if first is not None and first.col == 0:
            self.last_label_cell = first
        labels = [(c, m) for c in live if (m := columns.match_header_field(c.text)) is not None]
        if len(labels) >= 2 and len(labels) == len(live):
            # labels only, their values in the row below (a merged 项目绩效目标 block label may stand left)
            block_label = labels[0][1].field == "goal" and len(labels) > 2
            self.column_labels = {c.col: m.field for c, m in labels[1 if block_label else 0:]}
            self.seen_label = True
            return True
        if self.cost_columns is not None and self._cost_row(row, cells):
            return True
        cost = columns.cost_header([(c.col, c.text) for c in live])
        if cost is not None:
            self.cost_columns, self.cost_grid = cost, row.grid
            self.seen_label = True
            return True
        found_label = self._context_labels(cells) | self._funding_cells(row, cells)
        for cell in live:
            if len(cell.text) <= 24 and not any(ch.isdigit() for ch in cell.text):
                self._note_unit(cell.text)  # "项目资金申请（万元）", "部门总体资金情况（单位：万元）"
        if found_label:
            self.after_budget_row = False
        for i, cell in enumerate(cells):
            match = self._label(cells, i)
            if match is None:
                continue
            name = match.field
            if not found_label:
                self.after_budget_row = False  # the usage row follows the budget row directly
            found_label = True
            self._note_unit(cell.text)
            if match.fuzzy:
                self.fuzzy.append(match)
            if i + 1 < len(cells) and columns.match_header_field(cells[i + 1].text) is None:
                value = cells[i + 1]
                text = value.text.strip()
                if name in ("budget_total", "fiscal_funds", "other_funds"):
                    text = self._funding_lines(text, row.prov(value))
                self._set(name, Field(text, row.prov(value)))
                self.last_header_cells = [(name, value)]
            elif name != "usage" and not (i + 1 < len(cells) and cells[i + 1].text.strip()):
                # a label with no value; a label followed by another (项目绩效目标 | 长期目标 | …)
                # only introduces it
                self._set(name, Field("", row.prov(cell)))
            if name == "budget_total":
                self.after_budget_row = True
        if self._pairs(row, cells) or found_label:
            self.seen_label = True
            return True
        if self.piece_start and self._continues_header_value(row, live):
            return True
        if self.after_budget_row and self.project.usage is None:
            parts = [c for c in cells if not c.merged_from_above and not columns.is_block_label(c.text)]
            if parts and not parts[0].text.strip() and len(parts) > 1 and parts[0].col == 0:
                parts = parts[1:]
            if parts:
                self.project.usage = Field("".join(c.text.strip() for c in parts), row.prov(parts[0]))
            self.after_budget_row = False
            return bool(parts)
        return False

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
        if row.grid.n_cols == header.grid.n_cols or (header.grid.col_x and row.grid.col_x):
            # the same columns, or a page piece cut into other ones (matched by position)
            c = header.grid.column_in(col, row.grid)
            return None if c is None else row.grid.rows[row.r][c]
        cells = row.cells
        return cells[order] if order < len(cells) else None

    def _indicator_row(self, row: _Row) -> bool:
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
        def blank(name: str) -> bool:
            return name not in values or not values[name].raw

        indicators = self._indicators
        has_values = any(v.raw for v in values.values())
        cut = bool(self.piece_start and indicators and has_values
                   and self._cut_at_piece_start(row, values, cells, blank))
        project_data = self._project_columns(row, header)
        if not has_values:
            return project_data
        if cut:
            self._join_cut_row(row, values)
            # the lower half's texts now end their columns: the next page piece's first row
            # is measured against them (a piece may hold nothing but that lower half)
            self.last_cells.update({name: c for name, c in cells.items() if c.text.strip()})
            return True
        if self.piece_start and indicators:
            self._continue_cut_levels(values, cells)
        if indicators:
            prev = indicators[-1]
            level1_blank = blank("level1")
            cell1 = cells.get("level1")
            # a merged 一级 goes on as the row above read it (which may have joined a cut row)
            if level1_blank or (cell1 is not None and cell1.merged_from_above):
                values["level1"] = Field(prev.level1.raw, values.get("level1", prev.level1).prov)
            # A 二级 cell merged downwards shows empty below its first row, and at the top of
            # a page piece when the merge crossed the page break.
            cell2 = cells.get("level2")
            in_merge = cell2 is not None and cell2.merged_from_above
            if blank("level2") and (in_merge or self._merged("level2") or (self.piece_start and level1_blank)):
                values["level2"] = Field(prev.level2.raw, values.get("level2", prev.level2).prov)
            self._continue_merged_extras(values, cells, prev)
        empty = Field("", row.prov(row.cells[0]) if row.cells else Provenance())
        has_basis = any(name == "basis" for _, name in header.fields)
        indicator = Indicator(
            level1=values.get("level1", empty), level2=values.get("level2", empty),
            level3=values.get("level3", empty), description=values.get("description", empty),
            value=values.get("value", empty), basis=values.get("basis", empty) if has_basis else None,
            extra={n: v for n, v in values.items() if n not in columns.INDICATOR_COLUMN_NAMES},
            period=self.period,
        )
        indicators.append(indicator)
        self.last_cells = cells
        return True

    def _continue_merged_extras(self, values: dict[str, Field], cells: dict[str, GridCell],
                                prev: Indicator) -> None:
        """An extra column's cell merged down over several indicators (保障措施) that a page
        break cut: its text stands above the break only, and the piece below shows the
        merge's rest empty. Like a 二级 merge, an empty cell at the top of a piece whose
        column was merged down to the break goes on with the text above, and an empty cell
        merged from above takes what the merge's first row read."""
        for name, cell in cells.items():
            old = prev.extra.get(name)
            if name in columns.INDICATOR_COLUMN_NAMES or old is None or not old.raw or cell.text.strip():
                continue
            if cell.merged_from_above or (self.piece_start and self._merged(name)):
                values[name] = Field(old.raw, values[name].prov)

    @property
    def _indicators(self) -> list[Indicator]:
        """The list the grid being read fills: the 年度 grid is the project's indicators."""
        return self.project.long_term_indicators if self.period == LONG_TERM else self.project.indicators

    def _project_columns(self, row: _Row, header: _IndicatorHeader) -> bool:
        """A wide table's project cells (项目名称, 预算数, 年度目标, 单位名称) on an indicator row.

        At the top of a page piece (always inside the same project: a new project begins a
        group of its own) a cell repeats the value above, or continues a merged cell whose
        text the page break cut, or (above empty) is the first value."""
        if not header.project_fields and header.dept_col is None:
            return False
        if row.grid.n_cols != header.grid.n_cols:
            return False  # a piece cut into other columns: its project cells are not known
        found = False
        for col, name in [*header.project_fields, *([(header.dept_col, "dept")] if header.dept_col is not None else [])]:
            cell = row.grid.rows[row.r][col]
            if cell.merged_from_above or not cell.text.strip():
                continue
            found = True
            above = self.project_cells.get(name)
            text = cell.text.strip()
            if self.piece_start and above is not None:
                # A value written on every row is repeated at the top of a new page, or only
                # begun there when that row is cut in two by the next break; the rest of a
                # repeated value cut with its row at the break above completes it. Neither is
                # a new value, and the cell is the one a next piece's first row goes on.
                cut_below = row.r == row.grid.n_rows - 1  # this row is cut by the next break too
                if self._repeats(name, text, begins=cut_below) \
                        or self._repeats(name, _join_cut(above.text.strip(), text)):
                    self.project_cells[name] = cell
                    continue
                if above.room is not None and above.room < first_token_ems(text) + 0.1:
                    self._continue_project_cell(name, text)  # a merged cell cut by the page break
                    continue
            self.project_cells[name] = cell
            if name == "dept":
                if self.context.dept is None:
                    self.context.dept = dept_of(cell.text)
            else:
                self._set(name, Field(cell.text.strip(), row.prov(cell)))
        return found

    def _total_row(self, row: _Row, header: _IndicatorHeader) -> None:
        """Keep a 小计/合计 row's amount in the 预算数 column (checked against the sum later)."""
        cells = [c for c in row.grid.rows[row.r] if not c.merged_from_above]
        label = next((c for c in cells if columns.is_total_label(c.text)), None)
        budget_col = next((col for col, name in header.project_fields if name == "budget_total"), None)
        if label is None or budget_col is None or row.grid.n_cols != header.grid.n_cols:
            return
        amount = row.grid.rows[row.r][budget_col]
        if amount.merged_from_above or amount is label or not amount.text.strip():
            return
        self.totals.append(StatedTotal(label=Field(label.text.strip(), row.prov(label)),
                                       amount=Field(amount.text.strip(), row.prov(amount))))

    def _repeats(self, name: str, text: str, *, begins: bool = False) -> bool:
        """Whether a wide table's project cell repeats the value read so far (cut pieces joined),
        or with `begins` only its beginning."""
        if name == "dept":
            if self.context.dept is None or (found := dept_of(text)) is None:
                return False
            if not begins:
                return found == self.context.dept
            return squash("".join(self.context.dept)).startswith(squash("".join(found)))
        value: Field | None = getattr(self.project, name)
        if value is None:
            return False
        return value.raw.strip().startswith(text) if begins else value.raw.strip() == text

    def _continue_project_cell(self, name: str, text: str) -> None:
        if name == "dept":
            if self.context.dept is not None:
                # read again as one cell: a break that left only the code above ("401002")
                # gave no name, and the code goes with the name below
                code, dept = self.context.dept
                self.context.dept = dept_of(code + dept + text) or self.context.dept
            return
        value: Field | None = getattr(self.project, name)
        if value is not None:
            setattr(self.project, name, Field(_join_cut(value.raw, text), value.prov))

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
        prev = self._indicators[-1]
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

    def _cut_at_piece_start(self, row: _Row, values: dict[str, Field], cells: dict[str, GridCell],
                            blank: Callable[[str], bool]) -> bool:
        """Whether the top row of a page piece is the lower half of the row above the break.

        Where the file gives the geometry (PDF), it decides: a row is cut only if every
        text it holds could not have fitted on the last line of its column above the
        break. Elsewhere, what the cells hold decides (`_is_cut_row`, `_incomplete_…`).
        """
        by_geometry = self._cut_by_geometry(cells)
        if by_geometry is not None:
            return by_geometry
        return self._is_cut_row(values, blank) or self._incomplete_below_single_level2(row, cells, blank)

    def _cut_by_geometry(self, cells: dict[str, GridCell]) -> bool | None:
        above = self.last_cells
        below = {name: c for name, c in cells.items() if c.text.strip() and not c.merged_from_above}
        if not below or not above or any(c.room is None for c in above.values() if c.text.strip()):
            return None
        for name, cell in below.items():
            top = above.get(name)
            if top is None or not top.text.strip() or top.room is None:
                return False
            if name in ("level1", "level2") and top.text.strip().endswith("指标"):
                return False  # a level name above is whole: text below it begins a new row
            if top.room >= first_token_ems(cell.text) + 0.1:
                return False  # it would have fitted above: this cell starts a new row
        return True

    def _incomplete_below_single_level2(self, row: _Row, cells: dict[str, GridCell],
                                        blank: Callable[[str], bool]) -> bool:
        """The top row of a page piece with empty 一级/二级 cells and no 描述 or no 指标值, when
        the 二级 cell above the break stood alone (no 二级 merge can go on here) and the
        empty 二级 slot here is one row: the lower half of a row cut by the page break.

        A new row whose 二级 merge went on across the break looks the same but for its
        描述 and 指标值; a complete row is never read as a half, an incomplete one is
        joined and reported (row_split) for the reviewer to confirm.
        """
        cell2 = cells.get("level2")
        if cell2 is None or not blank("level1") or not blank("level2") or blank("level3"):
            return False
        if not (blank("value") or blank("description")):
            return False
        if self._merged("level2") or not self._indicators[-1].level2.raw:
            return False
        below = row.r + 1
        spans_on = below < row.grid.n_rows and cell2.col < len(row.grid.rows[below]) \
            and row.grid.rows[below][cell2.col].anchor == cell2.anchor
        return not spans_on

    def _continue_cut_levels(self, values: dict[str, Field], cells: dict[str, GridCell]) -> None:
        """A new row at the top of a page piece whose 一级/二级 cell goes on a cell merged down
        across the break and cut by it ("产出指" | "标"): the name is the two parts, in this
        row and in the rows above the break that read the cut part. As in `_is_cut_row`,
        only a part that becomes a level name (…指标) when joined is taken for a rest, and
        only where it could not have fitted on the last line above."""
        for name in ("level1", "level2"):
            cell, above = cells.get(name), self.last_cells.get(name)
            if cell is None or above is None or above.room is None or cell.merged_from_above:
                continue
            top, rest = above.text.strip(), cell.text.strip()
            if not top or not rest or top.endswith("指标") or not (top + rest).endswith("指标") \
                    or above.room >= first_token_ems(rest) + 0.1:
                continue
            for indicator in reversed(self._indicators):
                old = indicator.get(name)
                if old is None or old.raw != top:
                    break
                setattr(indicator, name, Field(top + rest, old.prov))
            values[name] = Field(top + rest, values[name].prov)

    def _join_cut_row(self, row: _Row, values: dict[str, Field]) -> None:
        prev = self._indicators[-1]
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
            indicator_index=len(self._indicators) - 1,
        ))
