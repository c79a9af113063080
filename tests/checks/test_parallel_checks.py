"""Checks spread over worker processes (`check --jobs N`, `iter_workspace_checks(jobs=)`)
give what checking in this process gives, byte for byte, and stop cleanly when cancelled.

The workers start with 'spawn' (as on Windows), so each test pays a worker start-up
(about a second); the scope is the four sample documents, which include a previous year
(group F runs in the workers too), with decided findings and a reviewer's grade kept.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.errors import Cancelled
from core.review import Band, FindingState, Grade, Result
from main import main
from tests.checks.test_check_cmd import DUCHASHI, LUNAN, NEXT_YEAR, YUTIAN


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples imported and checked once, then some findings decided and a grade overridden."""
    from core.checks.workspace_run import check_workspace_documents
    from core.store.workspace import Workspace

    target = tmp_path_factory.mktemp("parallel") / "w.sqlite"
    with Workspace.open(target) as ws:
        ws.import_files([LUNAN, DUCHASHI, YUTIAN, NEXT_YEAR])
        ids = [d.id for d in ws.documents(current_only=True)]
        check_workspace_documents(ws, ids)
        for document_id in ids:
            for n, stored in enumerate(ws.findings(document_id)):
                if n % 3 == 1:
                    ws.set_finding_state(stored.id, FindingState.DISMISSED, "不适用")
            project = ws.projects(document_id)[0]
            ws.set_grade(project.id, Grade(scores={}, total=88.0, band=Band.GOOD, result=Result.PASS,
                                           overridden=True, conclusion="审核人评定"))
    return target


def _run(source: Path, folder: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> str:
    target = folder / f"w{jobs}.sqlite"
    shutil.copyfile(source, target)
    assert main(["check", "--workspace", str(target), "--json", "--jobs", jobs]) == 0
    return capsys.readouterr().out


def test_workers_give_the_same_output_as_one_process(decided: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    here = _run(decided, tmp_path, capsys, "1")
    assert '"dismissed"' in here and '"overridden": true' in here and '"previous_document_id": null' in here
    assert _run(decided, tmp_path, capsys, "2") == here


def test_cancelling_a_parallel_run_keeps_the_batches_stored(decided: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import core.checks.workspace_run as workspace_run
    from core.store.workspace import Workspace

    target = tmp_path / "w.sqlite"
    shutil.copyfile(decided, target)
    monkeypatch.setattr(workspace_run, "BATCH_DOCUMENTS", 1)

    class StopAfterTwo:
        def __init__(self) -> None:
            self.reported: list[str] = []

        def report(self, done: int, total: int, label: str) -> None:
            if label:
                self.reported.append(label)

        def cancelled(self) -> bool:
            return len(self.reported) >= 2

    progress = StopAfterTwo()
    yielded = []
    with Workspace.open(target) as ws:
        before = {d.id: [s.finding for s in ws.findings(d.id)] for d in ws.documents(current_only=True)}
        ids = list(before)
        for document_id in ids:  # cleared, so the documents this run stored are told apart
            ws.replace_findings(document_id, [])
        with pytest.raises(Cancelled):
            for result in workspace_run.iter_workspace_checks(ws, ids, None, progress, jobs=2):
                yielded.append(result.document_id)
        assert yielded == ids[:2]
        stored = [document_id for document_id in ids if ws.findings(document_id)]
    assert stored == ids[:2]


def test_the_writer_gets_no_document_and_queries_no_projects(decided: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers hand over the numbered projects (id, seq, name) with the findings, not the
    Document: the writer's own work is storing (no `projects` query per document)."""
    import core.checks.workspace_run as workspace_run
    from core.progress import NoProgress
    from core.store.records import ProjectInfo
    from core.store.workspace import Workspace

    target = tmp_path / "w.sqlite"
    shutil.copyfile(decided, target)
    asked: list[int] = []
    projects = Workspace.projects

    def counted(self: Workspace, document_id: int) -> list[ProjectInfo]:
        asked.append(document_id)
        return projects(self, document_id)

    monkeypatch.setattr(Workspace, "projects", counted)  # in this process only: the workers are spawned
    with Workspace.open(target) as ws:
        ids = [d.id for d in ws.documents(current_only=True)]
        results = list(workspace_run.iter_workspace_checks(ws, ids, None, NoProgress(), jobs=2))
        assert asked == []
        for result in results:
            assert result.document_id is not None
            numbered = {p.seq: p for p in projects(ws, result.document_id) if p.seq is not None}
            assert set(result.grades) == set(result.project_names) == set(numbered)
            assert result.project_names == {seq: p.name for seq, p in numbered.items()}
            assert result.grades == {seq: ws.grade(p.id) for seq, p in numbered.items()}
    assert "document" not in workspace_run._Checked._fields

