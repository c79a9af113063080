"""Opening the year comparison for a department, and the reviewer's corrections of its matches.

Loads the department's current documents of two years, applies the reviewer's
stored pairings (workspace year matches) as core.compare Corrections, and runs
core.compare.compare_documents off the GUI thread. The window shows the result
(ui/views/comparison_view.py); its match list's context menu re-pairs or
unpairs projects, which is kept in the workspace and recomputed.

A correction is written by the main window's one writer (ui/background.Writer), in
turn with the reviewer's other edits; the comparison is recomputed once the write has
run, so it reads the correction back. A correction the workspace refuses is reported,
and the comparison recomputed from what the workspace holds.

A double-click on a project (match list or either side) emits `project_chosen` with its
workspace id; the main window then selects it in the tree and shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from core.compare import Comparison, Corrections, compare_documents
from core.store.records import Changes
from core.store.workspace import Workspace
from ui.background import Op, Writer
from ui.errors import show_error
from ui.views.comparison_view import ComparisonView

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True, slots=True)
class YearPair:
    department_id: int
    old_document_id: int
    new_document_id: int


def year_documents(ws: Workspace, department_id: int) -> list[tuple[int, int]]:
    """(year, current document id) of a department, newest year first."""
    found: list[tuple[int, int]] = []
    for y in ws.years(department_id):
        if y.year is None:
            continue
        docs = ws.documents(department_id, y.year, current_only=True)
        if docs:
            found.append((y.year, docs[0].id))
    return found


def compute(ws: Workspace, pair: YearPair) -> Comparison:
    """Compare the pair's documents with the reviewer's stored corrections applied."""
    old = ws.load_document(pair.old_document_id)
    new = ws.load_document(pair.new_document_id)
    old_pos = {p.id: p.position for p in ws.projects(pair.old_document_id)}
    new_pos = {p.id: p.position for p in ws.projects(pair.new_document_id)}
    corrections = Corrections()
    for old_id, new_id in ws.year_matches(pair.old_document_id, pair.new_document_id):
        if old_id in old_pos and new_id in new_pos:
            corrections.force.append((old_pos[old_id], new_pos[new_id]))
        elif old_id in old_pos and new_id is None:
            corrections.forbid.extend((old_pos[old_id], j) for j in new_pos.values())
        elif new_id in new_pos and old_id is None:
            corrections.forbid.extend((i, new_pos[new_id]) for i in old_pos.values())
    return compare_documents(old, new, corrections)


class ComparisonWindow(QMainWindow):
    """A window around ComparisonView with the choice of years and match corrections."""

    project_chosen = Signal(int)  # a workspace project id, double-clicked in the comparison

    def __init__(self, ws: Workspace, department_id: int, parent: QWidget | None = None, *,
                 writer: Writer | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonWindow")
        self.ws = ws
        # The main window's writer, so that corrections queue in turn with the other edits.
        self.writer = writer if writer is not None else Writer(self)
        self.background = True  # how the last comparison was computed; a correction recomputes alike
        self.department_id = department_id
        self.years = year_documents(ws, department_id)
        self.view = ComparisonView()
        self.old_year = QComboBox()
        self.new_year = QComboBox()
        for year, doc_id in self.years:
            self.old_year.addItem(str(year), doc_id)
            self.new_year.addItem(str(year), doc_id)
        self.new_year.setCurrentIndex(0)
        self.old_year.setCurrentIndex(min(1, len(self.years) - 1))
        self.old_year.currentIndexChanged.connect(lambda _i: self.recompute())
        self.new_year.currentIndexChanged.connect(lambda _i: self.recompute())
        bar = QWidget()
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(6, 4, 6, 0)
        lay.addWidget(QLabel(self.tr("上年：")))
        lay.addWidget(self.old_year)
        lay.addWidget(QLabel(self.tr("本年：")))
        lay.addWidget(self.new_year)
        lay.addStretch(1)
        centre = QWidget()
        box = QVBoxLayout(centre)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(bar)
        box.addWidget(self.view, 1)
        self.setCentralWidget(centre)
        department = ws.department(department_id)
        self.setWindowTitle(self.tr("年度对比 — {dept}").format(dept=department.name))
        self.resize(1300, 800)
        self.view.match_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.match_view.customContextMenuRequested.connect(self._match_menu)
        self.view.project_activated.connect(self._project_activated)
        self.pair: YearPair | None = None

    def current_pair(self) -> YearPair | None:
        old_id, new_id = self.old_year.currentData(), self.new_year.currentData()
        if old_id is None or new_id is None or old_id == new_id:
            return None
        return YearPair(self.department_id, int(old_id), int(new_id))

    def recompute(self, *, background: bool = True) -> None:
        pair = self.current_pair()
        if pair is None:
            self.statusBar().showMessage(self.tr("请选择两个不同的年度。"), 5000)
            return
        self.pair = pair
        self.background = background
        ws = self.ws
        if not background:
            self.writer.drain()  # a correction still queued must be read back
            self.view.set_comparison(compute(ws, pair))
            return
        # In the background: queued after any correction still to be written, so it reads it.
        op = Op(lambda _progress: compute(ws, pair), self)
        op.with_progress(self, self.tr("正在对比…"))
        op.success(self.view.set_comparison)
        op.failure(lambda error: show_error(self, error))
        op.run()

    def _project_ids(self, document_id: int) -> dict[int, int]:
        return {p.position: p.id for p in self.ws.projects(document_id)}

    def _project_activated(self, side: str, position: int) -> None:
        if self.pair is None:
            return
        document_id = self.pair.old_document_id if side == "old" else self.pair.new_document_id
        project_id = self._project_ids(document_id).get(position)
        if project_id is not None:
            self.project_chosen.emit(project_id)

    def _match_menu(self, point: QPoint) -> None:
        index = self.view.match_view.indexAt(point)
        if not index.isValid() or self.view.comparison is None or self.pair is None:
            return
        match = self.view.matches.match_at(index.row())
        menu = QMenu(self)
        if match.matched:
            menu.addAction(self.tr("取消此配对"), lambda: self.unpair(index.row()))
        else:
            menu.addAction(self.tr("与另一年度的项目配对…"), lambda: self.pair_with(index.row()))
        menu.exec(self.view.match_view.viewport().mapToGlobal(point))

    def unpair(self, row: int) -> None:
        assert self.pair is not None
        match = self.view.matches.match_at(row)
        old_ids, new_ids = self._project_ids(self.pair.old_document_id), self._project_ids(self.pair.new_document_id)
        ws, old_doc, new_doc = self.ws, self.pair.old_document_id, self.pair.new_document_id
        old_id = old_ids[match.old] if match.old is not None else None
        new_id = new_ids[match.new] if match.new is not None else None

        def write() -> Changes:
            changes = Changes()
            if old_id is not None:
                changes = changes | ws.set_year_match(old_doc, new_doc, old_id, None)
            if new_id is not None:
                changes = changes | ws.set_year_match(old_doc, new_doc, None, new_id)
            return changes
        self._correct(write)

    def _correct(self, write: Callable[[], Changes]) -> None:
        """Queue a correction on the writer; recompute once it has run (or failed)."""
        self.statusBar().showMessage(self.tr("正在保存配对修改…"))
        self.writer.submit(write, lambda _changes: self._corrected(), self._correction_failed)

    def _corrected(self) -> None:
        self.statusBar().clearMessage()
        if self.isVisible():  # closed meanwhile: nothing to show
            self.recompute(background=self.background)

    def _correction_failed(self, error: BaseException) -> None:
        self.statusBar().clearMessage()
        self.recompute(background=self.background)  # what the workspace holds
        show_error(self, error)

    def pair_with(self, row: int, choice: int | None = None) -> None:
        """Pair an unmatched project with one of the other year's unmatched projects."""
        assert self.pair is not None and self.view.comparison is not None
        comparison = self.view.comparison
        match = self.view.matches.match_at(row)
        old_side = match.old is not None
        unpaired = [m.new if old_side else m.old for m in comparison.matches
                    if (m.old is None if old_side else m.new is None)]
        candidates = [c for c in unpaired if c is not None]
        if not candidates:
            self.statusBar().showMessage(self.tr("另一年度没有未配对的项目。"), 5000)
            return
        projects = comparison.new.projects if old_side else comparison.old.projects
        if choice is None:
            names = [projects[c].display_name for c in candidates]
            name, ok = QInputDialog.getItem(self, self.tr("配对"), self.tr("选择另一年度的项目："), names, 0, False)
            if not ok:
                return
            choice = candidates[names.index(name)]
        old_ids, new_ids = self._project_ids(self.pair.old_document_id), self._project_ids(self.pair.new_document_id)
        old_pos, new_pos = (match.old, choice) if old_side else (choice, match.new)
        assert old_pos is not None and new_pos is not None
        ws, old_doc, new_doc = self.ws, self.pair.old_document_id, self.pair.new_document_id
        old_id, new_id = old_ids[old_pos], new_ids[new_pos]
        self._correct(lambda: ws.set_year_match(old_doc, new_doc, old_id, new_id))


def open_comparison(window: MainWindow, *, background: bool = True) -> ComparisonWindow | None:
    """Open the comparison of the selected department's two latest years."""
    if window.ws is None:
        return None
    department_id = window.department_or_say()
    if department_id is None:
        return None
    if len(year_documents(window.ws, department_id)) < 2:
        window.show_message(QCoreApplication.translate("MainWindow", "该部门在工作区中只有一个年度的文本，无法对比。"))
        return None
    compare_window = ComparisonWindow(window.ws, department_id, window, writer=window.writer)
    compare_window.project_chosen.connect(window.go_to_project)
    window.comparison_window = compare_window
    compare_window.show()
    compare_window.recompute(background=background)
    return compare_window
