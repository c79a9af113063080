"""One writer per workspace file: an OS lock on `<workspace>.lock`, released even on a crash.

The lock file also tells whether the previous session ended cleanly: while a
workspace is open the file holds the owner's pid and host; a clean close empties
it. Finding it non-empty but unlocked means the last writer died (power cut,
kill), so the opener runs the full integrity check.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import IO

from core.errors import WorkspaceError


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class WorkspaceLock:
    """Held for as long as a workspace is open for writing.

    Attributes:
        path: the lock file.
        unclean: True when the previous holder did not close cleanly.
    """

    def __init__(self, workspace: Path) -> None:
        self.path = workspace.with_name(workspace.name + ".lock")
        self.unclean = False
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        try:
            # errors="replace": a lock file with garbage in it (a disk error) must not stop the opening.
            handle = open(self.path, "a+", encoding="utf-8", errors="replace")  # noqa: SIM115 - held until release()
        except OSError as error:  # a read-only folder or medium, or no permission
            raise WorkspaceError(
                f"工作区 {self.path.with_suffix('')} 所在的文件夹不能写入（{error.strerror or error}），"
                "无法以可写方式打开：请把工作区复制到可写的文件夹，或取消只读属性后再打开。工作区没有被修改。"
            ) from error
        if not _try_lock(handle):
            try:
                handle.seek(1)
                owner = handle.read().strip() or "另一个程序"
            except OSError:  # Windows refuses reads of a range another process locked
                owner = "另一个程序"
            handle.close()
            raise WorkspaceError(
                f"工作区 {self.path.with_suffix('').name} 正被另一个窗口或程序使用（{owner}）。"
                "同一时间只能有一个程序写入工作区，请先关闭它，或打开另一个工作区。")
        handle.seek(0)
        self.unclean = bool(handle.read().strip())
        handle.seek(0)
        handle.truncate()
        # Windows locks byte ranges: the owner text starts after the locked first byte.
        handle.write(f" 进程 {os.getpid()} @ {socket.gethostname()}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        handle.seek(0)
        handle.truncate()
        handle.flush()
        _unlock(handle)
        handle.close()
