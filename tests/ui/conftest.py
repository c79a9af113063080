"""Fixtures for the window's tests: temp settings, a workspace with the samples, the main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from core.demo import sample_files
from core.store.workspace import Workspace
from tests.conftest import SAMPLES
from ui.main_window import MainWindow
from ui.settings import AppSettings


@pytest.fixture(autouse=True)
def temp_settings(tmp_path: Path) -> Iterator[AppSettings]:
    """Every test gets its own QSettings folder: nothing touches the user's settings."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield AppSettings(QSettings(str(folder / "workbench.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def sample_workspace_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with the sample documents imported (built once, copied per test)."""
    path = tmp_path_factory.mktemp("template") / "samples.sqlite"
    with Workspace.open(path) as ws:
        ws.import_files(sample_files(SAMPLES))
    return path


@pytest.fixture
def workspace(sample_workspace_file: Path, tmp_path: Path) -> Workspace:
    target = tmp_path / "ws.sqlite"
    shutil.copyfile(sample_workspace_file, target)
    return Workspace.open(target)


@pytest.fixture
def window(qtbot: QtBot, temp_settings: AppSettings, workspace: Workspace) -> Iterator[MainWindow]:
    win = MainWindow(temp_settings, workspace)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
