"""One place that shows a failure to the reviewer (Anki's show_exception).

Core's typed errors carry their own Chinese message naming the file and place;
anything else is a program fault, shown with its type so it can be reported.
Cancelled is dropped: the reviewer asked for it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from core.errors import Cancelled, UserError

log = logging.getLogger(__name__)


def error_text(error: BaseException) -> str | None:
    """The message for `error`, or None when nothing should be shown."""
    if isinstance(error, Cancelled):
        return None
    if isinstance(error, UserError):
        return str(error)
    return QCoreApplication.translate("Errors", "程序内部错误：{kind}：{detail}").format(
        kind=type(error).__name__, detail=error)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    text = error_text(error)
    if text is None:
        return
    if not isinstance(error, UserError):
        log.error("unexpected error", exc_info=error)
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "出错了"), text)
