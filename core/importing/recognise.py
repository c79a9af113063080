"""The recogniser: `Layout` (paragraphs and grids from either reader) → `model.Document`.

It walks the blocks once. Numbered paragraphs followed by a project table become
project titles; unit lines ("115001中共…本级") and "单位：万元" lines before a table
set the unit and money unit of the projects that follow; every grid up to the next
title belongs to the current project (page pieces included, since a table split by
a page break arrives as several grids). Tables that open with 预算年度/单位 rows are
budget tables. The paragraphs before the first project carry the department-level
goals. Nothing here knows about files: it never imports a reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.importing.budget_tables import is_budget_table, read_budget_table
from core.importing.layout import Layout, Paragraph, TableGrid
from core.importing.paragraphs import (
    cn_number,
    is_money_unit_line,
    is_part_heading,
    is_toc_entry,
    is_toc_heading,
    money_unit_in,
    section_of,
    strip_numbering,
    unit_line,
)
from core.importing.projects import ProjectReader, is_project_table, starts_project_table
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
    Unit,
)
from core.values import MoneyUnit


@dataclass(slots=True)
class _Group:
    """Consecutive grids that make up one project or one budget table."""

    kind: str  # "project", "budget" or "other"
    title: Paragraph | None
    grids: list[TableGrid] = field(default_factory=list)
    dept: tuple[str, str] | None = None
    money_unit: MoneyUnit | None = None


def _has_code_row(grid: TableGrid) -> bool:
    return starts_project_table(grid) and not _starts_indicators(grid)


def _starts_indicators(grid: TableGrid) -> bool:
    from core.importing.projects import indicator_header

    return grid.n_rows > 0 and indicator_header(grid, 0) is not None


def _group_blocks(layout: Layout) -> tuple[list[Paragraph], list[_Group]]:
    """Split the blocks into the running text before the projects and the table groups."""
    front: list[Paragraph] = []
    groups: list[_Group] = []
    current: _Group | None = None
    pending_title: Paragraph | None = None
    dept: tuple[str, str] | None = None
    unit: MoneyUnit | None = None
    projects_started = False
    in_toc = False
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if not text:
                continue
            if is_toc_heading(text):
                in_toc = True
                continue
            if is_toc_entry(text):
                continue
            if in_toc and (is_part_heading(text) or section_of(text)) and not projects_started:
                # Headings listed in a ToC without page numbers end where the text starts.
                in_toc = False
            if (line := unit_line(text)) is not None:
                dept, current = line, None
                if (u := money_unit_in(text)) is not None:
                    unit = u
                continue
            if is_money_unit_line(text):
                unit, current = money_unit_in(text), None
                continue
            current = None
            pending_title = block
            if not projects_started:
                front.append(block)
            continue
        grid = block
        if current is not None:
            new_project = current.kind == "project" and _has_code_row(grid) and any(
                _has_code_row(g) for g in current.grids)
            new_budget = current.kind == "budget" and is_budget_table(grid)
            if not new_project and not new_budget:
                current.grids.append(grid)
                continue
        if is_budget_table(grid):
            current = _Group("budget", pending_title)
        elif is_project_table(grid):
            current = _Group("project", pending_title, dept=dept, money_unit=unit)
            if not projects_started and pending_title is not None and front and front[-1] is pending_title:
                front.pop()
            projects_started = True
        else:
            current = _Group("other", pending_title)
        pending_title = None
        current.grids.append(grid)
        groups.append(current)
    return front, groups


def _split_code_name(text: str) -> tuple[str, str]:
    line = unit_line(text)
    return line if line is not None else ("", text)


def recognise(layout: Layout) -> Document:
    """Map a Layout to the domain model (no file access; the caller checks emptiness)."""
    front, groups = _group_blocks(layout)
    issues: list[ImportIssue] = []
    budget_tables: list[BudgetTable] = []
    for g in (g for g in groups if g.kind == "budget"):
        title = Field(g.title.text.strip(), g.title.prov) if g.title else Field("", NOWHERE)
        budget_tables.append(read_budget_table(title, g.grids))
    budget_dept = next((_split_code_name(t.dept.raw) for t in budget_tables if t.dept), None)
    budget_unit = next((MoneyUnit.from_text(t.unit.raw) for t in budget_tables if t.unit), None)

    projects: list[Project] = []
    for g in (g for g in groups if g.kind == "project"):
        seq: int | None = None
        title = Field("", g.grids[0].prov(0, 0))
        if g.title is not None:
            number, rest = strip_numbering(g.title.text, digits_may_follow=True)
            seq = cn_number(number) if number else None
            title = Field(rest, g.title.prov)
        code, name = g.dept or budget_dept or ("", "")
        project = Project(seq=seq, title=title, dept_code=code, dept_name=name, money_unit=g.money_unit,
                          prov=title.prov)
        ProjectReader(project, issues).read(g.grids)
        if not title.raw and project.name is not None:
            project.title = project.name
        projects.append(project)

    goals = parse_department_goals(front)
    org_code, org_name = next(((p.dept_code, p.dept_name) for p in projects if p.dept_code), None) \
        or budget_dept or ("", "")
    units: list[Unit] = []
    for p in projects:
        if p.dept_code and Unit(p.dept_code, p.dept_name) not in units:
            units.append(Unit(p.dept_code, p.dept_name))

    year, year_source = _year(layout, front, projects, budget_tables)
    titles = [p.text for p in front[:12]]
    region = region_hint(org_name) or next((r for t in titles if (r := region_hint(squash(t)))), None)
    money_unit = next((p.money_unit for p in projects if p.money_unit), None) or budget_unit
    return Document(
        kind=DocumentKind.DISCLOSURE if budget_tables else DocumentKind.PERFORMANCE,
        source_name=layout.source_name, sha256=layout.sha256, source_format=layout.source_format,
        year=year, year_source=year_source, money_unit=money_unit,
        org=Organisation(region_hint=region, dept_code=org_code, dept_name=org_name, units=units),
        overall_goal=goals.overall_goal, sub_goals=goals.sub_goals, measures=goals.measures,
        projects=projects, budget_tables=budget_tables or None, issues=issues,
        page_count=layout.page_count,
    )


def _year(layout: Layout, front: list[Paragraph], projects: list[Project],
          budget_tables: list[BudgetTable]) -> tuple[int | None, str]:
    for p in layout.paragraphs:
        if (y := year_from_title(p.text.strip())) is not None:
            return y, f"stated in the title: {p.text.strip()[:40]}"
    for t in budget_tables:
        if t.year is not None and t.year.raw.strip().isdigit():
            return int(t.year.raw.strip()), "stated in the budget tables (预算年度)"
    codes = [p.code.raw for p in projects if p.code is not None]
    texts = [p.text for p in front]
    for p in projects:
        texts.extend(i.value.raw for i in p.indicators)
        texts.extend(x.raw for x in (p.goal, p.usage) if x is not None)
    return vote_year(codes, texts)
