"""The window's check of a large scope runs in worker processes and stores exactly what a
check in the window's own process stores."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.checks.settings import CheckSettings
from core.checks.workspace_run import iter_workspace_checks
from core.progress import NoProgress
from core.review import FindingState
from core.store.workspace import Workspace
from tests.store.factory import make_document
from ui.checking import PARALLEL_FROM, check_document_ids


def _stored(path: Path) -> list[tuple[object, ...]]:
    with Workspace.open(path, readonly=True) as ws:
        return [(s.document_id, s.finding.check_id, s.finding.location.key(), s.finding.message, s.finding.state)
                for d in ws.documents() for s in ws.findings(d.id)]


def test_a_large_scope_is_checked_in_workers_with_the_same_result(tmp_path: Path) -> None:
    one = tmp_path / "one.sqlite"
    with Workspace.open(one) as ws:
        for n in range(PARALLEL_FROM + 1):
            ws.import_document(make_document(n, dept_code=f"{100 + n}", dept_name=f"部门{n}"), f"{n}".encode(),
                               f"{n}.docx")
        ids = [d.id for d in ws.documents()]
    many = tmp_path / "many.sqlite"
    shutil.copyfile(one, many)
    with Workspace.open(one) as ws:
        for _ in iter_workspace_checks(ws, ids, CheckSettings(), NoProgress(), jobs=1):
            pass
    with Workspace.open(many) as ws:
        run = check_document_ids(ws, ids, CheckSettings(), NoProgress())
    stored = _stored(many)
    assert stored and stored == _stored(one)
    assert run.open_findings == sum(1 for row in stored if row[-1] is FindingState.OPEN)
