"""Group E: vague words, repeated descriptions, copied tables and import artefacts."""

from __future__ import annotations

from core.model import ImportIssue, Provenance
from core.review import Severity
from tests.checks.conftest import Run
from tests.checks.factory import clean_rows, document, project, with_row


def test_e1_vague_words(run: Run) -> None:
    assert run(document(), "E1") == []
    findings = run(document(with_row(project(), 5, level3="办事效率明显改善", value="有效提升")), "E1")
    assert {f.location.column for f in findings} == {"level3", "value"}


def test_e2_description_repeats_level3(run: Run) -> None:
    assert run(document(), "E2") == []
    findings = run(document(with_row(project(), 0, description="购置办公设备数量。")), "E2")
    assert [f.location.column for f in findings] == ["description"]


def test_e3_copied_table(run: Run) -> None:
    other = project(seq=2, name="另一个项目", code="13020025P00000000002B")
    findings = run(document(project(), other), "E3")
    assert len(findings) == 1 and findings[0].location.project_seq == 2 and "100%" in findings[0].message
    rows = clean_rows()
    for index in range(3):
        rows[index] = with_row(project(indicators=rows), index, value=f"≥{index + 30}次").indicators[index]
    assert run(document(project(), project(seq=2, indicators=rows)), "E3") == []


def test_e4_import_issue_worded_as_artefact(run: Run) -> None:
    assert run(document(), "E4") == []
    issue = ImportIssue("row_split", "第3页 表2 第4行在分页处被截断", Provenance(page=3, table=1, row=3),
                        project_seq=1, column="value", indicator_index=2)
    findings = run(document(issues=[issue]), "E4")
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.ERROR and finding.quote == "≥98%"
    assert (finding.location.indicator, finding.location.column) == (2, "value")
    assert "非报送单位问题" in finding.message and "核实" in finding.message
    assert finding.prov is not None and finding.prov.page == 3


def test_e4_department_level_issue(run: Run) -> None:
    issue = ImportIssue("unreadable_cell", "第1页 一个单元格无法读取", Provenance(page=1))
    findings = run(document(issues=[issue]), "E4")
    assert findings[0].location.project_seq is None and findings[0].location.field == "import.unreadable_cell"


def test_e4_takes_the_issues_given_to_run_checks() -> None:
    from core.checks.registry import run_checks

    issue = ImportIssue("unreadable_cell", "无法读取", project_seq=1, column="usage")
    assert [f.check_id for f in run_checks(document(), issues=[issue])] == ["E4"]
