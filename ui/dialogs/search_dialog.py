"""Search the whole workspace (Ctrl+F); choosing a result jumps to its project and cell."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.store.records import SearchHit
from ui.labels import field_label
from ui.models.roles import OBJECT_ROLE


class SearchDialog(QDialog):
    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, search: Callable[[str], list[SearchHit]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("搜索工作区"))
        self.resize(760, 420)
        self._search = search
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("项目名称、绩效目标、指标名称或指标值中的文字…"))
        self.query.setClearButtonEnabled(True)
        self.status = QLabel()
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
        layout.addWidget(self.status)
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
        if not text:
            self.status.clear()
            return
        hits = self._search(text)
        for hit in hits:
            cells = [hit.department, "" if hit.year is None else str(hit.year), hit.project_name,
                     field_label(hit.field), hit.text]
            items = [QStandardItem(c) for c in cells]
            for item in items:
                item.setData(hit, OBJECT_ROLE)
                item.setToolTip(item.text())
            self.model.appendRow(items)
        self.status.setText(self.tr("找到 {n} 处").format(n=len(hits)))
        self.results.resizeColumnsToContents()

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
