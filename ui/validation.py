"""Reading a value as the reviewer types it, with a message for one that cannot be read.

The reading itself is core's (core.values.parse_target / parse_money); this module
only turns it into a short line for the editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from core.values import MoneyUnit, TargetKind, parse_money, parse_target


@dataclass(frozen=True, slots=True)
class Reading:
    ok: bool
    message: str


def read_target(text: str) -> Reading:
    """How an indicator value (指标值) reads; not ok when it holds numbers or operators core cannot read."""
    target = parse_target(text)
    if target.kind is TargetKind.BLANK:
        return Reading(True, QCoreApplication.translate("Validation", "空值"))
    if target.kind is TargetKind.NUMBER:
        comparator = target.comparator.value if target.comparator else ""
        unit = target.unit or ""
        return Reading(True, QCoreApplication.translate("Validation", "读作：{value}").format(value=f"{comparator}{target.number}{unit}"))
    if target.kind is TargetKind.DATE:
        date = "-".join(str(p) for p in (target.year, target.month, target.day) if p is not None)
        suffix = QCoreApplication.translate("Validation", "前") if target.before else ""
        return Reading(True, QCoreApplication.translate("Validation", "日期：{date}{before}").format(date=date, before=suffix))
    if target.kind is TargetKind.PERIOD:
        return Reading(True, QCoreApplication.translate("Validation", "期间：{period}").format(period=target.period or text))
    if target.unreadable:
        return Reading(False, QCoreApplication.translate("Validation", "无法识别的指标值：含数字或比较符号，但读不出数值，请检查写法（如 ≥95%、31人、2025年12月31日前）。"))
    return Reading(True, QCoreApplication.translate("Validation", "定性指标（无数值）"))


def read_money(text: str, unit: MoneyUnit) -> Reading:
    money = parse_money(text, unit)
    if money.blank:
        return Reading(True, QCoreApplication.translate("Validation", "空值（按 0 计）"))
    if money.amount is None:
        return Reading(False, QCoreApplication.translate("Validation", "无法识别的金额：请只写数字（如 1234.56），单位为{unit}。").format(unit=unit.value))
    return Reading(True, QCoreApplication.translate("Validation", "读作：{amount}{unit}").format(amount=money.amount, unit=money.unit.value))
