"""The import report of one document: counts, warnings and what every block was read as.

Opened from the workspace tree ("导入报告…" on a year or project, or a double-click on
a year whose document has no projects). The lines come from core.import_report's
`describe_*`, the one place the report is put into words; this dialog adds the
headings and the counts. A document stored before reports were recorded (schema
0004) has none, and the dialog says so instead of showing zeros.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.import_report import BlockRole, ImportReport, describe_block, describe_warning
from ui.models.tree_model import warning_icon
from ui.resources import icon


class ImportReportDialog(QDialog):
    """Shows an `ImportReport` (or its absence) for the document `file_name`."""

    def __init__(self, file_name: str, report: ImportReport | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReportDialog")
        self.setWindowTitle(self.tr("导入报告 — {file}").format(file=file_name))
        self.resize(760, 560)
        self.file_name = file_name
        self.report = report

        self.summary = QLabel(self._summary_text())
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)

        self.warning_list = QListWidget()
        self.warning_list.setObjectName("reportWarnings")
        self.warning_list.setWordWrap(True)
        self.block_list = QListWidget()
        self.block_list.setObjectName("reportBlocks")
        self._fill()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("复制全文"))
        self.copy_button.setObjectName("reportCopy")
        self.copy_button.setToolTip(self.tr("把报告复制为文字，便于转给同事或反馈问题"))
        self.copy_button.clicked.connect(self.copy_text)
        self.copy_button.setEnabled(report is not None)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("警告")))
        layout.addWidget(self.warning_list, 1)
        layout.addWidget(QLabel(self.tr("逐块读取情况（表格按页码和序号，正文按段落）")))
        layout.addWidget(self.block_list, 2)
        layout.addWidget(buttons)

    def _summary_text(self) -> str:
        report = self.report
        if report is None:
            return self.tr("{file}：导入时没有记录导入报告（由较早版本的程序导入）。重新导入该文件可得到报告。").format(
                file=self.file_name)
        text = self.tr("{file}：{tables} 张表格，读出 {projects} 个项目、{rows} 行绩效指标"
                       "（指标表共 {grid_rows} 行数据）、{fields} 项内容。").format(
            file=self.file_name, tables=report.tables, projects=report.projects, rows=report.indicator_rows,
            grid_rows=report.indicator_grid_rows, fields=report.fields)
        serious = len(report.serious_warnings)
        if serious:
            text += " " + self.tr("{n} 条警告表示可能有内容未被读取，请对照原文核对。").format(n=serious)
        return text

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        for warning in report.warnings:
            item = QListWidgetItem(describe_warning(warning))
            # Serious ones (content probably lost) carry the tree's mark; the rest are notes.
            item.setIcon(warning_icon() if warning.serious else icon("note"))
            item.setToolTip(item.text())
            self.warning_list.addItem(item)
        if not report.warnings:
            self.warning_list.addItem(self._disabled_item(self.tr("没有警告。")))
        for block in report.blocks:
            item = QListWidgetItem(describe_block(block))
            if block.role is BlockRole.IGNORED:
                item.setForeground(self.palette().placeholderText())
            self.block_list.addItem(item)
        if not report.blocks:
            self.block_list.addItem(self._disabled_item(self.tr("报告中没有逐块记录。")))

    @staticmethod
    def _disabled_item(text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown greyed, not selectable: it is no entry
        return item

    def warning_texts(self) -> list[str]:
        """The warning lines as shown (for tests and for the copy)."""
        if self.report is None or not self.report.warnings:
            return []
        return [self.warning_list.item(i).text() for i in range(self.warning_list.count())]

    def as_text(self) -> str:
        """The whole report as plain text: summary, warnings, blocks."""
        lines = [self.summary.text()]
        if self.report is not None:
            lines += ["", self.tr("警告")] + ([describe_warning(w) for w in self.report.warnings]
                                             or [self.tr("没有警告。")])
            lines += ["", self.tr("逐块读取情况")] + [describe_block(b) for b in self.report.blocks]
        return "\n".join(lines)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
