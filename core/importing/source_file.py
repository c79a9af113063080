"""Read the bytes of a file a user hands us, trusting neither its name nor its kind.

A path given to `import` or `parse` may name something other than a document: a named
pipe (FIFO), where a plain open() waits for a writer that never comes, while the
import holds the workspace lock; a device such as /dev/zero (or a link to it), which
never ends and, read whole, exhausted the memory of the program itself, outside the
sandbox's limits; a socket or a folder. Only regular files are read:

    data = read_source(path, max_bytes)   # bytes, or a DocumentError naming the file

What is at the path is looked at with stat() before it is opened, since opening some
devices already does something (a tape rewinds). The file is then opened non-blocking
and looked at again on the open handle, since the name may have been switched in
between, and at most `max_bytes` + 1 bytes are read, so that a file growing while it is
read is refused too, never held whole.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from core.errors import DocumentError


def kind_of(mode: int) -> str | None:
    """The kind of a file that is not a regular one, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISFIFO(mode):
        return "命名管道（FIFO）"
    if stat.S_ISSOCK(mode):
        return "套接字（socket）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    return "特殊文件"


def _refuse_kind(path: Path, mode: int) -> None:
    kind = kind_of(mode)
    if kind is None:
        return
    if kind == "文件夹":
        raise DocumentError(path, "这是一个文件夹，不是文件。")
    # Name the target of a link: "zero.pdf" alone would not tell the user why.
    target = ""
    if path.is_symlink():
        target = f"（它是指向 {os.path.realpath(path)} 的链接）"
    raise DocumentError(path, f"这不是普通文件，而是{kind}{target}，不能读取。请选择 .docx、.pdf 或 .xlsx 文件本身。")


def _refuse_size(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise DocumentError(path, f"文件过大（{size / (1 << 20):.0f} MB，上限 {max_bytes >> 20} MB），"
                                  "不像是预算绩效文本，已拒绝导入。")


def _os_error(path: Path, error: OSError) -> DocumentError:
    if isinstance(error, FileNotFoundError):
        return DocumentError(path, "找不到这个文件。")
    if isinstance(error, IsADirectoryError):
        return DocumentError(path, "这是一个文件夹，不是文件。")
    if isinstance(error, PermissionError):
        return DocumentError(path, "没有读取这个文件的权限。")
    return DocumentError(path, f"无法读取文件（{error.strerror or type(error).__name__}）。")


def check_source(path: Path, max_bytes: int) -> None:
    """Refuse, without opening it, what is not a regular file of at most `max_bytes`."""
    try:
        info = os.stat(path)  # follows links: what counts is what would be read
    except OSError as error:
        raise _os_error(path, error) from error
    except ValueError as error:  # a NUL character in the name, which no file system allows
        raise DocumentError(path, "文件名中含有空字符（NUL），不可能是一个文件。") from error
    _refuse_kind(path, info.st_mode)
    _refuse_size(path, info.st_size, max_bytes)


def read_source(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, or a DocumentError naming it.

    Refused: a missing file, a folder, a FIFO, a device, a socket, a file larger than
    `max_bytes` (checked before reading and again while reading), an unreadable one.
    """
    check_source(path, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    # Non-blocking: should a FIFO have taken the file's place since the stat, opening it
    # returns at once (and the fstat below refuses it) instead of waiting for a writer.
    flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _os_error(path, error) from error
    try:
        info = os.fstat(fd)
        _refuse_kind(path, info.st_mode)
        _refuse_size(path, info.st_size, max_bytes)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # One buffer of the size stat() gave (plus the byte that tells a file grew).
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew meanwhile: read on, up to just past the limit
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as error:
        raise _os_error(path, error) from error
    finally:
        os.close(fd)
    _refuse_size(path, len(data), max_bytes)
    return data
