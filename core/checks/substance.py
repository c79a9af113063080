"""Group G 实质 (substance): does the table measure the money?

G1 quantity indicators that count nothing; G2 a quantity times its unit cost against the
budget; G3 a goal that states no result; G4 a spending plan that does not fit a recurring
monthly expense; G5 a target with no measurable standard; G6 rates the rules require in
full; G7 one indicator with different targets in the department's projects; G8 weights
that do not add up; G9 a value contradicting its unit column or declared 指标值类型;
G10 a 三级 name that carries its own target.

Where a more specific rule already speaks for a cell, G stays silent (CHECKS.md, Noise):
G5 not where E1, D4, D1 (时效) or C3 (a cost row restating the budget) fire. Every
amount is a Decimal in 元 before it is compared; a zero, blank or unreadable budget
skips the comparison instead of dividing by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fnmatch import fnmatchcase
from functools import lru_cache

from rapidfuzz import fuzz

from core.checks.appropriateness import is_cost_row
from core.checks.registry import CheckContext, Hit, register
from core.checks.vocabulary import (
    QUANTITY,
    TIMELINESS,
    compact,
    contains_any,
    is_rate_name,
    level_name,
    project_name,
    strip_numbering,
)
from core.messages import msg
from core.model import SPENDING_PLAN_KEYS, UNIT_COLUMNS, Field, Indicator, Project
from core.review import Criterion, Location, Severity
from core.values import (
    KNOWN_UNITS,
    Comparator,
    MoneyUnit,
    Target,
    TargetKind,
    UnitCost,
    ValueType,
    normalise_target_text,
    parse_decimal,
    parse_target,
    unit_cost,
)


def _budget_yuan(project: Project) -> Decimal | None:
    """The 预算数 in 元; None when absent, blank, unreadable or not above zero."""
    total = project.money("budget_total")
    if total is None or total.blank:
        return None
    yuan = total.to_yuan()
    return yuan if yuan is not None and yuan > 0 else None


def _quantity_rows(project: Project) -> list[tuple[int, Indicator]]:
    return [(i, row) for i, row in enumerate(project.indicators) if level_name(row.level2.raw) == QUANTITY]


# ---------------------------------------------------------------------------
# G1 数量指标 that count nothing
# ---------------------------------------------------------------------------


def _rate_or_yes_no(ctx: CheckContext, indicator: Indicator) -> bool:
    target = ctx.target(indicator)
    value = compact(indicator.value.raw)
    return (target.is_percent or is_rate_name(indicator.level3.raw) or value in ("是", "否")
            or bool(contains_any(compact(indicator.level3.raw), ctx.settings.yes_no_words)))


@register("G1", Severity.WARNING, Criterion.RELEVANCE, "数量指标没有反映产出数量", settings=("yes_no_words",))
def quantity_counts_nothing(ctx: CheckContext) -> Iterator[Hit]:
    """Every 数量指标 of a project is a rate or a yes/no: nothing counts what the money buys.
    A project without 数量指标 is left to A3."""
    for seq, project in ctx.projects():
        rows = _quantity_rows(project)
        if not rows or not all(_rate_or_yes_no(ctx, row) for _, row in rows):
            continue
        listed = "；".join(f"{row.level3.raw.strip()} {row.target_text.strip()}".strip() for _, row in rows)
        yield ctx.project_hit(seq, project, listed, msg("G1", indicators=listed), column="value")


# ---------------------------------------------------------------------------
# G2 quantity × unit cost against the budget
# ---------------------------------------------------------------------------

# Counts that already count months: a monthly cost is not multiplied by 12 again.
_MONTH_COUNTS = frozenset({"人月", "月", "个月"})


def _count(target: Target) -> Decimal | None:
    """The number a 数量 target counts (≥500次, 24人), None for rates, amounts, durations, per-period
    counts ("1300人次/天") and unit costs."""
    if target.kind is not TargetKind.NUMBER or target.number is None or target.number <= 0:
        return None
    if target.is_percent or target.is_money or target.is_duration or (target.unit and "/" in target.unit):
        return None
    return target.number


def _format(amount: Decimal) -> str:
    """Two decimals (format, unlike quantize, has no precision limit to overflow)."""
    return f"{amount:.2f}"


@register("G2", Severity.WARNING, Criterion.APPROPRIATENESS, "数量与单位成本推算的资金与预算数不符",
          settings=("implied_cost_max_ratio", "implied_cost_min_ratio"))
def implied_cost(ctx: CheckContext) -> Iterator[Hit]:
    """N (a 数量 target) × U (a 成本 unit cost) against the 预算数, in 元; a monthly cost counts 12
    months. The pair is the count in the unit the cost is per ("≤4000元/条" and "≥500条"); where
    the units differ, only a project's single count and single unit cost are paired (外宣
    "≥500次" with "≤4000元/条"). A daily cost is skipped (its number of days is not stated)."""
    settings = ctx.settings
    for seq, project in ctx.projects():
        budget = _budget_yuan(project)
        if budget is None:
            continue
        counts = [(row, n, ctx.target(row).unit) for _, row in _quantity_rows(project)
                  if (n := _count(ctx.target(row))) is not None]
        costs: list[tuple[int, Indicator, UnitCost]] = []
        for index, row in enumerate(project.indicators):
            cost = unit_cost(ctx.target(row)) if is_cost_row(row) else None
            if cost is not None and cost.yuan > 0 and cost.per is not None and cost.months_per_year is not None:
                costs.append((index, row, cost))
        for index, row, cost in costs:
            matching = [c for c in counts if c[2] == cost.per]
            if len(matching) != 1:
                if matching or len(counts) != 1 or len(costs) != 1:
                    continue
                matching = counts
            count_row, number, count_unit = matching[0]
            months = Decimal(1) if count_unit in _MONTH_COUNTS else cost.months_per_year or Decimal(1)
            implied = number * cost.yuan * months
            ratio = implied / budget
            if settings.implied_cost_min_ratio <= ratio <= settings.implied_cost_max_ratio:
                continue
            unit = project.money_unit or MoneyUnit.WAN_YUAN
            assert project.budget_total is not None
            params = dict(count=count_row.value.raw.strip(), cost=row.value.raw.strip(),
                          implied=_format(implied / unit.in_yuan), budget=project.budget_total.raw.strip(),
                          unit=unit.value, ratio=_format(ratio))
            message = msg("G2.monthly", **params) if months == 12 else msg("G2", **params)
            yield ctx.row_hit(seq, index, row, "value", message)


# ---------------------------------------------------------------------------
# G3 a goal that states no result
# ---------------------------------------------------------------------------

_SHORTEST_COMPARED = 4  # characters: a shorter text matches anything partially


def goal_text(text: str) -> str:
    """Text without numbering ("1.", "（2）", "三、") and punctuation, for comparing."""
    return compact(strip_numbering(text.strip()))


_REST_MAX = 4  # characters a goal may add to the text it repeats (besides common words)
_FUNCTION_CHARS_RE = re.compile(r"[的地得等和与及了之]")


def repeated_score(goal: str, other: str, minimum: int, common_words: tuple[str, ...]) -> int | None:
    """How closely `goal` repeats `other` (rapidfuzz partial_ratio, 0–100), or None below `minimum`.

    A goal longer than the text it contains must add nothing but common words ("保障…的开展"):
    "巩固…示范区建设成果，通过复审" contains its project name and still states a result."""
    if min(len(goal), len(other)) < _SHORTEST_COMPARED:
        return None
    alignment = fuzz.partial_ratio_alignment(goal, other)
    if alignment is None or alignment.score < minimum:
        return None
    if len(goal) > len(other):
        rest = goal[:alignment.src_start] + goal[alignment.src_end:]
        for word in sorted((w for w in common_words if w), key=len, reverse=True):
            rest = rest.replace(word, "")
        if len(_FUNCTION_CHARS_RE.sub("", rest)) > _REST_MAX:
            return None
    return int(alignment.score)


@lru_cache(maxsize=256)
def _pattern_re(pattern: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in compact(pattern).split("*")))


@register("G3", Severity.WARNING, Criterion.RELEVANCE, "项目绩效目标没有说明要达到的结果",
          settings=("goal_similarity_min", "goal_usage_patterns", "goal_stop_words"))
def goal_states_no_result(ctx: CheckContext) -> Iterator[Hit]:
    """The goal repeats 资金用途 or the project name (rapidfuzz partial_ratio ≥ the setting after
    removing numbering and punctuation; a goal longer than what it repeats may add only common
    words, B6's goal_stop_words), or it only says what the money is for: the whole goal is one
    of the settings' patterns ("主要用于*支出") and holds no number (a goal with a quantity says
    more than where the money goes)."""
    settings = ctx.settings
    for seq, project in ctx.projects():
        if project.goal is None or project.goal.blank:
            continue  # A1 speaks for a missing goal
        goal = goal_text(project.goal.raw)
        if not goal:
            continue
        usage = goal_text(project.usage.raw) if project.usage is not None else ""
        score = repeated_score(goal, usage, settings.goal_similarity_min, settings.goal_stop_words)
        if score is not None:
            yield ctx.header_hit(seq, "goal", project.goal, msg("G3.usage", score=score))
            continue
        score = repeated_score(goal, goal_text(project_name(project)), settings.goal_similarity_min,
                               settings.goal_stop_words)
        if score is not None:
            yield ctx.header_hit(seq, "goal", project.goal, msg("G3.name", score=score))
            continue
        if re.search(r"\d", goal):
            continue
        pattern = next((p for p in settings.goal_usage_patterns if p.strip("*") and _pattern_re(p).fullmatch(goal)),
                       None)
        if pattern is not None:
            yield ctx.header_hit(seq, "goal", project.goal, msg("G3.purpose", pattern=pattern.replace("*", "…")))


# ---------------------------------------------------------------------------
# G4 spending plan of a recurring expense
# ---------------------------------------------------------------------------


# A word right before one of these is part of an office's name ("12345热线中心"), not the expense.
_OFFICE_SUFFIXES = ("中心", "室", "局", "处", "科", "站", "队", "所", "办")


def expense_word(text: str, recurring: tuple[str, ...], one_off: tuple[str, ...]) -> tuple[str, bool] | None:
    """The word that names the expense in `text` and whether it is recurring: of all the
    recurring and one-off words found (not as part of an office's name), the one ending last
    ("12345热线中心会议费" is a 会议 expense, "会议系统运维费" a 运维 one)."""
    found: list[tuple[int, int, str, bool]] = []
    for words, is_recurring in ((recurring, True), (one_off, False)):
        for word in words:
            for m in re.finditer(re.escape(word), text) if word else ():
                if not text.startswith(_OFFICE_SUFFIXES, m.end()):
                    found.append((m.end(), len(word), word, is_recurring))
    if not found:
        return None
    _end, _length, word, is_recurring = max(found)
    return word, is_recurring


def _plan_percent(project: Project, cell: Field | None, percent_mode: bool, total: Decimal | None
                  ) -> Decimal | None:
    """A spending-plan cell as a percentage of the year (blank is 0); None when unreadable."""
    if cell is None or cell.blank:
        return Decimal(0)
    target = parse_target(cell.raw)
    if target.kind is not TargetKind.NUMBER or target.number is None:
        return None
    if percent_mode:
        return target.number if target.unit in ("%", None) else None
    if total is None:
        return None
    unit = project.money_unit or MoneyUnit.WAN_YUAN
    yuan = target.number * unit.in_yuan if target.unit is None else target.to_yuan()
    return None if yuan is None else yuan * 100 / total


@register("G4", Severity.WARNING, Criterion.APPROPRIATENESS, "资金支出计划与经常性支出不相符",
          settings=("recurring_expense_words", "one_off_expense_words", "recurring_march_min_percent",
                    "recurring_after_october_max_percent"))
def recurring_expense_plan(ctx: CheckContext) -> Iterator[Hit]:
    """A recurring monthly expense spends evenly: 3月底 below the minimum (blank counts as 0), or
    more than the maximum share of the money after 10月底, does not fit. The expense is named by
    the project name, else by the usage: the last word of the recurring or one-off settings list
    found there (see `expense_word`). One finding per project, March first. A plan in amounts is
    read against the 预算数 (else its 12月底 amount); a missing or blank plan is left to A7."""
    settings = ctx.settings
    for seq, project in ctx.projects():
        plan = project.spending_plan
        if not plan or all(cell.blank for cell in plan.values()):
            continue
        named = None
        for text in (project_name(project), project.usage.raw if project.usage is not None else ""):
            named = expense_word(compact(text), settings.recurring_expense_words, settings.one_off_expense_words)
            if named:
                break
        if named is None or not named[1]:
            continue
        word = named[0]
        percent_mode = any(parse_target(c.raw).is_percent for c in plan.values())
        total = _budget_yuan(project)
        if not percent_mode and total is None:
            year_end = plan.get(SPENDING_PLAN_KEYS[-1])
            end = None if year_end is None else parse_target(year_end.raw)
            unit = project.money_unit or MoneyUnit.WAN_YUAN
            if end is not None and end.kind is TargetKind.NUMBER and end.number:
                total = end.number * unit.in_yuan if end.unit is None else end.to_yuan()
            if not total or total <= 0:
                continue  # amounts without a total: no shares to judge
        march_key, october_key = SPENDING_PLAN_KEYS[0], SPENDING_PLAN_KEYS[2]
        if march_key in plan:
            cell = plan[march_key]
            march = _plan_percent(project, cell, percent_mode, total)
            if march is not None and march < settings.recurring_march_min_percent:
                message = msg("G4.march_blank", word=word) if cell.blank else \
                    msg("G4.march", word=word, value=cell.raw.strip(), minimum=str(settings.recurring_march_min_percent))
                yield ctx.header_hit(seq, f"spending_plan.{march_key}", cell, message)
                continue
        if october_key in plan:
            cell = plan[october_key]
            october = _plan_percent(project, cell, percent_mode, total)
            if october is not None and 100 - october > settings.recurring_after_october_max_percent:
                yield ctx.header_hit(seq, f"spending_plan.{october_key}", cell,
                                     msg("G4.late", word=word, value=cell.raw.strip() or ("0%" if percent_mode else "0"),
                                         after=_plain(100 - october),
                                         maximum=str(settings.recurring_after_october_max_percent)))


def _plain(number: Decimal) -> str:
    text = f"{number:.1f}"
    return text.removesuffix(".0")


# ---------------------------------------------------------------------------
# G5 a target with no measurable standard
# ---------------------------------------------------------------------------


def is_recognised_grade(value: str, grades: tuple[str, ...]) -> bool:
    """A grade of the settings list: a word of two or more characters anywhere in the value
    ("验收合格", "实现全覆盖"), a single character (是/否/无) as the whole value or its start
    ("无安全事故")."""
    for grade in grades:
        if not grade:
            continue
        if len(grade) == 1 and value.startswith(grade):
            return True
        if len(grade) > 1 and grade in value:
            return True
    return False


def _spoken_for(ctx: CheckContext, indicator: Indicator, value: str) -> bool:
    """E1, D1, D4 or C3 already reports this qualitative value (the same conditions)."""
    settings = ctx.settings
    if contains_any(value, settings.vague_words):
        return True  # E1
    if level_name(indicator.level2.raw) == TIMELINESS:
        return True  # D1
    if is_cost_row(indicator):
        return bool(contains_any(value, settings.budget_words))  # C3 (D4 skips cost rows)
    return not contains_any(value, settings.grade_words) and bool(contains_any(value, settings.trend_words))  # D4


@register("G5", Severity.WARNING, Criterion.FEASIBILITY, "指标值没有可考核的标准",
          settings=("measurable_grades", "vague_words", "trend_words", "grade_words", "budget_words"))
def no_measurable_standard(ctx: CheckContext) -> Iterator[Hit]:
    """Words only (no digit, not a date or period) and no recognised grade; silent where E1, D1,
    D4 or C3 already fires on the cell."""
    for seq, _project, index, indicator in ctx.rows():
        target = ctx.target(indicator)
        if target.kind is not TargetKind.QUALITATIVE or re.search(r"\d", normalise_target_text(indicator.value.raw)):
            continue
        value = compact(indicator.value.raw)
        if not value or is_recognised_grade(value, ctx.settings.measurable_grades) or _spoken_for(ctx, indicator, value):
            continue
        yield ctx.row_hit(seq, index, indicator, "value", msg("G5", value=indicator.value.raw.strip()))


# ---------------------------------------------------------------------------
# G6 rates the rules require in full
# ---------------------------------------------------------------------------


def full_rate_name(name: str, patterns: tuple[str, ...]) -> bool:
    """The 三级 name (without （%） and punctuation) matches a settings pattern ("*专款专用率")."""
    cleaned = compact(name)
    return any(p and fnmatchcase(cleaned, compact(p)) for p in patterns)


@register("G6", Severity.WARNING, Criterion.APPROPRIATENESS, "应为100%的比率目标低于100%",
          settings=("full_rate_names",))
def full_rate_below_100(ctx: CheckContext) -> Iterator[Hit]:
    """专款专用率, 工资/报酬/补贴/劳务费发放率 (a bare 发放率 too) and 资金拨付到位率 are 100% by the
    rules; any target below 100 counts, whatever its operator ("≥95%")."""
    for seq, _project, index, indicator in ctx.rows():
        if not full_rate_name(indicator.level3.raw, ctx.settings.full_rate_names):
            continue
        target = ctx.target(indicator)
        if target.kind is TargetKind.NUMBER and target.number is not None and target.unit in ("%", None) \
                and target.number < 100:
            yield ctx.row_hit(seq, index, indicator, "value",
                              msg("G6", name=indicator.level3.raw.strip(), value=indicator.value.raw.strip()), "100%")


# ---------------------------------------------------------------------------
# G7 one indicator, different targets in the department
# ---------------------------------------------------------------------------


def indicator_key(name: str, synonyms: tuple[str, ...]) -> str:
    """A 三级 name for comparing across projects: no punctuation, no （%）/(%), and
    比率/百分比/率 (the settings' synonyms) all read as 率."""
    key = compact(name)
    for word in sorted((w for w in synonyms if w), key=len, reverse=True):
        key = key.replace(word, "\0")
    return key.replace("\0", "率")


def _target_key(target: Target) -> tuple[Comparator, Decimal, str] | None:
    if target.kind is not TargetKind.NUMBER or target.number is None or target.unit is None:
        return None
    return (target.effective_comparator, target.number.normalize(), target.unit)


@register("G7", Severity.NOTE, Criterion.APPROPRIATENESS, "同一指标在各项目中的目标值不一致",
          settings=("rate_name_synonyms", "consistent_target_units"))
def inconsistent_targets(ctx: CheckContext) -> Iterator[Hit]:
    """One department-level finding per indicator name, listing each target with its projects:
    the inconsistency is between projects, not in one of them, so the finding has no project
    (`Location(project_seq=None)`: shown on the department, kept with the reviewer's decision
    across versions; the quote is the indicator's name). Compared are numeric targets in the
    settings' units (rates and time limits by default): text values are not compared, nor are
    money amounts and counts, which scale with each project's money (20台 here and 10台 there
    is no inconsistency)."""
    settings = ctx.settings
    groups: dict[str, list[tuple[int, Project, Indicator, tuple[Comparator, Decimal, str]]]] = {}
    for seq, project, _index, indicator in ctx.rows():
        key = _target_key(ctx.target(indicator))
        name = indicator_key(indicator.level3.raw, settings.rate_name_synonyms)
        if key is None or not name or key[2] not in settings.consistent_target_units:
            continue
        groups.setdefault(name, []).append((seq, project, indicator, key))
    for entries in groups.values():
        if len({e[0] for e in entries}) < 2 or len({e[3] for e in entries}) < 2:
            continue
        by_value: dict[str, list[str]] = {}
        for _seq, project, row, _key in entries:
            names = by_value.setdefault(row.value.raw.strip(), [])
            if project.display_name.strip() not in names:
                names.append(project.display_name.strip())
        listed = "；".join(f"{value}（{'、'.join(names)}）" for value, names in by_value.items())
        first = entries[0][2]
        yield Hit(Location(project_seq=None), first.level3.raw.strip(),
                  msg("G7", name=first.level3.raw.strip(), targets=listed), None, first.prov)


# ---------------------------------------------------------------------------
# G8 weights
# ---------------------------------------------------------------------------


def _weight(indicator: Indicator, columns: tuple[str, ...]) -> tuple[str, Field] | None:
    for key, value in indicator.extra.items():
        if any(c and c in key for c in columns):
            return key, value
    return None


@register("G8", Severity.ERROR, Criterion.APPROPRIATENESS, "指标权重合计不等于100",
          settings=("weight_columns", "weight_total"))
def weights_do_not_add_up(ctx: CheckContext) -> Iterator[Hit]:
    """Where a form has a 权重/分值 column, a project's weights add up to the setting (100);
    weights written as fractions adding up to 1 pass too. Blank weights are left out; a weight
    that cannot be read skips the project (the reviewer reads it)."""
    settings = ctx.settings
    for seq, project in ctx.projects():
        weights: list[Decimal] = []
        written: list[str] = []
        column: str | None = None
        readable = True
        for indicator in project.indicators:
            found = _weight(indicator, settings.weight_columns)
            if found is None or found[1].blank:
                continue
            column = column or found[0]
            number = parse_decimal(found[1].raw.strip().rstrip("%％分").strip())
            if number is None:
                readable = False
                break
            weights.append(number)
            written.append(found[1].raw.strip())
        if not readable or not weights:
            continue
        total = sum(weights, Decimal(0))
        if total == settings.weight_total or (total == 1 and all(w <= 1 for w in weights)):
            continue
        yield ctx.project_hit(seq, project, "+".join(written),
                              msg("G8", total=f"{total.normalize():f}", expected=f"{settings.weight_total.normalize():f}",
                                  weights="+".join(written)), column=column)


# ---------------------------------------------------------------------------
# G9 value against its unit column and 指标值类型
# ---------------------------------------------------------------------------

_NO_UNIT = frozenset({"/", "／", "-", "—", "--", "无", "不适用"})


def _unit_column(indicator: Indicator) -> str | None:
    for key, value in indicator.extra.items():
        text = value.raw.strip()
        if key in UNIT_COLUMNS and text and text not in _NO_UNIT:
            return text
    return None


def _unit_of(text: str) -> str:
    """A unit column's text as the parser normalises units ("％" → "%", "个工作日" → "工作日")."""
    parsed = parse_target(f"1{text}")
    if parsed.kind is TargetKind.NUMBER and parsed.unit is not None:
        return parsed.unit
    return normalise_target_text(text)


@register("G9", Severity.ERROR, Criterion.APPROPRIATENESS, "指标值与计量单位或指标值类型矛盾")
def value_contradicts_form(ctx: CheckContext) -> Iterator[Hit]:
    """A number under 定性, a 定性 row with a unit, words under 定量 (Target.contradicts_declared),
    else a value whose own unit differs from the unit column (28.8万元 under %). A bare number
    takes the column's unit and cannot contradict it. One finding per row."""
    for seq, _project, index, indicator in ctx.rows():
        target = ctx.target(indicator)
        unit = _unit_column(indicator)
        declared = target.declared
        if declared is ValueType.QUALITATIVE and target.kind is TargetKind.NUMBER:
            message = msg("G9.number", value=indicator.value.raw.strip())
        elif declared is ValueType.QUALITATIVE and unit is not None and target.kind is not TargetKind.BLANK:
            message = msg("G9.qualitative_unit", unit=unit)
        elif declared is ValueType.QUANTITATIVE and target.contradicts_declared:
            message = msg("G9.words", value=indicator.value.raw.strip())
        else:
            own = parse_target(indicator.value.raw)
            if unit is None or own.kind is not TargetKind.NUMBER or own.unit is None:
                continue
            if own.unit.split("/")[0] == _unit_of(unit).split("/")[0]:
                continue
            message = msg("G9.unit", value=indicator.value.raw.strip(), unit=unit)
        yield ctx.row_hit(seq, index, indicator, "value", message)


# ---------------------------------------------------------------------------
# G10 a name that carries its target
# ---------------------------------------------------------------------------

# Units a target is written in; 年/月/日 are left out (they write dates: "2025年度").
_NAME_UNITS = sorted((u for u in (*KNOWN_UNITS, "%") if u not in ("年", "月", "日")), key=len, reverse=True)
_EMBEDDED_RE = re.compile(r"(?<![\d.*×xX/第])(?:[≥≤><]=?)?\d+(?:\.\d+)?(?:" + "|".join(map(re.escape, _NAME_UNITS))
                          + ")")


def embedded_target(name: str) -> str | None:
    """A number with its unit inside a 三级 name ("村组干部230人" → "230人", "培训3次" → "3次"); not a
    year, a date, a hotline number (12345热线), an ordinal (第3期) or 7×24."""
    text = normalise_target_text(name)
    found = _EMBEDDED_RE.search(text)
    return found.group(0) if found else None


@register("G10", Severity.WARNING, Criterion.FEASIBILITY, "三级指标名称含有目标值")
def name_embeds_target(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        embedded = embedded_target(indicator.level3.raw)
        if embedded:
            yield ctx.row_hit(seq, index, indicator, "level3",
                              msg("G10", name=indicator.level3.raw.strip(), embedded=embedded))
