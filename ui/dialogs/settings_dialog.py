"""Settings: the reviewer's name and organisation, the interface language, the bureau's
letterhead for the memo (版头, 文号, 主送机关, 签发人, contact line, local rules), the check thresholds.

The threshold page renders itself from core.checks.settings (every field declared
once there with its label), so a new threshold needs no change here.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.checks.settings import CheckSettings
from core.memo.letterhead import Letterhead
from core.messages import label as catalogue_label
from ui.labels import ui_lang
from ui.settings import LANGUAGES, AppSettings


def _to_text(value: Any) -> str:
    if isinstance(value, tuple):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def _from_text(text: str, default: Any) -> Any:
    text = text.strip()
    if isinstance(default, tuple):
        return [p.strip() for p in text.replace(",", "、").replace("，", "、").split("、") if p.strip()]
    if isinstance(default, dict):
        pairs = [p.split("=", 1) for p in text.replace(";", "；").split("；") if "=" in p]
        return {k.strip(): v.strip() for k, v in pairs}
    return text


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.resize(620, 560)
        self._settings = settings
        tabs = QTabWidget()

        general = QWidget()
        form = QFormLayout(general)
        self.reviewer = QLineEdit(settings.reviewer_name)
        self.reviewer.setObjectName("reviewerName")
        self.organisation = QLineEdit(settings.organisation)
        self.organisation.setObjectName("organisation")
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(QCoreApplication.translate("Preferences", label), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("审核人姓名"), self.reviewer)
        form.addRow(self.tr("审核单位"), self.organisation)
        form.addRow(self.tr("界面语言（重新启动后生效）"), self.language)
        tabs.addTab(general, self.tr("常规"))

        letterhead = settings.letterhead()
        official = QWidget()
        lform = QFormLayout(official)
        self.letterhead_fields: dict[str, QLineEdit] = {}
        hints = {"issuer": self.tr("如：××市财政局"), "mark": self.tr("留空则与发文机关相同"),
                 "doc_number": self.tr("如：×财绩审〔{year}〕{serial}号"), "recipient": self.tr("留空则为被审核部门"),
                 "signer": self.tr("上行文填写，否则留空"), "contact": self.tr("如：联系人：张三，电话：0315-2801234")}
        for name in ("issuer", "mark", "doc_number", "recipient", "signer", "contact"):
            edit = QLineEdit(getattr(letterhead, name))
            edit.setObjectName(f"letterhead_{name}")
            edit.setPlaceholderText(hints[name])
            self.letterhead_fields[name] = edit
            lform.addRow(catalogue_label(f"letterhead.{name}", ui_lang()), edit)
        self.rules = QPlainTextEdit("\n".join(letterhead.rules))
        self.rules.setObjectName("letterhead_rules")
        self.rules.setPlaceholderText(self.tr("每行一项，如：《××省省级预算绩效目标管理办法》（×财预〔2024〕1号）"))
        lform.addRow(catalogue_label("letterhead.rules", ui_lang()), self.rules)
        tabs.addTab(official, self.tr("公文格式"))

        self._current = settings.check_settings()
        thresholds = QWidget()
        tform = QFormLayout(thresholds)
        self.fields: dict[str, QLineEdit] = {}
        for f in dataclasses.fields(CheckSettings):
            edit = QLineEdit(_to_text(getattr(self._current, f.name)))
            edit.setObjectName(f"check_{f.name}")
            edit.setCursorPosition(0)
            self.fields[f.name] = edit
            tform.addRow(catalogue_label(f"setting.{f.name}", ui_lang(), default=f.name), edit)
        scroll = QScrollArea()
        scroll.setWidget(thresholds)
        scroll.setWidgetResizable(True)
        tabs.addTab(scroll, self.tr("审核规则阈值"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self._defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _defaults(self) -> None:
        defaults = CheckSettings()
        for name, edit in self.fields.items():
            edit.setText(_to_text(getattr(defaults, name)))

    def check_settings(self) -> CheckSettings:
        """The thresholds as typed; ValueError (with a Chinese message) for a bad one."""
        defaults = CheckSettings()
        data: dict[str, Any] = {}
        for name, edit in self.fields.items():
            default = getattr(defaults, name)
            value = _from_text(edit.text(), default)
            if isinstance(default, Decimal | int) and not isinstance(default, bool) and value == "":
                value = default
            data[name] = value
        return CheckSettings.from_dict(data)

    def letterhead(self) -> Letterhead:
        """The letterhead as typed (every field free text; the rules one per line)."""
        data: dict[str, Any] = {name: edit.text() for name, edit in self.letterhead_fields.items()}
        data["rules"] = self.rules.toPlainText()
        return Letterhead.from_dict(data)

    def accept(self) -> None:
        try:
            checks = self.check_settings()
        except ValueError as error:
            QMessageBox.warning(self, self.tr("设置"), str(error))
            return
        self._settings.set("reviewer/name", self.reviewer.text().strip())
        self._settings.set("reviewer/organisation", self.organisation.text().strip())
        self._settings.set("ui/language", self.language.currentData())
        self._settings.set_check_settings(checks)
        self._settings.set_letterhead(self.letterhead())
        self._settings.sync()
        super().accept()
