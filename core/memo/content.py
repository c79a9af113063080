"""What the review memo (审核意见) says, built from a document and the reviewer's layer.

`build_memo` is a pure function: the department's `Document`, the findings (only
ACCEPTED ones appear; dismissed and open ones never), annotations, suggested
revisions, grades per project, who reviews, and optionally last year's change list
(the `Change` records of core/compare, kinds as in shared/tools/score_compare.py). It
returns a `core.memo.blocks.Memo` that both renderers lay out.

Findings, annotations, revisions and grades point at projects by `project_key`:
the project's `seq`, or its 1-based position when the document gave it no number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from core.checks.describe import column_label
from core.checks.grading import grade_project
from core.checks.settings import DEFAULT_SETTINGS
from core.memo.blocks import Cell, Cover, Memo, Metadata, Para, Section, Signature, Table
from core.messages import label
from core.model import INDICATOR_COLUMNS, Document, Indicator, Project
from core.numerals import to_chinese_number
from core.progress import NoProgress, Progress, check
from core.review import (
    Annotation,
    Band,
    Criterion,
    Finding,
    FindingState,
    Grade,
    Location,
    Result,
    Revision,
    Severity,
)
from core.values import MoneyUnit

if TYPE_CHECKING:
    from core.compare.diff import Change

# The memo is Chinese; its labels come from the one catalogue (core.messages).
COLUMN_LABELS: dict[str, str] = {name: column_label(name) for name in INDICATOR_COLUMNS}


def _severity(severity: Severity) -> str:
    return label(f"severity.{severity.value}")


def _header(name: str) -> str:
    return label(f"field.{name}", default=name)


# The four criteria weigh the same by default (CHECKS.md, Grading).
DEFAULT_WEIGHTS: dict[Criterion, float] = dict.fromkeys(Criterion, 25.0)


@dataclass(frozen=True, slots=True)
class Reviewer:
    """Who signs the memo, for which organisation, on which day."""

    name: str
    organisation: str
    date: dt.date


def chinese_ordinal(n: int) -> str:
    """1 → 一, 12 → 十二, 110 → 一百一十, 10010 → 一万零一十 (core.numerals, any size)."""
    return to_chinese_number(n)


def project_key(project: Project, position: int) -> int:
    """The number findings and grades use for a project (see the module docstring)."""
    return project.seq if project.seq is not None else position + 1


def format_score(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def format_amount(amount: Decimal, unit: MoneyUnit) -> str:
    """An exact amount with thousands separators and at most the digits it needs."""
    text = f"{amount:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}{unit.value}"


def quoted(text: str) -> str:
    return f"“{text}”"


def _sum_yuan(projects: Iterable[Project], name: str) -> Decimal:
    total = Decimal(0)
    for project in projects:
        money = project.money(name)
        if money is not None and (yuan := money.to_yuan()) is not None:
            total += yuan
    return total


class _Place:
    """Describes Locations in words, for one project or the department."""

    def __init__(self, project: Project | None) -> None:
        self.project = project

    def indicator(self, index: int) -> Indicator | None:
        if self.project is None or not 0 <= index < len(self.project.indicators):
            return None
        return self.project.indicators[index]

    def describe(self, location: Location) -> str:
        if location.indicator is not None:
            row = self.indicator(location.indicator)
            name = f"（{row.level3.raw}）" if row is not None and not row.level3.blank else ""
            text = f"第{location.indicator + 1}项指标{name}"
            if location.column:
                text += column_label(location.column)
            return text
        if location.field:
            base, _, part = location.field.partition(".")
            base, _, index = base.partition("[")
            label_text = _header(base)
            if index:
                label_text += f"第{int(index.rstrip(']')) + 1}项"
            return f"{label_text}（{part}）" if part else label_text
        return "项目整体" if self.project is not None else "部门整体"


def _finding_line(number: int, finding: Finding, place: _Place) -> Para:
    """One accepted finding as a reviewer writes it: where, what is wrong, what to change it
    to. No rule id, severity or field name in the body (the 附件 table lists those)."""
    where = place.describe(finding.location)
    message = finding.message
    quote = finding.quote.strip()
    # the message usually quotes the text already; say it once
    shown = f"{quoted(quote)}" if quote and quote not in message else ""
    text = f"{where}{shown}：{message}"
    suggestion = (finding.suggestion or "").strip().rstrip("。")
    if suggestion:
        text += f"建议将{quoted(quote)}修改为{quoted(suggestion)}。" if quote else f"建议修改为{quoted(suggestion)}。"
    return Para(text=text, lead=f"（{number}）", kind="item")


def _annotation_line(annotation: Annotation, place: _Place) -> Para:
    by = f"（{annotation.author}）" if annotation.author else ""
    return Para(text=annotation.text, lead=f"审核批注{by}·{place.describe(annotation.location)}：", kind="quote")


def _revision_lines(revisions: Sequence[Revision], findings: Sequence[Finding], place: _Place) -> list[Para]:
    lines: list[Para] = []
    revised_at = {revision.location.key() for revision in revisions}
    for revision in revisions:
        note = f"（{revision.note}）" if revision.note else ""
        lines.append(Para(text=f"原：{revision.original or '（空白）'} → 建议：{revision.suggested}{note}",
                          lead=f"{place.describe(revision.location)}：", kind="item"))
    # A finding's own suggestion counts when the reviewer wrote no revision for that cell.
    for finding in findings:
        if finding.suggestion and finding.location.key() not in revised_at:
            revised_at.add(finding.location.key())
            lines.append(Para(text=f"原：{finding.quote or '（空白）'} → 建议：{finding.suggestion}",
                              lead=f"{place.describe(finding.location)}：", kind="item"))
    return lines


def _header_summary(project: Project) -> list[Para]:
    unit = project.money_unit or MoneyUnit.WAN_YUAN
    lines: list[Para] = []
    for name in ("code", "budget_total", "fiscal_funds", "other_funds", "usage", "goal"):
        value = getattr(project, name)
        if value is None or value.blank:
            text = "（未填写）"
        elif name in ("budget_total", "fiscal_funds", "other_funds"):
            money = project.money(name)
            text = value.raw if money is None or money.amount is None or value.raw.strip().endswith("元") \
                else f"{value.raw.strip()}{unit.value}"
        else:
            text = value.raw
        lines.append(Para(text=text, lead=f"{_header(name)}：", kind="item"))
    if project.spending_plan:
        plan = "，".join(f"{key}{value.raw or '（空白）'}" for key, value in project.spending_plan.items())
        lines.append(Para(text=plan, lead="资金支出计划（%）：", kind="item"))
    counts = Counter(row.level1.raw.strip() or "（未填）" for row in project.indicators)
    summary = "、".join(f"{name}{count}项" for name, count in counts.items())
    lines.append(Para(text=f"共{len(project.indicators)}项" + (f"，其中{summary}" if summary else ""),
                      lead="绩效指标：", kind="item"))
    return lines


def _score_table(grade: Grade | None, findings: Sequence[Finding], weights: Mapping[Criterion, float]) -> Table:
    per_criterion = Counter(finding.criterion for finding in findings)
    rows: list[tuple[Cell, ...]] = []
    for criterion in Criterion:
        score = "—" if grade is None or criterion not in grade.scores else format_score(grade.scores[criterion])
        rows.append((Cell(criterion.value), Cell(format_score(weights[criterion])), Cell(score),
                     Cell(f"{per_criterion[criterion]}个")))
    total = "—" if grade is None else format_score(grade.total)
    band = "" if grade is None else f"（{grade.band.value}）"
    rows.append((Cell("合计"), Cell(format_score(sum(weights.values()))), Cell(total + band),
                 Cell(f"{len(findings)}个")))
    return Table(header=("审核内容", "分值", "得分", "采纳的问题"), rows=tuple(rows), widths=(3, 2, 2, 2))


def _result_line(grade: Grade | None) -> Para:
    if grade is None:
        return Para(text="未评分。", lead="审核结果：", kind="result")
    how = "（审核人确定）" if grade.overridden else ""
    text = f"{grade.band.value}（{format_score(grade.total)}分），{grade.result.value}{how}。"
    if grade.conclusion:
        text += grade.conclusion
    return Para(text=text, lead="审核结果：", kind="result")


def _indicator_table(project: Project, revisions: Sequence[Revision], caption: str) -> Table:
    suggested: dict[tuple[int, str], str] = {}
    for revision in revisions:
        if revision.location.indicator is not None:
            suggested[(revision.location.indicator, revision.location.column or "level3")] = revision.suggested
    rows = []
    for index, row in enumerate(project.indicators):
        cells = []
        for column in COLUMN_LABELS:
            value = row.get(column)
            cells.append(Cell("" if value is None else value.raw, suggested.get((index, column))))
        rows.append(tuple(cells))
    return Table(header=tuple(COLUMN_LABELS.values()), rows=tuple(rows), widths=(2.2, 2.4, 3.0, 3.0, 2.4, 3.0),
                 caption=caption)


def _comparison_section(changes: Sequence[Change], previous_year: int | None) -> Section:
    # Only here, with a change list given: a build without core.compare still writes memos.
    from core.compare.diff import ChangeKind

    kinds = Counter(change.kind.value for change in changes)
    summary = "、".join(f"{label(f'change.{kind}', default=kind)}{count}处" for kind, count in kinds.items())
    than = f"{previous_year}年度" if previous_year else "上年度"
    blocks: list[Para | Table] = [Para(f"与{than}绩效目标相比，共有{len(changes)}处变化" +
                                       (f"：{summary}。" if summary else "。"))]
    rows = []
    for change in changes:
        kind = change.kind
        what = label(f"change.{kind.value}", default=kind.value)
        if kind is ChangeKind.INDICATOR_FIELD:
            level3 = change.level3 or ""
            column = column_label(change.field or "")
            what = f"{level3}·{column}"
            cause = label(f"cause.{change.cause.value}", default="") if change.cause else ""
            if cause:
                what += f"（{cause}）"
        elif kind is ChangeKind.BUDGET:
            what = _header(change.field or "budget_total")
        elif kind in (ChangeKind.INDICATOR_ADDED, ChangeKind.INDICATOR_REMOVED):
            level3 = (change.indicator or {}).get("level3") or ""
            what += f"：{level3}" if level3 else ""
        elif kind is ChangeKind.TEXT:
            what = _header(change.field) if change.field else what
        old: object = change.old
        new: object = change.new
        if kind is ChangeKind.PROJECT_REMOVED:
            old, new = change.code, ""
        elif kind is ChangeKind.PROJECT_ADDED:
            old, new = "", change.code
        rows.append((Cell(change.project or "部门整体"), Cell(what),
                     Cell("" if old is None else str(old)), Cell("" if new is None else str(new))))
    if rows:
        blocks.append(Table(header=("项目", "变化", "上年", "本年"), rows=tuple(rows), widths=(4, 4, 3, 3)))
    return Section(title="年度对比", blocks=blocks)


def build_memo(
    document: Document,
    *,
    reviewer: Reviewer,
    findings: Sequence[Finding] = (),
    annotations: Sequence[Annotation] = (),
    revisions: Sequence[Revision] = (),
    grades: Mapping[int, Grade] | None = None,
    comparison: Sequence[Change] | None = None,
    previous_year: int | None = None,
    conclusion: str = "",
    weights: Mapping[Criterion, float] | None = None,
    progress: Progress | None = None,
) -> Memo:
    """The memo of `document` as plain data (see the module docstring).

    `conclusion` is the reviewer's own closing text, added to the computed summary;
    `weights` are the criteria's maximum scores shown in each score table.
    """
    progress = progress or NoProgress()
    weights = dict(weights or DEFAULT_WEIGHTS)
    accepted = [finding for finding in findings if finding.state is FindingState.ACCEPTED]
    by_project: dict[int | None, list[Finding]] = defaultdict(list)
    for finding in accepted:
        by_project[finding.location.project_seq].append(finding)
    keyed = [(project_key(project, i), project) for i, project in enumerate(document.projects)]
    # The memo concludes from the reviewer's decisions only: a grade the reviewer set, else
    # the grade of the findings they accepted (open ones are proposals, CHECKS.md Grading).
    grades = memo_grades(keyed, grades or {}, by_project, weights)
    # Open findings stay out of the memo, but their number is said, so a draft memo is not
    # mistaken for a finished review (the computed grade still counts them).
    pending: Counter[int | None] = Counter(
        finding.location.project_seq for finding in findings if finding.state is FindingState.OPEN)
    notes: dict[int | None, list[Annotation]] = defaultdict(list)
    for annotation in annotations:
        notes[annotation.location.project_seq].append(annotation)
    changes: dict[int | None, list[Revision]] = defaultdict(list)
    for revision in revisions:
        changes[revision.location.project_seq].append(revision)

    department = document.org.dept_name.strip() or document.source_name
    year_text = f"{document.year}年度" if document.year else ""
    title = f"关于{department}{year_text}部门预算绩效目标的审核意见"

    sections = [
        _basis_section(document, year_text),
        _scope_section(document, reviewer),
        _overview_section(document, keyed, grades, by_project, notes, changes),
    ]
    project_sections: list[Section] = []
    for done, (key, project) in enumerate(keyed):
        check(progress)
        progress.report(done, len(keyed), f"审核意见：{project.display_name}")
        project_sections.append(_project_section(done + 1, project, by_project[key], notes[key], changes[key],
                                                 grades.get(key), weights, pending[key]))
    sections.append(Section(title="项目审核情况", blocks=[] if keyed else [Para("本文件没有项目绩效目标表。")],
                            subsections=project_sections))
    sections.append(_common_section(keyed, by_project))
    if comparison is not None:
        sections.append(_comparison_section(comparison, previous_year))
    sections.append(_conclusion_section(department, year_text, keyed, grades, accepted, conclusion))
    for number, section in enumerate(sections, start=1):
        section.number = f"{chinese_ordinal(number)}、"
    sections.append(_appendix(keyed, changes))
    progress.report(len(keyed), len(keyed), "审核意见")
    return Memo(
        cover=Cover(title=title, department=department, year=document.year, organisation=reviewer.organisation,
                    reviewer=reviewer.name, date=reviewer.date),
        sections=sections,
        signature=Signature(organisation=reviewer.organisation, reviewer=reviewer.name, date=reviewer.date),
        metadata=Metadata(title=title, author=reviewer.name or reviewer.organisation,
                          subject=f"{department}{year_text}部门预算绩效目标审核意见（{reviewer.organisation}）",
                          keywords=("预算绩效", "绩效目标", "审核意见", department)),
        project_names=[project.display_name for _, project in keyed],
        open_findings=sum(pending.values()),
    )


def memo_grades(keyed: Sequence[tuple[int, Project]], stored: Mapping[int, Grade],
                accepted: Mapping[int | None, list[Finding]], weights: Mapping[Criterion, float]) -> dict[int, Grade]:
    """Each project's grade as the memo states it: the reviewer's override as set, else
    computed from the findings the reviewer accepted (none accepted: full marks, 通过)."""
    settings = DEFAULT_SETTINGS.replace(criterion_weights={c.value: Decimal(str(w)) for c, w in weights.items()})
    out: dict[int, Grade] = {}
    for key, _ in keyed:
        own = stored.get(key)
        if own is not None and own.overridden:
            out[key] = own
            continue
        computed = grade_project(accepted.get(key, []), settings)
        # the reviewer's conclusion text stays with the project whatever the grade
        out[key] = dataclasses.replace(computed, conclusion=own.conclusion) if own is not None else computed
    return out


def _basis_section(document: Document, year_text: str) -> Section:
    return Section(title="审核依据", blocks=[
        Para("《中华人民共和国预算法》及其实施条例；"),
        Para("《中共中央 国务院关于全面实施预算绩效管理的意见》；"),
        Para("《财政部关于印发〈中央部门预算绩效目标管理办法〉的通知》（财预〔2015〕88号）及本级预算绩效目标管理的有关规定；"),
        Para(f"{document.org.dept_name}报送的{year_text}部门预算绩效目标文本（{document.source_name}）。"),
    ])


def _who(reviewer: Reviewer) -> str:
    """"（某单位张三）" after 审核人, or nothing when the reviewer has not said who they are."""
    who = f"{reviewer.organisation}{reviewer.name}".strip()
    return f"（{who}）" if who else ""


def _scope_section(document: Document, reviewer: Reviewer) -> Section:
    return Section(title="审核范围与方法", blocks=[
        Para(f"审核范围为本部门报送的{len(document.projects)}个项目的绩效目标表，包括项目基本信息、"
             "资金支出计划和各级绩效指标。"),
        Para("审核从完整性、相关性、适当性、可行性四个方面进行：完整性看要素是否齐全，相关性看指标与项目"
             "内容是否对应，适当性看指标值和金额是否合理、计算是否一致，可行性看目标能否在预算年度内实现和考核。"
             "每项按满分100分评分，90分以上为优（通过），80至89分为良（协商完善后通过），60至79分为中（修改后重报），"
             "60分以下为差（不通过）。"),
        Para(f"本意见所列问题均经审核人{_who(reviewer)}逐条核实确认。"),
    ])


def _overview_section(document: Document, keyed: Sequence[tuple[int, Project]], grades: Mapping[int, Grade],
                      by_project: Mapping[int | None, list[Finding]],
                      notes: Mapping[int | None, list[Annotation]],
                      changes: Mapping[int | None, list[Revision]]) -> Section:
    projects = [project for _, project in keyed]
    unit = document.money_unit or MoneyUnit.WAN_YUAN
    budget = _sum_yuan(projects, "budget_total") / unit.in_yuan
    fiscal = _sum_yuan(projects, "fiscal_funds") / unit.in_yuan
    other = _sum_yuan(projects, "other_funds") / unit.in_yuan
    indicators = sum(len(project.indicators) for project in projects)
    blocks: list[Para | Table] = [Para(
        f"本部门共报送项目{len(projects)}个，预算数合计{format_amount(budget, unit)}，其中财政资金"
        f"{format_amount(fiscal, unit)}、其他资金{format_amount(other, unit)}；共设绩效指标{indicators}项。")]
    found = [finding for key, _ in keyed for finding in by_project.get(key, [])]
    severities = Counter(finding.severity for finding in found)
    blocks.append(Para(f"审核确认问题{len(found)}个，其中" +
                       "、".join(f"{_severity(s)}{severities[s]}个" for s in Severity) + "。"))
    bands = Counter(grades[key].band for key, _ in keyed if key in grades)
    results = {band: Counter(grades[key].result for key, _ in keyed if key in grades and grades[key].band is band)
               for band in Band}
    rows = []
    graded = sum(bands.values())
    for band in Band:
        share = f"{Decimal(100 * bands[band]) / graded:.1f}%" if graded else "—"
        outcome = "、".join(f"{result.value}{results[band][result]}个" for result in Result if results[band][result])
        rows.append((Cell(band.value), Cell(f"{bands[band]}个"), Cell(share), Cell(outcome or "—")))
    if len(keyed) > graded:
        rows.append((Cell("未评分"), Cell(f"{len(keyed) - graded}个"), Cell("—"), Cell("—")))
    blocks.append(Table(header=("等次", "项目数", "占比", "审核结果"), rows=tuple(rows), widths=(2, 2, 2, 5),
                        caption="表1 项目评分等次分布"))
    # Findings, notes and revisions on the department-wide part belong to no project.
    place = _Place(None)
    own = by_project.get(None, [])
    if own or notes.get(None) or changes.get(None):
        blocks.append(Para("", lead="部门整体绩效目标：", kind="item"))
        blocks.extend(_finding_line(n, finding, place) for n, finding in enumerate(own, start=1))
        blocks.extend(_annotation_line(annotation, place) for annotation in notes.get(None, []))
        blocks.extend(_revision_lines(changes.get(None, []), [], place))
    return Section(title="总体情况", blocks=blocks)


def _project_section(number: int, project: Project, findings: Sequence[Finding],
                     annotations: Sequence[Annotation], revisions: Sequence[Revision], grade: Grade | None,
                     weights: Mapping[Criterion, float], pending: int = 0) -> Section:
    place = _Place(project)
    problems: list[Para | Table] = [_finding_line(n, finding, place) for n, finding in enumerate(findings, start=1)]
    problems.extend(_annotation_line(annotation, place) for annotation in annotations)
    if not problems:
        # a draft (open findings left) says so in every page header, not in the body
        problems.append(Para("未发现需要修改的问题。"))
    suggestions: list[Para | Table] = list(_revision_lines(revisions, findings, place)) or [
        Para("请按上述问题逐项修改。" if findings else "无。")]
    unit_name = project.dept_name.strip()
    return Section(title=project.display_name, number=f"（{chinese_ordinal(number)}）", subsections=[
        Section(title="基本情况", number="1. ", bookmark=False,
                blocks=[*([Para(unit_name, lead="预算单位：", kind="item")] if unit_name else []),
                        *_header_summary(project)]),
        Section(title="评分", number="2. ", bookmark=False, blocks=[_score_table(grade, findings, weights)]),
        Section(title="发现的问题", number="3. ", bookmark=False, blocks=problems),
        Section(title="修改建议", number="4. ", bookmark=False, blocks=suggestions),
        Section(title="审核结果", number="5. ", bookmark=False, blocks=[_result_line(grade)]),
    ])


def _common_section(keyed: Sequence[tuple[int, Project]], by_project: Mapping[int | None, list[Finding]]) -> Section:
    names = {key: project.display_name for key, project in keyed}
    projects_of: dict[str, list[int]] = defaultdict(list)
    example: dict[str, Finding] = {}
    for key, _ in keyed:
        for finding in by_project.get(key, []):
            if key not in projects_of[finding.check_id]:
                projects_of[finding.check_id].append(key)
            example.setdefault(finding.check_id, finding)
    common = sorted(((check_id, keys) for check_id, keys in projects_of.items() if len(keys) >= 2),
                    key=lambda item: (-len(item[1]), item[0]))
    if not common:
        return Section(title="共性问题", blocks=[Para("各项目未发现在两个以上项目中重复出现的问题。")])
    blocks: list[Para | Table] = [Para("以下问题在两个以上项目中出现，建议部门统一梳理修改：")]
    for n, (check_id, keys) in enumerate(common, start=1):
        finding = example[check_id]
        listed = "、".join(names[key] for key in keys)
        blocks.append(Para(
            text=f"{finding.criterion.value}方面，{len(keys)}个项目（{listed}）存在同类问题，例如：{finding.message}",
            lead=f"（{n}）", kind="item"))
    return Section(title="共性问题", blocks=blocks)


def _conclusion_section(department: str, year_text: str, keyed: Sequence[tuple[int, Project]],
                        grades: Mapping[int, Grade], accepted: Sequence[Finding], conclusion: str) -> Section:
    results = Counter(grades[key].result for key, _ in keyed if key in grades)
    counts = "、".join(f"{result.value}{results[result]}个" for result in Result)
    ungraded = sum(1 for key, _ in keyed if key not in grades)
    text = (f"经审核，{department}{year_text}报送的{len(keyed)}个项目绩效目标中，{counts}"
            + (f"，未评分{ungraded}个" if ungraded else "") + "。")
    errors = sum(1 for finding in accepted if finding.severity is Severity.ERROR)
    if errors:
        text += f"审核确认的{errors}个错误须在重新报送前修改。"
    blocks: list[Para | Table] = [Para(text)]
    if conclusion.strip():
        blocks.append(Para(conclusion.strip()))
    blocks.append(Para("请按本意见修改完善绩效目标，并于规定时间内重新报送。"))
    return Section(title="结论", blocks=blocks)


def _appendix(keyed: Sequence[tuple[int, Project]], changes: Mapping[int | None, list[Revision]]) -> Section:
    blocks: list[Para | Table] = [Para("下表按报送文本原样列出各项目的绩效指标；审核人建议修改的单元格标注“【建议】”。")]
    for n, (key, project) in enumerate(keyed, start=1):
        blocks.append(_indicator_table(project, changes.get(key, []), f"附表{n} {project.display_name}"))
    return Section(title="附件：各项目绩效指标表", blocks=blocks, page_break_before=True)
