"""Group F 年度对比 (year over year): checks that read last year's document of the department.

Each check needs `CheckContext.previous` (the registry skips them without it) and
reads the same comparison (`core.compare.compare_documents`), computed once per
run. Findings point at this year's document; what they quote is this year's text,
the message says what last year had.

| id | finding when |
|---|---|
| F1 | a target lowered (cause loosened) while the project's budget rose |
| F2 | the budget moved by more than the threshold (±20%) but no indicator value moved |
| F3 | the indicator count dropped by more than the threshold (a third) |
| F4 | the table is ≥95% identical to last year's, or a cell still carries last year's date |
| F5 | a 效益 or 满意度 indicator of last year dropped with nothing added in its 二级 |
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from core.checks.registry import CheckContext, Hit, project_key, register
from core.checks.vocabulary import BENEFIT, SATISFACTION, level1_of, level_name
from core.compare import Cause, ChangeKind, Comparison, ProjectMatch, compare_documents, document_year
from core.messages import msg
from core.model import INDICATOR_COLUMNS, Document, Project
from core.review import Criterion, Severity

_last: tuple[Document, Document, Comparison] | None = None


def comparison(ctx: CheckContext) -> Comparison:
    """The comparison of last year's document with this one (one per pair of documents)."""
    global _last
    assert ctx.previous is not None, "the registry runs group F only with a previous document"
    if _last is None or _last[0] is not ctx.previous or _last[1] is not ctx.document:
        _last = (ctx.previous, ctx.document, compare_documents(ctx.previous, ctx.document))
    return _last[2]


def _pairs(ctx: CheckContext) -> Iterator[tuple[int, Project, Project, ProjectMatch]]:
    """(this year's project number, last year's project, this year's project, the match) for matched projects."""
    result = comparison(ctx)
    for match in result.matches:
        if match.old is not None and match.new is not None:
            new = ctx.document.projects[match.new]
            yield project_key(new, match.new), result.old.projects[match.old], new, match


def _budget(project: Project) -> Decimal | None:
    money = project.money("budget_total")
    if money is None or money.blank:
        return None
    return money.to_yuan()


def _percent(old: Decimal, new: Decimal) -> str:
    if old == 0:  # last year's budget 0.00: a change from nothing has no percentage
        return "上年为 0"
    return f"{(new - old) * 100 / old:+.1f}%"


@register("F1", Severity.ERROR, Criterion.APPROPRIATENESS, "预算增加而目标降低", needs_previous=True)
def target_lowered_while_budget_rose(ctx: CheckContext) -> Iterator[Hit]:
    result = comparison(ctx)
    for seq, old, new, match in _pairs(ctx):
        before, after = _budget(old), _budget(new)
        if before is None or after is None or after <= before:
            continue
        for change in result.project_changes(match):
            if (change.kind is not ChangeKind.INDICATOR_FIELD or change.field != "value"
                    or change.cause is not Cause.LOOSENED or change.new_row is None):
                continue
            row = change.new_row
            if ctx.doubtful(seq, "value", row):
                continue  # a cell the importer could not read with certainty is E4's, not a change
            yield ctx.row_hit(
                seq, row, new.indicators[row], "value",
                msg("F1", old_budget=old.budget_total.raw if old.budget_total else "",
                    new_budget=new.budget_total.raw if new.budget_total else "", change=_percent(before, after),
                    name=str(change.level3), old=str(change.old), new=str(change.new)),
                suggestion=str(change.old))


@register("F2", Severity.WARNING, Criterion.APPROPRIATENESS, "预算大幅变动而指标值未变",
          settings=("yearly_budget_change",), needs_previous=True)
def budget_moved_targets_did_not(ctx: CheckContext) -> Iterator[Hit]:
    result = comparison(ctx)
    threshold = ctx.settings.yearly_budget_change
    for seq, old, new, match in _pairs(ctx):
        before, after = _budget(old), _budget(new)
        if not before or after is None or abs(after - before) / before <= threshold:
            continue
        if not any(row.old is not None and row.new is not None for row in match.indicators):
            continue
        moved = [c for c in result.project_changes(match)
                 if c.kind in (ChangeKind.INDICATOR_ADDED, ChangeKind.INDICATOR_REMOVED)
                 or (c.kind is ChangeKind.INDICATOR_FIELD and c.field == "value" and c.cause is not Cause.YEAR_ROLLOVER)]
        if moved:
            continue
        yield ctx.header_hit(
            seq, "budget_total", new.budget_total,
            msg("F2", old_budget=old.budget_total.raw if old.budget_total else "",
                new_budget=new.budget_total.raw if new.budget_total else "", change=_percent(before, after),
                threshold=f"{threshold * 100:.0f}"))


@register("F3", Severity.WARNING, Criterion.COMPLETENESS, "指标数量大幅减少",
          settings=("yearly_count_drop",), needs_previous=True)
def indicator_count_dropped(ctx: CheckContext) -> Iterator[Hit]:
    share = ctx.settings.yearly_count_drop
    for seq, old, new, _ in _pairs(ctx):
        before, after = len(old.indicators), len(new.indicators)
        # Rounded like the setting (0.3333 stands for a third), so exactly a third is no drop "by more".
        if before and round(Decimal(before - after) / before, 4) > share:
            yield ctx.project_hit(
                seq, new, f"{before}→{after}",
                msg("F3", before=before, after=after, share=f"{share * 100:.0f}"))


_YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})\s*年")


@register("F4", Severity.WARNING, Criterion.FEASIBILITY, "照抄上年绩效目标",
          settings=("yearly_identical_share",), needs_previous=True)
def copied_from_last_year(ctx: CheckContext) -> Iterator[Hit]:
    result = comparison(ctx)
    share_min = ctx.settings.yearly_identical_share
    old_year = document_year(result.old)
    new_year = document_year(result.new)
    for seq, old, new, match in _pairs(ctx):
        cells = len(new.indicators) * len(INDICATOR_COLUMNS)
        same = 0
        stale: list[Hit] = []
        for row in match.indicators:
            if row.old is None or row.new is None:
                continue
            before, after = old.indicators[row.old], new.indicators[row.new]
            for column in INDICATOR_COLUMNS:
                a, b = before.get(column), after.get(column)
                if a is None or b is None or re.sub(r"\s+", "", a.raw) != re.sub(r"\s+", "", b.raw):
                    continue
                same += 1
                years = {int(y) for y in _YEAR_IN_TEXT.findall(b.raw)}
                if old_year and new_year and new_year > old_year and old_year in years:
                    stale.append(ctx.row_hit(
                        seq, row.new, after, column,
                        msg("F4.stale_date", value=b.raw, year=old_year),
                        suggestion=_YEAR_IN_TEXT.sub(
                            lambda m: f"{new_year}年" if int(m.group(1)) == old_year else m.group(0), b.raw)))
        if cells and old.indicators and Decimal(same) / cells >= share_min:
            yield ctx.project_hit(
                seq, new, f"{same}/{cells}",
                msg("F4.copied", percent=f"{Decimal(same) * 100 / cells:.0f}", same=same, cells=cells))
        yield from stale


@register("F5", Severity.ERROR, Criterion.COMPLETENESS, "效益或满意度指标被删除且无替代", needs_previous=True)
def outcome_indicator_dropped(ctx: CheckContext) -> Iterator[Hit]:
    for seq, old, new, match in _pairs(ctx):
        added = {level_name(new.indicators[row.new].level2.raw) for row in match.indicators
                 if row.old is None and row.new is not None}
        for row in match.indicators:
            if row.new is not None or row.old is None:
                continue
            gone = old.indicators[row.old]
            level1 = level1_of(gone.level1.raw, gone.level2.raw)
            if level1 not in (BENEFIT, SATISFACTION) or level_name(gone.level2.raw) in added:
                continue
            yield ctx.project_hit(
                seq, new, gone.level3.raw,
                msg("F5", level1=level1, name=gone.level3.raw, level2=gone.level2.raw, value=gone.value.raw),
                column="level3")
