"""`gui --demo --screenshot FILE --view compare`: the year comparison rendered without a display."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import main
from core.compare import Comparison
from ui.app import most_telling_match, screenshot
from ui.comparing import ComparisonWindow, year_documents
from ui.main_window import MainWindow
from ui.models.comparison_model import ADDED, CHANGED, COLOURS, REMOVED


def _colours(image: QImage, step: int = 5) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def test_view_compare_screenshot_from_the_command_line(qapp: QApplication, tmp_path: Path) -> None:
    target = tmp_path / "compare.png"
    code = main.main(["gui", "--demo", "--workspace", str(tmp_path / "demo.sqlite"), "--screenshot", str(target),
                      "--view", "compare"])
    assert code == 0
    image = QImage(str(target))
    assert image.width() >= 1200 and image.height() >= 800
    colours = _colours(image)
    assert len(colours) > 50  # text, marks and tints, not a blank frame
    # Changed cells are tinted: the "changed" colour is in the picture.
    assert COLOURS[CHANGED].rgb() in colours


def test_screenshot_opens_the_department_with_two_years(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    assert window.ws is not None
    two_years = [info.department_id for info in window.ws.documents(current_only=True)
                 if len(year_documents(window.ws, info.department_id)) >= 2]
    assert two_years, "the samples give one department two years"
    target = tmp_path / "shot.png"
    assert screenshot(window, target, "compare") == 0
    assert QImage(str(target)).width() >= 1200
    compare = window.comparison_window  # type: ignore[attr-defined]
    assert isinstance(compare, ComparisonWindow)
    qtbot.addWidget(compare)
    assert compare.department_id in two_years
    view = compare.view
    comparison = view.comparison
    assert isinstance(comparison, Comparison)
    assert comparison.new.year == comparison.old.year + 1

    # The project shown is the one most_telling_match chose: matched, with a row only one year has.
    shown = view.match_view.currentIndex().row()
    assert shown == most_telling_match(comparison)
    assert comparison.matches[shown].matched
    old, new = view.old_model, view.new_model
    statuses = {old.row_at(r).status for r in range(old.rowCount())}
    assert CHANGED in statuses and statuses & {ADDED, REMOVED}
    # Rows stay level: each row is as high on both sides, and wrapped text makes some rows taller.
    heights = [view.old_view.rowHeight(r) for r in range(old.rowCount())]
    assert heights == [view.new_view.rowHeight(r) for r in range(new.rowCount())]
    assert max(heights) > min(heights)


def test_view_compare_without_two_years_fails_with_a_message(qapp: QApplication, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = main.main(["gui", "--workspace", str(tmp_path / "empty.sqlite"), "--screenshot", str(tmp_path / "x.png"),
                      "--view", "compare"])
    assert code == 1
    assert "两个年度" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
