"""Group C 适当性 (appropriateness): the arithmetic of amounts, spending plan and targets.

Every amount is a Decimal with its unit (`core.values.Money`); totals compare in 元,
so a 成本指标 written in 万元 meets a budget in 元 correctly.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from core.checks.registry import CheckContext, Hit, register
from core.checks.vocabulary import (
    COST,
    COST2,
    SATISFACTION,
    compact,
    contains_any,
    is_rate_name,
    level1_of,
    level_name,
    unit_in_name,
)
from core.messages import Msg, msg
from core.model import SPENDING_PLAN_KEYS, Indicator, Project
from core.review import Criterion, Location, Severity
from core.values import Comparator, MoneyUnit, Target, TargetKind, parse_money, parse_target


def format_like(amount: Decimal, written: str) -> str:
    """`amount` with as many decimals as `written` has ("230.00" → two)."""
    digits = written.strip().split(".")[1] if "." in written else ""
    places = len(digits) if digits.isdigit() else 0
    return f"{amount:.{places}f}"


@register("C1", Severity.ERROR, Criterion.APPROPRIATENESS, "预算数不等于财政资金与其他资金之和")
def budget_sum(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project in ctx.projects():
        total, fiscal, other = (project.money(n) for n in ("budget_total", "fiscal_funds", "other_funds"))
        if total is None or total.blank or fiscal is None:
            continue
        parts = [m.to_yuan() for m in (fiscal, other) if m is not None]
        total_yuan = total.to_yuan()
        if total_yuan is None or any(p is None for p in parts):
            continue  # an unreadable amount cannot be summed (E4 or the reviewer speaks for it)
        parts_sum = sum((p for p in parts if p is not None), Decimal(0))
        if parts_sum != total_yuan:
            expected = format_like(parts_sum / total.unit.in_yuan, total.raw)
            other_text = other.raw.strip() if other is not None and not other.blank else "0"
            yield ctx.header_hit(seq, "budget_total", project.budget_total,
                                 msg("C1", total=total.raw.strip(), fiscal=fiscal.raw.strip() or "0",
                                     other=other_text, expected=expected), expected)


def _plan_amount(target: Target, percent_mode: bool, unit: MoneyUnit) -> Decimal | None:
    if target.kind is not TargetKind.NUMBER or target.number is None:
        return None
    if percent_mode:
        return target.number if target.unit in ("%", None) else None
    if target.unit is None:
        return target.number * unit.in_yuan
    return target.to_yuan()


@register("C2", Severity.ERROR, Criterion.APPROPRIATENESS, "资金支出计划不合理")
def spending_plan_progression(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project in ctx.projects():
        plan = project.spending_plan
        if not plan:
            continue
        cells = [(key, plan[key], parse_target(plan[key].raw)) for key in SPENDING_PLAN_KEYS
                 if key in plan and not plan[key].blank]
        percent_mode = any(t.is_percent for _, _, t in cells)
        unit = project.money_unit or MoneyUnit.WAN_YUAN
        previous: tuple[str, Decimal] | None = None
        for key, value, target in cells:
            amount = _plan_amount(target, percent_mode, unit)
            if amount is None:
                continue
            name = f"spending_plan.{key}"
            if previous is not None and amount < previous[1]:
                yield ctx.header_hit(seq, name, value, msg("C2.decrease", month=key, value=value.raw,
                                                           previous=previous[0]))
            elif percent_mode and amount > 100:
                yield ctx.header_hit(seq, name, value, msg("C2.over", month=key, value=value.raw), "100%")
            previous = (key, max(amount, previous[1]) if previous else amount)
            if key == SPENDING_PLAN_KEYS[-1]:
                yield from _year_end(ctx, seq, project, value.raw, amount, percent_mode)


def _year_end(ctx: CheckContext, seq: int, project: Project, raw: str, amount: Decimal,
              percent_mode: bool) -> Iterator[Hit]:
    value = project.spending_plan[SPENDING_PLAN_KEYS[-1]] if project.spending_plan else None
    name = f"spending_plan.{SPENDING_PLAN_KEYS[-1]}"
    if percent_mode:
        if amount < 100:
            yield ctx.header_hit(seq, name, value, msg("C2.year_end", value=raw), "100%")
        return
    total = project.money("budget_total")
    total_yuan = None if total is None or total.blank else total.to_yuan()
    if total_yuan is not None and total is not None and amount != total_yuan:
        yield ctx.header_hit(seq, name, value, msg("C2.year_end_amount", value=raw, total=total.raw.strip()),
                             total.raw.strip())


def is_cost_row(indicator: Indicator) -> bool:
    return level_name(indicator.level2.raw) == COST2 or level1_of(indicator.level1.raw,
                                                                   indicator.level2.raw) == COST


def _budget_yuan(project: Project) -> Decimal | None:
    total = project.money("budget_total")
    return None if total is None or total.blank else total.to_yuan()


def _in_unit(yuan: Decimal, unit: str) -> str:
    scale = Decimal(10000) if unit == "万元" else Decimal(100000000) if unit == "亿元" else Decimal(1)
    return f"{(yuan / scale).normalize():f}"


@register("C3", Severity.NOTE, Criterion.APPROPRIATENESS, "成本指标只复述预算数", settings=("budget_words",))
def cost_restates_budget(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project, index, indicator in ctx.rows():
        if not is_cost_row(indicator):
            continue
        target = ctx.target(indicator)
        budget = _budget_yuan(project)
        amount = target.to_yuan()
        restates = (amount is not None and budget is not None and amount == budget
                    and target.comparator in (None, Comparator.EQ, Comparator.LE, Comparator.ABOUT))
        if restates or (target.is_qualitative and contains_any(compact(indicator.value.raw), ctx.settings.budget_words)):
            yield ctx.row_hit(seq, index, indicator, "value",
                              msg("C3"))


@register("C4", Severity.ERROR, Criterion.APPROPRIATENESS, "成本指标金额超过预算数")
def cost_above_budget(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project, index, indicator in ctx.rows():
        if not is_cost_row(indicator):
            continue
        target = ctx.target(indicator)
        budget = _budget_yuan(project)
        amount = target.to_yuan()
        if amount is None or budget is None or amount <= budget or project.budget_total is None:
            continue
        unit = target.unit or "元"
        suggestion = f"{target.comparator or ''}{_in_unit(budget, unit)}{unit}"
        yield ctx.row_hit(seq, index, indicator, "value",
                          msg("C4", value=indicator.value.raw, total=project.budget_total.raw.strip(),
                              unit=(project.money_unit or MoneyUnit.WAN_YUAN).value), suggestion)


def normalised_target(target: Target) -> str:
    """A target rewritten with a proper unit: "≥90比率" → "≥90%", "10人数" → "10人"."""
    number = f"{target.number.normalize():f}" if target.number is not None else ""
    return f"{target.label or ''}{target.comparator or ''}{number}{target.unit or ''}"


_COUNT_UNITS = frozenset({"人", "人次", "次", "个", "件", "户", "台", "套", "份", "条", "场", "家", "项", "篇"})


def _units_agree(named: str, written: str) -> bool:
    options = {u.strip() for u in named.replace("％", "%").split("/")}
    return written in options or written.split("/")[0] in options


@register("C5", Severity.WARNING, Criterion.APPROPRIATENESS, "指标值与计量单位不符")
def value_unit_conflict(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        target = ctx.target(indicator)
        if target.kind is not TargetKind.NUMBER:
            continue
        name = indicator.level3.raw
        named_unit = unit_in_name(name)
        message: Msg | None = None
        suggestion: str | None = None
        if target.unit_is_measure_name:
            suggestion = normalised_target(target)
            message = msg("C5.measure_name", value=indicator.value.raw, expected=suggestion)
        elif is_rate_name(name) and target.unit != "%" and not (named_unit and "*" in named_unit):
            if target.unit is None:
                suggestion = f"{indicator.value.raw.strip()}%"
                message = msg("C5.rate_no_percent", name=name)
            else:
                message = msg("C5.rate_unit", name=name, unit=target.unit)
        elif target.is_percent and named_unit in _COUNT_UNITS:
            message = msg("C5.count_percent", name=name)
        elif named_unit and "*" not in named_unit and target.unit and not _units_agree(named_unit, target.unit):
            message = msg("C5.unit_mismatch", unit=target.unit_raw or target.unit, expected=named_unit)
        if message:
            yield ctx.row_hit(seq, index, indicator, "value", message, suggestion)


@register("C6", Severity.ERROR, Criterion.APPROPRIATENESS, "比率超过100%或运算符不合理",
          settings=("rate_growth_words",))
def impossible_rate(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        target = ctx.target(indicator)
        if not target.is_percent or target.number is None:
            continue
        if contains_any(compact(indicator.level3.raw + indicator.description.raw), ctx.settings.rate_growth_words):
            continue  # a growth rate may exceed 100%
        number, comparator = target.number, target.effective_comparator
        if number > 100:
            yield ctx.row_hit(seq, index, indicator, "value", msg("C6.over", value=indicator.value.raw))
        elif number == 100 and comparator in (Comparator.GE, Comparator.GT):
            yield ctx.row_hit(seq, index, indicator, "value",
                              msg("C6.ge100", value=indicator.value.raw), "100%")
        elif number <= 0 and comparator in (Comparator.LE, Comparator.LT):
            yield ctx.row_hit(seq, index, indicator, "value",
                              msg("C6.le0", value=indicator.value.raw))


@register("C7", Severity.WARNING, Criterion.APPROPRIATENESS, "满意度目标过低或缺少调查依据",
          settings=("satisfaction_min_percent", "survey_words", "satisfaction_words"))
def satisfaction_target(ctx: CheckContext) -> Iterator[Hit]:
    minimum = ctx.settings.satisfaction_min_percent
    for seq, _project, index, indicator in ctx.rows():
        is_satisfaction = (level1_of(indicator.level1.raw, indicator.level2.raw) == SATISFACTION
                           or contains_any(indicator.level3.raw, ctx.settings.satisfaction_words))
        target = ctx.target(indicator)
        if not is_satisfaction or not target.is_percent or target.number is None:
            continue
        comparator = target.effective_comparator
        if target.number < minimum and comparator not in (Comparator.LE, Comparator.LT):
            yield ctx.row_hit(seq, index, indicator, "value",
                              msg("C7.low", value=indicator.value.raw, minimum=str(minimum)), f"≥{minimum}%")
        elif target.number >= 100 and comparator in (Comparator.EQ, Comparator.GE, Comparator.ABOUT):
            basis = indicator.basis.raw if indicator.basis is not None else ""
            if not contains_any(basis, ctx.settings.survey_words):
                yield ctx.row_hit(seq, index, indicator, "value",
                                  msg("C7.no_survey", value=indicator.value.raw))


@register("C8", Severity.WARNING, Criterion.APPROPRIATENESS, "定性指标过多", settings=("qualitative_share_max",))
def too_many_qualitative(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project in ctx.projects():
        rows = [i for i in project.indicators if not i.value.blank]
        qualitative = [i for i in rows if ctx.target(i).is_qualitative]
        if rows and Decimal(len(qualitative)) > ctx.settings.qualitative_share_max * len(rows):
            yield ctx.project_hit(seq, project, "；".join(i.value.raw for i in qualitative),
                                  msg("C8", rows=len(rows), qualitative=len(qualitative)),
                                  column="value")


def _yuan(raw: str, unit: MoneyUnit) -> Decimal | None:
    return parse_money(raw, unit).to_yuan()


def _written(amount_yuan: Decimal, unit: MoneyUnit, like: str) -> str:
    return format_like(amount_yuan / unit.in_yuan, like)


@register("C9", Severity.ERROR, Criterion.APPROPRIATENESS, "成本构成合计与明细或预算数不符")
def cost_table_sum(ctx: CheckContext) -> Iterator[Hit]:
    """A 项目预算成本构成 table: its items add up to its 合计, and the 合计 is the 预算数."""
    for seq, project in ctx.projects():
        total = project.cost_total
        if total is None or total.blank:
            continue
        unit = project.money_unit or MoneyUnit.WAN_YUAN
        total_yuan = _yuan(total.raw, unit)
        if total_yuan is None:
            continue
        items = [_yuan(c.amount.raw, unit) for c in project.cost_items if not c.amount.blank]
        if items and all(i is not None for i in items):
            items_sum = sum((i for i in items if i is not None), Decimal(0))
            if items_sum != total_yuan:
                expected = _written(items_sum, unit, total.raw)
                yield ctx.header_hit(seq, "cost_total", total,
                                     msg("C9.items", total=total.raw.strip(), expected=expected), expected)
                continue
        budget = project.money("budget_total")
        budget_yuan = None if budget is None or budget.blank else budget.to_yuan()
        if budget_yuan is not None and budget_yuan != total_yuan and project.budget_total is not total:
            assert budget is not None
            yield ctx.header_hit(seq, "cost_total", total,
                                 msg("C9.budget", total=total.raw.strip(), budget=budget.raw.strip()),
                                 _written(budget_yuan, unit, total.raw))


@register("C10", Severity.ERROR, Criterion.APPROPRIATENESS, "小计或合计与所列项目预算数之和不符")
def stated_total_sum(ctx: CheckContext) -> Iterator[Hit]:
    """A 小计/合计 row of a table listing several projects equals the sum of their 预算数."""
    projects = ctx.document.projects
    for number, total in enumerate(ctx.document.totals):
        unit = total.money_unit or MoneyUnit.WAN_YUAN
        stated = _yuan(total.amount.raw, unit)
        parts = [projects[i].money("budget_total") for i in total.projects if i < len(projects)]
        yuan = [None if m is None or m.blank else m.to_yuan() for m in parts]
        if stated is None or not yuan or any(y is None for y in yuan):
            continue  # an unreadable or missing 预算数 cannot be summed (E4 or A1 speaks for it)
        parts_sum = sum((y for y in yuan if y is not None), Decimal(0))
        if parts_sum != stated:
            expected = _written(parts_sum, unit, total.amount.raw)
            names = "、".join(name.raw.strip() if (name := projects[i].name) else f"项目{i + 1}"
                             for i in total.projects if i < len(projects))
            yield Hit(Location(field=f"totals.{number}"), total.amount.raw,
                      msg("C10", label=total.label.raw, amount=total.amount.raw.strip(), projects=names,
                          expected=expected),
                      expected, total.amount.prov)
