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


def qt_translation_dirs() -> list[str]:
    """Where Qt's own catalogues may be: Qt's configured path, then where the PySide6
    wheel and a PyInstaller bundle put them (a bundle's Qt may report a path that is not there)."""
    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    dirs += [str(package / "Qt" / "translations"), str(package / "translations")]
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        dirs += [str(Path(bundle_root) / "PySide6" / "Qt" / "translations"),
                 str(Path(bundle_root) / "PySide6" / "translations")]
    return dirs


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's catalogue (file dialogs, message box buttons) and ours for `language`;
    return them (keep them alive)."""
    installed: list[QTranslator] = []
    qt_catalogue = QTranslator(app)
    if any(qt_catalogue.load(f"qtbase_{language}", folder) for folder in qt_translation_dirs()):
        app.installTranslator(qt_catalogue)
        installed.append(qt_catalogue)
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"workbench_{language}", str(i18n_dir())):
            app.installTranslator(ours)
            installed.append(ours)
    QLocale.setDefault(QLocale(language))
    return installed
