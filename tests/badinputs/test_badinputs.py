"""Every generated bad input through the real import path: a clear message, the workspace unchanged, no crash.

For each case of tests/badinputs/generate.py, `main.main(["import", FILE, "--workspace", W])`
runs in-process (the CLI code path, parsing in the sandboxed child process) on a copy of
a workspace that already holds a document, a suggested revision and an annotation:

- "reject": exit status 2, stderr names the file in a Chinese message (with the
  expected fragment), no traceback; the parse raised a core.errors.UserError subclass;
  the content digest of the workspace is unchanged.
- "accept": exit status 0 and the document is in the workspace with its projects.
- "either": one of the two, each checked as above.

One test also runs the real `python main.py import` process over all files at once.
The slow cases (bombs, 1,000 pages, a parse that never ends) check the limits.
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import core.importing.sandbox as sandbox
import main
from core import names
from core.errors import Cancelled, ParseLimitError, UserError
from core.importing.registry import PDF_READER_ENV
from core.review import Location
from core.store import Workspace
from tests.badinputs.generate import SAMPLES, BadInput, all_cases, generate
from tests.faults.snapshot import content_digest, table_counts, text_contains
from tests.fixtures.progress import CancelAfter

ROOT = Path(__file__).resolve().parents[2]
SEED_DOCUMENT = SAMPLES / "2025_tangshan_duchashi_A.docx"
CJK = re.compile(r"[\u4e00-\u9fff]")
# FIFOs and devices run only in a capped process (tests/importing/test_source_file.py).
FAST = [c for c in all_cases(slow=False) if not c.special]
SLOW = [c for c in all_cases(slow=True) if c.slow]


@pytest.fixture(scope="session")
def bad_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("badinputs")
    generate(folder, slow=False)
    return folder


@pytest.fixture(scope="session")
def seed_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding one imported document with a reviewer's revision and annotation."""
    path = tmp_path_factory.mktemp("seed") / "seed.sqlite"
    with Workspace.open(path) as ws:
        [outcome] = ws.import_files([SEED_DOCUMENT])
        assert outcome.document_id is not None
        ws.set_revision(outcome.document_id, Location(project_seq=1, field="budget_total"), "12.00", author="审核人")
        ws.add_annotation(outcome.document_id, Location(project_seq=1, indicator=0), "请补充依据。", author="审核人")
    return path


@pytest.fixture
def workspace(seed_workspace: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws.sqlite"
    shutil.copyfile(seed_workspace, target)
    return target


@pytest.fixture
def parse_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """Records what the sandboxed parse raised (the real one runs), to check the exception types."""
    raised: list[BaseException] = []
    real = sandbox.DocumentReader.read

    def recording(self: sandbox.DocumentReader, path: Any, **kwargs: Any) -> Any:
        try:
            return real(self, path, **kwargs)
        except BaseException as error:
            raised.append(error)
            raise

    monkeypatch.setattr(sandbox.DocumentReader, "read", recording)
    yield raised


def import_cli(path: Path, workspace: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main.main(["import", str(path), "--workspace", str(workspace), "--json"])
    out, err = capsys.readouterr()
    return status, out, err


def check_rejected(spec: BadInput, status: int, out: str, err: str, raised: list[BaseException]) -> None:
    shown = names.shown(Path(spec.file).name)  # as messages print it: repaired bytes, escaped newlines
    assert status == 2, (spec.case, out, err)
    assert "Traceback" not in out + err
    [line] = [ln for ln in err.splitlines() if ln.startswith("错误：")]
    assert shown in line and CJK.search(line.replace(shown, "")), line
    assert spec.message in line, (spec.case, line)
    # Files that were read at all were parsed in the sandbox. A read-ahead reader stopped
    # because the writer rejected the file first (a folder, a missing file) says Cancelled.
    raised = [e for e in raised if not isinstance(e, Cancelled)]
    if raised:
        assert all(isinstance(e, UserError) for e in raised), raised
    [outcome] = json.loads(out)["outcomes"]
    assert outcome["status"] == "failed" and outcome["message"] in line


def check_accepted(spec: BadInput, status: int, out: str, workspace: Path) -> None:
    assert status == 0, (spec.case, out)
    [outcome] = json.loads(out)["outcomes"]
    assert outcome["status"] == "imported" and outcome["file"] == names.shown(Path(spec.file).name)
    with Workspace.open(workspace, readonly=True) as ws:
        document = ws.load_document(outcome["document_id"])
        assert document.projects and all(p.indicators for p in document.projects)
    if len(spec.secret) >= 4:
        assert not text_contains(workspace, spec.secret), "an external entity's content reached the workspace"


@pytest.mark.parametrize("spec", FAST, ids=[c.case for c in FAST])
def test_bad_input_is_reported_and_the_workspace_kept(spec: BadInput, bad_dir: Path, workspace: Path,
                                                        parse_errors: list[BaseException],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    before = content_digest(workspace)
    status, out, err = import_cli(bad_dir / spec.file, workspace, capsys)
    if spec.expect == "reject" or (spec.expect == "either" and status != 0):
        check_rejected(spec, status, out, err, parse_errors)
        assert content_digest(workspace) == before, "a rejected file changed the workspace"
    else:
        check_accepted(spec, status, out, workspace)
    with Workspace.open(workspace) as ws:  # the seed document and the reviewer's work are still there
        seed = [d for d in ws.documents() if d.source_name == SEED_DOCUMENT.name]
        assert len(seed) == 1 and ws.revisions(seed[0].id) and ws.annotations(seed[0].id)


def test_generator_covers_the_brief() -> None:
    cases = all_cases(slow=True)
    assert len(cases) >= 50
    assert {c.file.rsplit(".", 1)[-1].lower() for c in cases} >= {"pdf", "docx"}
    categories = {c.category for c in cases}
    assert categories >= {"empty", "truncated", "corrupt", "extension", "encrypted", "scanned", "structure", "bomb",
                          "xml", "limits", "encoding", "other-kind"}
    assert len({c.file for c in cases}) == len(cases) and len({c.case for c in cases}) == len(cases)


@pytest.mark.slow
def test_the_real_command_over_every_file_at_once(bad_dir: Path, tmp_path: Path, seed_workspace: Path) -> None:
    """One `python main.py import` process, every generated file: it finishes, names each failure."""
    workspace = tmp_path / "ws.sqlite"
    shutil.copyfile(seed_workspace, workspace)
    files = [bad_dir / c.file for c in FAST]
    done = subprocess.run([sys.executable, "main.py", "import", *map(str, files), "--workspace", str(workspace),
                           "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    outcomes = {o["file"]: o for o in json.loads(done.stdout)["outcomes"]}
    assert len(outcomes) == len(FAST)
    for spec in FAST:
        outcome = outcomes[names.shown(Path(spec.file).name)]
        if spec.expect == "reject":
            assert outcome["status"] == "failed", spec.case
            assert f"错误：{outcome['message']}" in done.stderr and names.shown(spec.file) in outcome["message"]
        elif spec.expect == "accept":
            # The same document in several wrappers: the first lands, the others are new versions of it.
            assert outcome["status"] in ("imported", "new_version", "duplicate"), spec.case
    counts = table_counts(workspace)
    assert counts["documents"] == 1 + sum(o["status"] in ("imported", "new_version") for o in outcomes.values())


def _slow_spec(case_id: str) -> BadInput:
    return next(c for c in SLOW if c.case == case_id)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_slow(case_id: str, tmp_path: Path, workspace: Path, capsys: pytest.CaptureFixture[str],
              parse_errors: list[BaseException]) -> tuple[BadInput, int, str, str]:
    spec = _slow_spec(case_id)
    generate(tmp_path / "files", slow=True, only={case_id})
    peak = _peak_rss_mb()
    status, out, err = import_cli(tmp_path / "files" / spec.file, workspace, capsys)
    # The parse ran in the child: this process never held the inflated data.
    assert _peak_rss_mb() - peak < 400
    return spec, status, out, err


@pytest.mark.slow
@pytest.mark.parametrize("case_id", ["docx_zip_bomb", "pdf_flate_bomb"])
def test_bombs_are_stopped(case_id: str, tmp_path: Path, workspace: Path, capsys: pytest.CaptureFixture[str],
                           parse_errors: list[BaseException]) -> None:
    before = content_digest(workspace)
    spec, status, out, err = _run_slow(case_id, tmp_path, workspace, capsys, parse_errors)
    check_rejected(spec, status, out, err, parse_errors)
    assert content_digest(workspace) == before


@pytest.mark.slow
def test_a_parse_that_does_not_end_is_stopped_at_the_time_limit(
        tmp_path: Path, workspace: Path, capsys: pytest.CaptureFixture[str], parse_errors: list[BaseException],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "DEFAULT_LIMITS", sandbox.ParseLimits(timeout_s=8))
    # PDFium reads these 3 million text operators in a second; pdfminer, the fallback path,
    # does not end, and that is the path whose time limit this proves.
    monkeypatch.setenv(PDF_READER_ENV, "pdfplumber")
    before = content_digest(workspace)
    spec, status, out, err = _run_slow("pdf_hang_text_ops", tmp_path, workspace, capsys, parse_errors)
    check_rejected(spec, status, out, err, parse_errors)
    assert isinstance(parse_errors[0], ParseLimitError) and "秒" in str(parse_errors[0])
    assert content_digest(workspace) == before


@pytest.mark.slow
def test_a_thousand_pages_are_read_within_the_limits(tmp_path: Path, workspace: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     parse_errors: list[BaseException]) -> None:
    before = content_digest(workspace)
    spec, status, out, err = _run_slow("pdf_1000_pages", tmp_path, workspace, capsys, parse_errors)
    # Read to the end (not stopped by a limit), then found to hold no performance tables.
    check_rejected(spec, status, out, err, parse_errors)
    assert "绩效目标表" in err and not isinstance(parse_errors[0], ParseLimitError)
    assert content_digest(workspace) == before




def test_cancel_stops_a_parse_that_does_not_end(tmp_path: Path, workspace: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PDF_READER_ENV, "pdfplumber")  # the path on which this file does not end
    [spec] = generate(tmp_path / "files", slow=True, only={"pdf_hang_text_ops"})
    before = content_digest(workspace)
    started = time.monotonic()
    with Workspace.open(workspace) as ws, pytest.raises(Cancelled):
        ws.import_files([tmp_path / "files" / spec.file], CancelAfter(0.5))
    assert time.monotonic() - started < 10  # not the 120 s time limit
    assert content_digest(workspace) == before
