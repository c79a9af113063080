"""Small hand-made documents for the comparison's unit tests (truth-dict shaped, see truthdoc.py)."""

from __future__ import annotations

from typing import Any

from core.model import Document
from tests.compare.truthdoc import document_from_truth


def row(level3: str, value: str, level2: str = "数量指标", level1: str = "产出指标", *,
        description: str | None = None, basis: str = "计划标准") -> dict[str, Any]:
    return {"level1": level1, "level2": level2, "level3": level3, "description": description or level3,
            "value": value, "basis": basis}


def project(name: str, code: str, budget: str = "100.00", rows: list[dict[str, Any]] | None = None,
            seq: int = 1, unit: str = "万元") -> dict[str, Any]:
    return {"seq": seq, "title": f"{name}绩效目标表", "dept_code": "101001", "dept_name": "某局本级", "unit": unit,
            "code": code, "name": name, "budget_total": budget, "fiscal_funds": budget, "other_funds": "",
            "usage": "用于保障工作", "spending_plan": {"3月底": "25%", "6月底": "50%", "10月底": "75%", "12月底": "100%"},
            "goal": "1.保障工作开展", "indicators": rows if rows is not None else default_rows()}


def default_rows() -> list[dict[str, Any]]:
    return [row("培训人数", "120人"), row("合格率", "≥95%", "质量指标"), row("完成时限", "2025年12月31日前", "时效指标"),
            row("项目成本", "≤100万元", "成本指标"), row("工作效率提升", "明显提升", "社会效益指标", "效益指标"),
            row("服务对象满意度", "≥90%", "服务对象满意度指标", "满意度指标")]


def document(projects: list[dict[str, Any]], year: int | None = 2025, unit: str = "万元",
             overall_goal: str = "做好2025年度各项工作。") -> Document:
    for k, p in enumerate(projects):
        p["seq"] = k + 1
    truth = {"org": {"region_hint": "某市", "dept_code": "101001", "dept_name": "某局本级"}, "year": year,
             "unit": unit, "overall_goal": overall_goal, "sub_goals": [], "measures": ["（一）加强管理。"],
             "projects": projects}
    return document_from_truth(truth)
