"""The memo from the window as a reviewer makes it: the bureau's letterhead typed once in the
settings, the export asking who signs and when, every page in the preview, the print preview."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.helpers import pick_first_project, type_text
from ui.dialogs.memo_export_dialog import MemoExportDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.settings import AppSettings


def test_the_letterhead_is_typed_once_in_the_settings(qtbot: QtBot, temp_settings: AppSettings) -> None:
    dialog = SettingsDialog(temp_settings)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.findChild(QLineEdit, "letterhead_issuer"), "示例市财政局")
    type_text(qtbot, dialog.findChild(QLineEdit, "letterhead_doc_number"), "示财绩审〔{year}〕{serial}号")
    type_text(qtbot, dialog.findChild(QLineEdit, "letterhead_contact"), "联系人：张三，电话：0315-2801234")
    rules = dialog.findChild(QPlainTextEdit, "letterhead_rules")
    rules.setFocus()
    type_text(qtbot, rules, "《示例市市级预算绩效目标管理办法》")
    dialog.accept()
    letterhead = temp_settings.letterhead()
    assert (letterhead.issuer, letterhead.doc_number) == ("示例市财政局", "示财绩审〔{year}〕{serial}号")
    assert letterhead.rules == ("《示例市市级预算绩效目标管理办法》",)
    again = SettingsDialog(temp_settings)
    qtbot.addWidget(again)
    assert again.letterhead_fields["contact"].text() == "联系人：张三，电话：0315-2801234"


def _answer_export_dialog(qtbot: QtBot, reviewer: str, organisation: str, serial: int) -> list[str]:
    """Fill the export dialog when it opens (it is modal); returns what it said about a draft."""
    said: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MemoExportDialog):
            QTimer.singleShot(50, fill)
            return
        note = dialog.findChild(QLabel, "memoDraftNote")
        if note is not None:
            said.append(note.text())
        dialog.reviewer_name.selectAll()
        type_text(qtbot, dialog.reviewer_name, reviewer)
        dialog.organisation.selectAll()
        type_text(qtbot, dialog.organisation, organisation)
        dialog.serial.setValue(serial)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    return said


def test_export_asks_who_signs_then_previews_every_page_and_prints(
        qtbot: QtBot, window: MainWindow, temp_settings: AppSettings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from core.memo.letterhead import Letterhead

    temp_settings.set_letterhead(Letterhead(issuer="示例市财政局", doc_number="示财绩审〔{year}〕{serial}号"))
    target = tmp_path / "memo.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    pick_first_project(qtbot, window)
    said = _answer_export_dialog(qtbot, "李审核", "示例市财政局绩效科", 9)
    window.memo_action.trigger()
    qtbot.waitUntil(lambda: hasattr(window, "memo_preview"), timeout=120_000)
    # the dialog says the memo will be a draft exactly when findings are still open
    from core.review import FindingState

    assert window.record is not None and window.ws is not None
    open_findings = window.ws.findings(window.record.document_id, state=FindingState.OPEN)
    assert [("草稿" in text) for text in said] == ([True] if open_findings else [])
    assert temp_settings.reviewer_name == "李审核" and temp_settings.organisation == "示例市财政局绩效科"
    with pdfplumber.open(target) as pdf:
        first = re.sub(r"\s+", "", pdf.pages[0].extract_text())
        pages = len(pdf.pages)
    assert "示例市财政局" in first and re.search(r"示财绩审〔\d{4}〕9号", first)
    preview = window.memo_preview
    assert len(preview.pages) == pages > 1  # every page, not only the first

    printed: list[int] = []

    def close_print_preview() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "memoPrintPreview":
            QTimer.singleShot(50, close_print_preview)
            return
        printed.append(1)
        dialog.reject()

    QTimer.singleShot(0, close_print_preview)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert printed == [1]


def test_an_export_without_a_reviewer_is_not_written(qtbot: QtBot, window: MainWindow, temp_settings: AppSettings,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr("ui.dialogs.memo_export_dialog.QMessageBox.warning",
                        lambda parent, title, text: warned.append(text))
    dialog = MemoExportDialog(temp_settings, open_findings=0)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert warned and "审核人" in warned[0] and dialog.result() == 0


def test_the_export_dialog_says_when_the_memo_is_a_draft(qtbot: QtBot, temp_settings: AppSettings) -> None:
    dialog = MemoExportDialog(temp_settings, open_findings=3)
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "memoDraftNote")
    assert note is not None and "3" in note.text() and "草稿" in note.text()
    assert dialog.findChild(QLabel, "memoDraftNote") is not None
    assert MemoExportDialog(temp_settings, open_findings=0).findChild(QLabel, "memoDraftNote") is None
