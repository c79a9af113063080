"""The reviewer's day (issue 19): going round the window with the keyboard, coming back where
she left off, a cancelled import that says what got in, and an amounts row that fits at
1366×768 and does not jump when a project opens.

Each test acts through the widgets as a reviewer does (keys, clicks) and asserts what is shown.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from core.demo import sample_files
from core.importing import read_document
from core.model import MONEY_FIELDS, SPENDING_PLAN_KEYS, Document
from core.store.workspace import Workspace
from tests.conftest import SAMPLES
from tests.ui.helpers import click_tree_row, pick_first_project, project_indexes
from ui.fonts import install_application_font
from ui.labels import finding_text
from ui.main_window import MainWindow
from ui.settings import AppSettings, LastPlace

FORM_FIELDS = ["field_code", "field_name", *(f"field_{n}" for n in MONEY_FIELDS), "field_usage",
               *(f"field_spending_plan.{k}" for k in SPENDING_PLAN_KEYS), "field_goal"]
# What Tab visits after the indicator table with a project open and nothing checked yet (the
# findings' buttons are disabled, so passed over): the findings dock, the annotations, the
# grade, the tab bar of the tabified annotation/grade docks, then round to the tree filter.
AFTER_TABLE = ["ruleFilter", "stateFilter", "findingsView", "findingDetail",
               "annotationsView", "annotationTarget", "annotationEditor", "addAnnotation", "deleteAnnotation",
               "gradeTotal", "gradeBand", "gradeResult", "conclusion", "saveGrade", "<QTabBar>",
               "treeFilter", "workspaceTree"]


def focus_name() -> str:
    """The focused widget by objectName; a compound widget's part (a spin box's line edit) by
    its owner's name, and a Qt-internal widget without a name as <Class>."""
    widget = QApplication.focusWidget()
    assert widget is not None
    named: QWidget | None = widget
    while named is not None and (not named.objectName() or named.objectName().startswith("qt_")):
        named = named.parentWidget()
    if named is None or isinstance(named, MainWindow):
        return f"<{type(widget).__name__}>"
    return named.objectName()


def press_round(qtbot: QtBot, backward: bool = False, limit: int = 400) -> list[str]:
    """Press Tab (Shift+Tab) until the focus is back on the widget it started from; the names
    focused on the way, the start included and the end not."""
    start = QApplication.focusWidget()
    names: list[str] = []
    for _ in range(limit):
        names.append(focus_name())
        if backward:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            return names
    raise AssertionError(f"the focus never came back; it went {names[-12:]}")


def collapse(names: list[str]) -> list[str]:
    """One entry for each stay: the cells of a table are one place."""
    return [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n]


# ---- point 4: the keyboard --------------------------------------------------------------------
def test_tab_goes_round_the_whole_window_and_shift_tab_comes_back(qtbot: QtBot, window: MainWindow) -> None:
    """What a reviewer expects: Tab walks the window in reading order, tree → form → indicator
    table → findings → annotations → grade → back to the tree. In the indicator table Tab moves
    from cell to cell as in Excel (along the row, then the next row) and, on the last cell, leaves
    the table instead of wrapping round to the first: nobody is kept in the table."""
    pick_first_project(qtbot, window)
    window.tree.setFocus()
    forward = press_round(qtbot)
    cells = window.indicators.rowCount() * window.indicators.columnCount()
    assert cells > 0
    assert forward.count("indicatorTable") == cells  # every cell once, then out
    assert collapse(forward) == ["workspaceTree", *FORM_FIELDS, "indicatorTable", *AFTER_TABLE[:-1]]
    # The table was entered on its first cell and left from its last.
    last = window.table.currentIndex()
    assert (last.row(), last.column()) == (window.indicators.rowCount() - 1, window.indicators.columnCount() - 1)

    # Shift+Tab goes the same way back, through the table from its last cell to its first.
    backward = press_round(qtbot, backward=True)
    assert backward.count("indicatorTable") == cells
    assert collapse(backward) == ["workspaceTree", *reversed(collapse(forward)[1:])]
    first = window.table.currentIndex()
    assert (first.row(), first.column()) == (0, 0)


def test_ctrl_tab_leaves_the_indicator_table_from_any_cell(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    assert window.indicators.rowCount() >= 2
    window.table.setFocus()
    window.table.setCurrentIndex(window.indicators.index(1, 2))
    # Tab inside the table moves one cell on, as in a spreadsheet …
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert focus_name() == "indicatorTable"
    assert (window.table.currentIndex().row(), window.table.currentIndex().column()) == (1, 3)
    # … Ctrl+Tab leaves it at once for the findings, Ctrl+Shift+Tab for the form above it.
    qtbot.keyClick(window.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert focus_name() == "ruleFilter"
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert focus_name() == "field_goal"
    assert (window.table.currentIndex().row(), window.table.currentIndex().column()) == (1, 3)  # kept


# ---- point 11: back where the reviewer left off -----------------------------------------------
def test_a_restart_comes_back_on_the_last_project_finding_and_dock_layout(
        qtbot: QtBot, window: MainWindow, temp_settings: AppSettings) -> None:
    window.check_action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "检查完成。", timeout=60_000)
    assert window.ws is not None and window.ws.path is not None
    path = window.ws.path
    # A project that is not the first, with at least two findings: its last finding is picked.
    chosen = None
    for index in reversed(project_indexes(window)):
        click_tree_row(qtbot, window, index)
        if window.findings.proxy.rowCount() >= 2:
            chosen = window.record
            break
    assert chosen is not None
    view = window.findings.view
    row = window.findings.proxy.rowCount() - 1
    view.scrollTo(window.findings.proxy.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(window.findings.proxy.index(row, 0)).center())
    finding = window.findings.current()
    assert finding is not None and finding.project_id == chosen.id
    window.grade_dock.close()  # the reviewer closed a dock: it stays closed
    window.close()

    again = MainWindow(temp_settings, Workspace.open(path))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.record is not None and again.record.id == chosen.id
    assert again.form.shown("name") == window.form.shown("name")
    current = again.findings.current()
    assert current is not None and current.id == finding.id
    assert finding_text(finding.finding) in again.findings.detail.toPlainText()
    # The tree shows the project as the current node, and the docks are as they were left.
    spec = again.tree_model.spec(again.tree_proxy.mapToSource(again.tree.currentIndex()))
    assert spec is not None and spec.kind == "project" and spec.key_id() == chosen.id
    assert again.grade_dock.isHidden() and not again.findings_dock.isHidden()
    again.close()


def test_another_workspace_or_a_deleted_project_starts_as_usual(
        qtbot: QtBot, window: MainWindow, temp_settings: AppSettings, tmp_path: Path) -> None:
    pick_first_project(qtbot, window)
    window.close()
    kept = temp_settings.last_place()
    assert kept is not None and window.record is not None and kept.project_id == window.record.id
    other = MainWindow(temp_settings, Workspace.open(tmp_path / "other.sqlite"))
    qtbot.addWidget(other)
    assert other.record is None  # not the workspace the place was kept for
    other.close()
    assert temp_settings.last_place() == kept  # nothing open there: the place is kept
    temp_settings.set_last_place(LastPlace(kept.workspace, 10**9, None))  # a project since deleted
    assert window.ws is None
    again = MainWindow(temp_settings, Workspace.open(kept.workspace))
    qtbot.addWidget(again)
    assert again.record is None
    again.close()


def test_a_restart_reads_the_last_project_once(
        qtbot: QtBot, window: MainWindow, temp_settings: AppSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = project_indexes(window)[-1]
    click_tree_row(qtbot, window, chosen)
    assert window.record is not None
    project_id = window.record.id
    window.close()
    kept = temp_settings.last_place()
    assert kept is not None and kept.project_id == project_id
    workspace = Workspace.open(kept.workspace)
    read: list[int] = []
    real_project = workspace.project

    def reading(wanted: int) -> object:
        read.append(wanted)
        return real_project(wanted)

    monkeypatch.setattr(workspace, "project", reading)
    again = MainWindow(temp_settings, workspace)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.record is not None and again.record.id == project_id
    spec = again.tree_model.spec(again.tree_proxy.mapToSource(again.tree.currentIndex()))
    assert spec is not None and spec.kind == "project" and spec.key_id() == project_id
    assert read == [project_id]  # the place is restored with one read of the project
    again.close()


# ---- point 9: a cancelled import says what got in -----------------------------------------------
def test_a_cancelled_import_lists_the_files_that_got_in_and_those_that_did_not(
        qtbot: QtBot, temp_settings: AppSettings, tmp_path: Path) -> None:
    files = sample_files(SAMPLES)[:3]
    assert len({f.name for f in files}) == 3
    win = MainWindow(temp_settings, Workspace.open(tmp_path / "new.sqlite"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    reading, go_on = threading.Event(), threading.Event()

    def slow_reader(path: Path) -> Document:
        """The first file takes its time, so the reviewer can press Cancel while it is read."""
        if not reading.is_set():
            reading.set()
            go_on.wait(30)
        return read_document(path)

    win.document_reader = slow_reader
    op = win.import_paths(files)
    assert op is not None
    qtbot.waitUntil(reading.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=10_000)
    assert op.dialog is not None
    cancel = op.dialog.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # the reviewer cancels during the first file
    go_on.set()
    qtbot.waitUntil(lambda: hasattr(win, "import_cancelled"), timeout=60_000)

    imported, left = win.import_cancelled
    assert imported == [files[0].name]
    assert left == [files[1].name, files[2].name]
    assert win.ws is not None and [d.source_name for d in win.ws.documents()] == [files[0].name]
    message = win.statusBar().currentMessage()
    assert message != "就绪" and "导入已取消" in message and "已导入 1 个文件" in message and "未导入 2 个" in message
    report = win.cancel_report
    assert report.isVisible()
    assert files[0].name in report.informativeText()
    assert files[1].name in report.informativeText() and files[2].name in report.informativeText()
    # The file that got in is in the tree, and checked as any import is.
    assert project_indexes(win)
    qtbot.waitUntil(lambda: "已检查导入的文本" in win.statusBar().currentMessage(), timeout=60_000)
    assert "导入已取消" in win.statusBar().currentMessage()
    report.close()
    win.close()


# ---- point 3: the amounts row at 1366×768 -------------------------------------------------------
@pytest.fixture
def bundled_font() -> Iterator[None]:
    """The window's own font, as a reviewer sees it (the tests otherwise draw in DejaVu)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    if install_application_font(app) is None:
        pytest.skip("the bundled font is not available")
    yield
    app.setFont(before)


class _FirstPaint(QObject):
    """Keeps the widget's geometry at its first paint."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.geometry: QRect | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.geometry is None and isinstance(watched, QWidget):
            self.geometry = QRect(watched.geometry())
        return False


def _text_fits(edit: QLineEdit) -> bool:
    """Whether the whole text shows: with the cursor at its end, its start is not scrolled out."""
    edit.setCursorPosition(len(edit.text()))
    start = edit.cursorRect().center().x() - edit.fontMetrics().horizontalAdvance(edit.text())
    fits = start >= 0
    edit.setCursorPosition(0)
    return fits


def test_the_amounts_fit_at_1366x768_and_opening_a_project_moves_nothing(
        qtbot: QtBot, temp_settings: AppSettings, workspace: Workspace, bundled_font: None) -> None:
    win = MainWindow(temp_settings, workspace)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    docks = (win.tree_dock.width(), win.findings_dock.width(), win.annotations_dock.width())
    painted = _FirstPaint(win.form)
    click_tree_row(qtbot, win, project_indexes(win)[0])
    qtbot.waitUntil(lambda: painted.geometry is not None, timeout=5000)
    qtbot.wait(100)
    # Opening a project neither moves the form after its first paint nor pushes the docks aside.
    assert win.form.geometry() == painted.geometry
    assert (win.tree_dock.width(), win.findings_dock.width(), win.annotations_dock.width()) == docks
    assert win.form.minimumSizeHint().width() <= win.form.width()

    for index in project_indexes(win):
        click_tree_row(qtbot, win, index)
        QApplication.processEvents()
        _assert_form_fits(win)
        assert (win.tree_dock.width(), win.findings_dock.width()) == docks[:2]
    # Zoomed in (Ctrl+= twice), the pairs wrap onto more rows: still nothing cut or overlapping.
    for _ in range(2):
        qtbot.keyClick(win.table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert win.zoom.percent > 100
    qtbot.wait(50)
    _assert_form_fits(win)
    win.close()


def _assert_form_fits(win: MainWindow) -> None:
    """The amounts and spending plan: inside the form, no pair over another, no label or text cut."""
    form = win.form
    for box in (form.amounts, form.spending_plan):
        assert form.rect().contains(QRect(box.mapTo(form, box.rect().topLeft()), box.size()))
        pairs = [w for w in box.children() if isinstance(w, QWidget)]
        for i, a in enumerate(pairs):
            assert box.rect().contains(a.geometry()), a.objectName()
            for b in pairs[i + 1:]:
                assert not a.geometry().intersects(b.geometry()), (a.objectName(), b.objectName())
        for label in box.findChildren(QLabel):
            assert label.sizeHint().width() <= label.width(), label.text()  # "财政资" no more
    for name in ("code", *MONEY_FIELDS, *(f"spending_plan.{k}" for k in SPENDING_PLAN_KEYS)):
        edit = form.editor(name)
        assert isinstance(edit, QLineEdit)
        assert _text_fits(edit), (name, edit.text(), edit.width())
    unit = form.unit_label  # a long unit name is cut with an ellipsis, and is whole in the tooltip
    assert unit.toolTip() == unit.text() and unit.minimumSizeHint().width() <= unit.width()
