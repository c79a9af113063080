"""Issue 16: file names and typed-in text of real life through the real commands, never a traceback.

- names that are not UTF-8 (GBK bytes from an archive packed on Chinese Windows, or
  plain garbage bytes) and search words typed in a GBK terminal: they crashed import,
  parse and search with UnicodeEncodeError (SQLite, the JSON, the terminal);
- a newline in a file name printed a fake `错误：` line;
- a 253-byte name: parse's "<name>.json" is over the file system's 255 bytes, and a
  workspace of such a name leaves no room for its -journal, .lock and .backups.

The commands run as processes with the arguments as bytes, the way a shell passes them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import main
from core.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "2025_lunan_shenpiju_A.docx"
OTHER = ROOT / "resources" / "samples" / "2025_tangshan_duchashi_A.docx"
GBK_NAME = "审核文件.docx".encode("gbk")
BAD_NAME = b"bad\xff.docx"
NEWLINE_NAME = "a\n错误：伪造.docx".encode()
LONG_NAME = ("长" * 82 + "xx").encode() + b".docx"  # 253 bytes

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="file names are bytes on POSIX only")


def run(*args: bytes | str | Path, timeout: float = 180) -> tuple[int, str, str]:
    """The command as a process; its output must be valid UTF-8 (a terminal or a script reads it)."""
    argv = [os.fsencode(a) for a in (sys.executable, "main.py", *args)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, timeout=timeout)
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # strict: no stray bytes
    assert "Traceback" not in out + err, err
    return done.returncode, out, err


def place(folder: Path, name: bytes, source: Path = SAMPLE) -> bytes:
    target = os.path.join(os.fsencode(folder), name)
    shutil.copyfile(source, target)
    return target


def test_import_of_names_that_are_not_utf8(tmp_path: Path) -> None:
    gbk, bad = place(tmp_path, GBK_NAME), place(tmp_path, BAD_NAME, OTHER)
    workspace = tmp_path / "w.sqlite"
    status, out, _err = run("import", gbk, bad, "--workspace", workspace, "--json")
    assert status == 0
    files = [o["file"] for o in json.loads(out)["outcomes"]]
    assert files == ["审核文件.docx", "bad\ufffd.docx"]
    with Workspace.open(workspace, readonly=True) as ws:
        assert sorted(d.source_name for d in ws.documents()) == ["bad\ufffd.docx", "审核文件.docx"]
    status, out, _err = run("import", gbk, "--workspace", workspace)  # plain text output, a duplicate now
    assert status == 0 and "审核文件.docx" in out


def test_parse_of_names_that_are_not_utf8(tmp_path: Path) -> None:
    gbk, bad = place(tmp_path, GBK_NAME), place(tmp_path, BAD_NAME, OTHER)
    out_dir = tmp_path / "out"
    status, out, _err = run("parse", gbk, bad, "--out", out_dir)
    assert status == 0
    assert "审核文件.docx →" in out and "bad\ufffd.docx →" in out
    written = sorted(os.listdir(os.fsencode(out_dir)))
    assert written == sorted([GBK_NAME + b".json", BAD_NAME + b".json"])  # named after the files as they are
    data = json.loads(Path(os.fsdecode(os.path.join(os.fsencode(out_dir), GBK_NAME + b".json"))).read_text("utf-8"))
    assert "审核文件.docx" in json.dumps(data, ensure_ascii=False)


def test_search_words_that_are_not_utf8(tmp_path: Path) -> None:
    workspace = tmp_path / "w.sqlite"
    with Workspace.open(workspace) as ws:
        ws.import_files([SAMPLE])
    status, out, _err = run("search", "电梯".encode("gbk"), "--workspace", workspace)  # a GBK terminal
    assert status == 0 and "电梯维保费" in out
    status, out, _err = run("search", b"\xff\xfe", "--workspace", workspace)
    assert status == 0 and "共 0 条" in out


def test_an_option_that_is_not_utf8_is_a_message(tmp_path: Path) -> None:
    workspace = tmp_path / "w.sqlite"
    with Workspace.open(workspace) as ws:
        ws.import_files([SAMPLE])
    status, _out, err = run("export", "--department", b"\xff", "--format", "json", "--out", tmp_path / "x.json",
                            "--workspace", workspace)
    assert status == 2 and err.startswith("错误：")


def test_a_newline_in_a_file_name_prints_no_fake_error_line(tmp_path: Path) -> None:
    good = place(tmp_path, NEWLINE_NAME)
    broken = os.path.join(os.fsencode(tmp_path), b"b\n\xe9\x94\x99\xe8\xaf\xaf\xef\xbc\x9a0.docx")  # "b\n错误：0.docx"
    Path(os.fsdecode(broken)).write_bytes(b"PK\x03\x04" + b"\0" * 64)
    status, out, err = run("import", good, broken, "--workspace", tmp_path / "w.sqlite")
    assert status == 2
    errors = [line for line in err.splitlines() if line.startswith("错误：")]
    assert len(errors) == 1 and errors[0].startswith("错误：b\\n错误：0.docx：")
    assert "a\\n错误：伪造.docx" in out
    assert not [line for line in (out + err).splitlines() if line.startswith(("错误：伪造", "错误：0.docx"))]


def test_a_253_byte_name_gets_a_json_that_fits(tmp_path: Path) -> None:
    source = place(tmp_path, LONG_NAME)
    status, out, _err = run("parse", source, "--out", tmp_path / "out")
    assert status == 0
    [written] = os.listdir(os.fsencode(tmp_path / "out"))
    assert len(written) <= 255 and written.endswith("….docx.json".encode())
    assert os.fsdecode(written) in out


def test_a_memo_from_a_253_byte_name(tmp_path: Path) -> None:
    source = place(tmp_path, LONG_NAME)
    status, _out, _err = run("memo", source, "--out", tmp_path / "审核意见.pdf", "--docx", tmp_path / "审核意见.docx")
    assert status == 0 and (tmp_path / "审核意见.pdf").stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary files left


def test_a_workspace_name_too_long_for_its_companions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = tmp_path / ("长" * 81 + "x.sqlite")  # 251 bytes: "-journal" and ".backups" no longer fit
    assert main.main(["import", str(SAMPLE), "--workspace", str(workspace)]) == 2
    err = capsys.readouterr().err
    assert "文件名太长" in err and "只读" not in err
    assert list(tmp_path.iterdir()) == []
