"""An uncaught fault (ui/crash.py): logged with its traceback, shown in a Chinese dialog whose
button copies the details; never recursive; KeyboardInterrupt left to Python.

pytest-qt's own capture of exceptions in Qt callbacks is off in these tests
(qt_no_exception_capture): the crash handler is the one that receives them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from core.logs import setup_logging
from ui.crash import CrashDialog, CrashHandler, install_crash_handler, show_crash_dialog

pytestmark = [pytest.mark.qt_no_exception_capture, pytest.mark.expect_log_errors]


class Emitter(QObject):
    fired = Signal()


def boom() -> None:
    raise ValueError("审核意见保存失败")


@pytest.fixture
def log_path(clean_root_logger: logging.Logger, tmp_path: Path) -> Path:
    return setup_logging(tmp_path / "logs")


@pytest.fixture
def shown(qapp: QApplication) -> Iterator[list[CrashDialog]]:
    """The dialogs the installed handler shows (with show(), never blocking); closed afterwards."""
    dialogs: list[CrashDialog] = []

    def show(dialog: CrashDialog) -> None:
        dialogs.append(dialog)
        dialog.show()

    handler = install_crash_handler(show)
    assert sys.excepthook is handler
    try:
        yield dialogs
    finally:
        handler.uninstall()
        assert sys.excepthook is not handler
        for dialog in dialogs:
            dialog.close()
            dialog.deleteLater()


def read_log(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_a_fault_in_a_slot_is_logged_and_shown(qtbot: QtBot, log_path: Path, shown: list[CrashDialog]) -> None:
    emitter = Emitter()
    emitter.fired.connect(boom)
    emitter.fired.emit()

    text = read_log(log_path)
    assert "ERROR ui.crash" in text and "uncaught exception" in text
    assert "Traceback (most recent call last)" in text and "ValueError: 审核意见保存失败" in text

    [dialog] = shown
    assert dialog.isVisible()
    assert dialog.windowTitle() == "程序出错"
    message = dialog.message.text()
    assert "程序遇到了一个意外的问题" in message
    assert "已经保存的工作不会丢失" in message
    assert str(log_path) in message
    assert "ValueError：审核意见保存失败" in message
    assert dialog.copy_button.text() == "复制详细信息"
    assert dialog.close_button is not None

    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied and "in boom" in copied
    assert "ValueError: 审核意见保存失败" in copied
    assert "jixiao-workbench " in copied and "Python 3." in copied and "PySide6 6." in copied

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_second_fault_joins_the_open_dialog(qtbot: QtBot, log_path: Path, shown: list[CrashDialog]) -> None:
    emitter = Emitter()
    emitter.fired.connect(boom)
    emitter.fired.emit()
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: "ZeroDivisionError" in shown[0].details)
    assert len(shown) == 1
    assert "ValueError" in shown[0].details
    assert read_log(log_path).count("uncaught exception") == 2


def test_a_fault_on_a_worker_thread_shows_on_the_gui_thread(qtbot: QtBot, log_path: Path,
                                                           shown: list[CrashDialog]) -> None:
    class Job(QRunnable):
        def run(self) -> None:
            boom()

    pool = QThreadPool()
    pool.start(Job())
    pool.waitForDone(5000)
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0].thread() is QApplication.instance().thread()
    assert "ValueError" in shown[0].details and "uncaught exception" in read_log(log_path)


def test_a_fault_while_showing_the_dialog_is_only_logged(qapp: QApplication, log_path: Path) -> None:
    calls: list[CrashDialog] = []

    def broken_show(dialog: CrashDialog) -> None:
        calls.append(dialog)
        raise RuntimeError("the dialog itself failed")

    handler = CrashHandler(broken_show)
    try:
        handler(ValueError, ValueError("first"), None)  # must not raise
        handler(ValueError, ValueError("second"), None)
    finally:
        for dialog in calls:
            dialog.deleteLater()
    assert len(calls) == 2  # the handler is not left stuck
    text = read_log(log_path)
    assert "could not show the crash dialog" in text and "RuntimeError: the dialog itself failed" in text


def test_a_fault_raised_by_a_slot_while_the_dialog_shows_is_not_shown_again(qapp: QApplication,
                                                                              log_path: Path) -> None:
    calls: list[CrashDialog] = []
    handler = CrashHandler(lambda dialog: (calls.append(dialog), handler(KeyError, KeyError("again"), None)))
    try:
        handler(ValueError, ValueError("first"), None)
    finally:
        for dialog in calls:
            dialog.deleteLater()
    assert len(calls) == 1
    assert read_log(log_path).count("uncaught exception") == 2


def test_keyboard_interrupt_goes_to_the_default_hook(qapp: QApplication, log_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, error, tb: seen.append(kind))
    shown: list[CrashDialog] = []
    CrashHandler(shown.append)(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt] and not shown
    assert "uncaught exception" not in read_log(log_path)


def test_the_dialog_opens_without_blocking_inside_the_event_loop(qtbot: QtBot) -> None:
    dialog = CrashDialog("ValueError：x", "details", None)
    qtbot.addWidget(dialog)
    assert "日志文件无法写入" in dialog.message.text()
    visible_on_return: list[bool] = []
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        QTimer.singleShot(0, lambda: (show_crash_dialog(dialog), visible_on_return.append(dialog.isVisible())))
        QTimer.singleShot(100, dialog.reject)
    assert visible_on_return == [True]  # open() returned at once, the dialog still up


def test_before_the_event_loop_the_dialog_waits_for_the_reviewer(qtbot: QtBot) -> None:
    dialog = CrashDialog("ValueError：x", "details", None)
    qtbot.addWidget(dialog)
    QTimer.singleShot(50, dialog.reject)
    show_crash_dialog(dialog)  # exec(): returns when the dialog is closed
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
