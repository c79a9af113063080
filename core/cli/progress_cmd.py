"""`progress [--department CODE [--region NAME]] [--year Y] [--settings FILE] [--json] [--xlsx OUT]
[--workspace PATH]`: how far the review is, per department and per project.

Open, accepted and dismissed findings and the grade (the reviewer's, and the program's
proposal) of the current documents (core/store/review_progress.py); `--xlsx` writes the
overview and the findings list as one workbook, `--json` prints the overview for scripts.
The proposal is graded with the review settings `--settings` gives, the file `check --settings`
reads (criterion points, deductions), so it is the grade `check` gives with that file.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from core.cli.import_cmd import add_workspace_option
from core.names import shown

if TYPE_CHECKING:  # the workspace (SQLAlchemy) is loaded by run(), not when --help is built
    from core.store.review_progress import ReviewProgress


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("progress", help="审核进度：各部门、各项目的待处理/已采纳/已驳回发现数和评定等次 "
                                             "(review progress)")
    parser.add_argument("--department", metavar="CODE", help="department code (default: every department)")
    parser.add_argument("--region", metavar="NAME", help="region, when the code exists in several")
    parser.add_argument("--year", type=int, help="only this year's documents")
    parser.add_argument("--settings", metavar="FILE",
                        help="review settings as JSON, as `check --settings` reads them (the proposed grades)")
    parser.add_argument("--json", action="store_true", help="print the overview as JSON")
    parser.add_argument("--xlsx", metavar="OUT", help="also write the overview and the findings list to this .xlsx")
    add_workspace_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Loaded here, not at import: building the command line must not load SQLAlchemy or openpyxl.
    from core.atomic_write import check_outputs
    from core.cli.check_cmd import load_settings
    from core.store.department_lookup import departments_by_code
    from core.store.review_progress import progress_findings, review_progress, write_progress_xlsx
    from core.store.workspace import Workspace, workspace_file

    settings = load_settings(args.settings)
    if args.xlsx:
        # Before the workspace is opened: an --xlsx that is the workspace must find it untouched.
        check_outputs([("导出", args.xlsx)], workspace=workspace_file(args.workspace))
    with Workspace.open(args.workspace, readonly=True) as ws:
        department_ids: list[int] | None = None
        if args.department:  # a code in several regions, without --region: all of them
            department_ids = [d.id for d in departments_by_code(ws, args.department, args.region)]
        progress = review_progress(ws, department_ids, args.year, settings=settings)
        written = None
        if args.xlsx:
            findings = progress_findings(ws, department_ids, args.year)
            written = write_progress_xlsx(progress, findings, args.xlsx, workspace=ws.path)
    if args.json:
        print(json.dumps(progress.to_dict(), ensure_ascii=False, indent=1))
    else:
        _print(progress)
    if written is not None:
        print(f"已导出：{shown(written)}", file=sys.stderr if args.json else sys.stdout)
    return 0


def _print(progress: ReviewProgress) -> None:
    from core.store.review_progress import band_text, grade_text

    if not progress.departments:
        print("没有符合条件的部门。")
        return
    grouped = progress.projects_by_department()
    for department in progress.departments:
        print(department.summary())
        for p in grouped.get(department.department_id, []):
            proposed = band_text(p.proposed_band)
            if p.proposed_total is not None:
                proposed += f" {p.proposed_total:g}"
            seq = f"{p.seq}." if p.seq is not None else "-"
            print(f"  {p.year or '':>4} {seq:>4} {p.name}｜待处理 {p.counts.open}，已采纳 {p.counts.accepted}，"
                  f"已驳回 {p.counts.dismissed}｜审核人评定 {grade_text(p)}｜程序建议 {proposed or '—'}")
