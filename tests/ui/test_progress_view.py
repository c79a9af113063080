"""The review progress overview, opened from a department node like a reviewer does: context menu,
sorting by a header click, a double-click to the project, export to .xlsx read back with openpyxl;
read again on activation only after a write (or new settings), on F5 always; proposals graded with
the reviewer's settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from core.checks.grading import grade_project, override_grade
from core.checks.registry import load_checks
from core.checks.settings import CheckSettings
from core.checks.workspace_run import check_workspace_documents
from core.review import Band, FindingState, Location
from core.store.review_progress import ProjectProgress, ReviewProgress, review_progress
from core.store.workspace import Workspace
from tests.store.test_review_progress import WEIGHTED
from tests.ui.helpers import node_indexes
from ui.main_window import MainWindow
from ui.models.progress_model import OPEN, PROJECT, PROPOSED_TOTAL
from ui.models.roles import SORT_ROLE
from ui.settings import AppSettings
from ui.views import progress_view
from ui.views.progress_view import ProgressWindow


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """The reviewer's language: the overview's words and the workbook's sheets in Chinese."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def checked_window(qtbot: QtBot, temp_settings: AppSettings, workspace: Workspace) -> Iterator[MainWindow]:
    """The window on the sample workspace after a check run, one finding accepted and one dismissed."""
    load_checks()
    check_workspace_documents(workspace, [d.id for d in workspace.documents(current_only=True)])
    findings = [f for d in workspace.documents(current_only=True) for f in workspace.findings(d.id)
                if f.project_id is not None]
    workspace.set_findings_state([findings[0].id], FindingState.ACCEPTED)
    workspace.set_findings_state([findings[1].id], FindingState.DISMISSED, "部门已说明")
    win = MainWindow(temp_settings, workspace)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def open_from_department_node(qtbot: QtBot, win: MainWindow) -> ProgressWindow:
    """Right-click the first department in the tree and choose 审核进度… in its menu."""
    department = node_indexes(win, "department")[0]
    win.tree.scrollTo(department)
    pos = win.tree.visualRect(department).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, win.tree.viewport().mapToGlobal(pos))
    QApplication.sendEvent(win.tree.viewport(), event)
    menu = win.tree_menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text() == "审核进度…")
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: getattr(win, "progress_window", None) is not None)
    progress = win.progress_window
    qtbot.addWidget(progress)
    qtbot.waitExposed(progress)
    return progress


def column_values(progress: ProgressWindow, column: int) -> list[object]:
    proxy = progress.proxy
    return [proxy.index(r, column).data(SORT_ROLE) for r in range(proxy.rowCount())]


def click_header(qtbot: QtBot, progress: ProgressWindow, column: int) -> None:
    header = progress.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_overview_from_the_department_node_sorts_and_jumps(qtbot: QtBot, checked_window: MainWindow) -> None:
    win = checked_window
    assert win.ws is not None
    progress = open_from_department_node(qtbot, win)
    department_id = progress.department_id
    projects = win.ws.department_projects(department_id)
    assert progress.model.rowCount() == len(projects) > 1
    assert progress.summary.text().startswith(win.ws.department(department_id).label)
    open_counts = win.ws.open_findings_per_project(department_id)
    shown = {progress.model.project_at(r).project_id: progress.model.project_at(r).counts.open
             for r in range(progress.model.rowCount())}
    assert shown == {p.id: open_counts.get(p.id, 0) for p in projects}

    # A click on the 待处理 header sorts by it; a second click reverses the order.
    click_header(qtbot, progress, OPEN)
    first = column_values(progress, OPEN)
    ascending = progress.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert first == sorted(first, reverse=not ascending) and len(set(first)) > 1
    click_header(qtbot, progress, OPEN)
    assert column_values(progress, OPEN) == sorted(first, reverse=ascending)

    # "只看有待处理的项目" hides the projects without open findings.
    qtbot.mouseClick(progress.only_open, Qt.MouseButton.LeftButton)
    assert all(int(str(v)) > 0 for v in column_values(progress, OPEN))

    # A double-click on a project shows it in the main window, selected in the tree.
    index = progress.proxy.index(0, PROJECT)
    chosen = progress.model.project_at(progress.proxy.mapToSource(index).row())
    rect = progress.view.visualRect(index)
    qtbot.mouseClick(progress.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click
    qtbot.mouseDClick(progress.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # starts with a press
    qtbot.waitUntil(lambda: win.record is not None and win.record.id == chosen.project_id)
    spec = win.tree_model.spec(win.tree_proxy.mapToSource(win.tree.currentIndex()))
    assert spec is not None and spec.kind == "project" and spec.key_id() == chosen.project_id


def test_export_overview_and_findings_to_xlsx(qtbot: QtBot, checked_window: MainWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    win = checked_window
    assert win.ws is not None
    progress = open_from_department_node(qtbot, win)
    target = tmp_path / "进度.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), "")))
    qtbot.mouseClick(progress.export_button, Qt.MouseButton.LeftButton)
    op = progress.last_export
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=60_000)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["部门进度", "项目进度", "审核发现"]
    projects = list(book["项目进度"].iter_rows(values_only=True))
    assert len(projects) == 1 + progress.model.rowCount()
    head = projects[0]
    keyed = {(row[head.index("年度")], row[head.index("序号")], row[head.index("项目名称")]): row
             for row in projects[1:]}
    assert len(keyed) == len(projects) - 1
    for r in range(progress.model.rowCount()):
        p = progress.model.project_at(r)
        row = keyed[(p.year, p.seq, p.name)]
        assert (row[head.index("待处理")], row[head.index("已采纳")], row[head.index("已驳回")]) == (
            p.counts.open, p.counts.accepted, p.counts.dismissed)
    findings = list(book["审核发现"].iter_rows(values_only=True))
    department = list(book["部门进度"].iter_rows(values_only=True))
    assert len(findings) - 1 == department[1][department[0].index("发现合计")]
    states = {row[findings[0].index("状态")] for row in findings[1:]}
    assert "待处理" in states


def test_overview_follows_decisions_made_meanwhile(qtbot: QtBot, checked_window: MainWindow) -> None:
    win = checked_window
    assert win.ws is not None
    progress = open_from_department_node(qtbot, win)
    before = sum(progress.model.project_at(r).counts.accepted for r in range(progress.model.rowCount()))
    some = next(f for d in win.ws.documents(progress.department_id, current_only=True)
                for f in win.ws.findings(d.id, state=FindingState.OPEN) if f.project_id is not None)
    win.ws.set_findings_state([some.id], FindingState.ACCEPTED)
    # The toolbar action opens the same window again and shows the new numbers.
    win.open_progress(progress.department_id)
    assert win.progress_window is progress
    after = sum(progress.model.project_at(r).counts.accepted for r in range(progress.model.rowCount()))
    assert after == before + 1


def shown_projects(progress: ProgressWindow) -> list[ProjectProgress]:
    return [progress.model.project_at(r) for r in range(progress.model.rowCount())]


def activate(progress: ProgressWindow) -> None:
    """What the window gets when the reviewer comes back to it from the main window."""
    QApplication.sendEvent(progress, QEvent(QEvent.Type.WindowActivate))


def test_activation_reads_again_only_after_a_write(qtbot: QtBot, checked_window: MainWindow,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    win = checked_window
    ws = win.ws
    assert ws is not None
    progress = open_from_department_node(qtbot, win)
    reads: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> ReviewProgress:
        reads.append(1)
        return review_progress(*args, **kwargs)

    monkeypatch.setattr(progress_view, "review_progress", counted)
    for _ in range(3):  # focus back and forth, nothing written: nothing read
        activate(progress)
    assert reads == []

    # A decision taken in the main window (on its writer's thread) is read on the next activation, once.
    accepted = sum(p.counts.accepted for p in shown_projects(progress))
    some = next(f for d in ws.documents(progress.department_id, current_only=True)
                for f in ws.findings(d.id, state=FindingState.OPEN) if f.project_id is not None)
    win.writer.submit(lambda: ws.set_findings_state([some.id], FindingState.ACCEPTED))
    win.writer.drain()
    activate(progress)
    activate(progress)
    assert len(reads) == 1
    assert sum(p.counts.accepted for p in shown_projects(progress)) == accepted + 1

    # Any other write (a comment) is read once too, on the next activation only.
    ws.add_annotation(some.document_id, Location(project_seq=1), "请补充测算依据")
    activate(progress)
    activate(progress)
    assert len(reads) == 2

    # The reviewer asks: F5 (the 刷新 button's key) reads whatever happened.
    progress.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is progress)
    qtbot.keyClick(progress.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(reads) == 3)  # the button's shortcut clicks it as it shows it pressed
    qtbot.mouseClick(progress.refresh_button, Qt.MouseButton.LeftButton)
    assert len(reads) == 4

    # Closed and opened again (after a write meanwhile) it reads once more, then waits for writes.
    progress.close()
    ws.set_findings_state([some.id], FindingState.OPEN)
    win.open_progress(progress.department_id)
    assert win.progress_window is progress and len(reads) == 5
    activate(progress)
    assert len(reads) == 5
    assert sum(p.counts.accepted for p in shown_projects(progress)) == accepted




def test_proposals_are_graded_with_the_reviewers_settings(qtbot: QtBot, temp_settings: AppSettings,
                                                          workspace: Workspace) -> None:
    load_checks()
    temp_settings.set_check_settings(WEIGHTED)  # the Settings dialog's criterion points and deductions
    check_workspace_documents(workspace, [d.id for d in workspace.documents(current_only=True)], WEIGHTED)
    win = MainWindow(temp_settings, workspace)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    progress = open_from_department_node(qtbot, win)
    rows = shown_projects(progress)
    assert rows and any(p.proposed_total is not None and p.proposed_total < 100 for p in rows)
    for p in rows:  # the overview's proposal is the grade the check gave with these settings
        stored = workspace.grade(p.project_id)
        assert stored is not None and (p.proposed_total, p.proposed_band) == (stored.total, stored.band)
        shown = progress.model.index(rows.index(p), PROPOSED_TOTAL).data()
        assert shown == f"{stored.total:g}"

    # The reviewer overrides a grade: the proposal stays the computed one, with their weights.
    first = next(p for p in rows if p.proposed_total is not None and p.proposed_total < 100)
    computed = workspace.grade(first.project_id)
    assert computed is not None
    workspace.set_grade(first.project_id, override_grade(computed, band=Band.POOR))
    activate(progress)
    now = next(p for p in shown_projects(progress) if p.project_id == first.project_id)
    assert now.overridden and now.proposed_total == computed.total

    # New settings are read on the next activation, though nothing was written.
    temp_settings.set_check_settings(CheckSettings())
    activate(progress)
    now = next(p for p in shown_projects(progress) if p.project_id == first.project_id)
    findings = [f.finding for f in workspace.findings(first.document_id, first.project_id)]
    assert now.proposed_total == grade_project(findings, CheckSettings()).total != computed.total
    win.close()
