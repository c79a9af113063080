"""Amount changes as reviewers write them, "+12.5 万元（+8.3%）", computed from Decimal (core/compare/amounts.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.compare import ChangeKind, compare_documents
from core.compare.amounts import amount_change, amount_change_text
from tests.compare.builders import document, project


@pytest.mark.parametrize(("old", "new", "text"), [
    ("1500000", "1625000", "+12.5 万元（+8.3%）"),
    ("1625000", "1500000", "-12.5 万元（-7.7%）"),
    ("300000", "405000", "+10.5 万元（+35.0%）"),
    ("100000", "0", "-10 万元（-100.0%）"),
    ("0", "235000", "+23.5 万元"),  # from nothing: no percentage
    ("1000000", "1000030", "+0.003 万元（+0.0%）"),  # a few yuan stay visible
    ("1000000.10", "1000000.30", "+0 万元（+0.0%）"),  # cents: rounded away, the direction kept
    ("123456789.12", "123456789.12", "0 万元（0.0%）"),
    ("-200000", "-100000", "+10 万元（+50.0%）"),  # a negative amount (a refund line): % of its size
    ("0.1", "0.2", "+0 万元（+100.0%）"),
])
def test_amount_change_text(old: str, new: str, text: str) -> None:
    assert amount_change_text(Decimal(old), Decimal(new)) == text


def test_rounding_is_half_up_and_exact() -> None:
    # 0.1 + 0.2 style float error cannot happen: 12.345 万元 rounds half up to 12.35
    change = amount_change(Decimal("0"), Decimal("123450"))
    assert change.delta_wan == Decimal("12.35") and change.percent is None
    assert amount_change(Decimal("3"), Decimal("4")).percent == Decimal("33.3")
    assert amount_change(Decimal("8"), Decimal("9")).percent == Decimal("12.5")


def test_english_and_unreadable() -> None:
    assert amount_change_text(Decimal("1500000"), Decimal("1625000"), "en") == "+12.5 10k yuan (+8.3%)"
    assert amount_change_text(None, Decimal(1)) is None


def test_budget_change_carries_the_amounts_in_yuan() -> None:
    old = document([project("会议费", "13020025P001", budget="30.00")])
    moved = document([project("会议费", "13020026P001", budget="40.50")], year=2026)
    budget = [c for c in compare_documents(old, moved).changes if c.kind is ChangeKind.BUDGET]
    assert budget and budget[0].old_yuan == Decimal("300000") and budget[0].new_yuan == Decimal("405000")
    assert budget[0].amount_text() == "+10.5 万元（+35.0%）"
    assert "old_yuan" not in budget[0].to_dict()  # the scorer's dict is unchanged
    other = next(c for c in compare_documents(old, moved).changes if c.kind is not ChangeKind.BUDGET)
    assert other.amount_text() is None
