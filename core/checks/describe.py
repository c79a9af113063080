"""Words for findings: the Chinese name of a place, and a finding as a plain dict for JSON.

Shared by the command line, the window and the memo so that a place reads the
same everywhere ("项目3 · 指标第2行 · 指标值").
"""

from __future__ import annotations

from typing import Any

from core.review import Finding, Location

FIELD_LABELS: dict[str, str] = {
    "code": "项目编码", "name": "项目名称", "budget_total": "预算数", "fiscal_funds": "财政资金",
    "other_funds": "其他资金", "usage": "资金用途", "goal": "绩效目标", "spending_plan": "资金支出计划",
    "indicators": "绩效指标表", "overall_goal": "总体绩效目标", "title": "表名",
    "cost_total": "成本构成合计",
}
COLUMN_LABELS: dict[str, str] = {
    "level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "description": "指标描述",
    "value": "指标值", "basis": "指标值确定依据",
}


def field_label(name: str) -> str:
    if name.startswith("spending_plan."):
        return f"资金支出计划·{name.split('.', 1)[1]}"
    if name.startswith("import."):
        return "导入"
    if name.startswith("totals."):
        return f"合计行{int(name.split('.', 1)[1]) + 1}"
    return FIELD_LABELS.get(name, name)


def place_text(location: Location) -> str:
    """Where a finding points, in Chinese, without the project: "指标第2行·指标值", "预算数"."""
    parts: list[str] = []
    if location.indicator is not None:
        parts.append(f"指标第{location.indicator + 1}行")
    elif location.field:
        parts.append(field_label(location.field))
    if location.column:
        parts.append(COLUMN_LABELS.get(location.column, location.column))
    return "·".join(parts) or "全文"


def finding_to_dict(finding: Finding, project_name: str | None = None) -> dict[str, Any]:
    """A finding as JSON-ready data (what `check --json` prints)."""
    loc = finding.location
    return {
        "check_id": finding.check_id, "severity": finding.severity.value, "criterion": finding.criterion.value,
        "project_seq": loc.project_seq, "project": project_name,
        "location": {"field": loc.field, "indicator": loc.indicator, "column": loc.column},
        "place": place_text(loc), "quote": finding.quote, "message": finding.message,
        "suggestion": finding.suggestion, "prov": finding.prov.to_dict() if finding.prov else None,
        "source_place": finding.prov.describe() if finding.prov else None,
        "state": finding.state.value, "reason": finding.reason,
    }
