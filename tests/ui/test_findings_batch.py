"""The findings list as a reviewer uses it: sort by a header click, filter by rule and state,
select several findings with Ctrl-click and accept or dismiss them at once, one undo step.

Each test acts through the widgets and then reads the workspace back.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from core.checks.grading import grade_project
from core.review import FindingState, Severity
from core.store.records import StoredFinding
from tests.ui.helpers import click_tree_row, project_indexes, wait_for_writes
from ui.dialogs.dismiss_dialog import DismissDialog
from ui.main_window import MainWindow
from ui.models.findings_model import SEVERITY, document_order
from ui.settings import DEFAULT_DISMISS_REASONS

SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}


def check_and_pick_project(qtbot: QtBot, window: MainWindow, at_least: int, rules: int = 1) -> None:
    """Run the checks, then click the first project whose list shows `at_least` open findings
    of at least `rules` rules."""
    window.check_action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "检查完成。", timeout=60_000)
    for index in project_indexes(window):
        click_tree_row(qtbot, window, index)
        shown = shown_findings(window)
        if sum(f.finding.state is FindingState.OPEN for f in shown) >= at_least \
                and len({f.finding.check_id for f in shown}) >= rules:
            return
    raise AssertionError("no project with enough findings in the samples")


def shown_findings(window: MainWindow) -> list[StoredFinding]:
    panel = window.findings
    return [panel.finding_at_row(r) for r in range(panel.proxy.rowCount())]


def click_row(qtbot: QtBot, window: MainWindow, row: int,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    view = window.findings.view
    index = window.findings.proxy.index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center())


def stored_states(window: MainWindow, findings: list[StoredFinding]) -> list[tuple[FindingState, str | None]]:
    assert window.ws is not None
    now = {f.id: f.finding for d in {f.document_id for f in findings} for f in window.ws.findings(d)}
    return [(now[f.id].state, now[f.id].reason) for f in findings]


def test_a_click_on_the_severity_header_sorts_errors_first_in_document_order(
        qtbot: QtBot, window: MainWindow) -> None:
    check_and_pick_project(qtbot, window, at_least=2)
    panel = window.findings
    panel.notes_button.setChecked(True)  # notes too, so the three severities can show
    header = panel.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(SEVERITY) + 5, header.height() // 2))
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (SEVERITY, Qt.SortOrder.AscendingOrder)
    shown = shown_findings(window)
    assert len({f.finding.severity for f in shown}) >= 2
    keys = [(SEVERITY_RANK[f.finding.severity], document_order(f)) for f in shown]
    assert keys == sorted(keys)  # E, W, I; equal severities in document order

    # a second click: notes first
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(SEVERITY) + 5, header.height() // 2))
    ranks = [SEVERITY_RANK[f.finding.severity] for f in shown_findings(window)]
    assert ranks == sorted(ranks, reverse=True)


def test_the_rule_and_state_combos_filter_the_list(qtbot: QtBot, window: MainWindow) -> None:
    check_and_pick_project(qtbot, window, at_least=2, rules=2)
    panel = window.findings
    panel.notes_button.setChecked(True)
    every = shown_findings(window)
    rules = [panel.rule_filter.itemText(i) for i in range(1, panel.rule_filter.count())]
    model = panel.model
    assert set(rules) == {model.finding_at(r).finding.check_id for r in range(model.rowCount())}
    rule = every[-1].finding.check_id
    panel.rule_filter.setCurrentIndex(panel.rule_filter.findText(rule))
    kept = shown_findings(window)
    assert kept and all(f.finding.check_id == rule for f in kept)
    assert [f.id for f in kept] == [f.id for f in every if f.finding.check_id == rule]
    panel.rule_filter.setCurrentIndex(0)
    assert len(shown_findings(window)) == len(every)

    panel.state_filter.setCurrentIndex(panel.state_filter.findText("已采纳"))
    assert shown_findings(window) == []
    panel.state_filter.setCurrentIndex(panel.state_filter.findText("待处理"))
    assert len(shown_findings(window)) == sum(f.finding.state is FindingState.OPEN for f in every)


def test_three_findings_accepted_in_one_click_and_one_undo(qtbot: QtBot, window: MainWindow) -> None:
    check_and_pick_project(qtbot, window, at_least=3)
    panel = window.findings
    panel.state_filter.setCurrentIndex(panel.state_filter.findText("待处理"))
    click_row(qtbot, window, 0)
    click_row(qtbot, window, 1, Qt.KeyboardModifier.ControlModifier)
    click_row(qtbot, window, 2, Qt.KeyboardModifier.ControlModifier)
    chosen = panel.selected()
    assert len(chosen) == 3
    assert panel.accept_button.text() == "采纳（3）"
    steps = window.undo_stack.count()

    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)
    assert stored_states(window, chosen) == [(FindingState.ACCEPTED, None)] * 3
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "采纳 3 条发现"
    # the list follows: accepted ones leave the 待处理 filter
    assert not {f.id for f in chosen} & {f.id for f in shown_findings(window)}

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    assert stored_states(window, chosen) == [(FindingState.OPEN, None)] * 3
    assert {f.id for f in chosen} <= {f.id for f in shown_findings(window)}


def test_two_findings_dismissed_with_a_preset_reason(qtbot: QtBot, window: MainWindow) -> None:
    check_and_pick_project(qtbot, window, at_least=2)
    panel = window.findings
    panel.state_filter.setCurrentIndex(panel.state_filter.findText("待处理"))
    click_row(qtbot, window, 0)
    click_row(qtbot, window, 1, Qt.KeyboardModifier.ControlModifier)
    chosen = panel.selected()
    assert len(chosen) == 2
    assert window.ws is not None and window.record is not None
    project_id = window.record.id
    graded_before = window.ws.grade(project_id)
    assert graded_before is not None and window.grade.total.value() == pytest.approx(graded_before.total)
    preset = DEFAULT_DISMISS_REASONS[1]
    seen: list[list[str]] = []

    def answer() -> None:
        # The reviewer opens the combo's list of presets, picks one, clicks OK.
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DismissDialog)
        combo = dialog.findChild(QComboBox, "dismissReason")
        assert combo is not None and combo.isEditable()
        seen.append([combo.itemText(i) for i in range(combo.count())])
        combo.setCurrentIndex(combo.findText(preset))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)
    assert seen and seen[0][:3] == ["部门已作说明，予以认可", "属模板格式要求，不作修改", "与实际情况相符"]
    assert stored_states(window, chosen) == [(FindingState.DISMISSED, preset)] * 2
    assert window.undo_stack.undoText() == "驳回 2 条发现"
    # dismissed findings cost no points: the grade is worked out again at once, with the
    # reviewer's settings, and the grade dock shows it
    regraded = window.ws.grade(project_id)
    decided = [f.finding for f in window.ws.findings(window.record.document_id, project_id)]
    expected = grade_project(decided, window.settings.check_settings())
    assert regraded is not None and (regraded.total, regraded.band) == (expected.total, expected.band)
    assert window.grade.total.value() == pytest.approx(regraded.total)
    assert regraded.total > graded_before.total  # the two cost points before
    # the reason used comes first next time
    assert window.settings.dismiss_reasons()[0] == preset

    window.undo_action.trigger()
    wait_for_writes(qtbot, window)
    assert stored_states(window, chosen) == [(FindingState.OPEN, None)] * 2
    undone = window.ws.grade(project_id)
    assert undone is not None and (undone.total, undone.band) == (graded_before.total, graded_before.band)
    assert window.grade.total.value() == pytest.approx(graded_before.total)
