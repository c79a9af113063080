"""The command line: one module per subcommand, each with `register(subparsers)`.

Every subcommand calls core functions only; `gui` is added by main.py so that the
command line never loads Qt. A subcommand's module defines `register(sub)` which
adds its parser and sets `func=run` with `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys

from core.errors import Cancelled, UserError

# Subcommand modules in the order --help lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "core.cli.parse_cmd",
    "core.cli.import_cmd",
    "core.cli.check_cmd",
    "core.cli.compare_cmd",
    "core.cli.memo_cmd",
    "core.cli.search_cmd",
    "core.cli.export_cmd",
)


def build_parser(prog: str = "main.py") -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
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


def run(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; user errors print their Chinese message and exit 2."""
    try:
        return int(args.func(args) or 0)
    except UserError as error:
        print(f"错误：{error}", file=sys.stderr)
        return error.exit_status
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
