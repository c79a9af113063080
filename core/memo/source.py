"""Where a memo's inputs come from: the workspace (the normal case) or a file checked on the spot.

`memo_from_workspace` gathers what `core.memo.content.build_memo` needs for one
stored document: the document as imported, its findings, annotations, suggested
revisions, each project's grade (the reviewer's override if any, else computed from
the current findings), and the change list against the department's previous year
when that year is in the workspace. `memo_from_file` imports a .docx/.pdf and runs
the checks, for a draft memo without a workspace. The window and the CLI both call
these, so they export the same memo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from core.memo.blocks import Memo
from core.memo.content import Reviewer, build_memo, project_key
from core.model import Document
from core.progress import Progress
from core.review import Finding, FindingState, Grade

if TYPE_CHECKING:
    from core.compare import Change
    from core.store.workspace import Workspace


def find_department_document(ws: Workspace, department_code: str, year: int | None = None,
                             region: str | None = None) -> int:
    """The current document of the department with this code (of `year`, else its latest year).

    Raises UserError naming the workspace when there is no such department or year, or
    when the code exists in several regions and `region` does not say which.
    """
    from core.store.department_lookup import department_by_code

    department = department_by_code(ws, department_code, region)
    documents = ws.documents(department.id, year, current_only=True)
    if not documents:
        years = "、".join(str(y.year) for y in ws.years(department.id) if y.year) or "无"
        raise UserError(f"工作区 {ws.label} 中部门 {department_code} {department.name} 没有 {year} 年度的文件"
                        f"（已有年度：{years}）。")
    return max(documents, key=lambda d: ((d.year or 0), d.id)).id


def _grades(document: Document, findings: Sequence[Finding], stored: Mapping[int, Grade | None]) -> dict[int, Grade]:
    """Each project's grade: the reviewer's override, else computed from the findings now stored."""
    try:
        from core.checks.grading import grade_project
    except ImportError:  # a build without the checks: only stored grades
        return {key: grade for key, grade in stored.items() if grade is not None}
    grades: dict[int, Grade] = {}
    for position, project in enumerate(document.projects):
        key = project_key(project, position)
        own = [finding for finding in findings if finding.location.project_seq == key]
        grade = grade_project(own, override=stored.get(key))
        if (saved := stored.get(key)) is not None and saved.conclusion and not grade.conclusion:
            grade.conclusion = saved.conclusion
        grades[key] = grade
    return grades


def _previous_changes(ws: Workspace, document_id: int,
                      document: Document) -> tuple[list[Change] | None, int | None]:
    """The change list against the same department's previous year, if that year is stored."""
    info = ws.document_info(document_id)
    if info.year is None:
        return None, None
    previous = ws.documents(info.department_id, info.year - 1, current_only=True)
    if not previous:
        return None, None
    try:
        from core.compare import compare_documents, corrections_from_pairs
    except ImportError:
        return None, None
    old_id = previous[0].id
    corrections = corrections_from_pairs(ws.year_matches(old_id, document_id),
                                         [p.id for p in ws.projects(old_id)], [p.id for p in ws.projects(document_id)])
    comparison = compare_documents(ws.load_document(old_id), document, corrections)
    return list(comparison.changes), info.year - 1


def memo_from_workspace(ws: Workspace, document_id: int, reviewer: Reviewer, *, conclusion: str = "",
                        with_comparison: bool = True, progress: Progress | None = None) -> Memo:
    """The memo of a stored document (see the module docstring)."""
    document = ws.load_document(document_id)
    findings = [stored.finding for stored in ws.findings(document_id)]
    annotations = [stored.annotation for stored in ws.annotations(document_id)]
    revisions = [stored.revision for stored in ws.revisions(document_id)]
    infos = ws.projects(document_id)
    stored = {project_key(project, position): ws.grade(info.id)
              for position, (project, info) in enumerate(zip(document.projects, infos, strict=False))}
    changes, previous_year = _previous_changes(ws, document_id, document) if with_comparison else (None, None)
    return build_memo(document, reviewer=reviewer, findings=findings, annotations=annotations, revisions=revisions,
                      grades=_grades(document, findings, stored), comparison=changes,
                      previous_year=previous_year, conclusion=conclusion, progress=progress)


def memo_from_file(path: str, reviewer: Reviewer, *, conclusion: str = "",
                   progress: Progress | None = None) -> tuple[Memo, int]:
    """A draft memo of a .docx/.pdf read and checked now: every finding of the checks is
    listed (no reviewer has accepted or dismissed any). Returns the memo and the finding count."""
    try:
        from core.importing.registry import FILE_MAX_BYTES
        from core.importing.sandbox import read_untrusted
        from core.importing.source_file import check_source
    except ImportError as error:
        raise UserError("此版本缺少文档读取模块（core.importing），无法直接从文件生成审核意见。") from error
    # Missing, a folder, a FIFO or a device: refused as what it is, before a parse child starts.
    check_source(Path(path), FILE_MAX_BYTES)
    # The file is the user's: parsed in a child process with time and memory limits.
    document = read_untrusted(path, progress)
    try:
        from core.checks.registry import run_checks
    except ImportError:
        findings: list[Finding] = []
    else:
        findings = run_checks(document, progress=progress)
    for finding in findings:
        finding.state = FindingState.ACCEPTED
    grades = _grades(document, findings, {})
    memo = build_memo(document, reviewer=reviewer, findings=findings, grades=grades, conclusion=conclusion,
                      progress=progress)
    return memo, len(findings)
