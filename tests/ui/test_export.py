"""Export from the window: the department workbook and the review memo with its first-page preview."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from tests.ui.helpers import pick_first_project
from ui.exporting import export_memo, export_xlsx
from ui.main_window import MainWindow


def test_export_xlsx_of_the_selected_department(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    pick_first_project(qtbot, window)
    op = export_xlsx(window, str(tmp_path / "dept.xlsx"))
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=60_000)
    book = openpyxl.load_workbook(tmp_path / "dept.xlsx")
    assert book.sheetnames and any(sheet.max_row > 1 for sheet in book.worksheets)


def test_export_memo_pdf_shows_the_first_page(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    pick_first_project(qtbot, window)
    op = export_memo(window, str(tmp_path / "memo.pdf"))
    assert op is not None
    qtbot.waitUntil(lambda: hasattr(window, "memo_preview"), timeout=120_000)
    assert (tmp_path / "memo.pdf").read_bytes().startswith(b"%PDF")
    image = window.memo_preview.image
    assert abs(image.width() - 700) <= 1 and abs(image.height() / image.width() - 297 / 210) < 0.01  # A4 portrait
