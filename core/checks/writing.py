"""Group E 表述 (writing): vague words, descriptions that repeat the name, tables copied
between projects, and the import artefacts a reviewer must confirm (E4).

E4 is never the author's fault: it reports what the importer could not read with
certainty (`core.model.ImportIssue`) and asks the reviewer to look at the original.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from core.checks.registry import CheckContext, Hit, register
from core.checks.vocabulary import compact, contains_any, level_name
from core.messages import msg
from core.model import HEADER_FIELDS, Field, ImportIssue, Indicator, Project
from core.review import Criterion, Location, Severity


@register("E1", Severity.WARNING, Criterion.FEASIBILITY, "指标使用含糊用语", settings=("vague_words",))
def vague_words(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        for column, label in (("level3", "三级指标"), ("value", "指标值")):
            cell: Field = getattr(indicator, column)
            word = contains_any(compact(cell.raw), ctx.settings.vague_words)
            if word:
                yield ctx.row_hit(seq, index, indicator, column,
                                  msg("E1", label=label, value=cell.raw, word=word))


@register("E2", Severity.NOTE, Criterion.COMPLETENESS, "指标描述只重复三级指标")
def description_repeats_name(ctx: CheckContext) -> Iterator[Hit]:
    for seq, _project, index, indicator in ctx.rows():
        name, description = compact(indicator.level3.raw), compact(indicator.description.raw)
        if name and description == name:
            yield ctx.row_hit(seq, index, indicator, "description",
                              msg("E2"))


def row_key(indicator: Indicator) -> tuple[str, str, str]:
    return (level_name(indicator.level2.raw), compact(indicator.level3.raw), compact(indicator.value.raw))


def _row_counts(project: Project) -> Counter[tuple[str, str, str]]:
    return Counter(row_key(i) for i in project.indicators)


def _shared(a: Counter[tuple[str, str, str]], b: Counter[tuple[str, str, str]]) -> int:
    # The multiset intersection: each row of one matched at most once in the other.
    if len(b) < len(a):
        a, b = b, a
    return sum(min(count, b[key]) for key, count in a.items() if key in b)


@register("E3", Severity.WARNING, Criterion.RELEVANCE, "指标表与本部门其他项目雷同", settings=("copy_share_min",))
def copied_table(ctx: CheckContext) -> Iterator[Hit]:
    projects = list(ctx.projects())
    # Each project's rows counted once (not once per pair): a document of n projects compares
    # n²/2 pairs, and with keys hashed a pair costs its distinct rows, not its rows squared.
    counts = [_row_counts(project) for _, project in projects]
    for position, (seq, project) in enumerate(projects):
        if len(project.indicators) < 2:
            continue
        best: tuple[Decimal, int, Project] | None = None
        for (other_seq, other), other_counts in zip(projects[:position], counts, strict=False):
            longest = max(len(project.indicators), len(other.indicators))
            share = Decimal(_shared(other_counts, counts[position])) / longest
            if share >= ctx.settings.copy_share_min and (best is None or share > best[0]):
                best = (share, other_seq, other)
        if best is not None:
            share, other_seq, other = best
            percent = (share * 100).quantize(Decimal(1))
            yield ctx.project_hit(seq, project, other.display_name,
                                  msg("E3", percent=str(percent), other_seq=other_seq, other=other.display_name))


def _cell_of(project: Project | None, issue: ImportIssue) -> Field | None:
    if project is None or issue.column is None:
        return None
    if issue.indicator_index is not None and 0 <= issue.indicator_index < len(project.indicators):
        value = getattr(project.indicators[issue.indicator_index], issue.column, None)
        return value if isinstance(value, Field) else None
    if issue.column in HEADER_FIELDS:
        value = getattr(project, issue.column, None)
        return value if isinstance(value, Field) else None
    if issue.column.startswith("spending_plan.") and project.spending_plan:
        return project.spending_plan.get(issue.column.split(".", 1)[1])
    return None


@register("E4", Severity.ERROR, Criterion.COMPLETENESS, "导入时未能确认的内容（请核对原件）")
def import_artefacts(ctx: CheckContext) -> Iterator[Hit]:
    by_seq = dict(ctx.projects())
    for issue in ctx.issues:
        project = by_seq.get(issue.project_seq) if issue.project_seq is not None else None
        cell = _cell_of(project, issue)
        if issue.indicator_index is not None:
            location = Location(project_seq=issue.project_seq, indicator=issue.indicator_index, column=issue.column)
        else:
            location = Location(project_seq=issue.project_seq, field=issue.column or f"import.{issue.code}")
        yield Hit(location, cell.raw if cell is not None else "",
                  msg("E4", issue=issue.message.rstrip("。")),
                  None, issue.prov if issue.prov.to_dict() or cell is None else cell.prov)
