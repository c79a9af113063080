"""Column and label recognition as data: the names each column or header field goes by.

A new template is a new entry here, not new code. Keys are compared with
`text.label_key` (whitespace and colons folded). The city template's names come
first; the others are from other provinces' forms (../shared/corpus/realworld).
"""

from __future__ import annotations

import re

from core.importing.text import label_key

# Indicator table columns: field → the header texts it goes by.
INDICATOR_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "level3": ("三级指标", "指标内容", "指标名称", "三级指标名称"),
    "description": ("绩效指标描述", "指标描述", "指标解释", "绩效标准", "计算公式", "指标说明"),
    "value": ("指标值", "目标值", "当年预期实现值", "本年度计划水平", "年度指标值", "预期目标值", "绩效指标值"),
    "basis": ("指标值确定依据", "指标值依据", "评(扣)分标准", "评分标准", "扣分标准", "备注", "确定依据"),
}

# Columns some templates add; kept in Indicator.extra under their header text.
EXTRA_COLUMN_NAMES: tuple[str, ...] = (
    "权重", "分值", "计量单位", "指标方向", "指标性质", "指标值类型", "上年度实际水平", "上年实际值",
)

# Project header fields: field → the labels written in front of the value.
HEADER_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "code": ("项目编码", "项目代码", "项目编号"),
    "name": ("项目名称",),
    "budget_total": ("预算数", "年度资金总额", "资金总额", "预算金额", "项目资金总额", "申请金额"),
    "fiscal_funds": ("其中：财政资金", "财政资金", "其中：财政拨款", "财政拨款"),
    "other_funds": ("其他资金", "其中：其他资金"),
    "usage": ("资金用途", "项目资金用途"),
    "goal": ("绩效目标", "年度绩效目标", "项目绩效目标", "年度目标"),
}

# Row labels that only introduce the budget rows (their merged cell spans the usage row).
BUDGET_BLOCK_LABELS: tuple[str, ...] = ("预算规模及资金用途", "预算规模", "资金情况", "资金情况(万元)")
SPENDING_PLAN_LABELS: tuple[str, ...] = ("资金支出计划(%)", "资金支出计划", "支出计划(%)", "资金支出进度计划")

_MONTH_RE = re.compile(r"^(\d{1,2})月(底|末)$")


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {label_key(name): field for field, names in table.items() for name in names}


_INDICATOR_INDEX = _index(INDICATOR_COLUMN_NAMES)
_HEADER_INDEX = _index(HEADER_FIELD_NAMES)
_EXTRA_KEYS = {label_key(n) for n in EXTRA_COLUMN_NAMES}
_BLOCK_KEYS = {label_key(n) for n in BUDGET_BLOCK_LABELS}
_PLAN_KEYS = {label_key(n) for n in SPENDING_PLAN_LABELS}


def indicator_column(text: str) -> str | None:
    """The indicator field a header cell names, or None."""
    return _INDICATOR_INDEX.get(label_key(text))


def is_extra_column(text: str) -> bool:
    return label_key(text) in _EXTRA_KEYS


def header_field(text: str) -> str | None:
    """The project header field a label cell names, or None."""
    return _HEADER_INDEX.get(label_key(text))


def is_block_label(text: str) -> bool:
    """A label such as 预算规模及资金用途 or 资金支出计划（%） that introduces rows, not a value."""
    key = label_key(text)
    return key in _BLOCK_KEYS or key in _PLAN_KEYS


def month_key(text: str) -> str | None:
    """"3月底" / "3 月底" / "3月末" → the canonical plan key "3月底", else None."""
    m = _MONTH_RE.match(label_key(text))
    return f"{int(m.group(1))}月底" if m else None
