"""Writing output files without ever destroying one: check the target, write beside it, rename.

Every file the program writes for the user (memo PDF/DOCX, the xlsx/JSON export, parse
JSON, workspace backups) goes through this module:

- `check_outputs` refuses, before the command reads or writes anything, a target that is
  a folder or a device, the workspace or one of its companion files (-wal, -shm,
  -journal, .lock, the backups folder), an input of the same command, or another output
  of it. Paths are compared resolved and by file identity (hard links, bind mounts,
  case-insensitive file systems).
- `atomic_output` yields a temporary path in the target's folder; when the block ends
  normally the file is flushed to disk and renamed over the target in one step, so a
  kill or a full disk leaves yesterday's file as it was. On any failure the temporary
  file is removed and an OSError becomes an `OutputError` naming the target. The
  temporary file is created with mode 0666 minus the umask (so the user's umask holds),
  or takes the mode of the file it replaces. A read-only target is refused, as a plain
  write would be, and so is a SQLite database: no output of this program is one, so
  such a target can only be a workspace named by mistake (the window's save dialog has
  no other guard).
- A writer that is killed cannot remove its temporary file. Each writer holds an OS
  lock on its own temporary file while it writes, and `atomic_output` first removes, in
  the target's folder, temporary files of ours that nobody holds and that are over a
  minute old. On Windows an open file cannot be deleted at all, which gives the same
  protection without the lock.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from core.errors import UserError

TEMP_PREFIX = ".jixiao-"
TEMP_SUFFIX = ".tmp"
# Files SQLite may leave beside a temporary database (a backup killed mid-way).
_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")
# Temporary files of builds before this module (tempfile.mkstemp(prefix=".memo-")). They
# were never locked, so only those too old to belong to a memo being written are removed.
LEGACY_PATTERNS = (".memo-*.pdf", ".memo-*.docx")
LEGACY_MIN_AGE_SECONDS = 3600
# A temporary file is locked a moment after it is created; one this young may be in that moment.
ORPHAN_MIN_AGE_SECONDS = 60
WORKSPACE_COMPANIONS = {"-wal": "的日志文件", "-shm": "的日志文件", "-journal": "的日志文件", ".lock": "的锁文件"}
SQLITE_MAGIC = b"SQLite format 3\x00"

PathLike = str | os.PathLike[str]


class OutputError(UserError):
    """An output that would destroy something, or that cannot be written; nothing was changed."""


def _key(path: Path) -> str:
    # normcase: Windows paths differ in case and slashes only.
    return os.path.normcase(os.path.realpath(path))


def same_file(a: PathLike, b: PathLike) -> bool:
    """True when `a` and `b` name one file: the same resolved path, or the same inode."""
    if _key(Path(a)) == _key(Path(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one of them does not exist (yet): only the paths could tell
        return False


def _kind(path: Path, label: str) -> str | None:
    """"dir", "file" or "other" for what is at `path` (following links), None when nothing is."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:  # a name too long, a folder we may not enter
        raise OutputError(f"无法写入 {path}（{label}）：{reason(error)}。没有写入任何文件。") from error
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def _workspace_part(target: Path, workspace: Path) -> str | None:
    """How `target` belongs to `workspace` ("" the file itself, "的日志文件" …), or None."""
    if same_file(target, workspace):
        return ""
    for suffix, what in WORKSPACE_COMPANIONS.items():
        if same_file(target, workspace.with_name(workspace.name + suffix)):
            return what
    backups = workspace.with_name(workspace.name + ".backups")
    if same_file(target.parent, backups) or same_file(target, backups):
        return "的备份"
    return None


def check_outputs(outputs: Sequence[tuple[str, PathLike]], *, inputs: Sequence[PathLike] = (),
                  workspace: PathLike | None = None) -> None:
    """Refuse outputs that would destroy something; call before the command touches anything.

    Args:
        outputs: (what it is, e.g. "PDF", path) for every file the command will write.
        inputs: files the command reads.
        workspace: the workspace file the command opens, or would open by default.
    Raises:
        OutputError: with a Chinese message naming the output and what it would destroy.
    """
    nothing = "请换一个文件名；没有写入任何文件。"
    for index, (label, raw) in enumerate(outputs):
        path = Path(raw)
        kind = _kind(path, label)
        if kind == "dir":
            raise OutputError(f"输出位置 {path}（{label}）是一个文件夹，不是文件：请在它后面加上文件名"
                              f"（例如 {path / ('输出' + _suffix_hint(label))}）。没有写入任何文件。")
        if kind == "other":
            raise OutputError(f"输出位置 {path}（{label}）不是普通文件（设备、管道或套接字），不能写入。{nothing}")
        if workspace is not None:
            part = _workspace_part(path, Path(workspace))
            if part is not None:
                raise OutputError(f"输出文件 {path}（{label}）是工作区 {Path(workspace).name}{part}，"
                                  f"写入会毁掉工作区。{nothing}")
        for source in inputs:
            if same_file(path, source):
                raise OutputError(f"输出文件 {path}（{label}）就是要读取的文件 {Path(source).name}，"
                                  f"写入会覆盖它。{nothing}")
        for other_label, other in outputs[:index]:
            if same_file(path, other):
                raise OutputError(f"{other_label} 和 {label} 的输出是同一个文件 {path}，后写的会覆盖先写的。"
                                  "请给它们不同的文件名；没有写入任何文件。")


def _suffix_hint(label: str) -> str:
    lowered = label.lower()
    return next((f".{s}" for s in ("pdf", "docx", "xlsx", "json") if s in lowered), "")


# ---- temporary files ---------------------------------------------------------------


def _lock(fd: int) -> bool:
    """An exclusive, non-blocking lock on an open file; False when another process holds it."""
    if sys.platform == "win32":
        return True  # Windows: deleting a file another process has open fails by itself
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held elsewhere, or a file system without locks: treat as in use
        return False
    return True


def remove_orphans(folder: Path) -> list[Path]:
    """Remove temporary files of ours in `folder` that no running writer holds; returns them."""
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for path in candidates:
        fd = -1
        try:
            # O_NONBLOCK: a FIFO someone named like our files must not hang the program.
            fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if (not stat.S_ISREG(info.st_mode) or time.time() - info.st_mtime < ORPHAN_MIN_AGE_SECONDS
                    or not _lock(fd)):
                continue
            if sys.platform == "win32":
                os.close(fd)
                fd = -1
            path.unlink()
            removed.append(path)
        except OSError:  # in use (Windows) or gone meanwhile
            continue
        finally:
            if fd >= 0:
                os.close(fd)
        for side in _SQLITE_SIDE_FILES:
            with suppress(OSError):
                path.with_name(path.name + side).unlink()
    now = time.time()
    for pattern in LEGACY_PATTERNS:
        with suppress(OSError):
            for path in folder.glob(pattern):
                with suppress(OSError):
                    if path.is_file() and now - path.stat().st_mtime > LEGACY_MIN_AGE_SECONDS:
                        path.unlink()
                        removed.append(path)
    return removed


def _create_temp(folder: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        temp = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            # 0o666: the kernel applies the umask, as for any file the user's programs create.
            fd = os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
        _lock(fd)
        return fd, temp


def reason(error: OSError) -> str:
    """Why a write failed, in Chinese (the OS's own words for the rare rest)."""
    reasons = {errno.ENOSPC: "磁盘空间已满", getattr(errno, "EDQUOT", -2): "超出磁盘配额", errno.EROFS: "磁盘或文件夹是只读的",
               errno.EACCES: "没有写入权限，或文件正被其他程序打开", errno.EPERM: "没有写入权限，或文件正被其他程序打开",
               errno.ENAMETOOLONG: "文件名太长", errno.ENOENT: "保存位置不存在", errno.EISDIR: "这是一个文件夹"}
    return reasons.get(error.errno or -1, error.strerror or error.__class__.__name__)


def _refuse_database(target: Path) -> None:
    try:
        with open(target, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return
    if head == SQLITE_MAGIC:
        raise OutputError(f"{target} 是一个 SQLite 数据库（可能是工作区），不会用导出的文件覆盖它。"
                          "请换一个文件名；没有写入任何文件。")


@contextmanager
def atomic_output(target: PathLike, *, replace_database: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step.

    The body writes the whole file to the yielded path (and closes it). Leaving the block
    normally fsyncs it and renames it over `target`; an exception removes it. Through a
    symbolic link the file it points to is replaced and the link kept.

    Raises:
        OutputError: the target is a folder, a device or (unless `replace_database`) a
            SQLite database, or writing failed (disk full, no permission…); the target
            is then unchanged.
    """
    final = Path(os.path.realpath(target))
    kind = _kind(final, "输出")
    if kind == "dir":
        raise OutputError(f"{target} 是一个文件夹，不是文件：请给出要写入的文件名。没有写入任何文件。")
    if kind == "other":
        raise OutputError(f"{target} 不是普通文件（设备、管道或套接字），不能写入。没有写入任何文件。")
    if kind == "file" and not os.access(final, os.W_OK):
        # A rename would get past the read-only flag; the user set it to keep this file.
        raise OutputError(f"{target} 是只读文件，不能覆盖：请取消只读属性，或换一个文件名。没有写入任何文件。")
    if not replace_database:
        _refuse_database(final)
    folder = final.parent
    remove_orphans(folder)
    try:
        fd, temp = _create_temp(folder)
    except OSError as error:
        raise OutputError(f"无法写入 {target}：{reason(error)}。没有写入任何文件。") from error
    try:
        yield temp
        if final.exists() and sys.platform != "win32":
            # Replacing a file keeps its permissions (a shared folder's group rights).
            os.chmod(temp, stat.S_IMODE(final.stat().st_mode))
        _sync_file(temp)
        if sys.platform == "win32":
            os.close(fd)  # Windows cannot rename a file that is still open
            fd = -1
        os.replace(temp, final)
    except BaseException as error:
        if fd >= 0:
            with suppress(OSError):
                os.close(fd)
            fd = -1
        with suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise OutputError(f"无法写入 {target}：{reason(error)}。原有的文件（如有）保持不变。") from error
        raise
    finally:
        if fd >= 0:
            os.close(fd)
    _sync_folder(folder)


def _sync_file(path: Path) -> None:
    """Flush the file now at `path` to disk (the writer may have replaced the one we created)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
