"""Comment markers on annotated cells and fields, zoom by keys and wheel, and the comparison's
double-click to a project with amount changes in ±万元 and ±%."""

from __future__ import annotations

import copy
from decimal import Decimal

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.model import Field
from core.store.workspace import Workspace
from tests.ui.helpers import click_tree_row, pick_first_project, project_indexes, type_text, wait_for_writes
from ui.comparing import open_comparison
from ui.labels import ui_lang
from ui.main_window import MainWindow
from ui.models.indicator_model import LEVEL3, VALUE
from ui.models.roles import ANNOTATION_ROLE
from ui.settings import AppSettings
from ui.views.comment_marker import MARKER_COLOUR, PROJECT_KEY
from ui.views.comparison_view import ComparisonView


def is_marker_red(image: QImage, x: int, y: int) -> bool:
    colour = QColor(image.pixel(x, y))
    return abs(colour.red() - MARKER_COLOUR.red()) < 40 and colour.green() < 80 and colour.blue() < 80


def add_annotation(qtbot: QtBot, win: MainWindow, target: int, text: str) -> None:
    win.annotations.target.setCurrentIndex(target)
    type_text(qtbot, win.annotations.editor, text)
    qtbot.mouseClick(win.annotations.add_button, Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, win)


def test_annotated_cell_shows_the_red_corner(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    table = window.table
    cell = window.indicators.index(1, VALUE)
    other = window.indicators.index(0, VALUE)
    table.scrollTo(cell)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(cell).center())
    add_annotation(qtbot, window, 2, "目标值偏低")  # 所选单元格
    assert cell.data(ANNOTATION_ROLE) == "目标值偏低"
    assert other.data(ANNOTATION_ROLE) is None
    assert "批注：目标值偏低" in str(cell.data(Qt.ItemDataRole.ToolTipRole))

    table.setCurrentIndex(window.indicators.index(2, LEVEL3))  # the marked cell is not the current one
    image = table.viewport().grab().toImage()
    rect = table.visualRect(cell)
    assert is_marker_red(image, rect.right() - 1, rect.top() + 1)
    assert not is_marker_red(image, rect.left() + 2, rect.bottom() - 2)
    plain = table.visualRect(other)
    assert not is_marker_red(image, plain.right() - 1, plain.top() + 1)

    # A row annotation marks the row's 三级指标 cell; undo takes the marker away again.
    window.table.setCurrentIndex(window.indicators.index(3, VALUE))
    add_annotation(qtbot, window, 1, "整行需补充")  # 所选指标行
    assert window.indicators.index(3, LEVEL3).data(ANNOTATION_ROLE) == "整行需补充"
    window.undo_action.trigger()
    wait_for_writes(qtbot, window)
    assert window.indicators.index(3, LEVEL3).data(ANNOTATION_ROLE) is None


def test_project_annotation_marks_the_form_title(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    form = window.form
    assert not form.annotated(PROJECT_KEY)
    add_annotation(qtbot, window, 0, "整体目标需细化")  # 整个项目
    assert form.annotated(PROJECT_KEY)
    assert "整体目标需细化" in form.title.toolTip()
    image = form.grab().toImage()
    title = form.title.geometry()
    assert is_marker_red(image, title.right() - 1, title.top() + 1)
    # Another project has no annotation: no marker.
    click_tree_row(qtbot, window, project_indexes(window)[1])
    assert not form.annotated(PROJECT_KEY)


def test_zoom_keys_and_wheel_grow_the_tables_and_form(qtbot: QtBot, window: MainWindow,
                                                      temp_settings: AppSettings) -> None:
    pick_first_project(qtbot, window)
    table, findings, form = window.table, window.findings.view, window.form
    base = table.font().pointSizeF()
    goal_height = form.editor("goal").height()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert table.font().pointSizeF() > base
    assert findings.font().pointSizeF() == table.font().pointSizeF() == form.font().pointSizeF()
    qtbot.keyClick(table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    bigger = table.font().pointSizeF()
    assert bigger > base * 1.15
    assert form.editor("goal").height() > goal_height  # the text boxes keep their number of lines
    assert temp_settings.zoom() == window.zoom.percent > 100
    qtbot.keyClick(table, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert base < table.font().pointSizeF() < bigger
    qtbot.keyClick(table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert table.font().pointSizeF() == base and temp_settings.zoom() == 100

    # Ctrl+wheel over the form's goal box zooms everything, not that box alone.
    box = form.editor("goal")
    target = box.viewport() if hasattr(box, "viewport") else box
    centre = QPointF(target.rect().center())
    wheel = QWheelEvent(centre, QPointF(target.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(target, wheel)
    assert table.font().pointSizeF() > base and form.font().pointSizeF() > base


def test_zoom_is_restored_in_a_new_window(qtbot: QtBot, workspace: Workspace, temp_settings: AppSettings) -> None:
    temp_settings.set_zoom(125)
    win = MainWindow(temp_settings, workspace)
    qtbot.addWidget(win)
    assert win.zoom.percent == 125
    assert win.table.font().pointSizeF() > QApplication.font().pointSizeF()
    win.close()


def _next_year_with_budget(ws: Workspace) -> int:
    """A next-year version of the first document whose first project's budget rose."""
    info = ws.documents()[0]
    doc = copy.deepcopy(ws.load_document(info.id))
    assert doc.year is not None
    doc.year += 1
    first = doc.projects[0]
    money = first.money("budget_total")
    assert money is not None and money.amount is not None
    first.budget_total = Field(str(money.amount + Decimal(120000) / money.unit.in_yuan))  # +12 万元
    outcome = ws.import_document(doc, b"next-year:" + info.sha256.encode(), "next_year.docx")
    assert outcome.document_id is not None
    return info.department_id


def test_comparison_double_click_jumps_and_shows_amount_change(qtbot: QtBot, window: MainWindow) -> None:
    assert window.ws is not None
    department_id = _next_year_with_budget(window.ws)
    window.reload_tree()
    for index in project_indexes(window):
        click_tree_row(qtbot, window, index)
        if window.selected_department() == department_id:
            break
    compare = open_comparison(window, background=False)
    assert compare is not None
    qtbot.addWidget(compare)
    view: ComparisonView = compare.view
    matches = view.matches
    row = next(r for r in range(matches.rowCount()) if matches.match_at(r).old == 0)
    view.select_match(row)
    budget = next(r for r in range(view.new_model.rowCount())
                  if (c := view.new_model.row_at(r).changed.get(1)) is not None and c.field == "budget_total")
    change = view.new_model.row_at(budget).changed[1]
    assert change.new_yuan is not None and change.old_yuan is not None
    assert change.new_yuan - change.old_yuan == 120000
    shown = change.amount_text(ui_lang())
    assert shown is not None and shown.startswith("+12 ") and shown.endswith("%）" if ui_lang() == "zh" else "%)")
    text = str(view.new_model.index(budget, 1).data())
    assert text.endswith(shown) and text.startswith(str(change.new))
    assert shown in str(view.new_model.index(budget, 1).data(Qt.ItemDataRole.ToolTipRole))
    assert change.amount_text("zh") == "+12 万元（" + change.amount_text("en").split("(")[1].rstrip(")") + "）"

    # A double-click on the match row shows this year's project in the main window.
    match = matches.match_at(row)
    assert compare.pair is not None and match.new is not None
    expected = {p.position: p.id for p in window.ws.projects(compare.pair.new_document_id)}[match.new]
    rect = view.match_view.visualRect(matches.index(row, 1))
    qtbot.mouseClick(view.match_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.match_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.record is not None and window.record.id == expected)
    spec = window.tree_model.spec(window.tree_proxy.mapToSource(window.tree.currentIndex()))
    assert spec is not None and spec.kind == "project" and spec.key_id() == expected

    # On last year's side, a double-click shows last year's project.
    old_expected = {p.position: p.id for p in window.ws.projects(compare.pair.old_document_id)}[0]
    side = view.old_view
    centre = side.visualRect(view.old_model.index(0, 1)).center()
    qtbot.mouseClick(side.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(side.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: window.record is not None and window.record.id == old_expected)
