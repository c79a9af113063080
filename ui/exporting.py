"""Export actions: the department workbook (.xlsx, core.store.export) and the review memo (core.memo).

Both ask for a target file, then run core's writer in a worker thread. The memo first asks
who signs it and when (ui/dialogs/memo_export_dialog.py), and a PDF memo opens in a
preview of all its pages, from which it can be printed (QPrintPreviewDialog).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.background import Op
from ui.errors import show_error

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from core.memo.content import Reviewer
    from core.progress import Progress
    from ui.main_window import MainWindow


def export_xlsx(window: MainWindow, target: str | None = None) -> Op | None:
    """Write the selected department's projects, indicators, revisions and annotations to .xlsx."""
    from core.store.export import export_department

    if window.ws is None:
        return None
    department_id = window.department_or_say()
    if department_id is None:
        return None
    department = window.ws.department(department_id)
    if target is None:
        suggested = str(Path.home() / f"{department.name}_审核.xlsx")
        target, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("MainWindow", "导出 Excel"), suggested,
                                                QCoreApplication.translate("MainWindow", "Excel 工作簿 (*.xlsx)"))
        if not target:
            return None
    if not target.lower().endswith(".xlsx"):
        target += ".xlsx"
    ws = window.ws
    op = Op(lambda _progress: export_department(ws, department_id, target, fmt="xlsx"), window)
    op.with_progress(window, QCoreApplication.translate("MainWindow", "正在导出…"))
    op.success(lambda path: window.show_message(QCoreApplication.translate("MainWindow", "已导出：{path}").format(path=path)))
    op.failure(lambda error: show_error(window, error))
    return op.run()


def _memo_document(window: MainWindow) -> int | None:
    """The document the memo is about: the open project's, else the selected department's latest."""
    assert window.ws is not None
    if window.record is not None:
        return window.record.document_id
    department_id = window.selected_department()
    if department_id is None:
        return None
    documents = window.ws.documents(department_id, current_only=True)
    return documents[0].id if documents else None


def export_memo(window: MainWindow, target: str | None = None, reviewer: Reviewer | None = None) -> Op | None:
    """Write the review memo (core.memo) as PDF or DOCX; a PDF opens in the page preview.

    Asked from the window, it first asks who signs and when; `target` and `reviewer` given
    (a script, a test) skip the questions."""
    import datetime as dt

    from core.memo.content import Reviewer
    from core.memo.docx import render_docx
    from core.memo.pdf import render_pdf
    from core.memo.source import memo_from_workspace

    if window.ws is None:
        return None
    document_id = _memo_document(window)
    if document_id is None:
        window.show_message(QCoreApplication.translate("MainWindow", "请先在左侧选择一个部门或项目。"))
        return None
    if reviewer is None and target is None:
        from core.review import FindingState
        from ui.dialogs.memo_export_dialog import MemoExportDialog

        open_findings = len(window.ws.findings(document_id, state=FindingState.OPEN))
        dialog = MemoExportDialog(window.settings, open_findings, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        reviewer = dialog.reviewer()
    if target is None:
        info = window.ws.document_info(document_id)
        suggested = str(Path.home() / f"{Path(info.source_name).stem}_审核意见.pdf")
        target, _ = QFileDialog.getSaveFileName(
            window, QCoreApplication.translate("MainWindow", "导出审核意见"), suggested,
            QCoreApplication.translate("MainWindow", "PDF 文件 (*.pdf);;Word 文档 (*.docx)"))
        if not target:
            return None
    path = Path(target)
    if path.suffix.lower() not in (".pdf", ".docx"):
        path = path.with_suffix(".pdf")
    if reviewer is None:
        reviewer = Reviewer(name=window.settings.reviewer_name, organisation=window.settings.organisation,
                            date=dt.date.today(), letterhead=window.settings.letterhead())
    ws = window.ws
    signer = reviewer

    def work(progress: Progress) -> Path:
        memo = memo_from_workspace(ws, document_id, signer, progress=progress)
        if path.suffix.lower() == ".docx":
            return render_docx(memo, path, progress=progress)
        return render_pdf(memo, path, progress=progress).path

    def done(written: Path) -> None:
        window.show_message(QCoreApplication.translate("MainWindow", "已导出：{path}").format(path=written))
        if written.suffix.lower() == ".pdf":
            window.memo_preview = MemoPreview(written, window)
            window.memo_preview.show()

    op = Op(work, window)
    op.with_progress(window, QCoreApplication.translate("MainWindow", "正在生成审核意见…"))
    op.success(done)
    op.failure(lambda error: show_error(window, error))
    return op.run()


def page_images(pdf: Path, width: int = 700) -> list[QImage]:
    """Every page of a PDF as an image `width` pixels wide (core.memo.preview renders them)."""
    from core.memo.preview import page_pixels

    return [QImage(page.rgb, page.width, page.height, page.width * 3, QImage.Format.Format_RGB888).copy()
            for page in page_pixels(pdf, width)]


class MemoPreview(QDialog):
    """Every page of the memo as written, and 打印预览… to print it (Qt's print preview over
    the pages rendered at print resolution)."""

    def __init__(self, pdf: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.setObjectName("memoPreview")
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "审核意见预览 — {file}").format(file=pdf.name))
        self.pages = page_images(pdf)
        self.image = self.pages[0]
        column = QWidget()
        pages = QVBoxLayout(column)
        for image in self.pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            pages.addWidget(label)
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setStyleSheet("QScrollArea { background: #808080; }")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(QCoreApplication.translate("MainWindow", "打印预览…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_preview)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("MainWindow", "共 {n} 页").format(n=len(self.pages))))
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(780, 900)

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("memoPrintPreview")
        dialog.paintRequested.connect(self.paint_pages)
        dialog.exec()

    def paint_pages(self, printer: QPrinter) -> None:
        """Each page rendered at the printer's resolution, one per sheet, scaled to the paper."""
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrinter

        painter = QPainter(printer)
        try:
            area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            for index, image in enumerate(page_images(self.pdf, width=min(area.width(), 2480))):
                if index:
                    printer.newPage()
                scaled = image.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                painter.drawImage(0, 0, scaled)
        finally:
            painter.end()
