"""What the review memo (审核意见) says, built from a document and the reviewer's layer.

`build_memo` is a pure function: the department's `Document`, the findings (only
ACCEPTED ones appear; dismissed and open ones never), annotations, suggested
revisions, grades per project, who reviews, and optionally last year's change list
(the `Change` records of core/compare, kinds as in shared/tools/score_compare.py). It
returns a `core.memo.blocks.Memo` that both renderers lay out.

The memo is a 公文 in a reviewer's words (GB/T 9704): the 版头 and 文号 of the bureau's
letterhead, the title "关于……的审核意见", the 主送机关, an opening that cites the
target-setting rules, then 一、总体情况 (what was sent, the conclusions), 二、共性问题
(a problem of several projects, once, the projects named), 三、项目审核意见 (per project
its 审核结论 and the accepted problems as numbered sentences: where, what is wrong, what
to change it to), 与上年度对比, 有关要求; the 落款 and 成文日期; and, only when a cell
must change, one 附件 listing those cells (原值 → 建议值, with the reason).

Findings, annotations, revisions and grades point at projects by `project_key`:
the project's `seq`, or its 1-based position when the document gave it no number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from core.checks.describe import column_label
from core.checks.grading import grade_project
from core.checks.settings import DEFAULT_SETTINGS
from core.memo.blocks import Block, Cell, Cover, Memo, Metadata, Para, Section, Signature, Table
from core.memo.letterhead import Letterhead
from core.messages import label
from core.model import Document, Indicator, Project
from core.numerals import to_chinese_number
from core.progress import NoProgress, Progress, check
from core.review import (
    Annotation,
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


def _header(name: str) -> str:
    return label(f"field.{name}", default=name)


# The four criteria weigh the same by default (CHECKS.md, Grading).
DEFAULT_WEIGHTS: dict[Criterion, float] = dict.fromkeys(Criterion, 25.0)


@dataclass(frozen=True, slots=True)
class Reviewer:
    """Who reviews, for which organisation, on which day; the bureau's letterhead, and the
    memo's 文号 serial when the 文书 has assigned one."""

    name: str
    organisation: str
    date: dt.date
    letterhead: Letterhead = field(default_factory=Letterhead)
    serial: int | None = None


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


# A quote longer than this is cut in a sentence of the memo: the reader has the document.
MAX_QUOTE = 40


def short_quote(text: str) -> str:
    """`text` on one line, cut after MAX_QUOTE characters with "……"."""
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_QUOTE else flat[:MAX_QUOTE].rstrip("，。、；： ") + "……"


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
    to. No rule id, severity or field name in the body (the 附件 table lists the rule)."""
    where = place.describe(finding.location)
    message = finding.message.strip()
    quote = short_quote(finding.quote)
    # the message usually quotes the text already; say it once
    shown = quoted(quote) if quote and finding.quote.strip() not in message and quote not in message else ""
    text = f"{where}{shown}：{message}"
    if not text.endswith(("。", "；", "！", "？")):
        text += "。"
    suggestion = (finding.suggestion or "").strip().rstrip("。")
    if suggestion:
        text += f"建议将{quoted(quote)}修改为{quoted(suggestion)}。" if quote else f"建议修改为{quoted(suggestion)}。"
    return Para(text=text, lead=f"{number}．")


def _annotation_line(number: int, annotation: Annotation, place: _Place) -> Para:
    text = annotation.text.strip()
    if not text.endswith(("。", "；", "！", "？")):
        text += "。"
    return Para(text=f"{place.describe(annotation.location)}：{text}", lead=f"{number}．")


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One row of the 附件 修改清单: where, the value as submitted, the value proposed, and why."""

    project: str
    place: str
    original: str
    suggested: str
    reason: str


def _change_rows(project_name: str, revisions: Sequence[Revision], findings: Sequence[Finding],
                 place: _Place) -> list[ChangeRow]:
    """The cells the department must change: the reviewer's revisions, then the suggestions of
    accepted findings on cells the reviewer did not revise (one row per cell)."""
    rows: list[ChangeRow] = []
    reasons: dict[str, str] = {}
    for finding in findings:
        reasons.setdefault(finding.location.key(), finding.message.strip().rstrip("。"))
    revised_at: set[str] = set()
    for revision in revisions:
        key = revision.location.key()
        revised_at.add(key)
        rows.append(ChangeRow(project_name, place.describe(revision.location), revision.original or "（空白）",
                              revision.suggested, revision.note.strip() or reasons.get(key, "")))
    for finding in findings:
        key = finding.location.key()
        if finding.suggestion and key not in revised_at:
            revised_at.add(key)
            rows.append(ChangeRow(project_name, place.describe(finding.location), finding.quote or "（空白）",
                                  finding.suggestion.strip(), reasons.get(key, "")))
    return rows


def _result_text(grade: Grade | None, accepted: int) -> str:
    """A project's 审核结论 in one sentence, with the reviewer's reason when they set it."""
    if grade is None:
        return "未评定。"
    text = f"{grade.result.value}（{grade.band.value}，{format_score(grade.total)}分）。"
    if not accepted and grade.result is Result.PASS:
        text = f"绩效目标设置完整、合理，{text}"
    reason = grade.conclusion.strip()
    if reason:
        text += reason if reason.endswith("。") else reason + "。"
    return text


def _comparison_paragraph(changes: Sequence[Change], previous_year: int | None) -> Para:
    kinds = Counter(change.kind.value for change in changes)
    summary = "、".join(f"{label(f'change.{kind}', default=kind)}{count}处" for kind, count in kinds.items())
    than = f"{previous_year}年度" if previous_year else "上年度"
    if not changes:
        return Para(f"与{than}相比，绩效目标没有变化。")
    return Para(f"与{than}相比，绩效目标共有{len(changes)}处变化：{summary}。变化较大的项目请在重新报送时说明理由。")


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

    `conclusion` is the reviewer's own closing text, added to the 有关要求;
    `weights` are the criteria's maximum scores the grades are computed with.
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
    # Open findings stay out of the memo; their number goes into every page header of a
    # draft, so it is not mistaken for a finished review.
    pending = sum(1 for finding in findings if finding.state is FindingState.OPEN)
    notes: dict[int | None, list[Annotation]] = defaultdict(list)
    for annotation in annotations:
        notes[annotation.location.project_seq].append(annotation)
    revised: dict[int | None, list[Revision]] = defaultdict(list)
    for revision in revisions:
        revised[revision.location.project_seq].append(revision)

    department = document.org.dept_name.strip() or document.source_name
    year_text = f"{document.year}年度" if document.year else ""
    title = f"关于{department}{year_text}部门预算绩效目标的审核意见"
    head = reviewer.letterhead

    change_rows = _change_rows("部门整体", revised.get(None, []), by_project.get(None, []), _Place(None))
    project_sections: list[Section] = []
    for done, (key, project) in enumerate(keyed):
        check(progress)
        progress.report(done, len(keyed), f"审核意见：{project.display_name}")
        place = _Place(project)
        project_sections.append(_project_section(done + 1, project, by_project[key], notes[key], grades.get(key),
                                                 place))
        change_rows += _change_rows(project.display_name, revised[key], by_project[key], place)

    sections = [_overview_section(document, keyed, grades, by_project, notes, year_text)]
    common = _common_section(keyed, by_project)
    if common is not None:
        sections.append(common)
    sections.append(Section(title="项目审核意见", blocks=[] if keyed else [Para("本文件没有项目绩效目标表。")],
                            subsections=project_sections))
    if comparison is not None:
        sections.append(Section(title="与上年度对比", blocks=[_comparison_paragraph(comparison, previous_year)]))
    sections.append(_requirements_section(accepted, bool(change_rows), conclusion))
    for number, section in enumerate(sections, start=1):
        section.number = f"{chinese_ordinal(number)}、"
    appendix = [_appendix(change_rows)] if change_rows else []
    progress.report(len(keyed), len(keyed), "审核意见")
    issuer = head.issuer.strip() or reviewer.organisation.strip()
    return Memo(
        cover=Cover(title=title, department=department, year=document.year, mark=head.heading_mark,
                    doc_number=head.number_for(reviewer.date, reviewer.serial), signer=head.signer,
                    recipient=head.recipient.strip() or department),
        opening=_opening(document, year_text, head.rules, len(keyed)),
        sections=sections + appendix,
        attachment_notes=[APPENDIX_TITLE] if appendix else [],
        signature=Signature(organisation=issuer, reviewer=reviewer.name, date=reviewer.date, contact=head.contact),
        metadata=Metadata(title=title, author=reviewer.name or issuer,
                          subject=f"{department}{year_text}部门预算绩效目标审核意见（{issuer}）",
                          keywords=("预算绩效", "绩效目标", "审核意见", department)),
        project_names=[project.display_name for _, project in keyed],
        appendix_sections=len(appendix),
        open_findings=pending,
    )


APPENDIX_TITLE = "绩效目标修改清单"


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


# The rules every memo cites: target setting, not evaluation (财预〔2015〕88号).
BASE_RULES = (
    "《中华人民共和国预算法》",
    "《中共中央 国务院关于全面实施预算绩效管理的意见》",
    "《财政部关于印发〈中央部门预算绩效目标管理办法〉的通知》（财预〔2015〕88号）",
)


def _opening(document: Document, year_text: str, rules: Sequence[str], projects: int) -> list[Para]:
    cited = "、".join([*BASE_RULES, *rules])
    return [
        Para(f"你单位报送的{year_text}部门预算绩效目标（{projects}个项目）收悉。根据{cited}等规定，"
             "我们从完整性、相关性、适当性、可行性四个方面对绩效目标进行了审核。现将审核意见函告如下："),
    ]


def _overview_section(document: Document, keyed: Sequence[tuple[int, Project]], grades: Mapping[int, Grade],
                      by_project: Mapping[int | None, list[Finding]],
                      notes: Mapping[int | None, list[Annotation]], year_text: str) -> Section:
    projects = [project for _, project in keyed]
    unit = document.money_unit or MoneyUnit.WAN_YUAN
    budget = _sum_yuan(projects, "budget_total") / unit.in_yuan
    fiscal = _sum_yuan(projects, "fiscal_funds") / unit.in_yuan
    other = _sum_yuan(projects, "other_funds") / unit.in_yuan
    indicators = sum(len(project.indicators) for project in projects)
    results = Counter(grades[key].result for key, _ in keyed if key in grades)
    outcome = "，".join(f"{result.value}{results[result]}个" for result in Result if results[result])
    blocks: list[Block] = [Para(
        f"{year_text}你单位共报送项目绩效目标{len(projects)}个，预算数合计{format_amount(budget, unit)}"
        f"（其中财政资金{format_amount(fiscal, unit)}，其他资金{format_amount(other, unit)}），"
        f"设置绩效指标{indicators}项。" + (f"经审核，{outcome}。" if outcome else ""))]
    # Findings and notes on the department-wide part belong to no project.
    place = _Place(None)
    own = [_finding_line(n, finding, place) for n, finding in enumerate(by_project.get(None, []), start=1)]
    own += [_annotation_line(len(own) + n, annotation, place)
            for n, annotation in enumerate(notes.get(None, []), start=1)]
    if own:
        blocks.append(Para("部门整体绩效目标存在以下问题："))
        blocks.extend(own)
    return Section(title="总体情况", blocks=blocks)


def _project_section(number: int, project: Project, findings: Sequence[Finding],
                     annotations: Sequence[Annotation], grade: Grade | None, place: _Place) -> Section:
    lines: list[Block] = [_finding_line(n, finding, place) for n, finding in enumerate(findings, start=1)]
    lines += [_annotation_line(len(findings) + n, annotation, place)
              for n, annotation in enumerate(annotations, start=1)]
    blocks: list[Block] = [Para(_result_text(grade, len(findings)), lead="审核结论：")]
    if lines:
        blocks.append(Para("存在的问题及修改意见："))
        blocks.extend(lines)
    return Section(title=project.display_name, number=f"（{chinese_ordinal(number)}）", blocks=blocks)


def _common_section(keyed: Sequence[tuple[int, Project]],
                    by_project: Mapping[int | None, list[Finding]]) -> Section | None:
    """The same problem in two or more projects, said once with the projects named."""
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
        return None
    blocks: list[Block] = [Para("以下问题在多个项目中存在，请统一梳理修改：")]
    for n, (check_id, keys) in enumerate(common, start=1):
        finding = example[check_id]
        listed = "、".join(names[key] for key in keys)
        message = finding.message.strip().rstrip("。")
        blocks.append(Para(text=f"{listed}等{len(keys)}个项目{finding.criterion.value}方面存在同类问题，"
                                f"如：{message}。", lead=f"{n}．"))
    return Section(title="共性问题", blocks=blocks)


def _requirements_section(accepted: Sequence[Finding], has_changes: bool, conclusion: str) -> Section:
    blocks: list[Block] = []
    errors = sum(1 for finding in accepted if finding.severity is Severity.ERROR)
    first = "请你单位对照上述意见逐项修改完善绩效目标"
    if has_changes:
        first += f"（需修改的内容见附件《{APPENDIX_TITLE}》）"
    first += "，并在规定时间内重新报送。"
    if errors:
        first += f"其中{errors}处错误须在重新报送前改正。"
    blocks.append(Para(first))
    if conclusion.strip():
        blocks.append(Para(conclusion.strip()))
    return Section(title="有关要求", blocks=blocks)


def _appendix(rows: Sequence[ChangeRow]) -> Section:
    table = Table(header=("序号", "项目", "位置", "原值", "建议值", "修改理由"),
                  rows=tuple((Cell(str(n)), Cell(row.project), Cell(row.place), Cell(row.original),
                              Cell(row.suggested), Cell(row.reason))
                             for n, row in enumerate(rows, start=1)),
                  widths=(1.1, 3.2, 3.2, 3.2, 3.2, 4.2))
    return Section(title=APPENDIX_TITLE, blocks=[table], page_break_before=True)
