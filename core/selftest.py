"""`main.py --self-test`: prove that an installed copy of the program works, offline.

Runs the main flows on the sample documents the program ships (resources/samples,
under ``sys._MEIPASS`` in a bundle), all inside a temporary folder that is removed
afterwards, never touching the reviewer's own workspace:

1. read a bundled .docx and a bundled .pdf (both readers, the recogniser);
2. import them into a new workspace (schema created by the shipped Alembic migrations);
3. run the review checks on the imported documents, store findings and grades, and
   accept the findings as a reviewer would;
4. write the review memo of one of them as PDF, read its text back, draw its preview;
5. open the main window offscreen on that workspace and close it (a child process
   running this program's `gui --screenshot`, so core/ never loads Qt itself).

Each step prints one line, ``[通过]`` (passed) or ``[失败]`` (failed) with the reason.
A step whose module is missing from this build fails; it is never skipped. The exit
status is 0 only when every step passed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

WINDOW_TIMEOUT_SECONDS = 180


class StepFailed(Exception):
    """A step ran but its result is wrong (the message says what)."""


def source_root() -> Path:
    """The bundle's contents folder, or the repository root when run from source."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parent.parent


def program_command() -> list[str]:
    """How to start this same program again: the bundle's executable, or python main.py."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, str(source_root() / "main.py")]


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise StepFailed(f"模块 {name} 不在此版本中（{error}）") from error


def _attribute(module_name: str, name: str) -> Any:
    value = getattr(_module(module_name), name, None)
    if value is None:
        raise StepFailed(f"此版本缺少 {module_name}.{name}")
    return value


def _function(module_name: str, name: str) -> Callable[..., Any]:
    function: Callable[..., Any] = _attribute(module_name, name)
    return function


@dataclass
class SelfTest:
    """The state the steps hand on to each other."""

    folder: Path
    out: TextIO
    samples: list[Path] = field(default_factory=list)
    documents: dict[str, Any] = field(default_factory=dict)  # file name -> core.model.Document
    document_ids: list[int] = field(default_factory=list)
    findings: dict[int, list[Any]] = field(default_factory=dict)  # document id -> findings
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def workspace_path(self) -> Path:
        return self.folder / "selftest-workspace.sqlite"

    # ---- the steps --------------------------------------------------------------------

    def read_samples(self) -> str:
        folder = source_root() / "resources" / "samples"
        docx = sorted(folder.glob("*.docx"))
        pdf = sorted(folder.glob("*.pdf"))
        if not docx or not pdf:
            raise StepFailed(f"{folder} 中没有样例 .docx 和 .pdf")
        # Two different documents, so the workspace holds two departments.
        other = [p for p in pdf if p.stem != docx[0].stem] or pdf
        self.samples = [docx[0], other[0]]
        read_document = _function("core.importing", "read_document")
        parts = []
        for path in self.samples:
            document = read_document(path)
            if not document.projects:
                raise StepFailed(f"{path.name}：没有识别出任何项目")
            indicators = sum(len(project.indicators) for project in document.projects)
            if not indicators:
                raise StepFailed(f"{path.name}：没有识别出任何绩效指标")
            self.documents[path.name] = document
            parts.append(f"{path.name} {len(document.projects)} 个项目 {indicators} 个指标")
        return "；".join(parts)

    def import_samples(self) -> str:
        workspace_class = _attribute("core.store.workspace", "Workspace")
        migrate = _module("core.store.migrate")
        with workspace_class.open(self.workspace_path) as workspace:
            outcomes = workspace.import_files(self.samples)
            for outcome in outcomes:
                if outcome.document_id is None:
                    raise StepFailed(f"{outcome.file_name}：{outcome.status.value} {outcome.message}")
                self.document_ids.append(outcome.document_id)
            revision = workspace.schema_revision
            if revision != migrate.head_revision():
                raise StepFailed(f"工作区结构版本 {revision}，应为 {migrate.head_revision()}")
            for document_id, path in zip(self.document_ids, self.samples, strict=True):
                stored = workspace.load_document(document_id)
                if len(stored.projects) != len(self.documents[path.name].projects):
                    raise StepFailed(f"{path.name}：工作区中的项目数与读取结果不一致")
        return f"{len(outcomes)} 个文件导入新工作区（结构版本 {revision}）"

    def run_checks(self) -> str:
        check_documents = _function("core.checks.workspace_run", "check_workspace_documents")
        workspace_class = _attribute("core.store.workspace", "Workspace")
        review = _module("core.review")
        with workspace_class.open(self.workspace_path) as workspace:
            results = check_documents(workspace, self.document_ids)
            # The memo shows accepted findings only: accept them all, as a reviewer would.
            for document_id in self.document_ids:
                for stored in workspace.findings(document_id):
                    workspace.set_finding_state(stored.id, review.FindingState.ACCEPTED)
                accepted = workspace.findings(document_id, state=review.FindingState.ACCEPTED)
                self.findings[document_id] = [entry.finding for entry in accepted]
        counts = [len(result.findings) for result in results]
        if counts != [len(self.findings[d]) for d in self.document_ids]:
            raise StepFailed(f"保存的审核发现数与检查结果不一致：{counts}")
        grades = sum(len(result.grades) for result in results)
        return f"{sum(counts)} 条审核发现（" + "、".join(map(str, counts)) + f"），{grades} 个项目评分已保存"

    def write_memo(self) -> str:
        content = _module("core.memo.content")
        memo_from_workspace = _function("core.memo.source", "memo_from_workspace")
        render_pdf = _function("core.memo.pdf", "render_pdf")
        page_png = _function("core.memo.preview", "page_png")
        workspace_class = _attribute("core.store.workspace", "Workspace")
        document_id = self.document_ids[0]
        reviewer = content.Reviewer(name="自检", organisation="自检", date=dt.date.today())
        with workspace_class.open(self.workspace_path, readonly=True) as workspace:
            document = workspace.load_document(document_id)
            memo = memo_from_workspace(workspace, document_id, reviewer)
        target = self.folder / "selftest-memo.pdf"
        report = render_pdf(memo, target)
        if not target.is_file() or target.read_bytes()[:5] != b"%PDF-":
            raise StepFailed(f"{target} 不是 PDF")
        text = _pdf_text(target).replace("\n", "")
        department = document.org.dept_name.strip()
        if department and department not in text:
            raise StepFailed(f"PDF 中读不出部门名称“{department}”（字体未嵌入？）")
        quoted = [f.message for f in self.findings[document_id] if f.message and len(f.message) <= 40]
        if quoted and quoted[0][:12] not in text:
            raise StepFailed(f"PDF 中没有已采纳的审核发现“{quoted[0]}”")
        missing = "".join(report.missing_chars)
        if missing:
            raise StepFailed(f"字体缺少字符：{missing}")
        preview = page_png(target, 1)
        if preview[:8] != b"\x89PNG\r\n\x1a\n":
            raise StepFailed("无法生成审核意见首页预览")
        return f"{report.pages} 页，{target.stat().st_size // 1024} KB，首页预览 {len(preview) // 1024} KB"

    def open_window(self) -> str:
        screenshot = self.folder / "selftest-window.png"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        command = [*program_command(), "gui", "--workspace", str(self.workspace_path), "--screenshot", str(screenshot)]
        try:
            done = subprocess.run(command, env=env, capture_output=True, text=True, errors="replace",
                                  timeout=WINDOW_TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as error:
            raise StepFailed(f"窗口在 {WINDOW_TIMEOUT_SECONDS} 秒内没有关闭") from error
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise StepFailed(f"退出状态 {done.returncode}：" + " | ".join(tail))
        if not screenshot.is_file() or screenshot.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            raise StepFailed("窗口没有保存截图")
        return f"主窗口已打开并关闭（截图 {screenshot.stat().st_size // 1024} KB）"

    # ---- running ----------------------------------------------------------------------

    def step(self, title: str, action: Callable[[], str], needs: list[str]) -> None:
        unmet = [n for n in needs if n not in self.passed]
        if unmet:
            self.failed.append(title)
            print(f"[失败] {title}：前一步未通过（{'、'.join(unmet)}）", file=self.out, flush=True)
            return
        started = time.perf_counter()
        try:
            detail = action()
        except StepFailed as error:
            self.failed.append(title)
            print(f"[失败] {title}：{error}", file=self.out, flush=True)
            return
        except Exception as error:  # the self-test reports every failure, whatever its kind
            self.failed.append(title)
            where = traceback.extract_tb(error.__traceback__)[-1]
            print(f"[失败] {title}：{type(error).__name__}: {error}"
                  f"（{Path(where.filename).name}:{where.lineno}）", file=self.out, flush=True)
            return
        self.passed.append(title)
        print(f"[通过] {title}：{detail}（{time.perf_counter() - started:.1f} 秒）", file=self.out, flush=True)


STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("读取样例文档 (read samples)", "read_samples", ()),
    ("导入工作区 (import)", "import_samples", ("读取样例文档 (read samples)",)),
    ("审核检查 (checks)", "run_checks", ("导入工作区 (import)",)),
    ("审核意见 PDF (memo)", "write_memo", ("审核检查 (checks)",)),
    # The window opens on the imported workspace, or on a new empty one if the import failed.
    ("主窗口 (window)", "open_window", ()),
)


def _pdf_text(path: Path) -> str:
    pdfplumber = _module("pdfplumber")
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step, print one line each and a summary; 0 only if all passed."""
    out = out or sys.stdout
    print(f"自检 (self-test)：{source_root()}", file=out, flush=True)
    with tempfile.TemporaryDirectory(prefix="jixiao-selftest-") as folder:
        test = SelfTest(folder=Path(folder), out=out)
        for title, method, needs in STEPS:
            test.step(title, getattr(test, method), list(needs))
    total = len(STEPS)
    if test.failed:
        print(f"自检未通过：{len(test.passed)}/{total} 步通过。", file=out, flush=True)
        return 1
    print(f"自检通过：{total}/{total} 步。", file=out, flush=True)
    return 0
