"""The indicator table editor: delegates for each column, copy/paste of ranges, undo macros.

一级/二级 cells edit through a combo box of the standard names (core.model
STANDARD_LEVELS); 指标值 is read as it is typed (ui/validation.py) and a value that
cannot be read is refused with a message. Copy gives tab-separated text of every
selected column, extra ones included; paste writes a block from the current cell as
one undoable step, and is refused, with a message, when it would change a cell that
takes no revision (an extra column, or a read-only table such as the 长期 grid).
A cell with a reviewer's annotation carries the comment marker, a red triangle in its
top-right corner (ui/views/comment_marker.py).
"""

from __future__ import annotations

from typing import overload

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QPainter, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from core.model import STANDARD_LEVELS
from ui.clipboard import from_tsv, to_tsv
from ui.models.indicator_model import (
    BASIS,
    DESCRIPTION,
    FIRST_EXTRA,
    LEVEL1,
    LEVEL2,
    LEVEL3,
    VALUE,
    IndicatorTableModel,
)
from ui.models.roles import ANNOTATION_ROLE
from ui.validation import read_target
from ui.views.comment_marker import marker_size, paint_marker

INVALID_STYLE = "QLineEdit { border: 2px solid #c0392b; background: #fdecea; }"

# Widths when extra columns follow: the table scrolls sideways instead of squeezing every
# column into the window, so the text columns get a readable width of their own.
TEXT_WIDTHS: dict[int, int] = {LEVEL3: 170, DESCRIPTION: 220, BASIS: 150}
EXTRA_MIN_WIDTH, EXTRA_MAX_WIDTH = 60, 220


class IndicatorDelegate(QStyledItemDelegate):
    """Editors per column; reports unreadable values through `invalid`."""

    invalid = Signal(str)
    reading = Signal(str)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        if index.data(ANNOTATION_ROLE):
            paint_marker(painter, option.rect, marker_size(option.fontMetrics))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        column = index.column()
        if column in (LEVEL1, LEVEL2):
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            if column == LEVEL1:
                combo.addItems(list(STANDARD_LEVELS))
            else:
                level1 = str(index.sibling(index.row(), LEVEL1).data(Qt.ItemDataRole.EditRole) or "")
                names = STANDARD_LEVELS.get(level1) or tuple(n for ns in STANDARD_LEVELS.values() for n in ns)
                combo.addItems(list(names))
            return combo
        editor = QLineEdit(parent)
        if column == VALUE:
            editor.textEdited.connect(lambda text, e=editor: self._show_reading(e, text))
        return editor

    def _show_reading(self, editor: QLineEdit, text: str) -> None:
        reading = read_target(text)
        editor.setStyleSheet("" if reading.ok else INVALID_STYLE)
        editor.setToolTip(reading.message)
        # The reading goes to the status bar, not a tooltip window: a popup could take the
        # focus and so end the edit half typed.
        self.reading.emit(reading.message)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentText(text)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            text = editor.currentText().strip()
        elif isinstance(editor, QLineEdit):
            text = editor.text()
        else:
            return
        if index.column() == VALUE:
            reading = read_target(text)
            if not reading.ok:
                self.invalid.emit(reading.message)
                return
        model.setData(index, text, Qt.ItemDataRole.EditRole)


class IndicatorTableView(QTableView):
    """The table with Excel-like copy and paste; edits go through the model's edit handler."""

    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack: QUndoStack | None = None
        self._widths_set = False  # set_column_widths called: widths follow each model reset
        self.delegate = IndicatorDelegate(self)
        self.delegate.invalid.connect(self.message)
        self.delegate.reading.connect(self.message)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTabKeyNavigation(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def indicator_model(self) -> IndicatorTableModel:
        model = self.model()
        assert isinstance(model, IndicatorTableModel)
        return model

    def setModel(self, model: QAbstractItemModel | None) -> None:
        previous = self.model()
        if isinstance(previous, IndicatorTableModel):
            previous.modelReset.disconnect(self._columns_changed)
        super().setModel(model)
        if isinstance(model, IndicatorTableModel):
            # Another project may bring other extra columns: widths follow each reset.
            model.modelReset.connect(self._columns_changed)

    def _columns_changed(self) -> None:
        if self._widths_set:
            self.set_column_widths()

    def set_column_widths(self) -> None:
        """Fixed widths for the short columns; the text columns share what is left, or, when
        extra columns follow, get fixed widths too and the table scrolls sideways."""
        self._widths_set = True
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in ((LEVEL1, 86), (LEVEL2, 112), (VALUE, 118)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        count = self.model().columnCount() if self.model() is not None else FIRST_EXTRA
        if count <= FIRST_EXTRA:
            for column in (LEVEL3, DESCRIPTION, BASIS):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            return
        for column, width in TEXT_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        for column in range(FIRST_EXTRA, count):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, self._extra_width(column))
        header.setStretchLastSection(True)  # no blank strip right of the last column

    def _extra_width(self, column: int) -> int:
        """Wide enough for the header and the longest cell, within bounds (long cells wrap)."""
        model = self.model()
        header_font = self.horizontalHeader().fontMetrics()
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header_font.horizontalAdvance(title) + 24
        cells = self.fontMetrics()
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            longest = max(text.splitlines() or [""], key=len)
            width = max(width, cells.horizontalAdvance(longest) + 16)
        return max(EXTRA_MIN_WIDTH, min(EXTRA_MAX_WIDTH, width))

    # -- clipboard -----------------------------------------------------------------
    def selected_block(self) -> list[list[str]]:
        indexes = self.selectedIndexes()
        if not indexes:
            return []
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        model = self.model()
        return [[str(model.index(r, c).data(Qt.ItemDataRole.EditRole) or "") if (r, c) in chosen else ""
                 for c in cols] for r in rows]

    def copy_selection(self) -> None:
        block = self.selected_block()
        if block:
            QGuiApplication.clipboard().setText(to_tsv(block))

    def paste(self, text: str | None = None) -> int:
        """Write a TSV block from the current cell; one undo step. Returns the cells changed."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        block = from_tsv(text)
        start = self.currentIndex()
        model = self.model()
        if not block or not start.isValid() or model is None:
            return 0
        # One value pasted over a selection fills every selected cell, as spreadsheets do.
        targets: list[tuple[int, int, str]] = []
        if len(block) == 1 and len(block[0]) == 1 and len(self.selectedIndexes()) > 1:
            targets = [(i.row(), i.column(), block[0][0]) for i in self.selectedIndexes()]
        else:
            for dr, values in enumerate(block):
                for dc, value in enumerate(values):
                    r, c = start.row() + dr, start.column() + dc
                    if r < model.rowCount() and c < model.columnCount():
                        targets.append((r, c, value))
        targets = [(r, c, v) for (r, c, v) in targets
                   if v != str(model.index(r, c).data(Qt.ItemDataRole.EditRole) or "")]
        locked = next((c for (_r, c, _v) in targets if not self.indicator_model().is_editable(c)), None)
        if locked is not None:
            # Refused whole, as an unreadable value is: half a paste would be harder to follow.
            self.message.emit(self.locked_message(locked))
            return 0
        refused = [v for (_r, c, v) in targets if c == VALUE and not read_target(v).ok]
        if refused:
            self.message.emit(read_target(refused[0]).message)
            return 0
        if not targets:
            return 0
        changed = 0
        if self.undo_stack is not None:
            self.undo_stack.beginMacro(self.tr("粘贴 {n} 个单元格").format(n=len(targets)))
        try:
            for r, c, value in targets:
                if model.setData(model.index(r, c), value, Qt.ItemDataRole.EditRole):
                    changed += 1
        finally:
            if self.undo_stack is not None:
                self.undo_stack.endMacro()
        return changed

    def locked_message(self, column: int) -> str:
        """Why a cell takes no revision, in the reviewer's words."""
        model = self.indicator_model()
        if model.read_only:
            return self.tr("此表只读：修改建议请在年度绩效指标中提出。")
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        return self.tr("“{column}”列按报送文件原样显示，不能修改；修改建议只能写在前六列。").format(column=title)

    # Qt's two edit()s: the slot edit(index), and the virtual edit(index, trigger, event) Qt calls.
    @overload
    def edit(self, index: QModelIndex | QPersistentModelIndex, /) -> None: ...
    @overload
    def edit(self, index: QModelIndex | QPersistentModelIndex, trigger: QAbstractItemView.EditTrigger,
             event: QEvent | None, /) -> bool: ...

    def edit(self, index: QModelIndex | QPersistentModelIndex,
             trigger: QAbstractItemView.EditTrigger | None = None, event: QEvent | None = None) -> bool | None:
        if trigger is None:
            super().edit(index)
            return None
        started = super().edit(index, trigger, event)  # type: ignore[arg-type]  # PySide6 stub: event is a QEvent*, Qt passes nullptr (None)
        # A double-click or F2 on a cell that takes no revision says why nothing opens.
        if (not started and index.isValid() and not self.indicator_model().is_editable(index.column())
                and trigger in (QAbstractItemView.EditTrigger.DoubleClicked,
                                QAbstractItemView.EditTrigger.EditKeyPressed)):
            self.message.emit(self.locked_message(index.column()))
        return started

    def revert_selection(self) -> int:
        """Drop the suggested revisions of the selected cells (back to the submitted text)."""
        model = self.indicator_model()
        cells = [i for i in self.selectedIndexes() if model.revised(i.row(), i.column()) is not None]
        if not cells:
            return 0
        if self.undo_stack is not None:
            self.undo_stack.beginMacro(self.tr("撤销修改建议"))
        try:
            for i in cells:
                model.setData(i, model.submitted(i.row(), i.column()), Qt.ItemDataRole.EditRole)
        finally:
            if self.undo_stack is not None:
                self.undo_stack.endMacro()
        return len(cells)

    # -- Tab ----------------------------------------------------------------------------
    # As in a spreadsheet, Tab moves to the next cell (along the row, then to the next row's
    # first cell) and Shift+Tab back; Tab on the last cell leaves the table for the next part
    # of the window (and Shift+Tab on the first cell for the one before), where Qt would wrap
    # round to the first cell and keep the reviewer in the table. Ctrl+Tab and Ctrl+Shift+Tab
    # leave the table from any cell.
    def focusNextPrevChild(self, next: bool) -> bool:  # Qt's own parameter name
        if self.tabKeyNavigation() and self._at_edge(next):
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def _at_edge(self, forward: bool) -> bool:
        """Whether the current cell is the last (forward) or first cell: Tab then leaves."""
        model = self.model()
        current = self.currentIndex()
        if model is None or model.rowCount() == 0 or not current.isValid():
            return model is None or model.rowCount() == 0
        action = self.CursorAction.MoveNext if forward else self.CursorAction.MovePrevious
        target = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if not target.isValid() or target == current:
            return True
        here, there = (current.row(), current.column()), (target.row(), target.column())
        return there < here if forward else there > here  # Qt wrapped round

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and self.state() != self.State.EditingState:
            backward = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            QWidget.focusNextPrevChild(self, not backward)
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.revert_selection()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState \
                and not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            self.move_down(up=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        super().keyPressEvent(event)

    def move_down(self, up: bool = False) -> None:
        """Enter moves to the cell below (Shift+Enter above), as in Excel; the last row stays."""
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() or model is None:
            return
        row = index.row() + (-1 if up else 1)
        if 0 <= row < model.rowCount():
            target = model.index(row, index.column())
            self.setCurrentIndex(target)
            self.scrollTo(target)
