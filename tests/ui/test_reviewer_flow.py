"""The window used as a reviewer uses it: import, pick, edit, undo/redo, paste, dismiss, annotate.

Each test acts through the widgets (clicks, keys, the dialogs' answers) and then
asserts what the workspace holds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from core.demo import sample_files
from core.review import FindingState
from core.store.records import ImportStatus, StoredFinding
from core.store.workspace import Workspace
from tests.conftest import SAMPLES
from tests.ui.helpers import pick_first_project, project_indexes, type_into_cell, type_text, wait_for_writes
from ui.main_window import MainWindow
from ui.models.indicator_model import LEVEL3, VALUE
from ui.models.roles import OBJECT_ROLE, RAW_ROLE, REVISED_ROLE
from ui.models.tree_model import BADGE_ROLE
from ui.settings import AppSettings


def test_import_through_the_dialog_reports_a_bad_file_and_imports_the_others(
        qtbot: QtBot, temp_settings: AppSettings, tmp_path: Path, monkeypatch) -> None:
    broken = tmp_path / "损坏的文件.docx"
    broken.write_bytes(b"this is not a zip file")
    files = [str(p) for p in sample_files(SAMPLES)][:2]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([files[0], str(broken), files[1]], "")))
    win = MainWindow(temp_settings, Workspace.open(tmp_path / "new.sqlite"))
    qtbot.addWidget(win)
    win.show()
    win.import_action.trigger()
    qtbot.waitUntil(lambda: hasattr(win, "last_import"), timeout=60_000)

    statuses = {o.file_name: o.status for o in win.last_import}
    assert statuses[broken.name] == ImportStatus.FAILED
    assert [statuses[Path(f).name] for f in files] == [ImportStatus.IMPORTED, ImportStatus.IMPORTED]
    assert win.ws is not None and len(win.ws.documents()) == 2
    assert len(project_indexes(win)) == sum(len(win.ws.projects(d.id)) for d in win.ws.documents())
    win.close()


def test_picking_a_project_in_the_tree_shows_its_header_and_indicators(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None
    assert window.form.shown("name") == (record.project.name.raw if record.project.name else "")
    assert window.indicators.rowCount() == len(record.project.indicators)
    assert window.indicators.index(0, VALUE).data() == record.project.indicators[0].value.raw


def test_editing_a_cell_makes_a_revision_and_undo_redo_follow(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None
    submitted = record.project.indicators[0].value.raw

    type_into_cell(qtbot, window, 0, VALUE, "≥98%")
    wait_for_writes(qtbot, window)

    revisions = window.ws.revisions(record.document_id, record.id)
    assert [(r.revision.location.indicator, r.revision.location.column, r.revision.suggested, r.revision.original)
            for r in revisions] == [(0, "value", "≥98%", submitted)]
    assert window.ws.project(record.id).project.indicators[0].value.raw == submitted  # never overwritten
    cell = window.indicators.index(0, VALUE)
    assert cell.data() == "≥98%" and cell.data(RAW_ROLE) == submitted and cell.data(REVISED_ROLE) == "≥98%"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None  # the marker, not colour alone
    assert submitted in cell.data(Qt.ItemDataRole.ToolTipRole)

    window.undo_action.trigger()
    wait_for_writes(qtbot, window)
    assert window.ws.revisions(record.document_id, record.id) == []
    assert window.indicators.index(0, VALUE).data() == submitted
    window.redo_action.trigger()
    wait_for_writes(qtbot, window)
    assert [r.revision.suggested for r in window.ws.revisions(record.document_id, record.id)] == ["≥98%"]


def test_an_unreadable_value_is_refused_with_a_message(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None
    type_into_cell(qtbot, window, 0, VALUE, "≥**%")
    wait_for_writes(qtbot, window)
    assert window.ws.revisions(record.document_id, record.id) == []
    assert "无法识别" in window.statusBar().currentMessage()


def test_pasting_a_block_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None
    window.table.setFocus()
    window.table.setCurrentIndex(window.indicators.index(0, LEVEL3))
    QGuiApplication.clipboard().setText("甲指标\t甲描述\n乙指标\t乙描述\n")
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)

    stored = {(r.revision.location.indicator, r.revision.location.column): r.revision.suggested
              for r in window.ws.revisions(record.document_id, record.id)}
    assert stored == {(0, "level3"): "甲指标", (0, "description"): "甲描述",
                      (1, "level3"): "乙指标", (1, "description"): "乙描述"}
    window.undo_action.trigger()
    wait_for_writes(qtbot, window)
    assert window.ws.revisions(record.document_id, record.id) == []

    # Copy gives the same block back as tab-separated text.
    window.undo_action.setEnabled(True)
    window.redo_action.trigger()
    window.table.selectionModel().clearSelection()
    for row in (0, 1):
        for col in (LEVEL3, LEVEL3 + 1):
            window.table.selectionModel().select(window.indicators.index(row, col),
                                                 window.table.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "甲指标\t甲描述\n乙指标\t乙描述"


def tree_badges(win: MainWindow, finding: StoredFinding) -> tuple[int, int]:
    """The open-finding badges the tree shows on the finding's project and its department."""
    assert win.ws is not None
    department_id = win.ws.document_info(finding.document_id).department_id
    project = win.tree_model.find_loaded("project", (finding.project_id, finding.document_id))
    department = win.tree_model.find_loaded("department", (department_id,))
    return project.data(BADGE_ROLE), department.data(BADGE_ROLE)


def test_dismissing_a_finding_needs_a_reason_and_is_kept(qtbot: QtBot, window: MainWindow, monkeypatch) -> None:
    window.check_action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "检查完成。", timeout=60_000)
    pick_first_project(qtbot, window)
    assert window.findings.proxy.rowCount() > 0
    first = window.findings.finding_at_row(0)

    # Clicking a finding selects the cell it is about.
    rect = window.findings.view.visualRect(window.findings.proxy.index(0, 0))
    qtbot.mouseClick(window.findings.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if first.finding.location.indicator is not None:
        assert window.table.currentIndex().row() == window.indicators.row_of_indicator(first.indicator_id)

    open_before = tree_badges(window, first)
    assert open_before[0] == len(window.ws.findings(first.document_id, first.project_id, state=FindingState.OPEN))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("   ", True)))
    qtbot.mouseClick(window.findings.dismiss_button, Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)
    assert window.ws is not None
    assert {f.id: f.finding.state for f in window.ws.findings(first.document_id)}[first.id] == FindingState.OPEN

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("已在说明中补充依据", True)))
    qtbot.mouseClick(window.findings.dismiss_button, Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)
    stored = {f.id: f.finding for f in window.ws.findings(first.document_id)}[first.id]
    assert (stored.state, stored.reason) == (FindingState.DISMISSED, "已在说明中补充依据")
    assert tree_badges(window, first) == (open_before[0] - 1, open_before[1] - 1)
    window.undo_action.trigger()
    wait_for_writes(qtbot, window)
    assert {f.id: f.finding.state for f in window.ws.findings(first.document_id)}[first.id] == FindingState.OPEN
    assert tree_badges(window, first) == open_before


def test_writing_an_annotation_on_a_cell(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None
    window.table.setCurrentIndex(window.indicators.index(1, VALUE))
    window.annotations.target.setCurrentIndex(2)  # 所选单元格
    type_text(qtbot, window.annotations.editor, "目标值偏低，建议提高")
    qtbot.mouseClick(window.annotations.add_button, Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)

    stored = window.ws.annotations(record.document_id, record.id)
    assert [(a.annotation.location.indicator, a.annotation.location.column, a.annotation.text)
            for a in stored] == [(1, "value", "目标值偏低，建议提高")]
    assert window.annotations.model.rowCount() == 1
    window.undo_action.trigger()
    wait_for_writes(qtbot, window)
    assert window.ws.annotations(record.document_id, record.id) == []


def test_editing_a_header_amount_is_checked_and_revised(qtbot: QtBot, window: MainWindow) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None
    edit = window.form.editor("budget_total")
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, "约十二万")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_for_writes(qtbot, window)
    assert window.ws.revisions(record.document_id, record.id) == []  # refused: not a number in the unit

    edit.selectAll()
    qtbot.keyClicks(edit, "120000")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_for_writes(qtbot, window)
    assert [(r.revision.location.field, r.revision.suggested)
            for r in window.ws.revisions(record.document_id, record.id)] == [("budget_total", "120000")]


def test_search_jumps_to_the_cell(qtbot: QtBot, window: MainWindow) -> None:
    assert window.ws is not None
    doc = window.ws.documents()[0]
    project = window.ws.projects(doc.id)[-1]
    record = window.ws.project(project.id)
    target = record.project.indicators[-1].level3.raw
    window.search_action.trigger()
    dialog = window.search_dialog
    type_text(qtbot, dialog.query, target)
    dialog.run_search()
    assert dialog.model.rowCount() > 0
    row = next(r for r in range(dialog.model.rowCount())
               if dialog.model.index(r, 0).data(OBJECT_ROLE) is not None
               and dialog.model.index(r, 0).data(OBJECT_ROLE).project_id == project.id)
    dialog.results.activated.emit(dialog.model.index(row, 0))
    assert window.record is not None and window.record.id == project.id
    assert window.table.currentIndex().isValid()
