"""The recogniser: `Layout` (paragraphs and grids from either reader) → `model.Document`.

It walks the blocks once. Every table grid gets a role by evidence (roles.py: labels,
an indicator header, value patterns anywhere in it), so a department row, a title
row or a repeated header in front does not hide a table. Grids are cut where a
project starts inside them (a 项目编码/项目名称 label or a title row, with the
context rows above it), so one table may hold several projects and one project may
span several tables and page pieces. Paragraphs give titles ("1.…绩效目标表"), unit
lines ("115001中共…本级"), money-unit lines and the department-level goals before
the first project; the same fields written inside a table are read there and win.

Everything is accounted for in the document's `ImportReport`: each grid and each run
of paragraphs with what it was read as (or why it was ignored), the counts, and a
warning wherever content was probably lost. Nothing here knows about files.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from core.import_report import (
    BlockReport,
    BlockRole,
    IgnoredReason,
    ImportReport,
    ReportWarning,
    WarningCode,
)
from core.importing.budget_tables import read_budget_table
from core.importing.context import is_context_texts, read_context, read_context_cells, segments, title_of
from core.importing.layout import GridCell, Layout, Paragraph, TableGrid
from core.importing.paragraphs import (
    is_money_unit_line,
    is_part_heading,
    is_toc_entry,
    is_toc_heading,
    money_unit_in,
    section_of,
    strip_numbering,
    unit_line,
)
from core.importing.projects import ProjectReader, indicator_header, is_footer_row
from core.importing.roles import (
    Evidence,
    GridRole,
    WideTable,
    evidence,
    project_starts,
    role_of,
    slice_rows,
    wide_table,
)
from core.importing.sections import parse_department_goals
from core.importing.text import squash
from core.importing.year import region_hint, vote_year, year_from_title
from core.model import (
    NOWHERE,
    BudgetTable,
    Document,
    DocumentKind,
    Field,
    ImportIssue,
    Organisation,
    Project,
    StatedTotal,
    Unit,
)
from core.numerals import parse_chinese_number
from core.values import MoneyUnit


@dataclass(slots=True)
class _Group:
    """Consecutive grids (or row slices of grids) that make up one project or one budget table."""

    kind: str  # "project", "budget" or "other"
    title: Paragraph | None
    grids: list[TableGrid] = field(default_factory=list)
    dept: tuple[str, str] | None = None
    money_unit: MoneyUnit | None = None
    opened: bool = False  # a 项目编码/名称 or title row was seen: the next one starts a new project
    fresh_dept: bool = False  # a unit line stood above this group (not only above an earlier one)


def _cut(grid: TableGrid, starts: list[int], head: list[GridCell] | None = None) -> list[tuple[int, TableGrid]]:
    """(first row, piece) of a grid cut before each of `starts`; the whole grid when uncut.
    Pieces that begin a project after the grid's first row, or at the top of a page piece
    (a grid without its own header), are given the header row `head` when there is one."""
    bounds = sorted({0, *starts, grid.n_rows})
    if len(bounds) <= 2 and (head is None or 0 not in starts):
        return [(0, grid)]
    return [(a, slice_rows(grid, a, b, head=head if a > 0 or a in starts else None))
            for a, b in itertools.pairwise(bounds)]


@dataclass(slots=True)
class _Walk:
    """The state of the walk over the blocks, and what it found."""

    front: list[Paragraph] = field(default_factory=list)
    groups: list[_Group] = field(default_factory=list)
    evidence: dict[int, Evidence] = field(default_factory=dict)  # table index → evidence
    paragraph_roles: list[tuple[Paragraph, BlockRole, IgnoredReason | None]] = field(default_factory=list)
    current: _Group | None = None
    pending_title: Paragraph | None = None
    dept: tuple[str, str] | None = None
    unit: MoneyUnit | None = None
    projects_started: bool = False
    in_toc: bool = False
    grids_seen: int = 0
    wide: WideTable | None = None  # the wide table whose page pieces may follow
    next_grid: TableGrid | None = None  # the grid after the one being read, if any
    dept_fresh: bool = False
    run_of: dict[int, int] = field(default_factory=dict)  # paragraph index → grids seen before it

    def paragraph(self, block: Paragraph) -> None:
        self.run_of[block.index] = self.grids_seen
        text = block.text.strip()
        if not text:
            return
        if is_toc_heading(text):
            self.in_toc = True
            self.paragraph_roles.append((block, BlockRole.IGNORED, IgnoredReason.TOC))
            return
        if is_toc_entry(text):
            self.paragraph_roles.append((block, BlockRole.IGNORED, IgnoredReason.TOC))
            return
        if self.in_toc and (is_part_heading(text) or section_of(text)) and not self.projects_started:
            # Headings listed in a ToC without page numbers end where the text starts.
            self.in_toc = False
        if (line := unit_line(text)) is not None:
            self.dept, self.current = line, None
            self.dept_fresh = True
            if (u := money_unit_in(text)) is not None:
                self.unit = u
            self.paragraph_roles.append((block, BlockRole.TITLE, None))
            return
        if is_money_unit_line(text):
            self.unit, self.current = money_unit_in(text), None
            self.paragraph_roles.append((block, BlockRole.TITLE, None))
            return
        fields = segments(text)
        if len(fields) <= 4 and is_context_texts(fields) and (found := read_context_cells(fields)).year is None:
            # "单位名称：434001…本级    单位：元": labelled unit and money unit on one line
            if found.dept is not None:
                self.dept, self.dept_fresh = found.dept, True
            if found.money_unit is not None:
                self.unit = found.money_unit
            self.current = None
            self.paragraph_roles.append((block, BlockRole.TITLE, None))
            return
        if self.groups and self.groups[-1].kind in ("project", "other") and self.groups[-1].title is not None \
                and squash(self.groups[-1].title.text) == squash(text):
            # the form's title repeated over every page: a running head, not a new project (also
            # after a first page piece too small to be told a project's, which the next adopts)
            self.paragraph_roles.append((block, BlockRole.IGNORED, IgnoredReason.OUTSIDE))
            return
        self.current = None
        # a line under the title ("（2016年度）", "填报日期：…") does not replace it
        if not (self.pending_title is not None and title_of(self.pending_title.text) is not None
                and title_of(text) is None and len(text) <= 40):
            self.pending_title = block
        if not self.projects_started:
            self.front.append(block)
            self.paragraph_roles.append((block, BlockRole.FRONT_TEXT, None))
        else:
            self.paragraph_roles.append((block, BlockRole.TITLE, None))

    def grid(self, grid: TableGrid) -> None:
        self.grids_seen += 1
        ev = evidence(grid)
        self.evidence[grid.index] = ev
        role = role_of(ev)
        if role is GridRole.PROJECT and (wide := wide_table(grid)) is not None:
            if self._repeats_wide_header(grid, wide):
                # a page piece that repeats the table's header row: the projects go on
                assert self.wide is not None
                self._wide_pieces(grid, self.wide.starts(grid, wide.head + 1, self._following()), continued=True)
                return
            self.wide = wide
            starts = wide.starts(grid, wide.head + 1, self._following())
            # a title above a table that names its projects in a column names the table
            self.pending_title = None
            self._wide_pieces(grid, starts)
            return
        if role is not GridRole.PROJECT and role is not GridRole.BUDGET and self.wide is not None \
                and self.current is not None and self.current.kind == "project":
            # a page piece of a wide table: its projects go on, and new ones begin in it
            self._wide_pieces(grid, self.wide.starts(grid, 0, self._following()), continued=True)
            return
        if role in (GridRole.PROJECT, GridRole.BUDGET):
            self.wide = None  # another table: no wide table's pieces follow
        if role is GridRole.PROJECT:
            self._adopt_first_piece(grid)
            starts = project_starts(grid)
            for a, piece in _cut(grid, starts):
                self._project_piece(piece, opens=a in starts)
            return
        if role is GridRole.BUDGET:
            if self.current is not None and self.current.kind == "budget" and not grid.continues_previous:
                self.current = None
            if self.current is None or self.current.kind != "budget":
                self._new("budget")
            assert self.current is not None
            self.current.grids.append(grid)
            return
        if self.current is None:
            self._new("other")
        assert self.current is not None
        self.current.grids.append(grid)

    def _repeats_wide_header(self, grid: TableGrid, wide: WideTable) -> bool:
        """Whether `grid` is a page piece of the wide table being read, its header repeated."""
        if not grid.continues_previous or self.wide is None or self.current is None \
                or self.current.kind != "project":
            return False
        return grid.filled_texts(wide.head) == self.wide.grid.filled_texts(self.wide.head)

    def _following(self) -> tuple[TableGrid, int] | None:
        """The wide table's next page piece with its first data row (after the header row it
        may repeat), when the next grid is one; None otherwise."""
        nxt, wide = self.next_grid, self.wide
        if nxt is None or wide is None or not nxt.continues_previous:
            return None
        again = wide_table(nxt)
        if again is None:
            return nxt, 0
        head = wide.grid.filled_texts(wide.head)
        return (nxt, again.head + 1) if nxt.filled_texts(again.head) == head else None

    def _adopt_first_piece(self, grid: TableGrid) -> None:
        """A project table whose first page pieces held too little to be told apart (two rows
        of 单位名称 and a label cut by the break, each on a page of its own): those pieces,
        read as 'other', are the beginning of this table, so they open the project with its
        title above them."""
        other = self.current
        if not grid.continues_previous or other is None or other.kind != "other" or not other.grids \
                or not self.groups or self.groups[-1] is not other:
            return
        chain = [*other.grids, grid]
        if any(b.index != a.index + 1 or not b.continues_previous for a, b in itertools.pairwise(chain)):
            return
        self.groups.pop()
        self.pending_title = other.title
        self._new("project").grids.extend(other.grids)

    def _wide_pieces(self, grid: TableGrid, starts: list[int], *, continued: bool = False) -> None:
        """A wide table (or a page piece of one) cut where projects begin; the pieces after
        the first get the header row, and a continued piece's first part goes on the
        project above."""
        assert self.wide is not None
        for a, piece in _cut(grid, starts, head=self.wide.grid.rows[self.wide.head]):
            if a == 0 and continued and 0 not in starts:
                assert self.current is not None
                self.current.grids.append(piece)
            else:
                self._project_piece(piece, opens=True)

    def _new(self, kind: str) -> _Group:
        group = _Group(kind, self.pending_title)
        if kind == "project":
            group.dept, group.money_unit = self.dept, self.unit
            group.fresh_dept, self.dept_fresh = self.dept_fresh, False
            if not self.projects_started and self.pending_title is not None and self.front \
                    and self.front[-1] is self.pending_title:
                self.front.pop()
                self.paragraph_roles[-1] = (self.pending_title, BlockRole.TITLE, None)
            self.projects_started = True
        self.pending_title = None
        self.current = group
        self.groups.append(group)
        return group

    def _project_piece(self, piece: TableGrid, *, opens: bool) -> None:
        current = self.current
        if current is None or current.kind != "project" or (opens and current.opened):
            current = self._new("project")
        current.opened = current.opened or opens
        current.grids.append(piece)


def _split_code_name(text: str) -> tuple[str, str]:
    line = unit_line(text)
    return line if line is not None else ("", text)


@dataclass(slots=True)
class _ProjectResult:
    project: Project
    reader: ProjectReader
    group: _Group


def _read_projects(groups: list[_Group], fallback_dept: tuple[str, str] | None,
                   issues: list[ImportIssue]) -> list[_ProjectResult]:
    results: list[_ProjectResult] = []
    running_dept: tuple[str, str] | None = None
    running_unit: MoneyUnit | None = None
    for g in (g for g in groups if g.kind == "project"):
        seq: int | None = None
        first = g.grids[0]
        title = Field("", first.cell_prov(first.rows[0][0]) if first.rows and first.rows[0] else NOWHERE)
        if g.title is not None:
            number, rest = strip_numbering(g.title.text, digits_may_follow=True)
            seq = parse_chinese_number(number) if number else None
            title = Field(rest, g.title.prov)
        # a unit line right above wins; else the unit an earlier table of this run named
        code, name = (g.dept if g.fresh_dept else None) or running_dept or g.dept or fallback_dept or ("", "")
        project = Project(seq=seq, title=title, dept_code=code, dept_name=name,
                          money_unit=g.money_unit or running_unit, prov=title.prov)
        reader = ProjectReader(project, issues)
        reader.weak_title = g.title is not None and title_of(g.title.text) is None
        reader.read(g.grids)
        if not any(reader.read_rows.values()):
            g.kind = "other"  # nothing in it was a project's data
            continue
        if reader.context.dept is not None:
            running_dept = reader.context.dept
        if reader.context.money_unit is not None:
            running_unit = reader.context.money_unit
        if project.title.blank and project.name is not None:
            project.title = project.name
        results.append(_ProjectResult(project, reader, g))
    return results


def recognise(layout: Layout) -> Document:
    """Map a Layout to the domain model with its import report (no file access)."""
    walk = _Walk()
    grids = layout.tables
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            walk.paragraph(block)
        else:
            # a row cut by a page break is judged with its rest, at the top of the next grid
            walk.next_grid = grids[walk.grids_seen + 1] if walk.grids_seen + 1 < len(grids) else None
            walk.grid(block)
    issues: list[ImportIssue] = []
    budget_tables: list[BudgetTable] = []
    for g in (g for g in walk.groups if g.kind == "budget"):
        title = Field(g.title.text.strip(), g.title.prov) if g.title else Field("", NOWHERE)
        budget_tables.append(read_budget_table(title, g.grids))
    budget_dept = next((_split_code_name(t.dept.raw) for t in budget_tables if t.dept), None)
    budget_unit = next((MoneyUnit.from_text(t.unit.raw) for t in budget_tables if t.unit), None)

    results = _read_projects(walk.groups, budget_dept, issues)
    projects = [r.project for r in results]
    totals = _stated_totals(results)
    goals = parse_department_goals(walk.front)
    org_code, org_name = next(((p.dept_code, p.dept_name) for p in projects if p.dept_code), None) \
        or next(((p.dept_code, p.dept_name) for p in projects if p.dept_name), None) \
        or budget_dept or _front_dept(walk.front) or ("", "")
    units: list[Unit] = []
    for p in projects:
        if p.dept_code and Unit(p.dept_code, p.dept_name) not in units:
            units.append(Unit(p.dept_code, p.dept_name))

    table_years = [y for r in results if (y := r.reader.context.year) is not None]
    year, year_source = _year(layout, walk.front, projects, budget_tables, table_years)
    titles = [p.text for p in walk.front[:12]]
    region = region_hint(org_name) or next((r for t in titles if (r := region_hint(squash(t)))), None)
    money_unit = next((p.money_unit for p in projects if p.money_unit), None) or budget_unit
    document = Document(
        kind=DocumentKind.DISCLOSURE if budget_tables else DocumentKind.PERFORMANCE,
        source_name=layout.source_name, sha256=layout.sha256, source_format=layout.source_format,
        year=year, year_source=year_source, money_unit=money_unit,
        org=Organisation(region_hint=region, dept_code=org_code, dept_name=org_name, units=units),
        overall_goal=goals.overall_goal, sub_goals=goals.sub_goals, measures=goals.measures,
        projects=projects, budget_tables=budget_tables or None, issues=issues,
        page_count=layout.page_count, totals=totals,
    )
    document.report = _report(layout, walk, results, document)
    return document


def _stated_totals(results: list[_ProjectResult]) -> list[StatedTotal]:
    """The 小计/合计 rows with the projects each totals: a 小计 those of its table since the
    previous 小计 or 合计, a 合计/总计 those since the previous 合计. Only projects read from a
    table that lists several (its project cells in columns) are counted; a table continued
    over pages is one run, so the figures do not depend on where the pages break."""
    totals: list[StatedTotal] = []
    since_total: list[int] = []
    since_grand: list[int] = []
    for position, result in enumerate(results):
        if result.reader.project_cells:
            since_total.append(position)
            since_grand.append(position)
        for total in result.reader.totals:
            grand = not total.label.raw.replace(" ", "").endswith("小计")
            total.projects = list(since_grand if grand else since_total)
            total.money_unit = result.project.money_unit
            since_total = []
            if grand:
                since_grand = []
            totals.append(total)
    return totals


def _front_dept(front: list[Paragraph]) -> tuple[str, str] | None:
    """A department named by a label in the text before the projects ("单位名称：…")."""
    for p in front[:12]:
        found = read_context(p.text, bare_unit_line=False)
        if found.dept is not None:
            return found.dept
    return None


def _year(layout: Layout, front: list[Paragraph], projects: list[Project],
          budget_tables: list[BudgetTable], table_years: list[int]) -> tuple[int | None, str]:
    for p in layout.paragraphs:
        for text in segments(p.text) or [p.text.strip()]:
            if (y := year_from_title(text)) is not None:
                return y, f"stated in the title: {p.text.strip()[:40]}"
    for t in budget_tables:
        if t.year is not None and t.year.raw.strip().isdigit():
            return int(t.year.raw.strip()), "stated in the budget tables (预算年度)"
    if table_years:
        return table_years[0], "stated in the project tables (预算年度)"
    codes = [p.code.raw for p in projects if p.code is not None]
    texts = [p.text for p in front]
    for project in projects:
        texts.extend(i.value.raw for i in project.indicators)
        texts.extend(x.raw for x in (project.goal, project.usage) if x is not None)
    return vote_year(codes, texts)


# --- the report -------------------------------------------------------------------------
def _count_fields(document: Document) -> int:
    def n(value: Field | None) -> int:
        return 0 if value is None or value.blank else 1

    total = n(document.overall_goal) + sum(n(m) for m in document.measures)
    total += sum(n(s.title) + n(s.goal) + n(s.indicators) + n(s.description) for s in document.sub_goals)
    for p in document.projects:
        total += sum(n(getattr(p, name)) for name in ("code", "name", "budget_total", "fiscal_funds",
                                                       "other_funds", "usage", "goal"))
        total += sum(n(v) for v in (p.spending_plan or {}).values())
        for i in p.indicators:
            total += sum(n(i.get(c)) for c in ("level1", "level2", "level3", "description", "value", "basis"))
    return total


def _grid_indicator_rows(group: _Group) -> int:
    """Data rows the group's indicator grids hold: non-blank rows after an indicator header."""
    total = 0
    header = None
    for grid in group.grids:
        for r in range(grid.n_rows):
            if (found := indicator_header(grid, r)) is not None:
                header = found
                continue
            if header is not None and grid.n_cols == header.grid.n_cols and is_footer_row(grid, r, header):
                header = None
                continue
            if header is not None and any(c.text.strip() for c in grid.distinct_row(r) if not c.merged_from_above):
                total += 1
    return total


def _report(layout: Layout, walk: _Walk, results: list[_ProjectResult], document: Document) -> ImportReport:
    report = ImportReport(tables=len(layout.tables), projects=len(document.projects),
                          indicator_rows=sum(len(p.indicators) + len(p.long_term_indicators)
                                             for p in document.projects),
                          fields=_count_fields(document))
    # tables: one entry per grid (a grid cut between projects is listed once, for the first)
    by_table: dict[int, BlockReport] = {}
    grid_rows_read = 0
    for position, result in enumerate(results):
        report.indicator_grid_rows += _grid_indicator_rows(result.group)
        # rows cut by a page break gave one indicator in two pieces; 合计 and period rows gave no
        # indicator but were read for what they are
        grid_rows_read += result.reader.grid_rows_read
        for grid in result.group.grids:
            ev = walk.evidence.get(grid.index, Evidence())
            rows = sum(1 for (t, _), _read in result.reader.read_rows.items() if t == grid.index)
            read = sum(1 for (t, _), ok in result.reader.read_rows.items() if t == grid.index and ok)
            role = BlockRole.PROJECT if ev.indicator_header_rows and ev.header_labels else (
                BlockRole.INDICATORS if ev.indicator_header_rows or not ev.header_labels
                else BlockRole.PROJECT_HEADER)
            if grid.index not in by_table:
                by_table[grid.index] = BlockReport(role=role, table=grid.index, page=grid.pages[0] if grid.pages
                                                   else None, rows=rows, read_rows=read, project=position,
                                                   score=ev.score)
        for match in result.reader.fuzzy:
            report.warnings.append(ReportWarning(WarningCode.FUZZY_LABEL, page=result.project.prov.page,
                                                 params={"label": match.text, "known": match.known,
                                                         "score": match.score}))
        if not result.project.indicators:
            report.warnings.append(ReportWarning(WarningCode.PROJECT_WITHOUT_INDICATORS,
                                                 page=result.project.prov.page,
                                                 params={"project": result.project.display_name}))
    for group in walk.groups:
        if group.kind == "project":
            continue
        for grid in group.grids:
            if grid.index in by_table:
                continue
            ev = walk.evidence.get(grid.index, Evidence())
            page = grid.pages[0] if grid.pages else None
            if group.kind == "budget":
                by_table[grid.index] = BlockReport(role=BlockRole.BUDGET, table=grid.index, page=page,
                                                   rows=grid.n_rows, read_rows=grid.n_rows, score=ev.score)
                continue
            blank = not any(c.text.strip() for row in grid.rows for c in row)
            by_table[grid.index] = BlockReport(
                role=BlockRole.IGNORED, table=grid.index, page=page, rows=grid.n_rows, score=ev.score,
                reason=IgnoredReason.EMPTY if blank else IgnoredReason.NO_EVIDENCE)
            if ev.looks_like_data or ev.indicator_header_rows or ev.header_labels:
                report.warnings.append(ReportWarning(WarningCode.TABLE_IGNORED, page=page, table=grid.index,
                                                     params={"rows": grid.n_rows}))
    # in reading order: each block where its first paragraph or its grid stood in the layout
    order: dict[tuple[str, int | None], int] = {
        ("p" if isinstance(b, Paragraph) else "t", b.index): n for n, b in enumerate(layout.blocks)}
    report.blocks = _paragraph_blocks(walk) + [by_table[i] for i in sorted(by_table)]
    report.blocks.sort(key=lambda b: order.get(("t", b.table) if b.table is not None else ("p", b.paragraph), 0))
    if report.tables and not report.projects:
        report.warnings.insert(0, ReportWarning(WarningCode.NO_PROJECTS, params={"tables": report.tables}))
    if grid_rows_read < report.indicator_grid_rows:
        report.warnings.insert(0, ReportWarning(WarningCode.FEWER_INDICATORS,
                                                params={"grid_rows": report.indicator_grid_rows,
                                                        "read_rows": grid_rows_read}))
    rotated = list(getattr(layout, "rotated_pages", []) or [])
    if rotated:
        report.warnings.append(ReportWarning(WarningCode.ROTATED_PAGES, page=rotated[0],
                                             params={"pages": len(rotated)}))
    fallback = getattr(layout, "pdf_fallback", None)
    if fallback:
        report.warnings.append(ReportWarning(WarningCode.PDF_FALLBACK, params={"reason": fallback}))
    return report


def _paragraph_blocks(walk: _Walk) -> list[BlockReport]:
    """Runs of consecutive paragraphs read the same way, one entry each."""
    blocks: list[BlockReport] = []
    run: list[tuple[Paragraph, BlockRole, IgnoredReason | None]] = []

    def flush() -> None:
        if run:
            first, role, reason = run[0]
            blocks.append(BlockReport(role=role, paragraph=first.index, page=first.page, rows=len(run),
                                      read_rows=0 if role is BlockRole.IGNORED else len(run), reason=reason))
            run.clear()

    for entry in walk.paragraph_roles:
        if run and ((run[-1][1], run[-1][2]) != (entry[1], entry[2])
                    or walk.run_of[run[-1][0].index] != walk.run_of[entry[0].index]):
            flush()
        run.append(entry)
    flush()
    return blocks
