"""Running the review checks over the workspace's current documents (in a worker thread).

The checks themselves are core's (core.checks.run_checks); this only picks the
documents in scope, finds each one's previous year for the F checks, and stores
the findings through the workspace. Runs off the GUI thread with a Progress.
"""

from __future__ import annotations

from core.checks.registry import run_checks
from core.checks.settings import CheckSettings
from core.progress import Progress, check
from core.store.records import Changes
from core.store.workspace import Workspace


def check_documents(ws: Workspace, department_id: int | None, settings: CheckSettings,
                    progress: Progress) -> Changes:
    """Check the current documents of one department (None: all) and store the findings."""
    documents = ws.documents(department_id, current_only=True)
    changes = Changes()
    for done, info in enumerate(documents):
        check(progress)
        progress.report(done, len(documents), info.source_name)
        document = ws.load_document(info.id)
        previous = None
        if info.year is not None:
            earlier = ws.documents(info.department_id, info.year - 1, current_only=True)
            if earlier:
                previous = ws.load_document(earlier[0].id)
        findings = run_checks(document, settings, previous)
        changes = changes | ws.replace_findings(info.id, findings)
    progress.report(len(documents), len(documents), "")
    return changes
