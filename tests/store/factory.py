"""Generated documents for the store tests: every kind of field, with provenance, varied by a seed."""

from __future__ import annotations

import random

from core.import_report import BlockReport, BlockRole, IgnoredReason, ImportReport, ReportWarning, WarningCode
from core.model import (
    BudgetTable,
    Document,
    DocumentKind,
    Field,
    ImportIssue,
    Indicator,
    Organisation,
    Project,
    Provenance,
    SubGoal,
    Unit,
)
from core.values import MoneyUnit

LEVELS = (("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
          ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标"))
WORDS = ("督查", "热线", "办公", "设备", "培训", "维护", "信息化", "档案", "接待", "保障", "宣传", "调研")


def _f(rng: random.Random, text: str, table: int, row: int, col: int) -> Field:
    page = rng.randint(1, 40) if rng.random() < 0.7 else None
    return Field(text, Provenance(page=page, table=table, row=row, col=col))


def make_indicator(rng: random.Random, table: int, row: int, *, with_basis: bool = True) -> Indicator:
    l1, l2 = rng.choice(LEVELS)
    name = "".join(rng.sample(WORDS, 2)) + rng.choice(("完成率", "次数", "覆盖率", "满意度"))
    return Indicator(
        level1=_f(rng, l1, table, row, 0), level2=_f(rng, l2, table, row, 1),
        level3=_f(rng, name, table, row, 2), description=_f(rng, name + "情况", table, row, 3),
        value=_f(rng, rng.choice(("≥95%", "≤230万元", "31人", "2025年12月31日前", "及时保障", "")), table, row, 4),
        basis=_f(rng, rng.choice(("计划标准", "行业标准", "历史标准")), table, row, 5) if with_basis else None,
        extra={"权重": _f(rng, str(rng.randint(1, 20)), table, row, 6)} if rng.random() < 0.3 else {},
    )


def make_project(rng: random.Random, seq: int, table: int, *, indicators: int | None = None,
                 name: str | None = None, code: str | None = None) -> Project:
    name = name or ("".join(rng.sample(WORDS, 3)) + "项目")
    unit = rng.choice((MoneyUnit.WAN_YUAN, MoneyUnit.YUAN, None))
    count = rng.randint(1, 8) if indicators is None else indicators
    return Project(
        seq=seq, title=Field(name, Provenance(page=seq, paragraph=seq * 3)),
        dept_code=f"115{rng.randint(1, 9):03d}", dept_name="唐山市某单位本级", money_unit=unit,
        code=Field(code or f"130200{25}P{rng.randint(10**10, 10**11):d}", Provenance(table=table, row=0, col=1)),
        name=Field(name, Provenance(table=table, row=0, col=3)),
        budget_total=Field(rng.choice(("12.5", "1,234.00", "230万元", "", "壹万")), Provenance(table=table, row=1, col=1)),
        fiscal_funds=Field("12.5", Provenance(table=table, row=1, col=3)),
        other_funds=None if rng.random() < 0.3 else Field("", Provenance(table=table, row=1, col=5)),
        usage=Field("用于" + name, Provenance(table=table, row=2, col=1)),
        spending_plan=None if rng.random() < 0.2 else {
            k: Field(v, Provenance(table=table, row=3, col=i + 1))
            for i, (k, v) in enumerate(zip(("3月底", "6月底", "10月底", "12月底"), ("25", "50", "", "100"), strict=True))},
        goal=Field("1. 完成" + name + "。\n2. 提高效率。", Provenance(table=table, row=4, col=1)),
        indicators=[make_indicator(rng, table, 6 + i, with_basis=rng.random() < 0.9) for i in range(count)],
        prov=Provenance(page=seq, table=table),
    )


def make_document(seed: int = 0, *, region: str | None = "唐山市", dept_code: str = "113",
                  dept_name: str = "唐山市人民政府办公室", year: int | None = 2025, projects: int = 4,
                  kind: DocumentKind = DocumentKind.PERFORMANCE) -> Document:
    rng = random.Random(seed)
    return Document(
        kind=kind, source_name=f"{year}_{dept_code}_{seed}.docx", sha256="", source_format="docx", year=year,
        year_source="title", money_unit=MoneyUnit.WAN_YUAN,
        org=Organisation(region_hint=region, dept_code=dept_code, dept_name=dept_name,
                         units=[Unit("115001", "督查室本级"), Unit("115003", "热线中心")]),
        overall_goal=Field("全面完成年度工作任务。", Provenance(page=1, paragraph=2)),
        sub_goals=[SubGoal(title=Field("一、政务服务", Provenance(paragraph=4)),
                           goal=Field("提升服务质量", Provenance(paragraph=5)), indicators=None,
                           description=Field("说明文字", Provenance(paragraph=6)))],
        measures=[Field("加强组织领导。", Provenance(paragraph=9)), Field("", Provenance(paragraph=10))],
        projects=[make_project(rng, i + 1, i) for i in range(projects)],
        budget_tables=None if kind is DocumentKind.PERFORMANCE else [BudgetTable(
            title=Field("收支总表", Provenance(page=3)), dept=None, year=Field("2025年"),
            unit=Field("单位：万元"), rows=[[Field("项目"), Field("金额", Provenance(table=0, row=0, col=1))]])],
        issues=[ImportIssue(code="row_split", message="第3页 表2 第4行 跨页", prov=Provenance(page=3, table=1),
                            project_seq=1, column="value", indicator_index=0)],
        page_count=12,
    )


def make_report(*, projects: int = 1, warnings: tuple[WarningCode, ...] = (WarningCode.FEWER_INDICATORS,)
                ) -> ImportReport:
    """An import report with every kind of block and the given warnings (with their parameters)."""
    params: dict[WarningCode, dict[str, object]] = {
        WarningCode.NO_PROJECTS: {"tables": 3},
        WarningCode.FEWER_INDICATORS: {"grid_rows": 12, "read_rows": 9},
        WarningCode.TABLE_IGNORED: {"rows": 7},
        WarningCode.FUZZY_LABEL: {"label": "项目名", "known": "项目名称", "score": 91},
        WarningCode.PROJECT_WITHOUT_INDICATORS: {"project": "督查专项经费"},
        WarningCode.ROTATED_PAGES: {"pages": 2},
        WarningCode.PDF_FALLBACK: {"reason": "第 2 页有 PDFium 读不出前导空格的旋转文字"},
    }
    blocks = [BlockReport(BlockRole.FRONT_TEXT, paragraph=0, page=1, rows=6, read_rows=4),
              BlockReport(BlockRole.IGNORED, table=0, page=2, rows=10, reason=IgnoredReason.TOC, score=1)]
    blocks += [BlockReport(BlockRole.PROJECT, table=i + 1, page=i + 3, rows=12, read_rows=9, project=i, score=8)
               for i in range(projects)]
    return ImportReport(
        blocks=blocks, tables=projects + 1, projects=projects, indicator_rows=9 * projects,
        indicator_grid_rows=12 * projects, fields=40 * projects,
        warnings=[ReportWarning(code, page=3 if code is not WarningCode.NO_PROJECTS else None,
                                table=1 if code is not WarningCode.NO_PROJECTS else None, params=params[code])
                  for code in warnings])
