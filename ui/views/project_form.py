"""The project header as a form: code, name, amounts with their unit, usage, spending plan, goal.

Each field shows the submitted text, or the reviewer's suggested revision drawn
distinctly (background colour, a pencil marker, the original in the tooltip).
Finishing an edit emits `edit_requested(field, text)`; the window turns it into an
undoable command. Amounts are read as they are typed (core.values.parse_money).
A form with two targets also shows its 长期目标, read-only and only then: the
reviewer's revisions are made to the 年度 goal the checks read.
A field with a reviewer's annotation carries the comment marker (a red corner triangle,
ui/views/comment_marker.py) and the annotation in its tooltip; an annotation on the whole
project marks the title.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from core.model import MONEY_FIELDS, SPENDING_PLAN_KEYS, Project
from core.names import department_label
from core.values import MoneyUnit
from ui.labels import field_label, spending_label
from ui.resources import icon
from ui.validation import read_money
from ui.views.comment_marker import PROJECT_KEY, CornerMarker
from ui.views.flow_layout import FlowBox

REVISED_STYLE = "background: #fff3c4; color: #1a4b8c;"
TITLE_POINTS = 13.0  # the project title's size at 100 % zoom
INVALID_STYLE = "border: 2px solid #c0392b; background: #fdecea;"


class _TextBox(QPlainTextEdit):
    """A multi-line field that reports when the reviewer leaves it."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class _ElidedLabel(QLabel):
    """A one-line label cut with an ellipsis when narrow, its whole text in the tooltip: a long
    unit name neither widens the form nor, wrapping, changes its height after it is drawn."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("0" * 8), super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), shown,
                                  self.foregroundRole())

    def elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()


class ProjectForm(QWidget):
    """The header fields of one project."""

    edit_requested = Signal(str, str)  # field ("budget_total", "spending_plan.6月底", …), new text
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._revisions: dict[str, str] = {}
        self._submitted: dict[str, str] = {}
        self._lines: dict[str, QLineEdit] = {}
        self._boxes: dict[str, _TextBox] = {}
        self._markers: dict[str, QAction] = {}
        self._box_lines: dict[QPlainTextEdit, int] = {}  # each text box's height in lines
        self._annotations: dict[str, list[str]] = {}  # field (PROJECT_KEY: the project) -> texts
        self._comment_markers: dict[str, CornerMarker] = {}

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.title = QLabel()
        self.title.setObjectName("projectTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"font-size: {TITLE_POINTS:g}pt; font-weight: bold;")
        form.addRow(self.title)

        top = QHBoxLayout()
        top.addWidget(self._line("code"), 1)
        # The unit's code and name can be long: cut with an ellipsis (whole in the tooltip)
        # rather than widen the form.
        self.unit_label = _ElidedLabel()
        self.unit_label.setObjectName("unitLabel")
        top.addWidget(self.unit_label, 1)
        form.addRow(field_label("code"), top)
        form.addRow(field_label("name"), self._line("name"))

        # The amounts: label-and-field pairs of fixed widths (from the font, not the text) on one
        # row, wrapped a pair at a time when the form is narrow (1366×768): nothing is clipped,
        # and opening a project does not change the form's width.
        self.amounts = FlowBox(self)
        self.amounts.setObjectName("amounts")
        money = self.amounts.flow
        for name in MONEY_FIELDS:
            money.addWidget(self._pair(field_label(name), name, self.amounts))
        self.money_unit_label = QLabel(self.amounts)
        self.money_unit_label.setObjectName("moneyUnit")
        money.addWidget(self.money_unit_label)
        form.addRow(self.tr("金额"), self.amounts)

        form.addRow(field_label("usage"), self._box("usage", 2))
        # The spending plan's four shares wrap two by two in the same way when narrow.
        self.spending_plan = FlowBox(self)
        self.spending_plan.setObjectName("spendingPlan")
        plan = self.spending_plan.flow
        for key in SPENDING_PLAN_KEYS:
            plan.addWidget(self._pair(spending_label(key), f"spending_plan.{key}", self.spending_plan))
        form.addRow(field_label("spending_plan"), self.spending_plan)
        form.addRow(field_label("goal"), self._box("goal", 3))
        self.long_term_goal = QPlainTextEdit(self)
        self.long_term_goal.setObjectName("field_long_term_goal")
        self.long_term_goal.setReadOnly(True)
        self.long_term_goal.setTabChangesFocus(True)
        self.long_term_goal.setFixedHeight(self.long_term_goal.fontMetrics().lineSpacing() * 2 + 12)
        self._box_lines[self.long_term_goal] = 2
        self.long_term_goal.setToolTip(self.tr("长期目标按报送文件原样显示，不能修改。"))
        self.long_term_label = QLabel(self.tr("长期目标"))
        form.addRow(self.long_term_label, self.long_term_goal)
        self._form = form
        self._show_long_term_goal(None)
        self.setEnabled(False)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"field_{name}")
        edit.editingFinished.connect(lambda n=name: self._finished(n))
        if name in MONEY_FIELDS:
            edit.textEdited.connect(lambda text, n=name: self._read_money(n, text))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setMinimumWidth(self._line_width(name, edit.fontMetrics()))
        marker = edit.addAction(icon("revised"), QLineEdit.ActionPosition.TrailingPosition)
        marker.setVisible(False)
        self._markers[name] = marker
        self._lines[name] = edit
        return edit

    def _pair(self, caption: str, name: str, parent: QWidget) -> QWidget:
        """A label and its field, kept together when their row wraps."""
        pair = QWidget(parent)
        pair.setObjectName(f"pair_{name}")
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(caption, pair)
        label.setObjectName(f"label_{name}")
        row.addWidget(label)
        row.addWidget(self._line(name))
        return pair

    @staticmethod
    def _line_width(name: str, metrics: QFontMetrics) -> int:
        """The least width of a field, from the font: an amount shows 14 characters
        ("123,456,789.00") beside its revision marker, a spending plan share "100.00%", the
        project code its 21 characters."""
        if name in MONEY_FIELDS:
            return metrics.horizontalAdvance("0" * 14) + metrics.height() + 8
        if name.startswith("spending_plan."):
            return metrics.horizontalAdvance("100.00%") + metrics.height() + 8
        if name == "code":  # a 预算管理一体化 project code is 21 characters
            return metrics.horizontalAdvance("0" * 22) + 8
        return metrics.horizontalAdvance("0" * 6)

    def _box(self, name: str, lines: int) -> _TextBox:
        box = _TextBox(self)
        box.setObjectName(f"field_{name}")
        box.setTabChangesFocus(True)
        height = box.fontMetrics().lineSpacing() * lines + 12
        box.setFixedHeight(height)
        self._box_lines[box] = lines
        box.left.connect(lambda n=name: self._finished(n))
        self._boxes[name] = box
        return box

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_to_font()

    def _fit_to_font(self) -> None:
        """After a zoom (ui/zoom.py): the text boxes keep their number of lines, the amounts
        their width in digits, and the title its size relative to the text."""
        metrics = QFontMetrics(self.font())
        for box, lines in self._box_lines.items():
            box.setFixedHeight(metrics.lineSpacing() * lines + 12)
        for name, edit in self._lines.items():
            edit.setMinimumWidth(self._line_width(name, metrics))
        base = QApplication.font().pointSizeF()
        scale = self.font().pointSizeF() / base if base > 0 and self.font().pointSizeF() > 0 else 1.0
        self.title.setStyleSheet(f"font-size: {TITLE_POINTS * scale:.1f}pt; font-weight: bold;")

    # -- content ---------------------------------------------------------------------
    def set_project(self, project: Project | None, revisions: dict[str, str] | None = None) -> None:
        self._project = project
        self._revisions = dict(revisions or {})
        self._submitted = {}
        self._annotations = {}  # the window marks the new project's annotations (set_annotations)
        for marker in self._comment_markers.values():
            marker.hide()
        self.title.setToolTip("")
        if project is None:
            self.title.clear()
            for edit in self._lines.values():
                edit.clear()
            for box in self._boxes.values():
                box.clear()
            self._show_long_term_goal(None)
            self.setEnabled(False)
            return
        self.setEnabled(True)
        seq = f"{project.seq}. " if project.seq is not None else ""
        self.title.setText(seq + project.display_name)
        unit = project.money_unit.value if project.money_unit else MoneyUnit.WAN_YUAN.value
        self.money_unit_label.setText(self.tr("单位：{unit}").format(unit=unit))
        self.unit_label.setText(department_label(project.dept_code, project.dept_name))
        for name in (*self._lines, *self._boxes):
            self._submitted[name] = self._submitted_text(project, name)
        self._show_all()
        self._show_long_term_goal(project)

    def _show_long_term_goal(self, project: Project | None) -> None:
        """The 长期目标 row only for a project whose form has one: others look as before."""
        goal = project.long_term_goal if project is not None else None
        self.long_term_goal.setPlainText("" if goal is None else goal.raw)
        self._form.setRowVisible(self.long_term_goal, goal is not None)

    def set_annotations(self, fields: dict[str, list[str]]) -> None:
        """Mark the annotated fields (PROJECT_KEY: the title, for the whole project)."""
        self._annotations = {name: list(texts) for name, texts in fields.items() if texts}
        for name in (*self._lines, *self._boxes, PROJECT_KEY):
            host = self.title if name == PROJECT_KEY else self.editor(name)
            marker = self._comment_markers.get(name)
            if name in self._annotations and marker is None:
                marker = self._comment_markers[name] = CornerMarker(host)
            if marker is not None:
                marker.setVisible(name in self._annotations)
        title_note = self._annotation_tip(PROJECT_KEY)
        self.title.setToolTip(title_note)
        self._show_all()

    def annotated(self, name: str) -> bool:
        """Whether a field (PROJECT_KEY: the project) shows the comment marker."""
        marker = self._comment_markers.get(name)
        return marker is not None and not marker.isHidden()

    def _annotation_tip(self, name: str) -> str:
        texts = self._annotations.get(name)
        return self.tr("批注：{text}").format(text="\n".join(texts)) if texts else ""

    def set_revisions(self, revisions: dict[str, str]) -> None:
        self._revisions = dict(revisions)
        self._show_all()

    @staticmethod
    def _submitted_text(project: Project, name: str) -> str:
        base, _, key = name.partition(".")
        if base == "spending_plan":
            plan = project.spending_plan or {}
            field = plan.get(key)
        else:
            field = getattr(project, base, None)
        return "" if field is None else field.raw

    def _show_all(self) -> None:
        for name in (*self._lines, *self._boxes):
            self._show(name)

    def _show(self, name: str) -> None:
        submitted = self._submitted.get(name, "")
        revised = self._revisions.get(name)
        text = submitted if revised is None else revised
        tip = (self.tr("报送值：{original}\n修改建议：{suggested}").format(
            original=submitted or self.tr("（空）"), suggested=revised or self.tr("（空）"))
            if revised is not None else "")
        style = REVISED_STYLE if revised is not None else ""
        if note := self._annotation_tip(name):
            tip = f"{tip}\n{note}" if tip else note
        if name in self._lines:
            edit = self._lines[name]
            if edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)
            edit.setStyleSheet(f"QLineEdit {{ {style} }}" if style else "")
            edit.setToolTip(tip)
            self._markers[name].setVisible(revised is not None)
            self._markers[name].setToolTip(tip)
        else:
            box = self._boxes[name]
            if box.toPlainText() != text:
                box.setPlainText(text)
            box.setStyleSheet(f"QPlainTextEdit {{ {style} }}" if style else "")
            box.setToolTip(tip)

    def shown(self, name: str) -> str:
        if name in self._lines:
            return self._lines[name].text()
        return self._boxes[name].toPlainText()

    def editor(self, name: str) -> QWidget:
        return self._lines.get(name) or self._boxes[name]

    def focus_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them: top to bottom, left to right."""
        names = ["code", "name", *MONEY_FIELDS, "usage", *(f"spending_plan.{k}" for k in SPENDING_PLAN_KEYS), "goal"]
        return [*(self.editor(n) for n in names), self.long_term_goal]

    # -- editing ---------------------------------------------------------------------
    def _money_unit(self) -> MoneyUnit:
        if self._project is not None and self._project.money_unit is not None:
            return self._project.money_unit
        return MoneyUnit.WAN_YUAN

    def _read_money(self, name: str, text: str) -> bool:
        reading = read_money(text, self._money_unit())
        edit = self._lines[name]
        edit.setStyleSheet("" if reading.ok else f"QLineEdit {{ {INVALID_STYLE} }}")
        edit.setToolTip(reading.message)
        if not reading.ok:
            self.message.emit(reading.message)
        return reading.ok

    def _finished(self, name: str) -> None:
        if self._project is None:
            return
        text = self.shown(name)
        submitted = self._submitted.get(name, "")
        current = self._revisions.get(name, submitted)
        if text == current:
            return
        if name in MONEY_FIELDS and not self._read_money(name, text):
            return
        self.edit_requested.emit(name, text)
