"""Dismiss one or several findings: one reason, picked from the presets or written anew."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class DismissDialog(QDialog):
    """Asks the reason for dismissing `summary` (the findings in words); OK needs a reason."""

    def __init__(self, summary: str, presets: list[str], current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dismissDialog")
        self.setWindowTitle(self.tr("驳回审核发现"))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("dismissReason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(presets)
        self.reason.setCurrentText(current)
        line = self.reason.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("选择常用理由，或写明驳回理由"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.currentTextChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("驳回理由：")))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("部门已作说明，予以认可") * 2)
        self._update_ok()
        self.reason.setFocus()

    def text(self) -> str:
        return self.reason.currentText().strip()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.text()))
