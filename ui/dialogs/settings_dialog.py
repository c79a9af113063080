"""Settings: the reviewer's name and organisation, the interface language, the check thresholds.

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
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.checks.settings import SETTINGS_LABELS, CheckSettings
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

        self._current = settings.check_settings()
        thresholds = QWidget()
        tform = QFormLayout(thresholds)
        self.fields: dict[str, QLineEdit] = {}
        for f in dataclasses.fields(CheckSettings):
            edit = QLineEdit(_to_text(getattr(self._current, f.name)))
            edit.setObjectName(f"check_{f.name}")
            edit.setCursorPosition(0)
            self.fields[f.name] = edit
            tform.addRow(SETTINGS_LABELS.get(f.name, f.name), edit)
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
        self._settings.sync()
        super().accept()
