"""core.values: money and the one indicator-value parser, with values seen in the corpus."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.numerals import parse_chinese_number
from core.values import (
    MAX_NUMBER_DIGITS,
    Comparator,
    MoneyUnit,
    TargetKind,
    UnitCost,
    ValueType,
    parse_money,
    parse_target,
    unit_cost,
)

GE, LE, GT, LT, ABOUT = Comparator.GE, Comparator.LE, Comparator.GT, Comparator.LT, Comparator.ABOUT


@pytest.mark.parametrize(("raw", "comparator", "number", "unit"), [
    ("≥95%", GE, "95", "%"),
    ("100%", None, "100", "%"),
    (">95%", GT, "95", "%"),
    ("＞95％", GT, "95", "%"),
    ("31人", None, "31", "人"),
    ("≥1次", GE, "1", "次"),
    ("≥500次", GE, "500", "次"),
    ("≤230万元", LE, "230", "万元"),
    ("1.8万元", None, "1.8", "万元"),
    ("≤4974.81元/人次", LE, "4974.81", "元/人次"),
    ("≤4000元/条", LE, "4000", "元/条"),
    ("3860元/月/人", None, "3860", "元/月/人"),
    ("≥1300人次/天", GE, "1300", "人次/天"),
    ("≤2个工作日", LE, "2", "工作日"),
    ("≤7工作日", LE, "7", "工作日"),
    ("≥６０套", GE, "60", "套"),
    ("≥200 0 人", GE, "2000", "人"),
    ("≥95 %", GE, "95", "%"),
    ("$\\geq 95\\%$", GE, "95", "%"),
    ("不低于90%", GE, "90", "%"),
    ("不少于三次", GE, "3", "次"),
    ("不高于5天", LE, "5", "天"),
    ("不超过十五天", LE, "15", "天"),
    ("90%以上", GE, "90", "%"),
    ("7天以内", LE, "7", "天"),
    ("约30万元", ABOUT, "30", "万元"),
    ("大于80%", GT, "80", "%"),
    ("小于5%", LT, "5", "%"),
    ("达到95%", GE, "95", "%"),
    ("1.5万人次", None, "15000", "人次"),
    ("三年内", LE, "3", "年"),
])
def test_quantities(raw: str, comparator: Comparator | None, number: str, unit: str) -> None:
    target = parse_target(raw)
    assert target.kind is TargetKind.NUMBER
    assert (target.comparator, target.number, target.unit) == (comparator, Decimal(number), unit)
    assert target.raw == raw
    assert not target.unit_is_measure_name


@pytest.mark.parametrize(("raw", "comparator", "number", "unit", "written"), [
    ("10人数", None, "10", "人", "人数"),
    ("100比率", None, "100", "%", "比率"),
    ("≥90比率", GE, "90", "%", "比率"),
    ("≥100比率", GE, "100", "%", "比率"),
    ("≥95%百分比", GE, "95", "%", "%百分比"),
    ("≤180天数", LE, "180", "天", "天数"),
    ("≥6次数", GE, "6", "次", "次数"),
])
def test_units_written_as_measure_names(raw: str, comparator: Comparator | None, number: str, unit: str,
                                        written: str) -> None:
    target = parse_target(raw)
    assert (target.comparator, target.number, target.unit, target.unit_raw) == (
        comparator, Decimal(number), unit, written)
    assert target.unit_is_measure_name


@pytest.mark.parametrize(("raw", "year", "month", "day", "before"), [
    ("2025年12月31日前", 2025, 12, 31, True),
    ("2025年12月31日", 2025, 12, 31, False),
    ("2023年12月31日", 2023, 12, 31, False),
    ("2024年底前完成", 2024, 12, 31, True),
    ("2025年底前完成", 2025, 12, 31, True),
    ("2024 年年 底完成", 2024, 12, 31, False),
    ("2024 年底 前完成", 2024, 12, 31, True),
    ("2023年12月", 2023, 12, 31, False),
    ("2025年6月30日前", 2025, 6, 30, True),
    ("2025.12.31", 2025, 12, 31, False),
    ("12月底", None, 12, 31, False),
    ("6月底前", None, 6, 30, True),
    ("１２月３１日前", None, 12, 31, True),
])
def test_dates(raw: str, year: int | None, month: int, day: int, before: bool) -> None:
    target = parse_target(raw)
    assert target.kind is TargetKind.DATE
    assert (target.year, target.month, target.day, target.before) == (year, month, day, before)


@pytest.mark.parametrize(("raw", "period", "day", "year"), [
    ("全年", "全年", None, None),
    ("年内", "年内", None, None),
    ("每月15日前", "每月", 15, None),
    ("每季度", "每季度", None, None),
    ("2025年度内", "年度", None, 2025),
    ("上半年", "上半年", None, None),
])
def test_periods(raw: str, period: str, day: int | None, year: int | None) -> None:
    target = parse_target(raw)
    assert target.kind is TargetKind.PERIOD
    assert (target.period, target.day, target.year) == (period, day, year)


@pytest.mark.parametrize("raw", [
    "及时保障", "有效落实", "按时完成", "保障工作正常开展", "支出不超出预算", "控制在预算数内",
    "群众拨打热线畅通且不花群众一分钱", "合同进度支付费用", "≥**%", "≥952024年年底完成", "提高毕业生就业率",
])
def test_qualitative(raw: str) -> None:
    target = parse_target(raw)
    assert target.kind is TargetKind.QUALITATIVE
    assert target.is_qualitative and target.number is None


def test_blank() -> None:
    assert parse_target("  ").kind is TargetKind.BLANK


def test_words_before_a_number_are_kept_as_label() -> None:
    target = parse_target("保证接通率100%")
    assert (target.label, target.number, target.unit, target.kind) == ("保证接通率", Decimal(100), "%",
                                                                       TargetKind.NUMBER)


def test_money_targets_convert_between_units() -> None:
    assert parse_target("≤230万元").to_yuan() == Decimal(2300000)
    assert parse_target("5000元").to_yuan() == Decimal(5000)
    assert parse_target("1.2亿元").to_yuan() == Decimal(120000000)
    money = parse_target("≤36.44万元").money()
    assert money is not None and money.unit is MoneyUnit.WAN_YUAN
    assert money.to_unit(MoneyUnit.YUAN) == Decimal("364400")
    # A unit cost is not a total amount.
    assert parse_target("≤4974.81元/人次").money() is None
    assert parse_target("≥95%").to_yuan() is None


def test_duration_and_percent_flags() -> None:
    assert parse_target("≤180天数").is_duration
    assert parse_target("≤2个工作日").is_duration
    assert not parse_target("31人").is_duration
    assert parse_target("≥90比率").is_percent
    assert not parse_target("2025年12月31日").is_percent


@pytest.mark.parametrize(("text", "value"), [
    ("三", 3), ("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105), ("两千", 2000), ("一万二千", 12000),
    ("三百六十五", 365),
])
def test_chinese_numerals(text: str, value: int) -> None:
    assert parse_chinese_number(text) == value


def test_chinese_numeral_rejects_other_text() -> None:
    assert parse_chinese_number("三次") is None
    assert parse_chinese_number("") is None


def test_money_api_unchanged() -> None:
    money = parse_money("230.00", MoneyUnit.WAN_YUAN)
    assert money.amount == Decimal("230.00") and money.to_yuan() == Decimal(2300000)
    assert parse_money("", MoneyUnit.YUAN).to_yuan() == Decimal(0)
    assert parse_money("516541.09元", MoneyUnit.WAN_YUAN).unit is MoneyUnit.YUAN


def test_unreadable_means_digits_or_operators_that_did_not_read() -> None:
    from core.values import parse_target

    assert parse_target("≥9５%%x").unreadable
    assert parse_target("群众满意度(≥**%)").unreadable
    assert not parse_target("及时保障").unreadable
    assert not parse_target("≥95%").unreadable
    assert not parse_target("2025年12月31日前").unreadable


def test_a_number_of_a_million_digits_is_unreadable_not_an_overflow() -> None:
    """Issue 16: 1,000,001 digits overflowed Decimal (10^1000000 is past its exponent limit) in
    Money.to_yuan, and 30 digits would have been rounded silently past 28 significant digits."""
    digits = "9" * 1_000_001
    money = parse_money(digits, MoneyUnit.WAN_YUAN)
    assert money.amount is None and not money.valid and money.to_yuan() is None
    assert parse_money(digits + "万元", MoneyUnit.YUAN).amount is None
    target = parse_target(f"≥{digits}%")
    assert target.kind is TargetKind.QUALITATIVE and target.unreadable and target.number is None
    assert parse_target(f"{digits}万元").to_yuan() is None


def test_the_digit_cap_leaves_every_real_amount_exact() -> None:
    longest = "9" * (MAX_NUMBER_DIGITS - 2) + ".99"  # 10^18 万元: beyond any budget, still exact
    assert parse_money(longest, MoneyUnit.WAN_YUAN).to_yuan() == Decimal(longest) * 10000
    assert parse_money("1" + longest, MoneyUnit.WAN_YUAN).amount is None
    assert parse_target("≤123,456,789,012.5万元").number == Decimal("123456789012.5")


def test_declared_value_type_is_kept_and_compared() -> None:
    assert ValueType.from_text(" 定量 ") is ValueType.QUANTITATIVE
    assert ValueType.from_text("定性指标") is ValueType.QUALITATIVE
    assert ValueType.from_text("其他") is None
    assert parse_target("≥95%").declared is None
    qualitative_number = parse_target("95%", ValueType.QUALITATIVE)
    assert qualitative_number.is_qualitative and qualitative_number.contradicts_declared
    assert qualitative_number.number == Decimal("95")  # the number is still read, as written
    words = parse_target("达标", ValueType.QUANTITATIVE)
    assert words.contradicts_declared and words.is_qualitative
    assert not parse_target("达标", ValueType.QUALITATIVE).contradicts_declared
    assert not parse_target("", ValueType.QUANTITATIVE).contradicts_declared
    assert not parse_target("≥95%", ValueType.QUANTITATIVE).contradicts_declared


@pytest.mark.parametrize(("raw", "yuan", "per", "period"), [
    ("≤4000元/条", "4000", "条", None),
    ("≤4974.81元/人次", "4974.81", "人次", None),
    ("≤2万元/次", "20000", "次", None),
    ("≤4.5万元/台", "45000", "台", None),
    ("3860元/月/人", "3860", "人", "月"),
    ("3860元/人/月", "3860", "人", "月"),
    ("3860元/人·月", "3860", "人", "月"),  # the parser reads no "·": the cost is read from the text
    ("3860元／人・月", "3860", "人", "月"),
    ("4000元/人月", "4000", "人", "月"),
    ("每人每月3860元", "3860", "人", "月"),
    ("0.5万元/人/年", "5000", "人", "年"),
    ("≤300元/人/天", "300", "人", "天"),
    ("1.2万元/月", "12000", None, "月"),
])
def test_unit_cost_in_yuan(raw: str, yuan: str, per: str | None, period: str | None) -> None:
    assert unit_cost(parse_target(raw)) == UnitCost(Decimal(yuan), per, period)


@pytest.mark.parametrize("raw", ["≤230万元", "1.8万元", "≥500次", "3860", "及时保障", "", "≥95%", "元/条",
                                 "9" * (MAX_NUMBER_DIGITS + 1) + "元/人·月"])
def test_a_total_or_anything_else_is_no_unit_cost(raw: str) -> None:
    assert unit_cost(parse_target(raw)) is None


def test_periods_per_year_of_a_unit_cost() -> None:
    assert unit_cost(parse_target("3860元/月/人")).months_per_year == 12
    assert unit_cost(parse_target("0.5万元/人/年")).months_per_year == 1
    assert unit_cost(parse_target("≤4000元/条")).months_per_year == 1
    assert unit_cost(parse_target("≤300元/人/天")).months_per_year is None  # days not stated
