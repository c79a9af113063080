"""The workspace tree (region → department → year → [unit →] project) as a lazy item model.

Children are asked for only when a branch is expanded (canFetchMore/fetchMore),
in batches, so a province-scale workspace opens at once and scrolls without
stalls. What the nodes are comes from a `TreeSource` (ui/models/tree_source.py),
which asks the workspace; this model only keeps the loaded part of the tree.
A year node stands for the department's current document(s) of that year: it
carries their ids and, when an import report has serious warnings, a warning mark.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QIcon

from ui.models.roles import ID_ROLE, NODE_ROLE, SORT_ROLE
from ui.resources import icon
from ui.settings import QT_TRANSLATE_NOOP

BATCH = 200
BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 20  # open findings under the node (int)
WARNING_ROLE = int(Qt.ItemDataRole.UserRole) + 21  # the first serious import warning of the node's documents
DOCUMENTS_ROLE = int(Qt.ItemDataRole.UserRole) + 22  # the ids of the documents the node stands for
MATCH_ROLE = int(Qt.ItemDataRole.UserRole) + 23  # True: the tree filter's text names this node

KIND_NAMES = {
    "region": QT_TRANSLATE_NOOP("TreeModel", "地区"),
    "department": QT_TRANSLATE_NOOP("TreeModel", "部门"),
    "year": QT_TRANSLATE_NOOP("TreeModel", "年度"),
    "unit": QT_TRANSLATE_NOOP("TreeModel", "单位"),
    "project": QT_TRANSLATE_NOOP("TreeModel", "项目"),
}


@dataclass(frozen=True, slots=True)
class NodeSpec:
    """What a source says about one node.

    Attributes:
        kind: region, department, year, unit or project.
        key: the ids that identify it (e.g. (department_id, year) for a year).
        label: the text shown.
        count: how many items it holds (projects under a year, …), or None.
        badge: open findings under it.
        has_children: False for leaves (and for a year whose documents have no projects).
        documents: the ids of the documents the node stands for (a year: its current
            documents; a project: its document), for "导入报告…".
        warning: the first serious warning of those documents' import reports, in words
            ("" when there is none): the node gets a warning mark and this as tooltip.
    """

    kind: str
    key: tuple[object, ...]
    label: str
    count: int | None = None
    badge: int = 0
    has_children: bool = True
    documents: tuple[int, ...] = ()
    warning: str = ""

    def key_id(self) -> int:
        """The id every key starts with: the region's, the department's (a year's and a unit's
        key too) or the project's."""
        value = self.key[0]
        if not isinstance(value, int):
            raise TypeError(f"{self.kind} node {self.key!r}: the key does not start with an id")
        return value

    def key_year(self) -> int | None:
        """The year of a year or unit node, keyed (department_id, year, …); None: year unknown."""
        value = self.key[1]
        if value is not None and not isinstance(value, int):
            raise TypeError(f"{self.kind} node {self.key!r}: no year in the key")
        return value


_ICONS: dict[str, QIcon] = {}


def warning_icon() -> QIcon:
    """The tree's import-warning mark (loaded once: data() is called for every painted row)."""
    if "warning" not in _ICONS:
        _ICONS["warning"] = icon("import_warning")
    return _ICONS["warning"]


class TreeSource(Protocol):
    def children(self, parent: NodeSpec | None, offset: int, limit: int) -> tuple[list[NodeSpec], bool]:
        """The children of `parent` (None: the top level) from `offset`, and whether more follow."""
        ...


def _bold_font() -> QFont:
    """Matches of the tree filter are bold (loaded once: data() is called for every painted row)."""
    if _FONTS.get("bold") is None:
        font = QFont()
        font.setBold(True)
        _FONTS["bold"] = font
    return _FONTS["bold"]


_FONTS: dict[str, QFont] = {}


@dataclass(eq=False)
class Node:
    uid: int
    spec: NodeSpec | None  # None for the invisible root
    parent: Node | None
    children: list[Node] = field(default_factory=list)
    more: bool = True  # children remain to be fetched
    row: int = 0  # position among its parent's children (kept up to date by merge_children)


class WorkspaceTreeModel(QAbstractItemModel):
    """A lazily filled tree of NodeSpecs from a TreeSource."""

    def __init__(self, source: TreeSource | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._nodes: dict[int, Node] = {}
        self._source = source
        self._root = self._new_node(None, None)
        # A QTimer object, not QTimer.singleShot(0, functor): it dies with the model.
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self._children_turned_out_empty)

    def _new_node(self, spec: NodeSpec | None, parent: Node | None, row: int = 0) -> Node:
        node = Node(next(self._ids), spec, parent, more=spec is None or spec.has_children, row=row)
        self._nodes[node.uid] = node
        return node

    def set_source(self, source: TreeSource | None) -> None:
        self.beginResetModel()
        self._source = source
        self._nodes.clear()
        self._root = self._new_node(None, None)
        self.endResetModel()

    def source(self) -> TreeSource | None:
        return self._source

    def reload(self) -> None:
        """Forget what was loaded (after an import) and start again from the top."""
        self.set_source(self._source)

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        if not index.isValid():
            return self._root
        return self._nodes[index.internalId()]

    def spec(self, index: QModelIndex | QPersistentModelIndex) -> NodeSpec | None:
        return self.node(index).spec

    def index_of(self, node: Node) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node.uid)

    def find_loaded(self, kind: str, key: tuple[object, ...]) -> QModelIndex:
        """The index of a node already loaded, or an invalid index."""
        for node in self._nodes.values():
            if node.spec is not None and node.spec.kind == kind and node.spec.key == key:
                return self.index_of(node)
        return QModelIndex()

    def merge_children(self, parent: QModelIndex, specs: list[NodeSpec]) -> None:
        """Insert, each at its place, those of `specs` that `parent` does not hold yet.

        `specs` is the parent's new list of children, in order, and holds every child loaded
        now in the same order (the filtered tree, ui/models/filtered_tree.py, grows so when
        the next page of matches comes): the rows already there, their expansion and the
        selection stay as they are.
        """
        node = self.node(parent)
        if node.more:
            return  # not loaded yet: fetchMore will list them all
        def key(spec: NodeSpec | None) -> tuple[str, tuple[object, ...]] | None:
            return None if spec is None else (spec.kind, spec.key)

        have = {key(c.spec) for c in node.children}
        keys = [key(s) for s in specs]
        pos = i = 0
        while i < len(specs):
            if keys[i] in have:
                while pos < len(node.children) and key(node.children[pos].spec) != keys[i]:
                    pos += 1
                pos, i = pos + 1, i + 1
                continue
            run = []
            while i < len(specs) and keys[i] not in have:
                run.append(specs[i])
                i += 1
            self.beginInsertRows(parent if parent.isValid() else QModelIndex(), pos, pos + len(run) - 1)
            node.children[pos:pos] = [self._new_node(spec, node, pos + j) for j, spec in enumerate(run)]
            for row in range(pos + len(run), len(node.children)):
                node.children[row].row = row
            self.endInsertRows()
            pos += len(run)

    def fetch_all(self, parent: QModelIndex) -> None:
        """Load every child of `parent` (used when jumping to a place)."""
        while self.canFetchMore(parent):
            self.fetchMore(parent)

    # -- Qt API ---------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        node = self.node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].uid)

    # Python has one parent() for Qt's two, QObject.parent() -> QObject and this parent(index);
    # called without an index it gives QModelIndex(), as it always has.
    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # stands for QObject.parent() too  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._nodes[index.internalId()]
        if node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.index_of(node.parent)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        node = self.node(parent)
        if node.children:
            return True
        return node.more and self._source is not None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return self._source is not None and self.node(parent).more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        node = self.node(parent)
        if self._source is None or not node.more:
            return
        specs, more = self._source.children(node.spec, len(node.children), BATCH)
        node.more = more
        if not specs:
            if not node.children and not self._relayout_timer.isActive():
                # No children after all: the view must drop the expander, but not from
                # here. QTreeView calls fetchMore in the middle of its layout, holding
                # proxy indexes on its stack; a layout change now makes the
                # QSortFilterProxyModel rebuild its mappings under them, and the view
                # reads freed memory (the segmentation fault on a document without
                # projects). So the change is announced once control is back in the event loop.
                self._relayout_timer.start()
            return
        start = len(node.children)
        self.beginInsertRows(parent if parent.isValid() else QModelIndex(), start, start + len(specs) - 1)
        node.children.extend(self._new_node(spec, node, start + i) for i, spec in enumerate(specs))
        self.endInsertRows()

    def _children_turned_out_empty(self) -> None:
        # Both signals, never layoutChanged alone: the proxy saves and remaps the view's
        # persistent indexes between them. (No parents hint: PySide 6.12 offers only the
        # argument-less overload to Python.)
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        spec = self._nodes[index.internalId()].spec
        if spec is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if spec.count is not None and spec.kind != "project":
                return f"{spec.label}  ({spec.count})"
            return spec.label
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{QCoreApplication.translate('TreeModel', KIND_NAMES.get(spec.kind, spec.kind))}：{spec.label}"
            if spec.badge:
                text += "\n" + self.tr("待处理的审核发现：{n}").format(n=spec.badge)
            if spec.warning:
                text += "\n" + self.tr("导入警告：{text}").format(text=spec.warning)
                text += "\n" + self.tr("右键单击，选择“导入报告…”查看全部。")
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            # A mark, not colour alone: seen in any theme and by colour-blind reviewers.
            return warning_icon() if spec.warning else None
        if role in (MATCH_ROLE, Qt.ItemDataRole.FontRole):
            # A source that filters (ui/models/filtered_tree.py) says which nodes the text names.
            is_match = getattr(self._source, "is_match", None)
            matched = bool(is_match is not None and is_match(spec))
            if role == MATCH_ROLE:
                return matched
            return _bold_font() if matched else None
        if role == BADGE_ROLE:
            return spec.badge
        if role == WARNING_ROLE:
            return spec.warning
        if role == DOCUMENTS_ROLE:
            return spec.documents
        if role == NODE_ROLE:
            return spec
        if role == ID_ROLE:
            return spec.key[0] if spec.key else None
        if role == SORT_ROLE:
            return spec.label
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def update_badges(self, badges: dict[tuple[str, tuple[object, ...]], int]) -> None:
        """Set new open-finding counts on loaded nodes, keyed by (kind, key)."""
        for node in self._nodes.values():
            spec = node.spec
            if spec is None:
                continue
            new = badges.get((spec.kind, spec.key))
            if new is not None and new != spec.badge:
                node.spec = replace(spec, badge=new)
                idx = self.index_of(node)
                self.dataChanged.emit(idx, idx, [BADGE_ROLE, Qt.ItemDataRole.ToolTipRole])
