"""The review checks' settings: every threshold and word list declared once, typed, with defaults.

`CheckSettings` holds the catalogue's defaults (../shared/CHECKS.md). The store and
the window keep it as a plain dict (`to_dict` / `from_dict`); unknown keys are
ignored and missing keys take their defaults, so settings saved by an older build
still load. `SETTINGS_LABELS` gives the Chinese label the window shows per key.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.messages import label
from core.review import Criterion, Severity


def _range(lowest: int | str = 0, highest: int | str | None = None) -> dict[str, Any]:
    """Field metadata: for a number, the range a value must lie in. (Each field's label is
    the catalogue's "setting.<name>", in both languages.)"""
    return {"range": (Decimal(lowest), None if highest is None else Decimal(highest))}


# Numbers without a natural ceiling (weights, deductions, a budget change) stay below this:
# far beyond any real setting, and small enough that scores keep their 0.1 precision.
NUMBER_CEILING = 10**6


def _weights() -> dict[str, Decimal]:
    return {c.value: Decimal(25) for c in Criterion}


def _deductions() -> dict[str, Decimal]:
    return {Severity.ERROR.value: Decimal(10), Severity.WARNING.value: Decimal(4), Severity.NOTE.value: Decimal(1)}


@dataclass(frozen=True)
class CheckSettings:
    """Thresholds and word lists of the checks, and the grading scheme."""

    disabled_checks: tuple[str, ...] = field(default=(), metadata=_range())
    # A 完整性
    required_level1: tuple[str, ...] = field(default=("产出指标", "效益指标", "满意度指标"), metadata=_range())
    output_level2: tuple[str, ...] = field(default=("数量指标", "质量指标", "时效指标", "成本指标"), metadata=_range())
    benefit_level2: tuple[str, ...] = field(default=("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"), metadata=_range())
    # B 相关性
    input_nouns: tuple[str, ...] = field(default=("经费", "资金", "拨款", "费用", "预算"), metadata=_range())
    input_verbs: tuple[str, ...] = field(default=("保障", "到位", "拨付", "下达", "支出", "使用", "落实"), metadata=_range())
    fiscal_management_terms: tuple[str, ...] = field(default=("预算执行率", "预算执行", "资金到位率", "资金拨付率", "支付进度", "支出进度", "资金执行率", "专款专用"), metadata=_range())
    satisfaction_words: tuple[str, ...] = field(default=("满意",), metadata=_range())
    timeliness_words: tuple[str, ...] = field(default=("及时", "时限", "时效", "完成时间", "期限"), metadata=_range())
    goal_stop_words: tuple[str, ...] = field(default=("保障", "保证", "确保", "做好", "工作", "开展", "正常", "顺利", "提高", "提升", "用于", "主要", "进一步",
         "推动", "推进", "加强", "相关", "各项", "日常", "有效", "单位", "我单位", "我区", "我局", "我县", "我市",
         "方面", "有序", "运转", "完成", "业务", "更好", "特别是", "积极", "全面", "切实"), metadata=_range())
    multi_year_words: tuple[str, ...] = field(default=("实施期", "项目期内", "项目周期", "中长期", "长期目标"), metadata=_range())
    # C 适当性
    satisfaction_min_percent: Decimal = field(default=Decimal(80), metadata=_range(0, 100))
    survey_words: tuple[str, ...] = field(default=("调查", "问卷", "测评", "回访", "抽样", "评价"), metadata=_range())
    rate_growth_words: tuple[str, ...] = field(default=("增长", "增幅", "同比", "环比"), metadata=_range())
    budget_words: tuple[str, ...] = field(default=("预算",), metadata=_range())
    qualitative_share_max: Decimal = field(default=Decimal("0.5"), metadata=_range(0, 1))
    # D 可行性
    generic_basis_terms: tuple[str, ...] = field(default=("实际工作情况", "工作实际情况", "实际情况", "工作需要", "部门职责", "工作计划", "工作要求", "工作完成情况"), metadata=_range())
    specific_basis_markers: tuple[str, ...] = field(default=("号", "〔", "[", "《", "标准", "合同", "文件", "方案", "办法", "通知", "规定", "意见", "记录", "明细", "统计"), metadata=_range())
    trend_words: tuple[str, ...] = field(default=("提升", "提高", "改善", "增强", "加强", "促进", "优化", "拉动", "降低", "减少", "推动", "推进", "有所"), metadata=_range())
    grade_words: tuple[str, ...] = field(default=("优", "良", "合格", "达标", "等级", "档次", "是否"), metadata=_range())
    # E 表述
    vague_words: tuple[str, ...] = field(default=("有效提升", "进一步提高", "明显改善", "应保尽保", "显著", "大幅"), metadata=_range())
    copy_share_min: Decimal = field(default=Decimal("0.8"), metadata=_range(0, 1))
    # F 年度对比
    yearly_budget_change: Decimal = field(default=Decimal("0.2"), metadata=_range(0, NUMBER_CEILING))
    yearly_count_drop: Decimal = field(default=Decimal("0.3333"), metadata=_range(0, 1))
    yearly_identical_share: Decimal = field(default=Decimal("0.95"), metadata=_range(0, 1))
    # G 实质 (substance)
    yes_no_words: tuple[str, ...] = field(default=("是否",), metadata=_range())
    implied_cost_max_ratio: Decimal = field(default=Decimal("1.5"), metadata=_range(1, NUMBER_CEILING))
    implied_cost_min_ratio: Decimal = field(default=Decimal("0.5"), metadata=_range(0, 1))
    goal_similarity_min: int = field(default=80, metadata=_range(0, 100))
    goal_usage_patterns: tuple[str, ...] = field(default=("主要用于*支出", "主要用于*经费", "主要用于*费用", "用于*支出", "用于*经费", "用于*费用", "保障*经费", "保障*费用", "保障*经费*发放", "保障*经费*支付", "做好*支出*"), metadata=_range())
    recurring_expense_words: tuple[str, ...] = field(default=("工资", "报酬", "通讯", "网费", "话务", "热线", "运维", "维保", "物业", "租赁", "保洁", "外包"), metadata=_range())
    one_off_expense_words: tuple[str, ...] = field(default=("会议", "培训", "购置", "采购", "建设", "改造", "维修", "印刷", "调研", "活动"), metadata=_range())
    recurring_march_min_percent: Decimal = field(default=Decimal(15), metadata=_range(0, 100))
    recurring_after_october_max_percent: Decimal = field(default=Decimal(50), metadata=_range(0, 100))
    measurable_grades: tuple[str, ...] = field(default=("达标", "合格", "良好", "优良", "优秀", "是", "否", "无", "全覆盖", "按期"), metadata=_range())
    full_rate_names: tuple[str, ...] = field(default=("*专款专用率", "*资金拨付到位率", "*工资*发放率", "*报酬*发放率", "*补贴*发放率", "*劳务费*发放率", "发放率"), metadata=_range())
    rate_name_synonyms: tuple[str, ...] = field(default=("百分比", "比率", "率"), metadata=_range())
    consistent_target_units: tuple[str, ...] = field(default=("%", "天", "工作日", "小时", "分钟"), metadata=_range())
    weight_columns: tuple[str, ...] = field(default=("权重", "分值"), metadata=_range())
    weight_total: Decimal = field(default=Decimal(100), metadata=_range(0, NUMBER_CEILING))
    # H 部门整体 (the department part)
    sub_goal_match_min: Decimal = field(default=Decimal(60), metadata=_range(0, 100))
    sub_goal_match_stop_words: tuple[str, ...] = field(default=("绩效目标", "绩效指标", "进一步", "经费", "费用", "专项", "资金", "项目", "工作", "开展", "做好", "推进", "大力", "全面",
         "保障", "保证", "确保", "用于", "主要", "支出", "相关", "日常", "正常", "各项", "提高", "提升", "加强", "建设", "费"), metadata=_range())
    measure_min_chars: int = field(default=15, metadata=_range(0, NUMBER_CEILING))
    generic_measure_words: tuple[str, ...] = field(default=(
        "预算绩效管理", "绩效运行监控", "绩效目标", "绩效自评", "绩效管理", "绩效", "预算", "财政", "资金", "支出", "经费", "财务", "资产", "会计",
        "审计", "采购", "政府", "区政府", "市政府", "县政府", "部门", "单位", "本级", "人员", "职工", "干部", "业务", "工作", "项目", "事项",
        "管理", "制度", "办法", "机制", "建设", "体系", "程序", "规范", "标准", "要求", "规定", "计划", "情况", "问题", "意见", "措施", "决策",
        "执行", "监督", "监控", "督导", "检查", "控制", "内部", "外部", "评价", "自评", "整改", "审批", "处置", "登记", "培训", "调研", "宣传",
        "会议", "活动", "水平", "质量", "效益", "效率", "效果", "成效", "进度", "结构", "安全", "有效", "合理", "及时", "重点", "重大", "重要",
        "其他", "各项", "全年", "年度", "上年度", "进一步", "加强", "强化", "完善", "优化", "提高", "提升", "促进", "推进", "推动", "确保",
        "保证", "保障", "落实", "实现", "开展", "做好", "做到", "进行", "按照", "通过", "制定", "建立", "健全", "加快", "加大", "配合", "认真",
        "严格", "切实", "不断", "积极", "充分", "使用", "运行", "发现", "采取", "提出", "如期", "保质", "达标", "基础", "奠定", "意识", "力度",
        "固定资产", "国有资产", "对外投资", "经济业务", "会计资料", "内部控制", "手续", "细化", "素质", "报废", "物尽其用"),
        metadata=_range())
    stated_total_terms: tuple[str, ...] = field(default=("项目支出", "绩效目标涉及资金", "涉及项目资金", "涉及资金"), metadata=_range())
    stated_total_tolerance: Decimal = field(default=Decimal("0.01"), metadata=_range(0, NUMBER_CEILING))
    # Noise: how findings reach the reviewer
    common_rules: tuple[str, ...] = field(default=("D3", "C3", "E2", "A6", "C8", "H2"), metadata=_range())
    common_share: Decimal = field(default=Decimal("0.8"), metadata=_range(0, 1))
    rule_precedence: tuple[str, ...] = field(default=("G", "F", "C6", "C4", "C1", "C2", "C", "D", "B", "A", "E"), metadata=_range())
    contradicting_rules: tuple[str, ...] = field(default=("G6>B4",), metadata=_range())
    # Grading
    rule_weights: dict[str, Decimal] = field(default_factory=lambda: {"G1": Decimal(3), "G2": Decimal(3)}, metadata=_range(0, NUMBER_CEILING))
    criterion_weights: dict[str, Decimal] = field(default_factory=_weights, metadata=_range(0, NUMBER_CEILING))
    severity_deductions: dict[str, Decimal] = field(default_factory=_deductions, metadata=_range(0, NUMBER_CEILING))
    max_deductions_per_rule: int = field(default=2, metadata=_range(0, NUMBER_CEILING))
    ungraded_checks: tuple[str, ...] = field(default=("E4",), metadata=_range())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: Decimals as strings, tuples as lists."""
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> CheckSettings:
        """Read a dict saved by `to_dict`; unknown keys are ignored, bad values raise ValueError."""
        defaults = cls()
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if data is None or f.name not in data:
                continue
            values[f.name] = _load(data[f.name], getattr(defaults, f.name), f.name)
            _check_range(values[f.name], f.name, f.metadata["range"])
        return dataclasses.replace(defaults, **values)

    def replace(self, **changes: Any) -> CheckSettings:
        return dataclasses.replace(self, **changes)


SETTINGS_LABELS: dict[str, str] = {f.name: label(f"setting.{f.name}") for f in dataclasses.fields(CheckSettings)}
DEFAULT_SETTINGS = CheckSettings()


def _dump(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _dump(v) for k, v in value.items()}
    return value


def _check_range(value: Any, name: str, bounds: tuple[Decimal, Decimal | None]) -> None:
    """ValueError unless every number in `value` is finite and within `bounds` (NaN, inf and
    10^20 would otherwise surface as a decimal error deep inside a check or the grading)."""
    numbers = list(value.values()) if isinstance(value, dict) else [value]
    lowest, highest = bounds
    for number in numbers:
        if isinstance(number, bool) or not isinstance(number, int | Decimal):
            continue
        if (isinstance(number, Decimal) and not number.is_finite()) or number < lowest or (
                highest is not None and number > highest):
            span = f"{lowest} 到 {highest} 之间" if highest is not None else f"不小于 {lowest}"
            raise ValueError(f"审核设置“{SETTINGS_LABELS.get(name, name)}”的值无效：{_shown(number)}"
                             f"（应是 {span}的数）")


def _shown(value: Any) -> str:
    """A bad value as the message quotes it: a number of a million digits is not printed whole."""
    try:
        text = str(value) if isinstance(value, str | Decimal | int) and not isinstance(value, bool) else repr(value)
    except ValueError:  # an int beyond Python's 4,300-digit conversion limit
        return "（位数过多的数）"
    return text if len(text) <= 40 else text[:40] + "…"


def _load(value: Any, default: Any, name: str) -> Any:
    try:
        if isinstance(default, bool):
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, Decimal):
            return Decimal(str(value))
        if isinstance(default, tuple):
            if isinstance(value, str):
                raise ValueError(value)
            return tuple(str(v) for v in value)
        if isinstance(default, dict):
            merged = dict(default)
            for key, item in dict(value).items():
                merged[str(key)] = Decimal(str(item))
            return merged
    except (ArithmeticError, TypeError, ValueError) as error:
        raise ValueError(f"审核设置“{SETTINGS_LABELS.get(name, name)}”的值无效：{_shown(value)}") from error
    return value
