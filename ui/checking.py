"""Running the review checks from the window (in a worker thread).

The run itself is core's (core.checks.workspace_run, shared with the CLI): findings
stored with the reviewer's decisions kept, grades computed with overrides kept.
This only picks the documents in scope: the selected department's current
documents, or all current documents, or the documents just imported. A large scope is
checked in worker processes, one per core, and streamed: the window keeps no document's
result, only the count of open findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.checks.settings import CheckSettings
from core.checks.workspace_run import iter_workspace_checks
from core.progress import Progress
from core.review import FindingState
from core.store.records import Changes
from core.store.workspace import Workspace


def check_documents(ws: Workspace, department_id: int | None, settings: CheckSettings,
                    progress: Progress) -> Changes:
    """Check the current documents of one department (None: all); what changed, for the views."""
    ids = [d.id for d in ws.documents(department_id, current_only=True)]
    return check_document_ids(ws, ids, settings, progress).changes


# From this many documents on, the checks run in worker processes (starting them costs
# about half a second; a department of a few documents is done sooner in this process).
PARALLEL_FROM = 8


@dataclass(frozen=True, slots=True)
class CheckRun:
    """What one run changed (for the views) and how many open findings the documents now have."""

    changes: Changes
    open_findings: int


def check_document_ids(ws: Workspace, document_ids: Sequence[int], settings: CheckSettings,
                       progress: Progress) -> CheckRun:
    """Check these documents (those just imported, say); what changed and the open findings found."""
    ids = list(document_ids)
    jobs = 0 if len(ids) >= PARALLEL_FROM else 1  # 0: one worker per core
    found = 0
    for result in iter_workspace_checks(ws, ids, settings, progress, jobs):
        found += sum(1 for f in result.findings if f.state is FindingState.OPEN)
    return CheckRun(Changes(findings=True, grades=True, document_ids=frozenset(ids)), found)
