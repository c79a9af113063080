"""The current project's findings: click one to go to its cell; accept, dismiss with a reason, reopen.

Notes (I severity) are folded: a toggle shows them, and a note the reviewer accepted is
always shown (CHECKS.md, Noise).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.review import FindingState, Severity
from core.store.records import StoredFinding
from ui.labels import criterion_label, finding_place, finding_text
from ui.models.findings_model import MESSAGE, PLACE, FindingsModel


class FindingsFilter(QSortFilterProxyModel):
    """Hides notes (I severity) unless shown, or accepted by the reviewer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_notes = False

    def set_show_notes(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_notes = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if self.show_notes or not isinstance(model, FindingsModel):
            return True
        finding = model.finding_at(source_row).finding
        return finding.severity is not Severity.NOTE or finding.state is FindingState.ACCEPTED

    def hidden_notes(self) -> int:
        model = self.sourceModel()
        return 0 if self.show_notes or model is None else model.rowCount() - self.rowCount()


class FindingsPanel(QWidget):
    activated = Signal(object)  # StoredFinding
    state_requested = Signal(int, object, object)  # finding id, FindingState, reason or None
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("findingsView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        # One line a row, cut with an ellipsis: the detail pane below shows the whole finding.
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
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
        # The whole finding of the current row, wrapped: the table's rows stay one line, and a
        # long message or quote is read here rather than cut off in the 说明 column.
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("findingDetail")
        self.detail.setReadOnly(True)
        self.detail.setOpenLinks(False)
        self.detail.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.detail.setPlaceholderText(self.tr("选择一条发现，在此查看完整说明、位置、原文和建议。"))
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        # project id → project name, for the place in words (set by the window with the findings)
        self.project_names: dict[int, str] = {}

        self.accept_button = QPushButton(self.tr("采纳"))
        self.accept_button.setToolTip(self.tr("采纳此发现，写入审核意见"))
        self.dismiss_button = QPushButton(self.tr("驳回…"))
        self.dismiss_button.setToolTip(self.tr("驳回此发现，并写明理由"))
        self.reopen_button = QPushButton(self.tr("重新打开"))
        self.accept_button.clicked.connect(lambda: self._request(FindingState.ACCEPTED))
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.reopen_button.clicked.connect(lambda: self._request(FindingState.OPEN))
        self.notes_button = QPushButton(self)
        self.notes_button.setObjectName("showNotes")
        self.notes_button.setCheckable(True)
        self.notes_button.setToolTip(self.tr("提示类发现默认折叠，不进入审核意见，除非采纳"))
        self.notes_button.toggled.connect(self._show_notes)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.dismiss_button, self.reopen_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.notes_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setObjectName("findingsSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.view)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        layout.addWidget(self.split, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_findings(self, findings: list[StoredFinding], project_names: dict[int, str] | None = None) -> None:
        current = self.current()
        self.project_names = dict(project_names or {})
        self.model.set_findings(findings)
        if current is not None and (row := self.model.row_of(current.id)) is not None:
            shown = self.proxy.mapFromSource(self.model.index(row, 0))
            if shown.isValid():
                self.view.selectRow(shown.row())
        self._update_buttons()

    def _show_notes(self, show: bool) -> None:
        self.proxy.set_show_notes(show)
        self._update_buttons()

    def finding_at_row(self, row: int) -> StoredFinding:
        """The finding shown in the view's row `row` (notes may be folded)."""
        return self.model.finding_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def current(self) -> StoredFinding | None:
        index = self.view.currentIndex()
        return self.finding_at_row(index.row()) if index.isValid() else None

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.finding_at_row(index.row()))

    def _update_buttons(self) -> None:
        hidden = self.proxy.hidden_notes()
        self.notes_button.setText(self.tr("隐藏提示") if self.proxy.show_notes
                                  else self.tr("显示提示（{n}）").format(n=hidden))
        self.notes_button.setEnabled(self.proxy.show_notes or hidden > 0)
        f = self.current()
        self._show_detail(f)
        state = f.finding.state if f is not None else None
        self.accept_button.setEnabled(state is not None and state != FindingState.ACCEPTED)
        self.dismiss_button.setEnabled(state is not None and state != FindingState.DISMISSED)
        self.reopen_button.setEnabled(state is not None and state != FindingState.OPEN)

    def _show_detail(self, stored: StoredFinding | None) -> None:
        if stored is None:
            self.detail.clear()
            return
        self.detail.setHtml(self.detail_html(stored))

    def detail_html(self, stored: StoredFinding) -> str:
        """The whole finding: its sentence, its place in words, the quote, the suggestion, the reason."""
        f = stored.finding
        name = self.project_names.get(stored.project_id) if stored.project_id is not None else None
        lines = [f"<p><b>{escape(finding_text(f))}</b></p>"]

        def line(title: str, text: str) -> None:
            lines.append(f"<p><b>{escape(title)}</b>{escape(text)}</p>")

        line(self.tr("位置："), finding_place(f.location, name))
        line(self.tr("规则："), f"{f.check_id} · {criterion_label(f)}")
        if f.quote:
            line(self.tr("原文："), f"“{f.quote}”")
        if f.suggestion:
            line(self.tr("建议："), f.suggestion)
        if f.prov is not None:
            line(self.tr("出处："), f.prov.describe())
        if f.reason:
            line(self.tr("驳回理由："), f.reason)
        return "".join(lines)

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
