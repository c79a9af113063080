"""`memo`: export the review memo (审核意见) of a department's document to PDF (and DOCX).

    python main.py memo --department CODE [--year Y] [--region NAME] --out FILE.pdf [--docx FILE.docx]
                        [--workspace PATH] [--reviewer NAME] [--organisation ORG] [--date YYYY-MM-DD]
                        [--conclusion TEXT] [--settings FILE] [--number N] [--no-comparison] [--json]
    python main.py memo FILE.docx|FILE.pdf --out FILE.pdf [--docx FILE.docx] ...

The first form reads the workspace: the department's current document, the
reviewer's accepted findings, annotations, revisions and grades, and last year's
comparison when that year is stored. The second reads and checks a file on the
spot (a draft: every finding of the checks is listed). `--json` prints the paths,
page count and any character no bundled font could draw.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from core.names import shown

if TYPE_CHECKING:  # the memo is built when the command runs, not when --help is built
    from core.memo.blocks import Memo
    from core.memo.content import Reviewer
    from core.memo.letterhead import Letterhead


class _StderrProgress:
    """Progress lines on stderr, so --json output on stdout stays clean."""

    def report(self, done: int, total: int, label: str) -> None:
        if label and total:
            print(f"[{min(done + 1, total)}/{total}] {label}", file=sys.stderr)

    def cancelled(self) -> bool:
        return False


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("memo", help="导出审核意见 PDF/DOCX (export the review memo)",
                            description="导出部门预算绩效目标审核意见（PDF，可另存 DOCX）。")
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help="a .docx/.pdf to read and check directly (instead of --department)")
    parser.add_argument("--department", metavar="CODE", help="department code in the workspace (e.g. 113)")
    parser.add_argument("--year", type=int, help="budget year (default: the department's latest)")
    parser.add_argument("--region", metavar="NAME", help="region, when the department code exists in several")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    parser.add_argument("--docx", metavar="FILE.docx", help="also write the memo as DOCX")
    parser.add_argument("--workspace", metavar="PATH",
                        help="workspace file or database URL (default: the user's data folder)")
    parser.add_argument("--reviewer", default="", help="审核人 (the reviewer's name)")
    parser.add_argument("--organisation", default="", help="审核单位 (the reviewing organisation)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None, help="date on the memo (default today)")
    parser.add_argument("--conclusion", default="", help="the reviewer's closing remarks added to 有关要求")
    parser.add_argument("--settings", metavar="FILE",
                        help="the bureau's letterhead as JSON (发文机关, 文号 pattern, 主送机关, 签发人, "
                             "联系人, local rules; see core/memo/letterhead.py); may be the check settings file")
    parser.add_argument("--number", type=int, metavar="N", help="the 文号's serial ({serial} in the pattern)")
    parser.add_argument("--no-comparison", action="store_true", help="leave out 年度对比")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def _memo(args: argparse.Namespace, reviewer: Reviewer, progress: _StderrProgress) -> tuple[Memo, str]:
    from core.memo.source import find_department_document, memo_from_file, memo_from_workspace

    if args.file:
        memo, count = memo_from_file(args.file, reviewer, conclusion=args.conclusion, progress=progress)
        return memo, f"直接读取 {shown(Path(args.file).name)}：程序发现的 {count} 个问题全部列入（未经审核人确认）"
    if not args.department:
        raise UserError("请用 --department 指明部门代码，或给出要审核的文件。")
    from core.store.workspace import Workspace

    with Workspace.open(args.workspace, create=False, readonly=True) as ws:
        document_id = find_department_document(ws, args.department, args.year, args.region)
        memo = memo_from_workspace(ws, document_id, reviewer, conclusion=args.conclusion,
                                   with_comparison=not args.no_comparison, progress=progress)
        return memo, f"工作区 {ws.label}，文档 {document_id}"


def _letterhead(path: str | None) -> Letterhead:
    from core.memo.letterhead import Letterhead

    if not path:
        return Letterhead()
    from core.cli.settings_file import read_settings_file

    data = read_settings_file(path)
    try:
        return Letterhead.from_dict(data)
    except ValueError as error:
        raise UserError(f"设置文件 {shown(path)}：{error}") from error


def _writable(path: Path, what: str) -> None:
    if not path.parent.is_dir():
        raise UserError(f"{what}的保存位置不存在：{path.parent}")


def _check_outputs(out: Path, docx_path: Path | None, args: argparse.Namespace) -> None:
    """Refuse, before anything is read, outputs that are the workspace, the input or each other."""
    from core.atomic_write import check_outputs
    from core.store.workspace import workspace_file

    outputs = [("PDF", out)] + ([("DOCX", docx_path)] if docx_path is not None else [])
    check_outputs(outputs, inputs=[args.file] if args.file else [], workspace=workspace_file(args.workspace))


def run(args: argparse.Namespace) -> int:
    from core.memo.content import Reviewer
    from core.memo.pdf import render_pdf

    out = Path(args.out)
    docx_path = Path(args.docx) if args.docx else None
    _check_outputs(out, docx_path, args)
    _writable(out, "PDF")
    if docx_path is not None:
        _writable(docx_path, "DOCX")
    reviewer = Reviewer(name=args.reviewer, organisation=args.organisation, date=args.date or dt.date.today(),
                        letterhead=_letterhead(args.settings), serial=args.number)
    progress = _StderrProgress()
    memo, source = _memo(args, reviewer, progress)
    try:
        report = render_pdf(memo, out, progress=progress)
        if docx_path is not None:
            from core.memo.docx import render_docx

            render_docx(memo, docx_path, progress=progress)
    except PermissionError as error:
        raise UserError(f"无法写入 {error.filename or out}：文件可能正在被其他程序打开，或没有写入权限。") from error
    result = {"pdf": str(report.path), "docx": str(docx_path) if docx_path else None, "pages": report.pages,
              "projects": len(memo.project_names), "title": memo.metadata.title,
              "missing_chars": report.missing_chars, "source": source}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        # shown(): paths as one printable line each, whatever their names hold.
        print(f"已导出审核意见：{shown(report.path)}（{report.pages} 页，{len(memo.project_names)} 个项目）")
        if docx_path is not None:
            print(f"已导出 DOCX：{shown(docx_path)}")
        print(f"来源：{source}")
        if report.missing_chars:
            print(f"注意：字体缺少以下字符，已用 〓 标出：{''.join(report.missing_chars)}", file=sys.stderr)
    return 0
