"""Running the review checks from the window (in a worker thread).

The run itself is core's (core.checks.workspace_run, shared with the CLI): findings
stored with the reviewer's decisions kept, grades computed with overrides kept.
This only picks the documents in scope: the selected department's current
documents, or all current documents.
"""

from __future__ import annotations

from core.checks.settings import CheckSettings
from core.checks.workspace_run import check_workspace_documents
from core.progress import Progress
from core.store.records import Changes
from core.store.workspace import Workspace


def check_documents(ws: Workspace, department_id: int | None, settings: CheckSettings,
                    progress: Progress) -> Changes:
    """Check the current documents of one department (None: all); what changed, for the views."""
    ids = [d.id for d in ws.documents(department_id, current_only=True)]
    check_workspace_documents(ws, ids, settings, progress)
    return Changes(findings=True, grades=True, document_ids=frozenset(ids))
