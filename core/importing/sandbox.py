"""Read a user's file safely: parsing runs in a child process with a time and a memory limit.

A hostile or broken file (a PDF whose content never ends, a zip bomb inside a
.docx or .xlsx) must not hang or exhaust the program. Every file a user hands us is read
through here; `core.importing.read_document` is the pure library function the
child runs.

    with DocumentReader() as reader:          # one child process, spawned on first use
        for path in paths:
            document = reader.read(path)      # DocumentError subclasses, ParseLimitError
    document = read_untrusted(path, progress)  # one file

The child is spawned (the same on Windows and Linux), loads the parsing libraries
once, caps its address space with RLIMIT_AS on POSIX (Windows has no such call;
there only the time limit applies) and then reads file after file, so a batch
pays the ~1 s of imports once. The parent waits at most the time limit per file;
a child that runs over it, runs out of memory or crashes is killed and the next
file gets a fresh one. A DocumentError raised in the child is raised again, with
its type, in the parent. A PDF whose read by PDFium (C) ends the child is read once more
by pdfplumber in a fresh child, and its import report says so. Cancelling
(core.progress) kills the child at once and raises core.errors.Cancelled. The child
exits when the program does.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import Any

from core.child_process import exit_with_parent
from core.errors import Cancelled, DocumentError, ParseLimitError
from core.import_report import ReportWarning, WarningCode
from core.model import Document
from core.progress import NoProgress, Progress

CANCEL_POLL_S = 0.1  # how often a waiting parent looks at the cancel button
STARTUP_LIMIT_S = 120.0  # loading the libraries in a new child (slow disks, antivirus scans on Windows)
STOP_WAIT_S = 2.0  # a child asked to exit gets this long before it is killed
PRELOADED = ("pdfplumber", "pdfplumber.utils.exceptions", "pdfminer.pdfdocument", "docx", "docx.opc.exceptions",
             "openpyxl", "openpyxl.utils.exceptions", "core.importing.registry", "core.importing.pdf_reader",
             "core.importing.docx_reader", "core.importing.xlsx_reader", "core.importing.recognise",
             "pypdfium2", "pdfminer.pdfpage", "core.importing.pdfium_objects", "core.importing.pdfium_reader")


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """The limits one file's parse runs under: the one place they are declared."""

    timeout_s: float = 120.0  # a 1,000-page text PDF takes well under a minute
    memory_mb: int = 2048  # address space of the child, libraries included (POSIX only)


DEFAULT_LIMITS = ParseLimits()


# ---- the child ------------------------------------------------------------------------

def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits
        return
    limit = memory_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _parse_one(request: str | tuple[str, str]) -> tuple[Any, ...]:
    """A path, or (path, PDF reader): a PDF the PDFium path crashed on is asked again with
    "pdfplumber" (core.importing.registry.PDF_READERS), in a fresh child."""
    from core.importing import read_document
    from core.importing.registry import PDF_READER_ENV

    path, pdf_reader = (request, None) if isinstance(request, str) else request
    if pdf_reader is not None:
        os.environ[PDF_READER_ENV] = pdf_reader  # this child reads this way from now on: it is fresh
    try:
        return ("ok", read_document(path))
    except DocumentError as error:
        return ("document_error", type(error).__module__, type(error).__name__, error.reason)
    except MemoryError:
        return ("memory",)
    except Exception as error:  # any crash of the parser is reported, never propagated
        return ("crash", f"{type(error).__name__}: {error}")


def _serve(conn: Connection, memory_mb: int) -> None:
    """The child: load the libraries, cap the memory, then answer one path after another."""
    # Ctrl-C reaches the whole console group; the parent alone decides, and stops the child.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()  # killed or crashed, the program leaves no parse running (core/child_process.py)
    try:
        # The libraries are loaded before the cap, so that the cap measures the parses.
        for module in PRELOADED:
            importlib.import_module(module)
        _limit_memory(memory_mb)
        conn.send(("ready",))
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                return
            if request is None:
                return
            answer = _parse_one(request)
            try:
                conn.send(answer)
            except MemoryError:
                conn.send(("memory",))
            del answer
            # pdfminer's object graph is cyclic: free it now, not against the next file's budget.
            gc.collect()
    except MemoryError:
        with contextlib.suppress(Exception):
            conn.send(("memory",))
    except Exception as error:  # a broken installation: said to the parent, no traceback on stderr
        with contextlib.suppress(Exception):
            conn.send(("crash", f"{type(error).__name__}: {error}"))
    finally:
        conn.close()


# ---- the parent -----------------------------------------------------------------------

def _pdfium_would_read(path: Path) -> bool:
    """A PDF (by its first bytes) that the PDFium path reads, with pdfplumber to fall back on
    ("pdfium-only", for tests, has none)."""
    from core.importing.registry import pdf_reader_setting

    if pdf_reader_setting() != "pdfium":
        return False
    from core.importing.registry import sniff

    try:
        with open(path, "rb") as handle:
            return sniff(handle.read(2048)) == "pdf"
    except OSError:
        return False


def _wait(conn: Connection, timeout_s: float, progress: Progress) -> bool:
    """True when the child answered within `timeout_s`; Cancelled when the user cancels first."""
    deadline = time.monotonic() + timeout_s
    while not conn.poll(max(0.0, min(CANCEL_POLL_S, deadline - time.monotonic()))):
        if progress.cancelled():
            raise Cancelled()
        if time.monotonic() >= deadline:
            return False
    return True


def _rebuild(path: Path, module: str, name: str, reason: str) -> DocumentError:
    """The child's DocumentError again (same type, same message), without re-running __init__."""
    found = getattr(importlib.import_module(module), name, DocumentError)
    cls = found if isinstance(found, type) and issubclass(found, DocumentError) else DocumentError
    error = cls.__new__(cls)
    DocumentError.__init__(error, path, reason)
    return error


class DocumentReader:
    """Reads users' files in one reusable child process under `ParseLimits`.

    Use it as a context manager (or call `close()`); one reader serves one thread at a
    time (`read` holds a lock), so parallel reading takes one reader per thread.
    `progress` is the default for `read`'s own: its cancel button stops the parse.
    """

    def __init__(self, limits: ParseLimits | None = None, *, progress: Progress | None = None) -> None:
        self.limits = limits or DEFAULT_LIMITS
        self._progress = progress or NoProgress()
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._served = 0  # files the current child has answered
        self.spawned = 0  # child processes started so far (a batch should need one)

    def __enter__(self) -> DocumentReader:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Ask the child to exit (killed if it does not within STOP_WAIT_S)."""
        with self._lock:
            self._stop(gently=True)

    def read(self, path: str | Path, *, progress: Progress | None = None) -> Document:
        """The file as a Document, or a DocumentError naming it (ParseLimitError past a limit)."""
        path = Path(path)
        progress = progress or self._progress
        with self._lock:
            reused = self._process is not None and self._served > 0
            answer = self._ask(path, progress)
            if answer[0] in ("memory", "died") and reused:
                # A child that has read other files may owe the overrun to what they left
                # in its heap: only a fresh child's verdict counts.
                self._stop()
                answer = self._ask(path, progress)
            if answer[0] not in ("ok", "document_error"):
                self._stop()  # its state after a MemoryError or a crash is not to be trusted
            if answer[0] == "died" and _pdfium_would_read(path):
                # PDFium is C: a file it crashes on takes the child with it. pdfplumber (pure
                # Python) reads it, or says what is wrong, in a fresh child; the report says so.
                answer = self._ask(path, progress, pdf_reader="pdfplumber")
                self._stop()  # that child reads with pdfplumber now: the next file gets a fresh one
                if answer[0] == "ok":
                    answer[1].report.warnings.append(ReportWarning(
                        WarningCode.PDF_FALLBACK, params={"reason": "PDFium 读取时解析进程意外退出"}))
            return self._result(path, answer)

    # ---- inside the lock ------------------------------------------------------------

    def _ask(self, path: Path, progress: Progress, *, pdf_reader: str | None = None) -> tuple[Any, ...]:
        try:
            conn = self._started(path, progress)
            try:
                conn.send(str(path) if pdf_reader is None else (str(path), pdf_reader))
            except OSError:
                self._stop()
                return ("died",)
            if not _wait(conn, self.limits.timeout_s, progress):
                self._stop()
                raise ParseLimitError(path, f"解析超过 {self.limits.timeout_s:g} 秒仍未完成，已中止"
                                            "（文件可能过大或结构异常）。")
            try:
                answer: tuple[Any, ...] = conn.recv()
            except (EOFError, OSError):
                self._stop()
                return ("died",)
        except BaseException:  # cancelled or interrupted mid-parse: the child must not run on
            self._stop()
            raise
        self._served += 1
        return answer

    def _started(self, path: Path, progress: Progress) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop()
        ctx = multiprocessing.get_context("spawn")
        conn, child_conn = ctx.Pipe(duplex=True)
        process = ctx.Process(target=_serve, args=(child_conn, self.limits.memory_mb),
                              name="document-reader", daemon=True)
        process.start()
        child_conn.close()
        self._process, self._conn, self._served = process, conn, 0
        self.spawned += 1
        try:
            ready = _wait(conn, STARTUP_LIMIT_S, progress) and conn.recv() == ("ready",)
        except (EOFError, OSError):
            ready = False
        if not ready:
            self._stop()
            raise ParseLimitError(path, "无法启动文档解析进程（内存不足或程序文件不完整），未能读取。")
        return conn

    def _stop(self, *, gently: bool = False) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        self._served = 0
        if process is None:
            return
        if gently and conn is not None and process.is_alive():
            with contextlib.suppress(OSError):
                conn.send(None)
            process.join(STOP_WAIT_S)
        if process.is_alive():
            process.kill()
        process.join(5)
        if conn is not None:
            conn.close()

    def _result(self, path: Path, answer: tuple[Any, ...]) -> Document:
        kind = answer[0]
        if kind == "ok":
            document: Document = answer[1]
            return document
        if kind == "document_error":
            raise _rebuild(path, answer[1], answer[2], answer[3])
        if kind in ("memory", "died"):
            raise ParseLimitError(path, f"解析所需内存超过 {self.limits.memory_mb} MB 的上限"
                                        "（或解析进程意外退出），已中止。")
        raise ParseLimitError(path, f"解析时出现内部错误，已中止：{answer[1]}")


def read_untrusted(path: str | Path, progress: Progress | None = None,
                   limits: ParseLimits | None = None) -> Document:
    """One file through a DocumentReader of its own (for several, keep one reader open)."""
    with DocumentReader(limits, progress=progress) as reader:
        return reader.read(path)


def read_document_sandboxed(path: str | Path, timeout_s: float = DEFAULT_LIMITS.timeout_s,
                            memory_mb: int = DEFAULT_LIMITS.memory_mb, *,
                            progress: Progress | None = None) -> Document:
    """read_untrusted() with the limits given one by one (the older spelling)."""
    return read_untrusted(path, progress, ParseLimits(timeout_s, memory_mb))
