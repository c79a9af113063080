"""Findings about the department part (G7, H1–H4, 共性问题) sit on the department node."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.checks.registry import load_checks
from core.checks.workspace_run import check_workspace_documents
from core.review import FindingState
from tests.ui.helpers import click_tree_row, node_indexes, pick_first_project, wait_for_writes
from ui.main_window import MainWindow


def test_department_node_lists_its_findings_and_a_decision_sticks(qtbot: QtBot, window: MainWindow) -> None:
    assert window.ws is not None
    load_checks()
    check_workspace_documents(window.ws, [d.id for d in window.ws.documents(current_only=True)])
    window.reload_tree()
    with_own = [i for i in node_indexes(window, "department")
                if any(f.project_id is None for d in window._node_documents(i) for f in window.ws.findings(d))]
    assert with_own, "the samples give department-level findings (H3, G7, 共性问题)"
    click_tree_row(qtbot, window, with_own[0])
    shown = [window.findings.finding_at_row(r) for r in range(window.findings.proxy.rowCount())]
    assert shown and all(f.project_id is None for f in shown)
    assert window.record is None

    window.findings.view.selectRow(0)
    chosen = window.findings.current()
    assert chosen is not None
    qtbot.mouseClick(window.findings.accept_button, Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)
    stored = {f.id: f.finding.state for d in window._node_documents(with_own[0]) for f in window.ws.findings(d)}
    assert stored[chosen.id] is FindingState.ACCEPTED

    pick_first_project(qtbot, window)  # a project shows its own findings again
    assert all(window.findings.finding_at_row(r).project_id is not None
               for r in range(window.findings.proxy.rowCount()))
