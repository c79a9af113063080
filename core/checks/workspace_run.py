"""Running the checks over documents of a workspace: findings saved with their states kept,
grades computed and saved (a reviewer's override kept). The CLI and the window share it.

Only the workspace API is used (`load_document`, `store_check_results`, `projects`); the
previous year's current document of the same department is handed to the checks that need it.

With `jobs` > 1 (a SQLite workspace), the documents are loaded and checked in that many
worker processes, each with the workspace open read-only (no lock, `query_only`; SQLite's
WAL lets them read while the one writer commits), started with 'spawn' so the same code
runs on Windows. The workers return only what the writer needs (`_Checked`: the document's
name and year, its previous document's id, the findings, and the ids, numbers and names of
its numbered projects, which the grades are keyed by), not the `Document`; this process
alone writes, in document order, batch by batch, without a query of its own besides the
store, so memory stays at a batch plus what the workers have ready, whatever the scope.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from core.checks.grading import grader
from core.checks.registry import run_checks
from core.checks.settings import CheckSettings
from core.child_process import exit_with_parent
from core.errors import Cancelled
from core.jobs import job_count
from core.progress import NoProgress, Progress
from core.review import Finding, Grade

if TYPE_CHECKING:
    from core.store.workspace import Workspace


@dataclass(slots=True)
class DocumentCheck:
    """One document's check run as stored: findings with their states, and grades by project seq
    (with the projects' names, for printing). The document itself is not kept: a run over a
    city hands over a result per document."""

    document_id: int | None
    source_name: str
    year: int | None
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
                              progress: Progress | None = None, jobs: int = 1) -> list[DocumentCheck]:
    """Check each document, store the findings (decided states survive) and the grades.

    The findings and grades of up to `BATCH_DOCUMENTS` documents are stored in one
    transaction, so a failed write (a full disk) leaves those documents as they were.
    Every result (its findings and grades) is kept to the end; for a large scope use
    `iter_workspace_checks`, which hands each result over as soon as its batch is stored.
    """
    return list(iter_workspace_checks(ws, document_ids, settings, progress, jobs))


def iter_workspace_checks(ws: Workspace, document_ids: Sequence[int], settings: CheckSettings | None = None,
                          progress: Progress | None = None, jobs: int = 1) -> Iterator[DocumentCheck]:
    """`check_workspace_documents` streaming: each document's result is yielded once its
    batch is stored, in the order of `document_ids`, and nothing of it is kept here after
    that, so at most `BATCH_DOCUMENTS` documents are in memory whatever the scope.

    `jobs` > 1 checks in that many worker processes (a SQLite workspace only; a server
    workspace, or a single document, is checked here); the results, the order and what is
    stored are the same. Cancelling (or stopping the iteration) between batches leaves the
    batches already stored as they are; the batch under way is not written.
    """
    progress = progress or NoProgress()
    pending: list[_Checked] = []

    grade = grader(settings)

    def flush() -> list[DocumentCheck]:
        if not pending:
            return []
        stored = ws.store_check_results([(checked.document_id, checked.findings) for checked in pending], grade)
        results = []
        for checked, written in zip(pending, stored, strict=True):
            result = DocumentCheck(document_id=checked.document_id, source_name=checked.source_name,
                                   year=checked.year, findings=written.findings,
                                   previous_document_id=checked.previous_document_id)
            for project_id, seq, name in checked.numbered_projects:
                if project_id in written.grades:
                    result.grades[seq] = written.grades[project_id]
                    result.project_names[seq] = name
            results.append(result)
        pending.clear()
        return results

    jobs = job_count(jobs, len(document_ids))
    checked_documents = (_checked_in_workers(ws.path, document_ids, settings, jobs, progress)
                         if jobs > 1 and ws.path else _checked_here(ws, document_ids, settings, progress))
    for done, checked in enumerate(checked_documents):
        progress.report(done, len(document_ids), checked.source_name)
        pending.append(checked)
        del checked
        if len(pending) >= BATCH_DOCUMENTS:
            yield from flush()
    yield from flush()
    progress.report(len(document_ids), len(document_ids), "")


class _Checked(NamedTuple):
    """One document checked, as a worker hands it to the writer: what storing the findings
    and grades and reporting them needs, and no more (not the `Document`)."""

    document_id: int
    source_name: str
    year: int | None
    previous_document_id: int | None
    findings: list[Finding]
    # (project id, seq, name) of each project with a seq, in document order: the grades
    # `store_check_results` returns are keyed by project id, the results by seq.
    numbered_projects: tuple[tuple[int, int, str], ...]


def _check_one(ws: Workspace, document_id: int, settings: CheckSettings | None) -> _Checked:
    document = ws.load_document(document_id)
    previous_id = previous_document_id(ws, document_id)
    previous = ws.load_document(previous_id) if previous_id is not None else None
    findings = run_checks(document, settings, previous)
    numbered = tuple((info.id, info.seq, info.name) for info in ws.projects(document_id) if info.seq is not None)
    return _Checked(document_id, document.source_name, document.year, previous_id, findings, numbered)


def _checked_here(ws: Workspace, document_ids: Sequence[int], settings: CheckSettings | None,
                  progress: Progress) -> Iterator[_Checked]:
    for document_id in document_ids:
        if progress.cancelled():
            raise Cancelled()
        yield _check_one(ws, document_id, settings)


def _checked_in_workers(path: Path, document_ids: Sequence[int], settings: CheckSettings | None, jobs: int,
                        progress: Progress) -> Iterator[_Checked]:
    """The checked documents in the order given, checked `jobs` at a time in worker processes.

    At most a batch plus two per worker are asked for ahead of the writer, so the workers
    keep busy while a batch is stored and memory stays flat. Cancelling drops what was asked
    for and not started, and waits for the documents under way (a fraction of a second)."""
    ahead = BATCH_DOCUMENTS + 2 * jobs
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_worker_start, initargs=(str(path), settings))
    try:
        queued: deque[Future[_Checked]] = deque()
        following = iter(document_ids)
        for document_id in following:
            queued.append(executor.submit(_worker_check, document_id))
            if len(queued) >= ahead:
                break
        while queued:
            if progress.cancelled():
                raise Cancelled()
            checked = queued.popleft().result()
            for document_id in following:
                queued.append(executor.submit(_worker_check, document_id))
                break
            yield checked
            del checked
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# A worker process's own workspace connection (read-only) and settings, set by _worker_start.
_worker: tuple[Workspace, CheckSettings | None] | None = None


def _worker_start(path: str, settings: CheckSettings | None) -> None:
    """A worker opens the workspace read-only (no lock, no integrity check: the writer's
    process did those) and ignores Ctrl+C, which the writer turns into a clean stop."""
    global _worker
    from core.store.workspace import Workspace

    exit_with_parent()  # an idle worker must not outlive the writer (core/child_process.py)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = (Workspace.open(path, create=False, readonly=True, check="none"), settings)


def _worker_check(document_id: int) -> _Checked:
    assert _worker is not None, "_worker_start runs first in every worker"
    ws, settings = _worker
    return _check_one(ws, document_id, settings)
