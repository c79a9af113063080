"""Long work off the GUI thread: an op builder in the style of Anki's CollectionOp.

    Op(lambda progress: workspace.import_files(paths, progress=progress))
        .with_progress(window, title)
        .success(on_done)
        .failure(on_error)
        .run()

The function runs on a QThreadPool worker and receives a `core.progress.Progress`
whose reports are carried to the GUI thread by a queued signal; the progress
dialog's Cancel sets the token, and the core raises Cancelled, which is dropped
silently. Results and exceptions come back to the GUI thread as signals. Ops run
one at a time (a one-thread pool), so the workspace never sees two writers.

The reviewer's small writes (an edit, its undo and redo, a finding's state, a
comparison correction) go through a `Writer`, which queues them on that same
thread:

    writer.submit(lambda: ws.set_revision(...), on_done, on_error)

The window never waits for SQLite: it shows the edit at once and queues the write.
One thread taking work first in, first out means the writes, and the imports, checks
and comparisons queued among them, run in the order they were issued, so work queued
after a write sees it. Outcomes come back to the GUI thread in that order too.
`Writer.drain()` blocks until everything queued has run and hands back the outcomes:
for closing the workspace, and for the rare read that must see the writes at once.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.errors import Cancelled
from core.progress import CancelToken

_POOL: QThreadPool | None = None


def op_pool() -> QThreadPool:
    """The one-worker pool every op and every write runs on, so workspace access is serial."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


class _Signals(QObject):
    reported = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class QtProgress:
    """A core Progress that forwards reports through a queued signal and reads a cancel token."""

    def __init__(self, signals: _Signals, token: CancelToken) -> None:
        self._signals = signals
        self._token = token

    def report(self, done: int, total: int, label: str) -> None:
        self._signals.reported.emit(done, total, label)

    def cancelled(self) -> bool:
        return self._token.cancelled()


class _Runner(QRunnable):
    def __init__(self, func: Callable[[QtProgress], Any], progress: QtProgress, signals: _Signals) -> None:
        super().__init__()
        self._func = func
        self._progress = progress
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._func(self._progress)
        except BaseException as error:  # handed to the GUI thread, which decides
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)
        finally:
            self._signals.finished.emit()


class Op(QObject):
    """One piece of long work with its callbacks; build it, then call run()."""

    def __init__(self, func: Callable[[QtProgress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._func = func
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_cancel: Callable[[Cancelled], None] | None = None
        self._dialog_parent: QWidget | None = None
        self._title = ""
        self._dialog: QProgressDialog | None = None
        self.token = CancelToken()
        self._signals = _Signals()
        self._signals.reported.connect(self._on_report, Qt.ConnectionType.QueuedConnection)
        self._signals.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.done = False

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._on_failure = callback
        return self

    def cancelled(self, callback: Callable[[Cancelled], None]) -> Op:
        """Called when the work stopped because the reviewer cancelled it, with what the
        work said on stopping (an ImportCancelled holds what got in)."""
        self._on_cancel = callback
        return self

    def with_progress(self, parent: QWidget, title: str) -> Op:
        self._dialog_parent = parent
        self._title = title
        return self

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def run(self) -> Op:
        if self._dialog_parent is not None:
            dialog = QProgressDialog(self._title, self.tr("取消"), 0, 0, self._dialog_parent)
            dialog.setWindowTitle(self._title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.token.cancel)
            self._dialog = dialog
        # Keep this op alive until it finishes, even if the caller drops it.
        _RUNNING.add(self)
        op_pool().start(_Runner(self._func, QtProgress(self._signals, self.token), self._signals))
        return self

    @Slot(int, int, str)
    def _on_report(self, done: int, total: int, label: str) -> None:
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total > 0 else 0)
        if label:
            self._dialog.setLabelText(label)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._close_dialog()
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._close_dialog()
        if isinstance(error, Cancelled):
            if self._on_cancel is not None:
                self._on_cancel(error)
            return
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            from ui.errors import show_error

            show_error(self._dialog_parent, error)

    @Slot()
    def _on_finished(self) -> None:
        self.done = True
        _RUNNING.discard(self)

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None


_RUNNING: set[Op] = set()


DoneSink = Callable[[Any], None]
FailSink = Callable[[BaseException], None]


class _Write(QRunnable):
    """One queued write: runs `func` on the op thread and hands the outcome to its writer."""

    def __init__(self, writer: Writer, func: Callable[[], Any], on_done: DoneSink | None,
                 on_error: FailSink | None) -> None:
        super().__init__()
        self._writer = writer
        self._func = func
        self._sinks = (on_done, on_error)

    def run(self) -> None:
        try:
            outcome: tuple[bool, Any] = (True, self._func())
        except BaseException as error:  # handed to the GUI thread, which tells the reviewer
            outcome = (False, error)
        self._writer._finished(self._sinks, outcome)


class Writer(QObject):
    """The window's one writer: workspace writes queued on the op thread, run in the order issued.

    `submit` returns at once; `on_done(result)` or `on_error(error)` is called later on
    the GUI thread, in the order the writes were submitted. `pending` counts the writes
    whose outcome has not been handed back yet.
    """

    _ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._outcomes: deque[tuple[tuple[DoneSink | None, FailSink | None], tuple[bool, Any]]] = deque()
        self._pending = 0
        self._ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, func: Callable[[], Any], on_done: DoneSink | None = None,
               on_error: FailSink | None = None) -> None:
        """Queue `func` (a workspace write) behind everything already queued on the op thread."""
        self._pending += 1
        op_pool().start(_Write(self, func, on_done, on_error))

    def drain(self) -> None:
        """Block until every queued write (and op) has run, then hand back the outcomes."""
        while self._pending:
            op_pool().waitForDone(-1)
            if not self._hand_back_all():  # nothing came back although nothing runs: never hang a close
                break

    def _finished(self, sinks: tuple[DoneSink | None, FailSink | None], outcome: tuple[bool, Any]) -> None:
        """On the op thread: keep the outcome, and wake the GUI thread to hand it back."""
        with self._lock:
            self._outcomes.append((sinks, outcome))
        with suppress(RuntimeError):  # the window is gone; drain() handed everything back
            self._ready.emit()

    @Slot()
    def _deliver(self) -> None:
        self._hand_back_all()

    def _hand_back_all(self) -> int:
        """Call the callbacks of the outcomes that came back, in order; how many there were."""
        count = 0
        # One at a time: a callback may open a message box, whose event loop delivers the next.
        while True:
            with self._lock:
                if not self._outcomes:
                    return count
                (on_done, on_error), (ok, value) = self._outcomes.popleft()
            self._pending -= 1
            count += 1
            try:
                self._hand_back(on_done, on_error, ok, value)
            except BaseException:
                if self._outcomes:  # a fault in one callback must not hold back the others
                    self._ready.emit()
                raise

    @staticmethod
    def _hand_back(on_done: DoneSink | None, on_error: FailSink | None, ok: bool, value: Any) -> None:
        if ok:
            if on_done is not None:
                on_done(value)
        elif isinstance(value, Cancelled):
            return
        elif on_error is not None:
            on_error(value)
        else:
            from ui.errors import show_error

            show_error(None, value)
