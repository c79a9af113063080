"""`import FILE... [--workspace PATH] [--json] [--jobs N]`: read documents into the workspace, one transaction each.

Files are read in `--jobs` sandboxed child processes at once (core.importing.read_ahead)
while the workspace, the one writer, stores them file by file in the order given.

A file that cannot be read is reported (Chinese message naming it) and the others
are still imported; the exit status is then 2. Every imported file gets a one-line
summary of what was read (projects, indicator rows, fields) and a warning naming the
page/table wherever content was probably lost; `--strict` makes such warnings exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from core.cli import error_line
from core.names import shown

if TYPE_CHECKING:
    from core.store.records import ImportOutcome

# The workspace (SQLAlchemy, Alembic, the importers) is loaded by run(), not when the
# command line is built: `main.py --help` must stay quick (tests/test_lazy_imports.py).


def add_workspace_option(parser: argparse.ArgumentParser) -> None:
    """The `--workspace PATH` option every workspace subcommand shares."""
    parser.add_argument("--workspace", metavar="PATH",
                        help="workspace file or database URL (default: the user's data folder)")


class StderrProgress:
    """Progress lines on stderr, so --json output on stdout stays clean."""

    def report(self, done: int, total: int, label: str) -> None:
        if label:
            print(f"[{done + 1}/{total}] {label}", file=sys.stderr)

    def cancelled(self) -> bool:
        return False


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("import", help="导入文档到工作区 (import documents into the workspace)")
    parser.add_argument("files", nargs="+", metavar="FILE", help=".docx, .pdf or .xlsx documents")
    add_workspace_option(parser)
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    parser.add_argument("--strict", action="store_true",
                        help="exit 2 when a file imported with warnings (content probably lost)")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="files read at once, each in its own process, while the workspace stores them "
                             "one by one in the order given (default 0: one per CPU core)")
    parser.set_defaults(func=run)


def print_report(file_name: str, outcome: ImportOutcome) -> bool:
    """The summary line and warnings of one import on stdout/stderr; True when serious."""
    from core.import_report import describe_warning, summary_line

    report = outcome.report
    if report is None:
        return False
    print(f"    {summary_line(report, file_name)}")
    for warning in report.warnings:
        print(f"警告：{describe_warning(warning, file_name)}", file=sys.stderr)
    return bool(report.serious_warnings)


def run(args: argparse.Namespace) -> int:
    from core.importing.read_ahead import ReadAhead
    from core.jobs import job_count
    from core.store.known_files import known_file_check

    progress = StderrProgress()
    jobs = job_count(args.jobs, len(args.files))
    # The readers start before the store is even loaded (SQLAlchemy, Alembic: ~0.4 s) and
    # the workspace opened: reading is the long part.
    # Files the workspace holds already are passed over from the start (sqlite3 alone)
    known = known_file_check(args.workspace)
    with ReadAhead(args.files, jobs, progress=progress, known=known) as ahead:
        from core.store.workspace import Workspace

        with Workspace.open(args.workspace) as ws:
            ahead.skip_known(ws.holds_file)  # a folder imported again: only new files are parsed
            outcomes = ws.import_files(args.files, progress, reader=ahead.read)
            where = ws.label
    from core.import_report import describe_warning
    from core.store.records import ImportStatus

    status_zh = {ImportStatus.IMPORTED: "已导入", ImportStatus.NEW_VERSION: "已导入（新版本）",
                 ImportStatus.DUPLICATE: "已存在", ImportStatus.FAILED: "失败"}
    if args.json:
        print(json.dumps({"workspace": where, "outcomes": [o.to_dict() for o in outcomes]},
                         ensure_ascii=False, indent=1))
    else:
        for o in outcomes:
            line = f"{status_zh[o.status]}：{o.file_name}"
            if o.status is ImportStatus.NEW_VERSION:
                line += (f"（替换文档 {o.replaced_document_id}；带过修改建议 {o.carried_revisions} 条、"
                         f"批注 {o.carried_annotations} 条）")
            print(line)
            print_report(o.file_name, o)
            for u in o.uncarried:
                print(f"    未能带到新版本的{'修改建议' if u.kind == 'revision' else '批注'}：{u.location} "
                      f"“{u.text}”——{u.reason}")
        print(f"工作区：{shown(where)}")
    failed = [o for o in outcomes if o.status is ImportStatus.FAILED]
    for o in failed:
        print(error_line(o.message or ""), file=sys.stderr)
    warned = [o for o in outcomes if o.report is not None and o.report.serious_warnings]
    if args.json:
        for o in warned:
            for warning in o.report.serious_warnings if o.report else []:
                print(f"警告：{describe_warning(warning, o.file_name)}", file=sys.stderr)
    return 2 if failed or (args.strict and warned) else 0
