"""Search the whole workspace (Ctrl+F); choosing a result jumps to its project and cell.

Hits come a page at a time (`Workspace.search_page`): the line under the list says how
many are shown of how many ("显示前 N 处，共 M 处"; a count past the store's cap says
"超过"), and 显示更多 adds the next page below those shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.store.records import SearchPage
from ui.labels import field_label
from ui.models.roles import OBJECT_ROLE

PAGE = 200  # hits per page


class SearchDialog(QDialog):
    """Args: search: (text, limit, offset) → one page of hits with the total."""

    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, search: Callable[[str, int, int], SearchPage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("搜索工作区"))
        self.resize(760, 420)
        self._search = search
        self._text = ""
        self.total = 0
        self.capped = False
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("项目名称、绩效目标、指标名称或指标值中的文字…"))
        self.query.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.more_button = QPushButton(self.tr("显示更多"))
        self.more_button.setObjectName("searchMore")
        self.more_button.setAutoDefault(False)  # Enter in the query box searches, it does not page on
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([self.tr("部门"), self.tr("年度"), self.tr("项目"),
                                              self.tr("位置"), self.tr("内容")])
        self.results = QTableView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.results.activated.connect(self._choose)
        self.results.doubleClicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.more_button)
        layout.addLayout(bottom)
        # Search as the reviewer types, once typing pauses.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._enter)

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        self.model.removeRows(0, self.model.rowCount())
        self._text = text
        if not text:
            self.total, self.capped = 0, False
            self.status.clear()
            self.more_button.hide()
            return
        self._add(self._search(text, PAGE, 0))
        self.results.resizeColumnsToContents()

    def show_more(self) -> None:
        """The next page of hits, below those shown."""
        if self._text and self.model.rowCount() < self.total:
            self._add(self._search(self._text, PAGE, self.model.rowCount()))

    def _add(self, page: SearchPage) -> None:
        for hit in page.hits:
            cells = [hit.department, "" if hit.year is None else str(hit.year), hit.project_name,
                     field_label(hit.field), hit.text]
            items = [QStandardItem(c) for c in cells]
            for item in items:
                item.setData(hit, OBJECT_ROLE)
                item.setToolTip(item.text())
            self.model.appendRow(items)
        self.total, self.capped = page.total, page.capped
        shown = self.model.rowCount()
        if shown < self.total or self.capped:
            line = (self.tr("显示前 {n} 处，共超过 {m} 处") if self.capped
                    else self.tr("显示前 {n} 处，共 {m} 处"))
            self.status.setText(line.format(n=shown, m=self.total))
        else:
            self.status.setText(self.tr("找到 {n} 处").format(n=shown))
        self.more_button.setVisible(shown < self.total)

    def _enter(self) -> None:
        self.run_search()
        if self.model.rowCount():
            self.results.setFocus()
            self.results.selectRow(0)

    def _choose(self, index: QModelIndex) -> None:
        hit = index.data(OBJECT_ROLE)
        if hit is not None:
            self.hit_chosen.emit(hit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.hasFocus():
            self._choose(self.results.currentIndex())
            return
        super().keyPressEvent(event)
