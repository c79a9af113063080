"""Group A 完整性 (completeness): header fields, required levels, blank cells, spending plan.

A blank the importer could not read is not the author's: cells with an import
issue are left to E4 (`CheckContext.doubtful`).
"""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.registry import CheckContext, Hit, register
from core.checks.vocabulary import BENEFIT, OUTPUT, level1_of, level_name
from core.messages import msg
from core.model import SPENDING_PLAN_KEYS, DocumentKind, Field
from core.review import Criterion, Severity

# The header fields A1 requires, with the label the document uses.
REQUIRED_HEADER: tuple[tuple[str, str], ...] = (
    ("name", "项目名称"), ("code", "项目编码"), ("budget_total", "预算数"), ("usage", "资金用途"),
    ("goal", "项目绩效目标"),
)


def _published_without(ctx: CheckContext, value: object) -> bool:
    """True when a field is absent because the document is a 预算公开: its published
    project tables carry only 绩效目标 and indicators, so a missing header or spending plan
    is the template's, not the author's omission."""
    return value is None and ctx.document.kind is DocumentKind.DISCLOSURE


@register("A1", Severity.ERROR, Criterion.COMPLETENESS, "项目基本信息缺项")
def header_field_missing(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project in ctx.projects():
        for name, label in REQUIRED_HEADER:
            value = getattr(project, name)
            if _published_without(ctx, value):
                continue
            if value is None:
                yield ctx.header_hit(seq, name, None, msg("A1.missing", label=label))
            elif value.blank and not ctx.doubtful(seq, name):
                yield ctx.header_hit(seq, name, value, msg("A1.blank", label=label))


@register("A2", Severity.ERROR, Criterion.COMPLETENESS, "缺少必备的一级指标", settings=("required_level1",))
def level1_missing(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project in ctx.projects():
        present = {level1_of(i.level1.raw, i.level2.raw) for i in project.indicators}
        for required in ctx.settings.required_level1:
            if level_name(required) not in present:
                yield ctx.project_hit(seq, project, "", msg("A2", required=required),
                                      column="level1")


@register("A3", Severity.WARNING, Criterion.COMPLETENESS, "产出指标缺少二级指标", settings=("output_level2",))
def output_level2_missing(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project in ctx.projects():
        level1s = {level1_of(i.level1.raw, i.level2.raw) for i in project.indicators}
        if OUTPUT not in level1s:
            continue  # A2 reports the missing 产出指标 itself
        present = {level_name(i.level2.raw) for i in project.indicators
                   if level1_of(i.level1.raw, i.level2.raw) == OUTPUT}
        # The newer template puts 成本指标 at the first level; it still counts as present.
        if "成本指标" in level1s:
            present.add("成本指标")
        for required in ctx.settings.output_level2:
            if level_name(required) not in present:
                yield ctx.project_hit(seq, project, "", msg("A3", required=required), column="level2")


@register("A4", Severity.WARNING, Criterion.COMPLETENESS, "效益指标缺少二级指标", settings=("benefit_level2",))
def benefit_level2_missing(ctx: CheckContext) -> Iterator[Hit]:
    accepted = {level_name(name) for name in ctx.settings.benefit_level2}
    for seq, project in ctx.projects():
        rows = [i for i in project.indicators if level1_of(i.level1.raw, i.level2.raw) == BENEFIT]
        if rows and not any(level_name(i.level2.raw) in accepted for i in rows):
            quote = "、".join(dict.fromkeys(i.level2.raw for i in rows))
            yield ctx.project_hit(seq, project, quote,
                                  msg("A4"), column="level2")


@register("A5", Severity.ERROR, Criterion.COMPLETENESS, "三级指标或指标值为空")
def blank_level3_or_value(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        for column, label in (("level3", "三级指标"), ("value", "指标值")):
            cell: Field = getattr(indicator, column)
            if cell.blank and not ctx.doubtful(seq, column, index):
                yield ctx.row_hit(seq, index, indicator, column, msg("A5", row=index + 1, label=label))


@register("A6", Severity.WARNING, Criterion.COMPLETENESS, "指标值确定依据为空")
def blank_basis(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        # A template without the column (basis None) is not the author's omission.
        if indicator.basis is not None and indicator.basis.blank and not ctx.doubtful(seq, "basis", index):
            yield ctx.row_hit(seq, index, indicator, "basis",
                              msg("A6", name=indicator.level3.raw or indicator.level2.raw))


@register("A7", Severity.WARNING, Criterion.COMPLETENESS, "资金支出计划缺失或不全")
def spending_plan_incomplete(ctx: CheckContext) -> Iterator[Hit]:
    for seq, project in ctx.projects():
        plan = project.spending_plan
        if _published_without(ctx, plan):
            continue
        if plan is None:
            yield ctx.header_hit(seq, "spending_plan", None, msg("A7.missing"))
            continue
        for key in SPENDING_PLAN_KEYS:
            value = plan.get(key)
            name = f"spending_plan.{key}"
            if (value is None or value.blank) and not ctx.doubtful(seq, name):
                yield ctx.header_hit(seq, name, value, msg("A7.blank", month=key))
