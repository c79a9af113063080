"""`search TEXT [--workspace PATH] [--limit N] [--json]`: find projects and indicators containing TEXT."""

from __future__ import annotations

import argparse
import dataclasses
import json

from core.cli.import_cmd import add_workspace_option
from core.names import from_os

_FIELD_ZH = {"name": "项目名称", "goal": "绩效目标", "level3": "三级指标", "description": "指标描述",
             "value": "指标值"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("search", help="全文检索项目和绩效指标 (full-text search)")
    parser.add_argument("text", metavar="TEXT")
    add_workspace_option(parser)
    parser.add_argument("--limit", type=int, default=50, help="at most this many hits (default 50)")
    parser.add_argument("--all-versions", action="store_true", help="also search replaced document versions")
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from core.store.workspace import Workspace  # here, not at import: `--help` loads no SQLAlchemy

    # Typed in a GBK terminal (or pasted from a non-UTF-8 file name), the words arrive as
    # undecodable bytes, which SQLite refuses: they are read as GB18030 where they can be.
    text = from_os(args.text)
    with Workspace.open(args.workspace, readonly=True) as ws:
        hits = ws.search(text, args.limit, current_only=not args.all_versions)
    if args.json:
        print(json.dumps([dataclasses.asdict(h) for h in hits], ensure_ascii=False, indent=1))
        return 0
    for h in hits:
        print(f"{h.year or '':>4} {h.department}｜{h.project_name}｜{_FIELD_ZH.get(h.field, h.field)}：{h.text}"
              f"  [project {h.project_id}{'' if h.indicator_id is None else f', indicator {h.indicator_id}'}]")
    print(f"共 {len(hits)} 条" + ("（已达上限）" if len(hits) >= args.limit else ""))
    return 0
