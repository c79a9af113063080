"""The current project's findings: click one to go to its cell; accept, dismiss with a reason, reopen.

Notes (I severity) are folded: a toggle shows them, and a note the reviewer accepted is
always shown (CHECKS.md, Noise). A click on a column header sorts (severity E > W > I,
equal rows in document order); the rule and state combos filter. Several findings can be
selected (Ctrl/Shift-click) and accepted, dismissed with one reason, or reopened at once.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
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
from ui.dialogs.dismiss_dialog import DismissDialog
from ui.labels import criterion_label, finding_place, finding_text
from ui.models.findings_model import MESSAGE, PLACE, FindingsModel
from ui.settings import DEFAULT_DISMISS_REASONS, AppSettings


class FindingsFilter(QSortFilterProxyModel):
    """Hides notes (I severity) unless shown, or accepted by the reviewer; keeps one rule or
    one state if chosen; sorts by the model's sort keys (ties in document order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_notes = False
        self.rule: str | None = None  # None: every rule
        self.state: FindingState | None = None  # None: every state

    def _refilter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_notes(self, show: bool) -> None:
        self._refilter(lambda: setattr(self, "show_notes", show))

    def set_rule(self, rule: str | None) -> None:
        self._refilter(lambda: setattr(self, "rule", rule))

    def set_state(self, state: FindingState | None) -> None:
        self._refilter(lambda: setattr(self, "state", state))

    def _chosen(self, model: FindingsModel, source_row: int) -> bool:
        """Whether the row passes the rule and state filters (the notes fold aside)."""
        finding = model.finding_at(source_row).finding
        return (self.rule is None or finding.check_id == self.rule) and \
            (self.state is None or finding.state is self.state)

    @staticmethod
    def _folded(model: FindingsModel, source_row: int) -> bool:
        finding = model.finding_at(source_row).finding
        return finding.severity is Severity.NOTE and finding.state is not FindingState.ACCEPTED

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FindingsModel):
            return True
        return self._chosen(model, source_row) and (self.show_notes or not self._folded(model, source_row))

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FindingsModel):
            return super().lessThan(left, right)
        return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())

    def hidden_notes(self) -> int:
        """How many notes the fold hides among the findings the rule and state filters keep."""
        model = self.sourceModel()
        if self.show_notes or not isinstance(model, FindingsModel):
            return 0
        return sum(1 for row in range(model.rowCount()) if self._chosen(model, row) and self._folded(model, row))


class FindingsPanel(QWidget):
    activated = Signal(object)  # StoredFinding
    state_requested = Signal(int, object, object)  # finding id, FindingState, reason or None
    # several findings decided at once (one undo step): finding ids, FindingState, reason or None
    states_requested = Signal(list, object, object)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None, settings: AppSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings  # where the preset dismissal reasons are kept
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("findingsView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        # A list of whole rows: Tab leaves it (the arrows move between findings), it does not
        # walk its cells.
        self.view.setTabKeyNavigation(False)
        # One line a row, cut with an ellipsis: the detail pane below shows the whole finding.
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        # Unsorted (the model's order: open first, by severity) until a header is clicked.
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
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
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
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
        self.accept_button.setObjectName("acceptFinding")
        self.dismiss_button.setObjectName("dismissFinding")
        self.reopen_button.setObjectName("reopenFinding")
        self.accept_button.clicked.connect(lambda: self._request(FindingState.ACCEPTED))
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.reopen_button.clicked.connect(lambda: self._request(FindingState.OPEN))
        self.notes_button = QPushButton(self)
        self.notes_button.setObjectName("showNotes")
        self.notes_button.setCheckable(True)
        self.notes_button.setToolTip(self.tr("提示类发现默认折叠，不进入审核意见，除非采纳"))
        self.notes_button.toggled.connect(self._show_notes)
        self.rule_filter = QComboBox(self)
        self.rule_filter.setObjectName("ruleFilter")
        self.rule_filter.setToolTip(self.tr("只显示一条规则的发现"))
        self.rule_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rule_filter.addItem(self.tr("全部规则"), None)
        self.rule_filter.currentIndexChanged.connect(self._filter_rule)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.setToolTip(self.tr("只显示一种状态的发现"))
        for text, state in ((self.tr("全部"), None), (self.tr("待处理"), FindingState.OPEN),
                            (self.tr("已采纳"), FindingState.ACCEPTED), (self.tr("已驳回"), FindingState.DISMISSED)):
            self.state_filter.addItem(text, state.value if state is not None else None)
        self.state_filter.currentIndexChanged.connect(self._filter_state)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("规则：")))
        filters.addWidget(self.rule_filter)
        filters.addWidget(QLabel(self.tr("状态：")))
        filters.addWidget(self.state_filter)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.dismiss_button, self.reopen_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.notes_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
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

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in the order Tab visits them."""
        return [self.rule_filter, self.state_filter, self.view, self.detail, self.accept_button,
                self.dismiss_button, self.reopen_button, self.notes_button]

    def select_finding(self, finding_id: int) -> bool:
        """Make a finding the current, selected row (False if it is not shown)."""
        row = self.model.row_of(finding_id)
        shown = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
        if not shown.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            shown, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(shown)
        return True

    def set_findings(self, findings: list[StoredFinding], project_names: dict[int, str] | None = None) -> None:
        current = self.current()
        self.project_names = dict(project_names or {})
        selected = {f.id for f in self.selected()}
        self.model.set_findings(findings)
        self._fill_rules()
        # Keep the selection (and the current row) across a redraw: a batch stays selected.
        selection = QItemSelection()
        for stored_id in selected:
            if (row := self.model.row_of(stored_id)) is not None:
                shown = self.proxy.mapFromSource(self.model.index(row, 0))
                if shown.isValid():
                    selection.select(shown, shown.siblingAtColumn(self.proxy.columnCount() - 1))
        if current is not None and (row := self.model.row_of(current.id)) is not None:
            shown = self.proxy.mapFromSource(self.model.index(row, 0))
            if shown.isValid():
                self.view.selectionModel().setCurrentIndex(shown, QItemSelectionModel.SelectionFlag.NoUpdate)
        if not selection.isEmpty():
            self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._update_buttons()

    def _fill_rules(self) -> None:
        """The rule combo: every rule among the findings, the chosen one kept if still there."""
        chosen = self.proxy.rule
        self.rule_filter.blockSignals(True)
        try:
            self.rule_filter.clear()
            self.rule_filter.addItem(self.tr("全部规则"), None)
            for rule in self.model.rules():
                self.rule_filter.addItem(rule, rule)
            at = self.rule_filter.findData(chosen) if chosen is not None else 0
            self.rule_filter.setCurrentIndex(max(at, 0))
        finally:
            self.rule_filter.blockSignals(False)
        if chosen is not None and self.rule_filter.currentData() is None:
            self.proxy.set_rule(None)  # the rule has no finding left

    def _filter_rule(self) -> None:
        rule = self.rule_filter.currentData()
        self.proxy.set_rule(rule if isinstance(rule, str) else None)
        self._update_buttons()

    def _filter_state(self) -> None:
        value = self.state_filter.currentData()  # the state's text: a StrEnum comes back from Qt as str
        self.proxy.set_state(FindingState(value) if isinstance(value, str) else None)
        self._update_buttons()

    def _show_notes(self, show: bool) -> None:
        self.proxy.set_show_notes(show)
        self._update_buttons()

    def selected(self) -> list[StoredFinding]:
        """The selected findings, in the order shown; the current one if none is selected."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows:
            current = self.current()
            return [current] if current is not None else []
        return [self.finding_at_row(row) for row in rows]

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
        self._show_detail(self.current())
        states = {f.finding.state for f in self.selected()}
        self.accept_button.setEnabled(bool(states - {FindingState.ACCEPTED}))
        self.dismiss_button.setEnabled(bool(states - {FindingState.DISMISSED}))
        self.reopen_button.setEnabled(bool(states - {FindingState.OPEN}))
        n = len(self.selected())
        if n > 1:
            self.accept_button.setText(self.tr("采纳（{n}）").format(n=n))
            self.dismiss_button.setText(self.tr("驳回（{n}）…").format(n=n))
        else:
            self.accept_button.setText(self.tr("采纳"))
            self.dismiss_button.setText(self.tr("驳回…"))

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
        """Decide the selected findings: one finding by itself, several as one step."""
        chosen = self.selected()
        ids = [f.id for f in chosen if (f.finding.state, f.finding.reason) != (state, reason)]
        if len(chosen) == 1 and chosen[0].id in ids:
            self.state_requested.emit(chosen[0].id, state, reason)
        elif ids:
            self.states_requested.emit(ids, state, reason)

    def dismiss_current(self) -> None:
        """Dismiss the selected findings with one reason (the current one if none is selected)."""
        chosen = self.selected()
        if not chosen:
            return
        if len(chosen) == 1:
            f = chosen[0]
            reason, ok = QInputDialog.getText(
                self, self.tr("驳回审核发现"),
                self.tr("{rule}：{message}\n\n请写明驳回理由：").format(rule=f.finding.check_id,
                                                                  message=finding_text(f.finding)),
                QLineEdit.EchoMode.Normal, f.finding.reason or "")
        else:
            reason, ok = self.ask_reason(chosen)
        if not ok:
            return
        if not reason.strip():
            self.message.emit(self.tr("驳回时必须写明理由。"))
            return
        if self.settings is not None:
            self.settings.remember_dismiss_reason(reason.strip())
        self._request(FindingState.DISMISSED, reason.strip())

    def dismiss_reasons(self) -> list[str]:
        if self.settings is not None:
            return self.settings.dismiss_reasons()
        return list(DEFAULT_DISMISS_REASONS)

    def ask_reason(self, chosen: list[StoredFinding]) -> tuple[str, bool]:
        """One reason for dismissing several findings: a preset, or the reviewer's own words."""
        rules = sorted({f.finding.check_id for f in chosen})
        summary = self.tr("驳回选中的 {n} 条发现（{rules}），共用一条理由：").format(n=len(chosen), rules="、".join(rules))
        reasons = {f.finding.reason for f in chosen}
        common = next(iter(reasons)) if len(reasons) == 1 else None
        dialog = DismissDialog(summary, self.dismiss_reasons(), common or "", self)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.text()
        dialog.deleteLater()
        return text, ok

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current() is not None:
            self.activated.emit(self.current())
            return
        super().keyPressEvent(event)
