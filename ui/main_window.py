"""The reviewer's main window: tree on the left, project form and indicator table in the centre,
findings, annotations and grade in docks on the right; menus, toolbar, undo stack.
A project whose form has a 长期 grid shows it read-only in a second tab beside the 年度 one.

The window holds no business logic: it asks the workspace (core/store) for what
to show, and every edit is an undoable command (ui/commands.py) queuing one
workspace op, whose `Changes` record tells the window what to redraw.

The window never writes to the workspace itself: every write goes to its one writer
(ui/background.Writer), which runs them in order on the op thread. A command shows its
step in the models at once (the `preview_*` methods); when the writer is idle again the
window redraws what the writes changed from the workspace, so it shows what the
workspace holds. A write that fails is reported, and the current project is redrawn
from the workspace. Closing the window (or opening another workspace) first lets the
queued writes finish.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.errors import Cancelled, WorkspaceError
from core.model import Document, Indicator
from core.names import shown
from core.progress import Progress
from core.review import Annotation, FindingState, Grade, Location
from core.store.convert import value_at
from core.store.records import (
    NO_CHANGES,
    Changes,
    ImportCancelled,
    ImportOutcome,
    ImportStatus,
    ProjectRecord,
    SearchHit,
    StoredAnnotation,
    StoredFinding,
)
from core.store.reviewer import GradeFunction
from core.store.workspace import Workspace
from ui.background import Op, Writer, op_pool
from ui.commands import (
    AddAnnotationCommand,
    CommandContext,
    DeleteAnnotationCommand,
    EditAnnotationCommand,
    FindingsStateCommand,
    FindingStateCommand,
    SetGradeCommand,
    SetRevisionCommand,
    WorkspaceCommand,
)
from ui.errors import show_error
from ui.labels import field_label
from ui.models.indicator_model import NO_ID, IndicatorRow, IndicatorTableModel
from ui.models.tree_model import NodeSpec, WorkspaceTreeModel
from ui.models.tree_source import WorkspaceTreeSource
from ui.resources import icon
from ui.settings import AppSettings, LastPlace
from ui.tree_filtering import TreeFilter
from ui.views.annotations_dock import TARGET_PROJECT, TARGET_ROW, AnnotationsPanel
from ui.views.badge_delegate import BadgeDelegate
from ui.views.comment_marker import annotated_cells, annotated_fields
from ui.views.findings_dock import FindingsPanel
from ui.views.grade_dock import GradePanel
from ui.views.indicator_view import IndicatorTableView
from ui.views.project_form import ProjectForm
from ui.zoom import Zoom

if TYPE_CHECKING:
    from ui.comparing import ComparisonWindow
    from ui.exporting import MemoPreview
    from ui.views.progress_view import ProgressWindow

DOCUMENT_FILTER = "*.docx *.pdf *.xlsx"
SEARCH_FIELD_COLUMN = {"level3": "level3", "description": "description", "value": "value", "basis": "basis"}
# The id of an annotation shown before its write has run (the workspace gives the real one).
PENDING_ID = -1


class MainWindow(QMainWindow):
    project_shown = Signal(int)
    # Set when first opened (ui/comparing.py, ui/exporting.py); until then they do not exist.
    comparison_window: ComparisonWindow
    memo_preview: MemoPreview
    progress_window: ProgressWindow  # ui/views/progress_view.py

    def __init__(self, settings: AppSettings, workspace: Workspace | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ws: Workspace | None = None
        self.record: ProjectRecord | None = None
        self.document_reader: Callable[[Path], Document] | None = None  # None: core's importer
        self.undo_stack = QUndoStack(self)
        # The one writer: every workspace write of this window (and its comparison) goes through it.
        self.writer = Writer(self)
        self._unshown: Changes = NO_CHANGES  # what finished writes changed, redrawn once the writer is idle
        self._reshow_project = False  # a write failed: redraw the current project from the workspace
        # What the models show of the current project, queued edits included (the workspace may
        # not have them yet): the base for the next edit's undo.
        self._header: dict[str, str] = {}
        self._shown_findings: list[StoredFinding] = []
        # the documents whose department-level findings are shown (a department, year or unit node)
        self._department_documents: tuple[int, ...] = ()
        self._shown_annotations: list[StoredAnnotation] = []
        self._shown_grade: Grade | None = None
        self._check_op: Op | None = None  # the check of just-imported documents, while it runs
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.resize(1400, 860)

        self._build_centre()
        self._build_tree_dock()
        self._build_side_docks()
        self._build_actions()
        self._build_menus()
        self._build_tab_order()
        self.statusBar().showMessage(self.tr("就绪"))
        geometry, state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        # Without a saved layout the docks are sized on the first show, for the screen's width.
        self._default_docks = state is None or not self.restoreState(state)
        self.set_workspace(workspace)

    # ---- layout ------------------------------------------------------------------------
    def _build_centre(self) -> None:
        self.form = ProjectForm()
        self.form.edit_requested.connect(self._edit_header)
        self.form.message.connect(self.show_message)
        self.indicators = IndicatorTableModel(self)
        self.indicators.set_edit_handler(self._edit_cell)
        self.table = IndicatorTableView()
        self.table.setObjectName("indicatorTable")
        self.table.setModel(self.indicators)
        self.table.set_column_widths()
        self.table.undo_stack = self.undo_stack
        self.table.message.connect(self.show_message)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        # The 长期 grid: the same model without an edit handler, so read-only.
        self.long_term_indicators = IndicatorTableModel(self)
        # Owned by the window from the start: a parentless view outlived its model when the
        # window closed, and a timer of its viewport then crashed the event loop.
        self.long_term_table = IndicatorTableView(self)
        self.long_term_table.hide()
        self.long_term_table.setObjectName("longTermTable")
        self.long_term_table.setModel(self.long_term_indicators)
        self.long_term_table.set_column_widths()
        self.long_term_table.message.connect(self.show_message)
        # Document mode and an auto-hidden bar: with the 年度 tab alone (most projects) the
        # table looks as it would without tabs.
        self.indicator_tabs = QTabWidget()
        self.indicator_tabs.setObjectName("indicatorTabs")
        self.indicator_tabs.setDocumentMode(True)
        self.indicator_tabs.setTabBarAutoHide(True)
        self.indicator_tabs.addTab(self.table, self.tr("年度绩效指标"))
        self.indicator_tabs.currentChanged.connect(lambda *_: self._update_actions())
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("centreSplit")
        split.addWidget(self.form)
        split.addWidget(self.indicator_tabs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        self.placeholder = QLabel(self._placeholder_text())
        self.placeholder.setObjectName("centrePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # Shown under the placeholder for a document without projects: its report says why.
        self.placeholder_report = QPushButton(self.tr("导入报告…"))
        self.placeholder_report.setObjectName("placeholderReport")
        self.placeholder_report.clicked.connect(lambda _checked=False: self.open_import_report())
        self.placeholder_report.hide()
        # The placeholder's own panel: its stretches must not take room from the splitter.
        self.placeholder_panel = QWidget()
        panel = QVBoxLayout(self.placeholder_panel)
        panel.addStretch(1)
        panel.addWidget(self.placeholder)
        panel.addWidget(self.placeholder_report, 0, Qt.AlignmentFlag.AlignHCenter)
        panel.addStretch(1)
        centre = QWidget()
        lay = QVBoxLayout(centre)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.placeholder_panel, 1)
        lay.addWidget(split, 1)
        self.centre_split = split
        self.setCentralWidget(centre)

    def _build_tree_dock(self) -> None:
        self.tree_model = WorkspaceTreeModel(None, self)
        self.tree_proxy = QSortFilterProxyModel(self)
        self.tree_proxy.setSourceModel(self.tree_model)
        self.tree_proxy.setRecursiveFilteringEnabled(True)
        self.tree_proxy.setAutoAcceptChildRows(True)
        self.tree_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView()
        self.tree.setObjectName("workspaceTree")
        self.tree.setModel(self.tree_proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        # Many project names share a long start ("12345热线中心…"): cut them in the middle so the
        # distinct ends stay visible; every node's tooltip gives its full name.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setItemDelegate(BadgeDelegate(self.tree))
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.tree.activated.connect(self._tree_current)
        self.tree.doubleClicked.connect(self._tree_double_clicked)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree_menu: QMenu | None = None
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("treeFilter")
        self.filter_box.setPlaceholderText(self.tr("筛选地区、部门、项目…"))
        self.filter_box.setClearButtonEnabled(True)
        # The store finds the matches over the whole workspace (ui/tree_filtering.py).
        self.tree_filter = TreeFilter(self.filter_box, self.tree, self.tree_model, self.tree_proxy, self, self)
        panel = QWidget()
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.filter_box)
        lay.addWidget(self.tree_filter.bar)
        lay.addWidget(self.tree)
        dock = QDockWidget(self.tr("工作区"), self)
        dock.setObjectName("treeDock")
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.tree_dock = dock

    def _build_side_docks(self) -> None:
        self.findings = FindingsPanel(settings=self.settings)
        self.findings.activated.connect(self.go_to_finding)
        self.findings.state_requested.connect(self._finding_state)
        self.findings.states_requested.connect(self._findings_state)
        self.findings.message.connect(self.show_message)
        self.annotations = AnnotationsPanel()
        self.annotations.add_requested.connect(self._add_annotation)
        self.annotations.edit_requested.connect(self._edit_annotation)
        self.annotations.delete_requested.connect(self._delete_annotation)
        self.annotations.activated.connect(lambda a: self.go_to_location(a.annotation.location))
        self.grade = GradePanel()
        self.grade.override_requested.connect(self._set_grade)
        self.grade.reset_requested.connect(self._reset_grade)
        self.findings_dock = self._dock(self.tr("审核发现"), "findingsDock", self.findings)
        self.annotations_dock = self._dock(self.tr("批注"), "annotationsDock", self.annotations)
        self.grade_dock = self._dock(self.tr("审核结论与评定"), "gradeDock", self.grade)
        self.tabifyDockWidget(self.annotations_dock, self.grade_dock)
        self.annotations_dock.raise_()

    def _build_tab_order(self) -> None:
        """Tab goes round the window as a reviewer reads it: the tree filter and the tree, the
        project form top to bottom, the indicator table (cell by cell, leaving after the last;
        Ctrl+Tab leaves at once: ui/views/indicator_view.py), the findings, the annotations and
        the grade, then back to the tree filter; Shift+Tab goes the other way. Hidden and
        disabled widgets are passed over."""
        chain: list[QWidget] = [self.filter_box, self.tree_filter.more_button, self.tree, self.placeholder_report,
                                *self.form.focus_chain(), self.table, self.long_term_table,
                                *self.findings.focus_chain(), *self.annotations.focus_chain(),
                                *self.grade.focus_chain()]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        # The tab widget passes its focus to its (mostly hidden) tab bar, where Tab would stop:
        # the tables take the focus, and Ctrl+PgDown/PgUp switch 年度/长期 as Excel's sheets do
        # (Ctrl+Tab leaves the table).
        self.indicator_tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.indicator_tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self.indicator_tabs)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self._switch_indicator_tab(s))

    def _switch_indicator_tab(self, step: int) -> None:
        tabs = self.indicator_tabs
        if tabs.count() > 1:
            tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())
            tabs.currentWidget().setFocus(Qt.FocusReason.TabFocusReason)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                icon_name: str | None = None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        k = QKeySequence.StandardKey
        self.import_action = self._action(self.tr("导入…"), self.choose_import, k.Open, "import",
                                          self.tr("导入部门预算绩效文本（.docx、.pdf、.xlsx，可多选）"))
        self.open_action = self._action(self.tr("打开工作区…"), self.choose_workspace, None, None)
        self.check_action = self._action(self.tr("检查"), self.run_checks, "F5", "check",
                                         self.tr("对所选部门（未选则全部）运行审核检查"))
        self.search_action = self._action(self.tr("搜索…"), self.open_search, k.Find, "search",
                                          self.tr("在整个工作区中搜索"))
        self.export_action = self._action(self.tr("导出 Excel…"), self.export_xlsx, None, "export",
                                          self.tr("把所选部门的项目、指标、修改建议和批注导出为 .xlsx"))
        self.memo_action = self._action(self.tr("导出审核意见…"), self.export_memo, None, None,
                                        self.tr("生成审核意见（PDF 或 DOCX）"))
        self.compare_action = self._action(self.tr("年度对比"), self.open_comparison, "Ctrl+D", "compare",
                                           self.tr("把所选部门两个年度的文本并排对比"))
        self.report_action = self._action(self.tr("导入报告…"), self.open_import_report, None, None,
                                          self.tr("所选文本导入时每张表格、每段正文读成了什么，以及导入警告"))
        self.progress_action = self._action(self.tr("审核进度"), self.open_progress, None, "accepted",
                                            self.tr("所选部门各项目的待处理、已采纳、已驳回发现数和评定等次"))
        # Ctrl+= / Ctrl+- / Ctrl+0 and Ctrl+wheel on the tables and the form (ui/zoom.py)
        self.zoom = Zoom(self, self.settings, [self.table, self.long_term_table, self.findings.view, self.form])
        self.settings_action = self._action(self.tr("设置…"), self.open_settings, k.Preferences, None)
        self.about_action = self._action(self.tr("关于"), self.show_about, None, None)
        self.quit_action = self._action(self.tr("退出"), self.close, k.Quit, None)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(k.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("重做"))
        # Ctrl+Y and Ctrl+Shift+Z redo on every platform, besides the platform's own keys.
        redo_keys: list[QKeySequence] = []
        for key in (*QKeySequence.keyBindings(k.Redo), QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")):
            if key not in redo_keys:
                redo_keys.append(key)
        self.redo_action.setShortcuts(redo_keys)
        self.save_action = self._action(self.tr("保存"), self.save, k.Save, None,
                                        self.tr("修改随改随存：等待尚未写完的修改写入工作区"))
        self.copy_action = self._action(self.tr("复制"), lambda: self.current_table().copy_selection(), None, None)
        self.paste_action = self._action(self.tr("粘贴"), lambda: self.current_table().paste(), None, None)
        self.revert_action = self._action(self.tr("撤回修改建议"), lambda: self.current_table().revert_selection(),
                                          None, None, self.tr("删除所选单元格的修改建议，恢复报送值"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.save_action)
        self.recent_menu = file_menu.addMenu(self.tr("最近的工作区"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.memo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.copy_action, self.paste_action, self.revert_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        review_menu = bar.addMenu(self.tr("审核(&R)"))
        review_menu.addAction(self.check_action)
        review_menu.addAction(self.compare_action)
        review_menu.addAction(self.progress_action)
        review_menu.addAction(self.report_action)
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for dock in (self.tree_dock, self.findings_dock, self.annotations_dock, self.grade_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addActions(self.zoom.actions())
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.about_action)
        toolbar = self.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.import_action, self.check_action, self.search_action, self.compare_action,
                       self.progress_action, self.export_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)

    # ---- workspace ----------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        if self.ws is not None and self.ws is not workspace:
            self._remember_place()
            self.finish_writes()
            self._stop_ops()
            self.ws.close(background=True)  # a backup due is written behind (see closeEvent)
        self.ws = workspace
        self.undo_stack.clear()
        self._unshown, self._reshow_project = NO_CHANGES, False
        self.show_project(None)
        self.tree_source = WorkspaceTreeSource(workspace, lambda: self.tr("年度不详")) if workspace else None
        self.tree_model.set_source(self.tree_source)
        if workspace is not None:
            self.setWindowTitle(self.tr("预算绩效目标审核工作台 — {name}").format(name=workspace.label))
            path = getattr(workspace, "path", None)
            if path is not None:
                self.settings.add_recent_workspace(path)
            self._expand_first()
            self.tree.setFocus()
            self._restore_place()
        else:
            self.setWindowTitle(self.tr("预算绩效目标审核工作台"))
        self._update_actions()

    def _remember_place(self) -> None:
        """Keep where the reviewer is (the workspace, its open project, the selected finding)
        for the next start; nothing open in this workspace forgets the place kept for it."""
        path = getattr(self.ws, "path", None)
        if path is None:
            return
        if self.record is None:
            kept = self.settings.last_place()
            if kept is not None and kept.is_in(path):
                self.settings.set_last_place(None)
            return
        finding = self.findings.current()
        self.settings.set_last_place(LastPlace(str(path), self.record.id,
                                               finding.id if finding is not None else None))

    def _restore_place(self) -> None:
        """Open the project (and select the finding) the reviewer left this workspace on, if
        it is still there."""
        place = self.settings.last_place()
        if self.ws is None or place is None or not place.is_in(getattr(self.ws, "path", None)):
            return
        try:
            record = self.ws.project(place.project_id)
        except WorkspaceError:  # deleted or replaced since: start as usual
            return
        self.open_project(place.project_id, record)
        if place.finding_id is not None:
            self.findings.select_finding(place.finding_id)

    def _expand_first(self) -> None:
        """Open the first branches so a reviewer sees projects at once."""
        index = QModelIndex()
        for _depth in range(3):
            if self.tree_proxy.canFetchMore(index):
                self.tree_proxy.fetchMore(index)
            if self.tree_proxy.rowCount(index) == 0:
                return
            index = self.tree_proxy.index(0, 0, index)
            self.tree.expand(index)

    def first_project_with_findings(self) -> int | None:
        """A project worth showing first: one with open findings, else the first project."""
        if self.ws is None:
            return None
        found = self.ws.first_open_finding_project()
        if found is not None:
            return found
        for info in self.ws.documents(current_only=True):
            projects = self.ws.projects(info.id)
            if projects:
                return projects[0].id
        return None

    def choose_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("打开或新建工作区"), "",
                                              self.tr("工作区文件 (*.jxws *.sqlite *.db);;所有文件 (*)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.open_workspace_file(path)

    def open_workspace_file(self, path: str) -> None:
        try:
            workspace = Workspace.open(path)
        except Exception as error:
            show_error(self, error)
            return
        self.set_workspace(workspace)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_workspaces():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_workspace_file(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    # ---- tree ----------------------------------------------------------------------------
    def _tree_current(self, index: QModelIndex) -> None:
        spec = self.tree_model.spec(self.tree_proxy.mapToSource(index))
        self._department_documents = ()
        if spec is not None and spec.kind == "project":
            self.load_project(spec.key_id())
        elif spec is not None and spec.kind == "year" and not spec.has_children:
            self.show_document_without_projects(spec)
        else:
            if self.record is None:
                self.show_project(None)  # no longer about a document without projects
            if spec is not None and spec.kind in ("department", "year", "unit"):
                self.show_department_findings(self._node_documents(index))
        self._update_actions()

    def _node_documents(self, index: QModelIndex) -> tuple[int, ...]:
        """The current documents a department, year or unit node stands for."""
        source = self.tree_proxy.mapToSource(index)
        spec = self.tree_model.spec(source)
        if spec is not None and spec.kind == "department" and self.ws is not None:
            return tuple(d.id for d in self.ws.documents(spec.key_id(), current_only=True))
        return self.documents_at(source)

    def show_department_findings(self, documents: tuple[int, ...]) -> None:
        """The findings about the department part of these documents (G7, H1–H4, 共性问题),
        which belong to no single project: shown in the findings list on the department node."""
        self._department_documents = documents
        if self.record is not None:
            self.show_project(None)
        self._refresh_findings()

    def _tree_double_clicked(self, index: QModelIndex) -> None:
        # A year with projects expands on a double-click; one without has nothing to
        # expand, and its report is what explains why.
        spec = self.tree_model.spec(self.tree_proxy.mapToSource(index))
        if spec is not None and spec.kind == "year" and not spec.has_children and spec.documents:
            self.open_import_report(spec.documents[0])

    def documents_at(self, index: QModelIndex) -> tuple[int, ...]:
        """The documents a tree node (a source index) stands for: its own, else its year's
        (a unit); none for a region or department, which hold many."""
        while index.isValid():
            spec = self.tree_model.spec(index)
            if spec is not None and spec.documents:
                return spec.documents
            if spec is not None and spec.kind in ("region", "department"):
                return ()
            index = index.parent()
        return ()

    def current_documents(self) -> tuple[int, ...]:
        """The documents of the tree's current node, else the shown project's document."""
        found = self.documents_at(self.tree_proxy.mapToSource(self.tree.currentIndex()))
        if not found and self.record is not None:
            found = (self.record.document_id,)
        return found

    def _tree_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid() or self.ws is None:
            return
        documents = self.documents_at(self.tree_proxy.mapToSource(index))
        spec = self.tree_model.spec(self.tree_proxy.mapToSource(index))
        department = spec.key_id() if spec is not None and spec.kind == "department" else None
        if not documents and department is None:
            return
        if self.tree_menu is not None:
            self.tree_menu.deleteLater()
        menu = QMenu(self.tree)
        menu.setObjectName("treeMenu")
        if department is not None:
            action = menu.addAction(self.progress_action.icon(), self.tr("审核进度…"))
            action.triggered.connect(lambda _c=False, d=department: self.open_progress(d))
        if len(documents) == 1:
            action = menu.addAction(self.tr("导入报告…"))
            action.triggered.connect(lambda _c=False, d=documents[0]: self.open_import_report(d))
        else:  # a year with several kinds of document (绩效文本 and 预算公开)
            for document_id in documents:
                name = self.ws.document_info(document_id).source_name
                action = menu.addAction(self.tr("导入报告：{file}…").format(file=name))
                action.triggered.connect(lambda _c=False, d=document_id: self.open_import_report(d))
        self.tree_menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def open_import_report(self, document_id: int | None = None) -> QWidget | None:
        """Show a document's import report (by default, of the tree's current node)."""
        if self.ws is None:
            return None
        if document_id is None:
            documents = self.current_documents()
            if not documents:
                self.show_message(self.tr("请先在左侧选择一个年度或项目。"))
                return None
            document_id = documents[0]
        from ui.dialogs.import_report_dialog import ImportReportDialog

        try:
            info = self.ws.document_info(document_id)
            report = self.ws.import_report(document_id)
        except Exception as error:
            show_error(self, error)
            return None
        previous = getattr(self, "report_dialog", None)
        if previous is not None:
            previous.close()
            previous.deleteLater()
        self.report_dialog = ImportReportDialog(info.source_name, report, self)
        self.report_dialog.open()
        return self.report_dialog

    def show_document_without_projects(self, spec: NodeSpec) -> None:
        """A year whose document has no projects: say so in the centre, with the way to its report."""
        self.show_project(None)
        text = self.tr("所选年度（{year}）的文本没有读出任何项目，因此没有项目表和绩效指标可以审核。").format(
            year=spec.label)
        if spec.warning:
            text += "\n\n" + spec.warning
        text += "\n\n" + self.tr("导入报告列出了文件中每张表格被读成了什么；如果文件确有项目，请核对后重新导入。")
        self.placeholder.setText(text)
        self.placeholder_report.setVisible(bool(spec.documents))

    def selected_department(self) -> int | None:
        """The department of the tree's current node (a department, year, unit or project)."""
        index = self.tree_proxy.mapToSource(self.tree.currentIndex())
        while index.isValid():
            spec = self.tree_model.spec(index)
            if spec is not None and spec.kind == "department":
                return spec.key_id()
            if spec is not None and spec.kind in ("year", "unit"):
                return spec.key_id()
            index = index.parent()
        if self.record is not None and self.ws is not None:
            return self.ws.document_info(self.record.document_id).department_id
        return None

    def department_or_say(self) -> int | None:
        """The selected department; without one, tell the reviewer to pick one first."""
        department_id = self.selected_department()
        if department_id is None:
            self.show_message(self.tr("请先在左侧选择一个部门。"))
        return department_id

    def go_to_project(self, project_id: int) -> None:
        """Bring the window forward on `project_id`: selected in the tree and open (from the
        comparison or the progress overview)."""
        self.open_project(project_id)
        self.activateWindow()
        self.raise_()

    def open_project(self, project_id: int, record: ProjectRecord | None = None) -> None:
        """Show a project and select it in the tree, reading it from the workspace once at
        most (`record`: the project already read; none is read when it is the one shown).

        It is shown first, so that selecting its tree node finds it open and does not read it again.
        """
        if self.ws is None:
            return
        if self.record is None or self.record.id != project_id:
            self.show_project(record or self.ws.project(project_id))
        assert self.record is not None
        self.reveal_project(self.record)

    def reveal_project(self, record: ProjectRecord) -> None:
        """Select a project (as read) in the tree, loading the branches on the way."""
        if self.ws is None:
            return
        project_id = record.id
        info = self.ws.document_info(record.document_id)
        department = self.ws.department(info.department_id)
        path = [("region", (department.region_id,)), ("department", (department.id,)),
                ("year", (department.id, info.year))]
        parent = QModelIndex()
        for kind, key in path:
            self.tree_model.fetch_all(parent)
            found = self._child_with(parent, kind, key)
            if not found.isValid():
                return
            self.tree.expand(self.tree_proxy.mapFromSource(found))
            parent = found
        self.tree_model.fetch_all(parent)
        target = self._child_with(parent, "project", (project_id, record.document_id))
        if not target.isValid():  # projects grouped by unit
            for row in range(self.tree_model.rowCount(parent)):
                unit = self.tree_model.index(row, 0, parent)
                self.tree_model.fetch_all(unit)
                target = self._child_with(unit, "project", (project_id, record.document_id))
                if target.isValid():
                    self.tree.expand(self.tree_proxy.mapFromSource(unit))
                    break
        if target.isValid():
            proxy_index = self.tree_proxy.mapFromSource(target)
            self.tree.setCurrentIndex(proxy_index)
            self.tree.scrollTo(proxy_index)

    def _child_with(self, parent: QModelIndex, kind: str, key: tuple[object, ...]) -> QModelIndex:
        for row in range(self.tree_model.rowCount(parent)):
            index = self.tree_model.index(row, 0, parent)
            spec = self.tree_model.spec(index)
            if spec is not None and spec.kind == kind and spec.key == key:
                return index
        return QModelIndex()

    # ---- current project -----------------------------------------------------------------
    def load_project(self, project_id: int) -> None:
        if self.ws is None:
            return
        if self.record is not None and self.record.id == project_id:
            return
        try:
            record = self.ws.project(project_id)
        except Exception as error:
            show_error(self, error)
            return
        self.show_project(record)

    def _placeholder_text(self) -> str:
        return self.tr("从左侧选择一个项目，或用“导入”把部门预算绩效文本（.docx / .pdf / .xlsx）导入工作区。")

    def show_project(self, record: ProjectRecord | None) -> None:
        self.record = record
        self.placeholder_panel.setVisible(record is None)
        self.placeholder.setText(self._placeholder_text())
        self.placeholder_report.hide()
        self.centre_split.setVisible(record is not None)
        if record is None:
            self.form.set_project(None)
            self._header = {}
            self.indicators.set_rows([])
            self._show_long_term([])
            self._shown_findings = []
            self.findings.set_findings([])
            self._show_annotations([])
            self._shown_grade = None
            self.grade.set_grade(None, enabled=False)
            return
        header, cells = self._revisions()
        self._header = header
        self.form.set_project(record.project, header)
        self.indicators.set_rows([IndicatorRow(i, ind, cells.get(i, {}))
                                  for i, ind in zip(record.indicator_ids, record.project.indicators, strict=True)])
        self.table.resizeRowsToContents()
        self._show_long_term(record.project.long_term_indicators)
        self._refresh_findings()
        self._refresh_annotations()
        self._refresh_grade()
        self.project_shown.emit(record.id)
        self.statusBar().showMessage(self.tr("{name}：{n} 行绩效指标").format(
            name=record.project.display_name, n=len(record.project.indicators)))
        self._update_actions()

    def _show_long_term(self, indicators: Sequence[Indicator]) -> None:
        """The 长期 grid in its own tab, only when the project has one (no empty tab)."""
        # Its rows carry no indicator ids: the reviewer's layer addresses the 年度 grid only.
        self.long_term_indicators.set_rows([IndicatorRow(NO_ID, ind, {}) for ind in indicators])
        self.long_term_table.resizeRowsToContents()
        index = self.indicator_tabs.indexOf(self.long_term_table)
        if indicators and index < 0:
            self.indicator_tabs.addTab(self.long_term_table, self.tr("长期绩效指标"))
        elif not indicators and index >= 0:
            self.indicator_tabs.removeTab(index)
        self.indicator_tabs.setCurrentWidget(self.table)  # each project opens on the 年度 grid

    def current_table(self) -> IndicatorTableView:
        """The indicator table of the tab in front (the Edit menu's copy and paste act on it)."""
        shown = self.indicator_tabs.currentWidget()
        return shown if isinstance(shown, IndicatorTableView) else self.table

    def _revisions(self) -> tuple[dict[str, str], dict[int, dict[str, str]]]:
        """The current project's revisions: header fields, and cells per indicator id."""
        assert self.ws is not None and self.record is not None
        header: dict[str, str] = {}
        cells: dict[int, dict[str, str]] = {}
        for stored in self.ws.revisions(self.record.document_id, self.record.id):
            loc = stored.revision.location
            if stored.indicator_id is not None and loc.column:
                cells.setdefault(stored.indicator_id, {})[loc.column] = stored.revision.suggested
            elif loc.field:
                header[loc.field] = stored.revision.suggested
        return header, cells

    def _refresh_revisions(self) -> None:
        header, cells = self._revisions()
        self._header = header
        self.form.set_revisions(header)
        self.indicators.update_revisions({(i, col): text for i, cols in cells.items()
                                          for col, text in cols.items()})

    def _project_findings(self) -> list[StoredFinding]:
        assert self.ws is not None and self.record is not None
        return self.ws.findings(self.record.document_id, self.record.id)

    def _refresh_findings(self) -> None:
        if self.record is None:
            if self.ws is not None and self._department_documents:
                self._show_findings([f for d in self._department_documents for f in self.ws.findings(d)
                                     if f.project_id is None])
            return
        self._show_findings(self._project_findings())

    def _show_findings(self, findings: list[StoredFinding]) -> None:
        self._shown_findings = list(findings)
        names = {self.record.id: self.record.project.name.raw} \
            if self.record is not None and self.record.project.name is not None else {}
        self.findings.set_findings(findings, names)
        rows = {ind_id: r for r, ind_id in enumerate(self.indicators.indicator_ids())}
        cells = {(rows[f.indicator_id], f.finding.location.column or "level3") for f in findings
                 if f.finding.state == FindingState.OPEN and f.indicator_id in rows}
        self.indicators.set_finding_cells(cells)
        open_count = sum(1 for f in findings if f.finding.state == FindingState.OPEN)
        self.findings_dock.setWindowTitle(self.tr("审核发现（待处理 {n}）").format(n=open_count))

    def _refresh_annotations(self) -> None:
        assert self.ws is not None and self.record is not None
        self._show_annotations(self.ws.annotations(self.record.document_id, self.record.id))

    def _show_annotations(self, annotations: list[StoredAnnotation]) -> None:
        self._shown_annotations = list(annotations)
        self.annotations.set_annotations(self._shown_annotations)
        # the comment markers (ui/views/comment_marker.py) on the annotated cells and fields
        self.indicators.set_annotations(annotated_cells(self._shown_annotations, self.indicators.indicator_ids()))
        self.form.set_annotations(annotated_fields(self._shown_annotations))

    def _refresh_grade(self) -> None:
        assert self.ws is not None and self.record is not None
        self._shown_grade = self.ws.grade(self.record.id)
        self.grade.set_grade(self._shown_grade)

    # ---- edits shown at once, before the writer has run them (ui.commands.CommandView) -----
    def _shows(self, project_id: int | None) -> bool:
        return self.record is not None and project_id == self.record.id

    def preview_revision(self, project_id: int | None, location: Location, text: str | None) -> None:
        """Show a suggested revision (None: none) at a place of the current project."""
        if not self._shows(project_id):
            return
        assert self.record is not None
        submitted = value_at(None, self.record.project, location)
        if text is not None and text == ("" if submitted is None else submitted.raw):
            text = None  # the workspace keeps no suggestion equal to the submitted text
        if location.indicator is not None:
            if not location.column or not 0 <= location.indicator < self.indicators.rowCount():
                return
            cells = {(row.indicator_id, column): suggested
                     for row in (self.indicators.row_at(r) for r in range(self.indicators.rowCount()))
                     for column, suggested in row.revisions.items()}
            key = (self.indicators.row_at(location.indicator).indicator_id, location.column)
            if text is None:
                cells.pop(key, None)
            else:
                cells[key] = text
            self.indicators.update_revisions(cells)
        elif location.field:
            header = dict(self._header)
            if text is None:
                header.pop(location.field, None)
            else:
                header[location.field] = text
            self._header = header
            self.form.set_revisions(header)

    def preview_finding(self, project_id: int | None, finding_id: int, state: FindingState,
                        reason: str | None) -> None:
        department_level = project_id is None and self.record is None and bool(self._department_documents)
        if not self._shows(project_id) and not department_level:
            return
        self._show_findings([
            dataclasses.replace(f, finding=dataclasses.replace(f.finding, state=state, reason=reason))
            if f.id == finding_id else f for f in self._shown_findings])

    def preview_annotation_added(self, project_id: int | None, document_id: int, location: Location,
                                 text: str, author: str) -> None:
        if not self._shows(project_id):
            return
        indicator_id = None
        if location.indicator is not None and 0 <= location.indicator < self.indicators.rowCount():
            indicator_id = self.indicators.row_at(location.indicator).indicator_id
        added = StoredAnnotation(id=PENDING_ID, document_id=document_id, project_id=project_id,
                                 indicator_id=indicator_id,
                                 annotation=Annotation(location=location, text=text, author=author),
                                 updated_at=datetime.now())
        self._show_annotations([*self._shown_annotations, added])

    def preview_annotation_removed(self, project_id: int | None, annotation_id: int | None,
                                   location: Location, text: str) -> None:
        if not self._shows(project_id):
            return
        shown = self._shown_annotations
        at = next((i for i, a in enumerate(shown) if annotation_id is not None and a.id == annotation_id), None)
        if at is None:  # added by a write not run yet (or its id not yet shown): the same place and text
            at = next((i for i in reversed(range(len(shown)))
                       if shown[i].annotation.location == location and shown[i].annotation.text == text), None)
        if at is not None:
            self._show_annotations(shown[:at] + shown[at + 1:])

    def preview_annotation_text(self, project_id: int | None, annotation_id: int, text: str) -> None:
        if not self._shows(project_id):
            return
        self._show_annotations([
            dataclasses.replace(a, annotation=dataclasses.replace(a.annotation, text=text))
            if a.id == annotation_id else a for a in self._shown_annotations])

    def preview_grade(self, project_id: int, grade: Grade | None) -> None:
        if not self._shows(project_id):
            return
        self._shown_grade = grade
        self.grade.set_grade(grade)

    # ---- the writer's outcomes -------------------------------------------------------------
    def _written(self, changes: Changes) -> None:
        """A queued write (or a check run) is done: redraw what it changed once nothing is queued."""
        self._unshown = self._unshown | changes
        self._show_when_idle()

    def _write_failed(self, error: BaseException) -> None:
        """A queued write failed: show the workspace's state again, and tell the reviewer."""
        self._reshow_project = True
        self._show_when_idle()
        show_error(self, error)

    def _command_failed(self, error: BaseException, command: WorkspaceCommand) -> None:
        self._drop_failed(command)
        self._write_failed(error)

    def _drop_failed(self, command: WorkspaceCommand) -> None:
        """Take a failed (obsolete) step off the stack when it is next to the index: the stack
        deletes an obsolete command instead of running it, so Undo/Redo no longer offer it."""
        stack = self.undo_stack
        index = stack.index()
        if index > 0 and stack.command(index - 1) is command:
            stack.undo()
        elif index < stack.count() and stack.command(index) is command:
            stack.redo()

    def _show_when_idle(self) -> None:
        """Redraw from the workspace once every queued write has run (earlier, the workspace
        would not yet hold the later edits the models already show)."""
        if self.writer.pending:
            return
        changes, self._unshown = self._unshown, NO_CHANGES
        if self._reshow_project and self.record is not None:
            changes = changes | Changes(revisions=True, findings=True, annotations=True, grades=True,
                                        project_ids=frozenset({self.record.id}))
        self._reshow_project = False
        if changes.any:
            self.on_changes(changes)

    def finish_writes(self) -> None:
        """Wait for the queued writes (before the workspace is closed): nothing the reviewer did is lost."""
        if not self.writer.pending:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.writer.drain()
        finally:
            QApplication.restoreOverrideCursor()

    def save(self) -> None:
        """Ctrl+S: every edit is written as it is made, so saving is waiting for the queued writes."""
        if self.ws is None:
            return
        self.finish_writes()
        self.show_message(self.tr("已保存"))

    def _context(self) -> CommandContext:
        assert self.ws is not None
        return CommandContext(self.ws, self.writer, self, self._written, self._command_failed,
                              grade=self._grading())

    def _grading(self) -> GradeFunction:
        """The check's grading with the reviewer's settings as they are now (a decision
        re-grades its projects with them, as a check run would)."""
        from core.checks.grading import grader

        return grader(self.settings.check_settings())

    def on_changes(self, changes: Changes) -> None:
        """Redraw what a workspace op changed (Anki's on_operation_did_execute)."""
        if changes.documents:
            self.reload_tree()
        if self.record is None and self.ws is not None and self._department_documents and changes.findings:
            self._refresh_findings()
        if self.record is None or self.ws is None:
            return
        mine = (not changes.project_ids or self.record.id in changes.project_ids
                or self.record.document_id in changes.document_ids)
        if not mine:
            return
        if changes.revisions:
            self._refresh_revisions()
        if changes.findings:
            self._refresh_findings()
            self._refresh_badges()
        if changes.annotations:
            self._refresh_annotations()
        if changes.grades:
            self._refresh_grade()

    def reload_tree(self) -> None:
        """Show the workspace's tree anew (after an import or a check): filtered, the filter
        asks the store again and rebuilds its tree once; otherwise the first branches are
        opened and the current project selected again."""
        current = self.record
        if self.tree_source is not None:
            self.tree_source.forget()
        if self.tree_filter.active:
            self.tree_filter.apply()
            return
        self.tree_model.reload()
        self._expand_first()
        if current is not None:
            self.reveal_project(current)

    def _refresh_badges(self) -> None:
        """New open-finding counts on the loaded year and project nodes of the current department."""
        if self.ws is None or self.record is None or self.tree_source is None:
            return
        info = self.ws.document_info(self.record.document_id)
        per_year = self.ws.open_findings_per_year(info.department_id)
        per_project = self.ws.open_findings_per_project(info.department_id, info.year)
        badges: dict[tuple[str, tuple[object, ...]], int] = {
            ("year", (info.department_id, year.year)): per_year.get(year.year, 0)
            for year in self.ws.years(info.department_id)}
        for p in self.ws.projects(info.id):
            badges[("project", (p.id, info.id))] = per_project.get(p.id, 0)
        units: Counter[str] = Counter()
        for p in self.ws.department_projects(info.department_id, info.year):
            units[p.unit_code] += per_project.get(p.id, 0)
        for code, n in units.items():
            badges[("unit", (info.department_id, info.year, code))] = n
        badges[("department", (info.department_id,))] = sum(per_year.values())
        self.tree_model.update_badges(badges)

    # ---- edits (each one undoable) --------------------------------------------------------
    def _author(self) -> str:
        return self.settings.reviewer_name

    def _edit_cell(self, row: int, column: str, text: str) -> bool:
        if self.ws is None or self.record is None:
            return False
        project = self.record.project
        location = Location(project_seq=project.seq, indicator=row, column=column)
        previous = self.indicators.revised(row, self.indicators.column_of(column) or 0)  # as shown: queued edits too
        label = self.tr("修改 第{n}行 {column}").format(n=row + 1, column=field_label(column))
        self.undo_stack.push(SetRevisionCommand(self._context(), self.record.document_id, self.record.id, location,
                                                text, previous, self._author(), label))
        return True

    def _edit_header(self, field: str, text: str) -> None:
        if self.ws is None or self.record is None:
            return
        location = Location(project_seq=self.record.project.seq, field=field)
        label = self.tr("修改 {field}").format(field=field_label(field))
        self.undo_stack.push(SetRevisionCommand(self._context(), self.record.document_id, self.record.id, location,
                                                text, self._header.get(field), self._author(), label))

    def _finding_state(self, finding_id: int, state: FindingState, reason: str | None) -> None:
        if self.ws is None:
            return
        stored = next((f for f in self._shown_findings if f.id == finding_id), None)
        if stored is None:
            return
        texts = {FindingState.ACCEPTED: self.tr("采纳 {rule}"), FindingState.DISMISSED: self.tr("驳回 {rule}"),
                 FindingState.OPEN: self.tr("重新打开 {rule}")}
        self.undo_stack.push(FindingStateCommand(
            self._context(), finding_id, stored.project_id, state, reason, stored.finding.state,
            stored.finding.reason, texts[state].format(rule=stored.finding.check_id)))

    def _findings_state(self, finding_ids: list[int], state: FindingState, reason: str | None) -> None:
        """Decide several findings as one undo step (one transaction on the writer)."""
        if self.ws is None:
            return
        shown = {f.id: f for f in self._shown_findings}
        chosen = [shown[i] for i in finding_ids if i in shown]
        if not chosen:
            return
        texts = {FindingState.ACCEPTED: self.tr("采纳 {n} 条发现"), FindingState.DISMISSED: self.tr("驳回 {n} 条发现"),
                 FindingState.OPEN: self.tr("重新打开 {n} 条发现")}
        self.undo_stack.push(FindingsStateCommand(
            self._context(), [(f.id, f.project_id, f.finding.state, f.finding.reason) for f in chosen],
            state, reason, self._author() or None, texts[state].format(n=len(chosen))))

    def _annotation_location(self, target: int) -> Location | None:
        assert self.record is not None
        seq = self.record.project.seq
        if target == TARGET_PROJECT:
            return Location(project_seq=seq)
        if self.current_table() is not self.table:
            # Annotations point at 年度 rows; a 长期 cell has no place in the reviewer's layer.
            self.show_message(self.tr("长期绩效指标不能批注：请在年度绩效指标中选择一行或一个单元格。"))
            return None
        index = self.table.currentIndex()
        if not index.isValid():
            self.show_message(self.tr("请先在指标表中选择一行或一个单元格。"))
            return None
        if target == TARGET_ROW:
            return Location(project_seq=seq, indicator=index.row())
        return Location(project_seq=seq, indicator=index.row(), column=self.indicators.column_name(index.column()))

    def _add_annotation(self, target: int, text: str) -> None:
        if self.ws is None or self.record is None:
            return
        location = self._annotation_location(target)
        if location is None:
            return
        self.undo_stack.push(AddAnnotationCommand(self._context(), self.record.document_id, self.record.id,
                                                  location, text, self._author(), self.tr("添加批注")))

    def _annotation_saved(self, stored: StoredAnnotation) -> bool:
        """False (and say so) for an annotation whose write has not run yet: it has no id to edit by."""
        if stored.id == PENDING_ID:
            self.show_message(self.tr("批注正在保存，请稍后再修改或删除。"))
            return False
        return True

    def _edit_annotation(self, stored: StoredAnnotation, text: str) -> None:
        if self.ws is None or not self._annotation_saved(stored):
            return
        self.undo_stack.push(EditAnnotationCommand(self._context(), stored.id, stored.project_id, text,
                                                   stored.annotation.text, self.tr("修改批注")))

    def _delete_annotation(self, stored: StoredAnnotation) -> None:
        if self.ws is None or not self._annotation_saved(stored):
            return
        a = stored.annotation
        self.undo_stack.push(DeleteAnnotationCommand(self._context(), stored.id, stored.document_id,
                                                     stored.project_id, a.location, a.text, a.author,
                                                     self.tr("删除批注")))

    def _set_grade(self, grade: Grade) -> None:
        if self.ws is None or self.record is None:
            return
        self.undo_stack.push(SetGradeCommand(self._context(), self.record.id, grade, self._shown_grade,
                                             self.tr("人工评定")))

    def _reset_grade(self) -> None:
        if self.ws is None or self.record is None:
            return
        ws, project_id = self.ws, self.record.id
        if self._shown_grade is not None:
            self.preview_grade(project_id, dataclasses.replace(self._shown_grade, overridden=False))
        self.writer.submit(lambda: ws.clear_grade_override(project_id), self._written, self._write_failed)

    # ---- navigation ------------------------------------------------------------------------
    def go_to_finding(self, stored: StoredFinding) -> None:
        if stored.project_id is not None and (self.record is None or self.record.id != stored.project_id):
            self.load_project(stored.project_id)
        self.go_to_location(stored.finding.location, stored.indicator_id)

    def go_to_location(self, location: Location, indicator_id: int | None = None) -> None:
        """Select the cell (or header field) a finding or annotation points at."""
        if self.record is None:
            return
        row = self.indicators.row_of_indicator(indicator_id) if indicator_id is not None else location.indicator
        if row is not None and 0 <= row < self.indicators.rowCount():
            column = self.indicators.column_of(location.column or "level3") or 0
            index = self.indicators.index(row, column)
            self.indicator_tabs.setCurrentWidget(self.table)  # findings point at the 年度 grid
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.setFocus()
            return
        if location.field:
            base = location.field
            try:
                editor = self.form.editor(base)
            except KeyError:
                return
            editor.setFocus()

    def go_to_hit(self, hit: SearchHit) -> None:
        self.open_project(hit.project_id)
        if hit.indicator_id is not None:
            row = self.indicators.row_of_indicator(hit.indicator_id)
            column = SEARCH_FIELD_COLUMN.get(hit.field, "level3")
            self.go_to_location(Location(indicator=row, column=column), hit.indicator_id)
        elif hit.field in ("name", "goal", "usage", "code"):
            self.go_to_location(Location(field=hit.field))
        self.activateWindow()

    # ---- actions ---------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _update_actions(self) -> None:
        has_ws = self.ws is not None
        for action in (self.import_action, self.check_action, self.search_action, self.export_action,
                       self.compare_action, self.memo_action, self.report_action, self.save_action,
                       self.progress_action):
            action.setEnabled(has_ws)
        has_project = self.record is not None
        for action in (self.copy_action, self.paste_action, self.revert_action):
            action.setEnabled(has_project)

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("导入部门预算绩效文本"), "",
            self.tr("绩效文本 ({patterns});;所有文件 (*)").format(patterns=DOCUMENT_FILTER))
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: Sequence[str | Path]) -> Op | None:
        """Import files in the background behind a cancellable progress dialog."""
        if self.ws is None or not paths:
            return None
        ws = self.ws
        reader = self.document_reader
        files = [Path(p) for p in paths]

        def run(progress: Progress) -> list[ImportOutcome]:
            return ws.import_files(files, progress, reader=reader)

        op = Op(run, self)
        op.with_progress(self, self.tr("正在导入 {n} 个文件…").format(n=len(files)))
        op.success(self._imported)

        def import_failed(error: BaseException) -> None:
            show_error(self, error)
            self.reload_tree()

        op.failure(import_failed)
        # A cancelled import keeps the files already imported: show them, and say which.
        op.cancelled(lambda cancel: self._import_cancelled(ws, files, cancel))
        return op.run()

    def _import_cancelled(self, ws: Workspace, files: Sequence[Path], cancel: Cancelled) -> None:
        """After Cancel: say how many files and which got in (they stay, and are checked) and
        which did not, in the status bar and a report."""
        if self.ws is not ws:  # the workspace was closed or replaced meanwhile
            return
        self.undo_stack.clear()
        self.reload_tree()
        # Cancelled before the first file was under way: nothing got in.
        if isinstance(cancel, ImportCancelled):
            outcomes, left = cancel.outcomes, cancel.not_imported
        else:
            outcomes, left = [], [shown(p.name) for p in files]
        added = [o for o in outcomes if o.status in (ImportStatus.IMPORTED, ImportStatus.NEW_VERSION)]
        imported = [o.file_name for o in added]
        summary = self.tr("导入已取消：已导入 {ok} 个文件，未导入 {left} 个。").format(ok=len(imported), left=len(left))
        self.import_cancelled = (imported, left)
        self.last_import = outcomes
        self.statusBar().showMessage(summary)  # kept until the next message: not a passing note
        none = self.tr("（无）")
        lines = [self.tr("已导入：{files}").format(files="、".join(imported) or none),
                 self.tr("未导入：{files}").format(files="、".join(left) or none)]
        others = [o.message for o in outcomes if o.status in (ImportStatus.DUPLICATE, ImportStatus.FAILED)
                  and o.message]
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("导入已取消"), summary,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("importCancelled")
        box.setInformativeText("\n".join(lines))
        box.setDetailedText("\n".join([self.tr("已导入的文件："), *imported, "", self.tr("未导入的文件："), *left,
                                       *(["", *others] if others else [])]))
        box.open()
        self.cancel_report = box
        document_ids = [o.document_id for o in added if o.document_id is not None]
        if document_ids:
            self.check_imported(document_ids, summary)

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        self.undo_stack.clear()
        self.reload_tree()
        failed = [o for o in outcomes if o.status == ImportStatus.FAILED]
        dup = [o for o in outcomes if o.status == ImportStatus.DUPLICATE]
        done = [o for o in outcomes if o.status in (ImportStatus.IMPORTED, ImportStatus.NEW_VERSION)]
        summary = self.tr("导入完成：成功 {ok} 个，重复 {dup} 个，失败 {bad} 个。").format(
            ok=len(done), dup=len(dup), bad=len(failed))
        self.show_message(summary)
        self.last_import = outcomes
        # The imported documents are checked at once, in the background (as the Check action does).
        imported = [o.document_id for o in done if o.document_id is not None]
        if imported:
            self.check_imported(imported, summary)
        lines = [o.message for o in failed + dup if o.message]
        lines += [self.tr("{file}：{n} 条批注或修改建议未能带到新版本。").format(file=o.file_name, n=len(o.uncarried))
                  for o in done if o.uncarried]
        if lines:
            box = QMessageBox(QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information,
                              self.tr("导入"), summary, QMessageBox.StandardButton.Ok, self)
            box.setDetailedText("\n".join(lines))
            box.setInformativeText("\n".join(lines[:5]))
            box.setObjectName("importReport")
            box.open()

    def run_checks(self) -> None:
        if self.ws is None:
            return
        from ui.checking import check_documents

        ws = self.ws
        department = self.selected_department()
        settings = self.settings.check_settings()
        op = Op(lambda progress: check_documents(ws, department, settings, progress), self)
        op.with_progress(self, self.tr("正在检查…"))
        op.success(self._checked)
        op.run()

    def check_imported(self, document_ids: Sequence[int], summary: str = "") -> Op | None:
        """Check the documents just imported; the status bar then says how many findings were found."""
        if self.ws is None or not document_ids:
            return None
        from ui.checking import CheckRun, check_document_ids

        ws = self.ws
        ids = list(document_ids)
        settings = self.settings.check_settings()
        op = Op(lambda progress: check_document_ids(ws, ids, settings, progress), self)
        op.with_progress(self, self.tr("正在检查导入的 {n} 个文本…").format(n=len(ids)))

        def checked(run: CheckRun) -> None:
            if self.ws is not ws:  # the workspace was closed or replaced meanwhile
                return
            self._written(run.changes)
            if self.tree_source is not None:
                self.reload_tree()
            found = self.tr("已检查导入的文本：发现 {n} 条待处理的审核发现。").format(n=run.open_findings)
            self.show_message(f"{summary} {found}".strip())

        op.success(checked)
        op.failure(lambda error: show_error(self, error) if self.ws is ws else None)
        self._check_op = op
        return op.run()

    def _stop_ops(self) -> None:
        """Before the workspace closes: cancel a check of imported documents, and wait for the
        op thread (a check still running would read a closed workspace)."""
        op, self._check_op = self._check_op, None
        if op is not None and not op.done:
            op.token.cancel()
            op_pool().waitForDone(-1)

    def _checked(self, changes: Changes) -> None:
        self._written(changes)
        if self.tree_source is not None:
            self.reload_tree()
        self.show_message(self.tr("检查完成。"))

    def open_search(self) -> None:
        if self.ws is None:
            return
        from ui.dialogs.search_dialog import SearchDialog

        if getattr(self, "search_dialog", None) is None:
            ws = self.ws
            self.search_dialog = SearchDialog(ws.search_page, self)
            self.search_dialog.hit_chosen.connect(self.go_to_hit)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.query.setFocus()
        self.search_dialog.query.selectAll()

    def export_xlsx(self) -> None:
        from ui.exporting import export_xlsx

        export_xlsx(self)

    def export_memo(self) -> None:
        from ui.exporting import export_memo

        export_memo(self)

    def open_comparison(self) -> None:
        from ui.comparing import open_comparison

        open_comparison(self)

    def open_progress(self, department_id: int | None = None) -> None:
        """The review progress overview of a department (the selected one unless given)."""
        from ui.views.progress_view import open_progress

        open_progress(self, department_id)

    def open_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.tr(
            "<h3>预算绩效目标审核工作台</h3>"
            "<p>导入部门预算绩效文本，逐项审核绩效目标和指标，提出修改建议和批注，"
            "对比年度变化，导出审核意见。</p>"
            "<p>所有数据保存在本机工作区文件中，无需联网。</p>"
            "<p>界面字体：文泉驿微米黑（Apache-2.0）。</p>"))

    # ---- window events -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._default_docks:
            self._default_docks = False
            self.size_docks()

    def size_docks(self) -> None:
        """The first layout: the tree wide enough for its names (a fifth of the window, at least
        260 px), the findings a third, the indicator table the rest."""
        width = self.width()
        tree = max(260, width // 5)
        findings = max(380, width // 3)
        self.resizeDocks([self.tree_dock, self.findings_dock], [tree, findings], Qt.Orientation.Horizontal)
        self.resizeDocks([self.findings_dock, self.annotations_dock], [420, 380], Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        if self.ws is not None:
            self._remember_place()
        self.settings.sync()
        if self.ws is not None:
            self.finish_writes()  # the queued writes land before the workspace is closed
            self._stop_ops()
            # Closing waits for the last commit only: a backup due on close is written by a
            # thread of its own while the window goes (core/store/workspace.py, close()).
            self.ws.close(background=True)
            self.ws = None
        super().closeEvent(event)
