"""Starting the program: the screenshot mode, the English translation, persisted settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.checks.settings import CheckSettings
from core.store.workspace import Workspace
from ui.i18n import i18n_dir, install_translators
from ui.main_window import MainWindow
from ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_renders_the_demo_window_and_exits(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "main.py", "gui", "--demo", "--workspace", str(tmp_path / "demo.sqlite"),
                           "--screenshot", str(target)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    image = QImage(str(target))
    assert image.width() >= 1200 and image.height() >= 800
    # Not a blank frame: the window drew many distinct colours (text, badges, marks).
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50


def test_english_translation_is_built_and_loads(qapp: QApplication) -> None:
    assert (i18n_dir() / "workbench_en.qm").is_file()
    translators = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("MainWindow", "导入…") == "Import…"
        assert QCoreApplication.translate("IndicatorModel", "指标值") == "Target value"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("MainWindow", "导入…") == "导入…"


def test_qts_own_dialogs_speak_chinese(qapp: QApplication) -> None:
    """Issue 19: Qt's file dialog said "Look in:" and "Files of type:" in the Chinese window."""
    translators = install_translators(qapp, "zh_CN")
    try:
        assert translators, "qtbase_zh_CN.qm not found"
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_every_source_string_has_an_english_translation() -> None:
    text = (i18n_dir() / "workbench_en.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and 'type="vanished"' not in text


def test_settings_and_window_layout_persist(qtbot: QtBot, temp_settings: AppSettings, workspace: Workspace) -> None:
    temp_settings.set("reviewer/name", "张审核")
    temp_settings.set_check_settings(CheckSettings().replace(satisfaction_min_percent=85))
    win = MainWindow(temp_settings, workspace)
    qtbot.addWidget(win)
    win.show()
    win.findings_dock.hide()
    win.close()
    again = MainWindow(temp_settings, None)
    qtbot.addWidget(again)
    assert again.findings_dock.isHidden()
    assert temp_settings.reviewer_name == "张审核"
    assert temp_settings.check_settings().satisfaction_min_percent == 85
    assert temp_settings.recent_workspaces()[0] == str(Path(workspace.path).resolve())
