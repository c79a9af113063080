"""How model values are written into columns and read back, exactly.

Provenance is a compact text "page,table,row,col,paragraph" (empty slot = None), so
2 million indicator rows stay small; document parts that are never queried
(sub-goals, measures, budget tables, issues, units, the import report) are JSON. Every function here
has its inverse next to it; tests/store/test_roundtrip.py checks they agree.
"""

from __future__ import annotations

import json
from typing import Any

from core.import_report import ImportReport
from core.model import (
    NOWHERE,
    BudgetTable,
    CostItem,
    Field,
    ImportIssue,
    Provenance,
    StatedTotal,
    SubGoal,
    Unit,
)
from core.values import MoneyUnit

_PROV_SLOTS = ("page", "table", "row", "col", "paragraph")


def prov_to_text(prov: Provenance | None) -> str | None:
    """"page,table,row,col,paragraph" with empty slots for None; None for no place at all."""
    if prov is None:
        return None
    # spelled out: this runs for every stored cell, and a generator over getattr took 3x as long
    page, table, row, col, paragraph = prov.page, prov.table, prov.row, prov.col, prov.paragraph
    if page is None and table is None and row is None and col is None and paragraph is None:
        return None
    return (f"{'' if page is None else page},{'' if table is None else table},{'' if row is None else row},"
            f"{'' if col is None else col},{'' if paragraph is None else paragraph}")


def prov_from_text(text: str | None) -> Provenance:
    if not text:
        return NOWHERE
    parts = text.split(",")
    values = [int(p) if p else None for p in parts]
    return Provenance(**dict(zip(_PROV_SLOTS, values, strict=True)))


def field_columns(value: Field | None) -> tuple[str | None, str | None]:
    """(raw, prov) columns of an optional field."""
    if value is None:
        return None, None
    return value.raw, prov_to_text(value.prov)


def field_from(raw: str | None, prov: str | None) -> Field | None:
    return None if raw is None else Field(raw, prov_from_text(prov))


def _f(value: Field | None) -> list[Any] | None:
    return None if value is None else [value.raw, prov_to_text(value.prov)]


def _unf(data: list[Any] | None) -> Field | None:
    return None if data is None else Field(data[0], prov_from_text(data[1]))


def _unf_required(data: list[Any]) -> Field:
    return Field(data[0], prov_from_text(data[1]))


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def fields_to_json(fields: dict[str, Field] | None) -> str | None:
    if fields is None:
        return None
    return dumps({k: _f(v) for k, v in fields.items()})


def fields_from_json(text: str | None) -> dict[str, Field] | None:
    if text is None:
        return None
    return {k: _unf_required(v) for k, v in json.loads(text).items()}


def field_list_to_json(fields: list[Field]) -> str:
    return dumps([_f(f) for f in fields])


def field_list_from_json(text: str) -> list[Field]:
    return [_unf_required(v) for v in json.loads(text)]


def sub_goals_to_json(goals: list[SubGoal]) -> str:
    return dumps([[_f(g.title), _f(g.goal), _f(g.indicators), _f(g.description)] for g in goals])


def sub_goals_from_json(text: str) -> list[SubGoal]:
    return [SubGoal(title=_unf_required(t), goal=_unf(g), indicators=_unf(i), description=_unf(d))
            for t, g, i, d in json.loads(text)]


def units_to_json(units: list[Unit]) -> str:
    return dumps([[u.code, u.name] for u in units])


def units_from_json(text: str) -> list[Unit]:
    return [Unit(code, name) for code, name in json.loads(text)]


def budget_tables_to_json(tables: list[BudgetTable] | None) -> str | None:
    if tables is None:
        return None
    return dumps([{"title": _f(t.title), "dept": _f(t.dept), "year": _f(t.year), "unit": _f(t.unit),
                   "rows": [[_f(c) for c in row] for row in t.rows]} for t in tables])


def budget_tables_from_json(text: str | None) -> list[BudgetTable] | None:
    if text is None:
        return None
    return [BudgetTable(title=_unf_required(t["title"]), dept=_unf(t["dept"]), year=_unf(t["year"]),
                        unit=_unf(t["unit"]), rows=[[_unf_required(c) for c in row] for row in t["rows"]])
            for t in json.loads(text)]


def issues_to_json(issues: list[ImportIssue]) -> str:
    return dumps([{"code": i.code, "message": i.message, "prov": prov_to_text(i.prov),
                   "project_seq": i.project_seq, "column": i.column,
                   "indicator_index": i.indicator_index} for i in issues])


def issues_from_json(text: str) -> list[ImportIssue]:
    return [ImportIssue(code=i["code"], message=i["message"], prov=prov_from_text(i["prov"]),
                        project_seq=i["project_seq"], column=i["column"],
                        indicator_index=i["indicator_index"]) for i in json.loads(text)]


def report_to_json(report: ImportReport) -> str:
    return dumps(report.to_dict())


def report_from_json(text: str | None) -> ImportReport | None:
    """None for NULL: documents stored before reports were recorded have none."""
    return None if text is None else ImportReport.from_dict(json.loads(text))


def cost_to_json(items: list[CostItem], total: Field | None) -> str | None:
    """A project's cost-structure table (rows and 合计) as JSON; None when it has none."""
    if not items and total is None:
        return None
    return dumps({"items": [{"item": _f(c.item), "amount": _f(c.amount), "basis": _f(c.basis),
                             "extra": {k: _f(v) for k, v in c.extra.items()}} for c in items],
                  "total": _f(total)})


def cost_from_json(text: str | None) -> tuple[list[CostItem], Field | None]:
    if text is None:
        return [], None
    data = json.loads(text)
    items = [CostItem(item=_unf_required(c["item"]), amount=_unf_required(c["amount"]), basis=_unf(c.get("basis")),
                      extra={k: _unf_required(v) for k, v in (c.get("extra") or {}).items()})
             for c in data.get("items") or []]
    return items, _unf(data.get("total"))


def totals_to_json(totals: list[StatedTotal]) -> str | None:
    """A document's 小计/合计 rows (label, amount as written, projects totalled); None when none."""
    if not totals:
        return None
    return dumps([{"label": _f(t.label), "amount": _f(t.amount), "projects": t.projects,
                   "unit": None if t.money_unit is None else t.money_unit.value} for t in totals])


def totals_from_json(text: str | None) -> list[StatedTotal]:
    if text is None:
        return []
    return [StatedTotal(label=_unf_required(t["label"]), amount=_unf_required(t["amount"]),
                        projects=[int(i) for i in t.get("projects") or []],
                        money_unit=None if t.get("unit") is None else MoneyUnit(t["unit"]))
            for t in json.loads(text)]
