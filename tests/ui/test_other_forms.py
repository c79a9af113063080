"""Other provinces' forms in the window: extra indicator columns, split targets, the 长期 grid.

The workspace is built through the store from a generated document (as the store
tests do): one project with 权重/指标性质/计量单位/评(扣)分标准 columns, a 长期目标
and a 长期 grid, one project as the city template has it. Each test clicks through
the tree and the tables as a reviewer does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView, QToolTip
from pytestqt.qtbot import QtBot

from core.model import LONG_TERM, Document, Field, Indicator, Provenance
from core.store.workspace import Workspace
from tests.store.factory import make_document
from tests.ui.helpers import click_tree_row, project_indexes, wait_for_writes
from ui.main_window import MainWindow
from ui.models.indicator_model import FIRST_EXTRA, LEVEL3, VALUE
from ui.settings import AppSettings

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

WIDE = "宽表格式项目"
PLAIN = "市级模板项目"
LONG_GOAL = "到2027年全面建成市级政务服务热线体系。"
EXTRA_HEADERS = ["指标性质", "计量单位", "权重", "评(扣)分标准"]


def _indicator(row: int, level3: str, value: str, extra: dict[str, str], *, period: str = "annual") -> Indicator:
    def f(text: str, col: int) -> Field:
        return Field(text, Provenance(page=2, table=1, row=row, col=col))

    return Indicator(level1=f("产出指标", 0), level2=f("质量指标", 1), level3=f(level3, 2),
                     description=f(level3 + "情况", 3), value=f(value, 4), basis=f("计划标准", 5),
                     extra={name: f(text, 6 + i) for i, (name, text) in enumerate(extra.items())}, period=period)


def other_forms_document() -> Document:
    doc = make_document(7, projects=2)
    wide, plain = doc.projects
    wide.name = Field(WIDE, Provenance(table=0, row=0, col=3))
    wide.indicators = [
        _indicator(6, "热线接通率", "95", {"指标性质": "≥", "计量单位": "%", "权重": "10",
                                            "评(扣)分标准": "每低1个百分点扣1分"}),
        # A row without 指标性质: the column still shows, empty.
        _indicator(7, "工单办结数", "1200", {"计量单位": "件", "权重": "20"}),
        _indicator(8, "群众满意度", "≥90%", {"评(扣)分标准": "按问卷结果计分"}),
    ]
    wide.long_term_goal = Field(LONG_GOAL, Provenance(table=0, row=5, col=1))
    wide.long_term_indicators = [
        _indicator(12, "热线覆盖区县数", "14", {"计量单位": "个"}, period=LONG_TERM),
        _indicator(13, "三年累计办结工单", "≥3600件", {}, period=LONG_TERM),
    ]
    plain.name = Field(PLAIN, Provenance(table=1, row=0, col=3))
    for indicator in plain.indicators:
        indicator.extra = {}
    return doc


@pytest.fixture
def window(qtbot: QtBot, temp_settings: AppSettings, tmp_path: Path) -> Iterator[MainWindow]:
    ws = Workspace.open(tmp_path / "other_forms.sqlite")
    doc = other_forms_document()
    ws.import_document(doc, b"other provinces' form", doc.source_name)
    win = MainWindow(temp_settings, ws)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def pick(qtbot: QtBot, win: MainWindow, name: str) -> None:
    for index in project_indexes(win):
        if name in str(index.data()):
            click_tree_row(qtbot, win, index)
            assert win.record is not None and win.record.project.display_name == name
            return
    raise AssertionError(f"no project {name} in the tree")


def headers(win: MainWindow, model: object) -> list[str]:
    return [str(model.headerData(c, Qt.Orientation.Horizontal))  # type: ignore[attr-defined]
            for c in range(model.columnCount())]  # type: ignore[attr-defined]


def click_cell(qtbot: QtBot, table: QTableView, row: int, column: int,
               modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, table.visualRect(index).center())


def tooltip_at(qtbot: QtBot, win: MainWindow, row: int, column: int) -> str:
    """Hover a cell as the mouse does and read the tooltip Qt shows."""
    table = win.table
    index = win.indicators.index(row, column)
    table.scrollTo(index)
    pos = table.visualRect(index).center()
    QApplication.sendEvent(table.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, table.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def test_extra_columns_follow_the_six_standard_ones(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, WIDE)
    model = window.indicators
    assert headers(window, model)[FIRST_EXTRA:] == EXTRA_HEADERS  # first-seen order, as written
    assert model.columnCount() == FIRST_EXTRA + len(EXTRA_HEADERS)
    assert [[model.index(r, c).data() for c in range(FIRST_EXTRA, model.columnCount())] for r in range(3)] == [
        ["≥", "%", "10", "每低1个百分点扣1分"], ["", "件", "20", ""], ["", "", "", "按问卷结果计分"]]
    assert model.index(0, VALUE).data() == "95"  # the cell as written; the composition is a tooltip
    # Every extra column can be seen: the table scrolls sideways rather than squeezing them.
    for column in range(FIRST_EXTRA, model.columnCount()):
        assert window.table.columnWidth(column) >= 60

    assert "≥95%" in tooltip_at(qtbot, window, 0, VALUE)
    assert "1200件" in tooltip_at(qtbot, window, 1, VALUE)
    assert "合成" not in tooltip_at(qtbot, window, 2, VALUE)  # ≥90% says it all
    assert window.form.long_term_goal.isVisible()
    assert window.form.long_term_goal.toPlainText() == LONG_GOAL and window.form.long_term_goal.isReadOnly()
    assert window.form.long_term_label.text() == "长期目标"


def test_the_models_pass_qts_model_tester(qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester) -> None:
    pick(qtbot, window, WIDE)
    qtmodeltester.check(window.indicators)
    qtmodeltester.check(window.long_term_indicators)


def test_copy_takes_extra_columns_and_paste_into_them_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, WIDE)
    assert window.ws is not None and window.record is not None
    table, model = window.table, window.indicators
    weight = FIRST_EXTRA + EXTRA_HEADERS.index("权重")
    click_cell(qtbot, table, 0, VALUE)
    for column in (FIRST_EXTRA, FIRST_EXTRA + 1, weight):
        click_cell(qtbot, table, 0, column, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "95\t≥\t%\t10"

    click_cell(qtbot, table, 1, weight)
    QGuiApplication.clipboard().setText("30")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    assert window.ws.revisions(window.record.document_id, window.record.id) == []
    assert "“权重”列按报送文件原样显示" in window.statusBar().currentMessage()
    assert model.index(1, weight).data() == "20"

    # A block spilling from 三级指标 into the extra columns is refused whole …
    click_cell(qtbot, table, 0, LEVEL3)
    QGuiApplication.clipboard().setText("甲\t乙\t≥96\t计划标准\t≤\n")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    assert window.ws.revisions(window.record.document_id, window.record.id) == []
    assert "“指标性质”列" in window.statusBar().currentMessage()
    # … while a row copied whole and pasted back with its extra cells unchanged goes in.
    QGuiApplication.clipboard().setText("甲\t乙\t≥96\t计划标准\t≥\t%\n")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    stored = {r.revision.location.column: r.revision.suggested
              for r in window.ws.revisions(window.record.document_id, window.record.id)}
    assert stored == {"level3": "甲", "description": "乙", "value": "≥96"}

    # Double-clicking an extra cell opens no editor and says why.
    window.statusBar().clearMessage()
    click_cell(qtbot, table, 2, FIRST_EXTRA + 3)  # a double-click starts with a press on the cell
    rect = table.visualRect(model.index(2, FIRST_EXTRA + 3))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.state() != table.State.EditingState
    assert "“评(扣)分标准”列" in window.statusBar().currentMessage()


def test_the_long_term_grid_has_its_own_read_only_tab(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, WIDE)
    assert window.ws is not None and window.record is not None
    tabs = window.indicator_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["年度绩效指标", "长期绩效指标"]
    assert tabs.tabBar().isVisible() and tabs.currentWidget() is window.table
    assert window.indicators.rowCount() == 3  # the 年度 grid alone is "the" indicators

    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center())
    long_term = window.long_term_table
    assert tabs.currentWidget() is long_term and long_term.isVisible()
    model = window.long_term_indicators
    assert model.rowCount() == 2 and headers(window, model)[FIRST_EXTRA:] == ["计量单位"]
    assert [model.index(r, LEVEL3).data() for r in range(2)] == ["热线覆盖区县数", "三年累计办结工单"]
    assert model.index(0, FIRST_EXTRA).data() == "个"

    # Read-only: typing opens no editor, paste is refused with a message, copy works.
    click_cell(qtbot, long_term, 1, VALUE)
    qtbot.keyClick(long_term, Qt.Key.Key_F2)
    assert long_term.state() != long_term.State.EditingState
    QGuiApplication.clipboard().setText("≥4000件")
    qtbot.keyClick(long_term, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    assert window.ws.revisions(window.record.document_id, window.record.id) == []
    assert "此表只读" in window.statusBar().currentMessage()
    qtbot.keyClick(long_term, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "≥3600件"


def test_ctrl_page_down_and_up_switch_the_grids_and_tab_reaches_the_long_term_one(
        qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Tab leaves the indicator table (ui/views/indicator_view.py), so the 年度/长期 grids
    switch with Ctrl+PgDown/Ctrl+PgUp, as Excel's sheets do; Tab walks the grid in front."""
    pick(qtbot, window, WIDE)
    tabs = window.indicator_tabs
    click_cell(qtbot, window.table, 0, LEVEL3)
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is window.long_term_table and window.long_term_table.hasFocus()
    # Tab from the 长期 grid's last cell goes on to the findings, as from the 年度 grid.
    model = window.long_term_indicators
    window.long_term_table.setCurrentIndex(model.index(model.rowCount() - 1, model.columnCount() - 1))
    qtbot.keyClick(window.long_term_table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.findings.rule_filter
    window.long_term_table.setFocus()
    qtbot.keyClick(window.long_term_table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is window.table and window.table.hasFocus()


def test_a_project_without_them_looks_as_before(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, WIDE)
    pick(qtbot, window, PLAIN)
    tabs = window.indicator_tabs
    assert tabs.count() == 1 and not tabs.tabBar().isVisible()
    assert tabs.currentWidget() is window.table and window.table.isVisible()
    assert window.indicators.columnCount() == FIRST_EXTRA
    assert window.long_term_indicators.rowCount() == 0
    assert not window.form.long_term_goal.isVisible() and not window.form.long_term_label.isVisible()
    assert window.indicators.rowCount() == len(window.record.project.indicators)  # type: ignore[union-attr]


def test_the_import_dialog_offers_excel_files(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def dialog(*args: object, **kwargs: object) -> tuple[list[str], str]:
        asked.append(str(args[3] if len(args) > 3 else kwargs.get("filter")))
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(dialog))
    window.import_action.trigger()
    [filters] = asked
    assert all(f"*.{ext}" in filters.split(";;")[0] for ext in ("docx", "pdf", "xlsx"))
    assert ".xlsx" in window.import_action.toolTip()
