"""`check [FILE...] [--workspace PATH] [--department CODE] [--settings FILE] [--json]`: run the review checks.

With FILE arguments the files are read and checked directly (nothing is stored);
two files of the same department and consecutive years are compared (group F).
Without files, the current documents of the workspace are checked, the findings
saved (the reviewer's decisions on findings that still apply are kept) and the
projects graded. Findings print as a table (rule, severity, project, place,
quote, message) or, with --json, as data for scripts. Exit status 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.cli import error_line
from core.errors import DocumentError, UserError

if TYPE_CHECKING:  # the checks are loaded when the command runs, not when --help is built
    from core.checks.settings import CheckSettings
    from core.checks.workspace_run import DocumentCheck
    from core.model import Document


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("check", help="自动审核：运行审核规则 (run the review checks)",
                            description="按审核要点检查预算绩效文件，列出每条审核发现。")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help=".docx/.pdf/.xlsx files to check directly (without them: the workspace's documents)")
    parser.add_argument("--workspace", metavar="PATH",
                        help="workspace file or database URL (default: the user's data folder)")
    parser.add_argument("--department", metavar="CODE", help="only this department (部门/单位编码, e.g. 115001)")
    parser.add_argument("--settings", metavar="FILE", help="review settings as JSON (thresholds, word lists)")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.set_defaults(func=run)


def load_settings(path: str | None) -> CheckSettings | None:
    if path is None:
        return None
    from core.checks.settings import CheckSettings

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise UserError(f"无法读取审核设置文件 {path}：{error.strerror or error}") from error
    except ValueError as error:
        raise UserError(f"审核设置文件 {path} 不是有效的 JSON：{error}") from error
    if not isinstance(data, dict):
        raise UserError(f"审核设置文件 {path} 应是一个 JSON 对象。")
    try:
        return CheckSettings.from_dict(data)
    except ValueError as error:
        raise UserError(f"{path}：{error}") from error


def _belongs(document: Document, code: str) -> bool:
    return document.org.dept_code == code or any(p.dept_code == code for p in document.projects)


def check_files(paths: list[str], settings: CheckSettings | None, department: str | None
                ) -> tuple[list[DocumentCheck], list[str]]:
    """Read (in the sandbox) and check files; unreadable files are reported, the others still checked."""
    from core.checks.grading import grade_document
    from core.checks.registry import project_key, run_checks
    from core.checks.workspace_run import DocumentCheck
    from core.importing.registry import FILE_MAX_BYTES
    from core.importing.sandbox import DocumentReader
    from core.importing.source_file import check_source

    documents: list[Document] = []
    errors: list[str] = []
    with DocumentReader() as reader:
        for name in paths:
            path = Path(name)
            if not path.exists() and not path.is_symlink():
                errors.append(f"找不到文件：{name}")
                continue
            try:  # a folder, a FIFO, a device or too large: said as what it is
                check_source(path, FILE_MAX_BYTES)
            except DocumentError as error:
                errors.append(str(error))
                continue
            try:
                documents.append(reader.read(path))
            except DocumentError as error:
                errors.append(str(error))
    if department is not None:
        documents = [d for d in documents if _belongs(d, department)]
    results = []
    for document in documents:
        previous = next((d for d in documents if d.year is not None and document.year is not None
                         and d.year == document.year - 1 and d.org.dept_code == document.org.dept_code
                         and d.org.region_hint == document.org.region_hint), None)
        findings = run_checks(document, settings, previous)
        seqs = {project_key(p, i): p.display_name for i, p in enumerate(document.projects)}
        results.append(DocumentCheck(document_id=None, source_name=document.source_name, year=document.year,
                                     document=document, findings=findings,
                                     grades=grade_document(findings, seqs, settings), project_names=seqs))
    return results, errors


def check_workspace(target: str | None, settings: CheckSettings | None, department: str | None
                    ) -> list[DocumentCheck]:
    from core.checks.workspace_run import check_workspace_documents
    from core.store.workspace import Workspace

    with Workspace.open(target, create=False) as ws:
        if department is None:
            infos = ws.documents(current_only=True)
        else:
            departments = ws.find_departments(department)
            if not departments:
                raise UserError(f"工作区 {ws.label} 中没有编码为 {department} 的部门。")
            infos = [i for d in departments for i in ws.documents(d.id, current_only=True)]
        return check_workspace_documents(ws, [i.id for i in infos], settings, _StderrProgress())


class _StderrProgress:
    def report(self, done: int, total: int, label: str) -> None:
        if label:
            print(f"[{done + 1}/{total}] 检查 {label}", file=sys.stderr)

    def cancelled(self) -> bool:
        return False


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.settings)
    errors: list[str] = []
    if args.files:
        results, errors = check_files(args.files, settings, args.department)
    else:
        results = check_workspace(args.workspace, settings, args.department)
    if args.json:
        json.dump({"documents": [document_json(r) for r in results], "errors": errors}, sys.stdout,
                  ensure_ascii=False, indent=1)
        print()
    else:
        for result in results:
            print_table(result)
    for error in errors:
        print(error_line(error), file=sys.stderr)
    return 2 if errors else 0


def document_json(result: DocumentCheck) -> dict[str, Any]:
    from core.checks.describe import finding_to_dict

    return {
        "document_id": result.document_id, "source_name": result.source_name, "year": result.year,
        "previous_document_id": result.previous_document_id,
        "findings": [finding_to_dict(f, result.project_names.get(f.location.project_seq or -1))
                     for f in result.findings],
        "grades": {str(seq): {"total": g.total, "band": g.band.value, "result": g.result.value,
                              "overridden": g.overridden,
                              "scores": {c.value: s for c, s in g.scores.items()}}
                   for seq, g in result.grades.items()},
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """Cut to `width` display columns (CJK counts double) and pad."""
    text = " ".join(text.split())
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width:
            out = out[:-1] + "…" if out else out
            used = _width(out)
            break
        out, used = out + ch, used + w
    return out + " " * (width - used)


_STATE_ZH = {"open": "", "accepted": "（已采纳）", "dismissed": "（已忽略）"}


def print_table(result: DocumentCheck) -> None:
    from core.checks.describe import place_text

    header = f"{result.source_name}" + (f"（{result.year}年）" if result.year else "")
    print(f"== {header}：{len(result.findings)} 条审核发现")
    if result.findings:
        print(f"{_fit('规则', 5)} {_fit('严重', 4)} {_fit('项目', 24)} {_fit('位置', 22)} {_fit('原文', 24)} 说明")
    for f in result.findings:
        seq = f.location.project_seq
        project = "（部门）" if seq is None else f"{seq}.{result.project_names.get(seq, '')}"
        line = (f"{_fit(f.check_id, 5)} {_fit(f.severity.value, 4)} {_fit(project, 24)} "
                f"{_fit(place_text(f.location), 22)} {_fit(f.quote or '—', 24)} {f.message}")
        if f.suggestion:
            line += f" 建议：{f.suggestion}"
        print(line + _STATE_ZH.get(f.state.value, ""))
    if result.grades:
        grades = "；".join(f"{seq}. {g.total:g}分 {g.band.value} {g.result.value}" + ("（审核人评定）" if g.overridden else "")
                          for seq, g in sorted(result.grades.items()))
        print(f"评分：{grades}")
    print()
