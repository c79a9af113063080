"""Values as written and as understood: money (Decimal + unit) and indicator targets.

One parser everything shares (importer, checks, comparison, memo). The raw text
always travels beside the parsed form; nothing here ever uses float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum


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


_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
_MONEY_RE = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


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
    """"1,234.00" → Decimal("1234.00"); full-width digits accepted; else None."""
    cleaned = re.sub(r"[\s,，]", "", text.translate(_FULLWIDTH))
    if not _MONEY_RE.match(cleaned):
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
