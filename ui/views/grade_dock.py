"""The project's conclusion and grade: the computed scores, and the reviewer's override."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.messages import label
from core.review import Band, Criterion, Grade, Result
from ui.labels import ui_lang


class GradePanel(QWidget):
    override_requested = Signal(object)  # Grade (overridden=True)
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grade: Grade | None = None
        self.scores = QLabel()
        self.scores.setWordWrap(True)
        self.total = QDoubleSpinBox()
        self.total.setObjectName("gradeTotal")
        self.total.setRange(0, 100)
        self.total.setDecimals(1)
        self.band = QComboBox()
        self.band.setObjectName("gradeBand")
        for band in Band:
            self.band.addItem(label(f"band.{band.value}", ui_lang()), band.value)
        self.result = QComboBox()
        self.result.setObjectName("gradeResult")
        for result in Result:
            self.result.addItem(label(f"result.{result.value}", ui_lang()), result.value)
        self.conclusion = QPlainTextEdit()
        self.conclusion.setObjectName("conclusion")
        self.conclusion.setPlaceholderText(self.tr("审核结论…"))
        self.conclusion.setTabChangesFocus(True)
        self.state = QLabel()
        self.save_button = QPushButton(self.tr("保存评定"))
        self.save_button.setObjectName("saveGrade")
        self.reset_button = QPushButton(self.tr("恢复自动评分"))
        self.reset_button.setObjectName("resetGrade")
        self.save_button.clicked.connect(self._save)
        self.reset_button.clicked.connect(self.reset_requested)

        form = QFormLayout()
        form.addRow(self.tr("各项得分"), self.scores)
        form.addRow(self.tr("总分"), self.total)
        form.addRow(self.tr("等次"), self.band)
        form.addRow(self.tr("审核结果"), self.result)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("审核结论")))
        layout.addWidget(self.conclusion, 1)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.setEnabled(False)

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in the order Tab visits them."""
        return [self.total, self.band, self.result, self.conclusion, self.save_button, self.reset_button]

    def set_grade(self, grade: Grade | None, enabled: bool = True) -> None:
        self._grade = grade
        self.setEnabled(enabled)
        g = grade or Grade()
        self.scores.setText("  ".join(f"{label(f'criterion.{c.value}', ui_lang())} {g.scores.get(c, 0):g}"
                                      for c in Criterion)
                            if grade is not None and grade.scores else self.tr("尚未检查"))
        self.total.setValue(g.total)
        self.band.setCurrentIndex(self.band.findData(g.band.value))
        self.result.setCurrentIndex(self.result.findData(g.result.value))
        self.conclusion.setPlainText(g.conclusion)
        self.state.setText(self.tr("人工评定") if g.overridden else (self.tr("自动评分") if grade else ""))
        self.reset_button.setEnabled(g.overridden)

    def edited_grade(self) -> Grade:
        base = self._grade or Grade()
        return Grade(scores=dict(base.scores), total=self.total.value(), band=Band(self.band.currentData()),
                     result=Result(self.result.currentData()), overridden=True,
                     conclusion=self.conclusion.toPlainText().strip())

    def _save(self) -> None:
        self.override_requested.emit(self.edited_grade())
