"""Search over project names, goals and indicator rows: FTS5 on SQLite, ILIKE elsewhere.

`search()` picks the ids (sqlite_specific's trigram index, or a portable ILIKE scan on
other databases) and then reads the hits' details with portable SQL. `search_page()`
gives the window one page of them from an offset with the total, counted up to
`COUNT_CAP` (a common term is in hundreds of thousands of a province's indicators:
counting them all took 0.5 s, ten times the page itself).
"""

from __future__ import annotations

from sqlalchemy import Connection, Select, func, or_, select

from core.store import sqlite_specific
from core.store.records import SearchHit, SearchPage
from core.store.schema import DepartmentRow, DocumentRow, IndicatorRow, ProjectRow

PROJECT_FIELDS = ("name", "goal")
INDICATOR_FIELDS = ("level3", "description", "value")


COUNT_CAP = 10_000


def _portable_queries(query: str, *, current_only: bool) -> tuple[Select[int], Select[int]]:
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
    return project_q.order_by(ProjectRow.id), indicator_q.order_by(IndicatorRow.id)


def _portable_ids(conn: Connection, query: str, limit: int, *, current_only: bool, offset: int = 0,
                  project_count: int = 0) -> tuple[list[int], list[int]]:
    project_q, indicator_q = _portable_queries(query, current_only=current_only)
    projects = (list(conn.execute(project_q.limit(limit).offset(offset)).scalars())
                if offset < project_count or not offset else [])
    left = limit - len(projects)
    indicators = (list(conn.execute(indicator_q.limit(left).offset(max(0, offset - project_count))).scalars())
                  if left > 0 else [])
    return projects, indicators


def _portable_counts(conn: Connection, query: str, cap: int, *, current_only: bool) -> tuple[int, int]:
    counts: list[int] = []
    for part in _portable_queries(query, current_only=current_only):
        if counts and counts[0] > cap:
            counts.append(0)
            continue
        capped = part.limit(cap + 1).subquery()
        counts.append(int(conn.execute(select(func.count()).select_from(capped)).scalar_one()))
    return counts[0], counts[1]


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
    return _hits(conn, query, project_ids, indicator_ids)


def search_page(conn: Connection, query: str, limit: int, offset: int, *,
                current_only: bool = True) -> SearchPage:
    """`limit` hits from `offset` (projects first, then indicators, each in id order) and the total.

    The total is exact up to COUNT_CAP; past it `capped` is set and the pages end at the cap.
    """
    query = query.strip()
    if not query:
        return SearchPage([], 0, offset)
    fts = sqlite_specific.is_sqlite(conn) and sqlite_specific.has_search_index(conn)
    if fts:
        projects, indicators = sqlite_specific.search_counts(conn, query, COUNT_CAP, current_only=current_only)
    else:
        projects, indicators = _portable_counts(conn, query, COUNT_CAP, current_only=current_only)
    capped = projects + indicators > COUNT_CAP
    total = min(projects + indicators, COUNT_CAP)
    limit = max(0, min(limit, total - offset))
    if limit == 0:
        return SearchPage([], total, offset, capped)
    if fts:
        project_ids, indicator_ids = sqlite_specific.search_ids(
            conn, query, limit, current_only=current_only, offset=offset, project_count=projects)
    else:
        project_ids, indicator_ids = _portable_ids(conn, query, limit, current_only=current_only,
                                                   offset=offset, project_count=projects)
    return SearchPage(_hits(conn, query, project_ids, indicator_ids), total, offset, capped)


def _hits(conn: Connection, query: str, project_ids: list[int], indicator_ids: list[int]) -> list[SearchHit]:
    """The details of the hits, projects first, each in id order."""
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
