"""Group H 部门整体 (the department part): the sub-goals (分项绩效目标) and their 绩效指标 text,
whether every project is reflected in a sub-goal, whether the 工作保障措施 say anything
about this department, and the total of project spending the text states.

Department-level findings have no project: `Location(field="sub_goals[i]")` (i 0-based) for a
sub-goal, `Location(field="measures")` for the measures as a whole, and for a stated total
the text it stands in (`overall_goal`, `sub_goals[i]`, `measures[i]`). H2 belongs to the
project that matches no sub-goal: `Location(project_seq, field="name")` (`"title"` for a form
without a 项目名称 cell), since the project's name and 资金用途 are what was compared.

Character similarity is rapidfuzz `partial_ratio` (0–100): the best alignment of the shorter
text inside the longer, which suits unsegmented Chinese where token matching means nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from rapidfuzz import fuzz

from core.checks.registry import CheckContext, Hit, register
from core.checks.vocabulary import compact, project_name, strip_numbering
from core.messages import msg
from core.model import Field, Project, SubGoal
from core.review import Criterion, Location, Severity
from core.values import MoneyUnit, parse_decimal


def _department_pass(ctx: CheckContext) -> bool:
    """False when the registry re-runs a failed rule for one project: department-level hits
    were (or would be) given by the whole-document run, not once per project."""
    return ctx.only is None


def _text(value: Field | None) -> str:
    return "" if value is None else value.raw.strip()


def _sub_goal_fields(goal: SubGoal) -> list[Field]:
    return [f for f in (goal.title, goal.description, goal.goal, goal.indicators) if f is not None and not f.blank]


def _remove_words(text: str, words: tuple[str, ...]) -> str:
    """`text` with every word of `words` (longest first) replaced by a space."""
    for word in sorted((w for w in words if w), key=len, reverse=True):
        text = text.replace(word, " ")
    return text


# --- H1 -------------------------------------------------------------------------------------

# A number in a 绩效指标 text: digits (also full-width), a percentage in words, or a Chinese
# numeral counting something ("每月至少开展一次", "两场"); "进一步", "统一" are no numbers.
_COUNTERS = "次个人项件场期批套台家户篇条份天日周月年轮名所座处倍万亿"
_NUMBER_RE = re.compile(rf"[0-9０-９]|百分之|[零〇一二两三四五六七八九十百千]+[{_COUNTERS}]")


def has_number(text: str) -> bool:
    return bool(_NUMBER_RE.search(text))


@register("H1", Severity.WARNING, Criterion.COMPLETENESS, "分项绩效目标没有可考核的绩效指标")
def sub_goal_indicators(ctx: CheckContext) -> Iterator[Hit]:
    goals = ctx.document.sub_goals
    # Only where the document's sub-goals carry 绩效指标 text at all: a 预算公开 whose
    # sub-goals are task lines without it is not asked for what its template lacks.
    if not _department_pass(ctx) or not any(g.indicators is not None and not g.indicators.blank for g in goals):
        return
    for index, goal in enumerate(goals):
        location = Location(field=f"sub_goals[{index}]")
        if goal.indicators is None or goal.indicators.blank:
            title = _text(goal.title)
            if not title and not _text(goal.goal):
                continue  # an empty item (a stray numbering line) is not a sub-goal
            yield Hit(location, title, msg("H1.missing", title=title or _text(goal.goal)), None, goal.title.prov)
        elif not has_number(goal.indicators.raw):
            yield Hit(location, goal.indicators.raw, msg("H1.no_number", indicators=_text(goal.indicators)),
                      None, goal.indicators.prov)


# --- H2 -------------------------------------------------------------------------------------


def match_text(text: str, stop_words: tuple[str, ...]) -> str:
    """What is compared: numbering, the settings' common words, punctuation and spaces removed."""
    return compact(_remove_words(strip_numbering(text), stop_words))


def similarity(a: str, b: str) -> float:
    """rapidfuzz partial_ratio of two compared texts (0–100). A text of one or two characters
    matches only where it stands in the other whole: partial_ratio would give "劳务" 67
    against any text with "务" in it."""
    if not a or not b:
        return 0.0
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < 3:
        return 100.0 if shorter in longer else 0.0
    return float(fuzz.partial_ratio(shorter, longer))


@register("H2", Severity.WARNING, Criterion.RELEVANCE, "项目与分项绩效目标不对应",
          settings=("sub_goal_match_min", "sub_goal_match_stop_words"))
def project_without_sub_goal(ctx: CheckContext) -> Iterator[Hit]:
    stop = ctx.settings.sub_goal_match_stop_words
    minimum = ctx.settings.sub_goal_match_min
    goals = [t for g in ctx.document.sub_goals for f in _sub_goal_fields(g)
             if (t := match_text(f.raw, stop))]
    if not goals:
        return  # no sub-goals to match (a document without them is not H2's to report)
    for seq, project in ctx.projects():
        name = project_name(project)
        texts = [t for raw in (name, _text(project.usage)) if (t := match_text(raw, stop))]
        if not texts:
            continue  # nothing to compare (A1 reports a blank name or usage)
        best = max(similarity(text, goal) for text in texts for goal in goals)
        if Decimal(str(best)) >= minimum:
            continue
        named = project.name is not None and not project.name.blank
        value = project.name if named and project.name is not None else project.title
        yield Hit(Location(project_seq=seq, field="name" if named else "title"), value.raw,
                  msg("H2", project=name, score=str(int(best)), minimum=f"{minimum}"),
                  None, value.prov if named else project.prov)


# --- H3 -------------------------------------------------------------------------------------

_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,}")
# Function characters end a word: "对会计资料进行内部审计" gives no "计资" across them.
_FUNCTION_SPLIT_RE = re.compile(r"[的等和与及或对为在将把从以并其之]")


def words_of(text: str, generic: tuple[str, ...]) -> set[str]:
    """The two-character words of a text once the settings' generic words are taken out:
    every pair of adjacent Chinese characters within a run that no generic word, function
    character or punctuation interrupts."""
    cleaned = _FUNCTION_SPLIT_RE.sub(" ", _remove_words(strip_numbering(text), generic))
    return {run[i:i + 2] for run in _CJK_RUN_RE.findall(cleaned) for i in range(len(run) - 1)}


def _content_length(text: str) -> int:
    return len(compact(strip_numbering(text)))


@register("H3", Severity.NOTE, Criterion.FEASIBILITY, "工作保障措施笼统",
          settings=("measure_min_chars", "generic_measure_words"))
def generic_measures(ctx: CheckContext) -> Iterator[Hit]:
    measures = [m for m in ctx.document.measures if not m.blank]
    if not _department_pass(ctx) or not measures:
        return
    location, quote, prov = Location(field="measures"), "\n".join(m.raw.strip() for m in measures), measures[0].prov
    minimum = ctx.settings.measure_min_chars
    if all(_content_length(m.raw) < minimum for m in measures):
        shortest = min(measures, key=lambda m: _content_length(m.raw))
        yield Hit(location, quote, msg("H3.short", count=len(measures), minimum=minimum,
                                       example=shortest.raw.strip()), None, prov)
        return
    generic = ctx.settings.generic_measure_words
    document = ctx.document
    # 部门职责 has no place of its own in the model: the 总体绩效目标 states the duties.
    reference: set[str] = words_of(document.org.dept_name, generic) | words_of(_text(document.overall_goal), generic)
    for goal in document.sub_goals:
        for value in _sub_goal_fields(goal):
            reference |= words_of(value.raw, generic)
    if not reference:
        return  # nothing of the department's own to compare with
    if not any(words_of(m.raw, generic) & reference for m in measures):
        yield Hit(location, quote, msg("H3.unrelated", count=len(measures)), None, prov)


# --- H4 -------------------------------------------------------------------------------------

_AMOUNT = r"(?P<amount>[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?)\s*(?P<unit>亿元|万元|元)"
# A gap that makes the amount a change or a share, not the total ("项目支出较上年增加100万元").
_NOT_A_TOTAL_RE = re.compile(r"增|减|较|比|超|占|变动|调整|结转|结余|以上|以下|不足")
_UNIT_YUAN = {"亿元": Decimal(100000000), "万元": Decimal(10000), "元": Decimal(1)}


def stated_totals(text: str, terms: tuple[str, ...]) -> Iterator[tuple[str, str, str, Decimal]]:
    """(term, amount as written with its unit, the unit, amount in 元) of every "项目支出…万元" statement:
    a term of the settings, at most twelve characters (no digit, no clause break) and an amount."""
    words = sorted((t for t in terms if t), key=len, reverse=True)
    if not words:
        return
    pattern = re.compile(f"(?P<term>{'|'.join(map(re.escape, words))})"
                         rf"(?P<gap>[^0-9０-９。；;，,！!？?\n]{{0,12}}?){_AMOUNT}")
    for m in pattern.finditer(text):
        if _NOT_A_TOTAL_RE.search(m.group("gap")):
            continue
        amount = parse_decimal(m.group("amount"))
        if amount is None:
            continue
        unit = m.group("unit")
        yield m.group("term"), f"{m.group('amount')}{unit}", unit, amount * _UNIT_YUAN[unit]


def _department_texts(ctx: CheckContext) -> Iterator[tuple[str, Field]]:
    """(finding field, text) of every department-level text the model keeps."""
    document = ctx.document
    if document.overall_goal is not None:
        yield "overall_goal", document.overall_goal
    for index, goal in enumerate(document.sub_goals):
        for value in _sub_goal_fields(goal):
            yield f"sub_goals[{index}]", value
    for index, measure in enumerate(document.measures):
        yield f"measures[{index}]", measure


def _budgets_yuan(projects: list[Project]) -> Decimal | None:
    """The sum of the projects' 预算数 in 元; None unless every project carries a readable one."""
    total = Decimal(0)
    for project in projects:
        money = project.money("budget_total")
        yuan = None if money is None or money.blank else money.to_yuan()
        if yuan is None:
            return None
        total += yuan
    return total


def _shown(yuan: Decimal, unit: str) -> str:
    return f"{(yuan / _UNIT_YUAN[unit]).quantize(Decimal('0.01')).normalize():f}"


@register("H4", Severity.ERROR, Criterion.APPROPRIATENESS, "文中项目支出总额与各项目预算数之和不符",
          settings=("stated_total_terms", "stated_total_tolerance"))
def stated_project_total(ctx: CheckContext) -> Iterator[Hit]:
    projects = ctx.document.projects
    if not _department_pass(ctx) or not projects:
        return
    budgets = _budgets_yuan(projects)
    if budgets is None or budgets == 0:
        return  # the tables carry no budgets (or not all of them): nothing to add up
    tolerance = ctx.settings.stated_total_tolerance * MoneyUnit.WAN_YUAN.in_yuan
    seen: set[tuple[str, Decimal]] = set()
    for place, value in _department_texts(ctx):
        for term, written, unit, stated in stated_totals(value.raw, ctx.settings.stated_total_terms):
            if (place, stated) in seen or abs(stated - budgets) <= tolerance:
                continue
            seen.add((place, stated))
            expected = f"{_shown(budgets, unit)}{unit}"
            yield Hit(Location(field=place), value.raw,
                      msg("H4", term=term, amount=written, count=len(projects), expected=expected),
                      expected, value.prov)
