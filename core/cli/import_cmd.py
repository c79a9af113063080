"""`import FILE... [--workspace PATH] [--json]`: read documents into the workspace, one transaction each.

A file that cannot be read is reported (Chinese message naming it) and the others
are still imported; the exit status is then 2.
"""

from __future__ import annotations

import argparse
import json
import sys

from core.store import ImportStatus, Workspace

_STATUS_ZH = {ImportStatus.IMPORTED: "已导入", ImportStatus.NEW_VERSION: "已导入（新版本）",
              ImportStatus.DUPLICATE: "已存在", ImportStatus.FAILED: "失败"}


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


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="导入文档到工作区 (import documents into the workspace)")
    parser.add_argument("files", nargs="+", metavar="FILE", help=".docx or .pdf documents")
    add_workspace_option(parser)
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        outcomes = ws.import_files(args.files, StderrProgress())
        where = ws.label
    if args.json:
        print(json.dumps({"workspace": where, "outcomes": [o.to_dict() for o in outcomes]},
                         ensure_ascii=False, indent=1))
    else:
        for o in outcomes:
            line = f"{_STATUS_ZH[o.status]}：{o.file_name}"
            if o.status is ImportStatus.NEW_VERSION:
                line += (f"（替换文档 {o.replaced_document_id}；带过修改建议 {o.carried_revisions} 条、"
                         f"批注 {o.carried_annotations} 条）")
            print(line)
            for u in o.uncarried:
                print(f"    未能带到新版本的{'修改建议' if u.kind == 'revision' else '批注'}：{u.location} "
                      f"“{u.text}”——{u.reason}")
        print(f"工作区：{where}")
    failed = [o for o in outcomes if o.status is ImportStatus.FAILED]
    for o in failed:
        print(f"错误：{o.message}", file=sys.stderr)
    return 2 if failed else 0
