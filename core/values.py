"""Values as written and as understood: money (Decimal + unit) and indicator targets.

One parser everything shares (importer, checks, comparison, memo). The raw text
always travels beside the parsed form; nothing here ever uses float.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache

from core.numerals import CHINESE_NUMERAL_CHARS, parse_chinese_number


class MoneyUnit(StrEnum):
    YUAN = "元"
    WAN_YUAN = "万元"

    @property
    def in_yuan(self) -> Decimal:
        return Decimal(1) if self is MoneyUnit.YUAN else Decimal(10000)

    @classmethod
    def from_text(cls, text: str) -> MoneyUnit | None:
        """Read a unit from "单位：万元", "金额单位：元", "万元", or a bare "万"."""
        cleaned = re.sub(r"\s+", "", text)
        m = re.search(r"(万元|万|元)\s*[)）]?$", cleaned) or re.search(r"单位[:：]?(万元|万|元)", cleaned)
        if not m:
            return None
        return cls.YUAN if m.group(1) == "元" else cls.WAN_YUAN


# Characters that say a value was meant as a number or date (digits, operators, a "**" blank).
_NUMERIC_HINT = re.compile(r"[\d≥≤<>=%％０-９]|\*\*")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
_MONEY_RE = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
# No budget or target is written with more digits than this (10^20 元 is a hundred million
# times a province's budget). A longer run is not a number anyone meant: it is read as
# unreadable rather than as a Decimal, whose arithmetic would round it silently past the
# context's 28 digits, or overflow (a 1,000,001-digit amount raised decimal.Overflow).
MAX_NUMBER_DIGITS = 20


def _too_many_digits(number_text: str) -> bool:
    return sum(ch.isdigit() for ch in number_text) > MAX_NUMBER_DIGITS


@dataclass(frozen=True, slots=True)
class Money:
    """An amount as written and as a Decimal in its unit.

    `amount` is None when the text is not a number (then `blank` tells whether it
    was empty, which the catalogue counts as 0).
    """

    raw: str
    amount: Decimal | None
    unit: MoneyUnit

    @property
    def blank(self) -> bool:
        return not self.raw.strip()

    @property
    def valid(self) -> bool:
        return self.amount is not None or self.blank

    def to_yuan(self) -> Decimal | None:
        """The amount in 元 (blank counts as 0; unreadable gives None)."""
        if self.blank:
            return Decimal(0)
        if self.amount is None:
            return None
        return self.amount * self.unit.in_yuan

    def to_unit(self, unit: MoneyUnit) -> Decimal | None:
        yuan = self.to_yuan()
        return None if yuan is None else yuan / unit.in_yuan


def parse_decimal(text: str) -> Decimal | None:
    """"1,234.00" → Decimal("1234.00"); full-width digits accepted; else None (also past
    MAX_NUMBER_DIGITS digits)."""
    cleaned = re.sub(r"[\s,，]", "", text.translate(_FULLWIDTH))
    if not _MONEY_RE.match(cleaned) or _too_many_digits(cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def parse_money(raw: str, unit: MoneyUnit) -> Money:
    """Parse a money cell; a unit written in the cell ("230万元", "5000元") wins over `unit`."""
    text = raw.strip()
    m = re.match(r"^(.*?)(万元|万|元)$", text)
    if m:
        unit = MoneyUnit.YUAN if m.group(2) == "元" else MoneyUnit.WAN_YUAN
        text = m.group(1)
    return Money(raw=raw, amount=parse_decimal(text), unit=unit)


# ---------------------------------------------------------------------------
# Indicator targets (指标值)
# ---------------------------------------------------------------------------


class Comparator(StrEnum):
    """The operator of a target, whatever words the document used for it."""

    GE = "≥"
    LE = "≤"
    GT = ">"
    LT = "<"
    EQ = "="
    ABOUT = "≈"


class ValueType(StrEnum):
    """指标值类型 as a form declares it."""

    QUANTITATIVE = "定量"
    QUALITATIVE = "定性"

    @classmethod
    def from_text(cls, text: str) -> ValueType | None:
        """"定量"/"定量指标"/"数值型" → QUANTITATIVE, "定性"/"文本型" → QUALITATIVE, else None."""
        squashed = re.sub(r"\s+", "", text)
        if any(w in squashed for w in ("定量", "数值", "数字")):
            return cls.QUANTITATIVE
        if any(w in squashed for w in ("定性", "文本", "文字")):
            return cls.QUALITATIVE
        return None


class TargetKind(StrEnum):
    BLANK = "blank"
    NUMBER = "number"  # a comparator, a number and maybe a unit: ≥95%, 31人, ≤230万元
    DATE = "date"  # a deadline: 2025年12月31日前, 2024年底前完成, 12月底
    PERIOD = "period"  # a span or a recurrence: 全年, 年内, 每月15日前
    QUALITATIVE = "qualitative"  # words only: 及时保障, 有效落实


@dataclass(frozen=True, slots=True)
class Target:
    """An indicator value as written (`raw`) and as understood.

    Attributes:
        comparator: the operator (None when none was written: "31人", "100%").
        number: the number as a Decimal (Chinese numerals and full-width digits read).
        unit: the normalised unit: "%", "人", "万元", "元/人次", "工作日" …
        unit_raw: the unit exactly as written ("比率", "人数", "%百分比", "个工作日").
        unit_is_measure_name: True when the unit was written as the name of a measure
            ("10人数", "100比率", "≥95%百分比"), a template artefact the reviewer flags.
        label: words written before the number ("保证接通率100%" → "保证接通率").
        year, month, day: the deadline of a DATE (or the day of a recurring PERIOD).
        before: True when the date is a bound ("…前", "…底前", "…之前").
        period: the period word of a PERIOD ("全年", "年内", "每月", "上半年" …).
        declared: what the form's 指标值类型 column says the value is (定量/定性), None
            where the form has no such column; `contradicts_declared` compares the two.
    """

    raw: str
    kind: TargetKind
    comparator: Comparator | None = None
    number: Decimal | None = None
    unit: str | None = None
    unit_raw: str | None = None
    unit_is_measure_name: bool = False
    label: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    before: bool = False
    period: str | None = None
    declared: ValueType | None = None

    @property
    def unreadable(self) -> bool:
        """True for a qualitative reading of text that holds digits or operators: the
        writer meant a number or a date that could not be read (a typo such as "≥9５%%")."""
        return self.kind is TargetKind.QUALITATIVE and bool(_NUMERIC_HINT.search(self.raw))

    @property
    def is_percent(self) -> bool:
        return self.kind is TargetKind.NUMBER and self.unit == "%"

    @property
    def is_money(self) -> bool:
        """A total amount in 元/万元 (not a unit cost such as 元/人次)."""
        return self.kind is TargetKind.NUMBER and self.unit in _MONEY_SCALE

    @property
    def is_duration(self) -> bool:
        return self.kind is TargetKind.NUMBER and self.unit in DURATION_UNITS

    @property
    def is_qualitative(self) -> bool:
        """Words only; a row the form declares 定性 counts as qualitative whatever it holds."""
        return self.kind is TargetKind.QUALITATIVE or self.declared is ValueType.QUALITATIVE

    @property
    def contradicts_declared(self) -> bool:
        """The value read is not what 指标值类型 declares: a number under 定性, words under 定量."""
        if self.declared is None or self.kind is TargetKind.BLANK:
            return False
        if self.declared is ValueType.QUALITATIVE:
            return self.kind is TargetKind.NUMBER
        return self.kind is TargetKind.QUALITATIVE

    @property
    def has_number(self) -> bool:
        return self.kind in (TargetKind.NUMBER, TargetKind.DATE) or self.number is not None

    @property
    def effective_comparator(self) -> Comparator:
        return self.comparator or Comparator.EQ

    def money(self) -> Money | None:
        """The amount as `Money` when the unit is 元, 万元 or 亿元 (亿元 is expressed in 万元)."""
        if not self.is_money or self.number is None:
            return None
        scale, unit = _MONEY_SCALE[self.unit or ""]
        return Money(raw=self.raw, amount=self.number * scale, unit=unit)

    def to_yuan(self) -> Decimal | None:
        money = self.money()
        return None if money is None else money.to_yuan()


# Units, longest spelling first so that "人次" wins over "人" and "万元" over "元".
KNOWN_UNITS: tuple[str, ...] = (
    "个工作日", "工作日", "平方米", "立方米", "万人次", "人次", "人月", "万元", "亿元", "小时", "分钟",
    "公里", "千米", "户次", "次", "人", "元", "个", "天", "套", "份", "条", "台", "件", "辆", "场", "家",
    "户", "项", "篇", "期", "所", "亩", "吨", "册", "本", "批", "处", "座", "间", "张", "页", "部",
    "名", "年", "月", "周", "日", "分", "秒", "米", "株", "只", "头", "棵", "起", "宗", "类",
    "门", "台次", "架次", "课时", "学时", "期次", "组", "支", "队", "村", "镇", "个月",
)
# A unit written as the name of a measure (seen in real tables: "10人数", "100比率").
MEASURE_NAME_UNITS: dict[str, str] = {
    "百分比": "%", "百分率": "%", "比率": "%", "比例": "%", "人数": "人", "次数": "次",
    "天数": "天", "个数": "个", "件数": "件", "户数": "户", "场次": "场", "台数": "台",
    "套数": "套", "项数": "项", "篇数": "篇", "份数": "份", "条数": "条", "家数": "家",
}
DURATION_UNITS: frozenset[str] = frozenset({"天", "工作日", "小时", "分钟", "周", "月", "个月", "年", "日", "秒"})
_UNIT_ALIASES: dict[str, str] = {"个工作日": "工作日", "％": "%", "日": "天"}
_MONEY_SCALE: dict[str, tuple[Decimal, MoneyUnit]] = {
    "元": (Decimal(1), MoneyUnit.YUAN),
    "万元": (Decimal(1), MoneyUnit.WAN_YUAN),
    "亿元": (Decimal(10000), MoneyUnit.WAN_YUAN),
}

# Operator words, longest first; the prefix and suffix forms of each comparator.
_PREFIX_OPERATORS: tuple[tuple[str, Comparator], ...] = (
    ("大于等于", Comparator.GE), ("大于或等于", Comparator.GE), ("小于等于", Comparator.LE),
    ("小于或等于", Comparator.LE), ("不低于", Comparator.GE), ("不少于", Comparator.GE),
    ("不小于", Comparator.GE), ("不高于", Comparator.LE), ("不多于", Comparator.LE),
    ("不超过", Comparator.LE), ("不超出", Comparator.LE), ("不大于", Comparator.LE),
    ("控制在", Comparator.LE), ("至少", Comparator.GE), ("最多", Comparator.LE),
    ("大于", Comparator.GT), ("高于", Comparator.GT), ("超过", Comparator.GT), ("多于", Comparator.GT),
    ("小于", Comparator.LT), ("低于", Comparator.LT), ("少于", Comparator.LT),
    ("达到", Comparator.GE), ("约为", Comparator.ABOUT), ("约", Comparator.ABOUT),
    (">=", Comparator.GE), ("<=", Comparator.LE), ("≥", Comparator.GE), ("≧", Comparator.GE),
    ("≤", Comparator.LE), ("≦", Comparator.LE), (">", Comparator.GT), ("<", Comparator.LT),
    ("=", Comparator.EQ), ("≈", Comparator.ABOUT), ("~", Comparator.ABOUT),
)
_SUFFIX_OPERATORS: tuple[tuple[str, Comparator], ...] = (
    ("及以上", Comparator.GE), ("以上", Comparator.GE), ("及以下", Comparator.LE), ("以下", Comparator.LE),
    ("以内", Comparator.LE), ("之内", Comparator.LE), ("内", Comparator.LE), ("左右", Comparator.ABOUT),
)

_TARGET_TRANSLATE = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "．": ".", "，": ",", "％": "%", "﹪": "%", "＞": ">", "＜": "<", "＝": "=", "～": "~",
    "（": "(", "）": ")", "／": "/", "＋": "+", "－": "-",
})
_LATEX = ((r"\geqslant", "≥"), (r"\leqslant", "≤"), (r"\geq", "≥"), (r"\leq", "≤"), (r"\ge", "≥"),
          (r"\le", "≤"), (r"\%", "%"), ("$", ""))

_NUMBER_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
# 亿 is left out: in a target it is the unit of 亿元 ("3亿元", "三亿元" → 3 亿元)
_CN_NUMBER_RE = re.compile(f"[{CHINESE_NUMERAL_CHARS.replace('亿', '')}]+")


def normalise_target_text(raw: str) -> str:
    """Full-width to half-width, LaTeX operators from OCR to symbols, no whitespace."""
    text = raw.translate(_TARGET_TRANSLATE)
    for latex, symbol in _LATEX:
        text = text.replace(latex, symbol)
    return re.sub(r"\s+", "", text)


def _take_prefix(text: str, table: tuple[tuple[str, Comparator], ...]) -> tuple[Comparator | None, str]:
    for word, comparator in table:
        if text.startswith(word):
            return comparator, text[len(word):]
    return None, text


def _take_number(text: str) -> tuple[Decimal | None, str]:
    m = _NUMBER_RE.match(text)
    if m:
        if _too_many_digits(m.group(0)):
            return None, text  # the caller reads the whole value as unreadable
        return Decimal(m.group(0).replace(",", "")), text[m.end():]
    m = _CN_NUMBER_RE.match(text)
    if m:
        value = parse_chinese_number(m.group(0))
        if value is not None:
            return Decimal(value), text[m.end():]
    return None, text


def _take_unit(text: str) -> tuple[str | None, str | None, bool, str]:
    """Read a unit: "%", a known unit with "/" parts, or a measure name. Returns
    (normalised, as written, written-as-measure-name, rest)."""
    start = text
    parts: list[str] = []
    odd = False
    if text.startswith("%"):
        parts.append("%")
        text = text[1:]
        for word in sorted(MEASURE_NAME_UNITS, key=len, reverse=True):
            if text.startswith(word) and MEASURE_NAME_UNITS[word] == "%":
                text, odd = text[len(word):], True
                break
    else:
        unit = _one_unit(text)
        if unit is None:
            return None, None, False, text
        normalised, length, odd = unit
        parts.append(normalised)
        text = text[length:]
        while text.startswith("/"):
            unit = _one_unit(text[1:])
            if unit is None:
                break
            parts.append(unit[0])
            text = text[1 + unit[1]:]
    written = start[: len(start) - len(text)]
    return "/".join(parts), written, odd, text


def _one_unit(text: str) -> tuple[str, int, bool] | None:
    for word in sorted(MEASURE_NAME_UNITS, key=len, reverse=True):
        if text.startswith(word):
            return MEASURE_NAME_UNITS[word], len(word), True
    for word in sorted(KNOWN_UNITS, key=len, reverse=True):
        if text.startswith(word):
            return _UNIT_ALIASES.get(word, word), len(word), False
    return None


# Words that may follow a target without changing it ("≥95%完成", "31人左右").
_TRAILING_NOISE = ("。", ".", "；", ";", "完成", "(含)", "含")


def _parse_quantity(text: str, raw: str, label: str | None = None) -> Target | None:
    """Comparator, number, unit and suffix operator, and nothing else."""
    comparator, rest = _take_prefix(text, _PREFIX_OPERATORS)
    number, rest = _take_number(rest)
    if number is None:
        return None
    # "1.5万人次": a 万 that is not part of 万元 scales the number.
    if rest.startswith("万") and not rest.startswith("万元"):
        number, rest = number * 10000, rest[1:]
    unit, unit_raw, odd, rest = _take_unit(rest)
    suffix, rest = _take_prefix(rest, _SUFFIX_OPERATORS)
    for noise in _TRAILING_NOISE:
        rest = rest.removesuffix(noise)
    if rest:
        return None
    return Target(raw=raw, kind=TargetKind.NUMBER, comparator=comparator or suffix, number=number,
                  unit=unit, unit_raw=unit_raw, unit_is_measure_name=odd, label=label)


_YMD_RE = re.compile(r"(?<!\d)(\d{4})(?:年|[.\-/])(\d{1,2})(?:月|[.\-/])(\d{1,2})日?")
_YEAR_END_RE = re.compile(r"(?<!\d)(\d{4})年(?:年|度)?(?:底|末|年底|年末)")
_YM_RE = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(?:份)?(底|末)?")
_MONTH_END_RE = re.compile(r"(?<![\d年])(\d{1,2})月(?:份)?(底|末|\d{1,2}日)?")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})年(?:度)?(?:内)?")
_BEFORE_RE = re.compile(r"(前|之前|以前|止|截止|为止)")
_RECURRING = ("每月", "每季度", "每季", "每年", "每周", "每日", "每天", "每半年", "每学期")
_PERIOD_WORDS = ("全年", "年内", "年度内", "本年度", "当年", "年底前", "年底", "年末", "上半年", "下半年",
                 "一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度")
# A date target may carry words around it ("2024年底前完成", "截止2025年12月31日").
_DATE_NOISE_RE = re.compile(r"^(截至|截止|于|在|到|至)?(.*?)(前|之前|以前|止|为止)?(完成|完工|办结|结束|支付|到位)?[。.]?$")


def _month_end(year: int | None, month: int) -> int:
    if not 1 <= month <= 12:
        return 0
    # A year without 29 February unless the document names a leap year.
    return calendar.monthrange(year or 2001, month)[1]


def _parse_date(text: str, raw: str) -> Target | None:
    """A deadline; the text must be a date with only bound words around it."""
    m = _DATE_NOISE_RE.match(text)
    core = m.group(2) if m else text
    before = bool(m and m.group(3)) or "底前" in text
    core = core.removesuffix("前")
    patterns: list[tuple[re.Pattern[str], str]] = [
        (_YMD_RE, "ymd"), (_YEAR_END_RE, "year_end"), (_YM_RE, "ym"), (_MONTH_END_RE, "md"),
    ]
    for pattern, form in patterns:
        found = pattern.fullmatch(core)
        if not found:
            continue
        if form == "ymd":
            year, month, day = (int(g) for g in found.groups())
        elif form == "year_end":
            year, month, day = int(found.group(1)), 12, 31
        elif form == "ym":
            year, month = int(found.group(1)), int(found.group(2))
            day = _month_end(year, month)  # "2023年12月" means by the end of that month
        else:
            year, month = None, int(found.group(1))
            tail = found.group(2) or ""
            day = int(tail[:-1]) if tail.endswith("日") else _month_end(None, month)
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        return Target(raw=raw, kind=TargetKind.DATE, year=year, month=month, day=day, before=before)
    return None


def _parse_period(text: str, raw: str) -> Target | None:
    """全年, 年内, 每月15日前, 2025年度内 … (a span or a recurrence, not a single deadline)."""
    for word in _RECURRING:
        if text.startswith(word):
            rest = text[len(word):]
            day = None
            found = re.match(r"(\d{1,2})(?:日|号)", rest)
            if found:
                day = int(found.group(1))
            return Target(raw=raw, kind=TargetKind.PERIOD, period=word, day=day,
                          before=bool(_BEFORE_RE.search(rest)))
    found = re.fullmatch(r"(\d{4})年(?:度)?(?:内|全年)?(完成)?", text)
    if found:
        return Target(raw=raw, kind=TargetKind.PERIOD, period="年度", year=int(found.group(1)))
    for word in _PERIOD_WORDS:
        if text.startswith(word) and len(text) <= len(word) + 4:
            return Target(raw=raw, kind=TargetKind.PERIOD, period=word,
                          before=bool(_BEFORE_RE.search(text[len(word):])) or word.endswith("前"))
    return None


def parse_target(raw: str, declared: ValueType | None = None) -> Target:
    """Understand an indicator value (指标值) as written; never raises.

    ≥95% · 31人 · ≤230万元 · 不少于三次 · 10人数 · ≥90比率 · ≤4974.81元/人次 ·
    2025年12月31日前 · 2024年底前完成 · 12月底 · 全年 · 每月15日前 · 三年内 · 及时保障

    `declared` is the row's 指标值类型 (定量/定性) where the form has that column; it is
    kept on the target (qualitative counting and the contradiction check read it).
    """
    target = _parse_target(raw)
    return target if declared is None else replace(target, declared=declared)


# Targets are frozen and every rule asks again for the same few hundred texts of a city's
# documents ("≥95%", "100%"…): memoised, bounded to keep memory flat.
@lru_cache(maxsize=1 << 16)
def _parse_target(raw: str) -> Target:
    text = normalise_target_text(raw)
    if not text:
        return Target(raw=raw, kind=TargetKind.BLANK)
    if re.search(r"\*\*", text):  # a template placeholder "≥**%" is no value yet
        return Target(raw=raw, kind=TargetKind.QUALITATIVE)
    quantity = _parse_quantity(text, raw)
    # "2025年" or "12月" alone read as a number of years/months only with an operator ("三年内").
    if quantity is not None and (quantity.unit not in ("年", "月") or quantity.comparator is not None):
        return quantity
    date = _parse_date(text, raw)
    if date is not None:
        return date
    period = _parse_period(text, raw)
    if period is not None:
        return period
    if quantity is not None:
        return quantity
    # Words, then an Arabic number at the end: "保证接通率100%", "提高10%".
    found = re.search(r"(?:[≥≤><=≈]|不低于|不少于|不高于|不超过|达到)?\d", text)
    if found and found.start() > 0:
        labelled = _parse_quantity(text[found.start():], raw, label=text[: found.start()])
        if labelled is not None:
            return labelled
    return Target(raw=raw, kind=TargetKind.QUALITATIVE)


# ---------------------------------------------------------------------------
# Unit costs (成本指标 "≤4000元/条", "3860元/月/人")
# ---------------------------------------------------------------------------

_COST_SCALE: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
# A denominator that names a period rather than what is bought ("人月" is both).
_COST_PERIODS: dict[str, tuple[str | None, str]] = {
    "月": (None, "月"), "个月": (None, "月"), "年": (None, "年"), "天": (None, "天"), "日": (None, "天"),
    "人月": ("人", "月"), "人年": ("人", "年"), "人天": ("人", "天"), "人日": ("人", "天"),
}
# "3860元/人·月": the parser reads no "·"; the cost is read from the text itself.
_UNIT_COST_RE = re.compile(r"^(?:≤|≥|<|>|=|≈|不超过|不高于|控制在|约)?(\d+(?:\.\d+)?)(万元|亿元|元)/(.+)$")


@dataclass(frozen=True, slots=True)
class UnitCost:
    """A cost per unit read from a target.

    Attributes:
        yuan: what one unit costs, in 元 (4000 for "≤4000元/条", 20000 for "2万元/次").
        per: what one unit is ("条", "人", "人次"); None when only a period is named ("元/月").
        period: "月", "年" or "天" when the cost is per period ("3860元/月/人" → 月), else None.
    """

    yuan: Decimal
    per: str | None
    period: str | None

    @property
    def months_per_year(self) -> Decimal | None:
        """How many periods a year holds: 12 for a monthly cost, 1 for a yearly or one-off
        cost, None for a daily cost (the number of days is not stated)."""
        return {"月": Decimal(12), "年": Decimal(1), None: Decimal(1)}.get(self.period)


def unit_cost(target: Target) -> UnitCost | None:
    """The cost per unit a target states: "≤4000元/条", "3860元/月/人", "3860元/人·月",
    "≤2万元/次", "每人每月3860元"; None for a total amount ("≤230万元") or anything else."""
    parts: list[str] = []
    amount: Decimal | None = None
    scale: Decimal | None = None
    if target.kind is TargetKind.NUMBER and target.number is not None and target.unit:
        money, _, rest = target.unit.partition("/")
        scale = _COST_SCALE.get(money)
        if scale is not None and rest:
            amount, parts = target.number, rest.split("/")
        elif scale is not None and not rest and (target.label or "").startswith("每"):
            amount, parts = target.number, re.findall(r"每([^每]+)", target.label or "")
    elif target.kind is TargetKind.QUALITATIVE:
        found = _UNIT_COST_RE.match(normalise_target_text(target.raw))
        if found and not _too_many_digits(found.group(1)):
            amount, scale = Decimal(found.group(1)), _COST_SCALE[found.group(2)]
            parts = [p for p in re.split(r"[/·•・]", found.group(3)) if p]
    if amount is None or scale is None or not parts:
        return None
    per: str | None = None
    period: str | None = None
    for part in parts:
        if part in _COST_PERIODS:
            thing, period = _COST_PERIODS[part]
            per = per or thing
        elif per is None:
            per = part
    return UnitCost(yuan=amount * scale, per=per, period=period)
