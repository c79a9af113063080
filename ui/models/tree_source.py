"""What the workspace tree shows, asked of the workspace level by level.

Region → department → year → projects; a year whose projects belong to several
units gets a unit level in between. Counts come with the workspace's listings;
the open-findings badges come from the workspace's grouped counts over the current
documents, one query per listing (departments when their region is opened). A year
stands for the department's current documents of that year: their ids and the
first serious warning of their import reports come from two queries per department
(its documents, then their reports), never one per node.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from core.import_report import describe_warning
from core.names import department_label
from core.store.records import DocumentInfo, ProjectInfo
from core.store.workspace import Workspace
from ui.models.tree_model import NodeSpec


def cached_page(cache: dict[Any, list[NodeSpec]], key: Any, listing: Callable[[], list[NodeSpec]], offset: int,
                limit: int) -> tuple[list[NodeSpec], bool]:
    """One page of a node's children, listed once and kept in `cache` until the last page
    is handed out (the view keeps its own copy then); says whether more follow."""
    if key not in cache:
        cache[key] = listing()
    specs = cache[key]
    page = specs[offset: offset + limit]
    more = offset + limit < len(specs)
    if not more:
        cache.pop(key, None)
    return page, more


class WorkspaceTreeSource:
    """A TreeSource over a Workspace. Listings are cached per branch until `forget()`."""

    def __init__(self, workspace: Workspace, unknown_year: Callable[[], str] | None = None) -> None:
        self.ws = workspace
        self._unknown_year = unknown_year or (lambda: QCoreApplication.translate("MainWindow", "年度不详"))
        self._cache: dict[tuple[object, ...], list[NodeSpec]] = {}

    def forget(self) -> None:
        self._cache.clear()

    def children(self, parent: NodeSpec | None, offset: int, limit: int) -> tuple[list[NodeSpec], bool]:
        key: tuple[object, ...] = ("root",) if parent is None else (parent.kind, *parent.key)
        return cached_page(self._cache, key, lambda: self._list(parent), offset, limit)

    def listing(self, parent: NodeSpec | None) -> list[NodeSpec]:
        """All children of `parent` (None: the regions), uncached (the filtered tree's base)."""
        return self._list(parent)

    def _list(self, parent: NodeSpec | None) -> list[NodeSpec]:
        if parent is None:
            return [NodeSpec("region", (r.id,), r.name, r.department_count) for r in self.ws.regions()]
        if parent.kind == "region":
            region_id = parent.key_id()
            departments = self.ws.departments(region_id)
            badges = self.ws.open_findings_per_department(d.id for d in departments)
            return [NodeSpec("department", (d.id,), d.label, d.document_count, badges.get(d.id, 0))
                    for d in departments]
        if parent.kind == "department":
            department_id = parent.key_id()
            specs = []
            year_badges = self.ws.open_findings_per_year(department_id)
            documents: defaultdict[int | None, list[DocumentInfo]] = defaultdict(list)
            for info in self.ws.documents(department_id, current_only=True):
                documents[info.year].append(info)
            warnings = self._first_serious_warnings(documents)
            for y in self.ws.years(department_id):
                projects = self.ws.department_projects(department_id, y.year)
                label = str(y.year) if y.year is not None else self._unknown_year()
                docs = documents.get(y.year, [])
                warning = next((warnings[d.id] for d in docs if d.id in warnings), "")
                # A year whose documents hold no project is a leaf: nothing to expand.
                specs.append(NodeSpec("year", (department_id, y.year), label, len(projects),
                                      year_badges.get(y.year, 0), has_children=bool(projects),
                                      documents=tuple(d.id for d in docs), warning=warning))
            return specs
        if parent.kind == "year":
            department_id, year = parent.key_id(), parent.key_year()
            projects = self.ws.department_projects(department_id, year)
            badges = self.ws.open_findings_per_project(department_id, year)
            units = Counter((p.unit_code, p.unit_name) for p in projects)
            if len(units) > 1:
                return [NodeSpec("unit", (department_id, year, code), department_label(code, name), n,
                                 sum(badges.get(p.id, 0) for p in projects if p.unit_code == code))
                        for (code, name), n in units.items()]
            return [self._project_spec(p, badges) for p in projects]
        if parent.kind == "unit":
            department_id, year, unit_code = parent.key_id(), parent.key_year(), parent.key[2]
            projects = self.ws.department_projects(department_id, year)
            badges = self.ws.open_findings_per_project(department_id, year)
            return [self._project_spec(p, badges) for p in projects if p.unit_code == unit_code]
        return []

    def _first_serious_warnings(self, documents: dict[int | None, list[DocumentInfo]]) -> dict[int, str]:
        """The first serious import warning of each document that has one, in words (one query)."""
        names = {d.id: d.source_name for docs in documents.values() for d in docs}
        found: dict[int, str] = {}
        for document_id, report in self.ws.import_reports(names).items():
            serious = report.serious_warnings if report is not None else []
            if serious:
                found[document_id] = describe_warning(serious[0], names[document_id])
        return found

    @staticmethod
    def _project_spec(p: ProjectInfo, badges: dict[int, int]) -> NodeSpec:
        seq = f"{p.seq}. " if p.seq is not None else ""
        return NodeSpec("project", (p.id, p.document_id), seq + p.name, p.indicator_count,
                        badges.get(p.id, 0), has_children=False, documents=(p.document_id,))
