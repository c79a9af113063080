"""The last resort for a fault nobody caught: log it with its traceback, then tell the reviewer.

`install_crash_handler()` (ui/app.py, when the window starts) replaces sys.excepthook.
PySide6 hands it every exception a slot or a Qt virtual method raises, and Python
every exception that ends the program. The handler logs the traceback (to the file
of core/logs.py) and opens a `CrashDialog` on the GUI thread: what happened in plain
words, that the saved work is safe (every edit is committed when it is made), where
the log is, and "复制详细信息", which copies the traceback and the versions (program,
Python, PySide6, Qt) to the clipboard for a bug report.

The handler never recurses: an exception while the dialog is being built or shown is
only logged, and while a crash dialog is open further faults are added to its details
instead of opening more dialogs. KeyboardInterrupt goes to Python's default hook.
Inside the event loop the dialog is opened with open() (the call returns at once);
before the loop runs or after it ended (a fault at start-up) with exec(), so that it
is seen before the program exits. Tests pass their own `show`.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from core.logs import app_version, log_file
from core.names import shown

log = logging.getLogger(__name__)

SUMMARY_MAX = 300


def versions_text() -> str:
    """The versions a bug report needs: the program, Python and the system, PySide6 and Qt."""
    return (f"jixiao-workbench {app_version()}\n"
            f"Python {sys.version.split()[0]} ({platform.platform()})\n"
            f"PySide6 {PySide6.__version__}, Qt {qVersion()}")


def fault_summary(error: BaseException | None, kind: type[BaseException]) -> str:
    """`Kind: message` on one line, cut to SUMMARY_MAX characters."""
    text = f"{kind.__name__}：{shown(error)}" if error is not None and str(error) else kind.__name__
    return text if len(text) <= SUMMARY_MAX else text[:SUMMARY_MAX] + "…"


class CrashDialog(QDialog):
    """Tells the reviewer that the program met a fault; copies the details for a bug report."""

    def __init__(self, summary: str, details: str, log_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("程序出错"))
        self.details = details
        self.log_path = log_path

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(self.message_text(summary, log_path))
        self.message.setObjectName("crashMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMinimumWidth(460)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("复制详细信息"))
        self.copy_button.setObjectName("crashCopy")
        self.copy_button.setToolTip(self.tr("把出错经过和版本信息复制下来，便于发给技术支持"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)

    def message_text(self, summary: str, log_path: Path | None) -> str:
        parts = [
            self.tr("程序遇到了一个意外的问题，刚才的操作可能没有完成。"),
            self.tr("已经保存的工作不会丢失：每一处修改在做出时就已保存到工作区。"
                    "您可以继续工作；如果程序表现异常，请关闭后重新打开。"),
        ]
        if log_path is not None:
            parts.append(self.tr("出错经过已记录在日志文件中：\n{path}").format(path=shown(log_path)))
        else:
            parts.append(self.tr("日志文件无法写入，出错经过没有保存下来。"))
        parts.append(self.tr("请点“复制详细信息”，把内容发给技术支持。"))
        parts.append(self.tr("技术信息：{summary}").format(summary=summary))
        return "\n\n".join(parts)

    def add_details(self, details: str) -> None:
        """Another fault while this dialog is open: its traceback joins the copied details."""
        self.details = f"{self.details}\n\n{details}"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("已复制"))


def show_crash_dialog(dialog: QDialog) -> None:
    """open() inside the event loop (returns at once); exec() when no loop runs, so it is seen."""
    if QThread.currentThread().loopLevel() > 0:
        dialog.open()
    else:
        dialog.exec()


def _main_window() -> QWidget | None:
    """The dialog's parent: a visible main window, which outlives the dialogs that may be active."""
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None)


class CrashHandler(QObject):
    """sys.excepthook for the window: logs the fault, then shows a CrashDialog on the GUI thread."""

    # (summary, details); queued to the GUI thread when a worker thread's fault arrives.
    fault = Signal(str, str)

    def __init__(self, show: Callable[[CrashDialog], object] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show or show_crash_dialog
        self._busy = False
        self.dialog: CrashDialog | None = None
        self.previous_hook: Callable[..., object] | None = None
        self.fault.connect(self._on_fault)

    def __call__(self, kind: type[BaseException], error: BaseException | None,
                 tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error if error is not None else kind(), tb)
            return
        log.error("uncaught exception", exc_info=(kind, error if error is not None else kind(), tb))
        try:
            details = "".join(traceback.format_exception(kind, error, tb)) + "\n" + versions_text()
            if log_file() is not None and sys.stderr is not None:
                sys.stderr.write("".join(traceback.format_exception(kind, error, tb)))
            self.fault.emit(fault_summary(error, kind), details)
        except Exception:
            # The handler's object is gone (the program is ending) or the text failed: only log.
            log.exception("could not show the uncaught exception")

    @Slot(str, str)
    def _on_fault(self, summary: str, details: str) -> None:
        if self._busy:
            return  # a fault while the dialog is being shown: it is in the log
        self._busy = True
        try:
            if not isinstance(QCoreApplication.instance(), QApplication):
                return  # no widgets without a QApplication: the log has it
            if self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible():
                self.dialog.add_details(details)
                return
            if self.dialog is not None and isValid(self.dialog):
                self.dialog.deleteLater()
            self.dialog = CrashDialog(summary, details, log_file(), _main_window())
            self._show(self.dialog)
        except Exception:
            log.exception("could not show the crash dialog")
        finally:
            self._busy = False

    def install(self) -> CrashHandler:
        self.previous_hook = sys.excepthook
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self and self.previous_hook is not None:
            sys.excepthook = self.previous_hook


def install_crash_handler(show: Callable[[CrashDialog], object] | None = None) -> CrashHandler:
    """Make a CrashHandler sys.excepthook; it lives on the GUI thread, as a child of the application."""
    return CrashHandler(show, parent=QCoreApplication.instance()).install()
