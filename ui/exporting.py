"""Export actions: the department workbook (.xlsx, core.store.export) and the review memo (core.memo).

Both ask for a target file, then run core's writer in a worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from ui.background import Op
from ui.errors import show_error

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def export_xlsx(window: MainWindow, target: str | None = None) -> Op | None:
    """Write the selected department's projects, indicators, revisions and annotations to .xlsx."""
    from core.store.export import export_department

    if window.ws is None:
        return None
    department_id = window.selected_department()
    if department_id is None:
        window.show_message(QCoreApplication.translate("MainWindow", "请先在左侧选择一个部门。"))
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


def export_memo(window: MainWindow) -> None:
    window.show_message(QCoreApplication.translate("MainWindow", "审核意见导出尚未接入。"))
