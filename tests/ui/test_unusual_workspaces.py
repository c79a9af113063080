"""The window opens any workspace: a document without projects, a project without indicators, nothing.

Import refuses a document without projects, yet a workspace can hold one (an older
build, another tool, a recogniser that read nothing), so these workspaces are built
through the store directly. Each test opens the real main window on it and clicks
through the tree as a reviewer does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from core.store.workspace import Workspace
from tests.store.factory import make_document
from tests.ui.helpers import click_tree_row, node_indexes, type_text, wait_for_writes
from ui.main_window import MainWindow
from ui.models.indicator_model import LEVEL3
from ui.models.tree_model import NodeSpec, WorkspaceTreeModel
from ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


def _open_window(qtbot: QtBot, settings: AppSettings, workspace: Workspace) -> MainWindow:
    win = MainWindow(settings, workspace)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _no_projects_file(path: Path) -> Path:
    doc = make_document(1, projects=0)
    doc.source_name = "无项目.docx"
    with Workspace.open(path) as ws:
        ws.import_document(doc, b"a document without projects", doc.source_name)
    return path


@pytest.fixture
def closing() -> Iterator[list[MainWindow]]:
    """Windows to close after the test (closing releases the workspace lock)."""
    windows: list[MainWindow] = []
    yield windows
    for win in windows:
        win.close()


def test_window_opens_a_document_without_projects(qtbot: QtBot, temp_settings: AppSettings, tmp_path: Path,
                                                  closing: list[MainWindow]) -> None:
    ws = Workspace.open(_no_projects_file(tmp_path / "w.sqlite"))
    win = _open_window(qtbot, temp_settings, ws)
    closing.append(win)

    for kind in ("region", "department"):
        [index] = node_indexes(win, kind)
        click_tree_row(qtbot, win, index)
    [year] = node_indexes(win, "year")
    click_tree_row(qtbot, win, year)
    qtbot.wait(50)  # a paint of the tree after the empty branch was asked for its children
    [year] = node_indexes(win, "year")  # proxy indexes do not outlive a layout change

    spec = win.tree_model.spec(win.tree_proxy.mapToSource(year))
    assert spec is not None and spec.label == "2025" and spec.count == 0
    assert not win.tree_proxy.hasChildren(year)  # no expander on a year with nothing under it
    assert node_indexes(win, "project") == []
    assert win.record is None
    assert not win.centre_split.isVisible() and win.indicators.rowCount() == 0
    assert win.placeholder.isVisible() and "没有读出任何项目" in win.placeholder.text()
    assert win.placeholder_report.isVisible()
    qtbot.mouseClick(win.placeholder_report, Qt.MouseButton.LeftButton)
    dialog = win.report_dialog
    assert dialog.isVisible() and "无项目.docx" in dialog.windowTitle()
    dialog.close()


def test_window_opens_a_project_without_indicators(qtbot: QtBot, temp_settings: AppSettings, tmp_path: Path,
                                                   closing: list[MainWindow]) -> None:
    doc = make_document(2, projects=2)
    doc.projects[1].indicators = []
    ws = Workspace.open(tmp_path / "w.sqlite")
    ws.import_document(doc, b"a project without indicators", "b.docx")
    win = _open_window(qtbot, temp_settings, ws)
    closing.append(win)

    with_rows, without = node_indexes(win, "project")
    click_tree_row(qtbot, win, with_rows)
    assert win.indicators.rowCount() == len(doc.projects[0].indicators)
    assert win.indicators.index(0, LEVEL3).data() == doc.projects[0].indicators[0].level3.raw

    click_tree_row(qtbot, win, without)
    assert win.record is not None and win.record.project.indicators == []
    assert win.centre_split.isVisible() and not win.placeholder.isVisible()
    assert win.form.shown("name") == doc.projects[1].name.raw  # type: ignore[union-attr]
    assert win.indicators.rowCount() == 0 and win.table.model().rowCount() == 0
    assert "0 行绩效指标" in win.statusBar().currentMessage()
    # Acting on the empty table neither fails nor invents a row.
    win.table.setFocus()
    win.copy_action.trigger()
    win.paste_action.trigger()
    wait_for_writes(qtbot, win)
    assert win.ws is not None and win.ws.revisions(win.record.document_id, win.record.id) == []


def test_window_opens_an_empty_workspace(qtbot: QtBot, temp_settings: AppSettings, tmp_path: Path,
                                         closing: list[MainWindow]) -> None:
    win = _open_window(qtbot, temp_settings, Workspace.open(tmp_path / "empty.sqlite"))
    closing.append(win)

    assert win.tree_proxy.rowCount() == 0 and not win.tree_proxy.hasChildren(QModelIndex())
    assert win.placeholder.isVisible() and "导入" in win.placeholder.text()
    assert not win.placeholder_report.isVisible()
    assert win.import_action.isEnabled() and not win.copy_action.isEnabled()
    qtbot.mouseClick(win.tree.viewport(), Qt.MouseButton.LeftButton)  # a click on nothing
    type_text(qtbot, win.filter_box, "督查")
    assert win.tree_proxy.rowCount() == 0
    win.report_action.trigger()  # nothing selected: a word in the status bar, no dialog
    assert getattr(win, "report_dialog", None) is None
    assert win.statusBar().currentMessage()
    assert win.record is None


def test_gui_screenshot_of_a_document_without_projects_exits_normally(tmp_path: Path) -> None:
    """The reported symptom: `main.py gui --workspace W` died with SIGSEGV on such a workspace."""
    path = _no_projects_file(tmp_path / "w.sqlite")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "main.py", "gui", "--workspace", str(path),
                           "--screenshot", str(tmp_path / "shot.png")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert (tmp_path / "shot.png").stat().st_size > 0


class _EmptyBranch:
    """A source whose one year promises children and has none (the crash: the model then
    announced a layout change from inside the view's layout, behind the sort proxy)."""

    def children(self, parent: NodeSpec | None, offset: int, limit: int) -> tuple[list[NodeSpec], bool]:
        if parent is None:
            return [NodeSpec("year", (1, 2025), "2025", 0)], False
        return [], False


def test_an_empty_branch_behind_the_proxy_tells_the_view_in_pairs(qtbot: QtBot) -> None:
    view = QTreeView()
    qtbot.addWidget(view)
    # Models owned by the view: deleted with it, never before it.
    model = WorkspaceTreeModel(_EmptyBranch(), view)
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    signals: list[str] = []
    model.layoutAboutToBeChanged.connect(lambda *_: signals.append("about to change"))
    model.layoutChanged.connect(lambda *_: signals.append("changed"))

    proxy.fetchMore(QModelIndex())
    year = proxy.index(0, 0)
    view.setCurrentIndex(year)
    view.expand(year)
    view.show()  # the view asks for the year's children in the middle of its layout
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: signals == ["about to change", "changed"])
    view.viewport().repaint()

    year = proxy.index(0, 0)  # proxy indexes are remade by a layout change
    assert not proxy.canFetchMore(year) and not proxy.hasChildren(year)
    assert view.currentIndex() == year and year.data() == "2025  (0)"  # remapped, not left dangling
