"""`parse` writes one JSON per file (also with --jobs); the sandbox returns or raises ParseLimitError."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from core.errors import EmptyFileError, ParseLimitError
from core.importing.sandbox import read_document_sandboxed
from main import main
from tests.importing.helpers import load_truth, misses

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


def test_parse_with_jobs_writes_json_per_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [SAMPLES / "2025_yutian_zhengfuban_A.docx", SAMPLES / "2025_lunan_shenpiju_A.pdf"]
    assert main(["parse", *map(str, files), "--out", str(tmp_path), "--jobs", "2"]) == 0
    for f in files:
        data = json.loads((tmp_path / f"{f.name}.json").read_text(encoding="utf-8"))
        assert misses(load_truth(f.name.split("_A.")[0]), data) == []
        assert data["extra"]["sha256"] and data["extra"]["kind"] == "performance"
    assert "2025_lunan_shenpiju_A.pdf" in capsys.readouterr().out


def test_same_names_from_two_folders_keep_both_jsons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 16: `parse dir1/x.docx dir2/x.docx` kept one JSON; the second is now x (2).docx.json."""
    import shutil

    from core.cli.parse_cmd import output_names

    first, second = tmp_path / "dir1" / "x.docx", tmp_path / "dir2" / "x.docx"
    for path, sample in ((first, "2025_yutian_zhengfuban_A.docx"), (second, "2025_lunan_shenpiju_A.docx")):
        path.parent.mkdir()
        shutil.copy(SAMPLES / sample, path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "x.docx.json").write_text("yesterday's", encoding="utf-8")
    assert main(["parse", str(first), str(second), "--out", str(out), "--jobs", "2"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["x (2).docx.json", "x.docx.json"]
    assert misses(load_truth("2025_yutian_zhengfuban"),
                  json.loads((out / "x.docx.json").read_text(encoding="utf-8"))) == []
    assert misses(load_truth("2025_lunan_shenpiju"),
                  json.loads((out / "x (2).docx.json").read_text(encoding="utf-8"))) == []
    assert str(out / "x (2).docx.json") in capsys.readouterr().out
    # An input whose own name is taken by the numbering keeps it; case-blind, as on Windows.
    assert output_names(["a/x.pdf", "b/X.PDF", "c/x (2).pdf", "d/x.pdf"]) == [
        "x.pdf.json", "X (3).PDF.json", "x (2).pdf.json", "x (4).pdf.json"]


def test_out_that_is_a_file_or_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("keep", encoding="utf-8")
    assert main(["parse", str(SAMPLES / "2025_lunan_shenpiju_A.docx"), "--out", str(taken)]) == 2
    assert "不是文件夹" in capsys.readouterr().err and taken.read_text(encoding="utf-8") == "keep"
    source = tmp_path / "x.docx.json"  # a document named like the JSON of another
    source.write_bytes((SAMPLES / "2025_lunan_shenpiju_A.docx").read_bytes())
    other = tmp_path / "x.docx"
    other.write_bytes(source.read_bytes())
    before = source.read_bytes()
    assert main(["parse", str(source), str(other), "--out", str(tmp_path)]) == 2
    assert "就是要读取的文件" in capsys.readouterr().err and source.read_bytes() == before


def test_sandbox_returns_the_document() -> None:
    document = read_document_sandboxed(SAMPLES / "2025_tangshan_duchashi_A.pdf", timeout_s=120, memory_mb=2048)
    assert misses(load_truth("2025_tangshan_duchashi"), document) == []


def test_sandbox_limits_time_and_memory(tmp_path: Path) -> None:
    with pytest.raises(ParseLimitError, match="秒"):
        read_document_sandboxed(SAMPLES / "2025_lunan_shenpiju_A.pdf", timeout_s=0.01)
    if sys.platform == "win32":  # no address-space limit on Windows; only the time limit applies
        return
    with pytest.raises(ParseLimitError, match="内存") as caught:
        read_document_sandboxed(SAMPLES / "2025_lunan_shenpiju_A.pdf", timeout_s=120, memory_mb=16)
    assert "2025_lunan_shenpiju_A.pdf" in str(caught.value)


def test_sandbox_passes_document_errors_through(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFileError) as caught:
        read_document_sandboxed(empty, timeout_s=120)
    assert str(caught.value).startswith("empty.docx：")
