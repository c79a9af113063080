"""The review progress window of one department (审核进度), opened from its tree node.

Above, the department's line (projects, open/accepted/dismissed findings, how many
projects are fully decided or graded by the reviewer); below, one sortable row per
project (ui/models/progress_model.py), filtered by year, "只看有待处理" or a name.
A double-click on a project shows it in the main window. "导出 Excel…" writes the
overview and the department's findings list as one workbook (core.store.review_progress)
in the background. The proposed grades are computed with the reviewer's check settings
(the Settings dialog's, read when the numbers are). When the window is activated, the
numbers are read again only if the workspace was written to since they were read
(Workspace.write_generation: decisions taken in the main window, a check run, an import)
or the check settings changed; 刷新 (F5) reads them again whatever happened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.checks.settings import CheckSettings
from core.store.review_progress import (
    ReviewProgress,
    progress_findings,
    review_progress,
    write_progress_xlsx,
)
from core.store.workspace import Workspace
from ui.background import Op
from ui.errors import show_error
from ui.labels import ui_lang
from ui.models.progress_model import OPEN, PROJECT, UNIT, ProgressFilter, ProgressTableModel
from ui.models.roles import ID_ROLE

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ProgressWindow(QMainWindow):
    """The progress overview of one department's current documents."""

    project_chosen = Signal(int)  # project id, on a double-click or Enter

    def __init__(self, ws: Workspace, department_id: int, parent: QWidget | None = None, *,
                 check_settings: Callable[[], CheckSettings] = CheckSettings) -> None:
        """`check_settings` gives the reviewer's current check settings (the main window's
        AppSettings.check_settings); the proposed grades are computed with them."""
        super().__init__(parent)
        self.setObjectName("progressWindow")
        self.ws = ws
        self.department_id = department_id
        self.check_settings = check_settings
        self.progress: ReviewProgress | None = None
        self._read_at = -1  # the workspace's write generation when the numbers were last read
        self._read_with: CheckSettings | None = None  # the settings they were read with
        self.last_export: Op | None = None
        self.model = ProgressTableModel(self)
        self.proxy = ProgressFilter(self)
        self.proxy.setSourceModel(self.model)

        self.summary = QLabel()
        self.summary.setObjectName("progressSummary")
        self.summary.setWordWrap(True)
        self.year = QComboBox()
        self.year.setObjectName("progressYear")
        self.year.currentIndexChanged.connect(lambda _i: self.proxy.set_year(self.year.currentData()))
        self.only_open = QCheckBox(self.tr("只看有待处理的项目"))
        self.only_open.setObjectName("progressOnlyOpen")
        self.only_open.toggled.connect(self.proxy.set_only_open)
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("progressFilter")
        self.filter_box.setPlaceholderText(self.tr("筛选项目名称、编码、单位…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.setObjectName("progressExport")
        self.export_button.setToolTip(self.tr("把审核进度和审核发现清单导出为 .xlsx"))
        self.export_button.clicked.connect(lambda _checked=False: self.export_xlsx())
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("progressRefresh")
        self.refresh_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_button.setToolTip(self.tr("重新读取审核进度 (F5)"))
        self.refresh_button.clicked.connect(lambda _checked=False: self.refresh())

        self.view = QTableView()
        self.view.setObjectName("progressTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # document order until a header is clicked
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PROJECT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(UNIT, QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(True)
        self.view.doubleClicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("年度：")))
        bar.addWidget(self.year)
        bar.addWidget(self.only_open)
        bar.addWidget(self.filter_box, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        centre = QWidget()
        box = QVBoxLayout(centre)
        box.addWidget(self.summary)
        box.addLayout(bar)
        box.addWidget(self.view, 1)
        self.setCentralWidget(centre)
        department = ws.department(department_id)
        self.setWindowTitle(self.tr("审核进度 — {dept}").format(dept=department.label))
        self.resize(1280, 680)
        self.refresh()
        self.view.setColumnWidth(UNIT, 200)

    # -- content ---------------------------------------------------------------------
    def refresh(self, *, quiet: bool = False) -> bool:
        """Read the counts again; True when they changed (the table is then redrawn). A failed
        read is shown in a message box, or, `quiet` (on activation), in the status bar only."""
        # Taken before reading: a write that lands meanwhile makes the numbers stale again.
        generation, settings = self.ws.write_generation, self.check_settings()
        try:
            progress = review_progress(self.ws, [self.department_id], settings=settings)
        except Exception as error:  # the workspace was closed meanwhile, or a read failed
            if quiet:
                self.statusBar().showMessage(self.tr("无法读取审核进度：{error}").format(error=error), 8000)
            else:
                show_error(self, error)
            return False
        self._read_at, self._read_with = generation, settings
        if progress == self.progress:
            return False
        self.progress = progress
        department = progress.department(self.department_id)
        self.summary.setText(department.summary(ui_lang()) if department is not None else "")
        self._fill_years(sorted({p.year for p in progress.projects if p.year is not None}, reverse=True))
        self.model.set_projects(progress.projects)
        return True

    def _fill_years(self, years: list[int]) -> None:
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("全部年度"), None)
        for year in years:
            self.year.addItem(str(year), year)
        at = self.year.findData(chosen) if chosen is not None else 0
        self.year.setCurrentIndex(max(at, 0))
        self.year.blockSignals(False)
        self.proxy.set_year(self.year.currentData())

    def sort_by_open(self) -> None:
        """Most open findings first (what the 待处理 header click does twice)."""
        self.view.sortByColumn(OPEN, Qt.SortOrder.DescendingOrder)

    def _chosen(self, index: QModelIndex) -> None:
        project_id = index.data(ID_ROLE)
        if project_id is not None:
            self.project_chosen.emit(int(project_id))

    def stale(self) -> bool:
        """Whether the numbers shown may be out of date: the workspace was written to since
        they were read (Workspace.write_generation), or the check settings changed."""
        return self.ws.write_generation != self._read_at or self.check_settings() != self._read_with

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.progress is not None and self.stale():
            self.refresh(quiet=True)  # decisions taken in the main window meanwhile
        return super().event(event)


    # -- export ----------------------------------------------------------------------
    def export_xlsx(self, target: str | None = None) -> Op | None:
        """Write the overview and the findings list to .xlsx (asks for the file unless given)."""
        department = self.ws.department(self.department_id)
        if target is None:
            suggested = str(Path.home() / self.tr("{name}_审核进度.xlsx").format(name=department.name))
            target, _ = QFileDialog.getSaveFileName(self, self.tr("导出审核进度"), suggested,
                                                    self.tr("Excel 工作簿 (*.xlsx)"))
            if not target:
                return None
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        ws, department_id, lang, path = self.ws, self.department_id, ui_lang(), target
        settings = self.check_settings()

        def write(_progress: object) -> Path:
            overview = review_progress(ws, [department_id], settings=settings)
            findings = progress_findings(ws, [department_id], lang=lang)
            return write_progress_xlsx(overview, findings, path, lang=lang, workspace=ws.path)

        op = Op(write, self)
        op.with_progress(self, self.tr("正在导出…"))
        op.success(lambda written: self.statusBar().showMessage(
            self.tr("已导出：{path}").format(path=written), 8000))
        op.failure(lambda error: show_error(self, error))
        self.last_export = op
        return op.run()


def open_progress(window: MainWindow, department_id: int | None = None) -> ProgressWindow | None:
    """Open (or bring forward) the progress overview of a department: the one given, else the
    tree's selected one; a double-click on a project there shows it in `window`."""
    if window.ws is None:
        return None
    if department_id is None:
        department_id = window.department_or_say()
        if department_id is None:
            return None
    previous: ProgressWindow | None = getattr(window, "progress_window", None)
    if previous is not None and previous.ws is window.ws and previous.department_id == department_id:
        previous.refresh()
        previous.show()
        previous.raise_()
        previous.activateWindow()
        return previous
    if previous is not None:
        previous.close()
        previous.deleteLater()
    progress_window = ProgressWindow(window.ws, department_id, window,
                                     check_settings=window.settings.check_settings)
    progress_window.setWindowFlag(Qt.WindowType.Window, True)
    progress_window.project_chosen.connect(window.go_to_project)
    window.progress_window = progress_window
    progress_window.show()
    return progress_window
