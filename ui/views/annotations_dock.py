"""Annotations (批注) of the current project: on the project, the selected row, or the selected cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.store.records import StoredAnnotation
from ui.labels import location_label
from ui.models.roles import OBJECT_ROLE

TARGET_PROJECT, TARGET_ROW, TARGET_CELL = range(3)


class AnnotationsPanel(QWidget):
    add_requested = Signal(int, str)  # target (TARGET_*), text
    edit_requested = Signal(object, str)  # StoredAnnotation, new text
    delete_requested = Signal(object)  # StoredAnnotation
    activated = Signal(object)  # StoredAnnotation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.view = QListView(self)
        self.view.setObjectName("annotationsView")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.doubleClicked.connect(self._edit)
        self.view.clicked.connect(self._clicked)

        self.target = QComboBox()
        self.target.setObjectName("annotationTarget")
        self.target.addItems([self.tr("整个项目"), self.tr("所选指标行"), self.tr("所选单元格")])
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("annotationEditor")
        self.editor.setPlaceholderText(self.tr("在此写批注…"))
        self.editor.setTabChangesFocus(True)  # Tab goes on to 添加批注, as in a form
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 3 + 12)
        self.add_button = QPushButton(self.tr("添加批注"))
        self.add_button.setObjectName("addAnnotation")
        self.add_button.clicked.connect(self._add)
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.setObjectName("deleteAnnotation")
        self.delete_button.clicked.connect(self._delete)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("批注对象：")))
        row.addWidget(self.target, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in the order Tab visits them."""
        return [self.view, self.target, self.editor, self.add_button, self.delete_button]

    def set_annotations(self, annotations: list[StoredAnnotation]) -> None:
        self.model.clear()
        for stored in annotations:
            a = stored.annotation
            author = f"（{a.author}）" if a.author else ""
            item = QStandardItem(f"[{location_label(a.location)}] {a.text}{author}")
            item.setData(stored, OBJECT_ROLE)
            item.setToolTip(a.text)
            self.model.appendRow(item)

    def current(self) -> StoredAnnotation | None:
        index = self.view.currentIndex()
        return index.data(OBJECT_ROLE) if index.isValid() else None

    def _add(self) -> None:
        text = self.editor.toPlainText().strip()
        if not text:
            return
        self.add_requested.emit(self.target.currentIndex(), text)
        self.editor.clear()

    def _delete(self) -> None:
        stored = self.current()
        if stored is not None:
            self.delete_requested.emit(stored)

    def _clicked(self, index: QModelIndex) -> None:
        stored = index.data(OBJECT_ROLE)
        if stored is not None:
            self.activated.emit(stored)

    def _edit(self, index: QModelIndex) -> None:
        stored: StoredAnnotation | None = index.data(OBJECT_ROLE)
        if stored is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("修改批注"), self.tr("批注："),
                                                 stored.annotation.text)
        if ok and text.strip() and text.strip() != stored.annotation.text:
            self.edit_requested.emit(stored, text.strip())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.view.hasFocus():
            self._delete()
            return
        super().keyPressEvent(event)
