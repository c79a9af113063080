"""Progress and cancellation for long work, without any UI.

Core functions take a `Progress`; the CLI prints it, the window shows a dialog
with a Cancel button that sets the flag. Cancelling raises `core.errors.Cancelled`
at the next `check()`.
"""

from __future__ import annotations

import threading
from typing import Protocol

from core.errors import Cancelled


class Progress(Protocol):
    def report(self, done: int, total: int, label: str) -> None: ...

    def cancelled(self) -> bool: ...


class NoProgress:
    """The default sink: reports go nowhere and nothing is ever cancelled."""

    def report(self, done: int, total: int, label: str) -> None:
        return None

    def cancelled(self) -> bool:
        return False


class CancelToken:
    """A thread-safe cancel flag; combine with any reporter."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def cancelled(self) -> bool:
        return self._event.is_set()


def check(progress: Progress) -> None:
    """Raise Cancelled if the user asked to stop."""
    if progress.cancelled():
        raise Cancelled()
