"""Why a value changed: year rollover, budget, quantity, tightened, loosened, other."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.compare.causes import Cause, read_target, value_cause, years_rolled


@pytest.mark.parametrize(("old", "new", "gap", "rolled"), [
    ("2025年12月31日前", "2026年12月31日前", 1, True),
    ("2025年12月31日", "2027年12月31日", 2, True),
    ("依据唐政字〔2025〕3号，2025年底前完成", "依据唐政字〔2025〕3号，2026年底前完成", 1, True),
    ("2025年12月31日", "2026年11月30日", 1, False),  # the date moved, not just its year
    ("2025年12月31日", "2024年12月31日", 1, False),
    ("2025年12月31日", "2025年12月31日", 1, False),
    ("及时保障", "按时保障", 1, False),
    ("2025年", "2026年", 0, False),
    ("≥2000人", "≥2001人", 1, False),  # a count, not a year
    ("2025-12-31", "2026-12-31", 1, True),
])
def test_years_rolled(old: str, new: str, gap: int, rolled: bool) -> None:
    assert years_rolled(old, new, gap) is rolled


def cause(old: str, new: str, level2: str = "质量指标", level1: str = "产出指标", **budget) -> Cause:
    return value_cause(old, new, level1=level1, level2=level2, gap=1, **budget)


@pytest.mark.parametrize(("old", "new", "level2", "expected"), [
    ("≥90%", "≥95%", "质量指标", Cause.TIGHTENED),
    ("≥95%", "≥90%", "质量指标", Cause.LOOSENED),
    ("100%", "98%", "数量指标", Cause.LOOSENED),  # a rate under 数量指标 is still a rate
    (">95%", "≥95%", "服务对象满意度指标", Cause.LOOSENED),
    ("≥95%", ">95%", "服务对象满意度指标", Cause.TIGHTENED),
    ("≥90比率", "≥95比率", "质量指标", Cause.TIGHTENED),
    ("≤7工作日", "≤5工作日", "时效指标", Cause.TIGHTENED),
    ("≤180天数", "≤200天数", "时效指标", Cause.LOOSENED),
    ("≤4974.81元/人次", "≤4500元/人次", "成本指标", Cause.TIGHTENED),
    ("31人", "33人", "数量指标", Cause.QUANTITY),
    ("≥500次", "≥450次", "数量指标", Cause.QUANTITY),
    ("≥2000人", "≥2001人", "数量指标", Cause.QUANTITY),
    ("2025年12月31日前", "2026年12月31日前", "时效指标", Cause.YEAR_ROLLOVER),
    ("及时保障", "按时保障", "时效指标", Cause.OTHER),
    ("≥95%", "≥95人", "质量指标", Cause.OTHER),  # another unit
    ("≥95%", "≤95%", "质量指标", Cause.OTHER),  # another direction
    ("95%", "保证工作顺利开展", "质量指标", Cause.OTHER),
])
def test_value_causes(old: str, new: str, level2: str, expected: Cause) -> None:
    assert cause(old, new, level2) is expected


def test_a_cost_indicator_following_its_budget() -> None:
    budgets = {"budget_old": Decimal(2300000), "budget_new": Decimal(2530000)}
    assert cause("≤230万元", "≤253万元", "成本指标", **budgets) is Cause.BUDGET
    # Written in 元 while the budget is in 万元: the amounts still agree.
    assert cause("≤2300000元", "≤253万元", "成本指标", **budgets) is Cause.BUDGET
    # A cost cap that moved against the budget is a target change, not the budget's.
    assert cause("≤230万元", "≤200万元", "成本指标", **budgets) is Cause.TIGHTENED
    # Without a budget change it is an ordinary loosening.
    same = {"budget_old": Decimal(2300000), "budget_new": Decimal(2300000)}
    assert cause("≤230万元", "≤253万元", "成本指标", **same) is Cause.LOOSENED
    # A per-unit cost scaled with the budget follows it too.
    assert cause("≤4000元/条", "≤4400元/条", "成本指标", **budgets) is Cause.LOOSENED
    assert cause("4000元", "4400元", "成本指标", **budgets) is Cause.BUDGET


def test_read_target_keeps_what_comparison_needs() -> None:
    target = read_target("≤230万元")
    assert target is not None and target.operator == "<=" and target.in_yuan() == Decimal(2300000)
    assert read_target("及时保障") is None
    assert read_target("2025年12月31日") is None
    assert read_target("≤4974.81元/人次").in_yuan() is None
