"""The indicator table editor: delegates for each column, copy/paste of ranges, undo macros.

一级/二级 cells edit through a combo box of the standard names (core.model
STANDARD_LEVELS); 指标值 is read as it is typed (ui/validation.py) and a value that
cannot be read is refused with a message. Copy gives tab-separated text; paste
writes a block from the current cell as one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QUndoStack
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
from ui.models.indicator_model import BASIS, DESCRIPTION, LEVEL1, LEVEL2, LEVEL3, VALUE, IndicatorTableModel
from ui.validation import read_target

INVALID_STYLE = "QLineEdit { border: 2px solid #c0392b; background: #fdecea; }"


class IndicatorDelegate(QStyledItemDelegate):
    """Editors per column; reports unreadable values through `invalid`."""

    invalid = Signal(str)
    reading = Signal(str)

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
                level1 = str(index.siblingAtColumn(LEVEL1).data(Qt.ItemDataRole.EditRole) or "")
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

    def set_column_widths(self) -> None:
        """Fixed widths for the short columns; the text columns share what is left."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in ((LEVEL1, 86), (LEVEL2, 112), (VALUE, 118)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        for column in (LEVEL3, DESCRIPTION, BASIS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.revert_selection()
            return
        super().keyPressEvent(event)
