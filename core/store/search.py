"""Search over project names, goals and indicator rows: FTS5 on SQLite, ILIKE elsewhere.

`search()` picks the ids (sqlite_specific's trigram index, or a portable ILIKE scan on
other databases) and then reads the hits' details with portable SQL.
"""

from __future__ import annotations

from sqlalchemy import Connection, or_, select

from core.store import sqlite_specific
from core.store.records import SearchHit
from core.store.schema import DepartmentRow, DocumentRow, IndicatorRow, ProjectRow

PROJECT_FIELDS = ("name", "goal")
INDICATOR_FIELDS = ("level3", "description", "value")


def _portable_ids(conn: Connection, query: str, limit: int, *, current_only: bool) -> tuple[
        list[int], list[int]]:
    project_q = (select(ProjectRow.id).join(DocumentRow, DocumentRow.id == ProjectRow.document_id)
                 .where(or_(*(getattr(ProjectRow, f).icontains(query, autoescape=True)
                              for f in PROJECT_FIELDS))))
    indicator_q = (select(IndicatorRow.id).join(ProjectRow, ProjectRow.id == IndicatorRow.project_id)
                   .join(DocumentRow, DocumentRow.id == ProjectRow.document_id)
                   .where(or_(*(getattr(IndicatorRow, f).icontains(query, autoescape=True)
                                for f in INDICATOR_FIELDS))))
    if current_only:
        project_q = project_q.where(DocumentRow.is_current.is_(True))
        indicator_q = indicator_q.where(DocumentRow.is_current.is_(True))
    projects = list(conn.execute(project_q.limit(limit)).scalars())
    left = limit - len(projects)
    indicators = list(conn.execute(indicator_q.limit(left)).scalars()) if left > 0 else []
    return projects, indicators


def _matched(texts: dict[str, str | None], query: str) -> tuple[str, str]:
    needle = query.casefold()
    for name, value in texts.items():
        if value and needle in value.casefold():
            return name, value
    name, value = next(iter(texts.items()))
    return name, value or ""


def search(conn: Connection, query: str, limit: int, *, current_only: bool = True) -> list[SearchHit]:
    query = query.strip()
    if not query or limit <= 0:
        return []
    if sqlite_specific.is_sqlite(conn) and sqlite_specific.has_search_index(conn):
        project_ids, indicator_ids = sqlite_specific.search_ids(conn, query, limit, current_only=current_only)
    else:
        project_ids, indicator_ids = _portable_ids(conn, query, limit, current_only=current_only)
    hits: list[SearchHit] = []
    # labelled: ProjectRow.name is also selected, as `name`
    context = (DepartmentRow.name.label("department"), DocumentRow.year)
    if project_ids:
        rows = conn.execute(
            select(ProjectRow.id, ProjectRow.document_id, ProjectRow.name, ProjectRow.title, ProjectRow.goal,
                   *context)
            .join(DocumentRow, DocumentRow.id == ProjectRow.document_id)
            .join(DepartmentRow, DepartmentRow.id == DocumentRow.department_id)
            .where(ProjectRow.id.in_(project_ids)).order_by(ProjectRow.id))
        for r in rows:
            field, text = _matched({"name": r.name, "goal": r.goal}, query)
            hits.append(SearchHit(project_id=r.id, indicator_id=None, document_id=r.document_id,
                                  department=r.department, year=r.year, project_name=r.name or r.title,
                                  field=field, text=text))
    if indicator_ids:
        rows = conn.execute(
            select(IndicatorRow.id, IndicatorRow.project_id, IndicatorRow.level3, IndicatorRow.description,
                   IndicatorRow.value, ProjectRow.document_id, ProjectRow.name, ProjectRow.title, *context)
            .join(ProjectRow, ProjectRow.id == IndicatorRow.project_id)
            .join(DocumentRow, DocumentRow.id == ProjectRow.document_id)
            .join(DepartmentRow, DepartmentRow.id == DocumentRow.department_id)
            .where(IndicatorRow.id.in_(indicator_ids)).order_by(IndicatorRow.id))
        for r in rows:
            field, text = _matched({"level3": r.level3, "description": r.description, "value": r.value},
                                   query)
            hits.append(SearchHit(project_id=r.project_id, indicator_id=r.id, document_id=r.document_id,
                                  department=r.department, year=r.year, project_name=r.name or r.title,
                                  field=field, text=text))
    return hits
