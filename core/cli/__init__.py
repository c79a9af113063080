"""The command line: one module per subcommand, each with `register(subparsers)`.

Every subcommand calls core functions only; `gui` is added by main.py so that the
command line never loads Qt. A subcommand's module defines `register(sub)` which
adds its parser and sets `func=run` with `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import io
import os
import sys

from core.errors import Cancelled, UserError
from core.names import shown

# Subcommand modules in the order --help lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "core.cli.parse_cmd",
    "core.cli.import_cmd",
    "core.cli.check_cmd",
    "core.cli.review_cmd",
    "core.cli.progress_cmd",
    "core.cli.compare_cmd",
    "core.cli.memo_cmd",
    "core.cli.search_cmd",
    "core.cli.export_cmd",
)


def build_parser(
    prog: str = "main.py",
) -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="预算绩效目标审核工作台 — import, check, compare and review budget performance documents.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        # A subcommand whose module is not part of this build is simply not offered.
        if importlib.util.find_spec(name) is None:
            continue
        importlib.import_module(name).register(sub)
    return parser, sub


def tolerant_output() -> None:
    """Let stdout and stderr print what the terminal cannot encode as "?", never a traceback.

    A file name that is not UTF-8 (or a character a GBK console lacks) would otherwise
    abort a command half-way with UnicodeEncodeError, after its work was done.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            with contextlib.suppress(ValueError, OSError, AttributeError):
                stream.reconfigure(errors="replace")


def error_line(error: BaseException | str) -> str:
    """`错误：<message>` on one line: control characters of a file name are escaped, so
    that a name holding a newline cannot print a second, fake message line."""
    return f"错误：{shown(error)}"


def _undecodable(error: UnicodeError) -> bool:
    """True for text that came from the command line or a file name with bytes that are not UTF-8."""
    text = getattr(error, "object", None)
    return isinstance(text, str) and any("\ud800" <= ch <= "\udfff" for ch in text)


def _refuse_nul(args: argparse.Namespace) -> None:
    """No path or word may hold a NUL character: the operating system cuts it there."""
    for value in vars(args).values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and "\x00" in text:
                raise UserError(f"命令行中的文字或路径“{shown(text[:200])}”含有空字符（\\x00），无法使用。")


def run(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; user errors print their Chinese message and exit 2."""
    tolerant_output()
    try:
        _refuse_nul(args)
        return int(args.func(args) or 0)
    except UserError as error:
        print(error_line(error), file=sys.stderr)
        return error.exit_status
    except UnicodeEncodeError as error:
        if not _undecodable(error):
            raise
        # An option value (a path, a department code) that reached a library which takes
        # UTF-8 only; file names to import and search words are repaired before that.
        print(error_line(f"命令行中的文字或路径“{shown(error.object[:200])}”含有不是 UTF-8 编码的字符，无法使用。"
                         "请把文件或文件夹改名为正常的中文、字母或数字（或换成 UTF-8 终端）后重试。"),
              file=sys.stderr)
        return 2
    except Cancelled:
        print("已取消。", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`… | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as error:
        # A path the system refuses (a name too long, no permission, a file where a folder
        # should be): what the user typed, said as the system's reason, nothing written.
        where = shown(str(error.filename)[:200]) if error.filename is not None else ""
        reason = error.strerror or type(error).__name__
        print(error_line(f"无法使用路径“{where}”：{reason}。" if where else f"文件操作失败：{reason}。"),
              file=sys.stderr)
        return 2
