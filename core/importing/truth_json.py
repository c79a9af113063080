"""`Document` → the JSON schema of ../shared/corpus/README.md (the parse command's output).

Strings are the raw text stripped of surrounding whitespace; a blank cell is "";
a field the document does not have is null. Keys beyond the schema (kind, year
source, provenance, issues) are extras the scorer ignores.
"""

from __future__ import annotations

from typing import Any

from core.model import SPENDING_PLAN_KEYS, Document, Field, Indicator, Project


def _s(value: Field | None) -> str | None:
    return None if value is None else value.raw.strip()


def indicator_to_json(ind: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {
        "level1": _s(ind.level1), "level2": _s(ind.level2), "level3": _s(ind.level3),
        "description": _s(ind.description), "value": _s(ind.value), "basis": _s(ind.basis),
    }
    if ind.extra:
        out["extra_columns"] = {k: _s(v) for k, v in ind.extra.items()}
    out["prov"] = ind.prov.to_dict()
    return out


def project_to_json(p: Project) -> dict[str, Any]:
    plan = None
    if p.spending_plan is not None:
        plan = {k: _s(p.spending_plan.get(k)) for k in SPENDING_PLAN_KEYS}
        plan = {k: ("" if v is None else v) for k, v in plan.items()}
    return {
        "seq": p.seq, "title": _s(p.title), "dept_code": p.dept_code or None, "dept_name": p.dept_name or None,
        "unit": p.money_unit.value if p.money_unit else None,
        "code": _s(p.code), "name": _s(p.name), "budget_total": _s(p.budget_total),
        "fiscal_funds": _s(p.fiscal_funds), "other_funds": _s(p.other_funds), "usage": _s(p.usage),
        "spending_plan": plan, "goal": _s(p.goal),
        "indicators": [indicator_to_json(i) for i in p.indicators],
        # forms with a 长期目标 and a 长期 grid beside the 年度 one (absent elsewhere)
        **({"long_term_goal": _s(p.long_term_goal)} if p.long_term_goal is not None else {}),
        **({"long_term_indicators": [indicator_to_json(i) for i in p.long_term_indicators]}
           if p.long_term_indicators else {}),
        **({"cost_items": [{"item": _s(c.item), "amount": _s(c.amount), "basis": _s(c.basis),
                            **({"extra_columns": {k: _s(v) for k, v in c.extra.items()}} if c.extra else {})}
                           for c in p.cost_items], "cost_total": _s(p.cost_total)}
           if p.cost_items or p.cost_total is not None else {}),
        **({"funding": {k: _s(v) for k, v in p.funding.items()}} if p.funding else {}),
        "prov": p.prov.to_dict(),
    }


def document_to_json(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source_name,
        "org": {"region_hint": doc.org.region_hint, "dept_code": doc.org.dept_code or None,
                "dept_name": doc.org.dept_name or None},
        "year": doc.year,
        "unit": doc.money_unit.value if doc.money_unit else None,
        "overall_goal": _s(doc.overall_goal),
        "sub_goals": [{"title": _s(s.title), "goal": _s(s.goal), "indicators": _s(s.indicators),
                       "description": _s(s.description)} for s in doc.sub_goals],
        "measures": [_s(m) for m in doc.measures],
        "projects": [project_to_json(p) for p in doc.projects],
        "budget_tables": None if doc.budget_tables is None else [
            {"title": _s(t.title), "dept": _s(t.dept), "year": _s(t.year), "unit": _s(t.unit),
             "rows": [[_s(c) for c in row] for row in t.rows]} for t in doc.budget_tables],
        # 小计/合计 rows of tables listing several projects (absent elsewhere)
        **({"totals": [{"label": _s(t.label), "amount": _s(t.amount), "projects": t.projects}
                       for t in doc.totals]} if doc.totals else {}),
        "extra": {
            "kind": doc.kind.value, "year_source": doc.year_source, "sha256": doc.sha256,
            "source_format": doc.source_format, "page_count": doc.page_count,
            "units": [{"code": u.code, "name": u.name} for u in doc.org.units],
            "issues": [{"code": i.code, "message": i.message, "prov": i.prov.to_dict(),
                        "project_seq": i.project_seq} for i in doc.issues],
        },
        "report": doc.report.to_dict(),
    }
