"""Group B: relevance checks, each with a case that fires and one that does not."""

from __future__ import annotations

import time

from core.review import Severity
from tests.checks.conftest import Run
from tests.checks.factory import document, project, with_row


def test_b1_typo_in_level2_with_suggestion(run: Run) -> None:
    assert run(document(), "B1") == []
    findings = run(document(with_row(project(), 0, level2="数量指")), "B1")
    assert len(findings) == 1 and findings[0].suggestion == "数量指标" and findings[0].severity is Severity.ERROR


def test_b1_level2_under_the_wrong_level1(run: Run) -> None:
    findings = run(document(with_row(project(), 5, level2="质量指标")), "B1")
    assert len(findings) == 1 and "产出指标" in findings[0].message


def test_b1_invented_level1_reported_once_per_project(run: Run) -> None:
    base = project()
    for index in (0, 1, 2):
        base = with_row(base, index, level1="产出指数")
    findings = [f for f in run(document(base), "B1") if f.location.column == "level1"]
    assert len(findings) == 1 and findings[0].suggestion == "产出指标"


def test_b1_accepts_names_without_the_word_zhibiao(run: Run) -> None:
    assert run(document(with_row(project(), 5, level2="社会效益")), "B1") == []


def test_b2_level3_repeats_level2(run: Run) -> None:
    assert run(document(), "B2") == []
    findings = run(document(with_row(project(), 0, level3="数量指标", description="数量指标")), "B2")
    assert [f.location.indicator for f in findings] == [0]


def test_b2_generic_name_with_a_specific_description_is_fine(run: Run) -> None:
    doc = document(with_row(project(), 7, level3="服务对象满意度", description="参会人员对会议服务的满意率"))
    assert run(doc, "B2") == []


def test_b3_output_measuring_money_in(run: Run) -> None:
    assert run(document(), "B3") == []
    findings = run(document(with_row(project(), 3, level3="经费保障及时性")), "B3")
    assert [f.quote for f in findings] == ["经费保障及时性"]


def test_b3_ignores_cost_indicators(run: Run) -> None:
    assert run(document(with_row(project(), 4, level3="经费支出标准")), "B3") == []


def test_b4_fiscal_management_as_output(run: Run) -> None:
    assert run(document(), "B4") == []
    findings = run(document(with_row(project(), 2, level3="预算执行率", value="≥90%")), "B4")
    assert len(findings) == 1 and "财政管理" in findings[0].message


def test_b4_not_in_satisfaction(run: Run) -> None:
    doc = document(with_row(project(), 7, level3="资金到位率满意度"))
    assert run(doc, "B4") == []


def test_b5_satisfaction_under_quality(run: Run) -> None:
    assert run(document(), "B5") == []
    findings = run(document(with_row(project(), 2, level3="群众满意度", value="≥90%")), "B5")
    assert len(findings) == 1 and "满意度" in findings[0].message


def test_b5_date_under_quantity_and_duration_under_quality(run: Run) -> None:
    assert len(run(document(with_row(project(), 0, value="2025年12月31日前")), "B5")) == 1
    assert len(run(document(with_row(project(), 2, level3="宣传工作及时性", value="≤2个工作日")), "B5")) == 1


def test_b6_goal_not_covered(run: Run) -> None:
    assert run(document(), "B6") == []
    findings = run(document(project(goal="1.购置办公设备20台，做好房租、物业保障工作")), "B6")
    assert len(findings) == 1 and "房租" in findings[0].message and findings[0].location.field == "goal"


def test_b7_multi_year_wording(run: Run) -> None:
    assert run(document(), "B7") == []
    findings = run(document(with_row(project(), 3, value="三年内完成")), "B7")
    assert [f.location.indicator for f in findings] == [3]
    assert len(run(document(project(goal="1.实施期内建成系统")), "B7")) == 1


def test_b7_service_life_is_not_multi_year_wording(run: Run) -> None:
    assert run(document(with_row(project(), 6, value="≥6年")), "B7") == []


def test_b7_stays_linear_on_a_long_run_of_digits(run: Run) -> None:
    """Issue 16: "N年内" was searched from every digit of a run (quadratic): a goal or value
    holding a 1,000,001-digit number kept the check busy for minutes."""
    digits = "9" * 300_000
    started = time.monotonic()
    findings = run(document(with_row(project(goal=f"1.{digits}"), 3, value=f"{digits}年内完成")), "B7")
    assert time.monotonic() - started < 5
    assert len(findings) == 1 and findings[0].location.indicator == 3
