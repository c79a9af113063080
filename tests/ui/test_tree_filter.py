"""The tree filter and search read the whole workspace; closing after an edit does not wait for the backup."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import ui.dialogs.search_dialog
import ui.tree_filtering
from core.store import Workspace, sqlite_specific
from tests.store.tree_data import DUCHA_DEPARTMENT, DUCHA_PROJECTS, DUCHA_UNIT, document, fill
from tests.ui.helpers import click_tree_row, type_into_cell, type_text, wait_for_writes
from ui.main_window import MainWindow
from ui.models.indicator_model import VALUE
from ui.models.roles import OBJECT_ROLE
from ui.models.tree_model import MATCH_ROLE
from ui.settings import AppSettings


@pytest.fixture
def province(tmp_path: Path) -> Path:
    path = tmp_path / "province.sqlite"
    with Workspace.open(path) as ws:
        fill(ws)
    return path


@pytest.fixture
def win(qtbot: QtBot, temp_settings: AppSettings, province: Path) -> Iterator[MainWindow]:
    window = MainWindow(temp_settings, Workspace.open(province))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def shown_rows(win: MainWindow) -> list[tuple[str, str, bool, bool]]:
    """(kind, label, matched, expanded) of every row the tree shows, without opening anything."""
    rows: list[tuple[str, str, bool, bool]] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(win.tree_proxy.rowCount(parent)):
            index = win.tree_proxy.index(row, 0, parent)
            spec = win.tree_model.spec(win.tree_proxy.mapToSource(index))
            assert spec is not None
            rows.append((spec.kind, spec.label, bool(index.data(MATCH_ROLE)), win.tree.isExpanded(index)))
            if win.tree.isExpanded(index):
                walk(index)

    walk(QModelIndex())
    return rows


def typed_filter(qtbot: QtBot, win: MainWindow, text: str) -> None:
    win.filter_box.setFocus()
    win.filter_box.selectAll()
    qtbot.keyClick(win.filter_box, Qt.Key.Key_Backspace)
    type_text(qtbot, win.filter_box, text)
    # The store is asked once typing pauses.
    qtbot.waitUntil(lambda: win.tree_filter.query == text and win.tree_filter.status.isVisible(), timeout=5000)


def test_the_filter_finds_matches_in_branches_never_opened(qtbot: QtBot, win: MainWindow) -> None:
    # The window opened the first region (丙市) only; 乙市 and 甲市 were never listed below.
    before = shown_rows(win)
    assert not any(label.startswith("乙市交通局") for _k, label, _m, _e in before)

    typed_filter(qtbot, win, "督查")
    rows = shown_rows(win)
    matched = [(kind, label) for kind, label, is_match, _e in rows if is_match]
    assert [kind for kind, _label in matched] == ["department", "project", "project", "unit"]
    labels = " ".join(label for _k, label in matched)
    assert DUCHA_DEPARTMENT in labels and DUCHA_UNIT in labels
    assert all(name in labels for name in DUCHA_PROJECTS)
    # Only matching branches: 甲市 and the project 热线运行 are not shown; the branches above
    # the matches are open.
    assert not any(label.startswith("甲市") or label.endswith("热线运行") for _k, label, _m, _e in rows)
    assert all(expanded for kind, _label, is_match, expanded in rows if kind in ("region", "year") and not is_match)
    assert win.tree_filter.status.text() == "共 4 处"
    assert not win.tree_filter.more_button.isVisible()

    # A match can be opened like any project.
    project = win.tree_proxy.match(win.tree_proxy.index(0, 0), Qt.ItemDataRole.DisplayRole,
                                   f"*{DUCHA_PROJECTS[1]}", 1,
                                   Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)[0]
    click_tree_row(qtbot, win, project)
    assert win.record is not None and win.record.project.name is not None
    assert win.record.project.name.raw == DUCHA_PROJECTS[1]

    # Clearing the box gives the whole tree back.
    win.filter_box.clear()
    qtbot.waitUntil(lambda: not win.tree_filter.active, timeout=5000)
    assert [win.tree_proxy.index(r, 0).data() for r in range(win.tree_proxy.rowCount())] == [
        "丙市  (1)", "乙市  (2)", "甲市  (1)"]
    assert not win.tree_filter.bar.isVisible()


def test_the_filter_shows_the_first_n_of_m_and_more(qtbot: QtBot, win: MainWindow, qtmodeltester: ModelTester,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.tree_filtering, "PAGE", 2)
    typed_filter(qtbot, win, "督查")
    assert win.tree_filter.status.text() == "显示前 2 处，共 4 处"
    assert win.tree_filter.more_button.isVisible()
    first_page = [(kind, label) for kind, label, is_match, _e in shown_rows(win) if is_match]
    assert [label for _k, label in first_page] == ["104 丙市督查局", f"1. {DUCHA_PROJECTS[0]}"]
    project = win.tree_proxy.match(win.tree_proxy.index(0, 0), Qt.ItemDataRole.DisplayRole,
                                   f"*{DUCHA_PROJECTS[0]}", 1,
                                   Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)[0]
    click_tree_row(qtbot, win, project)

    # The next page goes into the branches shown (a project beside the first, a new department).
    qtbot.mouseClick(win.tree_filter.more_button, Qt.MouseButton.LeftButton)
    assert win.tree_filter.status.text() == "共 4 处"
    assert not win.tree_filter.more_button.isVisible()
    matched = [label for _kind, label, is_match, _e in shown_rows(win) if is_match]
    assert matched[:2] == [label for _k, label in first_page] and len(matched) == 4
    assert f"3. {DUCHA_PROJECTS[1]}" in matched and any(DUCHA_UNIT in label for label in matched)
    assert win.tree.currentIndex().data() == f"1. {DUCHA_PROJECTS[0]}"  # the reviewer's place is kept
    # Rows inserted in the middle: parents, rows and indexes still agree (Qt's model tester;
    # it fetches lazily loaded branches itself, so it is attached after the insertions).
    qtmodeltester.check(win.tree_model)

    typed_filter(qtbot, win, "没有这个名称")
    assert "没有" in win.tree_filter.status.text() and shown_rows(win) == []


def test_search_says_how_many_it_shows_and_pages_on(qtbot: QtBot, win: MainWindow,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.dialogs.search_dialog, "PAGE", 1)
    assert win.ws is not None
    total = len(win.ws.search("督查", limit=1000))
    assert total >= 2
    win.search_action.trigger()
    dialog = win.search_dialog
    type_text(qtbot, dialog.query, "督查")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == 1
    assert dialog.status.text() == f"显示前 1 处，共 {total} 处"
    qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 2
    for _ in range(total):
        if dialog.more_button.isVisible():
            qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == total and not dialog.more_button.isVisible()
    assert dialog.status.text() == f"找到 {total} 处"


def test_search_counts_a_query_once_and_its_pages_join_up(qtbot: QtBot, win: MainWindow,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.dialogs.search_dialog, "PAGE", 1)
    ws = win.ws
    assert ws is not None
    everything = ws.search("督查", limit=1000)
    assert len(everything) >= 3 and {h.indicator_id is None for h in everything} == {True, False}
    counted: list[str] = []
    real_counts = sqlite_specific.search_counts

    def counting(conn: object, query: str, cap: int, *, current_only: bool) -> tuple[int, int]:
        counted.append(query)
        return real_counts(conn, query, cap, current_only=current_only)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite_specific, "search_counts", counting)
    win.search_action.trigger()
    dialog = win.search_dialog
    type_text(qtbot, dialog.query, "督查")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    for _ in range(len(everything)):
        if dialog.more_button.isVisible():
            qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    assert not dialog.more_button.isVisible() and dialog.status.text() == f"找到 {len(everything)} 处"
    assert counted == ["督查"]  # counted for the first page only
    shown = [dialog.model.index(row, 0).data(OBJECT_ROLE) for row in range(dialog.model.rowCount())]
    assert shown == everything  # the pages, one under the other, are the whole search

    # Choosing a hit opens its project, read from the workspace once.
    read: list[int] = []
    real_project = ws.project

    def reading(project_id: int) -> object:
        read.append(project_id)
        return real_project(project_id)

    monkeypatch.setattr(ws, "project", reading)
    hit = everything[-1]
    dialog.results.setFocus()
    dialog.results.selectRow(len(everything) - 1)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert win.record is not None and win.record.id == hit.project_id
    assert read == [hit.project_id]
    spec = win.tree_model.spec(win.tree_proxy.mapToSource(win.tree.currentIndex()))
    assert spec is not None and spec.kind == "project" and spec.key_id() == hit.project_id


def test_an_import_with_the_filter_on_rebuilds_the_tree_once(
        qtbot: QtBot, win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    typed_filter(qtbot, win, "督查")
    assert win.tree_filter.status.text() == "共 4 处"
    ws = win.ws
    assert ws is not None
    rebuilt: list[str] = []
    win.tree_model.modelReset.connect(lambda: rebuilt.append("tree"))
    asked: list[str] = []
    real_matches = ws.tree_matches

    def counting_matches(text: str, limit: int = 100, offset: int = 0) -> object:
        asked.append(text)
        return real_matches(text, limit, offset)

    monkeypatch.setattr(ws, "tree_matches", counting_matches)
    # A new department whose name and project name 督查.
    win.document_reader = lambda _path: document(5, "甲市", "105", "甲市督查办", [("督查培训", "105001", "甲市督查办本级")])
    new_file = tmp_path / "new.docx"
    new_file.write_bytes(b"a new document")
    # The import's own redraw is what is counted: the check that follows it is held back.
    checks: list[object] = []
    monkeypatch.setattr(win, "check_imported", lambda ids, summary="": checks.append(ids))
    op = win.import_paths([new_file])
    assert op is not None
    qtbot.waitUntil(lambda: op.done and bool(checks), timeout=60_000)
    qtbot.wait(100)  # anything the import queued has run too
    assert len(rebuilt) == 1 and asked == ["督查"]  # the store asked once, the tree rebuilt once
    # The filter shows the new document's matches with the others.
    assert win.tree_filter.query == "督查" and win.tree_filter.active
    matched = [label for _kind, label, is_match, _e in shown_rows(win) if is_match]
    assert any("甲市督查办" in label for label in matched) and any("督查培训" in label for label in matched)
    assert win.tree_filter.status.text() == f"共 {real_matches('督查').total} 处" == "共 6 处"
    # The check of the new document, let go now, redraws the tree once more, once.
    MainWindow.check_imported(win, checks[0])  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: "已检查导入的文本" in win.statusBar().currentMessage(), timeout=60_000)
    qtbot.wait(100)
    assert len(rebuilt) == 2 and asked == ["督查", "督查"]
    assert win.tree_filter.status.text() == "共 6 处"


def test_closing_after_an_edit_does_not_wait_for_the_backup(
        qtbot: QtBot, win: MainWindow, province: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The backup is held up until the window is gone: closing must not wait for it.
    for old in sqlite_specific.list_backups(province):
        old.unlink()
    release = threading.Event()
    started = threading.Event()
    real_backup = sqlite_specific.backup_to

    def slow_backup(path: Path, target: Path) -> None:
        started.set()
        assert release.wait(60)
        real_backup(path, target)

    monkeypatch.setattr(sqlite_specific, "backup_to", slow_backup)
    typed_filter(qtbot, win, DUCHA_PROJECTS[0])
    project = next(i for i in _all_indexes(win) if i.data(MATCH_ROLE))
    click_tree_row(qtbot, win, project)
    type_into_cell(qtbot, win, 0, VALUE, "≥99%")
    wait_for_writes(qtbot, win)
    ws = win.ws
    assert ws is not None

    win.close()  # returns while the backup is still held up
    assert not win.isVisible() and win.ws is None
    assert started.wait(10) and ws.backing_up
    with Workspace.open(province) as again:  # the lock is free: the edit is in
        assert any(r.revision.suggested == "≥99%" for d in again.documents() for r in again.revisions(d.id))
    assert sqlite_specific.list_backups(province) == []  # nothing half-written shows as a backup
    release.set()
    assert ws.wait_closed(60)
    backups = sqlite_specific.list_backups(province)
    assert len(backups) == 1 and ws.close_problem is None
    with Workspace.open(backups[0], readonly=True) as copy:
        assert any(r.revision.suggested == "≥99%" for d in copy.documents() for r in copy.revisions(d.id))


def _all_indexes(win: MainWindow) -> list[QModelIndex]:
    found: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(win.tree_proxy.rowCount(parent)):
            index = win.tree_proxy.index(row, 0, parent)
            found.append(index)
            walk(index)

    walk(QModelIndex())
    return found
