"""Words for findings: the name of a place in the caller's language, and a finding as a
plain dict for JSON (its parameters and its rendered Chinese text).

Every label comes from the one catalogue (core.messages), so a place reads the same in
the command line, the window and the memo ("指标第2行·指标值").
"""

from __future__ import annotations

import re
from typing import Any

from core.messages import Lang, label
from core.model import INDICATOR_COLUMNS
from core.review import Finding, Location


def field_label(name: str, lang: Lang = "zh") -> str:
    """'budget_total' → 预算数; 'spending_plan.6月底' → 资金支出计划·6月底; 'sub_goals[1]' → 分项绩效目标第2项;
    'totals.0' → 合计行1; an indicator column ('value') → its label; unknown names as they are."""
    if name in INDICATOR_COLUMNS:
        return column_label(name, lang)
    base, _, part = name.partition(".")
    base, _, index = base.partition("[")
    if base == "import":
        return label("field.import", lang)
    if base == "totals" and part.isdigit():
        return f"{label('field.totals', lang)}{int(part) + 1}"
    text = label(f"field.{base}", lang, default=base)
    if index.rstrip("]").isdigit():
        text += label("place.item", lang).format(n=int(index.rstrip("]")) + 1)
    if base == "spending_plan" and part:
        part = spending_label(part, lang)
    return f"{text}·{part}" if part else text


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def spending_label(key: str, lang: Lang = "zh") -> str:
    """A spending-plan column in `lang`: "3月底" is "End of March" in English; a key the
    documents name otherwise is shown as written."""
    month = re.fullmatch(r"(\d{1,2})月底", key)
    if lang == "en" and month and 1 <= int(month.group(1)) <= 12:
        return f"End of {_MONTHS[int(month.group(1)) - 1]}"
    return key


def column_label(name: str, lang: Lang = "zh") -> str:
    return label(f"column.{name}", lang, default=name)


def place_text(location: Location, lang: Lang = "zh") -> str:
    """Where a finding points, without the project: "指标第2行·指标值", "预算数"."""
    parts: list[str] = []
    if location.indicator is not None:
        parts.append(label("place.indicator_row", lang).format(n=location.indicator + 1))
    elif location.field:
        parts.append(field_label(location.field, lang))
    if location.column:
        parts.append(column_label(location.column, lang))
    return "·".join(parts) or label("place.document", lang)


def finding_to_dict(finding: Finding, project_name: str | None = None) -> dict[str, Any]:
    """A finding as JSON-ready data (what `check --json` prints): the typed parameters
    for scripts, and the rendered Chinese message for people."""
    loc = finding.location
    return {
        "check_id": finding.check_id, "severity": finding.severity.value, "criterion": finding.criterion.value,
        "project_seq": loc.project_seq, "project": project_name,
        "location": {"field": loc.field, "indicator": loc.indicator, "column": loc.column},
        "place": place_text(loc), "quote": finding.quote,
        "key": finding.key, "params": dict(finding.params), "message": finding.text("zh"),
        "suggestion": finding.suggestion, "prov": finding.prov.to_dict() if finding.prov else None,
        "source_place": finding.prov.describe() if finding.prov else None,
        "state": finding.state.value, "reason": finding.reason,
    }
