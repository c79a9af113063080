"""Column and label recognition as data: the names each column or header field goes by.

A new template is a new entry here, not new code. Keys are compared with
`text.label_key` (whitespace and colons folded). The city template's names come
first; the others are from other provinces' forms (../shared/corpus/realworld).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

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

# Any other named column of an indicator header row (权重, 指标方向, 计量单位, 上年度实际水平 …)
# is kept in Indicator.extra under its own header text: no list of them is needed.

# Project header fields: field → the labels written in front of the value.
HEADER_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "code": ("项目编码", "项目代码", "项目编号"),
    "name": ("项目名称",),
    "budget_total": ("预算数", "年度资金总额", "资金总额", "预算金额", "项目资金总额", "申请金额"),
    "fiscal_funds": ("其中：财政资金", "财政资金", "其中：财政拨款", "财政拨款"),
    "other_funds": ("其他资金", "其中：其他资金", "其他", "其他资金来源"),
    "usage": ("资金用途", "项目资金用途"),
    "goal": ("绩效目标", "年度绩效目标", "项目绩效目标", "年度目标", "本年度目标"),
    "long_term_goal": ("长期目标", "总目标", "长期绩效目标", "中长期目标", "实施期目标", "总体目标"),
}

# Funding lines finer than 预算数 / 财政资金 / 其他资金, kept under their own label.
FUNDING_LABELS: tuple[str, ...] = ("上级财政资金", "上级补助", "本级财政", "本级财政资金", "自有资金", "事业收入",
                                   "经营性收入", "经营收入", "上年结转", "财政专户拨款", "政府性基金拨款",
                                   "事业基金弥补差额")
_FUNDING_KEYS = {label_key(n): n for n in FUNDING_LABELS}


def funding_label(text: str) -> str | None:
    """The funding line a label names ("其中：上级财政资金" → "上级财政资金"), else None."""
    key = label_key(text)
    for prefix in ("其中:", "其中"):
        key = key.removeprefix(prefix)
    return _FUNDING_KEYS.get(key)


# A project's cost-structure table (项目预算成本构成): column → the headers it goes by.
COST_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "item": ("成本项", "成本项目", "成本构成", "项目预算成本构成", "预算成本构成", "项目成本构成", "支出内容", "明细项目", "费用项目", "支出项目", "成本明细", "项目"),
    "amount": ("金额", "测算金额", "预算金额", "本年度申请金额", "申请金额", "金额(万元)", "金额(元)"),
    "basis": ("测算依据", "测算(公式)依据", "测算公式", "资金测算依据及说明", "测算依据及说明", "计算依据",
              "测算过程"),
}
_COST_INDEX = {label_key(n): f for f, names in COST_COLUMN_NAMES.items() for n in names}

# Project fields a wide table gives as columns beside the indicator columns (one row per
# indicator, the project's cells merged downwards over its rows).
PROJECT_COLUMN_FIELDS: frozenset[str] = frozenset({"code", "name", "budget_total", "fiscal_funds", "other_funds",
                                                   "usage", "goal", "long_term_goal"})

# A grid's period, named in its header row, a cell beside it or a row above it.
_PERIOD_RE = re.compile(r"^(长期|总体|三年总体|中长期|实施期|年度|本年度|当年)(绩效)?(目标)?指标$")
# Rows that total a department or unit (kept as totals, never read as projects or indicators).
TOTAL_LABELS: frozenset[str] = frozenset({"合计", "小计", "总计", "部门合计", "单位合计", "单位小计", "部门小计"})

# Labels of the document's context, found in paragraphs, spanning table rows, label cells
# or "标签：值" pairs: the department/unit, the money unit and the budget year.
CONTEXT_LABEL_NAMES: dict[str, tuple[str, ...]] = {
    "dept": ("单位名称", "预算单位", "部门名称", "预算部门", "部门(单位)名称", "单位(部门)名称", "部门(单位)",
             "编制单位", "填报单位", "申报单位", "填报单位(盖章)", "编制单位(盖章)", "申报单位(盖章)", "主管部门"),
    "dept_code": ("主管部门编码", "单位编码", "部门编码", "单位代码", "部门代码", "预算单位编码"),
    "money_unit": ("单位", "金额单位", "货币单位", "计量单位(金额)"),
    "year": ("预算年度", "年度", "预算年份"),
}

# Row labels that only introduce the budget rows (their merged cell spans the usage row).
BUDGET_BLOCK_LABELS: tuple[str, ...] = ("预算规模及资金用途", "预算规模", "资金情况", "资金情况(万元)")
SPENDING_PLAN_LABELS: tuple[str, ...] = ("资金支出计划(%)", "资金支出计划", "支出计划(%)", "资金支出进度计划")

_MONTH_RE = re.compile(r"^(\d{1,2})月(底|末)$")


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {label_key(name): field for field, names in table.items() for name in names}


_INDICATOR_INDEX = _index(INDICATOR_COLUMN_NAMES)
_HEADER_INDEX = _index(HEADER_FIELD_NAMES)
_CONTEXT_INDEX = _index(CONTEXT_LABEL_NAMES)

# A label the tables do not know is taken for a known one only when it is this similar
# (rapidfuzz ratio, 0–100): one wrong character in a 7-character label scores 85.7, one
# in a 4-character label 75, so typos in long labels match and different short labels
# ("资金用途"/"资金总额": 50) never do. tests/importing/test_labels.py holds the cases.
FUZZY_MIN_SCORE = 85.0
# Only short label-like cells are compared by similarity: values are longer or hold digits.
_FUZZY_MAX_LEN = 12


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """A label cell matched to a field: `score` is 100 for an exact (normalised) match."""

    field: str
    text: str
    known: str
    score: float

    @property
    def fuzzy(self) -> bool:
        return self.score < 100


def _match(text: str, index: dict[str, str], fuzzy: bool) -> LabelMatch | None:
    key = label_key(text)
    if not key:
        return None
    if (name := index.get(key)) is not None:
        return LabelMatch(name, text.strip(), key, 100.0)
    if not fuzzy or len(key) > _FUZZY_MAX_LEN or len(key) < 4 or any(ch.isdigit() for ch in key):
        return None
    best = process.extractOne(key, index.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
    if best is None:
        return None
    known = best[0]
    return LabelMatch(index[known], text.strip(), known, round(float(best[1]), 1))


def match_indicator_column(text: str, *, fuzzy: bool = False) -> LabelMatch | None:
    """The indicator column a header cell names (by similarity too when `fuzzy`), or None."""
    return _match(text, _INDICATOR_INDEX, fuzzy)


def match_header_field(text: str, *, fuzzy: bool = False) -> LabelMatch | None:
    """The project header field a label cell names (by similarity too when `fuzzy`), or None."""
    return _match(text, _HEADER_INDEX, fuzzy)


def period_of(text: str) -> str | None:
    """"long_term" for 长期绩效指标 / 总体指标 / 三年总体指标, "annual" for 年度绩效指标, else None."""
    m = _PERIOD_RE.match(label_key(text))
    if not m:
        return None
    return "annual" if m.group(1) in ("年度", "本年度", "当年") else "long_term"


def cost_header(texts: list[tuple[int, str]]) -> dict[int, str] | None:
    """The cost columns when a row names at least 成本项 and 金额 (col → item/amount/basis or
    the header text of another column, e.g. "2020年实际执行数"), else None."""
    found = {col: _COST_INDEX.get(label_key(text)) for col, text in texts}
    names = {f for f in found.values() if f}
    item_label = next((label_key(t) for c, t in texts if found[c] == "item"), "")
    # the bare 项目 heads many tables: it makes a cost table only beside a 测算依据 column
    if not {"item", "amount"} <= names or (item_label == "项目" and "basis" not in names):
        return None
    return {col: found[col] or text.strip() for col, text in texts if text.strip()}


def is_total_label(text: str) -> bool:
    return label_key(text) in TOTAL_LABELS


def context_label(text: str) -> str | None:
    """"dept", "money_unit" or "year" when the text is one of their labels, else None."""
    return _CONTEXT_INDEX.get(label_key(text))
_BLOCK_KEYS = {label_key(n) for n in BUDGET_BLOCK_LABELS}
_PLAN_KEYS = {label_key(n) for n in SPENDING_PLAN_LABELS}


def indicator_column(text: str) -> str | None:
    """The indicator field a header cell names, or None."""
    match = match_indicator_column(text)
    return match.field if match else None


def header_field(text: str) -> str | None:
    """The project header field a label cell names, or None."""
    match = match_header_field(text)
    return match.field if match else None


def is_block_label(text: str) -> bool:
    """A label such as 预算规模及资金用途 or 资金支出计划（%） that introduces rows, not a value."""
    key = label_key(text)
    return key in _BLOCK_KEYS or key in _PLAN_KEYS


def month_key(text: str) -> str | None:
    """"3月底" / "3 月底" / "3月末" → the canonical plan key "3月底", else None."""
    m = _MONTH_RE.match(label_key(text))
    return f"{int(m.group(1))}月底" if m else None
