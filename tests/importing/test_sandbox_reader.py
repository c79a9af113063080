"""DocumentReader: one child process for many files, restarted after a time limit, a memory
limit or a cancel; every command that reads a user's file (parse, check, memo, compare,
import) reads it through it and reports a file it stopped with a Chinese message naming it."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

import core.importing.sandbox as sandbox
from core.errors import Cancelled, EmptyFileError, ParseLimitError
from core.import_report import WarningCode
from core.importing import read_document
from core.importing.registry import PDF_READER_ENV
from core.importing.sandbox import DocumentReader, ParseLimits, read_untrusted
from core.jobs import job_count
from core.store import Workspace
from main import main
from tests.badinputs.generate import generate
from tests.fixtures.progress import CancelAfter
from tests.importing.helpers import load_truth, misses

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
GOOD_DOCX = SAMPLES / "2025_yutian_zhengfuban_A.docx"
GOOD_PDF = SAMPLES / "2025_tangshan_duchashi_A.pdf"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A PDF that keeps pdfminer busy for minutes, and one whose content inflates to 3 GB."""
    folder = tmp_path_factory.mktemp("hostile")
    cases = generate(folder, slow=True, only={"pdf_hang_text_ops", "pdf_flate_bomb"})
    return {c.case: folder / c.file for c in cases}




def test_one_child_reads_a_batch_and_document_errors_keep_it(tmp_path: Path) -> None:
    empty = tmp_path / "空白.docx"
    empty.write_bytes(b"")
    with DocumentReader() as reader:
        first = reader.read(GOOD_PDF)
        with pytest.raises(EmptyFileError, match=r"^空白\.docx："):
            reader.read(empty)
        second = reader.read(GOOD_DOCX)
        assert reader.spawned == 1
    assert misses(load_truth("2025_tangshan_duchashi"), first) == []
    assert misses(load_truth("2025_yutian_zhengfuban"), second) == []


def test_a_file_that_hangs_is_stopped_and_the_next_one_read(hostile: dict[str, Path]) -> None:
    with DocumentReader(ParseLimits(timeout_s=2)) as reader:
        started = time.monotonic()
        with pytest.raises(ParseLimitError, match="2 秒") as caught:
            reader.read(hostile["pdf_hang_text_ops"])
        assert time.monotonic() - started < 10
        assert str(caught.value).startswith("海量文字指令.pdf：")
        assert len(reader.read(GOOD_DOCX).projects) == 7
        assert reader.spawned == 2  # the stopped child was replaced


@pytest.mark.skipif(sys.platform == "win32", reason="no address-space limit on Windows")
def test_a_file_that_eats_memory_is_stopped(hostile: dict[str, Path]) -> None:
    with DocumentReader(ParseLimits(timeout_s=60, memory_mb=600)) as reader:
        reader.read(GOOD_DOCX)
        with pytest.raises(ParseLimitError, match="内存超过 600 MB") as caught:
            reader.read(hostile["pdf_flate_bomb"])
        assert str(caught.value).startswith("压缩炸弹.pdf：")
        # The used child's verdict was checked by a fresh one; PDFium ended that one (it
        # aborts when memory runs out), so a third read the file with pdfplumber, which
        # stopped at the limit with a MemoryError: the verdict is the memory limit.
        assert reader.spawned == 3
        assert len(reader.read(GOOD_DOCX).projects) == 7
        assert reader.spawned == 4


def test_cancel_stops_the_parse_and_the_reader_goes_on(hostile: dict[str, Path]) -> None:
    with DocumentReader() as reader:
        started = time.monotonic()
        with pytest.raises(Cancelled):
            reader.read(hostile["pdf_hang_text_ops"], progress=CancelAfter(0.5))
        assert time.monotonic() - started < 10  # not the 120 s time limit
        assert len(reader.read(GOOD_DOCX).projects) == 7


def test_read_untrusted_and_the_older_spelling_share_the_declared_limits() -> None:
    limits = sandbox.DEFAULT_LIMITS
    # benchmarks/reliability.py reports the shipped limits from these defaults.
    assert sandbox.read_document_sandboxed.__defaults__ == (limits.timeout_s, limits.memory_mb)
    assert DocumentReader().limits is limits
    assert misses(load_truth("2025_yutian_zhengfuban"), read_untrusted(GOOD_DOCX)) == []


def test_a_workspace_import_spawns_one_child_per_reader_for_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readers: list[DocumentReader] = []

    class Recorded(DocumentReader):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            readers.append(self)

    monkeypatch.setattr(sandbox, "DocumentReader", Recorded)
    files = [SAMPLES / "2025_lunan_shenpiju_A.docx", GOOD_DOCX, SAMPLES / "2025_tangshan_duchashi_A.docx"]
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        outcomes = ws.import_files(files, jobs=1)
    assert [o.status.value for o in outcomes] == ["imported"] * 3
    assert len(readers) == 1 and readers[0].spawned == 1
    # by default one reader per core (at most one per file), each spawning its child once
    readers.clear()
    with Workspace.open(tmp_path / "w2.sqlite") as ws:
        outcomes = ws.import_files(files)
    assert [o.status.value for o in outcomes] == ["imported"] * 3
    assert len(readers) == job_count(0, len(files)) and all(r.spawned <= 1 for r in readers)
    assert sum(r.spawned for r in readers) >= 1


def _command(name: str, path: Path, out: Path) -> list[str]:
    return {
        "parse": ["parse", str(path), "--out", str(out)],
        "check": ["check", str(path)],
        "memo": ["memo", str(path), "--out", str(out / "memo.pdf")],
        "compare": ["compare", str(GOOD_DOCX), str(path)],
    }[name]


@pytest.mark.parametrize("command", ["parse", "check", "memo", "compare"])
def test_commands_read_files_in_the_sandbox(command: str, hostile: dict[str, Path], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A corrupt file, then a file that hangs (stopped at the time limit): exit 2, the file named."""
    corrupt = tmp_path / "损坏的文件.pdf"
    corrupt.write_bytes(GOOD_PDF.read_bytes()[:3000])
    monkeypatch.setattr(sandbox, "DEFAULT_LIMITS", ParseLimits(timeout_s=2))
    for path, expected in ((corrupt, "损坏"), (hostile["pdf_hang_text_ops"], "2 秒")):
        assert main(_command(command, path, tmp_path)) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err
        [line] = [ln for ln in err.splitlines() if ln.startswith("错误：")]
        assert path.name in line and expected in line and CJK.search(line.replace(path.name, "")), line


def test_a_pdf_that_takes_pdfium_down_is_read_by_pdfplumber_and_the_report_says_so(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFium is C: a PDF it crashes on ends the child process. Such a file used to be
    reported as "memory or the process ended"; it is read again with pdfplumber in a fresh
    child, and the import report notes the fall-back. A .docx whose child dies is not retried."""
    monkeypatch.delenv(PDF_READER_ENV, raising=False)
    real_ask = DocumentReader._ask
    asked: list[tuple[str, str | None]] = []

    def ask(self: DocumentReader, path: Path, progress: object, *, pdf_reader: str | None = None) -> object:
        asked.append((path.suffix, pdf_reader))
        if pdf_reader is None:  # the PDFium path: the child dies under it
            self._stop()
            return ("died",)
        return real_ask(self, path, progress, pdf_reader=pdf_reader)  # type: ignore[arg-type]

    monkeypatch.setattr(DocumentReader, "_ask", ask)
    pdf = SAMPLES / "2025_lunan_shenpiju_A.pdf"
    with DocumentReader() as reader:
        document = reader.read(pdf)
        assert asked == [(".pdf", None), (".pdf", "pdfplumber")]
        assert [w.code for w in document.report.warnings if w.code is WarningCode.PDF_FALLBACK] == \
            [WarningCode.PDF_FALLBACK]
        expected = read_document(pdf)
        assert [p.name for p in document.projects] == [p.name for p in expected.projects]
        assert [len(p.indicators) for p in document.projects] == [len(p.indicators) for p in expected.projects]
        asked.clear()
        with pytest.raises(ParseLimitError, match="意外退出"):
            reader.read(GOOD_DOCX)
        assert asked == [(".docx", None)]
