"""Interface language: Chinese is the source language, English a Qt translation.

Strings in ui/ are written in Chinese with self.tr(); resources/i18n/workbench_en.ts
is their English catalogue (pyside6-lupdate), compiled to workbench_en.qm
(pyside6-lrelease). Qt's own dialogs (file dialog, message box buttons) use
qtbase_zh_CN.qm shipped with PySide6.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

DEFAULT_LANGUAGE = "zh_CN"


def i18n_dir() -> Path:
    """resources/i18n beside the sources, or inside a PyInstaller bundle."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    root = Path(bundle_root) if bundle_root else Path(__file__).resolve().parent.parent
    return root / "resources" / "i18n"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's catalogue and ours for `language`; return them (keep them alive)."""
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_catalogue = QTranslator(app)
    if qt_catalogue.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_catalogue)
        installed.append(qt_catalogue)
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"workbench_{language}", str(i18n_dir())):
            app.installTranslator(ours)
            installed.append(ours)
    QLocale.setDefault(QLocale(language))
    return installed
