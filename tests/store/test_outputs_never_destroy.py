"""Issue 16: export never overwrites the workspace or a good file; a foreign database stays byte-identical."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

import main
from core.errors import WorkspaceError
from core.model import Field
from core.review import Location
from core.store import Workspace
from core.store import export as export_module
from tests.store.factory import make_document


def _digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its SHA-256: what "nothing touched" compares."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "W.sqlite"
    with Workspace.open(path) as ws:
        document = make_document(5, projects=2)
        ws.import_document(document, b"w", "w.docx")
        ws.backup()
    return path


def test_export_onto_the_workspace_is_refused_and_nothing_touched(
        workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(tmp_path)
    backup = next((tmp_path / "W.sqlite.backups").iterdir())
    for out in (workspace, tmp_path / "W.sqlite-wal", backup, tmp_path / "sub" / ".." / "W.sqlite"):
        for fmt in ("xlsx", "json"):
            assert main.main(["export", "--department", "113", "--format", fmt, "--out", str(out),
                              "--workspace", str(workspace)]) == 2
            err = capsys.readouterr().err
            assert "错误：" in err and "工作区" in err and "Traceback" not in err
    assert _digest(tmp_path) == before
    with Workspace.open(workspace, readonly=True) as ws:
        assert len(ws.documents()) == 1


def test_export_into_a_folder_is_a_message(workspace: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main.main(["export", "--department", "113", "--format", "xlsx", "--out", str(folder),
                      "--workspace", str(workspace)]) == 2
    assert "文件夹" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_a_failed_export_leaves_yesterdays_file(workspace: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "dept.xlsx"
    assert main.main(["export", "--department", "113", "--format", "xlsx", "--out", str(out),
                      "--workspace", str(workspace)]) == 0
    yesterday = out.read_bytes()

    def dies_half_way(data: dict, target: Path) -> int:
        target.write_bytes(yesterday[: len(yesterday) // 2])
        raise KeyboardInterrupt  # a kill, as far as this process can tell

    monkeypatch.setattr(export_module, "_write_xlsx", dies_half_way)
    assert main.main(["export", "--department", "113", "--format", "xlsx", "--out", str(out),
                      "--workspace", str(workspace)]) == 130
    assert out.read_bytes() == yesterday
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_control_characters_from_a_pdf_are_left_out_of_the_workbook_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "W.sqlite"
    document = make_document(5, projects=2)
    document.projects[0].name = Field("控制\x01字符\x0b项目")
    document.projects[1].indicators[0].value = Field("≥95%\x1f")
    with Workspace.open(path) as ws:
        document_id = ws.import_document(document, b"w", "w.pdf").document_id
        assert document_id is not None
        ws.add_annotation(document_id, Location(project_seq=1, field="goal"), "批注\x02内容")
    out = tmp_path / "dept.xlsx"
    assert main.main(["export", "--department", "113", "--format", "xlsx", "--out", str(out),
                      "--workspace", str(path)]) == 0
    err = capsys.readouterr().err
    assert re.search(r"\d+ 个控制字符", err) and "Traceback" not in err
    book = load_workbook(out)
    assert "控制字符 项目" in [cell.value for cell in book["项目"][2]]
    assert book["批注"]["F2"].value == "批注内容"
    with Workspace.open(path, readonly=True) as ws:  # the stored values keep what the document says
        assert ws.load_document(document_id).projects[0].name.raw == "控制\x01字符\x0b项目"


@pytest.mark.parametrize("journal", ["delete", "wal"])
@pytest.mark.parametrize("readonly", [False, True])
def test_a_foreign_database_is_refused_byte_identical(tmp_path: Path, journal: str, readonly: bool) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.commit()
    conn.close()
    before = _digest(tmp_path)
    with pytest.raises(WorkspaceError, match="不是本程序的工作区"):
        Workspace.open(path, readonly=readonly)
    assert _digest(tmp_path) == before  # no WAL switch, no backup, no lock file beside it


def test_a_foreign_database_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    before = _digest(tmp_path)
    for argv in (["search", "x"], ["check"], ["export", "--department", "1", "--out", str(tmp_path / "x.json")]):
        assert main.main([*argv, "--workspace", str(path)]) == 2
        assert "不是本程序的工作区" in capsys.readouterr().err
    assert _digest(tmp_path) == before


def test_a_newer_workspace_gets_no_backup_before_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Workspace.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = _digest(tmp_path)
    with pytest.raises(WorkspaceError, match="更新版本"):
        Workspace.open(path)
    after = _digest(tmp_path)
    # The -shm index may change on any read; the file itself must not, and no backup appears.
    assert after["future.sqlite"] == before["future.sqlite"] and set(after) == set(before)
