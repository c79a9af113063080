"""Parse an untrusted file in a child process with a time and a memory limit.

A hostile or broken file (a PDF with a page tree that loops, a zip bomb inside a
.docx) must not hang or exhaust the program: the parse runs in a spawned child
(the same on Windows and Linux), whose address space is capped with RLIMIT_AS on
POSIX (Windows has no such call; there only the time limit applies). The parent
waits at most `timeout_s`, then kills the child and raises ParseLimitError. A
DocumentError raised in the child is raised again, with its type, in the parent.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from core.errors import Cancelled, DocumentError, ParseLimitError
from core.model import Document
from core.progress import Progress

CANCEL_POLL_S = 0.1  # how often a waiting parent looks at the cancel button


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


def _exit_with_parent(parent_alive: Connection) -> None:
    """Stop when the program does (killed, crashed): a hanging parse must not outlive it.

    The parent holds the other end of this pipe until it has the answer; the OS closes
    it when the parent dies, and the read below then ends.
    """
    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            parent_alive.recv()
        os._exit(3)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _child(path: str, memory_mb: int, conn: Connection, parent_alive: Connection | None = None) -> None:
    if parent_alive is not None:
        _exit_with_parent(parent_alive)
    try:
        # The libraries are loaded before the cap, so that the cap measures the parse itself.
        import pdfplumber  # noqa: F401
        from docx import Document as _Docx  # noqa: F401

        from core.importing import read_document
        from core.importing.recognise import recognise  # noqa: F401

        _limit_memory(memory_mb)
        conn.send(("ok", read_document(path)))
    except DocumentError as error:
        conn.send(("document_error", type(error).__module__, type(error).__name__, error.reason))
    except MemoryError:
        conn.send(("memory",))
    except Exception as error:  # any crash of the parser is reported, never propagated
        conn.send(("crash", f"{type(error).__name__}: {error}"))
    finally:
        conn.close()


def _wait(receiver: Connection, timeout_s: float, progress: Progress | None) -> bool:
    """True when the child answered within the time limit; Cancelled when the user cancels first."""
    if progress is None:
        return receiver.poll(timeout_s)
    deadline = time.monotonic() + timeout_s
    while not receiver.poll(max(0.0, min(CANCEL_POLL_S, deadline - time.monotonic()))):
        if progress.cancelled():
            raise Cancelled()
        if time.monotonic() >= deadline:
            return False
    return True


def _rebuild(path: Path, module: str, name: str, reason: str) -> DocumentError:
    """The child's DocumentError again (same type, same message), without re-running __init__."""
    import importlib

    cls: Any = getattr(importlib.import_module(module), name, DocumentError)
    if not (isinstance(cls, type) and issubclass(cls, DocumentError)):
        cls = DocumentError
    error = cls.__new__(cls)
    DocumentError.__init__(error, path, reason)
    return error


def read_document_sandboxed(path: str | Path, timeout_s: float = 120.0, memory_mb: int = 2048, *,
                            progress: Progress | None = None) -> Document:
    """read_document() in a child process; ParseLimitError when it takes too long or too much memory.

    With a `progress`, cancelling stops the child at once and raises core.errors.Cancelled.
    """
    path = Path(path)
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    alive_end, alive_hold = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(str(path), memory_mb, sender, alive_end), daemon=True)
    process.start()
    sender.close()
    alive_end.close()
    try:
        if not _wait(receiver, timeout_s, progress):
            raise ParseLimitError(path, f"解析超过 {timeout_s:g} 秒仍未完成，已中止（文件可能过大或结构异常）。")
        try:
            message = receiver.recv()
        except EOFError:
            message = ("died",)
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()
        alive_hold.close()
    kind = message[0]
    if kind == "ok":
        return message[1]
    if kind == "document_error":
        raise _rebuild(path, message[1], message[2], message[3])
    if kind in ("memory", "died"):
        raise ParseLimitError(path, f"解析所需内存超过 {memory_mb} MB 的上限（或解析进程意外退出），已中止。")
    raise ParseLimitError(path, f"解析时出现内部错误，已中止：{message[1]}")
