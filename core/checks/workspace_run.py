"""Running the checks over documents of a workspace: findings saved with their states kept,
grades computed and saved (a reviewer's override kept). The CLI and the window share it.

Only the workspace API is used (`load_document`, `replace_findings`, `findings`,
`grade`, `set_grade`); the previous year's current document of the same department
is handed to the checks that need it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.checks.grading import grade_project
from core.checks.registry import run_checks
from core.checks.settings import CheckSettings
from core.errors import Cancelled
from core.model import Document
from core.progress import NoProgress, Progress
from core.review import Finding, Grade

if TYPE_CHECKING:
    from core.store.workspace import Workspace


@dataclass(slots=True)
class DocumentCheck:
    """One document's check run as stored: findings with their states, and grades by project seq."""

    document_id: int | None
    source_name: str
    year: int | None
    document: Document
    findings: list[Finding]
    grades: dict[int, Grade] = field(default_factory=dict)
    project_names: dict[int, str] = field(default_factory=dict)
    previous_document_id: int | None = None


def previous_document_id(ws: Workspace, document_id: int) -> int | None:
    """The current document of the same department for the year before, if the workspace has one."""
    info = ws.document_info(document_id)
    if info.year is None:
        return None
    earlier = ws.documents(info.department_id, info.year - 1, current_only=True)
    return earlier[0].id if earlier else None


def check_workspace_documents(ws: Workspace, document_ids: Sequence[int], settings: CheckSettings | None = None,
                              progress: Progress | None = None) -> list[DocumentCheck]:
    """Check each document, store the findings (decided states survive) and the grades."""
    progress = progress or NoProgress()
    results: list[DocumentCheck] = []
    for done, document_id in enumerate(document_ids):
        if progress.cancelled():
            raise Cancelled()
        document = ws.load_document(document_id)
        progress.report(done, len(document_ids), document.source_name)
        previous_id = previous_document_id(ws, document_id)
        previous = ws.load_document(previous_id) if previous_id is not None else None
        ws.replace_findings(document_id, run_checks(document, settings, previous))
        stored = [s.finding for s in ws.findings(document_id)]
        result = DocumentCheck(document_id=document_id, source_name=document.source_name, year=document.year,
                               document=document, findings=stored, previous_document_id=previous_id)
        for info in ws.projects(document_id):
            if info.seq is None:
                continue
            own = [s.finding for s in ws.findings(document_id, info.id)]
            grade = grade_project(own, settings, override=ws.grade(info.id))
            ws.set_grade(info.id, grade)
            result.grades[info.seq] = ws.grade(info.id) or grade
            result.project_names[info.seq] = info.name
        results.append(result)
    progress.report(len(document_ids), len(document_ids), "")
    return results
