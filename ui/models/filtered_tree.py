"""The workspace tree cut down to what the filter text names, over the whole workspace.

`FilteredTreeSource` is a TreeSource built from the store's matches
(`Workspace.tree_matches`, core/store/tree_filter.py): at each level it gives the
workspace's own listing (so labels, counts, badges and warnings are those of the
unfiltered tree) kept to the branches that lead to a match. Below a matched region,
department, unit or year nothing is cut: a matched department opens onto all its
years and projects. A unit match in a year with a single unit is the year itself,
since the tree has no unit level there.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.store.tree_filter import TreeMatch
from ui.models.tree_model import NodeSpec
from ui.models.tree_source import WorkspaceTreeSource, cached_page

NodeKey = tuple[str, tuple[object, ...]]


def match_key(match: TreeMatch) -> NodeKey:
    """The tree node that stands for a match."""
    if match.kind == "region":
        return "region", (match.region_id,)
    if match.kind == "department":
        return "department", (match.department_id,)
    if match.kind == "unit":
        if match.units_in_year > 1:
            return "unit", (match.department_id, match.year, match.unit_code)
        return "year", (match.department_id, match.year)
    return "project", (match.project_id, match.document_id)


def ancestor_keys(match: TreeMatch) -> list[NodeKey]:
    """The nodes above a match, top down (a unit only matters where the year has a unit level)."""
    if match.kind == "region":
        return []
    keys: list[NodeKey] = [("region", (match.region_id,))]
    if match.kind == "department":
        return keys
    keys.append(("department", (match.department_id,)))
    if match.kind == "unit":
        return keys + ([("year", (match.department_id, match.year))] if match.units_in_year > 1 else [])
    keys.append(("year", (match.department_id, match.year)))
    keys.append(("unit", (match.department_id, match.year, match.unit_code)))
    return keys


class FilteredTreeSource:
    """A TreeSource that shows the branches leading to `matches`, and matched branches whole."""

    def __init__(self, full: WorkspaceTreeSource, matches: Iterable[TreeMatch] = ()) -> None:
        self.full = full
        self.matches: list[TreeMatch] = []
        self.matched: set[NodeKey] = set()
        self.on_path: set[NodeKey] = set()
        # Nodes at or below a match: their children are listed whole.
        self._whole: set[NodeKey] = set()
        self._cache: dict[NodeKey | None, list[NodeSpec]] = {}
        self.add(matches)

    def add(self, matches: Iterable[TreeMatch]) -> None:
        for match in matches:
            self.matches.append(match)
            self.matched.add(match_key(match))
            self.on_path.update(ancestor_keys(match))

    def is_match(self, spec: NodeSpec) -> bool:
        return (spec.kind, spec.key) in self.matched

    def to_expand(self, spec: NodeSpec) -> bool:
        """Whether the node is above a match (the filtered tree opens those)."""
        return (spec.kind, spec.key) in self.on_path

    def cuts(self, spec: NodeSpec) -> bool:
        """Whether the node's children are cut to the branches leading to matches."""
        key = (spec.kind, spec.key)
        return key not in self._whole and key not in self.matched

    def wanted_children(self, spec: NodeSpec | None) -> list[NodeSpec]:
        """The node's children as the matches now want them (after `add`), listed afresh."""
        return self._list(spec, None if spec is None else (spec.kind, spec.key))

    def forget(self) -> None:
        self._cache.clear()
        self.full.forget()

    def children(self, parent: NodeSpec | None, offset: int, limit: int) -> tuple[list[NodeSpec], bool]:
        key: NodeKey | None = None if parent is None else (parent.kind, parent.key)
        return cached_page(self._cache, key, lambda: self._list(parent, key), offset, limit)

    def _list(self, parent: NodeSpec | None, key: NodeKey | None) -> list[NodeSpec]:
        listing = self.full.listing(parent)
        if key is not None and (key in self._whole or key in self.matched):
            self._whole.update((s.kind, s.key) for s in listing)
            return listing
        wanted = self.on_path | self.matched
        return [s for s in listing if (s.kind, s.key) in wanted]
