"""The year comparison window: aligned rows, changes marked by colour and symbol, views in step."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from core.model import Field
from core.store.workspace import Workspace
from tests.ui.helpers import click_tree_row, project_indexes, wait_for_writes
from ui.comparing import open_comparison
from ui.main_window import MainWindow
from ui.models.comparison_model import ADDED, CHANGED, REMOVED
from ui.models.indicator_model import VALUE
from ui.models.roles import CHANGE_ROLE


def _next_year(ws: Workspace) -> tuple[int, str]:
    """Import a next-year version of the first document: a value changed, a row and a project dropped."""
    info = ws.documents()[0]
    doc = copy.deepcopy(ws.load_document(info.id))
    assert doc.year is not None
    doc.year += 1
    first = doc.projects[0]
    old_value = first.indicators[0].value.raw
    first.indicators[0].value = Field(old_value + "以上")
    del first.indicators[-1]
    doc.projects.pop()
    outcome = ws.import_document(doc, b"next-year:" + info.sha256.encode(), "next_year.docx")
    assert outcome.document_id is not None
    return info.department_id, old_value


def test_comparison_aligns_years_and_marks_changes(qtbot: QtBot, window: MainWindow,
                                                   qtmodeltester: ModelTester) -> None:
    assert window.ws is not None
    department_id, old_value = _next_year(window.ws)
    window.reload_tree()
    # Pick a project of that department, then open the comparison from the menu action.
    for index in project_indexes(window):
        click_tree_row(qtbot, window, index)
        if window.selected_department() == department_id:
            break
    compare = open_comparison(window, background=False)
    assert compare is not None
    qtbot.addWidget(compare)
    view = compare.view
    comparison = view.comparison
    assert comparison is not None and comparison.new.year == comparison.old.year + 1

    # The project dropped this year is listed, unmatched, on the left only.
    matches = view.matches
    assert any(matches.match_at(r).new is None for r in range(matches.rowCount()))
    qtmodeltester.check(matches)

    # The first project: the changed value is marked on both sides, the dropped row is blank on the right.
    first = next(r for r in range(matches.rowCount()) if matches.match_at(r).old == 0)
    view.select_match(first)
    old, new = view.old_model, view.new_model
    assert old.rowCount() == new.rowCount()
    qtmodeltester.check(old)
    changed = [r for r in range(new.rowCount()) if new.index(r, VALUE).data(CHANGE_ROLE) == CHANGED]
    assert changed, "the changed value is marked"
    row = changed[0]
    assert old.index(row, VALUE).data() == old_value and new.index(row, VALUE).data() == old_value + "以上"
    for model in (old, new):
        cell = model.index(row, VALUE)
        assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert cell.data(Qt.ItemDataRole.DecorationRole) is not None  # a symbol, not colour alone
        assert model.headerData(row, Qt.Orientation.Vertical) == "△"
    removed = [r for r in range(old.rowCount()) if old.index(r, 0).data(CHANGE_ROLE) == REMOVED]
    assert removed and new.index(removed[0], 2).data() is None
    assert new.headerData(removed[0], Qt.Orientation.Vertical) != "−"
    assert old.headerData(removed[0], Qt.Orientation.Vertical) == "−"

    # Selection and scrolling follow from one side to the other.
    compare.resize(900, 300)
    view.new_view.setCurrentIndex(new.index(new.rowCount() - 1, 0))
    assert view.old_view.currentIndex().row() == new.rowCount() - 1
    view.old_view.verticalScrollBar().setValue(view.old_view.verticalScrollBar().maximum())
    assert view.new_view.verticalScrollBar().value() == view.old_view.verticalScrollBar().value()

    # "Changes only" keeps the changed rows, and both sides alike.
    total = new.rowCount()
    view.changes_only.setChecked(True)
    assert 0 < new.rowCount() < total and old.rowCount() == new.rowCount()
    assert all(new.row_at(r).status in (CHANGED, ADDED, REMOVED) for r in range(new.rowCount()))


def test_reviewer_can_unpair_and_the_correction_is_kept(qtbot: QtBot, window: MainWindow) -> None:
    assert window.ws is not None
    department_id, _ = _next_year(window.ws)
    window.reload_tree()
    for index in project_indexes(window):
        click_tree_row(qtbot, window, index)
        if window.selected_department() == department_id:
            break
    compare = open_comparison(window, background=False)
    assert compare is not None and compare.pair is not None
    qtbot.addWidget(compare)
    matches = compare.view.matches
    first = next(r for r in range(matches.rowCount()) if matches.match_at(r).matched)
    compare.unpair(first)
    wait_for_writes(qtbot, window)
    stored = window.ws.year_matches(compare.pair.old_document_id, compare.pair.new_document_id)
    assert len(stored) == 2 and all(None in pair for pair in stored)
    assert sum(1 for r in range(matches.rowCount()) if not matches.match_at(r).matched) >= 2

    # Pair them again by hand.
    lonely = next(r for r in range(matches.rowCount())
                  if matches.match_at(r).old is not None and matches.match_at(r).new is None)
    candidates = [matches.match_at(r).new for r in range(matches.rowCount()) if matches.match_at(r).old is None]
    compare.pair_with(lonely, choice=candidates[0])
    wait_for_writes(qtbot, window)
    assert any(None not in pair for pair in
               window.ws.year_matches(compare.pair.old_document_id, compare.pair.new_document_id))
