"""Before a memo is written: who reviewed it, for which organisation, its 成文日期 and the
serial of its 文号; and, when findings are still open, that the memo will be a draft.

What is typed is kept in the preferences, so the next memo starts from it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.memo.content import Reviewer
from ui.settings import AppSettings


class MemoExportDialog(QDialog):
    def __init__(self, settings: AppSettings, open_findings: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoExportDialog")
        self.setWindowTitle(self.tr("导出审核意见"))
        self._settings = settings
        self.letterhead = settings.letterhead()
        form = QFormLayout()
        self.reviewer_name = QLineEdit(settings.reviewer_name)
        self.reviewer_name.setObjectName("memoReviewer")
        self.organisation = QLineEdit(settings.organisation)
        self.organisation.setObjectName("memoOrganisation")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("memoDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.serial = QSpinBox()
        self.serial.setObjectName("memoSerial")
        self.serial.setRange(0, 99999)
        # 0: the 文书 fills the serial in when the memo is sent
        self.serial.setSpecialValueText(self.tr("（发文时填写）"))
        form.addRow(self.tr("审核人"), self.reviewer_name)
        form.addRow(self.tr("审核单位"), self.organisation)
        form.addRow(self.tr("成文日期"), self.date)
        if self.letterhead.doc_number:
            form.addRow(self.tr("文号序号"), self.serial)
        layout = QVBoxLayout(self)
        if not self.letterhead.issuer:
            hint = QLabel(self.tr("未设置发文机关：审核意见没有版头和文号，由审核单位落款。可在“设置 › 公文格式”中填写。"))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        if open_findings:
            draft = QLabel(self.tr("尚有 {n} 条审核发现待处理：导出的是草稿，每页页眉都会注明。").format(n=open_findings))
            draft.setObjectName("memoDraftNote")
            draft.setWordWrap(True)
            draft.setStyleSheet("color: #a40000;")
            layout.addWidget(draft)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.reviewer_name.text().strip() or not (self.organisation.text().strip() or self.letterhead.issuer):
            QMessageBox.warning(self, self.windowTitle(), self.tr("请填写审核人和审核单位：审核意见要写明由谁审核、由哪个单位落款。"))
            return
        self._settings.set("reviewer/name", self.reviewer_name.text().strip())
        self._settings.set("reviewer/organisation", self.organisation.text().strip())
        self._settings.sync()
        super().accept()

    def reviewer(self) -> Reviewer:
        day = self.date.date()
        serial = self.serial.value() or None
        return Reviewer(name=self.reviewer_name.text().strip(), organisation=self.organisation.text().strip(),
                        date=dt.date(day.year(), day.month(), day.day()), letterhead=self.letterhead,
                        serial=serial)
