"""`python main.py memo`: from a workspace (findings, notes, revisions, grades, last year) and from a file."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pdfplumber
import pytest

from core.review import Band, FindingState, Grade, Location, Result
from main import main
from tests.memo.sample import make_document, make_review

store = pytest.importorskip("core.store.workspace")


def squeeze_pdf(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return re.sub(r"\s+", "", "".join(page.extract_text() for page in pdf.pages))


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, object]:
    """A workspace with last year's and this year's document of one department, reviewed."""
    path = tmp_path / "ws.sqlite"
    this_year = make_document(3, year=2025)
    last_year = make_document(3, year=2024)
    last_year.source_name = "2024_示例市_政府办_A.docx"
    last_year.projects[0].budget_total = dataclasses.replace(last_year.projects[0].budget_total, raw="19.50")
    review = make_review(this_year)
    with store.Workspace.open(path) as ws:
        ws.import_document(last_year, b"last year", last_year.source_name)
        outcome = ws.import_document(this_year, b"this year", this_year.source_name)
        document_id = outcome.document_id
        ws.replace_findings(document_id, review.findings)
        for stored in ws.findings(document_id):
            if stored.finding.state is not FindingState.OPEN:
                ws.set_finding_state(stored.id, stored.finding.state, stored.finding.reason)
        for annotation in review.annotations:
            ws.add_annotation(document_id, annotation.location, annotation.text, author=annotation.author)
        for revision in review.revisions:
            ws.set_revision(document_id, revision.location, revision.suggested)
        first = ws.projects(document_id)[0]
        ws.set_grade(first.id, Grade(total=55, band=Band.POOR, result=Result.REJECT, overridden=True,
                                     conclusion="审核人认定不通过。"))
    return path, review


def test_memo_from_the_workspace(workspace: tuple[Path, object], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path, review = workspace
    out, docx_out = tmp_path / "memo.pdf", tmp_path / "memo.docx"
    status = main(["memo", "--department", "113", "--workspace", str(path), "--out", str(out), "--docx",
                   str(docx_out), "--reviewer", "李四", "--organisation", "示例市财政局", "--date", "2025-04-01",
                   "--json"])
    assert status == 0
    result = json.loads(capsys.readouterr().out)
    assert result["projects"] == 3 and result["pages"] > 3 and result["missing_chars"] == []
    assert docx_out.stat().st_size > 10_000
    text = squeeze_pdf(out)
    for finding in review.accepted:  # type: ignore[attr-defined]
        assert re.sub(r"\s+", "", finding.message) in text
    for finding in review.dismissed:  # type: ignore[attr-defined]
        assert re.sub(r"\s+", "", finding.message) not in text
    for annotation in review.annotations:  # type: ignore[attr-defined]
        assert re.sub(r"\s+", "", annotation.text) in text
    assert "原：≥10件→建议：≥15件" in text
    assert "差（55分），不通过（审核人确定）。审核人认定不通过。" in text  # the stored override
    assert "六、年度对比" in text and "19.50" in text  # last year is in the workspace
    assert "2025年4月1日" in text and "李四" in text


def test_memo_of_a_year_without_a_previous_year_has_no_comparison(workspace: tuple[Path, object],
                                                                  tmp_path: Path) -> None:
    path, _ = workspace
    out = tmp_path / "2024.pdf"
    assert main(["memo", "--department", "113", "--year", "2024", "--workspace", str(path), "--out", str(out)]) == 0
    text = squeeze_pdf(out)
    assert "2024年度预算绩效目标审核意见" in text and "年度对比" not in text


def test_unknown_department_or_year_is_a_user_error(workspace: tuple[Path, object], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = workspace
    out = tmp_path / "x.pdf"
    assert main(["memo", "--department", "999", "--workspace", str(path), "--out", str(out)]) == 2
    assert "没有代码为 999 的部门" in capsys.readouterr().err
    assert main(["memo", "--department", "113", "--year", "2019", "--workspace", str(path), "--out", str(out)]) == 2
    assert "没有 2019 年度的文件" in capsys.readouterr().err
    assert main(["memo", "--workspace", str(path), "--out", str(out)]) == 2
    assert not out.exists()


def test_memo_straight_from_a_file(samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("core.importing.recognise")
    source = next(iter(sorted(samples.glob("*.docx"))))
    out = tmp_path / "draft.pdf"
    assert main(["memo", str(source), "--out", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["projects"] >= 1 and "未经审核人确认" in result["source"]
    assert "预算绩效目标审核意见" in squeeze_pdf(out)


def test_location_of_department_findings_is_described() -> None:
    from core.memo.content import _Place

    assert _Place(None).describe(Location(field="sub_goals[1]")) == "分项绩效目标第2项"
    assert _Place(make_document(1).projects[0]).describe(Location(project_seq=1, field="spending_plan.6月底")) \
        == "资金支出计划（6月底）"
