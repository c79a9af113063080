"""Review progress: per department and per project, the open, accepted and dismissed findings
and the grade (the reviewer's, and the one the program proposes), over current documents.

    progress = review_progress(ws, department_ids=[3], year=2025, settings=settings)
    progress.departments   # DepartmentProgress: counts (department-level findings included), projects done/graded
    progress.projects      # ProjectProgress: counts, the grade in effect, the program's proposed grade
    progress.to_dict()     # JSON-ready (`progress --json`)
    findings = progress_findings(ws, department_ids=[3], year=2025)   # the findings list, one query
    write_progress_xlsx(progress, findings, "out.xlsx")                # 部门进度, 项目进度, 审核发现 sheets
    ws.write_generation    # a view keeps the one it read at; read again once it moved on

Three queries whatever the number of projects: the departments, the projects of their
current documents with their grade rows (outer join), and the findings (department,
project, state and what grading reads of each, in id order). The findings list is one more.

The proposed grade is grading's own (core.checks.grading.grade_project) over the project's
stored findings with the reviewer's settings (`settings`: what `check` was given, the
window's current ones): the grade a check run gives the project now, whether or not the
reviewer has overridden it (a dismissed finding costs nothing). A project never checked
(no grade row) has no proposal. Labels come from the message catalogue (`progress.*`),
in the caller's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, select

from core.atomic_write import OutputError, atomic_output, check_outputs
from core.checks.describe import place_text
from core.checks.grading import grade_project
from core.checks.settings import CheckSettings
from core.messages import Lang, label
from core.names import department_label, project_display_name
from core.review import Band, Criterion, Finding, FindingState, Location, Result, Severity
from core.store.export import CellCleaner
from core.store.reviewer import finding_from
from core.store.schema import DepartmentRow, DocumentRow, FindingRow, GradeRow, ProjectRow, RegionRow
from core.store.workspace import Workspace

# Bands best first: a grade sorts by its place here (not by its character).
BAND_ORDER: tuple[Band, ...] = (Band.EXCELLENT, Band.GOOD, Band.FAIR, Band.POOR)


@dataclass(frozen=True, slots=True)
class FindingCounts:
    """How many findings are open, accepted and dismissed."""

    open: int = 0
    accepted: int = 0
    dismissed: int = 0

    @property
    def total(self) -> int:
        return self.open + self.accepted + self.dismissed

    @property
    def decided(self) -> int:
        return self.accepted + self.dismissed

    def __add__(self, other: FindingCounts) -> FindingCounts:
        return FindingCounts(self.open + other.open, self.accepted + other.accepted,
                             self.dismissed + other.dismissed)

    def to_dict(self) -> dict[str, int]:
        return {"open": self.open, "accepted": self.accepted, "dismissed": self.dismissed, "total": self.total}


@dataclass(frozen=True, slots=True)
class ProjectProgress:
    """One project of a current document: its findings by state and its grade.

    `band`/`total`/`result` are the grade in effect (None: the project was never checked);
    `overridden` tells whether the reviewer set it; `proposed_band`/`proposed_total` are the
    program's grade, computed now from the findings with the reviewer's settings, whatever
    grade the reviewer set.
    """

    project_id: int
    document_id: int
    department_id: int
    year: int | None
    position: int
    seq: int | None
    code: str | None
    name: str
    unit_name: str
    counts: FindingCounts
    band: Band | None = None
    total: float | None = None
    result: Result | None = None
    overridden: bool = False
    proposed_band: Band | None = None
    proposed_total: float | None = None

    @property
    def reviewer_band(self) -> Band | None:
        """The reviewer's own grade (None while the program's stands)."""
        return self.band if self.overridden else None

    @property
    def done(self) -> bool:
        """Checked, and every finding decided."""
        return self.band is not None and self.counts.open == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "project_id": self.project_id, "document_id": self.document_id, "department_id": self.department_id,
            "year": self.year, "seq": self.seq, "code": self.code, "name": self.name, "unit": self.unit_name,
            **self.counts.to_dict(),
            "band": None if self.band is None else self.band.value, "total": self.total,
            "result": None if self.result is None else self.result.value, "overridden": self.overridden,
            "proposed_band": None if self.proposed_band is None else self.proposed_band.value,
            "proposed_total": self.proposed_total,
        }


@dataclass(frozen=True, slots=True)
class DepartmentProgress:
    """One department: its findings by state (department-level ones included) and how far its projects are."""

    department_id: int
    region: str
    code: str
    name: str
    projects: int
    counts: FindingCounts
    department_level: FindingCounts  # findings about no single project (G7, H1–H4, 共性问题)
    done: int  # projects checked with every finding decided
    graded: int  # projects whose grade the reviewer set
    bands: dict[Band, int] = field(default_factory=dict)  # projects per grade in effect

    @property
    def label(self) -> str:
        """'113 唐山市人民政府办公室' (the name alone for a department keyed by its name)."""
        return department_label(self.code, self.name)

    def summary(self, lang: Lang = "zh") -> str:
        return label("progress.summary", lang).format(
            department=self.label, projects=self.projects, open=self.counts.open, accepted=self.counts.accepted,
            dismissed=self.counts.dismissed, done=self.done, graded=self.graded)

    def to_dict(self) -> dict[str, Any]:
        return {"department_id": self.department_id, "region": self.region, "code": self.code, "name": self.name,
                "projects": self.projects, **self.counts.to_dict(),
                "department_level": self.department_level.to_dict(), "done": self.done, "graded": self.graded,
                "bands": {b.value: n for b, n in self.bands.items()}}


@dataclass(frozen=True, slots=True)
class ReviewProgress:
    """The overview: departments in code order, projects by department, year (newest first), document order."""

    departments: list[DepartmentProgress]
    projects: list[ProjectProgress]
    year: int | None = None

    def department(self, department_id: int) -> DepartmentProgress | None:
        return next((d for d in self.departments if d.department_id == department_id), None)

    def projects_by_department(self) -> dict[int, list[ProjectProgress]]:
        """The projects grouped by department id, each group in the overview's order."""
        grouped: dict[int, list[ProjectProgress]] = {}
        for p in self.projects:
            grouped.setdefault(p.department_id, []).append(p)
        return grouped

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "departments": [d.to_dict() for d in self.departments],
                "projects": [p.to_dict() for p in self.projects]}


@dataclass(frozen=True, slots=True)
class FindingLine:
    """One finding of the findings list, with its department, year and project named."""

    finding_id: int
    department: str
    year: int | None
    project_seq: int | None
    project: str  # "" for a department-level finding
    check_id: str
    severity: Severity
    criterion: str
    place: str
    message: str
    quote: str
    state: FindingState
    reason: str | None
    decided_by: str | None
    decided_at: datetime | None


def _scope(department_ids: Iterable[int] | None, year: int | None) -> ColumnElement[bool]:
    where: ColumnElement[bool] = DocumentRow.is_current.is_(True)
    if department_ids is not None:
        where = where & DocumentRow.department_id.in_(sorted(set(department_ids)))
    if year is not None:
        where = where & (DocumentRow.year == year)
    return where


_NOWHERE = Location()


def _graded_finding(check_id: str, severity: str, criterion: str, key: str, state: str) -> Finding:
    """A stored finding as far as grading reads it: rule, severity, criterion, message key, state."""
    return Finding(check_id=check_id, severity=Severity(severity), criterion=Criterion(criterion),
                   location=_NOWHERE, quote="", key=key, state=FindingState(state))


def review_progress(ws: Workspace, department_ids: Iterable[int] | None = None, year: int | None = None, *,
                    settings: CheckSettings | None = None) -> ReviewProgress:
    """The progress of the departments' current documents (of one year; every year when None).

    `department_ids` None: every department with a current document. A department asked
    for that has no document (in that year) is listed with nothing in it. `settings`: the
    reviewer's check settings the proposed grades are computed with (None: the defaults).
    """
    wanted = None if department_ids is None else sorted(set(department_ids))
    where = _scope(wanted, year)
    departments_query = (select(DepartmentRow.id, DepartmentRow.code, DepartmentRow.name, RegionRow.name)
                         .join(RegionRow, RegionRow.id == DepartmentRow.region_id)
                         .order_by(RegionRow.name, DepartmentRow.code, DepartmentRow.id))
    if wanted is not None:
        departments_query = departments_query.where(DepartmentRow.id.in_(wanted))
    else:
        departments_query = departments_query.where(
            DepartmentRow.id.in_(select(DocumentRow.department_id).where(where).scalar_subquery()))
    projects_query = (
        select(ProjectRow.id, ProjectRow.document_id, ProjectRow.position, ProjectRow.seq, ProjectRow.code,
               ProjectRow.name, ProjectRow.title, ProjectRow.unit_name, DocumentRow.department_id, DocumentRow.year,
               GradeRow.band, GradeRow.total, GradeRow.result, GradeRow.overridden)
        .join(DocumentRow, DocumentRow.id == ProjectRow.document_id)
        .outerjoin(GradeRow, GradeRow.project_id == ProjectRow.id)
        .where(where)
        .order_by(DocumentRow.department_id, DocumentRow.year.desc(), ProjectRow.document_id, ProjectRow.position))
    # In id order: the order a check run graded them in (a rule's cap counts the first ones).
    findings_query = (
        select(DocumentRow.department_id, FindingRow.project_id, FindingRow.state, FindingRow.check_id,
               FindingRow.severity, FindingRow.criterion, FindingRow.message_key)
        .join(DocumentRow, DocumentRow.id == FindingRow.document_id)
        .where(where)
        .order_by(FindingRow.id))
    with ws.engine.connect() as conn:
        department_rows = conn.execute(departments_query).all()
        project_rows = conn.execute(projects_query).all()
        finding_rows = conn.execute(findings_query).all()

    per_project: dict[int, dict[str, int]] = {}
    per_department_level: dict[int, dict[str, int]] = {}
    graded: dict[int, list[Finding]] = {}  # per project, the findings that can cost points
    dismissed = FindingState.DISMISSED.value
    for department_id, project_id, state, check_id, severity, criterion, key in finding_rows:
        bucket = per_project if project_id is not None else per_department_level
        states = bucket.setdefault(project_id if project_id is not None else department_id, {})
        states[state] = states.get(state, 0) + 1
        if project_id is not None and state != dismissed:
            graded.setdefault(project_id, []).append(_graded_finding(check_id, severity, criterion, key, state))

    def counts(states: dict[str, int] | None) -> FindingCounts:
        states = states or {}
        return FindingCounts(states.get(FindingState.OPEN.value, 0), states.get(FindingState.ACCEPTED.value, 0),
                             states.get(FindingState.DISMISSED.value, 0))

    projects: list[ProjectProgress] = []
    for r in project_rows:
        # the program's proposal: grading itself, now, with the reviewer's settings (a project
        # with no grade row was never checked, and has none)
        proposal = None if r.band is None else grade_project(graded.get(r.id, ()), settings)
        projects.append(ProjectProgress(
            project_id=r.id, document_id=r.document_id, department_id=r.department_id, year=r.year,
            position=r.position, seq=r.seq, code=r.code, name=project_display_name(r.name, r.title),
            unit_name=r.unit_name, counts=counts(per_project.get(r.id)), band=_band(r.band), total=r.total,
            result=_result(r.result), overridden=bool(r.overridden),
            proposed_band=None if proposal is None else proposal.band,
            proposed_total=None if proposal is None else proposal.total))

    by_department = ReviewProgress([], projects).projects_by_department()
    departments: list[DepartmentProgress] = []
    for department_id, code, name, region in department_rows:
        mine = by_department.get(department_id, [])
        level = counts(per_department_level.get(department_id))
        total = sum((p.counts for p in mine), level)
        bands: dict[Band, int] = {}
        for p in mine:
            if p.band is not None:
                bands[p.band] = bands.get(p.band, 0) + 1
        departments.append(DepartmentProgress(
            department_id=department_id, region=region, code=code, name=name, projects=len(mine), counts=total,
            department_level=level, done=sum(1 for p in mine if p.done), graded=sum(1 for p in mine if p.overridden),
            bands={b: bands[b] for b in BAND_ORDER if b in bands}))
    order = {d.department_id: i for i, d in enumerate(departments)}
    projects.sort(key=lambda p: order.get(p.department_id, len(order)))  # stable: year and position stay
    return ReviewProgress(departments=departments, projects=projects, year=year)


def _band(value: str | None) -> Band | None:
    try:
        return None if value is None else Band(value)
    except ValueError:
        return None


def _result(value: str | None) -> Result | None:
    try:
        return None if value is None else Result(value)
    except ValueError:
        return None


def progress_findings(ws: Workspace, department_ids: Iterable[int] | None = None, year: int | None = None, *,
                      lang: Lang = "zh") -> list[FindingLine]:
    """Every finding of the departments' current documents (of one year), in one query:
    department, year, project, rule, severity, place and message in `lang`, state and decision."""
    where = _scope(None if department_ids is None else list(department_ids), year)
    query = (select(FindingRow, DocumentRow.year.label("doc_year"), DepartmentRow.code.label("dept_code"),
                    DepartmentRow.name.label("dept_name"), ProjectRow.seq.label("p_seq"),
                    ProjectRow.name.label("p_name"), ProjectRow.title.label("p_title"))
             .join(DocumentRow, DocumentRow.id == FindingRow.document_id)
             .join(DepartmentRow, DepartmentRow.id == DocumentRow.department_id)
             .outerjoin(ProjectRow, ProjectRow.id == FindingRow.project_id)
             .where(where)
             .order_by(DepartmentRow.code, DocumentRow.year.desc(), FindingRow.document_id,
                       ProjectRow.position, FindingRow.id))
    lines: list[FindingLine] = []
    with ws.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            finding = finding_from(row)
            lines.append(FindingLine(
                finding_id=row["id"], department=department_label(row["dept_code"], row["dept_name"]),
                year=row["doc_year"], project_seq=row["p_seq"],
                project=project_display_name(row["p_name"], row["p_title"]) if row["project_id"] else "",
                check_id=finding.check_id, severity=finding.severity,
                criterion=label(f"criterion.{finding.criterion.value}", lang, default=finding.criterion.value),
                place=place_text(finding.location, lang), message=finding.text(lang), quote=finding.quote,
                state=finding.state, reason=finding.reason, decided_by=row["decided_by"],
                decided_at=row["decided_at"]))
    return lines


# ---- the workbook -------------------------------------------------------------------------

PROJECT_COLUMNS: tuple[str, ...] = ("department", "year", "seq", "code", "project", "unit", "open", "accepted",
                                    "dismissed", "total", "grade", "proposed", "proposed_total", "result")
DEPARTMENT_COLUMNS: tuple[str, ...] = ("region", "department", "projects", "open", "accepted", "dismissed",
                                       "total", "department_level", "done", "graded")
FINDING_COLUMNS: tuple[str, ...] = ("department", "year", "seq", "project", "rule", "severity", "criterion",
                                    "place", "message", "quote", "state", "reason", "decided_by", "decided_at")


def band_text(band: Band | None, lang: Lang = "zh") -> str:
    """A band in `lang` (the catalogue's `band.*` where it has one, else as written: 优/良/中/差)."""
    return "" if band is None else label(f"band.{band.value}", lang, default=band.value)


def grade_text(project: ProjectProgress, lang: Lang = "zh") -> str:
    """The reviewer's grade, or what stands instead: 未评定 (the program's grade holds) / 未检查."""
    if project.band is None:
        return label("progress.not_checked", lang)
    if not project.overridden:
        return label("progress.not_graded", lang)
    return band_text(project.band, lang)


def write_progress_xlsx(progress: ReviewProgress, findings: Sequence[FindingLine], path: str | Path, *,
                        lang: Lang = "zh", workspace: Path | None = None) -> Path:
    """Write the overview (部门进度, 项目进度) and the findings list (审核发现) as one workbook,
    whole or not at all (core.atomic_write); returns the path written."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    target = Path(path)
    check_outputs([("导出", target)], workspace=workspace)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"无法创建保存位置 {target.parent}：{error.strerror or error}。没有写入任何文件。") from error
    names = {d.department_id: d.label for d in progress.departments}
    clean = CellCleaner()  # the department export's rules: XML-safe, cut to Excel's cell limit
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = label("progress.sheet_departments", lang)
    sheet.append([label(f"progress.{c}", lang) for c in DEPARTMENT_COLUMNS])
    for d in progress.departments:
        sheet.append(clean.row([d.region, d.label, d.projects, d.counts.open, d.counts.accepted,
                                                  d.counts.dismissed, d.counts.total, d.department_level.total,
                                                  d.done, d.graded]))
    projects = book.create_sheet(label("progress.sheet_projects", lang))
    projects.append([label(f"progress.{c}", lang) for c in PROJECT_COLUMNS])
    for p in progress.projects:
        projects.append(clean.row([
            names.get(p.department_id, ""), p.year, p.seq, p.code or "", p.name, p.unit_name, p.counts.open,
            p.counts.accepted, p.counts.dismissed, p.counts.total, grade_text(p, lang),
            band_text(p.proposed_band, lang), p.proposed_total,
            "" if p.result is None else p.result.value]))
    found = book.create_sheet(label("progress.sheet_findings", lang))
    found.append([label(f"progress.{c}", lang) for c in FINDING_COLUMNS])
    for f in findings:
        found.append(clean.row([
            f.department, f.year, f.project_seq, f.project or label("place.department", lang), f.check_id,
            label(f"severity.{f.severity.value}", lang), f.criterion, f.place, f.message, f.quote,
            label(f"state.{f.state.value}", lang), f.reason or "", f.decided_by or "",
            f.decided_at.replace(microsecond=0) if f.decided_at is not None else None]))
    for ws_sheet in book.worksheets:
        ws_sheet.freeze_panes = "A2"
        for column in range(1, ws_sheet.max_column + 1):
            title = str(ws_sheet.cell(row=1, column=column).value or "")
            wide = title in (label("progress.message", lang), label("progress.project", lang),
                             label("progress.quote", lang), label("progress.department", lang))
            ws_sheet.column_dimensions[get_column_letter(column)].width = 40 if wide else max(10, len(title) * 2 + 2)
    with atomic_output(target) as temp:
        book.save(temp)
    return target
