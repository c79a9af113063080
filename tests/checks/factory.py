"""Small Documents for check tests: a clean project that no check objects to, variants of it,
and Documents built from the truth JSON (tests/fixtures/truthdoc.py)."""

from __future__ import annotations

import dataclasses
from typing import Any

from core.model import (
    Document,
    DocumentKind,
    Field,
    ImportIssue,
    Indicator,
    Organisation,
    Project,
    Provenance,
)
from core.values import MoneyUnit
from tests.fixtures.truthdoc import document_from_truth as shared_document_from_truth
from tests.fixtures.truthdoc import truth_names as truth_names

CLEAN_ROWS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("产出指标", "数量指标", "购置办公设备数量", "购置办公设备的台数", "≥20台", "采购计划"),
    ("产出指标", "数量指标", "培训人员人次", "参加设备使用培训的人次", "≥50人次", "培训方案"),
    ("产出指标", "质量指标", "设备验收合格率", "验收合格设备占购置设备的比例", "≥98%", "行业标准"),
    ("产出指标", "时效指标", "设备购置完成时间", "全部设备完成购置的时间", "2025年6月30日前", "采购计划"),
    ("产出指标", "成本指标", "设备单价", "每台设备的平均购置成本", "≤4.5万元/台", "市场询价"),
    ("效益指标", "社会效益指标", "公文办理时长", "平均每件公文的办理时长", "≤2天", "历史数据"),
    ("效益指标", "可持续影响指标", "设备使用年限", "设备正常使用的年限", "≥6年", "设备说明书"),
    ("满意度指标", "服务对象满意度指标", "使用人员满意度", "问卷调查中表示满意的使用人员比例", "≥90%",
     "满意度问卷调查"),
)


def indicator(level1: str = "产出指标", level2: str = "数量指标", level3: str = "购置办公设备数量",
              description: str = "购置办公设备的台数", value: str = "≥20台", basis: str | None = "采购计划",
              row: int = 0) -> Indicator:
    cells = [Field(text, Provenance(table=0, row=row, col=col))
             for col, text in enumerate((level1, level2, level3, description, value))]
    return Indicator(*cells, basis=None if basis is None else Field(basis, Provenance(table=0, row=row, col=5)))


def clean_rows() -> list[Indicator]:
    return [indicator(*row, row=6 + n) for n, row in enumerate(CLEAN_ROWS)]


def project(seq: int = 1, indicators: list[Indicator] | None = None, unit: MoneyUnit = MoneyUnit.WAN_YUAN,
            spending_plan: dict[str, str] | None = None, **header: str | None) -> Project:
    """A project no check objects to; pass header fields (None = absent) or rows to vary it."""
    values: dict[str, str | None] = {
        "code": "13020025P00000000001A", "name": "办公设备购置及培训经费", "budget_total": "100.00",
        "fiscal_funds": "100.00", "other_funds": "", "usage": "用于购置办公设备和组织使用培训",
        "goal": "1.购置办公设备20台，培训人员50人次",
    }
    values.update(header)
    fields = {name: None if text is None else Field(text, Provenance(table=seq - 1, row=n, col=1))
              for n, (name, text) in enumerate(values.items())}
    plan = {"3月底": "25%", "6月底": "50%", "10月底": "75%", "12月底": "100%"} if spending_plan is None \
        else spending_plan
    return Project(seq=seq, title=Field(f"{values['name']}绩效目标表"), dept_code="115001", dept_name="示范单位",
                   money_unit=unit, spending_plan={k: Field(v, Provenance(table=seq - 1, row=3, col=i))
                                                   for i, (k, v) in enumerate(plan.items())},
                   indicators=clean_rows() if indicators is None else indicators,
                   prov=Provenance(table=seq - 1), **fields)


def document(*projects: Project, year: int | None = 2025, issues: list[ImportIssue] | None = None,
             unit: MoneyUnit = MoneyUnit.WAN_YUAN) -> Document:
    return Document(kind=DocumentKind.PERFORMANCE, source_name="示范.docx", sha256="0" * 64, source_format="docx",
                    year=year, year_source="test", money_unit=unit,
                    org=Organisation(region_hint="唐山市", dept_code="115001", dept_name="示范单位"),
                    projects=list(projects) or [project()], issues=list(issues or []))


def with_row(base: Project, index: int, **cells: str | None) -> Project:
    """`base` with row `index` changed (level1=…, value=…, basis=None …)."""
    rows = list(base.indicators)
    old = rows[index]
    texts: dict[str, Any] = {c: getattr(old, c).raw if getattr(old, c) is not None else None
                             for c in ("level1", "level2", "level3", "description", "value", "basis")}
    texts.update(cells)
    rows[index] = indicator(**texts, row=old.prov.row or 0)
    return dataclasses.replace(base, indicators=rows)


def document_from_truth(name: str) -> Document:
    """The Document an exact import of tests/fixtures/truths/<name>.json gives."""
    return shared_document_from_truth(name)
