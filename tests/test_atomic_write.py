"""core.atomic_write: outputs that never destroy anything, and XML-safe text (core.xml_text)."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
from pathlib import Path

import pytest

from core.atomic_write import (
    LEGACY_MIN_AGE_SECONDS,
    ORPHAN_MIN_AGE_SECONDS,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    OutputError,
    atomic_output,
    check_outputs,
    remove_orphans,
)
from core.xml_text import count_illegal, xml_safe

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="modes, umask and flock are POSIX")


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_failure_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"yesterday")
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_bytes(b"half of tod")
        raise RuntimeError("killed")
    assert target.read_bytes() == b"yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_full_disk_is_a_message_and_the_old_file_stays(tmp_path: Path) -> None:
    import errno

    target = tmp_path / "out.json"
    target.write_bytes(b"yesterday")
    with pytest.raises(OutputError, match="磁盘空间已满") as caught, atomic_output(target) as temp:
        temp.write_bytes(b"{")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert "out.json" in str(caught.value)
    assert target.read_bytes() == b"yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_success_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"yesterday")
    with atomic_output(target) as temp:
        assert temp.parent == tmp_path and temp.name.startswith(TEMP_PREFIX)
        temp.write_bytes(b"today")
    assert target.read_bytes() == b"today"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


@posix_only
def test_a_new_file_follows_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        with atomic_output(tmp_path / "new.json") as temp:
            temp.write_text("{}", encoding="utf-8")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640
    shared = tmp_path / "shared.json"
    shared.write_text("{}", encoding="utf-8")
    shared.chmod(0o664)
    with atomic_output(shared) as temp:
        temp.write_text("[]", encoding="utf-8")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664


@posix_only
def test_through_a_symbolic_link_the_file_is_replaced_and_the_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with atomic_output(link) as temp:
        temp.write_text("new", encoding="utf-8")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_refuses_a_folder_and_a_sqlite_database(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="文件夹"), atomic_output(tmp_path) as temp:
        temp.write_text("x", encoding="utf-8")
    database = tmp_path / "w.sqlite"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = database.read_bytes()
    with pytest.raises(OutputError, match="SQLite"), atomic_output(database) as temp:
        temp.write_text("x", encoding="utf-8")
    assert database.read_bytes() == before


def test_a_missing_folder_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="保存位置不存在"), atomic_output(tmp_path / "no" / "x.pdf") as temp:
        temp.write_text("x", encoding="utf-8")


@posix_only
def test_orphans_of_a_killed_writer_are_removed_but_not_a_live_writers_file(tmp_path: Path) -> None:
    orphan = tmp_path / f"{TEMP_PREFIX}dead{TEMP_SUFFIX}"
    orphan.write_bytes(b"half a memo")
    (tmp_path / f"{orphan.name}-journal").write_bytes(b"j")
    _age(orphan, ORPHAN_MIN_AGE_SECONDS + 5)
    legacy = tmp_path / ".memo-abc123.pdf"  # what builds before core.atomic_write left behind
    legacy.write_bytes(b"%PDF-")
    _age(legacy, LEGACY_MIN_AGE_SECONDS + 5)
    fresh_legacy = tmp_path / ".memo-new.pdf"
    fresh_legacy.write_bytes(b"%PDF-")
    mine = tmp_path / "keep.pdf"
    mine.write_bytes(b"not ours")
    with atomic_output(tmp_path / "memo.pdf") as live:
        _age(live, ORPHAN_MIN_AGE_SECONDS + 5)
        assert remove_orphans(tmp_path) == []  # held by this writer: never taken away
        live.write_bytes(b"%PDF-today")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".memo-new.pdf", "keep.pdf", "memo.pdf"]


def test_check_outputs_refuses_the_workspace_its_companions_inputs_and_twins(tmp_path: Path) -> None:
    workspace = tmp_path / "W.sqlite"
    workspace.write_bytes(b"SQLite format 3\x00")
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    for target, words in ((workspace, "是工作区 W.sqlite，"), (tmp_path / "W.sqlite-wal", "的日志文件"),
                          (tmp_path / "W.sqlite.lock", "的锁文件"),
                          (tmp_path / "W.sqlite.backups" / "W-1.sqlite", "的备份"),
                          (tmp_path / "sub" / ".." / "W.sqlite", "是工作区")):
        with pytest.raises(OutputError, match=words):
            check_outputs([("PDF", target)], workspace=workspace)
    with pytest.raises(OutputError, match=r"就是要读取的文件 a\.docx"):
        check_outputs([("DOCX", source)], inputs=[source])
    with pytest.raises(OutputError, match="PDF 和 DOCX 的输出是同一个文件"):
        check_outputs([("PDF", tmp_path / "m.pdf"), ("DOCX", tmp_path / "." / "m.pdf")])
    with pytest.raises(OutputError, match="文件夹"):
        check_outputs([("PDF", tmp_path)])
    check_outputs([("PDF", tmp_path / "m.pdf"), ("DOCX", tmp_path / "m.docx")], inputs=[source],
                  workspace=workspace)


@posix_only
def test_check_outputs_knows_a_hard_link_and_a_device(tmp_path: Path) -> None:
    workspace = tmp_path / "W.sqlite"
    workspace.write_bytes(b"SQLite format 3\x00")
    alias = tmp_path / "alias.pdf"
    os.link(workspace, alias)
    with pytest.raises(OutputError, match="工作区"):
        check_outputs([("PDF", alias)], workspace=workspace)
    with pytest.raises(OutputError, match="不是普通文件"):
        check_outputs([("PDF", Path(os.devnull))])


def test_xml_safe_drops_control_characters_and_keeps_the_rest() -> None:
    text = "预算\x01执行\x0b率\x0c达\t到\n95%\r\x00\ufffe😀"
    assert xml_safe(text) == "预算执行 率 达\t到\n95%\r😀"
    assert count_illegal(text) == 5
    assert xml_safe("普通文字") == "普通文字" and count_illegal("普通文字") == 0


def test_a_read_only_target_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kept.pdf"
    target.write_bytes(b"keep")
    target.chmod(0o444)
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root may write anything: ask as a user would
        monkeypatch.setattr(os, "access", lambda path, mode: not mode & os.W_OK)
    with pytest.raises(OutputError, match="只读"), atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"keep"


def test_a_name_too_long_is_a_message(tmp_path: Path) -> None:
    target = tmp_path / ("审核意见" * 30 + ".pdf")  # 364 bytes in UTF-8: over every file system's limit
    with pytest.raises(OutputError, match="文件名太长"):
        check_outputs([("PDF", target)])
    with pytest.raises(OutputError, match="文件名太长"), atomic_output(target) as temp:
        temp.write_bytes(b"%PDF-")
    assert list(tmp_path.iterdir()) == []
