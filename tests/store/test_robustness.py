"""The workspace survives what users and machines do: kills, corruption, full disks, two instances."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event

import main
from core.errors import WorkspaceError
from core.store import Workspace, sqlite_specific
from tests.store.factory import make_document

ROOT = Path(__file__).resolve().parents[2]


def _child(path: Path, seed: int, projects: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.store.import_child", str(path), str(seed), str(projects)],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)


def _counts(path: Path, seed: int) -> tuple[int, int, int]:
    """(documents, projects, indicators) stored for the child's document of this seed."""
    sha = hashlib.sha256(f"document {seed}".encode()).hexdigest()
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT count(DISTINCT d.id), count(DISTINCT p.id), count(i.id) FROM documents d "
            "LEFT JOIN projects p ON p.document_id = d.id LEFT JOIN indicators i ON i.project_id = p.id "
            "WHERE d.sha256 = ?", (sha,)).fetchone()
        files = conn.execute("SELECT count(*) FROM document_files f JOIN documents d ON d.id = f.document_id "
                             "WHERE d.sha256 = ?", (sha,)).fetchone()[0]
    assert files == row[0]
    return row


@pytest.mark.slow
def test_import_killed_at_random_moments_lands_whole_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    projects = 150
    full = make_document(0, projects=projects)
    expected = (1, projects, sum(len(p.indicators) for p in full.projects))
    # Calibrate: how long an uninterrupted import takes after "ready".
    child = _child(path, 0, projects)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    started = time.monotonic()
    assert child.stdout.readline().strip() == "done"
    span = time.monotonic() - started
    child.wait(timeout=60)
    assert _counts(path, 0) == expected
    rng = random.Random(4)
    outcomes = []
    for seed in range(1, 21):
        child = _child(path, seed, projects)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, span * 1.2))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        child.stdout.close()
        assert not sqlite_specific.integrity_problems(path)
        with Workspace.open(path) as ws:  # opens (the unclean exit triggers the full check)
            assert ws.schema_revision is not None
        doc_seed = make_document(seed, projects=projects)
        counts = _counts(path, seed)
        whole = (1, projects, sum(len(p.indicators) for p in doc_seed.projects))
        assert counts in ((0, 0, 0), whole), f"kill {seed}: partial import {counts}"
        outcomes.append(counts[0])
    print("kills that left the document whole:", sum(outcomes), "of", len(outcomes))
    assert _counts(path, 0) == expected


def test_second_instance_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        ws.import_document(make_document(1), b"x", "x.docx")
        with pytest.raises(WorkspaceError, match="正被另一个"):
            Workspace.open(path)
        with Workspace.open(path, readonly=True) as reader:  # reading beside the writer is fine
            assert len(reader.documents()) == 1
            with pytest.raises(WorkspaceError, match="只读"):
                reader.import_document(make_document(2), b"y", "y.docx")
    with Workspace.open(path) as again:  # released on close
        assert len(again.documents()) == 1


def test_second_process_is_refused_while_the_first_holds_the_workspace(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path):
        done = subprocess.run([sys.executable, "main.py", "import", str(tmp_path / "none.docx"), "--workspace",
                               str(path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "正被另一个" in done.stderr and "Traceback" not in done.stderr


def test_garbage_file_gives_the_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(WorkspaceError, match="已损坏") as caught:
        Workspace.open(path)
    assert str(path) in str(caught.value)
    assert main.main(["search", "督查", "--workspace", str(path)]) == 2
    err = capsys.readouterr().err
    assert "已损坏" in err and "Traceback" not in err
    with pytest.raises(WorkspaceError, match="已损坏"):  # the lock was released: same message again
        Workspace.open(path)


def test_damaged_pages_are_caught_and_the_latest_backup_named(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        for seed in range(3):
            ws.import_document(make_document(seed, projects=20, dept_code=str(seed)), bytes([seed]), f"{seed}.docx")
        backup = ws.backup()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 2):  # scribble over every other page
        data[offset + 100: offset + 400] = os.urandom(300)
    path.write_bytes(bytes(data))
    with pytest.raises(WorkspaceError, match="已损坏") as caught:
        Workspace.open(path)
    assert backup is not None and str(backup) in str(caught.value)
    with Workspace.open(backup) as restored:  # the way back works
        assert len(restored.documents()) == 3


def test_full_disk_rolls_back_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        ws.import_document(make_document(1, projects=3), b"small", "small.docx")
        before = ws.load_document(1)
        with sqlite3.connect(path) as probe:
            pages = probe.execute("PRAGMA page_count").fetchone()[0]
        ws.engine.dispose()

        @event.listens_for(ws.engine, "connect")
        def _limit(dbapi_conn: sqlite3.Connection, _record: object) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count={pages + 2}")

        with pytest.raises(WorkspaceError, match="磁盘空间已满"):
            ws.import_document(make_document(2, projects=200, dept_code="999"), b"large", "large.docx")
        assert [d.id for d in ws.documents()] == [1]
        assert ws.load_document(1) == before
        assert ws.search("督查", 1000) == ws.search("督查", 1000, current_only=False)
    assert not sqlite_specific.integrity_problems(path)
    with Workspace.open(path) as ws:
        assert len(ws.documents()) == 1


def test_backups_rotate_and_a_writing_session_leaves_one(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path, backups=2) as ws:
        ws.import_document(make_document(1), b"1", "1.docx")
        for _ in range(3):
            ws.backup()
        assert len(ws.backups()) == 2
    fresh = tmp_path / "fresh.sqlite"
    with Workspace.open(fresh) as ws:
        ws.import_document(make_document(1), b"1", "1.docx")
    backups = sqlite_specific.list_backups(fresh)
    assert len(backups) == 1
    with Workspace.open(backups[0]) as copy:
        assert len(copy.documents()) == 1
