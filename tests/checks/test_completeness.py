"""Group A: each check fires on a broken variant of the clean project and stays quiet on it."""

from __future__ import annotations

import dataclasses

from core.model import Field, ImportIssue
from core.review import Criterion, Severity
from tests.checks.conftest import Run
from tests.checks.factory import document, indicator, project, with_row


def test_clean_project_has_no_findings_at_all() -> None:
    from core.checks.registry import run_checks

    assert run_checks(document()) == []


def test_a1_blank_and_absent_header_fields(run: Run) -> None:
    assert run(document(), "A1") == []
    findings = run(document(project(usage="", code=None)), "A1")
    assert {(f.location.field, f.quote) for f in findings} == {("usage", ""), ("code", "")}
    assert all(f.severity is Severity.ERROR and f.criterion is Criterion.COMPLETENESS for f in findings)
    usage = next(f for f in findings if f.location.field == "usage")
    assert usage.prov is not None and usage.prov.table == 0 and "资金用途" in usage.message


def test_a1_leaves_a_cell_the_importer_doubted_to_e4(run: Run) -> None:
    issue = ImportIssue("unreadable_cell", "第2页 表1 的“资金用途”无法读取", project_seq=1, column="usage")
    assert run(document(project(usage=""), issues=[issue]), "A1") == []


def test_a2_missing_level1(run: Run) -> None:
    assert run(document(), "A2") == []
    rows = [r for r in project().indicators if r.level1.raw != "满意度指标"]
    findings = run(document(project(indicators=rows)), "A2")
    assert len(findings) == 1 and "满意度指标" in findings[0].message


def test_a3_output_without_cost(run: Run) -> None:
    assert run(document(), "A3") == []
    rows = [r for r in project().indicators if r.level2.raw != "成本指标"]
    findings = run(document(project(indicators=rows)), "A3")
    assert [f.severity for f in findings] == [Severity.WARNING] and "成本指标" in findings[0].message


def test_a3_accepts_cost_as_level1_of_the_newer_template(run: Run) -> None:
    base = project()
    rows = [dataclasses.replace(r, level1=Field("成本指标"), level2=Field("经济成本指标"))
            if r.level2.raw == "成本指标" else r for r in base.indicators]
    assert run(document(project(indicators=rows)), "A3") == []


def test_a4_benefit_without_a_known_kind(run: Run) -> None:
    assert run(document(), "A4") == []
    base = project()
    rows = [dataclasses.replace(r, level2=Field("其他效益")) if r.level1.raw == "效益指标" else r
            for r in base.indicators]
    assert len(run(document(project(indicators=rows)), "A4")) == 1


def test_a5_blank_level3_and_value(run: Run) -> None:
    assert run(document(), "A5") == []
    doc = document(with_row(with_row(project(), 0, value=""), 2, level3=" "))
    findings = run(doc, "A5")
    assert {(f.location.indicator, f.location.column) for f in findings} == {(0, "value"), (2, "level3")}
    assert findings[0].prov is not None and findings[0].prov.col is not None


def test_a6_blank_basis_but_not_a_missing_column(run: Run) -> None:
    assert run(document(), "A6") == []
    assert [f.location.indicator for f in run(document(with_row(project(), 3, basis="")), "A6")] == [3]
    assert run(document(with_row(project(), 3, basis=None)), "A6") == []


def test_a7_spending_plan(run: Run) -> None:
    assert run(document(), "A7") == []
    partial = project(spending_plan={"3月底": "", "6月底": "50%", "10月底": "75%", "12月底": "100%"})
    findings = run(document(partial), "A7")
    assert [f.location.field for f in findings] == ["spending_plan.3月底"]
    missing = dataclasses.replace(project(), spending_plan=None)
    assert [f.location.field for f in run(document(missing), "A7")] == ["spending_plan"]


def test_rows_built_by_helper_keep_provenance() -> None:
    row = indicator(row=4)
    assert row.value.prov.row == 4 and row.value.prov.col == 4


def test_a1_and_a7_leave_a_disclosures_header_less_tables_alone(run: Run) -> None:
    """A 预算公开 publishes project tables with only 绩效目标 and indicators: not an omission."""
    from core.model import DocumentKind

    bare = project(code=None, name=None, budget_total=None, usage=None)
    bare.spending_plan = None
    disclosure = document(bare)
    disclosure.kind = DocumentKind.DISCLOSURE
    assert run(disclosure, "A1") == [] and run(disclosure, "A7") == []
    assert run(document(bare), "A1") and run(document(bare), "A7")
