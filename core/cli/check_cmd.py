"""`check [FILE...] [--workspace PATH] [--region NAME] [--department CODE] [--year Y] [--settings FILE] [--json]
[--jobs N]`: run the review checks.

With FILE arguments the files are read and checked directly (nothing is stored);
two files of the same department and consecutive years are compared (group F).
Without files, the current documents of the workspace are checked (those of a
region, a department, a year when asked; all of them otherwise), the findings
saved (the reviewer's decisions on findings that still apply are kept) and the
projects graded. Each document's findings print as soon as its batch is stored,
as a table (rule, severity, project, place, quote, message) or, with --json, as
data for scripts; progress with the time left goes to stderr. Ctrl+C stops after
the document under way (the batches already stored stay). `--jobs N` checks the
workspace's documents in N worker processes (default: one per core; 1 checks them in
this process) while this process alone stores them, in order. Exit status 0.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from core.cli import error_line
from core.errors import DocumentError, UserError

if TYPE_CHECKING:  # the checks are loaded when the command runs, not when --help is built
    from core.checks.settings import CheckSettings
    from core.checks.workspace_run import DocumentCheck
    from core.model import Document
    from core.store.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("check", help="自动审核：运行审核规则 (run the review checks)",
                            description="按审核要点检查预算绩效文件，列出每条审核发现。")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help=".docx/.pdf/.xlsx files to check directly (without them: the workspace's documents)")
    parser.add_argument("--workspace", metavar="PATH",
                        help="workspace file or database URL (default: the user's data folder)")
    parser.add_argument("--region", metavar="NAME", help="only this region's departments (地区名称, e.g. 唐山市)")
    parser.add_argument("--department", metavar="CODE", help="only this department (部门/单位编码, e.g. 115001)")
    parser.add_argument("--year", metavar="Y", type=int, help="only the documents of this year (e.g. 2025), in the workspace or among FILEs")
    parser.add_argument("--settings", metavar="FILE", help="review settings as JSON (thresholds, word lists)")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="workspace documents checked at once, each in its own process, while this one stores "
                             "the results in order (default 0: one per CPU core; 1: all in this process)")
    parser.set_defaults(func=run)


def load_settings(path: str | None) -> CheckSettings | None:
    if path is None:
        return None
    from core.checks.settings import CheckSettings
    from core.cli.settings_file import read_settings_file

    data = read_settings_file(path)
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
                                     findings=findings,
                                     grades=grade_document(findings, seqs, settings), project_names=seqs))
    return results, errors


def scope_document_ids(ws: Workspace, region: str | None, department: str | None, year: int | None) -> list[int]:
    """The current documents in scope (all of them without region, department and year);
    UserError, in Chinese, when a region, department or year names nothing. A region is
    found as core.store.department_lookup finds it (its name, or a part only it has); a
    code in several regions, without a region, takes the departments of all of them."""
    if region is None and department is None:
        infos = ws.documents(current_only=True)
    else:
        from core.store.department_lookup import departments_by_code, find_region

        if department is not None:
            department_ids = [d.id for d in departments_by_code(ws, department, region)]
        else:
            assert region is not None
            department_ids = [d.id for d in ws.departments(find_region(ws, region).id)]
        infos = [i for d in department_ids for i in ws.documents(d, current_only=True)]
    if year is not None:
        infos = [i for i in infos if i.year == year]
        if not infos:
            where = "、".join(part for part in (f"地区“{region}”" if region is not None else "",
                                                f"部门 {department}" if department is not None else "") if part)
            raise UserError(f"工作区 {ws.label} 中{where or ''}没有 {year} 年的当前文档。")
    return [i.id for i in infos]


def check_workspace(ws: Workspace, settings: CheckSettings | None, department: str | None,
                    region: str | None = None, year: int | None = None, jobs: int = 1) -> Iterator[DocumentCheck]:
    """Check the documents in scope, yielding each result once its batch is stored (at most
    a batch of documents in memory). The scope is resolved (and refused) before this returns;
    Ctrl+C while iterating asks the run to stop: Cancelled at the next document. `jobs`: worker
    processes (0: one per core)."""
    from core.checks.workspace_run import iter_workspace_checks

    ids = scope_document_ids(ws, region, department, year)
    progress = _StderrProgress()

    def results() -> Iterator[DocumentCheck]:
        with progress.catching_interrupt():
            yield from iter_workspace_checks(ws, ids, settings, progress, jobs)

    return results()


class _StderrProgress:
    """`[done/total] 检查 NAME（剩余约 N 秒）` on stderr; Ctrl+C sets the cancel flag."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream
        self._started = time.monotonic()
        self._interrupted = False

    def report(self, done: int, total: int, label: str) -> None:
        if not label:
            return
        line = f"[{done + 1}/{total}] 检查 {label}"
        if done > 0:
            left = (time.monotonic() - self._started) / done * (total - done)
            line += f"（剩余约 {max(1, round(left))} 秒）"
        print(line, file=self._stream or sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return self._interrupted

    def catching_interrupt(self) -> _Interrupt:
        return _Interrupt(self)

    def interrupt(self) -> None:
        self._interrupted = True


class _Interrupt:
    """While inside: the first Ctrl+C asks the run to stop after the document under way
    (so a batch is never cut mid-write); a second one interrupts at once."""

    def __init__(self, progress: _StderrProgress) -> None:
        self._progress = progress
        self._previous: Any = None
        self._installed = False

    def __enter__(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self._progress.interrupt()
        signal.signal(signal.SIGINT, self._previous)

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.settings)
    errors: list[str] = []
    if args.files:
        if args.region is not None:
            raise UserError("--region 只用于工作区中的文档；直接检查文件时请用 --department。")
        results, errors = check_files(args.files, settings, args.department)
        if args.year is not None:
            results = [r for r in results if r.year == args.year]
        _print(results, errors, as_json=args.json)
    else:
        from core.store.workspace import Workspace

        with Workspace.open(args.workspace, create=False) as ws:
            _print(check_workspace(ws, settings, args.department, args.region, args.year, args.jobs), errors,
                   as_json=args.json)
    for error in errors:
        print(error_line(error), file=sys.stderr)
    return 2 if errors else 0


def _print(results: Iterable[DocumentCheck], errors: list[str], *, as_json: bool) -> None:
    if as_json:
        write_json(results, errors, sys.stdout)
    else:
        for result in results:
            print_table(result)


def write_json(results: Iterable[DocumentCheck], errors: list[str], out: TextIO) -> None:
    """`{"documents": [...], "errors": [...]}` exactly as json.dump(indent=1) writes it, each
    document written as soon as it comes (nothing of the earlier ones kept)."""
    out.write('{\n "documents": [')
    first = True
    for result in results:
        out.write(("\n" if first else ",\n") + "  " + _nested_json(document_json(result), "  "))
        out.flush()
        first = False
    out.write("]" if first else "\n ]")
    out.write(',\n "errors": ' + _nested_json(errors, " ") + "\n}\n")


def _nested_json(value: Any, indent: str) -> str:
    """`value` as json.dumps(indent=1) writes it inside a value already `indent` deep: its
    lines after the first start with `indent` (JSON text holds no newline of its own: a
    newline in a string is written as \\n)."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + indent)


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
