"""Work-arounds for defects of the Qt binding (PySide6) the program runs on, applied by ui/__init__.py.

PySide6 6.12.0 on CPython 3.11: `SignalInstance.emit()` hands back `True` without taking
a reference to it, so every signal emitted from Python code takes one reference away
from `True`. CPython 3.12 made `True` immortal, which hides the defect there; on 3.11
(Debian 12, the Windows bundle) the count reaches zero after enough emits — in a long
session, or while the interpreter shuts down after a test run — and CPython aborts
with "Fatal Python error: bool_dealloc". `protect_booleans()` measures whether the
binding has the defect and, if so, gives `True` and `False` a reserve of references no
session can use up (what 3.12 does by design); with a sound binding it changes nothing.

The same binding takes a reference away from `None` at every call of a C++ function
without a result (`setText`, `processEvents`, …) and every time C++ receives `None` from
a Python override (a model's `data()` for a role it does not answer, `fetchMore`). `None`
starts with more references, so only a long session ran them out ("Fatal Python error:
none_dealloc" while the interpreter shut down, e.g. after a benchmark of the province
workspace's tree filter and search); `protect_none()` gives it the same reserve.
"""

from __future__ import annotations

import ctypes
import functools
import sys

from PySide6.QtCore import QObject, Signal

PROBE_EMITS = 16
# Far more references than emits in any session (one emit per reference).
RESERVE = 1 << 40


class _Probe(QObject):
    ping = Signal()


def emit_loses_references() -> bool:
    """True when emitting a signal from Python takes references away from `True`."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBE_EMITS):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= PROBE_EMITS


@functools.cache
def protect_booleans() -> bool:
    """Give True and False their reserve if the binding needs it (once); whether it did."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # immortal booleans: nothing to protect
    if not emit_loses_references():
        return False
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object, at the object's address.
        ctypes.c_ssize_t.from_address(id(value)).value += RESERVE
    return True


def void_call_loses_none() -> bool:
    """True when calling a C++ function without a result takes a reference away from `None`."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(PROBE_EMITS):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= PROBE_EMITS


@functools.cache
def protect_none() -> bool:
    """Give None its reserve if the binding needs it (once); whether it did."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # immortal None: nothing to protect
    if not void_call_loses_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
    return True
