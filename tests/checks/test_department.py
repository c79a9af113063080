"""Group H 部门整体: sub-goal indicators (H1), projects without a sub-goal (H2), generic
safeguard measures (H3) and the stated total of project spending (H4)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from core.checks.department import has_number, similarity, stated_totals
from core.checks.describe import place_text
from core.checks.registry import run_checks
from core.checks.settings import CheckSettings
from core.model import Document, DocumentKind, Field, Provenance, SubGoal
from core.review import Severity
from core.values import MoneyUnit
from tests.checks.conftest import Run
from tests.checks.factory import document, project

TEMPLATE_MEASURES = (
    "（一）完善制度建设。制定完善预算绩效管理制度、资金管理办法、工作保障制度等，为全年预算绩效目标的实现奠定制度基础。",
    "（二）加强支出管理。通过优化支出结构、编细编实预算、及时支付资金，确保支出进度达标。",
    "（三）加强绩效运行监控。按要求开展绩效运行监控，发现问题及时采取措施，确保绩效目标如期保质实现。",
    "（四）规范财务资产管理。完善财务管理制度，严格审批程序，加强固定资产登记、使用和报废处置管理。",
)


def sub_goal(title: str, goal: str | None = None, indicators: str | None = None, n: int = 0) -> SubGoal:
    return SubGoal(title=Field(title, Provenance(paragraph=10 + 3 * n)),
                   goal=None if goal is None else Field(goal, Provenance(paragraph=11 + 3 * n)),
                   indicators=None if indicators is None else Field(indicators, Provenance(paragraph=12 + 3 * n)))


def department(base: Document | None = None, *, sub_goals: list[SubGoal] | None = None,
               measures: tuple[str, ...] = (), overall_goal: str | None = None, **changes: object) -> Document:
    doc = base or document()
    return dataclasses.replace(
        doc, sub_goals=list(sub_goals or []), measures=[Field(m, Provenance(paragraph=40 + i)) for i, m in
                                                         enumerate(measures)],
        overall_goal=None if overall_goal is None else Field(overall_goal, Provenance(paragraph=2)), **changes)


def office_goals() -> list[SubGoal]:
    """Sub-goals that cover the factory's project (办公设备购置及培训经费)."""
    return [sub_goal("（一）办公设备购置", "购置办公设备，保障机关运转。", "购置办公设备≥20台", 0),
            sub_goal("（二）业务培训", "组织设备使用培训。", "培训人员≥50人次", 1)]


# --- H1 ---------------------------------------------------------------------------------------


def test_h1_sub_goal_without_indicators_or_without_a_number(run: Run) -> None:
    goals = [sub_goal("（一）", "组织做好重要会议的筹备服务工作。", "会议服务保障率≥95%", 0),
             sub_goal("（二）", "保证机关正常运转、日常工作有序开展。", "办公任务完成率。", 1),
             sub_goal("（三）保障县内金融环境稳定", "保障县内金融环境稳定性。", None, 2)]
    findings = run(department(sub_goals=goals), "H1")
    assert [(f.location.project_seq, f.location.field, f.key, f.quote) for f in findings] == [
        (None, "sub_goals[1]", "H1.no_number", "办公任务完成率。"),
        (None, "sub_goals[2]", "H1.missing", "（三）保障县内金融环境稳定"),
    ]
    assert findings[0].severity is Severity.WARNING and findings[0].prov == Provenance(paragraph=15)
    assert place_text(findings[0].location) == "分项绩效目标第2项"
    assert "办公任务完成率" in findings[0].text("zh") and findings[1].text("en")


def test_h1_counts_numbers_written_in_words_and_leaves_measurable_goals_alone(run: Run) -> None:
    goals = [sub_goal("（一）开展调查研究及巡视督导工作", "到各县区巡视督导。", "每月至少开展一次督查工作", 0),
             sub_goal("（二）大力推进12345政务服务便民热线工作", "提高接通率。", "话务满意率不低于95%", 1),
             sub_goal("（三）法律顾问", "提供法律咨询。", "法律咨询服务百分之百覆盖", 2)]
    assert run(department(sub_goals=goals), "H1") == []
    assert has_number("举办招商引资活动的数量≥１５次") and has_number("全年开展两场培训")
    assert not has_number("进一步统一规范，依据现实情况开展工作")


def test_h1_a_disclosure_whose_sub_goals_never_carry_indicators_is_not_flagged(run: Run) -> None:
    goals = [sub_goal("1、加强市政府系统党风廉政建设和反腐败工作。", n=0),
             sub_goal("2、做好值班值守工作，及时报告重要紧急情况及突发事件信息。", n=1)]
    doc = department(sub_goals=goals, kind=DocumentKind.DISCLOSURE)
    assert run(doc, "H1") == []
    assert run(department(), "H1") == []  # no sub-goals at all


# --- H2 ---------------------------------------------------------------------------------------


def test_h2_a_project_that_matches_no_sub_goal(run: Run) -> None:
    doc = department(document(project(), project(seq=2, code="13020025P00000000002B", name="电梯维保费",
                                                 usage="电梯维保经费")), sub_goals=office_goals())
    findings = run(doc, "H2")
    assert [(f.location.project_seq, f.location.field, f.quote) for f in findings] == [(2, "name", "电梯维保费")]
    assert findings[0].params["minimum"] == "60" and int(findings[0].params["score"]) < 60
    assert findings[0].prov is not None and findings[0].severity is Severity.WARNING


def test_h2_matches_on_characters_of_name_or_usage(run: Run) -> None:
    hotline = [sub_goal("（三）大力推进12345政务服务便民热线工作", "全面推进市12345政务服务热线平台建设。",
                        "话务满意率不低于95%")]
    doc = department(document(project(name="12345热线中心话务服务经费", usage="用于话务外包服务"),
                              project(seq=2, code="13020025P00000000002B", name="12345热线中心会议费",
                                      usage="用于组织热线工作专项会议")), sub_goals=hotline)
    assert run(doc, "H2") == []
    # The usage alone may carry the match.
    doc = department(document(project(name="综合业务费", usage="用于12345政务服务便民热线平台运行")),
                     sub_goals=hotline)
    assert run(doc, "H2") == []
    # A two-character name matches only where it stands whole: "劳务" is not "业务".
    assert similarity("劳务", "招商引资业务") == 0 and similarity("会议", "召开对接交办会议") == 100


def test_h2_needs_sub_goals_and_reads_its_threshold(run: Run) -> None:
    unrelated = department(document(project(name="电梯维保费", usage="电梯维保经费")), sub_goals=office_goals())
    assert run(department(document(project(name="电梯维保费", usage="电梯维保经费"))), "H2") == []
    assert len(run(unrelated, "H2")) == 1
    lenient = CheckSettings(sub_goal_match_min=Decimal(0))
    assert [f for f in run_checks(unrelated, lenient, only={"H2"})] == []


def test_h2_points_at_the_title_when_the_form_has_no_name_cell(run: Run) -> None:
    base = project(name=None, usage=None)
    base = dataclasses.replace(base, title=Field("驻京办房屋租赁费及物业维修费绩效目标表"))
    findings = run(department(document(base), sub_goals=office_goals()), "H2")
    assert [(f.location.field, f.params["project"]) for f in findings] == [("title", "驻京办房屋租赁费及物业维修费")]
    assert findings[0].prov == base.prov


# --- H3 ---------------------------------------------------------------------------------------


def test_h3_measures_all_shorter_than_fifteen_characters(run: Run) -> None:
    doc = department(sub_goals=office_goals(),
                     measures=("1、立足岗位，尽心尽责。", "2、提振精神，奋发作为。", "3、转变作风，狠抓落实。"))
    findings = run(doc, "H3")
    assert [(f.location.project_seq, f.location.field, f.key) for f in findings] == [(None, "measures", "H3.short")]
    assert findings[0].severity is Severity.NOTE and findings[0].params["count"] == 3
    assert findings[0].prov == Provenance(paragraph=40) and "立足岗位" in findings[0].quote


def test_h3_template_measures_that_share_no_word_with_the_department(run: Run) -> None:
    goals = [sub_goal("（一）开展调查研究及巡视督导工作", "对各县区重点工作落实情况进行调查研究。", "每月开展一次督查", 0),
             sub_goal("（二）大力推进12345政务服务便民热线工作", "提高接通率、办结率。", "话务满意率≥95%", 1)]
    doc = department(sub_goals=goals, measures=TEMPLATE_MEASURES, overall_goal="负责全市热线办理工作的协调指导、督查督办。")
    findings = run(doc, "H3")
    assert [(f.location.field, f.key, f.params) for f in findings] == [("measures", "H3.unrelated", {"count": 4})]


def test_h3_a_measure_about_the_department_s_own_work_is_not_generic(run: Run) -> None:
    goals = [sub_goal("（一）大力推进12345政务服务便民热线工作", "提高接通率、办结率。", "话务满意率≥95%")]
    specific = (*TEMPLATE_MEASURES, "（五）建立热线话务质检制度，每周抽检通话录音，督促承办单位按时办结。")
    assert run(department(sub_goals=goals, measures=specific), "H3") == []
    assert run(department(sub_goals=goals), "H3") == []  # no measures: nothing to judge
    # Nothing of the department's own to compare with: only the length test applies.
    bare = department(measures=TEMPLATE_MEASURES,
                      org=dataclasses.replace(document().org, dept_name=""))
    assert run(bare, "H3") == []


# --- H4 ---------------------------------------------------------------------------------------


def two_projects(unit: MoneyUnit = MoneyUnit.WAN_YUAN, first: str | None = "2000.00",
                 second: str | None = "903.00") -> Document:
    return document(project(budget_total=first, fiscal_funds=first, unit=unit),
                    project(seq=2, code="13020025P00000000002B", name="其他", budget_total=second,
                            fiscal_funds=second, unit=unit), unit=unit)


def test_h4_a_stated_total_that_differs_from_the_sum_of_the_budgets(run: Run) -> None:
    doc = department(two_projects(), overall_goal="2023年部门预算支出9065.18万元，其中项目支出2901万元。")
    findings = run(doc, "H4")
    assert [(f.location.project_seq, f.location.field, f.suggestion) for f in findings] == [
        (None, "overall_goal", "2903万元")]
    assert findings[0].severity is Severity.ERROR and findings[0].params == {
        "term": "项目支出", "amount": "2901万元", "count": 2, "expected": "2903万元"}
    assert findings[0].prov == Provenance(paragraph=2)


def test_h4_converts_yuan_and_wan_yuan(run: Run) -> None:
    yuan = two_projects(MoneyUnit.YUAN, "516541.09", "87000.00")  # 60.354109万元
    stated = department(yuan, measures=("绩效目标涉及资金60.35万元，全部为财政拨款。",))
    assert run(stated, "H4") == []  # 41元 apart: within 0.01万元
    wrong = department(yuan, measures=(*TEMPLATE_MEASURES[:1], "绩效目标涉及资金60.37万元。"))
    findings = run(wrong, "H4")
    assert [(f.location.field, f.suggestion) for f in findings] == [("measures[1]", "60.35万元")]
    assert place_text(findings[0].location) == "工作保障措施第2项"
    in_yuan = department(two_projects(), sub_goals=[sub_goal("（一）", "项目支出共计29030000元。", "≥95%")])
    assert run(in_yuan, "H4") == []


def test_h4_is_skipped_when_the_tables_carry_no_budgets(run: Run) -> None:
    text = "项目支出2901万元。"
    assert run(department(two_projects(first=None, second=None), overall_goal=text), "H4") == []
    assert run(department(two_projects(first="", second=""), overall_goal=text), "H4") == []
    assert run(department(two_projects(first="2000.00", second=None), overall_goal=text), "H4") == []
    assert run(department(two_projects(first="0", second="0"), overall_goal=text), "H4") == []
    assert run(department(document(), overall_goal=text, projects=[]), "H4") == []


def test_h4_reads_totals_not_changes() -> None:
    terms = CheckSettings().stated_total_terms
    found = list(stated_totals("基本支出1000万元、项目支出2,901.50万元；项目经费减少2879万元，"
                               "项目支出较上年增加100万元，绩效目标涉及资金１２万元", terms))
    assert [(t, w, u) for t, w, u, _ in found] == [("项目支出", "2,901.50万元", "万元"),
                                                   ("绩效目标涉及资金", "１２万元", "万元")]
    assert [y for *_, y in found] == [Decimal("29015000.00"), Decimal("120000")]
    assert list(stated_totals("项目支出2901万元", ())) == []


def test_department_rules_are_quiet_on_a_document_without_a_department_part() -> None:
    assert [f for f in run_checks(document()) if f.check_id.startswith("H")] == []
