"""Group G 实质: does the table measure the money? Per rule one case that fires and one that
must not, the examples of CHECKS.md, guards against zero or blank budgets, and the counts
on the corpus documents (each finding read against the seed text)."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from core.checks.registry import run_checks
from core.checks.settings import CheckSettings
from core.checks.substance import embedded_target, expense_word, indicator_key, is_recognised_grade
from core.model import Field, Indicator, Project
from core.review import Severity
from core.values import MoneyUnit
from tests.checks.conftest import Run
from tests.checks.factory import clean_rows, document, document_from_truth, indicator, project, with_row

G_RULES = {f"G{n}" for n in range(1, 11)}


def _rows_without_quantity() -> list[Indicator]:
    return [row for row in clean_rows() if row.level2.raw != "数量指标"]


def _with_extra(row: Indicator, **extra: str) -> Indicator:
    return dataclasses.replace(row, extra={key: Field(value) for key, value in extra.items()})


# --- G1 ----------------------------------------------------------------------------------------
def test_g1_a_hotline_whose_only_quantity_is_a_rate(run: Run) -> None:
    hotline = project(name="12345热线中心话务服务经费", indicators=[
        indicator(level3="电话接通率（%）", description="接通的来电占来电的比例", value="100%"),
        *_rows_without_quantity()])
    findings = run(document(hotline), "G1")
    assert len(findings) == 1
    assert findings[0].location.field == "indicators" and "电话接通率（%） 100%" in findings[0].message
    yes_no = project(indicators=[indicator(level3="是否按时完成采购", value="是"), *_rows_without_quantity()])
    assert len(run(document(yes_no), "G1")) == 1


def test_g1_silent_where_a_quantity_counts_something(run: Run) -> None:
    assert run(document(), "G1") == []
    counted = project(indicators=[indicator(level3="电话接通率（%）", value="100%"),
                                  indicator(level3="接听来电数量", value="≥30万次"), *_rows_without_quantity()])
    assert run(document(counted), "G1") == []
    assert run(document(project(indicators=_rows_without_quantity())), "G1") == []  # A3 speaks


# --- G2 ----------------------------------------------------------------------------------------
def _media(budget: str = "65.00", count: str = "≥500次", cost: str = "≤4000元/条",
           unit: MoneyUnit = MoneyUnit.WAN_YUAN) -> Project:
    rows = clean_rows()
    rows[0] = indicator(level3="外宣次数", value=count)
    rows[1] = indicator("产出指标", "质量指标", "宣传工作及时性", "", "≤2个工作日")
    rows[4] = indicator("产出指标", "成本指标", "日常宣传视频制作成本", "", cost)
    return project(name="12345热线中心媒体监督服务费", budget_total=budget, fiscal_funds=budget, indicators=rows,
                   unit=unit)


def test_g2_media_supervision_costs_three_times_its_budget(run: Run) -> None:
    findings = run(document(_media()), "G2")
    assert len(findings) == 1
    finding = findings[0]
    assert finding.location.indicator == 4 and finding.location.column == "value"
    assert finding.params["implied"] == "200.00" and finding.params["ratio"] == "3.08"


def test_g2_quantity_times_unit_cost_near_the_budget_is_silent(run: Run) -> None:
    assert run(document(), "G2") == []  # 20台 × 4.5万元/台 = 90 of 100
    assert run(document(_media(budget="200.00")), "G2") == []
    # the same in 元: 2,000,000元 against 500 × 4000元
    assert run(document(_media(budget="2000000.00", unit=MoneyUnit.YUAN), unit=MoneyUnit.YUAN), "G2") == []


def _wages(count: str, cost: str = "3860元/月/人", budget: str = "112.00") -> Project:
    rows = clean_rows()
    rows[0] = indicator(level3="发放人数", value=count)
    rows[1] = indicator(level3="发放月数", value="12个月")
    rows[4] = indicator("产出指标", "成本指标", "发放成本", "", cost)
    return project(name="劳务费", budget_total=budget, fiscal_funds=budget, indicators=rows)


def test_g2_a_monthly_unit_cost_counts_twelve_months(run: Run) -> None:
    assert run(document(_wages("24人")), "G2") == []  # 24 × 3860 × 12 = 111.17万元 of 112
    assert run(document(_wages("24人", "3860元/人·月")), "G2") == []
    findings = run(document(_wages("10人")), "G2")  # 46.32万元: less than half the budget
    assert [f.key for f in findings] == ["G2.monthly"] and findings[0].params["ratio"] == "0.41"


@pytest.mark.parametrize("budget", ["0", "0.00", "", "待定"])
def test_g2_no_budget_to_compare_with(run: Run, budget: str) -> None:
    assert run(document(_media(budget=budget)), "G2") == []


# --- G3 ----------------------------------------------------------------------------------------
def test_g3_goal_only_says_what_the_money_is_for(run: Run) -> None:
    network = project(name="市委市政府督查室网络运行维护费", usage="保障网络系统正常运行",
                      goal="1.主要用于网络信息系统运行维护支出")
    findings = run(document(network), "G3")
    assert [(f.key, f.location.field) for f in findings] == [("G3.purpose", "goal")]
    same = project(usage="保障劳务派遣人员工资保险相关费用", goal="1.保障劳务派遣人员工资保险相关费用")
    assert [f.key for f in run(document(same), "G3")] == ["G3.usage"]
    named = project(name="社会信用体系建设工作经费", usage="聘请第三方及宣传工作经费", goal="1.提高社会信用体系建设")
    assert [f.key for f in run(document(named), "G3")] == ["G3.name"]


def test_g3_goal_with_a_result_is_silent(run: Run) -> None:
    assert run(document(), "G3") == []
    # the name inside a longer goal that states a result
    review = project(name="慢性病综合防控示范区建设", usage="示范区复审工作",
                     goal="巩固国家级慢性病综合防控示范区建设成果，通过复审。")
    assert run(document(review), "G3") == []
    counted = project(usage="用于购置设备", goal="1.主要用于购置办公设备20台支出")
    assert run(document(counted), "G3") == []


# --- G4 ----------------------------------------------------------------------------------------
def _telecom(plan: dict[str, str], name: str = "12345热线中心通讯费", usage: str = "用于热线通讯费用支出",
             budget: str = "86.31") -> Project:
    return project(name=name, usage=usage, budget_total=budget, fiscal_funds=budget, spending_plan=plan)


def test_g4_monthly_expense_planned_late(run: Run) -> None:
    blank_march = run(document(_telecom({"3月底": "", "6月底": "10%", "10月底": "90%", "12月底": "100%"})), "G4")
    assert [(f.key, f.location.field, f.params["word"]) for f in blank_march] == \
        [("G4.march_blank", "spending_plan.3月底", "通讯")]
    low = run(document(_telecom({"3月底": "10%", "6月底": "50%", "10月底": "90%", "12月底": "100%"})), "G4")
    assert [f.key for f in low] == ["G4.march"]
    late = run(document(_telecom({"3月底": "20%", "6月底": "30%", "10月底": "40%", "12月底": "100%"})), "G4")
    assert [(f.key, f.location.field, f.params["after"]) for f in late] == [("G4.late", "spending_plan.10月底", "60")]
    amounts = run(document(_telecom({"3月底": "", "6月底": "8.63", "10月底": "77.68", "12月底": "86.31"})), "G4")
    assert [f.key for f in amounts] == ["G4.march_blank"]


def test_g4_even_plan_or_one_off_expense_is_silent(run: Run) -> None:
    assert run(document(_telecom({"3月底": "25%", "6月底": "50%", "10月底": "75%", "12月底": "100%"})), "G4") == []
    late = {"3月底": "", "6月底": "", "10月底": "90%", "12月底": "100%"}
    assert run(document(project(spending_plan=late)), "G4") == []  # 办公设备购置: not recurring
    meeting = _telecom(late, name="12345热线中心会议费", usage="用于组织热线工作专项会议")
    assert run(document(meeting), "G4") == []  # 热线 names the office, 会议 the expense
    assert run(document(_telecom({"3月底": "", "6月底": "", "10月底": "", "12月底": ""})), "G4") == []  # A7



def test_g4_amounts_without_a_budget_are_read_against_year_end(run: Run) -> None:
    plan = {"3月底": "", "6月底": "8", "10月底": "70", "12月底": "86"}
    assert [f.key for f in run(document(_telecom(plan, budget="0")), "G4")] == ["G4.march_blank"]
    even = {"3月底": "20", "6月底": "43", "10月底": "70", "12月底": "86"}
    assert run(document(_telecom(even, budget="")), "G4") == []
    nothing = {"3月底": "", "6月底": "", "10月底": "", "12月底": "0"}
    assert run(document(_telecom(nothing, budget="0")), "G4") == []  # no total to divide by


def test_g4_expense_word() -> None:
    recurring, one_off = CheckSettings().recurring_expense_words, CheckSettings().one_off_expense_words
    assert expense_word("12345热线中心服务平台运维费", recurring, one_off) == ("运维", True)
    assert expense_word("12345热线中心会议费", recurring, one_off) == ("会议", False)
    assert expense_word("会议系统运维费", recurring, one_off) == ("运维", True)
    assert expense_word("12345热线中心综合运转经费", recurring, one_off) is None


# --- G5 ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["维持单位正常运转", "有效落实"])
def test_g5_no_measurable_standard(run: Run, value: str) -> None:
    findings = run(document(with_row(project(), 5, level3="会议内容落实", value=value)), "G5")
    assert [(f.location.indicator, f.location.column, f.quote) for f in findings] == [(5, "value", value)]


@pytest.mark.parametrize("value", ["提高办事效率", "有效提升", "达标", "验收合格", "无安全事故", "2025年12月31日前",
                                   "全年", "≥95%", "", "≥9５%%"])
def test_g5_silent_on_grades_numbers_and_where_e1_or_d4_speak(run: Run, value: str) -> None:
    doc = document(with_row(project(), 5, value=value))
    assert run(doc, "G5") == []
    if value in ("提高办事效率", "有效提升"):
        assert len(run(doc, "D4") + run(doc, "E1")) == 1  # the cell is reported once, by D4 or E1


def test_g5_silent_on_timeliness_and_budget_restating_cost_rows(run: Run) -> None:
    assert run(document(with_row(project(), 3, value="及时保障")), "G5") == []  # D1
    assert run(document(with_row(project(), 4, value="支出不超出预算")), "G5") == []  # C3


def test_g5_grades() -> None:
    grades = CheckSettings().measurable_grades
    assert is_recognised_grade("验收合格", grades) and is_recognised_grade("是", grades)
    assert not is_recognised_grade("维持单位正常运转", grades) and not is_recognised_grade("有效落实", grades)


# --- G6 ----------------------------------------------------------------------------------------
def test_g6_rates_required_in_full(run: Run) -> None:
    findings = run(document(with_row(project(), 2, level3="专款专用率", value="90%")), "G6")
    assert [(f.location.indicator, f.suggestion) for f in findings] == [(2, "100%")]
    wages = project(indicators=[*clean_rows()[:2], indicator("产出指标", "质量指标", "工资发放率", "", "≥95%"),
                                indicator("产出指标", "质量指标", "发放率", "", "≥95%"), *clean_rows()[3:]])
    assert len(run(document(wages), "G6")) == 2


@pytest.mark.parametrize(("name", "value"), [("专款专用率（%）", "100%"), ("宣传品发放率", "≥95%"),
                                             ("设备验收合格率", "≥98%"), ("资金拨付到位率", "100%")])
def test_g6_silent(run: Run, name: str, value: str) -> None:
    assert run(document(with_row(project(), 2, level3=name, value=value)), "G6") == []


# --- G7 ----------------------------------------------------------------------------------------
def _two(first: tuple[str, str], second: tuple[str, str], row: int = 2) -> list[Project]:
    return [with_row(project(), row, level3=first[0], value=first[1]),
            with_row(project(seq=2, name="另一个项目", code="13020025P00000000002B"), row, level3=second[0],
                     value=second[1])]


def test_g7_one_indicator_two_targets_in_the_department(run: Run) -> None:
    findings = run(document(*_two(("电话接通率（%）", "100%"), ("电话接通率", "≥95%"))), "G7")
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.NOTE and finding.location.project_seq is None
    assert "100%（办公设备购置及培训经费）" in finding.message and "≥95%（另一个项目）" in finding.message
    assert len(run(document(*_two(("电话接通比率", "100%"), ("电话接通率(%)", "≥95%"))), "G7")) == 1


@pytest.mark.parametrize(("first", "second", "row"), [
    (("电话接通率", "100%"), ("电话接通率", "100%"), 2),  # the same target
    (("购置办公设备数量", "≥20台"), ("购置办公设备数量", "≥10台"), 0),  # counts scale with the money
    (("项目成本", "≤90万元"), ("项目成本", "≤50万元"), 4),  # money amounts
    (("会议效果", "良好"), ("会议效果", "优秀"), 2),  # text values
    (("电话接通率", "100%"), ("热线电话接通率", "≥95%"), 2),  # different names
])
def test_g7_silent(run: Run, first: tuple[str, str], second: tuple[str, str], row: int) -> None:
    assert run(document(*_two(first, second, row)), "G7") == []


def test_g7_name_key() -> None:
    synonyms = CheckSettings().rate_name_synonyms
    assert indicator_key("电话接通率（%）", synonyms) == indicator_key("电话接通比率", synonyms) == "电话接通率"
    assert indicator_key("故障排除百分比", synonyms) == "故障排除率"


# --- G8 ----------------------------------------------------------------------------------------
def _weighted(weights: list[str], key: str = "权重") -> Project:
    rows = [_with_extra(row, **{key: weight}) for row, weight in zip(clean_rows(), weights, strict=False)]
    return project(indicators=rows)


def test_g8_weights_must_add_up_to_100(run: Run) -> None:
    findings = run(document(_weighted(["30", "30", "30"])), "G8")
    assert len(findings) == 1
    assert findings[0].severity is Severity.ERROR and findings[0].params["total"] == "90"
    assert findings[0].quote == "30+30+30"


@pytest.mark.parametrize(("weights", "key"), [
    (["40", "30", "30"], "权重"), (["25%", "25%", "50%"], "权重（%）"), (["20分", "30分", "50分"], "分值"),
    (["0.5", "0.5"], "权重"), (["30", "三十", "30"], "权重"), (["", "", ""], "权重"),
])
def test_g8_silent(run: Run, weights: list[str], key: str) -> None:
    assert run(document(_weighted(weights, key)), "G8") == []
    assert run(document(), "G8") == []  # no weight column


# --- G9 ----------------------------------------------------------------------------------------
def _typed(value: str, **extra: str) -> Project:
    rows = clean_rows()
    rows[4] = _with_extra(indicator("产出指标", "成本指标", "项目成本", "", value), **extra)
    return project(indicators=rows)


def test_g9_value_against_unit_column_and_declared_type(run: Run) -> None:
    cases = [(_typed("28.8万元", 计量单位="%"), "G9.unit"),
             (_typed("95", 计量单位="%", 指标值类型="定性"), "G9.number"),
             (_typed("按合同执行", 计量单位="次", 指标值类型="定性"), "G9.qualitative_unit"),
             (_typed("按合同执行", 指标值类型="定量"), "G9.words")]
    for doc_project, key in cases:
        findings = run(document(doc_project), "G9")
        assert [(f.key, f.severity, f.location.indicator) for f in findings] == [(key, Severity.ERROR, 4)], key


@pytest.mark.parametrize("extra", [
    {"计量单位": "万元"}, {"计量单位": "万元", "指标值类型": "定量"}, {"计量单位": "/", "指标值类型": "定性"},
])
def test_g9_silent(run: Run, extra: dict[str, str]) -> None:
    value = "按合同执行" if extra.get("指标值类型") == "定性" else "28.8万元"
    assert run(document(_typed(value, **extra)), "G9") == []
    assert run(document(_typed("28.8", 计量单位="万元", 指标值类型="定量")), "G9") == []  # bare number + column
    assert run(document(), "G9") == []


# --- G10 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "embedded"), [("村组干部230人", "230人"), ("培训3次", "3次"),
                                                ("群众满意度(≥95%)", "≥95%")])
def test_g10_name_embeds_its_target(run: Run, name: str, embedded: str) -> None:
    findings = run(document(with_row(project(), 1, level3=name)), "G10")
    assert [(f.location.column, f.params["embedded"]) for f in findings] == [("level3", embedded)]


@pytest.mark.parametrize("name", ["12345热线电话接通率", "2025年度培训次数", "第3期培训人数", "7×24小时服务覆盖率",
                                  "群众满意度（≥**%）", "5G基站建设数量", "培训人次"])
def test_g10_silent(run: Run, name: str) -> None:
    assert embedded_target(name) is None
    assert run(document(with_row(project(), 1, level3=name)), "G10") == []


# --- all rules: guards and the corpus ------------------------------------------------------------
@pytest.mark.parametrize("budget", ["0", "", "无", "0.00"])
def test_no_rule_fails_on_a_zero_or_missing_budget_or_blank_cells(budget: str) -> None:
    blank_rows = [indicator(level1="", level2="", level3="", description="", value="", basis=None),
                  indicator("产出指标", "成本指标", "单位成本", "", "≤4000元/条"),
                  indicator("产出指标", "数量指标", "", "", "≥500次")]
    plan = {"3月底": "", "6月底": "", "10月底": "", "12月底": "86"}
    projects = [project(name="通讯费", budget_total=budget, fiscal_funds=budget, goal="", usage="",
                        indicators=blank_rows, spending_plan=plan),
                project(seq=2, name=None, budget_total=None, goal=None, usage=None, indicators=[], spending_plan={})]
    findings = run_checks(document(*projects), only=G_RULES)
    assert all(f.check_id in G_RULES and f.key != "internal_error" for f in findings)


# Each finding read against the seed text (../shared/corpus/seeds/*.txt).
EXPECTED_G: dict[str, dict[str, int]] = {
    "2023_tangshan_zhengfuban_full": {"G1": 43, "G3": 34, "G5": 33, "G7": 1},
    "2024_zunhua_zhengfuban": {"G1": 4, "G3": 1, "G4": 1},
    "2025_lunan_shenpiju": {"G1": 4, "G3": 3, "G5": 11, "G6": 2, "G7": 2},
    "2025_tangshan_duchashi": {"G1": 6, "G2": 1, "G3": 2, "G4": 3, "G5": 5, "G7": 2},
    "2025_yutian_zhengfuban": {"G1": 4, "G3": 5, "G5": 6},
}


@pytest.mark.parametrize("name", sorted(EXPECTED_G))
def test_corpus_counts_per_g_rule(name: str) -> None:
    findings = run_checks(document_from_truth(name), only=G_RULES)
    assert dict(Counter(f.check_id for f in findings)) == EXPECTED_G[name]


def test_corpus_examples_of_the_catalogue() -> None:
    findings = run_checks(document_from_truth("2025_tangshan_duchashi"), only=G_RULES)
    places = {(f.check_id, f.location.project_seq, f.location.indicator, f.location.field) for f in findings}
    assert ("G1", 5, None, "indicators") in places  # 电话接通率 100% is the only 数量指标
    assert ("G2", 7, 3, None) in places  # ≥500次 × ≤4000元/条 = 200万元 against 65万元
    assert ("G3", 3, None, "goal") in places  # 主要用于网络信息系统运行维护支出
    assert ("G4", 9, None, "spending_plan.3月底") in places  # 通讯费: blank/10%/90%/100%
    assert ("G5", 1, 4, None) in places  # 维持单位正常运转
    lunan = run_checks(document_from_truth("2025_lunan_shenpiju"), only={"G6"})
    assert {(f.location.project_seq, f.quote) for f in lunan} == {(3, "≥95%"), (4, "90%")}
