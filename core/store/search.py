"""Search over project names, goals and indicator rows: FTS5 on SQLite, ILIKE elsewhere.

`search()` picks the ids (sqlite_specific's trigram index, or a portable ILIKE scan on
other databases) and then reads the hits' details with portable SQL. `search_page()`
gives the window one page of them from an offset with the total, counted up to
`COUNT_CAP` (a common term is in hundreds of thousands of a province's indicators:
counting them all took 0.5 s, ten times the page itself).

The hits are one list, the projects first, then the indicators, each part in id order;
`_page_parts()` alone says which part of that list a page takes from each. A query is
counted once: its first page counts (`count_hits`), and Workspace.search_page hands those
counts to the next pages of the same text until a write to the workspace commits.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from sqlalchemy import Connection, Select, func, or_, select, text

from core.store import sqlite_specific
from core.store.records import SearchHit, SearchPage
from core.store.schema import DepartmentRow, DocumentRow, IndicatorRow, ProjectRow

PROJECT_FIELDS = ("name", "goal")
INDICATOR_FIELDS = ("level3", "description", "value")


COUNT_CAP = 10_000

Part = Literal["project", "indicator"]
# Each part's FTS table (core/store/sqlite_specific.py's FTS_TABLES).
_FTS_TABLE: dict[Part, str] = {"project": "project_fts", "indicator": "indicator_fts"}


class _Slice(NamedTuple):
    """`take` ids of one part from its `skip`-th on."""

    skip: int
    take: int


def _page_parts(offset: int, limit: int, project_count: int) -> tuple[_Slice, _Slice]:
    """Where the page of `limit` hits from `offset` of the whole list lies in each part
    (`project_count`: how many projects match): the one place the offset is split."""
    from_projects = max(0, min(limit, project_count - offset))
    return (_Slice(offset if from_projects else 0, from_projects),
            _Slice(max(0, offset - project_count), limit - from_projects))


def _portable_query(part: Part, query: str, *, current_only: bool) -> Select[int]:
    if part == "project":
        found = (select(ProjectRow.id).join(DocumentRow, DocumentRow.id == ProjectRow.document_id)
                 .where(or_(*(getattr(ProjectRow, f).icontains(query, autoescape=True)
                              for f in PROJECT_FIELDS)))
                 .order_by(ProjectRow.id))
    else:
        found = (select(IndicatorRow.id).join(ProjectRow, ProjectRow.id == IndicatorRow.project_id)
                 .join(DocumentRow, DocumentRow.id == ProjectRow.document_id)
                 .where(or_(*(getattr(IndicatorRow, f).icontains(query, autoescape=True)
                              for f in INDICATOR_FIELDS)))
                 .order_by(IndicatorRow.id))
    return found.where(DocumentRow.is_current.is_(True)) if current_only else found


def _part_ids(conn: Connection, part: Part, query: str, where: _Slice, *, fts: bool,
              current_only: bool) -> list[int]:
    """The ids of one part's slice, in id order."""
    if where.take <= 0:
        return []
    if not fts:
        found = _portable_query(part, query, current_only=current_only).limit(where.take).offset(where.skip)
        return list(conn.execute(found).scalars())
    # sqlite_specific says which SELECT answers the query (trigrams, their OR, or LIKE).
    sql = sqlite_specific.search_sql(conn, _FTS_TABLE[part], query, current_only=current_only)
    if sql is None:
        return []
    statement, params = sql
    return [int(r[0]) for r in conn.execute(text(f"{statement} LIMIT :n OFFSET :o"),
                                            {**params, "n": where.take, "o": where.skip})]


def _portable_counts(conn: Connection, query: str, cap: int, *, current_only: bool) -> tuple[int, int]:
    counts: list[int] = []
    for part in ("project", "indicator"):
        if counts and counts[0] > cap:
            counts.append(0)
            continue
        capped = _portable_query(part, query, current_only=current_only).limit(cap + 1).subquery()
        counts.append(int(conn.execute(select(func.count()).select_from(capped)).scalar_one()))
    return counts[0], counts[1]


def _counts(conn: Connection, query: str, *, fts: bool, current_only: bool) -> tuple[int, int]:
    """(matching projects, matching indicators), each counted to COUNT_CAP + 1 at most (the
    indicators not at all when the projects pass it)."""
    if fts:
        return sqlite_specific.search_counts(conn, query, COUNT_CAP, current_only=current_only)
    return _portable_counts(conn, query, COUNT_CAP, current_only=current_only)


def _matched(texts: dict[str, str | None], query: str) -> tuple[str, str]:
    needle = query.casefold()
    for name, value in texts.items():
        if value and needle in value.casefold():
            return name, value
    name, value = next(iter(texts.items()))
    return name, value or ""


def _uses_index(conn: Connection) -> bool:
    return sqlite_specific.is_sqlite(conn) and sqlite_specific.has_search_index(conn)


def search(conn: Connection, query: str, limit: int, *, current_only: bool = True) -> list[SearchHit]:
    query = query.strip()
    if not query or limit <= 0:
        return []
    fts = _uses_index(conn)
    project_ids = _part_ids(conn, "project", query, _Slice(0, limit), fts=fts, current_only=current_only)
    indicator_ids = _part_ids(conn, "indicator", query, _Slice(0, limit - len(project_ids)),
                              fts=fts, current_only=current_only)
    return _hits(conn, query, project_ids, indicator_ids)


def count_hits(conn: Connection, query: str, *, current_only: bool = True) -> tuple[int, int]:
    """(matching projects, matching indicators) of `query`, each counted to COUNT_CAP + 1 at most:
    what `search_page` needs to place a page and say the total. Workspace.search_page keeps
    them while no write commits, so that 显示更多 does not count again."""
    query = query.strip()
    if not query:
        return 0, 0
    return _counts(conn, query, fts=_uses_index(conn), current_only=current_only)


def search_page(conn: Connection, query: str, limit: int, offset: int, counts: tuple[int, int], *,
                current_only: bool = True) -> SearchPage:
    """`limit` hits from `offset` (projects first, then indicators, each in id order) and the
    total, placed by `counts` (`count_hits` of the same query).

    The total is exact up to COUNT_CAP; past it `capped` is set and the pages end at the cap.
    """
    query = query.strip()
    if not query:
        return SearchPage([], 0, offset)
    return _page(conn, query, limit, offset, counts, fts=_uses_index(conn), current_only=current_only)


def _page(conn: Connection, query: str, limit: int, offset: int, counts: tuple[int, int], *,
          fts: bool, current_only: bool) -> SearchPage:
    projects, indicators = counts
    capped = projects + indicators > COUNT_CAP
    total = min(projects + indicators, COUNT_CAP)
    limit = max(0, min(limit, total - offset))
    if limit == 0:
        return SearchPage([], total, offset, capped)
    in_projects, in_indicators = _page_parts(offset, limit, projects)
    project_ids = _part_ids(conn, "project", query, in_projects, fts=fts, current_only=current_only)
    indicator_ids = _part_ids(conn, "indicator", query, in_indicators, fts=fts, current_only=current_only)
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
