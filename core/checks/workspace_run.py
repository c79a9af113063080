"""Running the checks over documents of a workspace: findings saved with their states kept,
grades computed and saved (a reviewer's override kept). The CLI and the window share it.

Only the workspace API is used (`load_document`, `replace_findings`, `findings`,
`grade`, `set_grade`); the previous year's current document of the same department
is handed to the checks that need it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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


# Documents whose results are written in one transaction: a small run (a department, the
# window's selection) lands whole or not at all; a city's run commits every so many
# documents and keeps no more of them in memory than that.
BATCH_DOCUMENTS = 50


def check_workspace_documents(ws: Workspace, document_ids: Sequence[int], settings: CheckSettings | None = None,
                              progress: Progress | None = None) -> list[DocumentCheck]:
    """Check each document, store the findings (decided states survive) and the grades.

    The findings and grades of up to `BATCH_DOCUMENTS` documents are stored in one
    transaction, so a failed write (a full disk) leaves those documents as they were.
    Every result (with its `Document`) is kept to the end; for a large scope use
    `iter_workspace_checks`, which hands each result over as soon as its batch is stored.
    """
    return list(iter_workspace_checks(ws, document_ids, settings, progress))


def iter_workspace_checks(ws: Workspace, document_ids: Sequence[int], settings: CheckSettings | None = None,
                          progress: Progress | None = None) -> Iterator[DocumentCheck]:
    """`check_workspace_documents` streaming: each document's result is yielded once its
    batch is stored, in the order of `document_ids`, and nothing of it is kept here after
    that, so at most `BATCH_DOCUMENTS` documents are in memory whatever the scope.

    Cancelling (or stopping the iteration) between batches leaves the batches already
    stored as they are; the batch under way is not written.
    """
    progress = progress or NoProgress()
    pending: list[tuple[int, Document, int | None, list[Finding]]] = []

    def grade(findings: list[Finding], stored: Grade | None) -> Grade:
        return grade_project(findings, settings, override=stored)

    def flush() -> list[DocumentCheck]:
        if not pending:
            return []
        grades = ws.store_check_results([(doc_id, findings) for doc_id, _, _, findings in pending], grade)
        results = []
        for document_id, document, previous_id, _ in pending:
            stored = [s.finding for s in ws.findings(document_id)]
            result = DocumentCheck(document_id=document_id, source_name=document.source_name, year=document.year,
                                   document=document, findings=stored, previous_document_id=previous_id)
            for info in ws.projects(document_id):
                if info.seq is not None and info.id in grades:
                    result.grades[info.seq] = grades[info.id]
                    result.project_names[info.seq] = info.name
            results.append(result)
        pending.clear()
        return results

    for done, document_id in enumerate(document_ids):
        if progress.cancelled():
            raise Cancelled()
        document = ws.load_document(document_id)
        progress.report(done, len(document_ids), document.source_name)
        previous_id = previous_document_id(ws, document_id)
        previous = ws.load_document(previous_id) if previous_id is not None else None
        pending.append((document_id, document, previous_id, run_checks(document, settings, previous)))
        del document, previous
        if len(pending) >= BATCH_DOCUMENTS:
            yield from flush()
    yield from flush()
    progress.report(len(document_ids), len(document_ids), "")
