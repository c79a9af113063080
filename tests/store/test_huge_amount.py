"""Issue 16: a budget of 1,000,001 digits through import, check, memo and the xlsx export.

Before: Money.to_yuan raised decimal.Overflow on import (10^1000000 is past Decimal's
exponent limit); had it got through, a search for "N年内" in the checks and the code
pattern of the recogniser backtracked over the digit run for hours, and the memo's
paragraph of a million digits took minutes to lay out. Now the amount is unreadable
(core.values.MAX_NUMBER_DIGITS), kept as written, the memo quotes its beginning, and
the workbook cuts it to Excel's 32,767 characters per cell (a longer cell makes Excel
call the whole file damaged).
"""

from __future__ import annotations

import time
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

import main
from core.store import Workspace
from core.store.export import EXCEL_CELL_MAX_CHARS
from tests.badinputs.generate import generate

DEPARTMENT = "438001"  # the department of the sample the case is built from


def test_a_million_digit_amount_through_import_check_memo_and_export(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    [spec] = generate(tmp_path / "files", only={"amount_million_digits"})
    workspace = str(tmp_path / "w.sqlite")
    started = time.monotonic()
    assert main.main(["import", str(tmp_path / "files" / spec.file), "--workspace", workspace]) == 0
    assert main.main(["check", "--workspace", workspace]) == 0
    pdf, docx = tmp_path / "memo.pdf", tmp_path / "memo.docx"
    assert main.main(["memo", "--department", DEPARTMENT, "--out", str(pdf), "--docx", str(docx),
                      "--workspace", workspace]) == 0
    assert main.main(["export", "--department", DEPARTMENT, "--format", "xlsx", "--out",
                      str(tmp_path / "dept.xlsx"), "--workspace", workspace]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "错误：" not in err
    assert "32,767" in err  # the export says it cut cells to Excel's limit
    assert time.monotonic() - started < 120  # seconds, not the hours of a quadratic search
    with Workspace.open(workspace, readonly=True) as ws:
        [document] = ws.documents()
        project = ws.load_document(document.id).projects[0]
        assert project.budget_total is not None and len(project.budget_total.raw) == 1_000_001  # kept as written
        assert project.money("budget_total").amount is None  # type: ignore[union-attr]
    with pdfplumber.open(pdf) as memo:
        text = "".join(page.extract_text() or "" for page in memo.pages)
        assert len(memo.pages) < 60
    assert "9" * 1_000 not in text  # quoted in part (a sentence of the memo cuts quotes at 40 characters)
    book = load_workbook(tmp_path / "dept.xlsx", read_only=True)
    longest = max(len(str(value)) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                  for value in row if value is not None)
    book.close()
    assert longest == EXCEL_CELL_MAX_CHARS  # Excel calls a workbook with a longer cell damaged
