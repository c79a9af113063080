"""Hand-built departments for the memo tests and benchmark: documents, findings, notes, grades.

Generated, not read from the corpus, so the memo tests do not depend on the importer;
names and values vary with the project number so no two projects look alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core.memo.content import Reviewer
from core.memo.letterhead import Letterhead
from core.model import Document, DocumentKind, Field, Indicator, Organisation, Project, Provenance, Unit
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

PROJECT_TOPICS = ("政务督查督办", "12345热线运行维护", "机关食堂运转保障", "档案数字化加工", "应急值守保障",
                  "信息化平台运维", "公务用车运行", "政策研究课题", "办公楼维修改造", "人才引进补助")
ROWS = (
    ("产出指标", "数量指标", "督查事项办结数量", "全年督查事项办结", "≥{n}0件", "计划标准"),
    ("产出指标", "质量指标", "办结合格率", "办结事项验收合格", "≥95%", "行业标准"),
    ("产出指标", "时效指标", "完成时间", "年底前完成", "{year}年12月31日前", "计划标准"),
    ("产出指标", "成本指标", "项目成本", "控制在预算内", "≤{budget}万元", "预算批复"),
    ("效益指标", "社会效益指标", "群众诉求解决率", "诉求按期办结", "有效提升", "历史标准"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "问卷调查满意度", "≥90%", "满意度调查"),
)


def make_project(n: int, year: int = 2025, rows: int = len(ROWS)) -> Project:
    topic = PROJECT_TOPICS[(n - 1) % len(PROJECT_TOPICS)]
    budget = 20 * n + 3
    indicators = []
    for i in range(rows):
        template = ROWS[i % len(ROWS)]
        texts = [t.format(n=n, year=year, budget=budget) for t in template]
        if i >= len(ROWS):
            texts[2] = f"{texts[2]}（第{i + 1}项）"
        cells = [Field(t, Provenance(page=n + 1, table=n, row=i + 2, col=c)) for c, t in enumerate(texts)]
        indicators.append(Indicator(*cells))
    return Project(
        seq=n, title=Field(f"{topic}项目（{n}）"), dept_code=f"1150{n:02d}", dept_name=f"督查室本级{n}",
        money_unit=MoneyUnit.WAN_YUAN,
        code=Field(f"13020025P0068411{n:04d}R"), name=Field(f"{topic}项目（{n}）"),
        budget_total=Field(f"{budget}.50"), fiscal_funds=Field(f"{budget}.50"), other_funds=Field(""),
        usage=Field(f"用于{topic}工作的日常运转、人员培训和设备购置，保障年度任务按期完成。"),
        spending_plan={"3月底": Field("25%"), "6月底": Field("50%"), "10月底": Field("80%"), "12月底": Field("100%")},
        goal=Field(f"1. 按时完成{topic}各项任务；2. 服务对象满意度达到90%以上；3. 资金使用规范、“专款专用”。"),
        indicators=indicators,
    )


def make_document(projects: int = 3, rows: int = len(ROWS), year: int = 2025) -> Document:
    return Document(
        kind=DocumentKind.PERFORMANCE, source_name=f"{year}_示例市_政府办_A.docx", sha256="0" * 64,
        source_format="docx", year=year, year_source="title", money_unit=MoneyUnit.WAN_YUAN,
        org=Organisation(region_hint="示例市", dept_code="113", dept_name="示例市人民政府办公室",
                         units=[Unit("115001", "示例市人民政府办公室本级")]),
        overall_goal=Field("保障政府机关高效运转，提升政务服务水平。"),
        projects=[make_project(n, year, rows) for n in range(1, projects + 1)],
    )


@dataclass
class Review:
    """The reviewer's layer over a document, with the texts a memo must (not) contain."""

    findings: list[Finding] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    grades: dict[int, Grade] = field(default_factory=dict)

    @property
    def accepted(self) -> list[Finding]:
        return [f for f in self.findings if f.state is FindingState.ACCEPTED]

    @property
    def dismissed(self) -> list[Finding]:
        return [f for f in self.findings if f.state is FindingState.DISMISSED]


BANDS = ((Band.EXCELLENT, Result.PASS, 93.0), (Band.GOOD, Result.PASS_AFTER_CONSULTATION, 84.5),
         (Band.FAIR, Result.REVISE_AND_RESUBMIT, 71.0), (Band.POOR, Result.REJECT, 52.0))


def make_review(document: Document) -> Review:
    """Per project: accepted findings (E1 everywhere, so 共性问题 has it), one dismissed,
    one open, an annotation, a revision, a grade."""
    review = Review()
    for project in document.projects:
        n = project.seq or 0
        vague = Location(project_seq=n, indicator=4, column="value")
        review.findings += [
            Finding("E1", Severity.WARNING, Criterion.FEASIBILITY, vague, "有效提升",
                    f"指标值“有效提升”无法考核，第{n}个项目应改为可衡量的数值。", suggestion="≥95%",
                    state=FindingState.ACCEPTED),
            Finding("A6", Severity.WARNING, Criterion.COMPLETENESS, Location(project_seq=n, indicator=1, column="basis"),
                    "行业标准", f"项目{n}的指标值依据过于笼统<需说明>&来源。", state=FindingState.ACCEPTED),
            Finding("C6", Severity.ERROR, Criterion.APPROPRIATENESS, Location(project_seq=n, indicator=5),
                    "≥90%", f"驳回的发现{n}号：满意度目标设置不当", state=FindingState.DISMISSED, reason="有调查依据"),
            Finding("B6", Severity.NOTE, Criterion.RELEVANCE, Location(project_seq=n, field="goal"),
                    "", f"未处理的发现{n}号：目标名词未覆盖", state=FindingState.OPEN),
        ]
        review.annotations.append(Annotation(Location(project_seq=n, indicator=2, column="value"),
                                             f"批注{n}：请核实完成时间是否为{document.year}年底，并补充≤12月31日的节点安排。",
                                             author="张审核"))
        review.revisions.append(Revision(Location(project_seq=n, indicator=0, column="value"),
                                         original=project.indicators[0].value.raw, suggested=f"≥{n}5件"))
        band, result, total = BANDS[(n - 1) % len(BANDS)]
        review.grades[n] = Grade(scores={c: total / 4 for c in Criterion}, total=total, band=band, result=result,
                                 conclusion=f"项目{n}结论。" if n % 2 else "")
    review.annotations.append(Annotation(Location(field="overall_goal"), "部门整体目标表述宜更具体。", author="张审核"))
    return review


REVIEWER = Reviewer(name="张审核", organisation="示例市财政局预算绩效管理科", date=dt.date(2025, 3, 8))

# A bureau's letterhead: 版头, 文号 with its serial, a contact line and a local rule.
LETTERHEAD = Letterhead(issuer="示例市财政局", doc_number="示财绩审〔{year}〕{serial}号",
                        contact="联系人：张审核，电话：0315-2801234",
                        rules=("《示例省省级部门预算绩效目标管理办法》",))
BUREAU = Reviewer(name="张审核", organisation="示例市财政局预算绩效管理科", date=dt.date(2025, 3, 8),
                  letterhead=LETTERHEAD, serial=7)
