"""Group D 可行性 (feasibility): timeliness targets, dates in the budget year, the basis of the
targets, and qualitative values a reviewer cannot judge."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.checks.appropriateness import is_cost_row
from core.checks.registry import CheckContext, Hit, register
from core.checks.vocabulary import TIMELINESS, compact, contains_any, level_name
from core.messages import msg
from core.review import Criterion, Severity
from core.values import TargetKind


@register("D1", Severity.WARNING, Criterion.FEASIBILITY, "时效指标没有日期或期限")
def timeliness_without_date(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        if level_name(indicator.level2.raw) == TIMELINESS and ctx.target(indicator).is_qualitative:
            yield ctx.row_hit(seq, index, indicator, "value",
                              msg("D1", value=indicator.value.raw))


def move_into_year(raw: str, written_year: int, year: int) -> str:
    """The value with its year replaced by the budget year, the rest as written."""
    return re.sub(rf"(?<!\d){written_year}(\s*年)", rf"{year}\g<1>", raw, count=1)


@register("D2", Severity.ERROR, Criterion.FEASIBILITY, "日期不在预算年度内")
def date_outside_year(ctx: CheckContext) -> Iterator[Hit]:
    if ctx.year is None:
        return
    for seq, _project, index, indicator in ctx.rows():
        target = ctx.target(indicator)
        if target.kind in (TargetKind.DATE, TargetKind.PERIOD) and target.year is not None \
                and target.year != ctx.year:
            yield ctx.row_hit(seq, index, indicator, "value",
                              msg("D2", value=indicator.value.raw, year=ctx.year),
                              move_into_year(indicator.value.raw, target.year, ctx.year))


def is_generic_basis(text: str, generic: tuple[str, ...], specific: tuple[str, ...]) -> bool:
    cleaned = compact(text)
    return bool(contains_any(cleaned, generic)) and not contains_any(text, specific)


@register("D3", Severity.NOTE, Criterion.FEASIBILITY, "指标值依据笼统",
          settings=("generic_basis_terms", "specific_basis_markers"))
def generic_basis(ctx: CheckContext) -> Iterator[Hit]:
    settings = ctx.settings
    for seq, project in ctx.projects():
        bases = [i.basis.raw for i in project.indicators if i.basis is not None and not i.basis.blank]
        if len(bases) >= 2 and all(is_generic_basis(b, settings.generic_basis_terms,
                                                    settings.specific_basis_markers) for b in bases):
            quote = "、".join(dict.fromkeys(b.strip() for b in bases))
            yield ctx.project_hit(seq, project, quote,
                                  msg("D3", basis=quote),
                                  column="basis")


@register("D4", Severity.WARNING, Criterion.FEASIBILITY, "定性指标没有评判标准",
          settings=("trend_words", "grade_words", "vague_words"))
def qualitative_without_grades(ctx: CheckContext) -> Iterator[Hit]:
    settings = ctx.settings
    for seq, _project, index, indicator in ctx.rows():
        if not ctx.target(indicator).is_qualitative or level_name(indicator.level2.raw) == TIMELINESS:
            continue  # D1 speaks for 时效指标
        if is_cost_row(indicator):
            continue  # C3 speaks for a cost row that restates the budget
        value = compact(indicator.value.raw)
        # E1 names the vague words themselves; D4 is for a change without a yardstick.
        if contains_any(value, settings.vague_words) or contains_any(value, settings.grade_words):
            continue
        word = contains_any(value, settings.trend_words)
        if word:
            yield ctx.row_hit(seq, index, indicator, "value",
                              msg("D4", value=indicator.value.raw, word=word))
