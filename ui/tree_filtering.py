"""The tree's filter box: the store finds the matches, the tree shows their branches.

When typing pauses, `Workspace.tree_matches` (core/store/tree_filter.py) gives the
first page of the regions, departments, units and projects the text names across the
whole workspace, with their total; the tree model then takes a `FilteredTreeSource`
(ui/models/filtered_tree.py), so branches the reviewer never opened are searched too,
and the branches above the matches are opened. A line under the box says how many
are shown of how many ("显示前 N 处，共 M 处"), and 显示更多 adds the next page.
Clearing the box gives the whole tree back.
"""

from __future__ import annotations

import weakref
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTreeView, QWidget

from core.store.tree_filter import TreeMatch
from core.store.workspace import Workspace
from ui.models.filtered_tree import FilteredTreeSource, NodeKey, ancestor_keys, match_key
from ui.models.tree_model import TreeSource, WorkspaceTreeModel
from ui.models.tree_source import WorkspaceTreeSource

PAGE = 50  # matches per page: their branches are listed and opened at once (about 3 ms a department)
TYPING_PAUSE_MS = 250


class FilterHost(Protocol):
    """What the filter asks of the window (each time: the window replaces its workspace)."""

    ws: Workspace | None
    tree_source: WorkspaceTreeSource | None

    def reload_tree(self) -> None:
        """After the filter is cleared: the window opens its first branches and shows the
        current project again."""
        ...


class TreeFilter(QObject):
    """Connects the filter box, the tree model and the "显示前 N 处，共 M 处" line.

    Args:
        box: the filter box.
        tree, model, proxy: the tree view, its model and the proxy between them.
        host: the window; held weakly (no reference cycle through the window, which PySide
            would otherwise leave to the garbage collector at interpreter exit).
    """

    def __init__(self, box: QLineEdit, tree: QTreeView, model: WorkspaceTreeModel,
                 proxy: QSortFilterProxyModel, host: FilterHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box, self.tree, self.model, self.proxy = box, tree, model, proxy
        self._host = weakref.ref(host)
        self.filtered: FilteredTreeSource | None = None
        self.total = 0
        self.query = ""
        self._resetting = False
        self.status = QLabel()
        self.status.setObjectName("treeFilterStatus")
        self.status.setWordWrap(True)
        self.more_button = QPushButton(self.tr("显示更多"))
        self.more_button.setObjectName("treeFilterMore")
        self.more_button.clicked.connect(self.show_more)
        self.bar = QWidget()
        lay = QHBoxLayout(self.bar)
        lay.setContentsMargins(2, 0, 2, 0)
        lay.addWidget(self.status, 1)
        lay.addWidget(self.more_button)
        self.bar.hide()
        # Ask the store once typing pauses, not at every key.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.apply)
        # A reload by the window (after an import or a check, another workspace) asks again,
        # once control is back in the event loop.
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(0)
        self._again.timeout.connect(self.apply)
        box.textChanged.connect(self._text_changed)
        box.returnPressed.connect(self.apply)
        model.modelReset.connect(self._model_reset)

    def _text_changed(self, _text: str) -> None:
        self._typing.start()

    def _workspace(self) -> Workspace | None:
        host = self._host()
        return None if host is None else host.ws

    def _source(self) -> WorkspaceTreeSource | None:
        host = self._host()
        return None if host is None else host.tree_source

    def _restore(self) -> None:
        host = self._host()
        if host is not None:
            host.reload_tree()

    @property
    def active(self) -> bool:
        return self.filtered is not None

    def apply(self) -> None:
        """Filter by the box's text now (the whole tree again when it is empty)."""
        self._typing.stop()
        self._again.stop()
        text = self.box.text().strip()
        ws, full = self._workspace(), self._source()
        if not text or ws is None or full is None:
            was_active = self.active
            self.filtered, self.total, self.query = None, 0, ""
            self.bar.hide()
            if was_active and self.model.source() is not full:
                self._set_source(full)
                self._restore()
            return
        page = ws.tree_matches(text, PAGE, 0)
        self.query = text
        self._show(FilteredTreeSource(full, page.matches), page.total)

    def show_more(self) -> None:
        """The next page of matches, added to the tree shown (rows already there stay)."""
        ws, shown = self._workspace(), self.filtered
        if ws is None or shown is None or self.model.source() is not shown:
            return
        page = ws.tree_matches(self.query, PAGE, len(shown.matches))
        self.total = page.total
        if page.matches:
            shown.add(page.matches)
            touched = {key for match in page.matches for key in ancestor_keys(match)}
            self._merge(QModelIndex(), touched)
            self._open_paths(QModelIndex())
            # Scroll to where the new page starts.
            target = self._find(QModelIndex(), page.matches[0])
            if target.isValid():
                self.tree.scrollTo(self.proxy.mapFromSource(target))
        self._update_status()

    def _merge(self, parent: QModelIndex, touched: set[NodeKey]) -> None:
        """Add the new matches' branches to the loaded nodes above them."""
        assert self.filtered is not None
        spec = self.model.spec(parent)
        if spec is None or self.filtered.cuts(spec):
            self.model.merge_children(parent, self.filtered.wanted_children(spec))
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            child = self.model.spec(index)
            if child is not None and (child.kind, child.key) in touched:
                self._merge(index, touched)

    def _show(self, filtered: FilteredTreeSource, total: int) -> None:
        self.filtered, self.total = filtered, total
        self._set_source(filtered)
        self._open_paths(QModelIndex())
        self._update_status()

    def _set_source(self, source: TreeSource | None) -> None:
        self._resetting = True
        try:
            self.model.set_source(source)
        finally:
            self._resetting = False

    def _open_paths(self, parent: QModelIndex) -> None:
        """Load and open every branch above a match."""
        assert self.filtered is not None
        self.model.fetch_all(parent)
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            spec = self.model.spec(index)
            if spec is not None and self.filtered.to_expand(spec):
                self._open_paths(index)
                self.tree.expand(self.proxy.mapFromSource(index))

    def _find(self, parent: QModelIndex, match: TreeMatch) -> QModelIndex:
        """The loaded node of a match (the filtered tree has only its branches open)."""
        wanted = match_key(match)
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            spec = self.model.spec(index)
            if spec is not None and (spec.kind, spec.key) == wanted:
                return index
            found = self._find(index, match)
            if found.isValid():
                return found
        return QModelIndex()

    def _update_status(self) -> None:
        shown = len(self.filtered.matches) if self.filtered is not None else 0
        if self.total == 0:
            text = self.tr("没有名称或编码含“{text}”的地区、部门、单位或项目").format(text=self.query)
        elif shown < self.total:
            text = self.tr("显示前 {n} 处，共 {m} 处").format(n=shown, m=self.total)
        else:
            text = self.tr("共 {m} 处").format(m=self.total)
        self.status.setText(text)
        self.more_button.setVisible(shown < self.total)
        self.more_button.setToolTip(self.tr("再显示 {n} 处").format(n=min(PAGE, self.total - shown)))
        self.bar.show()

    def _model_reset(self) -> None:
        if not self._resetting and self.box.text().strip():
            self._again.start()
