"""Review progress (core/store/review_progress.py): counts per project and department, grades, few queries,
and the `progress` command with --json and --xlsx."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import event

import main
from core.checks.grading import override_grade
from core.checks.registry import load_checks
from core.checks.workspace_run import check_workspace_documents
from core.review import Band, FindingState
from core.store import Workspace
from core.store.review_progress import progress_findings, proposed_total, review_progress, write_progress_xlsx
from tests.store.factory import make_document


@pytest.fixture
def checked(tmp_path: Path) -> str:
    """Two departments (113: 2025 and 2024, 114: 2025), checked."""
    path = tmp_path / "w.sqlite"
    load_checks()
    with Workspace.open(path) as ws:
        docs = [make_document(1, dept_code="113", projects=4), make_document(2, dept_code="113", year=2024, projects=3),
                make_document(3, dept_code="114", dept_name="唐山市财政局", projects=5)]
        ids = [ws.import_document(d, f"doc{i}".encode(), f"d{i}.docx").document_id for i, d in enumerate(docs)]
        check_workspace_documents(ws, [i for i in ids if i is not None])
    return str(path)


def _naive_counts(ws: Workspace) -> dict[int | None, Counter[str]]:
    """Per project (None: department level, all departments), the states counted one finding at a time."""
    counts: dict[int | None, Counter[str]] = {}
    for info in ws.documents(current_only=True):
        for stored in ws.findings(info.id):
            counts.setdefault(stored.project_id, Counter())[stored.finding.state.value] += 1
    return counts


def test_counts_agree_with_the_findings_and_follow_decisions(checked: str) -> None:
    with Workspace.open(checked) as ws:
        findings = [f for info in ws.documents(current_only=True) for f in ws.findings(info.id)
                    if f.project_id is not None]
        assert len(findings) > 6
        ws.set_findings_state([findings[0].id, findings[1].id], FindingState.ACCEPTED)
        ws.set_findings_state([findings[2].id], FindingState.DISMISSED, "部门已说明")
        progress = review_progress(ws)
        naive = _naive_counts(ws)
        assert len(progress.projects) == 4 + 3 + 5
        for p in progress.projects:
            expected = naive.get(p.project_id, Counter())
            assert (p.counts.open, p.counts.accepted, p.counts.dismissed) == (
                expected["open"], expected["accepted"], expected["dismissed"]), p.name
        assert sum(p.counts.accepted for p in progress.projects) == 2
        assert sum(p.counts.dismissed for p in progress.projects) == 1
        everything = sum(sum(c.values()) for c in naive.values())
        assert sum(d.counts.total for d in progress.departments) == everything
        assert [d.code for d in progress.departments] == ["113", "114"]
        d113 = progress.departments[0]
        assert d113.projects == 7 and d113.counts.total == d113.department_level.total + sum(
            p.counts.total for p in progress.projects if p.department_id == d113.department_id)
        assert "113 唐山市人民政府办公室：7 个项目" in d113.summary()


def test_reviewer_grade_and_proposed_grade(checked: str) -> None:
    with Workspace.open(checked) as ws:
        first = review_progress(ws).projects[0]
        assert first.band is not None and not first.overridden
        assert first.proposed_band == first.band and first.proposed_total == first.total
        assert first.reviewer_band is None
        computed = ws.grade(first.project_id)
        assert computed is not None
        other = Band.POOR if computed.band is not Band.POOR else Band.EXCELLENT
        ws.set_grade(first.project_id, override_grade(computed, band=other))
        after = next(p for p in review_progress(ws).projects if p.project_id == first.project_id)
        assert after.overridden and after.reviewer_band is other and after.band is other
        # the program's proposal stays what grading computed
        assert after.proposed_band is computed.band and after.proposed_total == computed.total
        assert review_progress(ws).department(after.department_id).graded == 1  # type: ignore[union-attr]


def test_proposed_total_scales_by_the_weights() -> None:
    assert proposed_total('{"完整性": 20, "相关性": 25, "适当性": 21.5, "可行性": 25}') == 91.5
    assert proposed_total("{}") is None and proposed_total(None) is None and proposed_total("not json") is None


def test_scope_by_department_and_year(checked: str) -> None:
    with Workspace.open(checked, readonly=True) as ws:
        d113 = ws.find_departments("113")[0].id
        only = review_progress(ws, [d113], 2024)
        assert [d.code for d in only.departments] == ["113"]
        assert len(only.projects) == 3 and {p.year for p in only.projects} == {2024}
        lines = progress_findings(ws, [d113], 2024)
        assert lines and {f.year for f in lines} == {2024}
        assert all(f.department.startswith("113") for f in lines)


def test_a_few_queries_whatever_the_number_of_projects(checked: str) -> None:
    with Workspace.open(checked, readonly=True) as ws:
        statements: list[str] = []

        def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                statements.append(statement)

        event.listen(ws.engine, "before_cursor_execute", count)
        try:
            progress = review_progress(ws)
            progress_findings(ws)
        finally:
            event.remove(ws.engine, "before_cursor_execute", count)
        assert len(progress.projects) == 12
        assert len(statements) <= 4, statements


def test_workbook_holds_overview_and_findings(checked: str, tmp_path: Path) -> None:
    with Workspace.open(checked, readonly=True) as ws:
        progress = review_progress(ws)
        findings = progress_findings(ws)
        target = write_progress_xlsx(progress, findings, tmp_path / "out" / "progress.xlsx", workspace=ws.path)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["部门进度", "项目进度", "审核发现"]
    departments = list(book["部门进度"].iter_rows(values_only=True))
    assert departments[0][:4] == ("地区", "部门", "项目数", "待处理")
    assert len(departments) == 1 + len(progress.departments)
    projects = list(book["项目进度"].iter_rows(values_only=True))
    assert len(projects) == 1 + len(progress.projects)
    open_column = projects[0].index("待处理")
    assert sum(int(r[open_column]) for r in projects[1:]) == sum(p.counts.open for p in progress.projects)
    rows = list(book["审核发现"].iter_rows(values_only=True))
    assert len(rows) == 1 + len(findings)
    assert rows[0][:5] == ("部门", "年度", "序号", "项目名称", "规则")
    assert {r[rows[0].index("状态")] for r in rows[1:]} == {"待处理"}


def test_progress_command_json_and_xlsx(checked: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p.xlsx"
    assert main.main(["progress", "--workspace", checked, "--department", "114", "--json", "--xlsx", str(out)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [d["code"] for d in data["departments"]] == ["114"] and len(data["projects"]) == 5
    assert {"open", "accepted", "dismissed", "band", "proposed_band", "overridden"} <= set(data["projects"][0])
    assert "已导出" in captured.err
    assert openpyxl.load_workbook(out).sheetnames == ["部门进度", "项目进度", "审核发现"]
    assert main.main(["progress", "--workspace", checked, "--year", "2024"]) == 0
    text = capsys.readouterr().out
    assert "113 唐山市人民政府办公室：3 个项目" in text and "114" not in text
    assert main.main(["progress", "--workspace", checked, "--department", "999"]) == 2
    assert "999" in capsys.readouterr().err
