"""Display names of the domain's fields, columns, severities and states, and the text of
findings, in the window's language: an adapter over core's one message catalogue.

The window speaks Chinese unless its language setting is English (ui.i18n); core
renders its records (findings, labels) from core.messages in that language, so the
English window shows every finding and label in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from core.checks.describe import field_label as core_field_label
from core.checks.describe import spending_label as core_spending_label
from core.messages import Lang, label
from core.review import Finding, FindingState, Location, Severity


def ui_lang() -> Lang:
    """The catalogue language of the window: its locale (set by ui.i18n) is Chinese or not."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def field_label(name: str) -> str:
    """'budget_total' → 预算数, 'spending_plan.6月底' → 资金支出计划·6月底, a column name → its label."""
    return core_field_label(name, ui_lang())


def spending_label(key: str) -> str:
    """A spending-plan column in the window's language ("3月底", "End of March")."""
    return core_spending_label(key, ui_lang())


def severity_label(severity: Severity) -> str:
    return label(f"severity.{severity.value}", ui_lang())


def state_label(state: FindingState) -> str:
    return label(f"state.{state.value}", ui_lang())


def criterion_label(finding: Finding) -> str:
    """The review criterion a finding is about (完整性, 相关性, …) in the window's language."""
    return label(f"criterion.{finding.criterion.value}", ui_lang(), default=finding.criterion.value)


def finding_text(finding: Finding) -> str:
    """A finding's message in the window's language."""
    return finding.text(ui_lang())


def _within(location: Location, row_key: str) -> list[str]:
    """The row and column, or the field, a location names inside its project."""
    if location.indicator is not None:
        row = label(row_key, ui_lang()).format(n=location.indicator + 1)
        return [row, field_label(location.column)] if location.column else [row]
    return [field_label(location.field)] if location.field else []


def location_label(location: Location) -> str:
    """Where a finding or annotation sits, in words: '第3行 指标值', '预算数', '部门整体'."""
    parts = _within(location, "place.row")
    if not parts:
        parts = [label("place.department" if location.project_seq is None else "place.project", ui_lang())]
    return " ".join(parts)


def finding_place(location: Location, project_name: str | None = None) -> str:
    """A finding's place in words, from the project down: '项目名 › 指标第3行 › 指标值'."""
    lang = ui_lang()
    head = label("place.department", lang) if location.project_seq is None \
        else project_name or label("place.project", lang)
    return " › ".join([head, *_within(location, "place.indicator_row")])
