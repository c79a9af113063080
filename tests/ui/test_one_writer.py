"""The window's one writer: every workspace write runs on the writer thread, in the order issued.

An edit shows at once and is written behind the view; an undo and a comparison
correction issued before the edit was written land after it; a write that fails is
reported and the view shows the workspace's value again; closing the window finishes
the queued writes. Each test reads the workspace back (the file re-opened where it
says so) rather than trusting the view.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from core.errors import WorkspaceError
from core.model import Field
from core.review import FindingState
from core.store.workspace import Workspace
from tests.ui.helpers import click_tree_row, pick_first_project, project_indexes, wait_for_writes
from ui.comparing import ComparisonWindow, open_comparison
from ui.main_window import PENDING_ID, MainWindow
from ui.models.indicator_model import LEVEL3, VALUE
from ui.views.annotations_dock import TARGET_CELL, TARGET_PROJECT

# Every Workspace method that writes (core/store/reviewer.py and workspace.py).
WRITES = ("set_revision", "clear_revision", "add_annotation", "update_annotation", "delete_annotation",
          "replace_findings", "store_check_results", "add_finding", "set_finding_state", "delete_finding", "set_grade",
          "clear_grade_override", "set_year_match", "clear_year_match", "import_document")

DISK_FULL = ("工作区 ws.sqlite 写入失败：磁盘空间已满（database or disk is full）。"
             "本次修改没有保存，工作区保持原样；请腾出磁盘空间后重试。")


def watch_writes(monkeypatch: pytest.MonkeyPatch, delay: float = 0.0) -> list[tuple[str, threading.Thread]]:
    """Record each workspace write (its name and the thread it ran on), slowed by `delay` seconds."""
    log: list[tuple[str, threading.Thread]] = []
    for name in WRITES:
        original: Callable[..., Any] = getattr(Workspace, name)

        def write(self: Workspace, *args: Any, _original: Callable[..., Any] = original, _name: str = name,
                  **kwargs: Any) -> Any:
            log.append((_name, threading.current_thread()))
            if delay:
                time.sleep(delay)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Workspace, name, write)
    return log


def capture_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, str, str]]:
    """The warnings ui.errors.show_error would show, instead of modal boxes."""
    shown: list[tuple[object, str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append((parent, title, text))))
    return shown


def open_two_years(qtbot: QtBot, window: MainWindow) -> ComparisonWindow:
    """Import a next-year version of the first document, show one of its department's projects,
    and open the comparison (computed in the foreground)."""
    ws = window.ws
    assert ws is not None
    info = ws.documents()[0]
    doc = copy.deepcopy(ws.load_document(info.id))
    assert doc.year is not None
    doc.year += 1
    doc.projects[0].indicators[0].value = Field(doc.projects[0].indicators[0].value.raw + "以上")
    doc.projects.pop()
    ws.import_document(doc, b"next-year:" + info.sha256.encode(), "next_year.docx")
    window.reload_tree()
    for index in project_indexes(window):
        click_tree_row(qtbot, window, index)
        if window.selected_department() == info.department_id:
            break
    compare = open_comparison(window, background=False)
    assert compare is not None and compare.pair is not None
    qtbot.addWidget(compare)
    return compare


def unmatched(compare: ComparisonWindow) -> int:
    matches = compare.view.matches
    return sum(1 for r in range(matches.rowCount()) if not matches.match_at(r).matched)


def test_an_edit_an_undo_and_a_correction_issued_at_once_land_in_order(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    compare = open_two_years(qtbot, window)
    record, pair = window.record, compare.pair
    assert record is not None and pair is not None and window.ws is not None and window.ws.path is not None
    path = window.ws.path
    model = window.indicators
    submitted_level3 = model.index(0, LEVEL3).data()
    matches = compare.view.matches
    first = next(r for r in range(matches.rowCount()) if matches.match_at(r).matched)
    unmatched_before = unmatched(compare)
    log = watch_writes(monkeypatch, delay=0.05)  # slow: each one waits behind the one before

    # One after another, without giving the event loop a turn in between.
    assert model.setData(model.index(0, VALUE), "≥98%")
    assert model.setData(model.index(0, LEVEL3), "改过的三级指标")
    assert model.index(0, VALUE).data() == "≥98%"  # shown at once, written behind the view
    assert model.index(0, LEVEL3).data() == "改过的三级指标"
    window.undo_action.trigger()  # takes back the 三级指标 edit
    assert model.index(0, LEVEL3).data() == submitted_level3
    compare.unpair(first)
    assert window.writer.pending == 4  # nothing waited for SQLite: all four are queued

    wait_for_writes(qtbot, window)
    assert [name for name, _thread in log] == ["set_revision", "set_revision", "clear_revision",
                                               "set_year_match", "set_year_match"]
    assert model.index(0, VALUE).data() == "≥98%" and model.index(0, LEVEL3).data() == submitted_level3
    assert unmatched(compare) == unmatched_before + 2  # recomputed after the correction was written

    window.close()
    assert window.ws is None
    with Workspace.open(path) as again:
        assert {(r.revision.location.indicator, r.revision.location.column): r.revision.suggested
                for r in again.revisions(record.document_id, record.id)} == {(0, "value"): "≥98%"}
        stored = again.year_matches(pair.old_document_id, pair.new_document_id)
        assert len(stored) == 2 and all(None in matched for matched in stored)


def test_an_annotation_added_and_undone_before_it_is_written(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo's delete needs the id the add gets when it runs: it is read then, not when queued."""
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None
    watch_writes(monkeypatch, delay=0.05)
    window.annotations.add_requested.emit(TARGET_PROJECT, "先写后撤")
    assert [a.annotation.text for a in window._shown_annotations] == ["先写后撤"]  # shown at once
    window.undo_action.trigger()
    assert window._shown_annotations == []
    window.redo_action.trigger()
    wait_for_writes(qtbot, window)
    stored = window.ws.annotations(record.document_id, record.id)
    assert [a.annotation.text for a in stored] == ["先写后撤"]
    assert [a.id for a in window._shown_annotations] == [stored[0].id] != [PENDING_ID]


def test_a_failed_write_is_reported_and_the_view_shows_the_stored_value(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None
    model = window.indicators
    submitted = model.index(0, VALUE).data()
    assert model.setData(model.index(0, VALUE), "≥98%")
    wait_for_writes(qtbot, window)
    shown = capture_messages(monkeypatch)

    def refuse(self: Workspace, *args: Any, **kwargs: Any) -> Any:
        raise WorkspaceError(DISK_FULL)

    monkeypatch.setattr(Workspace, "set_revision", refuse)
    assert model.setData(model.index(0, VALUE), "≥99%")
    assert model.index(0, VALUE).data() == "≥99%"  # shown before the write is tried
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [(window, "出错了", DISK_FULL)]
    assert model.index(0, VALUE).data() == "≥98%"  # back to what the workspace holds
    assert [r.revision.suggested for r in window.ws.revisions(record.document_id, record.id)] == ["≥98%"]

    # The failed step left the stack: Undo takes back the edit before it.
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 1
    window.undo_action.trigger()
    wait_for_writes(qtbot, window)
    assert window.ws.revisions(record.document_id, record.id) == []
    assert model.index(0, VALUE).data() == submitted
    assert len(shown) == 1


def test_a_failed_correction_is_reported_and_the_comparison_recomputed(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    compare = open_two_years(qtbot, window)
    pair = compare.pair
    assert pair is not None and window.ws is not None
    matches = compare.view.matches
    first = next(r for r in range(matches.rowCount()) if matches.match_at(r).matched)
    before = unmatched(compare)
    shown = capture_messages(monkeypatch)

    def refuse(self: Workspace, *args: Any, **kwargs: Any) -> Any:
        raise WorkspaceError(DISK_FULL)

    monkeypatch.setattr(Workspace, "set_year_match", refuse)
    compare.unpair(first)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    wait_for_writes(qtbot, window)
    assert shown == [(compare, "出错了", DISK_FULL)]
    assert window.ws.year_matches(pair.old_document_id, pair.new_document_id) == []
    assert unmatched(compare) == before


def test_closing_the_window_finishes_the_queued_writes(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None and window.ws.path is not None
    assert window.indicators.rowCount() >= 2
    path = window.ws.path
    watch_writes(monkeypatch, delay=0.2)
    model = window.indicators
    assert model.setData(model.index(0, VALUE), "≥98%")
    assert model.setData(model.index(1, VALUE), "≥97%")
    window.table.setCurrentIndex(model.index(1, VALUE))
    window.annotations.add_requested.emit(TARGET_CELL, "目标值偏低")
    assert window.writer.pending == 3

    window.close()
    assert window.ws is None and window.writer.pending == 0
    with Workspace.open(path) as again:  # the lock is free: the workspace was closed after the writes
        assert {(r.revision.location.indicator, r.revision.suggested)
                for r in again.revisions(record.document_id, record.id)} == {(0, "≥98%"), (1, "≥97%")}
        assert [(a.annotation.location.indicator, a.annotation.location.column, a.annotation.text)
                for a in again.annotations(record.document_id, record.id)] == [(1, "value", "目标值偏低")]


def test_every_write_runs_on_the_writer_thread(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    compare = open_two_years(qtbot, window)
    log = watch_writes(monkeypatch)
    gui = threading.current_thread()
    assert gui is threading.main_thread()

    window.check_action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "检查完成。", timeout=60_000)
    record = window.record
    assert record is not None and window.ws is not None
    model = window.indicators
    # Cells and a header field, undone and redone.
    assert model.setData(model.index(0, VALUE), "≥98%")
    window.undo_action.trigger()
    window.redo_action.trigger()
    window.form.edit_requested.emit("name", "改过的项目名称")
    # A finding accepted; an annotation added, edited, deleted, and the delete undone.
    window.findings.view.selectRow(0)
    window.findings.accept_button.click()
    window.annotations.add_requested.emit(TARGET_PROJECT, "批注")
    wait_for_writes(qtbot, window)
    stored = window._shown_annotations[0]
    window.annotations.edit_requested.emit(stored, "改过的批注")
    wait_for_writes(qtbot, window)
    window.annotations.delete_requested.emit(window._shown_annotations[0])
    window.undo_action.trigger()
    # The grade overridden and reset; a comparison correction.
    window.grade.save_button.click()
    window.grade.reset_requested.emit()
    matches = compare.view.matches
    compare.unpair(next(r for r in range(matches.rowCount()) if matches.match_at(r).matched))
    wait_for_writes(qtbot, window)

    assert {name for name, _thread in log} >= {
        "store_check_results", "set_grade", "set_revision", "clear_revision", "set_finding_state",
        "add_annotation", "update_annotation", "delete_annotation", "clear_grade_override", "set_year_match"}
    assert [name for name, thread in log if thread is gui] == []
    states = {f.id: f.finding.state for f in window.ws.findings(record.document_id, record.id)}
    assert FindingState.ACCEPTED in states.values()
    assert [a.annotation.text for a in window.ws.annotations(record.document_id, record.id)] == ["改过的批注"]


def test_opening_another_workspace_finishes_the_queued_writes_first(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pick_first_project(qtbot, window)
    record = window.record
    assert record is not None and window.ws is not None and window.ws.path is not None
    path = window.ws.path
    watch_writes(monkeypatch, delay=0.2)
    assert window.indicators.setData(window.indicators.index(0, VALUE), "≥98%")
    window.open_workspace_file(str(tmp_path / "other.sqlite"))
    assert window.ws is not None and window.ws.path == (tmp_path / "other.sqlite").resolve()
    with Workspace.open(path) as again:
        assert [r.revision.suggested for r in again.revisions(record.document_id, record.id)] == ["≥98%"]
