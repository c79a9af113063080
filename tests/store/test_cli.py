"""The workspace subcommands: import (bad files fail alone), search, export; errors without tracebacks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import core.importing
import core.importing.sandbox
import main
from core.errors import CorruptFileError
from core.model import Document
from core.store import Workspace
from tests.store.factory import make_document


def read_in_process(monkeypatch: pytest.MonkeyPatch, read_document: Callable[[Path], Document]) -> None:
    """Imports parse in a child process (core.importing.sandbox.DocumentReader): the fake runs in-process."""

    class InProcessReader:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pass

        def __enter__(self) -> InProcessReader:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def read(self, path: Path, **kwargs: Any) -> Document:
            return read_document(Path(path))

    monkeypatch.setattr(core.importing.sandbox, "DocumentReader", InProcessReader)


@pytest.fixture
def fake_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stands in for core.importing.read_document: a generated document per file, bad files fail."""

    def read_document(path: Path) -> Document:
        data = Path(path).read_bytes()
        if data.startswith(b"BAD"):
            raise CorruptFileError(path, "文件已损坏，无法打开。")
        seed = int(data.split(b":")[1])
        return make_document(seed, dept_code=f"{seed}")

    monkeypatch.setattr(core.importing, "read_document", read_document, raising=False)
    read_in_process(monkeypatch, read_document)


def test_import_reports_each_file_and_fails_only_the_bad_one(
        tmp_path: Path, fake_reader: None, capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for name, body in (("a.docx", b"doc:1"), ("bad.pdf", b"BAD"), ("b.docx", b"doc:2"), ("a2.docx", b"doc:1")):
        (tmp_path / name).write_bytes(body)
        files.append(str(tmp_path / name))
    workspace = tmp_path / "w.sqlite"
    assert main.main(["import", *files, "--workspace", str(workspace), "--json"]) == 2
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert [o["status"] for o in report["outcomes"]] == ["imported", "failed", "imported", "duplicate"]
    assert "bad.pdf" in err and "Traceback" not in err
    assert main.main(["import", files[0], "--workspace", str(workspace)]) == 0
    assert "已存在" in capsys.readouterr().out
    with Workspace.open(workspace) as ws:
        assert len(ws.documents()) == 2


def test_search_and_export_commands(tmp_path: Path, fake_reader: None, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.docx").write_bytes(b"doc:1")
    workspace = str(tmp_path / "w.sqlite")
    assert main.main(["import", str(tmp_path / "a.docx"), "--workspace", workspace]) == 0
    capsys.readouterr()
    assert main.main(["search", "项目", "--workspace", workspace, "--json", "--limit", "3"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 3 and all("项目" in h["text"] for h in hits)
    out = tmp_path / "x.xlsx"
    assert main.main(["export", "--department", "1", "--format", "xlsx", "--out", str(out),
                      "--workspace", workspace]) == 0
    assert out.stat().st_size > 0
    assert main.main(["export", "--department", "nope", "--out", str(out), "--workspace", workspace]) == 2
    assert "nope" in capsys.readouterr().err


def test_missing_workspace_for_search_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["search", "x", "--workspace", str(tmp_path / "none.sqlite")]) == 2
    assert "不存在" in capsys.readouterr().err


def test_demo_workspace_is_built_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.demo import build_demo_workspace, sample_files

    samples = tmp_path / "samples"
    samples.mkdir()
    for i, name in enumerate(("x.docx", "x.pdf", "y.pdf", "notes.txt")):
        (samples / name).write_bytes(f"doc:{i}".encode())
    assert [p.name for p in sample_files(samples)] == ["x.docx", "y.pdf"]
    calls: list[str] = []

    def read_document(path: Path) -> Document:
        calls.append(Path(path).name)
        return make_document(int(Path(path).read_bytes().split(b":")[1]), dept_code=Path(path).stem)

    monkeypatch.setattr(core.importing, "read_document", read_document, raising=False)
    read_in_process(monkeypatch, read_document)
    path, outcomes = build_demo_workspace(tmp_path / "demo.sqlite", samples=samples)
    assert [o.status.value for o in outcomes] == ["imported", "imported"]
    _, again = build_demo_workspace(path, samples=samples)
    assert [o.status.value for o in again] == ["duplicate", "duplicate"]
    assert sorted(calls) == ["x.docx", "y.pdf"]  # read at once by two readers; the second build parsed nothing
