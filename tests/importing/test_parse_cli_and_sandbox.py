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
