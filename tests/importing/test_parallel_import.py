"""`import --jobs N`: N sandboxed readers read ahead while the workspace commits file by file in the
order given (core.importing.read_ahead); the result is the one of `--jobs 1`."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest

import main
from core.errors import CorruptFileError
from core.importing import read_document, sandbox
from core.importing.read_ahead import ReadAhead
from core.model import Document
from core.store import Workspace
from tests.fixtures.docgen import write_docx, write_pdf
from tests.importing.helpers import load_truth

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Real documents, a damaged one in the middle, and one file twice."""
    folder = tmp_path_factory.mktemp("batch")
    files = [folder / "yutian.pdf", folder / "lunan.docx", folder / "broken.pdf", folder / "tangshan.pdf",
             folder / "yutian_landscape.pdf"]
    write_pdf(load_truth("2025_yutian_zhengfuban"), files[0])
    write_docx(load_truth("2025_lunan_shenpiju"), files[1])
    files[2].write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n% cut short")
    write_pdf(load_truth("2025_tangshan_duchashi"), files[3])
    write_pdf(load_truth("2025_yutian_zhengfuban"), files[4], landscape=True)
    return [str(f) for f in [*files, files[1]]]


def _import(files: list[str], workspace: Path, jobs: int, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code = main.main(["import", *files, "--workspace", str(workspace), "--json", "--jobs", str(jobs)])
    out = json.loads(capsys.readouterr().out)
    out["code"] = code
    return out


def _stored(workspace: Path) -> list[tuple[Any, ...]]:
    with Workspace.open(workspace) as ws:
        return sorted((d.id, d.source_name, d.sha256, d.year, d.kind, d.is_current, d.replaces_id, d.project_count)
                      for d in ws.documents())


def test_jobs_give_the_result_of_one_reader(tmp_path: Path, batch: list[str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    one = _import(batch, tmp_path / "one.sqlite", 1, capsys)
    two = _import(batch, tmp_path / "two.sqlite", 3, capsys)
    assert one["code"] == two["code"] == 2  # the damaged file fails, alone
    statuses = [o["status"] for o in one["outcomes"]]
    # (the landscape Yutian is a new version, or the same text again: the store decides)
    assert statuses[:4] == ["imported", "imported", "failed", "imported"] and statuses[5] == "duplicate"
    for a, b in zip(one["outcomes"], two["outcomes"], strict=True):
        assert a == b
    # committed in the order given: document ids follow the files
    stored = _stored(tmp_path / "two.sqlite")
    assert stored == _stored(tmp_path / "one.sqlite")
    assert [s[1] for s in stored] == [o["file"] for o in one["outcomes"] if o["status"] in ("imported", "new_version")]


class _SlowReader:
    """An in-process stand-in for sandbox.DocumentReader: reads take a while, in any order."""

    started: ClassVar[list[str]] = []
    lock = threading.Lock()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __enter__(self) -> _SlowReader:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def read(self, path: Path, **kwargs: Any) -> Document:
        with self.lock:
            self.started.append(Path(path).name)
        time.sleep(0.3 if Path(path).name.startswith("slow") else 0.01)
        if Path(path).name.startswith("bad"):
            raise CorruptFileError(Path(path), "坏了")
        return read_document(path)


def test_read_ahead_hands_back_in_order_and_stays_within_its_window(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sandbox, "DocumentReader", _SlowReader)
    _SlowReader.started = []
    source = tmp_path / "doc.docx"
    write_docx(load_truth("2025_lunan_shenpiju"), source)
    names = ["slow0.docx", "a1.docx", "bad2.docx", "a3.docx", "a4.docx", "a5.docx", "a6.docx", "a7.docx"]
    for name in names:
        (tmp_path / name).write_bytes(source.read_bytes())
    paths = [tmp_path / n for n in names]
    with ReadAhead(paths, 2, window=3) as ahead:
        time.sleep(0.2)
        # the writer has asked for nothing: the readers stop three files ahead
        assert len(_SlowReader.started) == 3
        got = []
        for path in paths:
            try:
                got.append(ahead.read(path).sha256 is not None)
            except CorruptFileError as error:
                got.append(error.reason)
    assert got == [True, True, "坏了", True, True, True, True, True]
    assert sorted(_SlowReader.started) == sorted(names)


def test_a_file_the_writer_skips_does_not_block_the_batch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sandbox, "DocumentReader", _SlowReader)
    source = tmp_path / "doc.docx"
    write_docx(load_truth("2025_lunan_shenpiju"), source)
    paths = []
    for name in ("a.docx", "b.docx", "c.docx"):
        (tmp_path / name).write_bytes(source.read_bytes())
        paths.append(tmp_path / name)
    with ReadAhead(paths, 1, window=1) as ahead:
        ahead.read(paths[0])
        assert ahead.read(paths[2]) is not None  # b.docx never asked for (already in the workspace)
        with pytest.raises(ValueError):
            ahead.read(paths[1])  # behind the writer now


def _copies(tmp_path: Path, names: list[str]) -> list[Path]:
    source = tmp_path / "doc.docx"
    write_docx(load_truth("2025_lunan_shenpiju"), source)
    for name in names:
        (tmp_path / name).write_bytes(source.read_bytes())
    return [tmp_path / name for name in names]


def test_files_the_writer_went_past_or_knows_are_not_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A folder imported again: the writer asks only for the new files. Readers used to read
    every file the writer passed over (and throw the Documents away)."""
    monkeypatch.setattr(sandbox, "DocumentReader", _SlowReader)
    _SlowReader.started = []
    paths = _copies(tmp_path, [f"old{n}.docx" for n in range(8)] + ["new8.docx", "new9.docx"])
    with ReadAhead(paths, 2, window=2, known=lambda p: p.name.startswith("old")) as ahead:
        assert ahead.read(paths[8]) is not None and ahead.read(paths[9]) is not None
    assert sorted(_SlowReader.started) == ["new8.docx", "new9.docx"]
    # without being told what is known: nothing behind the writer is read once it has passed
    _SlowReader.started = []
    with ReadAhead(paths, 1, window=2) as ahead:
        ahead.read(paths[0])
        ahead.read(paths[9])
    assert len(_SlowReader.started) <= 4 and "new9.docx" in _SlowReader.started


def test_a_file_said_known_but_asked_for_is_read_after_all(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sandbox, "DocumentReader", _SlowReader)
    _SlowReader.started = []
    paths = _copies(tmp_path, ["a.docx", "b.docx", "c.docx"])
    with ReadAhead(paths, 2, known=lambda p: p.name == "b.docx") as ahead:
        got = [ahead.read(p).projects != [] for p in paths]
    assert got == [True, True, True]
    assert _SlowReader.started.count("b.docx") == 1


def test_import_again_parses_only_the_new_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sandbox, "DocumentReader", _SlowReader)
    paths = _copies(tmp_path, ["a.docx"])
    write_docx(load_truth("2025_tangshan_duchashi"), tmp_path / "b.docx")
    workspace = tmp_path / "w.sqlite"
    _SlowReader.started = []
    assert _import([str(paths[0])], workspace, 2, capsys)["code"] == 0
    _SlowReader.started = []
    again = _import([str(paths[0]), str(tmp_path / "b.docx")], workspace, 2, capsys)
    assert [o["status"] for o in again["outcomes"]] == ["duplicate", "imported"]
    assert _SlowReader.started == ["b.docx"]
