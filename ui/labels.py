"""Display names of the domain's fields, columns, severities and states, and the text of
findings, in the window's language: an adapter over core's one message catalogue.

The window speaks Chinese unless its language setting is English (ui.i18n); core
renders its records (findings, labels) from core.messages in that language, so the
English window shows every finding and label in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from core.checks.describe import column_label
from core.checks.describe import field_label as core_field_label
from core.messages import Lang, label
from core.review import Finding, FindingState, Location, Severity


def ui_lang() -> Lang:
    """The catalogue language of the window: its locale (set by ui.i18n) is Chinese or not."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def field_label(name: str) -> str:
    """'budget_total' → 预算数, 'spending_plan.6月底' → 资金支出计划·6月底, a column name → its label."""
    lang = ui_lang()
    if name in ("level1", "level2", "level3", "description", "value", "basis"):
        return column_label(name, lang)
    return core_field_label(name, lang)


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


def location_label(location: Location) -> str:
    """Where a finding or annotation sits, in words: '第3行 指标值', '预算数', '部门整体'."""
    lang = ui_lang()
    parts: list[str] = []
    if location.indicator is not None:
        parts.append(label("place.row", lang).format(n=location.indicator + 1))
        if location.column:
            parts.append(field_label(location.column))
    elif location.field:
        parts.append(field_label(location.field))
    elif location.project_seq is None:
        parts.append(label("place.department", lang))
    else:
        parts.append(label("place.project", lang))
    return " ".join(parts)


def finding_place(location: Location, project_name: str | None = None) -> str:
    """A finding's place in words, from the project down: '项目名 › 指标第3行 › 指标值'."""
    lang = ui_lang()
    parts: list[str] = []
    if location.project_seq is None:
        parts.append(label("place.department", lang))
    else:
        parts.append(project_name or label("place.project", lang))
    if location.indicator is not None:
        parts.append(label("place.indicator_row", lang).format(n=location.indicator + 1))
        if location.column:
            parts.append(field_label(location.column))
    elif location.field:
        parts.append(field_label(location.field))
    return " › ".join(parts)
