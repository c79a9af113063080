"""Display names of the domain's fields, columns, severities and states (translatable).

Tables at class level use QT_TRANSLATE_NOOP and are translated where shown,
with the context "Labels".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.review import FindingState, Location, Severity
from ui.settings import QT_TRANSLATE_NOOP

FIELD_LABELS: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("Labels", "项目编码"),
    "name": QT_TRANSLATE_NOOP("Labels", "项目名称"),
    "budget_total": QT_TRANSLATE_NOOP("Labels", "预算数"),
    "fiscal_funds": QT_TRANSLATE_NOOP("Labels", "其中：财政资金"),
    "other_funds": QT_TRANSLATE_NOOP("Labels", "其他资金"),
    "usage": QT_TRANSLATE_NOOP("Labels", "资金用途"),
    "spending_plan": QT_TRANSLATE_NOOP("Labels", "资金支出计划（%）"),
    "goal": QT_TRANSLATE_NOOP("Labels", "绩效目标"),
    "overall_goal": QT_TRANSLATE_NOOP("Labels", "总体绩效目标"),
    "measures": QT_TRANSLATE_NOOP("Labels", "工作保障措施"),
    "sub_goals": QT_TRANSLATE_NOOP("Labels", "分项绩效目标"),
    "level1": QT_TRANSLATE_NOOP("Labels", "一级指标"),
    "level2": QT_TRANSLATE_NOOP("Labels", "二级指标"),
    "level3": QT_TRANSLATE_NOOP("Labels", "三级指标"),
    "description": QT_TRANSLATE_NOOP("Labels", "指标描述"),
    "value": QT_TRANSLATE_NOOP("Labels", "指标值"),
    "basis": QT_TRANSLATE_NOOP("Labels", "指标值确定依据"),
}

SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: QT_TRANSLATE_NOOP("Labels", "错误"),
    Severity.WARNING: QT_TRANSLATE_NOOP("Labels", "警告"),
    Severity.NOTE: QT_TRANSLATE_NOOP("Labels", "提示"),
}

STATE_LABELS: dict[FindingState, str] = {
    FindingState.OPEN: QT_TRANSLATE_NOOP("Labels", "待处理"),
    FindingState.ACCEPTED: QT_TRANSLATE_NOOP("Labels", "已采纳"),
    FindingState.DISMISSED: QT_TRANSLATE_NOOP("Labels", "已驳回"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def field_label(name: str) -> str:
    """'spending_plan.6月底' → '资金支出计划（%） 6月底'; unknown names are shown as they are."""
    base, _, sub = name.partition(".")
    label = tr(FIELD_LABELS[base]) if base in FIELD_LABELS else base
    return f"{label} {sub}" if sub else label


def location_label(location: Location) -> str:
    """Where a finding or annotation sits, in words: '第3行 指标值', '预算数', '部门'."""
    parts: list[str] = []
    if location.indicator is not None:
        parts.append(QCoreApplication.translate("Labels", "第{n}行").format(n=location.indicator + 1))
        if location.column:
            parts.append(field_label(location.column))
    elif location.field:
        parts.append(field_label(location.field))
    elif location.project_seq is None:
        parts.append(tr(QT_TRANSLATE_NOOP("Labels", "部门整体")))
    else:
        parts.append(tr(QT_TRANSLATE_NOOP("Labels", "整个项目")))
    return " ".join(parts)
