"""Model objects to column dicts and back (documents, projects, indicators, reviewer layer).

Only this module knows which model attribute lives in which column; workspace.py
moves the dicts in and out of the database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from core.import_report import ImportReport
from core.model import (
    ANNUAL,
    INDICATOR_COLUMNS,
    MONEY_FIELDS,
    Document,
    DocumentKind,
    Field,
    Indicator,
    Organisation,
    Project,
)
from core.review import Location
from core.store import codec
from core.values import MoneyUnit, parse_money


class Columns(Protocol):
    """One database row's values by column name: a sqlalchemy RowMapping, or a plain dict."""

    def __getitem__(self, name: str, /) -> Any: ...


PROJECT_TEXT_FIELDS: tuple[str, ...] = ("code", "name", "budget_total", "fiscal_funds", "other_funds",
                                        "usage", "goal", "long_term_goal")


def _unit(text: str | None) -> MoneyUnit | None:
    return None if text is None else MoneyUnit(text)


def document_columns(doc: Document, *, department_id: int, imported_at: datetime) -> dict[str, Any]:
    raw, prov = codec.field_columns(doc.overall_goal)
    return {
        "department_id": department_id, "year": doc.year, "kind": doc.kind.value,
        "source_name": doc.source_name, "source_format": doc.source_format, "sha256": doc.sha256,
        "year_source": doc.year_source, "money_unit": None if doc.money_unit is None else doc.money_unit.value,
        "page_count": doc.page_count, "imported_at": imported_at, "is_current": True, "replaces_id": None,
        "region_hint": doc.org.region_hint, "dept_code": doc.org.dept_code, "dept_name": doc.org.dept_name,
        "overall_goal": raw, "overall_goal_prov": prov,
        "units_json": codec.units_to_json(doc.org.units),
        "sub_goals_json": codec.sub_goals_to_json(doc.sub_goals),
        "measures_json": codec.field_list_to_json(doc.measures),
        "budget_tables_json": codec.budget_tables_to_json(doc.budget_tables),
        "issues_json": codec.issues_to_json(doc.issues),
        "report_json": codec.report_to_json(doc.report),
        "totals_json": codec.totals_to_json(doc.totals),
    }


def document_from(row: Columns, projects: list[Project]) -> Document:
    return Document(
        kind=DocumentKind(row["kind"]), source_name=row["source_name"], sha256=row["sha256"],
        source_format=row["source_format"], year=row["year"], year_source=row["year_source"],
        money_unit=_unit(row["money_unit"]),
        org=Organisation(region_hint=row["region_hint"], dept_code=row["dept_code"],
                         dept_name=row["dept_name"], units=codec.units_from_json(row["units_json"])),
        overall_goal=codec.field_from(row["overall_goal"], row["overall_goal_prov"]),
        sub_goals=codec.sub_goals_from_json(row["sub_goals_json"]),
        measures=codec.field_list_from_json(row["measures_json"]),
        projects=projects,
        budget_tables=codec.budget_tables_from_json(row["budget_tables_json"]),
        issues=codec.issues_from_json(row["issues_json"]),
        page_count=row["page_count"],
        # A document stored before reports were recorded gets an empty one; ask
        # Workspace.import_report() to tell "none recorded" from an empty report.
        report=codec.report_from_json(row["report_json"]) or ImportReport(),
        totals=codec.totals_from_json(row["totals_json"]),
    )


def _yuan(project: Project, name: str) -> str | None:
    value: Field | None = getattr(project, name)
    if value is None:
        return None
    money = parse_money(value.raw, project.money_unit or MoneyUnit.WAN_YUAN)
    yuan = money.to_yuan()
    return None if yuan is None else str(yuan)


def project_columns(project: Project, *, document_id: int, position: int) -> dict[str, Any]:
    cols: dict[str, Any] = {
        "document_id": document_id, "position": position, "seq": project.seq,
        "title": project.title.raw, "title_prov": codec.prov_to_text(project.title.prov),
        "unit_code": project.dept_code, "unit_name": project.dept_name,
        "money_unit": None if project.money_unit is None else project.money_unit.value,
        "spending_plan_json": codec.fields_to_json(project.spending_plan),
        "prov": codec.prov_to_text(project.prov),
    }
    for name in PROJECT_TEXT_FIELDS:
        cols[name], cols[f"{name}_prov"] = codec.field_columns(getattr(project, name))
    for name in MONEY_FIELDS:
        cols[f"{name}_yuan"] = _yuan(project, name)
    cols["funding_json"] = codec.fields_to_json(project.funding) if project.funding else None
    cols["cost_json"] = codec.cost_to_json(project.cost_items, project.cost_total)
    return cols


def project_from(row: Columns, indicators: list[Indicator]) -> Project:
    values = {name: codec.field_from(row[name], row[f"{name}_prov"]) for name in PROJECT_TEXT_FIELDS}
    cost_items, cost_total = codec.cost_from_json(row["cost_json"])
    return Project(
        seq=row["seq"], title=Field(row["title"], codec.prov_from_text(row["title_prov"])),
        dept_code=row["unit_code"], dept_name=row["unit_name"], money_unit=_unit(row["money_unit"]),
        spending_plan=codec.fields_from_json(row["spending_plan_json"]),
        indicators=[i for i in indicators if i.period == ANNUAL],
        long_term_indicators=[i for i in indicators if i.period != ANNUAL],
        funding=codec.fields_from_json(row["funding_json"]) or {},
        cost_items=cost_items, cost_total=cost_total,
        prov=codec.prov_from_text(row["prov"]), **values,
    )


def indicator_columns(indicator: Indicator, *, project_id: int, position: int) -> dict[str, Any]:
    cols: dict[str, Any] = {"project_id": project_id, "position": position, "period": indicator.period,
                            "extra_json": codec.fields_to_json(indicator.extra) if indicator.extra else None}
    for name in INDICATOR_COLUMNS:
        cols[name], cols[f"{name}_prov"] = codec.field_columns(indicator.get(name))
    return cols


def indicator_from(row: Columns) -> Indicator:
    def column(name: str) -> Field:  # level1 … value: NOT NULL columns
        return Field(row[name], codec.prov_from_text(row[f"{name}_prov"]))

    return Indicator(level1=column("level1"), level2=column("level2"), level3=column("level3"),
                     description=column("description"), value=column("value"),
                     basis=codec.field_from(row["basis"], row["basis_prov"]),
                     extra=codec.fields_from_json(row["extra_json"]) or {}, period=row["period"] or ANNUAL)


def location_columns(location: Location) -> dict[str, Any]:
    return {"loc_project_seq": location.project_seq, "loc_field": location.field,
            "loc_indicator": location.indicator, "loc_column": location.column, "loc_key": location.key()}


def location_from(row: Columns) -> Location:
    return Location(project_seq=row["loc_project_seq"], field=row["loc_field"],
                    indicator=row["loc_indicator"], column=row["loc_column"])


def value_at(doc_part: Document | None, project: Project | None, location: Location) -> Field | None:
    """The submitted field a location points at (None when there is no such field)."""
    if location.indicator is not None:
        if project is None or not 0 <= location.indicator < len(project.indicators):
            return None
        indicator = project.indicators[location.indicator]
        column = location.column or "level3"
        if column in INDICATOR_COLUMNS:
            return indicator.get(column)
        return indicator.extra.get(column)
    if project is not None:
        name = location.field or "name"
        if name.startswith("spending_plan."):
            return (project.spending_plan or {}).get(name.split(".", 1)[1])
        if name == "title":
            return project.title
        return getattr(project, name, None) if name in PROJECT_TEXT_FIELDS else None
    if doc_part is None or location.field is None:
        return None
    return _document_value(doc_part, location.field)


def _document_value(doc: Document, name: str) -> Field | None:
    if name == "overall_goal":
        return doc.overall_goal
    base, _, index = name.partition("[")
    if not index:
        return None
    i = int(index.split("]", 1)[0])
    attr = index.split("]", 1)[1].lstrip(".") or None
    if base == "measures":
        return doc.measures[i] if 0 <= i < len(doc.measures) else None
    if base == "sub_goals" and 0 <= i < len(doc.sub_goals):
        goal = doc.sub_goals[i]
        return getattr(goal, attr or "title", None)
    return None
