"""The reviewer's layer in the workspace: revisions, annotations, findings, grades, year matches.

Mixed into `Workspace`. Places are `core.review.Location`s within a document (as the
checks and the memo speak); the store resolves them to project and indicator rows.
The submitted values are never written here: a revision is stored beside them.

    ws.set_revision(document_id, location, suggested, author=, note=) -> Changes
    ws.clear_revision(document_id, location) -> Changes
    ws.revision_at(document_id, location) / ws.revisions(document_id, project_id=None)
    ws.add_annotation(document_id, location, text, author=) -> (id, Changes)
    ws.update_annotation(id, text) / ws.delete_annotation(id) / ws.annotations(document_id, project_id=None)
    ws.replace_findings(document_id, findings) -> Changes   # keeps decided states by identity()
    ws.add_finding(document_id, finding) -> (id, Changes)   # a reviewer's own finding
    ws.set_finding_state(id, state, reason) / ws.delete_finding(id) / ws.findings(document_id, ...)
    ws.open_findings_per_department(ids) / _per_year(department_id) / _per_project(department_id, year)
    ws.set_grade(project_id, grade) / ws.grade(project_id) / ws.clear_grade_override(project_id)
    ws.set_year_match(old_doc, new_doc, old_project_id, new_project_id) / ws.year_matches(old, new)
    ws.clear_year_match(old_doc, new_doc, old_project_id=, new_project_id=)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from core.errors import WorkspaceError
from core.model import Project
from core.review import (
    Annotation,
    Band,
    Criterion,
    Finding,
    FindingState,
    Grade,
    Location,
    Result,
    Revision,
    Severity,
)
from core.store import codec, convert
from core.store.base import StoreBase, inserted_id
from core.store.records import Changes, StoredAnnotation, StoredFinding, StoredRevision
from core.store.schema import (
    AnnotationRow,
    DocumentRow,
    FindingRow,
    GradeRow,
    IndicatorRow,
    ProjectRow,
    RevisionRow,
    YearMatchRow,
)

REVIEWER_CHECK_ID = "R"  # findings the reviewer wrote by hand: never replaced by a check run

# A project's grade from its stored findings and its stored grade (a reviewer's override):
# the check's grading with the reviewer's settings (core.checks.grading.grade_project).
GradeFunction = Callable[[list[Finding], Grade | None], Grade]


def resolve_location(conn: Connection, document_id: int, location: Location) -> tuple[int | None, int | None]:
    """(project id, indicator id) a location points at; None where it points at no row."""
    if location.project_seq is None:
        return None, None
    project_id = conn.execute(select(ProjectRow.id).where(
        ProjectRow.document_id == document_id, ProjectRow.seq == location.project_seq)
        .order_by(ProjectRow.position).limit(1)).scalar()
    if project_id is None or location.indicator is None:
        return project_id, None
    indicator_id = conn.execute(select(IndicatorRow.id).where(
        IndicatorRow.project_id == project_id, IndicatorRow.position == location.indicator)).scalar()
    return project_id, indicator_id


class _Locations:
    """`resolve_location` for many findings of one document with two queries in all (a
    check run stores hundreds of findings per document; one query each cost half its time)."""

    def __init__(self, conn: Connection, document_id: int) -> None:
        self.projects: dict[int, int] = {}
        for seq, project_id in conn.execute(select(ProjectRow.seq, ProjectRow.id).where(
                ProjectRow.document_id == document_id, ProjectRow.seq.is_not(None)).order_by(ProjectRow.position)):
            if seq is not None:
                self.projects.setdefault(seq, project_id)
        self.indicators: dict[tuple[int, int], int] = {}
        wanted = set(self.projects.values())
        for project_id, position, indicator_id in conn.execute(
                select(IndicatorRow.project_id, IndicatorRow.position, IndicatorRow.id)
                .join(ProjectRow, ProjectRow.id == IndicatorRow.project_id)
                .where(ProjectRow.document_id == document_id).order_by(IndicatorRow.id)):
            if project_id in wanted:
                self.indicators.setdefault((project_id, position), indicator_id)

    def resolve(self, location: Location) -> tuple[int | None, int | None]:
        if location.project_seq is None:
            return None, None
        project_id = self.projects.get(location.project_seq)
        if project_id is None or location.indicator is None:
            return project_id, None
        return project_id, self.indicators.get((project_id, location.indicator))


def _project_model(conn: Connection, project_id: int) -> Project:
    row = conn.execute(select(ProjectRow).where(ProjectRow.id == project_id)).mappings().one()
    inds = conn.execute(select(IndicatorRow).where(IndicatorRow.project_id == project_id)
                        .order_by(IndicatorRow.position)).mappings().all()
    return convert.project_from(row, [convert.indicator_from(i) for i in inds])


def _finding_columns(finding: Finding) -> dict[str, Any]:
    return {
        "check_id": finding.check_id, "severity": finding.severity.value,
        "criterion": finding.criterion.value, **convert.location_columns(finding.location),
        "quote": finding.quote, "message_key": finding.key,
        "params_json": json.dumps(finding.params, ensure_ascii=False, sort_keys=True),
        "suggestion": finding.suggestion,
        "prov": codec.prov_to_text(finding.prov), "state": finding.state.value, "reason": finding.reason,
    }


def finding_from(row: Any) -> Finding:
    return Finding(check_id=row["check_id"], severity=Severity(row["severity"]),
                   criterion=Criterion(row["criterion"]), location=convert.location_from(row),
                   quote=row["quote"], key=row["message_key"], params=json.loads(row["params_json"] or "{}"),
                   suggestion=row["suggestion"],
                   prov=codec.prov_from_text(row["prov"]) if row["prov"] else None,
                   state=FindingState(row["state"]), reason=row["reason"])


def grade_columns(grade: Grade) -> dict[str, Any]:
    return {"scores_json": json.dumps({c.value: s for c, s in grade.scores.items()}, ensure_ascii=False),
            "total": grade.total, "band": grade.band.value, "result": grade.result.value,
            "overridden": grade.overridden, "conclusion": grade.conclusion}


def grade_from(row: Any) -> Grade:
    return Grade(scores={Criterion(c): s for c, s in json.loads(row["scores_json"]).items()},
                 total=row["total"], band=Band(row["band"]), result=Result(row["result"]),
                 overridden=bool(row["overridden"]), conclusion=row["conclusion"])


class ReviewerLayer(StoreBase):
    # ---- suggested revisions ----------------------------------------------------------

    def _submitted(self, conn: Connection, document_id: int, location: Location) -> tuple[
            int | None, int | None, str]:
        """The row ids and the submitted text at a location; WorkspaceError if there is no such place."""
        project_id, indicator_id = resolve_location(conn, document_id, location)
        if location.project_seq is not None and project_id is None:
            raise WorkspaceError(f"文档 {document_id} 中没有序号为 {location.project_seq} 的项目。")
        if location.indicator is not None and indicator_id is None:
            raise WorkspaceError(f"项目 {location.project_seq} 没有第 {location.indicator + 1} 行绩效指标。")
        if project_id is not None:
            value = convert.value_at(None, _project_model(conn, project_id), location)
        else:
            doc = conn.execute(select(DocumentRow).where(DocumentRow.id == document_id)).mappings().first()
            if doc is None:
                raise WorkspaceError(f"工作区 {self.label} 中没有编号为 {document_id} 的文档。")
            value = convert.value_at(convert.document_from(doc, []), None, location)
        return project_id, indicator_id, "" if value is None else value.raw

    def set_revision(self, document_id: int, location: Location, suggested: str, *, author: str = "",
                     note: str = "") -> Changes:
        """Suggest a new value at a place (replacing an earlier suggestion there).

        Suggesting exactly the submitted text removes the suggestion instead.
        """
        with self._writing() as conn:
            project_id, indicator_id, original = self._submitted(conn, document_id, location)
            conn.execute(delete(RevisionRow).where(RevisionRow.document_id == document_id,
                                                   RevisionRow.loc_key == location.key()))
            if suggested != original:
                conn.execute(insert(RevisionRow).values(
                    document_id=document_id, project_id=project_id, indicator_id=indicator_id,
                    **convert.location_columns(location), original=original, suggested=suggested,
                    author=author, note=note, updated_at=datetime.now()))
        return self._changed(document_id, project_id, revisions=True)

    def clear_revision(self, document_id: int, location: Location) -> Changes:
        with self._writing() as conn:
            project_id = conn.execute(delete(RevisionRow).where(
                RevisionRow.document_id == document_id, RevisionRow.loc_key == location.key())
                .returning(RevisionRow.project_id)).scalar()
        return self._changed(document_id, project_id, revisions=True)

    def revision_at(self, document_id: int, location: Location) -> StoredRevision | None:
        found = self._revisions((RevisionRow.document_id == document_id) & (RevisionRow.loc_key == location.key()))
        return found[0] if found else None

    def revisions(self, document_id: int, project_id: int | None = None) -> list[StoredRevision]:
        where = RevisionRow.document_id == document_id
        if project_id is not None:
            where = where & (RevisionRow.project_id == project_id)
        return self._revisions(where)

    def _revisions(self, where: Any) -> list[StoredRevision]:
        with self._reading() as conn:
            rows = conn.execute(select(RevisionRow).where(where).order_by(RevisionRow.id)).mappings().all()
        return [StoredRevision(id=r["id"], document_id=r["document_id"], project_id=r["project_id"],
                               indicator_id=r["indicator_id"],
                               revision=Revision(location=convert.location_from(r), original=r["original"],
                                                 suggested=r["suggested"], author=r["author"], note=r["note"]),
                               updated_at=r["updated_at"]) for r in rows]

    # ---- annotations ------------------------------------------------------------------

    def add_annotation(self, document_id: int, location: Location, text: str, *,
                       author: str = "") -> tuple[int, Changes]:
        with self._writing() as conn:
            project_id, indicator_id, _ = self._submitted(conn, document_id, location)
            new_id = inserted_id(conn.execute(insert(AnnotationRow).values(
                document_id=document_id, project_id=project_id, indicator_id=indicator_id,
                **convert.location_columns(location), text=text, author=author,
                updated_at=datetime.now())))
        return new_id, self._changed(document_id, project_id, annotations=True)

    def update_annotation(self, annotation_id: int, text: str) -> Changes:
        with self._writing() as conn:
            row = conn.execute(update(AnnotationRow).where(AnnotationRow.id == annotation_id)
                               .values(text=text, updated_at=datetime.now())
                               .returning(AnnotationRow.document_id, AnnotationRow.project_id)).first()
        if row is None:
            raise WorkspaceError(f"批注 {annotation_id} 不存在（可能已被删除）。")
        return self._changed(row[0], row[1], annotations=True)

    def delete_annotation(self, annotation_id: int) -> Changes:
        with self._writing() as conn:
            row = conn.execute(delete(AnnotationRow).where(AnnotationRow.id == annotation_id)
                               .returning(AnnotationRow.document_id, AnnotationRow.project_id)).first()
        return Changes() if row is None else self._changed(row[0], row[1], annotations=True)

    def annotations(self, document_id: int, project_id: int | None = None) -> list[StoredAnnotation]:
        where = AnnotationRow.document_id == document_id
        if project_id is not None:
            where = where & (AnnotationRow.project_id == project_id)
        with self._reading() as conn:
            rows = conn.execute(select(AnnotationRow).where(where).order_by(AnnotationRow.id)).mappings().all()
        return [StoredAnnotation(id=r["id"], document_id=r["document_id"], project_id=r["project_id"],
                                 indicator_id=r["indicator_id"],
                                 annotation=Annotation(location=convert.location_from(r), text=r["text"],
                                                       author=r["author"]),
                                 updated_at=r["updated_at"]) for r in rows]

    # ---- findings ---------------------------------------------------------------------

    def replace_findings(self, document_id: int, findings: list[Finding]) -> Changes:
        """Store a check run's findings for a document, replacing the previous run's.

        A finding whose identity() was already stored keeps the reviewer's decision
        (state and reason); the reviewer's own findings (check_id "R") stay untouched.
        """
        with self._writing() as conn:
            _replace_findings_in(conn, document_id, findings)
        return Changes(findings=True, document_ids=frozenset({document_id}))

    def store_check_results(self, runs: Sequence[tuple[int, list[Finding]]],
                            grade: GradeFunction) -> list[StoredCheck]:
        """Store the findings of several documents' check runs and their projects' grades in
        one transaction: every document's findings (decided states kept, as `replace_findings`)
        and grades land together or not at all. `grade(findings, stored)` computes a project's
        grade from its stored findings and its stored grade (a reviewer's override). Returns
        each document's findings and grades as now stored, so a city's run does not read
        them back.

        Per document a fixed number of statements whatever its size: the findings and the
        grades go in as one executemany each, their ids never re-selected."""
        written: list[StoredCheck] = []
        with self._writing() as conn:
            for document_id, findings in runs:
                stored = _replace_findings_in(conn, document_id, findings)
                written.append(StoredCheck(document_id, [finding for _, finding in stored],
                                           _grade_document_in(conn, document_id, stored, grade)))
        return written

    def add_finding(self, document_id: int, finding: Finding) -> tuple[int, Changes]:
        with self._writing() as conn:
            project_id, indicator_id = resolve_location(conn, document_id, finding.location)
            new_id = inserted_id(conn.execute(insert(FindingRow).values(
                document_id=document_id, project_id=project_id, indicator_id=indicator_id,
                **_finding_columns(finding))))
        return new_id, self._changed(document_id, project_id, findings=True)

    def set_finding_state(self, finding_id: int, state: FindingState, reason: str | None = None,
                          by: str | None = None, *, regrade: GradeFunction | None = None) -> Changes:
        """Decide one finding; with `regrade`, its document's grades follow (see set_findings_state)."""
        if state is FindingState.DISMISSED and not (reason or "").strip():
            raise WorkspaceError("忽略审核发现时请写明理由。")
        with self._writing() as conn:
            row = conn.execute(update(FindingRow).where(FindingRow.id == finding_id)
                               .values(state=state.value, reason=reason, decided_by=by, decided_at=datetime.now())
                               .returning(FindingRow.document_id, FindingRow.project_id)).first()
            if row is None:
                raise WorkspaceError(f"审核发现 {finding_id} 不存在（可能已被重新检查替换）。")
            if regrade is not None:
                _regrade_document_in(conn, row[0], regrade)
        return self._changed(row[0], row[1], findings=True, grades=regrade is not None)

    def set_findings_state(self, finding_ids: Sequence[int], state: FindingState, reason: str | None = None,
                           by: str | None = None, *, regrade: GradeFunction | None = None) -> Changes:
        """Decide several findings at once, in one transaction (all or none), recording who and when.

        A dismissed finding no longer costs its project points: with `regrade` (the check's
        grading with the reviewer's settings, as `store_check_results` takes it) the grades
        of the documents concerned are worked out again from their findings as now decided,
        in the same transaction; a grade the reviewer set stays (its scores are refreshed).
        Without it the grades stay as the last check left them."""
        if state is FindingState.DISMISSED and not (reason or "").strip():
            raise WorkspaceError("忽略审核发现时请写明理由。")
        if not finding_ids:
            return Changes()
        with self._writing() as conn:
            rows = conn.execute(update(FindingRow).where(FindingRow.id.in_(list(finding_ids)))
                                .values(state=state.value, reason=reason, decided_by=by, decided_at=datetime.now())
                                .returning(FindingRow.id, FindingRow.document_id, FindingRow.project_id)).all()
            missing = set(finding_ids) - {r[0] for r in rows}
            if missing:
                raise WorkspaceError(f"审核发现 {min(missing)} 不存在（可能已被重新检查替换），本次没有修改任何发现。")
            if regrade is not None:
                for document_id in sorted({r[1] for r in rows}):
                    _regrade_document_in(conn, document_id, regrade)
        return Changes(findings=True, grades=regrade is not None, document_ids=frozenset(r[1] for r in rows),
                       project_ids=frozenset(r[2] for r in rows if r[2] is not None))

    def finding_decision(self, finding_id: int) -> tuple[str | None, datetime | None]:
        """Who decided a finding and when (None, None: never, or before 0008)."""
        with self._reading() as conn:
            row = conn.execute(select(FindingRow.decided_by, FindingRow.decided_at)
                               .where(FindingRow.id == finding_id)).first()
        return (None, None) if row is None else (row[0], row[1])

    def delete_finding(self, finding_id: int) -> Changes:
        with self._writing() as conn:
            row = conn.execute(delete(FindingRow).where(FindingRow.id == finding_id)
                               .returning(FindingRow.document_id, FindingRow.project_id)).first()
        return Changes() if row is None else self._changed(row[0], row[1], findings=True)

    def findings(self, document_id: int, project_id: int | None = None, *,
                 state: FindingState | None = None) -> list[StoredFinding]:
        where = FindingRow.document_id == document_id
        if project_id is not None:
            where = where & (FindingRow.project_id == project_id)
        if state is not None:
            where = where & (FindingRow.state == state.value)
        with self._reading() as conn:
            rows = conn.execute(select(FindingRow).where(where).order_by(FindingRow.id)).mappings().all()
        return [StoredFinding(id=r["id"], document_id=r["document_id"], project_id=r["project_id"],
                              indicator_id=r["indicator_id"], finding=finding_from(r)) for r in rows]

    def first_open_finding_project(self) -> int | None:
        """The id of the first project (in finding order) with an open finding, in one query,
        so a window can open on something worth reviewing without scanning every document."""
        with self._reading() as conn:
            return conn.execute(
                select(FindingRow.project_id)
                .where((FindingRow.state == FindingState.OPEN.value) & FindingRow.project_id.is_not(None))
                .order_by(FindingRow.id).limit(1)).scalar()

    def _open_finding_counts(self, key: Any, where: ColumnElement[bool]) -> dict[Any, int]:
        """Open findings of current documents counted per `key`, in one grouped query."""
        query = (select(key, func.count(FindingRow.id))
                 .join(DocumentRow, DocumentRow.id == FindingRow.document_id)
                 .where(FindingRow.state == FindingState.OPEN.value, DocumentRow.is_current.is_(True), where)
                 .group_by(key))
        with self._reading() as conn:
            return {r[0]: r[1] for r in conn.execute(query)}

    def open_findings_per_department(self, department_ids: Iterable[int]) -> dict[int, int]:
        """Open findings in each department's current documents; departments without any are absent."""
        return self._open_finding_counts(DocumentRow.department_id,
                                         DocumentRow.department_id.in_(list(department_ids)))

    def open_findings_per_year(self, department_id: int) -> dict[int | None, int]:
        """Open findings in a department's current documents per document year (None: year unknown)."""
        return self._open_finding_counts(DocumentRow.year, DocumentRow.department_id == department_id)

    def open_findings_per_project(self, department_id: int, year: int | None = None) -> dict[int, int]:
        """Open findings per project in a department's current documents (of one year; all when None)."""
        where = and_(DocumentRow.department_id == department_id, FindingRow.project_id.is_not(None))
        if year is not None:
            where = and_(where, DocumentRow.year == year)
        return self._open_finding_counts(FindingRow.project_id, where)

    # ---- grades -----------------------------------------------------------------------

    def set_grade(self, project_id: int, grade: Grade) -> Changes:
        """Store a project's grade. A computed grade (overridden False) never replaces the
        reviewer's override: then only the per-criterion scores are refreshed."""
        with self._writing() as conn:
            stored = conn.execute(select(GradeRow).where(GradeRow.project_id == project_id)).mappings().first()
            _set_grade_in(conn, project_id, grade, stored)
            document_id = conn.execute(select(ProjectRow.document_id).where(ProjectRow.id == project_id)).scalar()
        return self._changed(document_id, project_id, grades=True)

    def clear_grade_override(self, project_id: int) -> Changes:
        """Drop the reviewer's override; the next computed grade is stored as is."""
        with self._writing() as conn:
            conn.execute(update(GradeRow).where(GradeRow.project_id == project_id).values(overridden=False))
        return Changes(grades=True, project_ids=frozenset({project_id}))

    def grade(self, project_id: int) -> Grade | None:
        with self._reading() as conn:
            row = conn.execute(select(GradeRow).where(GradeRow.project_id == project_id)).mappings().first()
        return None if row is None else grade_from(row)

    # ---- year comparison corrections --------------------------------------------------

    def set_year_match(self, old_document_id: int, new_document_id: int, old_project_id: int | None,
                       new_project_id: int | None) -> Changes:
        """Record the reviewer's pairing (None on one side: explicitly unmatched).

        Any earlier pairing of either project in this comparison is replaced.
        """
        if old_project_id is None and new_project_id is None:
            raise WorkspaceError("年度对比的配对至少需要一个项目。")
        with self._writing() as conn:
            self._delete_matches(conn, old_document_id, new_document_id, old_project_id, new_project_id)
            conn.execute(insert(YearMatchRow).values(
                old_document_id=old_document_id, new_document_id=new_document_id,
                old_project_id=old_project_id, new_project_id=new_project_id, updated_at=datetime.now()))
        return Changes(year_matches=True, document_ids=frozenset({old_document_id, new_document_id}))

    def clear_year_match(self, old_document_id: int, new_document_id: int, *,
                         old_project_id: int | None = None, new_project_id: int | None = None) -> Changes:
        with self._writing() as conn:
            self._delete_matches(conn, old_document_id, new_document_id, old_project_id, new_project_id)
        return Changes(year_matches=True, document_ids=frozenset({old_document_id, new_document_id}))

    @staticmethod
    def _delete_matches(conn: Connection, old_doc: int, new_doc: int, old_project_id: int | None,
                        new_project_id: int | None) -> None:
        pair = (YearMatchRow.old_document_id == old_doc) & (YearMatchRow.new_document_id == new_doc)
        if old_project_id is not None:
            conn.execute(delete(YearMatchRow).where(pair, YearMatchRow.old_project_id == old_project_id))
        if new_project_id is not None:
            conn.execute(delete(YearMatchRow).where(pair, YearMatchRow.new_project_id == new_project_id))

    def year_matches(self, old_document_id: int, new_document_id: int) -> list[tuple[int | None, int | None]]:
        """The reviewer's pairings (old project id, new project id) for this pair of documents."""
        with self._reading() as conn:
            rows = conn.execute(select(YearMatchRow.old_project_id, YearMatchRow.new_project_id).where(
                YearMatchRow.old_document_id == old_document_id,
                YearMatchRow.new_document_id == new_document_id).order_by(YearMatchRow.id))
            return [(r[0], r[1]) for r in rows]

    @staticmethod
    def _changed(document_id: int | None, project_id: int | None, **kinds: bool) -> Changes:
        return Changes(document_ids=frozenset() if document_id is None else frozenset({document_id}),
                       project_ids=frozenset() if project_id is None else frozenset({project_id}), **kinds)


@dataclass(slots=True)
class StoredCheck:
    """One document's check run as stored: its findings in `findings()` order (the reviewer's
    own first, then the run's) and its projects' grades by project id."""

    document_id: int
    findings: list[Finding]
    grades: dict[int, Grade]


# The tables themselves: Core executemany, not the ORM's bulk path (a third of the cost).
_FINDINGS = FindingRow.__table__
_GRADES = GradeRow.__table__


def _replace_findings_in(conn: Connection, document_id: int, findings: list[Finding]
                         ) -> list[tuple[int | None, Finding]]:
    """Replace a document's check findings (decided states carried over by identity()) and
    return every finding it now has as (project id, finding as read back), in id order."""
    # Only the rows that matter are read back: the reviewer's own findings (they stay, and
    # count in the grade) and decided ones (their state carries over); open ones just go.
    kept = conn.execute(select(FindingRow).where(
        FindingRow.document_id == document_id,
        or_(FindingRow.check_id == REVIEWER_CHECK_ID, FindingRow.state != FindingState.OPEN.value))
        .order_by(FindingRow.id)).mappings().all()
    stored: list[tuple[int | None, Finding]] = []
    decided: dict[tuple[str, str, str], tuple[str, str | None]] = {}
    for r in kept:
        if r["check_id"] == REVIEWER_CHECK_ID:
            stored.append((r["project_id"], finding_from(r)))
        else:
            decided[finding_from(r).identity()] = (r["state"], r["reason"])
    conn.execute(delete(FindingRow).where(FindingRow.document_id == document_id,
                                          FindingRow.check_id != REVIEWER_CHECK_ID))
    rows = []
    locations = _Locations(conn, document_id)
    for finding in findings:
        project_id, indicator_id = locations.resolve(finding.location)
        cols = _finding_columns(finding)
        if finding.identity() in decided:
            cols["state"], cols["reason"] = decided[finding.identity()]
        rows.append({"document_id": document_id, "project_id": project_id, "indicator_id": indicator_id, **cols})
    if rows:
        # Core executemany on the table (not the ORM bulk path); new ids come after every
        # kept row's, so the read-back order is the kept rows, then these in order.
        conn.execute(insert(_FINDINGS), rows)
    # As read back: the same conversion from the same column values (params through JSON,
    # the place through its text), without reading them.
    stored.extend((row["project_id"], finding_from(row)) for row in rows)
    return stored


def _grade_document_in(conn: Connection, document_id: int, stored: list[tuple[int | None, Finding]],
                       grade: GradeFunction) -> dict[int, Grade]:
    """Grade every numbered project of a document from its stored findings: one query for
    the stored grades, one executemany per kind of write, one query reading them back."""
    project_ids = conn.execute(select(ProjectRow.id).where(ProjectRow.document_id == document_id,
                                                           ProjectRow.seq.is_not(None))).scalars().all()
    by_project: dict[int, list[Finding]] = {pid: [] for pid in project_ids}
    for project_id, finding in stored:
        if project_id is not None:
            by_project.setdefault(project_id, []).append(finding)
    of_document = select(GradeRow).join(ProjectRow, ProjectRow.id == GradeRow.project_id) \
        .where(ProjectRow.document_id == document_id)
    existing = {r["project_id"]: r for r in conn.execute(of_document).mappings()}
    now = datetime.now()
    inserts: list[dict[str, Any]] = []
    updates: dict[int, list[dict[str, Any]]] = {}  # by the number of columns set: all, or the scores only
    for project_id in project_ids:
        before = existing.get(project_id)
        computed = grade(by_project[project_id], None if before is None else grade_from(before))
        cols = _grade_write(computed, before)
        cols["updated_at"] = now
        if before is None:
            inserts.append({"project_id": project_id, **cols})
        else:
            updates.setdefault(len(cols), []).append({"grade_project_id": project_id, **cols})
    if inserts:
        conn.execute(insert(_GRADES), inserts)
    for batch in updates.values():
        conn.execute(update(_GRADES).where(_GRADES.c.project_id == bindparam("grade_project_id")), batch)
    after = {r["project_id"]: grade_from(r) for r in conn.execute(of_document).mappings()}
    return {project_id: after[project_id] for project_id in project_ids}


def _regrade_document_in(conn: Connection, document_id: int, grade: GradeFunction) -> None:
    """A document's grades again from its findings as stored, in id order (the order a check
    run stores and grades them)."""
    rows = conn.execute(select(FindingRow).where(FindingRow.document_id == document_id)
                        .order_by(FindingRow.id)).mappings().all()
    _grade_document_in(conn, document_id, [(r["project_id"], finding_from(r)) for r in rows], grade)


def _grade_write(grade: Grade, stored: Any) -> dict[str, Any]:
    """The columns to write: a computed grade (overridden False) never replaces the
    reviewer's override: then only the per-criterion scores are refreshed."""
    cols = grade_columns(grade)
    if stored is not None and stored["overridden"] and not grade.overridden:
        cols = {"scores_json": cols["scores_json"]}
    return cols


def _set_grade_in(conn: Connection, project_id: int, grade: Grade, stored: Any) -> None:
    cols = _grade_write(grade, stored)
    cols["updated_at"] = datetime.now()
    if stored is None:
        conn.execute(insert(GradeRow).values(project_id=project_id, **cols))
    else:
        conn.execute(update(GradeRow).where(GradeRow.project_id == project_id).values(**cols))
