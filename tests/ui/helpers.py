"""Acting on the window as a reviewer does: clicking tree rows, typing into cells."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a reviewer does: ASCII key by key, Chinese and symbols committed by the input method."""
    for ch in text:
        if ch.isascii() and ch.isprintable():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def project_indexes(win: MainWindow) -> list[QModelIndex]:
    """Proxy indexes of every project row the tree shows (branches opened as needed)."""
    found: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        source = win.tree_proxy.mapToSource(parent)
        win.tree_model.fetch_all(source)
        for row in range(win.tree_proxy.rowCount(parent)):
            index = win.tree_proxy.index(row, 0, parent)
            spec = win.tree_model.spec(win.tree_proxy.mapToSource(index))
            if spec is not None and spec.kind == "project":
                found.append(index)
            else:
                win.tree.expand(index)
                walk(index)

    walk(QModelIndex())
    return found


def node_indexes(win: MainWindow, kind: str) -> list[QModelIndex]:
    """Proxy indexes of every tree node of one kind (region, department, year, unit, project)."""
    found: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        win.tree_model.fetch_all(win.tree_proxy.mapToSource(parent))
        for row in range(win.tree_proxy.rowCount(parent)):
            index = win.tree_proxy.index(row, 0, parent)
            spec = win.tree_model.spec(win.tree_proxy.mapToSource(index))
            if spec is not None and spec.kind == kind:
                found.append(index)
            if win.tree_proxy.hasChildren(index):
                win.tree.expand(index)
                walk(index)

    walk(QModelIndex())
    return found


def click_tree_row(qtbot: QtBot, win: MainWindow, index: QModelIndex) -> None:
    win.tree.scrollTo(index)
    rect = win.tree.visualRect(index)
    qtbot.mouseClick(win.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def pick_first_project(qtbot: QtBot, win: MainWindow) -> None:
    click_tree_row(qtbot, win, project_indexes(win)[0])
    assert win.record is not None


def type_into_cell(qtbot: QtBot, win: MainWindow, row: int, column: int, text: str) -> QLineEdit:
    """Select a cell, press F2, replace its text by typing, press Enter; returns the editor used."""
    index = win.indicators.index(row, column)
    win.table.setFocus()
    win.table.setCurrentIndex(index)
    qtbot.keyClick(win.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits Enter through a queued call.
    qtbot.waitUntil(lambda: win.table.state() != win.table.State.EditingState, timeout=5000)
    return editor


def wait_for_writes(qtbot: QtBot, win: MainWindow) -> None:
    """Let the window's queued workspace writes run and their outcomes come back (the window
    writes on its one writer thread, so the workspace has an edit a moment after the view)."""
    qtbot.waitUntil(lambda: win.writer.pending == 0, timeout=10_000)
