"""Group B 相关性 (relevance): standard levels, names that only repeat their level, inputs
measured as outputs, fiscal-management indicators, wrong dimensions, goal coverage and
multi-year wording in a yearly table."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from core.checks.registry import CheckContext, Hit, register
from core.checks.vocabulary import (
    BENEFIT,
    COST2,
    LEVEL2_PARENT,
    OUTPUT,
    QUALITY,
    QUANTITY,
    SATISFACTION,
    STANDARD_LEVELS,
    TIMELINESS,
    compact,
    contains_any,
    level1_of,
    level_name,
    strip_numbering,
)
from core.messages import Msg, msg
from core.model import Indicator
from core.review import Criterion, Severity
from core.values import Comparator, TargetKind

# A standard level name is suggested for a misspelt one only this close (rapidfuzz's
# normalised Indel similarity, as difflib's ratio was at 0.5).
LEVEL_NAME_MIN_SCORE = 50


def _closest(name: str, choices: list[str] | tuple[str, ...]) -> str | None:
    found = process.extractOne(name, list(choices), scorer=fuzz.ratio, score_cutoff=LEVEL_NAME_MIN_SCORE)
    return None if found is None else str(found[0])


@register("B1", Severity.ERROR, Criterion.RELEVANCE, "一级/二级指标不规范")
def nonstandard_levels(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project in ctx.projects():
        # A merged 一级/二级 cell repeats on every row: report each distinct text once per project.
        reported: set[tuple[str, str]] = set()
        for index, indicator in enumerate(project.indicators):
            level1 = level_name(indicator.level1.raw)
            level2 = level_name(indicator.level2.raw)
            if level1 and level1 not in STANDARD_LEVELS and ("level1", level1) not in reported:
                reported.add(("level1", level1))
                yield ctx.row_hit(seq, index, indicator, "level1", msg("B1.level1", name=indicator.level1.raw),
                                  _closest(level1, tuple(STANDARD_LEVELS)))
            if ("level2", level2) in reported or ctx.doubtful(seq, "level2", index):
                continue
            parent = level1_of(indicator.level1.raw, indicator.level2.raw)
            if not level2:
                reported.add(("level2", level2))
                yield ctx.row_hit(seq, index, indicator, "level2", msg("B1.no_level2", row=index + 1))
            elif level2 not in LEVEL2_PARENT:
                reported.add(("level2", level2))
                choices = STANDARD_LEVELS.get(parent) or tuple(LEVEL2_PARENT)
                yield ctx.row_hit(seq, index, indicator, "level2", msg("B1.level2", name=indicator.level2.raw),
                                  _closest(level2, choices))
            elif parent in STANDARD_LEVELS and LEVEL2_PARENT[level2] != parent:
                reported.add(("level2", level2))
                yield ctx.row_hit(seq, index, indicator, "level2",
                                  msg("B1.parent", name=level2, parent=parent, expected=LEVEL2_PARENT[level2]))


@register("B2", Severity.WARNING, Criterion.RELEVANCE, "三级指标只重复了二级指标名称")
def level3_repeats_level2(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        name = compact(indicator.level3.raw)
        if not name:
            continue
        level2 = level_name(indicator.level2.raw)
        level1 = level1_of(indicator.level1.raw, indicator.level2.raw)
        repeats = {compact(n) for n in (level2, level2.removesuffix("指标"), level1, level1.removesuffix("指标"))
                   if n}
        # A description that says what is measured ("参会人员对会议服务的满意率") makes the row
        # informative even under a generic name; only a row that says nothing else is reported.
        description = compact(indicator.description.raw)
        if name in repeats and (not description or description in repeats):
            yield ctx.row_hit(seq, index, indicator, "level3",
                              msg("B2", name=indicator.level3.raw))


def _fiscal_term(ctx: CheckContext, indicator: Indicator) -> str | None:
    level1 = level1_of(indicator.level1.raw, indicator.level2.raw)
    if level1 not in (OUTPUT, BENEFIT):
        return None
    return contains_any(compact(indicator.level3.raw), ctx.settings.fiscal_management_terms)


@register("B3", Severity.WARNING, Criterion.RELEVANCE, "产出指标反映的是投入",
          settings=("input_nouns", "input_verbs", "fiscal_management_terms"))
def output_measures_input(ctx: CheckContext) -> Iterator[Hit]:
    nouns = "|".join(map(re.escape, ctx.settings.input_nouns))
    verbs = "|".join(map(re.escape, ctx.settings.input_verbs))
    if not nouns or not verbs:
        return
    pattern = re.compile(f"(?:{nouns})(?:{verbs})")
    for seq, _project, index, indicator in ctx.rows():
        if level1_of(indicator.level1.raw, indicator.level2.raw) != OUTPUT:
            continue
        if level_name(indicator.level2.raw) == COST2 or _fiscal_term(ctx, indicator):
            continue  # a cost indicator measures money by design; B4 speaks for fiscal terms
        found = pattern.search(compact(indicator.level3.raw))
        if found:
            yield ctx.row_hit(seq, index, indicator, "level3",
                              msg("B3", name=indicator.level3.raw, term=found.group(0)))


@register("B4", Severity.WARNING, Criterion.RELEVANCE, "以财政管理指标作为产出或效益",
          settings=("fiscal_management_terms",))
def fiscal_management_as_result(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        term = _fiscal_term(ctx, indicator)
        if term:
            level1 = level1_of(indicator.level1.raw, indicator.level2.raw)
            yield ctx.row_hit(seq, index, indicator, "level3",
                              msg("B4", name=indicator.level3.raw, term=term, level1=level1))


@register("B5", Severity.WARNING, Criterion.RELEVANCE, "指标放错了维度",
          settings=("satisfaction_words", "timeliness_words"))
def wrong_dimension(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        level1 = level1_of(indicator.level1.raw, indicator.level2.raw)
        level2 = level_name(indicator.level2.raw)
        name = compact(indicator.level3.raw)
        target = ctx.target(indicator)
        message: Msg | None = None
        if level1 and level1 != SATISFACTION and contains_any(name, ctx.settings.satisfaction_words):
            message = msg("B5.satisfaction", name=indicator.level3.raw, level=level2 or level1)
        elif level2 and level2 != TIMELINESS and target.kind is TargetKind.DATE:
            message = msg("B5.date", value=indicator.value.raw, level=level2)
        elif level2 in (QUANTITY, QUALITY) and (
                (target.is_duration and target.comparator in (Comparator.LE, Comparator.LT))
                or contains_any(name, ctx.settings.timeliness_words)):
            message = msg("B5.timeliness", name=indicator.level3.raw, level=level2)
        elif level2 in (QUANTITY, QUALITY, TIMELINESS) and target.is_money:
            message = msg("B5.money", value=indicator.value.raw, level=level2)
        if message:
            yield ctx.row_hit(seq, index, indicator, "level3", message)


_CLAUSE_SPLIT_RE = re.compile(r"[，,。；;、：:\n！!？?]+")
# Function characters end a term: "出差等方面的" → "出差".
_FUNCTION_SPLIT_RE = re.compile(r"[的等和与或]")
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,}")


def goal_clauses(goal: str, stop_words: tuple[str, ...]) -> list[list[str]]:
    """The content terms of each clause of a goal (numbering, stop words and function words removed)."""
    text = strip_numbering(goal)
    clauses: list[list[str]] = []
    for clause in _CLAUSE_SPLIT_RE.split(text):
        for word in sorted(stop_words, key=len, reverse=True):
            clause = clause.replace(word, " ")
        clause = _FUNCTION_SPLIT_RE.sub(" ", clause)
        terms = _CJK_RUN_RE.findall(clause)
        if terms:
            clauses.append(terms)
    return clauses


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


@register("B6", Severity.NOTE, Criterion.RELEVANCE, "绩效目标的内容没有指标对应", settings=("goal_stop_words",))
def goal_not_covered(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project in ctx.projects():
        if project.goal is None or project.goal.blank or not project.indicators:
            continue
        covered: set[str] = set()
        for indicator in project.indicators:
            for cell in (indicator.level3, indicator.description, indicator.value):
                covered |= _bigrams(compact(cell.raw))
        # A clause counts as covered when any of its terms shares a two-character word with the
        # table: the goal's verbs ("运行", "召开") then never stand alone as a finding.
        missing: list[str] = []
        for terms in goal_clauses(project.goal.raw, ctx.settings.goal_stop_words):
            if not any(_bigrams(term) & covered for term in terms):
                missing.extend(t for t in terms if t not in missing)
        if missing:
            listed = "”“".join(missing[:6])
            yield ctx.header_hit(seq, "goal", project.goal, msg("B6", terms=listed))


# The lookbehind starts a match only where a run of numerals starts: without it a search
# over a long run of digits (a 1,000,001-digit amount) retried from every digit (quadratic).
_YEARS_SPAN_RE = re.compile(r"(?<![两二三四五六七八九十\d])([两二三四五六七八九十\d]+)年(?:内|之内|以内|期间)")


def _multi_year(text: str, words: tuple[str, ...]) -> str | None:
    word = contains_any(text, words)
    if word:
        return word
    found = _YEARS_SPAN_RE.search(text)
    return found.group(0) if found else None


@register("B7", Severity.WARNING, Criterion.RELEVANCE, "年度目标中出现实施期表述", settings=("multi_year_words",))
def multi_year_wording(ctx: CheckContext) -> Iterator[Hit]:
    words = ctx.settings.multi_year_words
    for seq, project in ctx.projects():
        if project.goal is not None and (found := _multi_year(compact(project.goal.raw), words)):
            yield ctx.header_hit(seq, "goal", project.goal,
                                 msg("B7.goal", word=found))
        for index, indicator in enumerate(project.indicators):
            for column in ("level3", "value"):
                cell = getattr(indicator, column)
                if found := _multi_year(compact(cell.raw), words):
                    yield ctx.row_hit(seq, index, indicator, column,
                                      msg("B7.row", word=found))
                    break
