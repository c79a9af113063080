"""Group C: the arithmetic checks, unit-aware (元 and 万元 meet correctly)."""

from __future__ import annotations

from pathlib import Path

from core.importing import read_document
from core.model import CostItem, Field, Project, Provenance, StatedTotal
from core.values import MoneyUnit
from tests.checks.conftest import Run
from tests.checks.factory import document, project, with_row
from tests.fixtures import formgen


def test_c1_sum_with_suggestion(run: Run) -> None:
    assert run(document(), "C1") == []
    findings = run(document(project(budget_total="230.00", fiscal_funds="200.00", other_funds="20.00")), "C1")
    assert len(findings) == 1
    assert findings[0].suggestion == "220.00" and findings[0].location.field == "budget_total"
    assert findings[0].quote == "230.00"


def test_c1_units_written_in_cells_and_blank_other_funds(run: Run) -> None:
    doc = document(project(budget_total="1.50", fiscal_funds="10000元", other_funds="0.5"))
    assert run(doc, "C1") == []
    assert run(document(project(budget_total="87000.00", fiscal_funds="87000.00", other_funds="",
                                unit=MoneyUnit.YUAN)), "C1") == []


def test_c2_decreasing_and_year_end(run: Run) -> None:
    assert run(document(), "C2") == []
    plan = {"3月底": "25%", "6月底": "18%", "10月底": "75%", "12月底": "90%"}
    findings = run(document(project(spending_plan=plan)), "C2")
    assert {f.location.field for f in findings} == {"spending_plan.6月底", "spending_plan.12月底"}
    assert next(f for f in findings if f.location.field.endswith("12月底")).suggestion == "100%"


def test_c2_blank_early_months_are_not_a_decrease(run: Run) -> None:
    plan = {"3月底": "", "6月底": "", "10月底": "90%", "12月底": "100%"}
    assert run(document(project(spending_plan=plan)), "C2") == []


def test_c2_amounts_must_reach_the_budget(run: Run) -> None:
    plan = {"3月底": "20", "6月底": "50", "10月底": "80", "12月底": "90"}
    findings = run(document(project(spending_plan=plan)), "C2")
    assert [f.suggestion for f in findings] == ["100.00"]
    full = {"3月底": "20", "6月底": "50", "10月底": "80", "12月底": "100"}
    assert run(document(project(spending_plan=full)), "C2") == []


def test_c3_cost_restates_budget_across_units(run: Run) -> None:
    assert run(document(), "C3") == []
    yuan_project = project(budget_total="2300000.00", fiscal_funds="2300000.00", unit=MoneyUnit.YUAN)
    assert len(run(document(with_row(yuan_project, 4, value="≤230万元"), unit=MoneyUnit.YUAN), "C3")) == 1
    assert len(run(document(with_row(project(), 4, value="支出不超出预算")), "C3")) == 1
    assert run(document(with_row(project(), 4, value="≤80万元")), "C3") == []


def test_c4_cost_above_budget_in_other_unit(run: Run) -> None:
    assert run(document(), "C4") == []
    yuan_project = project(budget_total="87000.00", fiscal_funds="87000.00", unit=MoneyUnit.YUAN)
    findings = run(document(with_row(yuan_project, 4, value="≤9万元"), unit=MoneyUnit.YUAN), "C4")
    assert len(findings) == 1 and findings[0].suggestion == "≤8.7万元"
    assert run(document(with_row(yuan_project, 4, value="≤8.7万元"), unit=MoneyUnit.YUAN), "C4") == []


def test_c5_measure_name_as_unit(run: Run) -> None:
    assert run(document(), "C5") == []
    findings = run(document(with_row(project(), 2, value="≥90比率")), "C5")
    assert [f.suggestion for f in findings] == ["≥90%"]
    assert [f.suggestion for f in run(document(with_row(project(), 0, value="10人数")), "C5")] == ["10人"]


def test_c5_rate_without_percent_and_count_with_percent(run: Run) -> None:
    findings = run(document(with_row(project(), 2, value="≥98")), "C5")
    assert [f.suggestion for f in findings] == ["≥98%"]
    assert len(run(document(with_row(project(), 1, value="≥50%")), "C5")) == 1


def test_c5_unit_differs_from_the_name(run: Run) -> None:
    assert len(run(document(with_row(project(), 1, value="50人")), "C5")) == 1
    assert len(run(document(with_row(project(), 0, level3="专业设备购置数量(台/件/辆/套)", value="≥60套")), "C5")) == 0


def test_c6_rate_above_100_and_nonsense_operators(run: Run) -> None:
    assert run(document(), "C6") == []
    assert [f.suggestion for f in run(document(with_row(project(), 2, value="≥100%")), "C6")] == ["100%"]
    assert len(run(document(with_row(project(), 2, value="105%")), "C6")) == 1
    assert len(run(document(with_row(project(), 2, value="≤0%")), "C6")) == 1
    assert run(document(with_row(project(), 2, value="100%")), "C6") == []


def test_c6_growth_rates_may_exceed_100(run: Run) -> None:
    assert run(document(with_row(project(), 5, level3="业务量同比增长率", value="≥120%")), "C6") == []


def test_c7_low_satisfaction_and_100_without_survey(run: Run) -> None:
    assert run(document(), "C7") == []
    assert len(run(document(with_row(project(), 7, value="≥70%")), "C7")) == 1
    assert len(run(document(with_row(project(), 7, value="100%", basis="工作计划")), "C7")) == 1
    assert run(document(with_row(project(), 7, value="100%", basis="满意度问卷调查")), "C7") == []


def test_c8_more_than_half_qualitative(run: Run) -> None:
    assert run(document(), "C8") == []
    base = project()
    for index in range(4):
        base = with_row(base, index, value="保障工作顺利开展")
    assert run(document(base), "C8") == []  # exactly half
    findings = run(document(with_row(base, 4, value="合理使用资金")), "C8")
    assert len(findings) == 1 and "8个指标中有5个" in findings[0].message


def test_checks_read_a_target_split_over_operator_and_unit_columns(run: Run) -> None:
    """指标性质 "≥" | 指标值 "105" | 计量单位 "%": the checks read "≥105%", the cells stay as written."""
    import dataclasses

    from core.model import Field

    base = with_row(project(), 2, value="105")
    rows = list(base.indicators)
    rows[2] = dataclasses.replace(rows[2], extra={"指标性质": Field("≥"), "计量单位": Field("%")})
    split = dataclasses.replace(base, indicators=rows)
    assert split.indicators[2].value.raw == "105" and split.indicators[2].target_text == "≥105%"
    assert len(run(document(split), "C6")) == 1
    assert run(document(with_row(project(), 2, value="105")), "C6") == []  # a bare 105: no rate


# --- C9 cost-structure table, C10 小计/合计 rows --------------------------------------------------
def _with_cost(base: Project, items: list[str], total: str) -> Project:
    prov = Provenance(table=0, row=20, col=1)
    base.cost_items = [CostItem(item=Field(f"成本项{n}", prov), amount=Field(a, prov)) for n, a in enumerate(items)]
    base.cost_total = Field(total, prov)
    return base


def test_c9_cost_items_sum_to_the_total_and_the_total_is_the_budget(run: Run) -> None:
    assert run(document(_with_cost(project(), ["60.00", "40.00"], "100.00")), "C9") == []
    wrong_sum = run(document(_with_cost(project(), ["60.00", "30.00"], "100.00")), "C9")
    assert [(f.location.field, f.quote, f.suggestion) for f in wrong_sum] == [("cost_total", "100.00", "90.00")]
    off_budget = run(document(_with_cost(project(), ["60.00", "50.00"], "110.00")), "C9")
    assert [(f.location.field, f.suggestion) for f in off_budget] == [("cost_total", "100.00")]


def test_c9_units_and_a_form_whose_budget_is_the_cost_total(run: Run) -> None:
    # 元 amounts in a 元 project: 1,000,000.00 元 is the 100.00 万元 budget stated in 元
    yuan = _with_cost(project(unit=MoneyUnit.YUAN, budget_total="1,000,000.00", fiscal_funds="1,000,000.00"),
                      ["600,000.00", "400,000.00"], "1,000,000.00")
    assert run(document(yuan), "C9") == []
    own = _with_cost(project(), ["60.00", "40.00"], "100.00")
    own.budget_total = own.cost_total  # the importer's fallback: the 合计 is the budget
    assert run(document(own), "C9") == []


def test_c10_subtotals_and_total_of_a_wide_table(run: Run, tmp_path: Path) -> None:
    truth = formgen.load_form_truth("wide_2024_jiayu_weijian")
    formgen.write_form(truth, tmp_path / "wide.docx")
    doc = read_document(tmp_path / "wide.docx")
    assert [t.label.raw for t in doc.totals] == ["小计", "小计", "合计"]
    assert run(doc, "C10") == []
    # a subtotal one project's budget short: one finding on that row, with the sum
    first = doc.totals[0]
    doc.totals[0] = StatedTotal(first.label, Field("3300000.00", first.amount.prov), first.projects,
                                first.money_unit)
    findings = run(doc, "C10")
    assert [(f.location.project_seq, f.location.field, f.quote, f.suggestion) for f in findings] == \
        [(None, "totals.0", "3300000.00", "3310000.00")]
    assert findings[0].prov == first.amount.prov
