"""Issue 16: only regular files are read, at once or not at all, and never past the size limit.

A FIFO named x.pdf hung `import` while it held the workspace lock (open() waits for a
writer); a link to /dev/zero was read whole by the program itself, outside the
sandbox's memory limit, until MemoryError. The commands run as real processes with a
time-out and an address-space cap, so that a regression fails instead of hanging the
suite or filling the machine's memory.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.errors import DocumentError
from core.importing.source_file import read_source
from core.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "2025_lunan_shenpiju_A.docx"
# Enough for the program and its parse child (which sets its own, higher cap below the hard limit).
ADDRESS_SPACE_BYTES = 1536 * 1024 * 1024

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


def _capped() -> None:
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_BYTES, hard))


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_capped)


def error_line(stderr: str) -> str:
    [line] = [ln for ln in stderr.splitlines() if ln.startswith("错误：")]
    return line


@posix_only
def test_a_fifo_named_pdf_is_refused_at_once_and_the_lock_released(tmp_path: Path) -> None:
    fifo = tmp_path / "x.pdf"
    os.mkfifo(fifo)
    workspace = tmp_path / "w.sqlite"
    started = time.monotonic()
    done = cli("import", str(fifo), str(SAMPLE), "--workspace", str(workspace), "--json")
    assert time.monotonic() - started < 45
    assert done.returncode == 2 and "Traceback" not in done.stderr
    line = error_line(done.stderr)
    assert "x.pdf" in line and "命名管道" in line and "不是普通文件" in line
    # The other file of the batch was imported, and the lock is free again.
    with Workspace.open(workspace) as ws:
        assert [d.source_name for d in ws.documents()] == [SAMPLE.name]


@posix_only
def test_parse_refuses_a_fifo_without_waiting_for_the_time_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "管道.docx"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = cli("parse", str(fifo), "--out", str(tmp_path / "out"))
    assert time.monotonic() - started < 45  # not the sandbox's 120 s
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "管道.docx" in error_line(done.stderr) and "命名管道" in done.stderr
    assert list((tmp_path / "out").iterdir()) == []


@posix_only
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    link = tmp_path / "zero.pdf"
    link.symlink_to("/dev/zero")
    workspace = tmp_path / "w.sqlite"
    done = cli("import", str(link), "--workspace", str(workspace))
    assert done.returncode == 2 and "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    line = error_line(done.stderr)
    assert "zero.pdf" in line and "设备文件" in line and "/dev/zero" in line


def test_read_source_reads_a_regular_file_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"PK\x03\x04 data")
    link = tmp_path / "link.docx"
    try:
        link.symlink_to(target)
    except OSError:  # Windows without the right to make links
        link = target
    assert read_source(link, 100) == b"PK\x03\x04 data"


def test_read_source_refuses_what_is_not_a_readable_regular_file(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-" + b"0" * 200)
    with pytest.raises(DocumentError, match=r"big\.pdf：文件过大"):
        read_source(big, 100)
    with pytest.raises(DocumentError, match="文件夹"):
        read_source(tmp_path, 100)
    with pytest.raises(DocumentError, match="找不到"):
        read_source(tmp_path / "none.pdf", 100)
    with pytest.raises(DocumentError, match="空字符"):
        read_source(Path(str(tmp_path / "a\x00.pdf")), 100)


@posix_only
def test_read_source_refuses_a_socket(tmp_path: Path) -> None:
    path = tmp_path / "s.docx"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        with pytest.raises(DocumentError, match="套接字"):
            read_source(path, 100)
    finally:
        server.close()


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "growing.pdf"
    path.write_bytes(b"%PDF-" + b"0" * 50)
    real_fstat = os.fstat

    def grows(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        with open(path, "ab") as more:  # the writer appends after the size was looked at
            more.write(b"0" * 200)
        return info

    monkeypatch.setattr(os, "fstat", grows)
    with pytest.raises(DocumentError, match="文件过大"):
        read_source(path, 100)
