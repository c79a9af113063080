"""Signals emitted from Python do not use up `True`, calls into Qt do not use up `None`
(PySide6 6.12 on CPython 3.11, ui/pyside_fixes.py)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal

import ui
from ui.pyside_fixes import protect_booleans, protect_none


class _Emitter(QObject):
    changed = Signal(int)


def test_many_emits_from_python_leave_true_alive() -> None:
    assert ui.__name__ == "ui"  # importing the package applied the protection
    emitter = _Emitter()
    seen: list[int] = []
    emitter.changed.connect(seen.append)
    before = sys.getrefcount(True)
    # More emits than `True` has references in a fresh interpreter: without the reserve
    # the process aborts here ("Fatal Python error: bool_dealloc").
    for i in range(50_000):
        emitter.changed.emit(i)
    gc.collect()
    assert len(seen) == 50_000 and seen[-1] == 49_999
    assert sys.getrefcount(True) > 0 and (True is not False)
    assert before - sys.getrefcount(True) < 1 << 39  # far from the end of the reserve


def test_the_protection_is_applied_once() -> None:
    first = protect_booleans()
    count = sys.getrefcount(True)
    assert protect_booleans() is first
    assert abs(sys.getrefcount(True) - count) < 1000  # no second reserve


def test_many_calls_without_a_result_leave_none_alive() -> None:
    assert ui.__name__ == "ui"  # importing the package applied the protection
    holder = QObject()
    before = sys.getrefcount(None)
    # More calls than `None` has references in a fresh interpreter: without the reserve the
    # process aborts here or at exit ("Fatal Python error: none_dealloc").
    for _ in range(300_000):
        holder.setObjectName("x")
    gc.collect()
    assert sys.getrefcount(None) > 0 and holder.objectName() == "x"
    assert before - sys.getrefcount(None) < 1 << 39  # far from the end of the reserve
    count = sys.getrefcount(None)
    assert protect_none() is protect_none()
    assert abs(sys.getrefcount(None) - count) < 1000  # no second reserve
