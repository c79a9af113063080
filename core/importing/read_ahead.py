"""Read a batch of users' files ahead, in N sandboxed readers at once, handed back in the batch's order.

`import --jobs N` reads with this while the workspace, the one writer, commits file after
file in the order given: the writer asks `read(path)` for each file in turn and gets the
Document (or the file's DocumentError) as soon as it is read, while the readers are
already reading the next ones.

    with ReadAhead(paths, jobs=2, progress=progress) as ahead:
        outcomes = workspace.import_files(paths, progress, reader=ahead.read)

Each reader is a core.importing.sandbox.DocumentReader (a child process with the time and
memory limits) in a thread of its own, taking the next unread file. Readers stay at most
`window` files ahead of the writer, so a slow writer does not pile up parsed Documents.
The writer does not ask for a file whose bytes the workspace holds already: readers never
take a file the writer has gone past, and, once the writer has said how to know them
(`skip_known`), pass over known files ahead of it too, so importing a folder again parses
only what is new. Cancelling the progress stops every reader (their children are killed)
and `read` raises core.errors.Cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from core.errors import Cancelled
from core.importing import sandbox
from core.importing.sandbox import ParseLimits
from core.model import Document
from core.progress import NoProgress, Progress


class _Stop(NoProgress):
    """What the readers' children watch: the user's cancel, or the batch being closed."""

    def __init__(self, progress: Progress, closed: threading.Event) -> None:
        self._progress = progress
        self._closed = closed

    def cancelled(self) -> bool:
        return self._closed.is_set() or self._progress.cancelled()


class ReadAhead:
    """`jobs` sandboxed readers reading `paths` in order, at most `window` files ahead of `read`."""

    def __init__(self, paths: Sequence[str | Path], jobs: int, *, progress: Progress | None = None,
                 limits: ParseLimits | None = None, window: int | None = None,
                 known: Callable[[Path], bool] | None = None) -> None:
        self._paths = [Path(p) for p in paths]
        self._progress = progress or NoProgress()
        self._closed = threading.Event()
        self._stop = _Stop(self._progress, self._closed)
        self._limits = limits
        self._jobs = max(1, min(jobs, len(self._paths) or 1))
        self._window = window if window is not None else 2 * self._jobs
        self._lock = threading.Condition()
        self._next = 0  # the next index a reader takes
        self._asked = 0  # indices below this the writer is past (asked for, or skipped)
        self._done: dict[int, Document | BaseException] = {}
        self._known = known  # see skip_known()
        self._passed: set[int] = set()  # known files passed over: read after all if the writer asks
        self._retry: list[int] = []  # passed-over files the writer asked for, read first
        self._threads = [threading.Thread(target=self._work, name=f"read-ahead-{n}", daemon=True)
                         for n in range(self._jobs)]
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop the readers (a parse under way is killed) and wait for their threads."""
        self._closed.set()
        with self._lock:
            self._lock.notify_all()
        for thread in self._threads:
            thread.join()

    def skip_known(self, known: Callable[[Path], bool]) -> None:
        """From now on readers pass over files for which `known(path)` is true (the writer will
        not ask for them: their bytes are stored). Called from the readers' threads; an
        error in it means "not known" (reading the file then says what is wrong)."""
        with self._lock:
            self._known = known

    def read(self, path: str | Path) -> Document:
        """The Document of `path`, the next file of the batch with that path (DocumentError as it was raised)."""
        path = Path(path)
        with self._lock:
            index = next((i for i in range(self._asked, len(self._paths)) if self._paths[i] == path), None)
            if index is None:
                raise ValueError(f"{path} is not the next file of this batch")
            self._asked = index + 1  # the files before `index` the writer passed over: no reader takes them now
            self._lock.notify_all()  # the window moved on
            for skipped in [i for i in self._done if i < index]:
                del self._done[skipped]  # read for a file the writer did not ask for
            self._passed = {i for i in self._passed if i >= index}
            if index in self._passed:  # said known, yet asked for (its bytes changed since): read it now
                self._passed.discard(index)
                self._retry.append(index)
                self._lock.notify_all()
            while index not in self._done:
                if self._progress.cancelled():
                    raise Cancelled()
                if not any(t.is_alive() for t in self._threads):
                    raise Cancelled()  # closed: nobody will read it any more
                self._lock.wait(0.1)
            result = self._done.pop(index)
        if isinstance(result, BaseException):
            raise result
        return result

    def _work(self) -> None:
        try:
            # looked up on the module at use, so that a test's stand-in reader is the one used
            with sandbox.DocumentReader(self._limits, progress=self._stop) as reader:
                while True:
                    with self._lock:
                        taken = self._take()
                    if taken is None:
                        return
                    index, known = taken
                    if known is not None and self._is_known(known, self._paths[index]):
                        with self._lock:
                            if index == self._asked - 1:  # yet the writer asked for it meanwhile: read it
                                self._retry.append(index)
                            else:
                                self._passed.add(index)
                            self._lock.notify_all()
                        continue
                    result: Document | BaseException
                    try:
                        result = reader.read(self._paths[index])
                    except Cancelled:
                        return
                    except Exception as error:  # the writer meets it where reading in place would have
                        result = error
                    with self._lock:
                        self._done[index] = result
                        self._lock.notify_all()
        except Cancelled:
            return

    def _take(self) -> tuple[int, Callable[[Path], bool] | None] | None:
        """The next file for a reader (under the lock) and how to tell it is known; None: stop."""
        while not self._stop.cancelled():
            self._next = max(self._next, self._asked - 1)  # the writer went past those before it
            if self._retry:
                return self._retry.pop(0), None
            if self._next < min(len(self._paths), self._asked + self._window):
                self._next += 1
                return self._next - 1, self._known
            if self._next >= len(self._paths) and not any(i >= self._asked for i in self._passed):
                return None  # all read, and no passed-over file can still be asked for
            self._lock.wait(0.1)
        return None

    @staticmethod
    def _is_known(known: Callable[[Path], bool], path: Path) -> bool:
        try:
            return known(path)
        except Exception:  # an unreadable file is read, and fails, where the writer asks for it
            return False
