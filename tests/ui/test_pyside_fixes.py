"""Signals emitted from Python do not use up `True` (PySide6 6.12 on CPython 3.11, ui/pyside_fixes.py)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal

import ui
from ui.pyside_fixes import protect_booleans


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
