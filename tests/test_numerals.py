"""core.numerals: Chinese numerals read and written, the one implementation both ways."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.numerals import CHINESE_NUMERAL_CHARS, parse_chinese_number, to_chinese_number

WRITTEN = {
    0: "零", 1: "一", 10: "十", 12: "十二", 15: "十五", 20: "二十", 99: "九十九", 100: "一百", 101: "一百零一",
    105: "一百零五", 110: "一百一十", 111: "一百一十一", 1000: "一千", 1005: "一千零五", 1010: "一千零一十",
    2300: "二千三百", 10010: "一万零一十", 12000: "一万二千", 100000: "十万", 110000: "十一万",
    1001000: "一百万一千", 10000001: "一千万零一", 99999999: "九千九百九十九万九千九百九十九",
    100000000: "一亿", 100100000: "一亿零一十万", 10**12: "一万亿",
}


@pytest.mark.parametrize(("n", "text"), WRITTEN.items())
def test_written_as_official_documents_write(n: int, text: str) -> None:
    assert to_chinese_number(n) == text
    assert parse_chinese_number(text) == n


@pytest.mark.parametrize(("text", "n"), [
    ("〇", 0), ("两千三百", 2300), ("两万", 20000), ("一十二", 12), ("三百六十五", 365), ("二百零五", 205),
    ("一百十", 110), ("十二", 12),
    # digits only, ASCII or full-width, are read as written (numbering comes both ways)
    ("3", 3), ("12", 12), ("１２", 12), ("007", 7), ("负三", -3),
])
def test_reads_other_spellings(text: str, n: int) -> None:
    assert parse_chinese_number(text) == n


@pytest.mark.parametrize("text", ["", "三次", "3百", "第三", "万元", "负", "一 二", "X"])
def test_not_a_number(text: str) -> None:
    assert parse_chinese_number(text) is None


def test_a_unit_alone_reads_as_before() -> None:
    """Lenient as the readers it replaced: the caller cuts a numeral run, a unit alone counts."""
    assert parse_chinese_number("万") == 0
    assert parse_chinese_number("十") == 10
    assert parse_chinese_number("十十") == 20


def test_negative_written_with_fu() -> None:
    assert to_chinese_number(-105) == "负一百零五"


def test_round_trip_up_to_100000() -> None:
    assert all(parse_chinese_number(to_chinese_number(n)) == n for n in range(0, 100001))


def test_round_trip_sampled_to_a_hundred_million_and_past() -> None:
    rng = random.Random(16)
    for n in [rng.randrange(10**8) for _ in range(5000)] + [rng.randrange(10**13) for _ in range(2000)]:
        assert parse_chinese_number(to_chinese_number(n)) == n


def test_writes_only_characters_it_reads() -> None:
    assert all(ch in CHINESE_NUMERAL_CHARS for n in range(0, 20001) for ch in to_chinese_number(n))


@given(st.integers(min_value=-(10**16), max_value=10**16))
def test_round_trip_any_integer(n: int) -> None:
    assert parse_chinese_number(to_chinese_number(n)) == n


@given(st.text(alphabet=CHINESE_NUMERAL_CHARS + "0123456789１２负次元", max_size=12))
def test_never_raises(text: str) -> None:
    value = parse_chinese_number(text)
    assert value is None or isinstance(value, int)
