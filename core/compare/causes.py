"""Why a value changed between two years: the `cause` of an indicator change.

| cause | when |
|---|---|
| year_rollover | the texts differ only in years moved by the documents' year gap (2025年12月31日 → 2026年12月31日) |
| budget | a 成本指标 amount follows its project's budget (equal to it in both years, or scaled by the same ratio) |
| quantity | a count under 数量指标 changed (31人 → 33人) |
| tightened / loosened | a target moved the demanding / the easy way (≥90% → ≥95%; ≤7工作日 → ≤10工作日) |
| other | anything else (wording, a qualitative value, a changed unit) |

Targets are read through the shared `core.values.parse_target`; `read_target`
keeps only what comparing two years needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from core.values import TargetKind, parse_target


class Cause(StrEnum):
    TIGHTENED = "tightened"
    LOOSENED = "loosened"
    QUANTITY = "quantity"
    BUDGET = "budget"
    YEAR_ROLLOVER = "year_rollover"
    OTHER = "other"


# The words for each cause are in the message catalogue (cause.*, core.compare.summary.cause_text).

# A year: four digits written as a year ("2025年", "〔2025〕", "2025-12-31", a bare "2025"), not a
# count that happens to look like one ("≥2000人").
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d|21\d\d)(?=年|[-./〕\]）)]|$)")


@dataclass(frozen=True, slots=True)
class Target:
    """A target as far as comparing two years needs it: operator, number and unit."""

    operator: str | None  # ">=", ">", "<=", "<" or None when none is written
    number: Decimal
    unit: str  # "%", "人", "万元", "元/人次", "天" … (with any words written before the number)
    yuan: Decimal | None = None  # a plain amount (元/万元/亿元) in 元; None for 元/人次 and the rest

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    def in_yuan(self) -> Decimal | None:
        return self.yuan


_SHARED_OPERATORS = {"≥": ">=", "≤": "<=", ">": ">", "<": "<"}


def read_target(raw: str) -> Target | None:
    """Operator, number and unit of a target such as "≥95%", "≤230万元", "31人", "100比率".

    None for qualitative values and for dates (which years, not numbers, compare).
    """
    parsed = parse_target(raw)
    if parsed.kind is not TargetKind.NUMBER or parsed.number is None:
        return None
    operator = _SHARED_OPERATORS.get(str(parsed.comparator)) if parsed.comparator else None
    return Target(operator, parsed.number, (parsed.label or "") + (parsed.unit or ""), parsed.to_yuan())


def years_rolled(old: str, new: str, gap: int) -> bool:
    """The texts differ only in years, each one either kept or moved forward by `gap` (at least one moved)."""
    if gap == 0 or old == new:
        return False
    old_parts, new_parts = _YEAR.split(old), _YEAR.split(new)
    if len(old_parts) != len(new_parts):
        return False
    moved = False
    # split() with one group alternates text, year, text, …: odd positions are years.
    for k, (a, b) in enumerate(zip(old_parts, new_parts, strict=True)):
        if k % 2 == 0:
            if a != b:
                return False
        elif int(b) == int(a) + gap:
            moved = True
        elif a != b:
            return False
    return moved


def _tighter_upwards(target: Target, level2: str) -> bool:
    """Whether a bigger number is the more demanding target."""
    if target.operator in (">=", ">"):
        return True
    if target.operator in ("<=", "<"):
        return False
    # No operator written: costs and durations are caps, everything else a floor.
    if "成本" in level2:
        return False
    return not ("时效" in level2 and not target.percent)


def value_cause(old_raw: str, new_raw: str, *, level1: str, level2: str, gap: int,
                budget_old: Decimal | None = None, budget_new: Decimal | None = None) -> Cause:
    """The cause of a change of an indicator's 指标值 (budgets in 元, None when unknown)."""
    old, new = read_target(old_raw), read_target(new_raw)
    if years_rolled(old_raw.strip(), new_raw.strip(), gap) and (old is None or new is None):
        return Cause.YEAR_ROLLOVER
    if old is None or new is None:
        return Cause.OTHER
    if "成本" in level2 or "成本" in level1:
        old_yuan, new_yuan = old.in_yuan(), new.in_yuan()
        if (old_yuan is not None and new_yuan is not None and budget_old and budget_new
                and budget_old != budget_new and _follows(old_yuan, new_yuan, budget_old, budget_new)):
            return Cause.BUDGET
        if old_yuan is not None and new_yuan is not None:
            old, new = Target(old.operator, old_yuan, "元", old_yuan), Target(new.operator, new_yuan, "元", new_yuan)
    if old.unit != new.unit:
        return Cause.OTHER
    if "数量" in level2 and not old.percent:
        return Cause.QUANTITY if old.number != new.number else Cause.OTHER
    if old.number == new.number:
        return _operator_cause(old.operator, new.operator)
    upwards = _tighter_upwards(old, level2)
    if _direction(old.operator) not in (None, _direction(new.operator)) and new.operator is not None:
        return Cause.OTHER  # ≥ became ≤: not a move along one scale
    return Cause.TIGHTENED if (new.number > old.number) == upwards else Cause.LOOSENED


def _direction(operator: str | None) -> str | None:
    if operator is None:
        return None
    return "up" if operator.startswith(">") else "down"


def _operator_cause(old: str | None, new: str | None) -> Cause:
    """Same number, the operator alone changed: ≥ → > is stricter, > → ≥ looser."""
    stricter = {(">=", ">"), ("<=", "<")}
    if (old, new) in stricter:
        return Cause.TIGHTENED
    if (new, old) in stricter:
        return Cause.LOOSENED
    return Cause.OTHER


def _follows(old: Decimal, new: Decimal, budget_old: Decimal, budget_new: Decimal) -> bool:
    """A cost that equals its budget in both years, or moved in the budget's proportion (to 0.5%)."""
    if old == budget_old and new == budget_new:
        return True
    if old == 0 or budget_old == 0:
        return False
    return abs(new / old - budget_new / budget_old) <= Decimal("0.005") * (budget_new / budget_old)
