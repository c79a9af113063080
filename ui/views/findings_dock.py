"""The current project's findings: click one to go to its cell; accept, dismiss with a reason, reopen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.review import FindingState
from core.store.records import StoredFinding
from ui.labels import finding_text
from ui.models.findings_model import MESSAGE, PLACE, FindingsModel


class FindingsPanel(QWidget):
    activated = Signal(object)  # StoredFinding
    state_requested = Signal(int, object, object)  # finding id, FindingState, reason or None
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("findingsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        for col in range(self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # The place can be long ("第12行 指标值确定依据"): a fixed, user-resizable width keeps
        # the message, the column a reviewer reads, from being squeezed out in a narrow dock.
        header.setSectionResizeMode(PLACE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PLACE, self.fontMetrics().horizontalAdvance("第88行 三级指标") + 12)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("规则") + 8)
        self.view.setMinimumWidth(self.fontMetrics().horizontalAdvance("警告 C5 第88行 三级指标 说明说明说明说明说明说明说明说明说明说明 待处理"))
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.accept_button = QPushButton(self.tr("采纳"))
        self.accept_button.setToolTip(self.tr("采纳此发现，写入审核意见"))
        self.dismiss_button = QPushButton(self.tr("驳回…"))
        self.dismiss_button.setToolTip(self.tr("驳回此发现，并写明理由"))
        self.reopen_button = QPushButton(self.tr("重新打开"))
        self.accept_button.clicked.connect(lambda: self._request(FindingState.ACCEPTED))
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.reopen_button.clicked.connect(lambda: self._request(FindingState.OPEN))
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.dismiss_button, self.reopen_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_findings(self, findings: list[StoredFinding]) -> None:
        current = self.current()
        self.model.set_findings(findings)
        if current is not None and (row := self.model.row_of(current.id)) is not None:
            self.view.selectRow(row)
        self._update_buttons()

    def current(self) -> StoredFinding | None:
        index = self.view.currentIndex()
        return self.model.finding_at(index.row()) if index.isValid() else None

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.finding_at(index.row()))

    def _update_buttons(self) -> None:
        f = self.current()
        state = f.finding.state if f is not None else None
        self.accept_button.setEnabled(state is not None and state != FindingState.ACCEPTED)
        self.dismiss_button.setEnabled(state is not None and state != FindingState.DISMISSED)
        self.reopen_button.setEnabled(state is not None and state != FindingState.OPEN)

    def _request(self, state: FindingState, reason: str | None = None) -> None:
        f = self.current()
        if f is not None:
            self.state_requested.emit(f.id, state, reason)

    def dismiss_current(self) -> None:
        f = self.current()
        if f is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("驳回审核发现"),
            self.tr("{rule}：{message}\n\n请写明驳回理由：").format(rule=f.finding.check_id, message=finding_text(f.finding)),
            QLineEdit.EchoMode.Normal, f.finding.reason or "")
        if not ok:
            return
        if not reason.strip():
            self.message.emit(self.tr("驳回时必须写明理由。"))
            return
        self._request(FindingState.DISMISSED, reason.strip())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current() is not None:
            self.activated.emit(self.current())
            return
        super().keyPressEvent(event)
