"""An amount's change between two years as reviewers write it: "+12.5 万元（+8.3%）".

Computed from the amounts in 元 as `Decimal` (never float): the difference in 万元,
rounded half up to 0.01 万元 (to the yuan, 0.0001 万元, when it is smaller than that),
trailing zeros dropped, always signed; the percentage of last year's amount to 0.1,
half up, left out when last year's amount is 0. The words come from the message
catalogue (`chg.amount`, `chg.amount_no_percent`), so the window renders them in its
language.

    amount_change(Decimal("1500000"), Decimal("1625000"))  -> AmountChange(+12.5 万元, +8.3%)
    amount_change_text(Decimal("1500000"), Decimal("1625000"))  -> "+12.5 万元（+8.3%）"
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from core.messages import Lang, label

YUAN_PER_WAN = Decimal(10000)
_CENT_OF_WAN = Decimal("0.01")
_YUAN_IN_WAN = Decimal("0.0001")
_TENTH = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class AmountChange:
    """The difference of two amounts: in 万元, and as a percentage of the old one (None when it is 0)."""

    delta_wan: Decimal
    percent: Decimal | None
    sign: int = 0  # of the exact difference: 1 up, -1 down, 0 none (a rounded 0 keeps its direction)

    @property
    def delta_text(self) -> str:
        """'+12.5', '-3', '+0.0005' (万元): signed, rounded, no trailing zeros."""
        return _signed(_plain(self.delta_wan), self.sign)

    @property
    def percent_text(self) -> str | None:
        """'+8.3%', '-100.0%', or None without a percentage."""
        if self.percent is None:
            return None
        return _signed(_plain_tenth(self.percent), self.sign) + "%"

    def text(self, lang: Lang = "zh") -> str:
        """'+12.5 万元（+8.3%）' in Chinese, '+12.5 10k yuan (+8.3%)' in English."""
        if self.percent_text is None:
            return label("chg.amount_no_percent", lang).format(delta=self.delta_text)
        return label("chg.amount", lang).format(delta=self.delta_text, percent=self.percent_text)


def _rounded_wan(yuan: Decimal) -> Decimal:
    wan = yuan / YUAN_PER_WAN
    rounded = wan.quantize(_CENT_OF_WAN, rounding=ROUND_HALF_UP)
    if rounded == 0 and wan != 0:  # a change of a few yuan: keep it visible, to the yuan
        rounded = wan.quantize(_YUAN_IN_WAN, rounding=ROUND_HALF_UP)
    return rounded


def _plain(value: Decimal) -> str:
    """A Decimal in fixed notation without trailing zeros ('12.50' → '12.5', '12.00' → '12')."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _plain_tenth(value: Decimal) -> str:
    return f"{abs(value):.1f}"


def _signed(text: str, sign: int) -> str:
    """The sign of the exact value in front of its rounded digits: '+0' for a rise of cents."""
    digits = text.lstrip("-")
    if sign > 0:
        return "+" + digits
    if sign < 0:
        return "-" + digits
    return digits


def amount_change(old_yuan: Decimal, new_yuan: Decimal) -> AmountChange:
    """The change from `old_yuan` to `new_yuan` (both in 元)."""
    delta = new_yuan - old_yuan
    percent = None
    if old_yuan != 0:
        percent = (delta * 100 / abs(old_yuan)).quantize(_TENTH, rounding=ROUND_HALF_UP)
    sign = (delta > 0) - (delta < 0)
    return AmountChange(delta_wan=_rounded_wan(delta), percent=percent, sign=sign)


def amount_change_text(old_yuan: Decimal | None, new_yuan: Decimal | None, lang: Lang = "zh") -> str | None:
    """'+12.5 万元（+8.3%）', or None when either amount could not be read."""
    if old_yuan is None or new_yuan is None:
        return None
    return amount_change(old_yuan, new_yuan).text(lang)
