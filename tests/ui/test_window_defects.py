"""Reading a whole finding, telling look-alike project names apart, the keys a reviewer
expects (Ctrl+Y, Ctrl+S, Enter), and imported documents checked at once.

Each test acts through the widgets as a reviewer does and asserts what is shown or stored.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip
from pytestqt.qtbot import QtBot

from core.demo import sample_files
from core.review import Criterion, Finding, FindingState, Location, Severity
from core.store.records import StoredFinding
from core.store.workspace import Workspace
from tests.conftest import SAMPLES
from tests.ui.helpers import (
    node_indexes,
    pick_first_project,
    project_indexes,
    type_into_cell,
    wait_for_writes,
)
from ui.labels import finding_place, finding_text
from ui.main_window import MainWindow
from ui.models.indicator_model import LEVEL3, VALUE
from ui.models.tree_model import NODE_ROLE
from ui.settings import AppSettings
from ui.views.findings_dock import FindingsPanel

LONG_QUOTE = "全年完成12345热线中心来电受理、派单、回访及满意度测评工作，确保群众诉求件件有回音"


def _click_finding_row(qtbot: QtBot, panel: FindingsPanel, row: int) -> None:
    index = panel.proxy.index(row, 0)
    panel.view.scrollTo(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center())


def test_the_detail_pane_shows_the_whole_finding_of_the_clicked_row(qtbot: QtBot) -> None:
    finding = Finding("C5", Severity.WARNING, Criterion.APPROPRIATENESS,
                      Location(project_seq=3, indicator=6, column="value"), LONG_QUOTE, "R",
                      {"text": "指标值“" + LONG_QUOTE + "”不是可衡量的目标值，应写明数量、比例或时限"},
                      suggestion="≥95%", state=FindingState.DISMISSED, reason="报送单位已说明口径")
    other = Finding("A1", Severity.ERROR, Criterion.COMPLETENESS, Location(project_seq=None, field="overall_goal"),
                    "", "R", {"text": "部门整体绩效目标为空"})
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_findings([StoredFinding(1, 1, 7, None, finding), StoredFinding(2, 1, None, None, other)],
                       {7: "12345热线中心运行维护经费"})
    assert panel.detail.toPlainText() == ""

    row = next(r for r in range(panel.proxy.rowCount()) if panel.finding_at_row(r).id == 1)
    _click_finding_row(qtbot, panel, row)
    text = panel.detail.toPlainText()
    assert finding_text(finding) in text  # the whole sentence, not the column's first characters
    place = finding_place(finding.location, "12345热线中心运行维护经费")  # in the window's language
    assert place.startswith("12345热线中心运行维护经费 › ") and place.count(" › ") == 2
    assert place in text
    assert LONG_QUOTE in text and "≥95%" in text and "报送单位已说明口径" in text
    assert panel.detail.isReadOnly() and panel.detail.isVisible()
    assert panel.detail.lineWrapMode() == panel.detail.LineWrapMode.WidgetWidth

    # Another row: the pane follows it; a department finding has no project in its place.
    _click_finding_row(qtbot, panel, 1 - row)
    text = panel.detail.toPlainText()
    assert "部门整体绩效目标为空" in text and LONG_QUOTE not in text
    assert finding_place(other.location) in text and "12345热线中心运行维护经费" not in text


def test_after_a_check_clicking_a_finding_shows_its_project_in_the_detail(qtbot: QtBot, window: MainWindow) -> None:
    window.check_action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "检查完成。", timeout=60_000)
    pick_first_project(qtbot, window)
    assert window.record is not None and window.record.project.name is not None
    panel = window.findings
    assert panel.proxy.rowCount() > 0
    _click_finding_row(qtbot, panel, 0)
    stored = panel.current()
    assert stored is not None
    text = panel.detail.toPlainText()
    assert finding_text(stored.finding) in text  # in the window's language
    assert window.record.project.name.raw in text


def test_tree_names_are_cut_in_the_middle_and_every_node_has_its_full_name_as_tooltip(
        qtbot: QtBot, window: MainWindow) -> None:
    assert window.tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    option = QStyleOptionViewItem()
    window.tree.initViewItemOption(option)
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle

    nodes = [i for kind in ("region", "department", "year", "unit", "project") for i in node_indexes(window, kind)]
    assert nodes
    for index in nodes:
        assert index.data(NODE_ROLE).label in index.data(Qt.ItemDataRole.ToolTipRole)

    # Hover over a project in a narrow tree: the tooltip gives the whole name.
    window.tree_dock.resize(160, window.tree_dock.height())
    index = project_indexes(window)[0]
    window.tree.scrollTo(index)
    pos = window.tree.visualRect(index).center()
    QApplication.sendEvent(window.tree.viewport(),
                           QHelpEvent(QEvent.Type.ToolTip, pos, window.tree.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert index.data(NODE_ROLE).label in QToolTip.text()
    QToolTip.hideText()


def test_ctrl_y_and_ctrl_shift_z_redo(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None
    # both, whatever the platform's own redo key is
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= {k.toString() for k in window.redo_action.shortcuts()}
    type_into_cell(qtbot, window, 0, VALUE, "≥98%")
    wait_for_writes(qtbot, window)
    for redo in ((Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
                 (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)):
        window.table.setFocus()
        qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        wait_for_writes(qtbot, window)
        assert window.ws.revisions(record.document_id, record.id) == []
        qtbot.keyClick(window.table, *redo)
        wait_for_writes(qtbot, window)
        assert [r.revision.suggested for r in window.ws.revisions(record.document_id, record.id)] == ["≥98%"]


def test_ctrl_s_waits_for_the_writes_and_says_saved(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None
    type_into_cell(qtbot, window, 0, LEVEL3, "来电接通率")
    qtbot.keyClick(window.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.writer.pending == 0  # nothing left queued once Ctrl+S returns
    assert [r.revision.suggested for r in window.ws.revisions(record.document_id, record.id)] == ["来电接通率"]
    assert window.statusBar().currentMessage() == "已保存"


def test_enter_moves_down_one_row_as_in_excel(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    assert window.indicators.rowCount() >= 2
    window.table.setFocus()
    window.table.setCurrentIndex(window.indicators.index(0, VALUE))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert (window.table.currentIndex().row(), window.table.currentIndex().column()) == (1, VALUE)
    assert window.table.state() != window.table.State.EditingState
    qtbot.keyClick(window.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    expected = min(2, window.indicators.rowCount() - 1)
    assert window.table.currentIndex().row() == expected
    # The last row stays where it is.
    last = window.indicators.rowCount() - 1
    window.table.setCurrentIndex(window.indicators.index(last, VALUE))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.table.currentIndex().row() == last
    # Editing, Enter still commits the cell (and the edit is kept).
    type_into_cell(qtbot, window, 0, VALUE, "≥97%")
    wait_for_writes(qtbot, window)
    assert window.indicators.index(0, VALUE).data() == "≥97%"


def test_imported_documents_are_checked_at_once(qtbot: QtBot, temp_settings: AppSettings, tmp_path: Path) -> None:
    win = MainWindow(temp_settings, Workspace.open(tmp_path / "new.sqlite"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.import_paths([sample_files(SAMPLES)[0]])
    qtbot.waitUntil(lambda: "已检查导入的文本" in win.statusBar().currentMessage(), timeout=60_000)
    assert win.ws is not None
    documents = win.ws.documents()
    assert len(documents) == 1
    stored = win.ws.findings(documents[0].id)
    open_count = sum(1 for f in stored if f.finding.state == FindingState.OPEN)
    assert open_count > 0
    message = win.statusBar().currentMessage()
    assert "导入完成：成功 1 个" in message
    assert re.search(r"发现 (\d+) 条", message) is not None
    assert int(re.search(r"发现 (\d+) 条", message).group(1)) == open_count  # type: ignore[union-attr]
    win.close()
