"""The import report in the window: the tree marks documents with serious warnings, and
"导入报告…" (context menu, double-click, the 审核 menu) opens the dialog listing them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.import_report import WarningCode, describe_block, describe_warning
from core.model import Document
from core.store.workspace import Workspace
from tests.store.factory import make_document, make_report
from tests.ui.helpers import click_tree_row, node_indexes
from ui.dialogs.import_report_dialog import ImportReportDialog
from ui.main_window import MainWindow
from ui.models.tree_model import DOCUMENTS_ROLE, WARNING_ROLE
from ui.settings import AppSettings


def _doc(seed: int, dept_code: str, name: str, projects: int, warnings: tuple[WarningCode, ...]) -> Document:
    doc = make_document(seed, dept_code=dept_code, dept_name=f"部门{dept_code}", projects=projects)
    doc.source_name = name
    doc.report = make_report(projects=projects, warnings=warnings)
    return doc


# Departments are listed by code: 111 (no projects), 112 (fewer indicators), 113 (clean).
NO_PROJECTS = _doc(1, "111", "无项目.pdf", 0, (WarningCode.NO_PROJECTS,))
FEWER = _doc(2, "112", "少读指标.docx", 2, (WarningCode.FEWER_INDICATORS, WarningCode.FUZZY_LABEL))
CLEAN = _doc(3, "113", "完整.docx", 1, (WarningCode.ROTATED_PAGES,))  # information only: no mark


@pytest.fixture
def window(qtbot: QtBot, temp_settings: AppSettings, tmp_path: Path) -> Iterator[MainWindow]:
    ws = Workspace.open(tmp_path / "reports.sqlite")
    for i, doc in enumerate((NO_PROJECTS, FEWER, CLEAN)):
        ws.import_document(doc, f"file {i}".encode(), doc.source_name)
    win = MainWindow(temp_settings, ws)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _years(win: MainWindow) -> dict[str, QModelIndex]:
    """The year node of each document, by file name."""
    assert win.ws is not None
    found = {}
    for index in node_indexes(win, "year"):
        [document_id] = index.data(DOCUMENTS_ROLE)
        found[win.ws.document_info(document_id).source_name] = index
    return found


def _right_click(qtbot: QtBot, win: MainWindow, index: QModelIndex) -> None:
    """A right-click on a tree row as the platform delivers it: a context-menu event."""
    win.tree.scrollTo(index)
    pos = win.tree.visualRect(index).center()
    viewport: QWidget = win.tree.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    assert win.tree_menu is not None
    qtbot.waitUntil(win.tree_menu.isVisible)


def test_documents_with_serious_warnings_are_marked_in_the_tree(window: MainWindow) -> None:
    years = _years(window)
    assert years.keys() == {"无项目.pdf", "少读指标.docx", "完整.docx"}
    for name, doc in (("无项目.pdf", NO_PROJECTS), ("少读指标.docx", FEWER)):
        index = years[name]
        first = describe_warning(doc.report.serious_warnings[0], name)
        assert index.data(WARNING_ROLE) == first
        assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # the mark
        assert first in index.data(Qt.ItemDataRole.ToolTipRole)
    clean = years["完整.docx"]
    assert clean.data(WARNING_ROLE) == "" and clean.data(Qt.ItemDataRole.DecorationRole) is None
    assert "导入警告" not in clean.data(Qt.ItemDataRole.ToolTipRole)
    assert "没有读出任何项目" in years["无项目.pdf"].data(Qt.ItemDataRole.ToolTipRole)


def test_report_dialog_from_the_tree_menu_lists_the_warnings(qtbot: QtBot, window: MainWindow) -> None:
    year = _years(window)["少读指标.docx"]
    click_tree_row(qtbot, window, year)
    _right_click(qtbot, window, year)
    menu = window.tree_menu
    assert menu is not None
    [action] = [a for a in menu.actions() if a.text() == "导入报告…"]
    menu.close()
    action.trigger()

    dialog = window.report_dialog
    assert isinstance(dialog, ImportReportDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "导入报告 — 少读指标.docx"
    expected = [describe_warning(w) for w in FEWER.report.warnings]
    assert dialog.warning_texts() == expected
    assert "只读出9行指标" in expected[0]  # the words a reviewer reads, with the numbers
    assert [dialog.block_list.item(i).text() for i in range(dialog.block_list.count())] == [
        describe_block(b) for b in FEWER.report.blocks]
    summary = dialog.summary.text()
    for number in ("3 张表格", "2 个项目", "18 行绩效指标", "24 行数据", "1 条警告"):
        assert number in summary
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert expected[0] in copied and describe_block(FEWER.report.blocks[-1]) in copied
    dialog.close()


def test_double_click_on_a_document_without_projects_opens_its_report(qtbot: QtBot, window: MainWindow) -> None:
    year = _years(window)["无项目.pdf"]
    window.tree.scrollTo(year)
    rect = window.tree.visualRect(year)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    dialog = window.report_dialog
    assert dialog.isVisible() and "无项目.pdf" in dialog.windowTitle()
    [text] = dialog.warning_texts()
    assert text == describe_warning(NO_PROJECTS.report.warnings[0])
    assert "文件中有3张表格，但没有读出任何项目" in text
    assert "0 个项目" in dialog.summary.text()
    dialog.close()


def test_report_of_the_shown_project_from_the_review_menu(qtbot: QtBot, window: MainWindow) -> None:
    [clean_id] = _years(window)["完整.docx"].data(DOCUMENTS_ROLE)
    [project] = [i for i in node_indexes(window, "project") if i.data(DOCUMENTS_ROLE) == (clean_id,)]
    click_tree_row(qtbot, window, project)
    assert window.record is not None and window.record.document_id == clean_id
    window.report_action.trigger()

    dialog = window.report_dialog
    assert dialog.windowTitle() == "导入报告 — 完整.docx"
    assert dialog.warning_texts() == [describe_warning(CLEAN.report.warnings[0])]
    dialog.close()


def test_a_document_stored_before_reports_says_so(qtbot: QtBot) -> None:
    dialog = ImportReportDialog("旧文件.docx", None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "没有记录导入报告" in dialog.summary.text()
    assert dialog.warning_texts() == [] and dialog.block_list.count() == 0
    assert not dialog.copy_button.isEnabled()
