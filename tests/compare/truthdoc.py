"""Build a `core.model.Document` straight from a truth dict (corpus README schema).

Lets the comparison be tested on exactly the values a truth file states, without
going through a reader; the file-based tests go through the importer instead.
"""

from __future__ import annotations

from typing import Any

from core.model import (
    SPENDING_PLAN_KEYS,
    Document,
    DocumentKind,
    Field,
    Indicator,
    Organisation,
    Project,
    SubGoal,
)
from core.values import MoneyUnit


def _field(value: str | None) -> Field | None:
    return None if value is None else Field(value)


def document_from_truth(truth: dict[str, Any], name: str = "truth") -> Document:
    unit = MoneyUnit.from_text(truth.get("unit") or "")
    org = truth["org"]
    projects = []
    for p in truth["projects"]:
        plan = p.get("spending_plan")
        projects.append(Project(
            seq=p["seq"], title=Field(p["title"]), dept_code=p["dept_code"], dept_name=p["dept_name"],
            money_unit=MoneyUnit.from_text(p.get("unit") or "") or unit,
            code=_field(p["code"]), name=_field(p["name"]), budget_total=_field(p["budget_total"]),
            fiscal_funds=_field(p["fiscal_funds"]), other_funds=_field(p["other_funds"]),
            usage=_field(p["usage"]),
            spending_plan=None if plan is None else {k: Field(plan[k]) for k in SPENDING_PLAN_KEYS if k in plan},
            goal=_field(p["goal"]),
            indicators=[Indicator(level1=Field(i["level1"]), level2=Field(i["level2"]), level3=Field(i["level3"]),
                                  description=Field(i["description"]), value=Field(i["value"]),
                                  basis=_field(i.get("basis")))
                        for i in p["indicators"]],
        ))
    return Document(
        kind=DocumentKind.PERFORMANCE, source_name=name, sha256="", source_format="truth",
        year=truth.get("year"), year_source="truth", money_unit=unit,
        org=Organisation(org.get("region_hint"), org["dept_code"], org["dept_name"]),
        overall_goal=_field(truth.get("overall_goal")),
        sub_goals=[SubGoal(title=Field(s["title"]), goal=_field(s.get("goal")), indicators=_field(s.get("indicators")))
                   for s in truth.get("sub_goals") or []],
        measures=[Field(m) for m in truth.get("measures") or []],
        projects=projects,
    )
