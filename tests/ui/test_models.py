"""The Qt models pass Qt's model tester, and the tree loads lazily."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.modeltest import ModelTester

from core.checks.settings import CheckSettings
from core.progress import NoProgress
from core.review import FindingState
from core.store.workspace import Workspace
from ui.checking import check_documents
from ui.models.findings_model import FindingsModel
from ui.models.indicator_model import IndicatorRow, IndicatorTableModel
from ui.models.tree_model import BADGE_ROLE, NodeSpec, WorkspaceTreeModel
from ui.models.tree_source import WorkspaceTreeSource


def test_tree_model_over_the_workspace(qtmodeltester: ModelTester, workspace: Workspace) -> None:
    model = WorkspaceTreeModel(WorkspaceTreeSource(workspace))
    # Nothing is asked for until a branch is opened (the tester below opens them all).
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == len(workspace.regions())
    region = model.index(0, 0)
    assert model.rowCount(region) == 0 and model.canFetchMore(region)
    model.fetchMore(region)
    assert model.rowCount(region) == len(workspace.departments(workspace.regions()[0].id))
    qtmodeltester.check(model)


def test_tree_badges_count_the_open_findings(workspace: Workspace) -> None:
    check_documents(workspace, None, CheckSettings(), NoProgress())
    first = workspace.findings(workspace.documents(current_only=True)[0].id)[0]
    workspace.set_finding_state(first.id, FindingState.ACCEPTED)  # decided: no longer counted
    model = WorkspaceTreeModel(WorkspaceTreeSource(workspace))
    shown: dict[tuple[str, tuple[object, ...]], int] = {}

    def walk(parent: QModelIndex) -> None:
        model.fetch_all(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            spec = model.spec(index)
            assert spec is not None
            shown[(spec.kind, spec.key)] = index.data(BADGE_ROLE)
            walk(index)

    walk(QModelIndex())
    expected: dict[tuple[str, tuple[object, ...]], int] = {}
    for info in workspace.documents(current_only=True):
        open_findings = workspace.findings(info.id, state=FindingState.OPEN)
        department = ("department", (info.department_id,))
        expected[department] = expected.get(department, 0) + len(open_findings)
        for p in workspace.projects(info.id):
            expected[("project", (p.id, info.id))] = sum(f.project_id == p.id for f in open_findings)
    assert sum(expected.values()) > 0
    assert {k: v for k, v in shown.items() if k in expected} == expected
    assert shown.keys() >= expected.keys()


class _ManyProjects:
    """A source with one branch of 1,000 projects, to see batches arrive."""

    def children(self, parent: NodeSpec | None, offset: int, limit: int) -> tuple[list[NodeSpec], bool]:
        if parent is None:
            return [NodeSpec("year", (1, 2025), "2025", 1000)], False
        total = 1000
        specs = [NodeSpec("project", (i, 1), f"项目{i}", has_children=False)
                 for i in range(offset, min(total, offset + limit))]
        return specs, offset + limit < total


def test_tree_fetches_large_branches_in_batches(qtmodeltester: ModelTester) -> None:
    model = WorkspaceTreeModel(_ManyProjects())
    model.fetchMore(QModelIndex())
    year = model.index(0, 0)
    model.fetchMore(year)
    assert model.rowCount(year) == 200 and model.canFetchMore(year)
    model.fetch_all(year)
    assert model.rowCount(year) == 1000 and not model.canFetchMore(year)
    assert model.index(999, 0, year).data() == "项目999"
    assert model.parent(model.index(999, 0, year)) == year
    qtmodeltester.check(model)


def test_indicator_and_findings_models(qtmodeltester: ModelTester, workspace: Workspace) -> None:
    document_id = workspace.documents()[0].id
    check_documents(workspace, None, CheckSettings(), NoProgress())
    project = workspace.projects(document_id)[0]
    record = workspace.project(project.id)
    indicators = IndicatorTableModel()
    indicators.set_rows([IndicatorRow(i, ind, {"value": "≥1"} if n == 0 else {})
                         for n, (i, ind) in enumerate(zip(record.indicator_ids, record.project.indicators,
                                                          strict=True))])
    indicators.set_edit_handler(lambda row, column, text: False)
    qtmodeltester.check(indicators)
    findings = FindingsModel()
    findings.set_findings(workspace.findings(document_id, project.id))
    assert findings.rowCount() > 0
    qtmodeltester.check(findings)
    assert findings.rowCount(QModelIndex()) == len(workspace.findings(document_id, project.id))
