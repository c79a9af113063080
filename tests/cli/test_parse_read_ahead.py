"""`parse --jobs N` reads with core.importing.read_ahead, as `import` does: N sandboxed readers,
each file read once, lines printed in the files' order, and Ctrl+C stops every reader."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from pathlib import Path

import pytest

from core.importing import sandbox
from core.model import Document
from main import main

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
FILES = [SAMPLES / "2025_lunan_shenpiju_A.docx", SAMPLES / "2025_tangshan_duchashi_A.docx",
         SAMPLES / "2025_yutian_zhengfuban_A.docx"]


@dataclass
class Recorded:
    """The sandboxed readers made, the files they read and their child processes."""

    readers: list[sandbox.DocumentReader] = field(default_factory=list)
    read_files: list[Path] = field(default_factory=list)
    children: list[BaseProcess] = field(default_factory=list)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Recorded:
    """Real sandboxed readers, recorded."""
    record = Recorded()

    class Recording(sandbox.DocumentReader):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            record.readers.append(self)

        def read(self, path: str | Path, **kwargs: object) -> Document:
            record.read_files.append(Path(path))
            try:
                return super().read(path, **kwargs)  # type: ignore[arg-type]
            finally:
                if self._process is not None:
                    record.children.append(self._process)

    monkeypatch.setattr(sandbox, "DocumentReader", Recording)
    return record


def test_jobs_readers_each_file_once_lines_in_order(recorded: Recorded, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\0" * 64)
    files = [FILES[0], broken, FILES[1]]
    assert main(["parse", *map(str, files), "--out", str(tmp_path / "out"), "--jobs", "2"]) == 2
    captured = capsys.readouterr()
    assert len(recorded.readers) == 2
    assert sorted(recorded.read_files) == sorted(files)
    named = [line.split(" → ")[0] for line in captured.out.splitlines() if " → " in line]
    assert named == [FILES[0].name, FILES[1].name]
    assert broken.name in captured.err and captured.err.count("错误：") == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{f.name}.json" for f in FILES[:2])


def test_ctrl_c_stops_every_reader(recorded: Recorded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    import core.import_report

    def interrupted(*args: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(core.import_report, "summary_line", interrupted)  # Ctrl+C after the first file
    assert main(["parse", *map(str, FILES), "--out", str(tmp_path / "out"), "--jobs", "2"]) == 130
    captured = capsys.readouterr()
    assert "已中断" in captured.err and captured.out.count(" → ") == 1
    assert recorded.readers and recorded.children
    assert not any(child.is_alive() for child in recorded.children)
    assert not [t for t in threading.enumerate() if t.name.startswith("read-ahead-")]
