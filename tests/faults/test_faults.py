"""Faults while the workspace is in use: after each, nothing committed is lost and the workspace opens
(or the message names the file and the backup, and the backup holds everything).

The scenarios live in tests/faults/scenarios.py (benchmarks/reliability.py runs them too);
the kill loops are bounded (a few kills each) and marked slow.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest

from core.store import Workspace, sqlite_specific
from tests.badinputs.generate import generate
from tests.faults import scenarios
from tests.faults.scenarios import FaultResult


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scenarios.make_seed(tmp_path_factory.mktemp("seed"))


def assert_all_ok(results: list[FaultResult]) -> None:
    assert results
    bad = [f"{r.case}: {r.shown} {r.notes}" for r in results if not r.ok]
    assert not bad, "\n".join(bad)


def test_disk_full_rolls_back_import_edits_and_check_runs(seed: Path, tmp_path: Path) -> None:
    results = scenarios.disk_full_cases(seed, tmp_path)
    assert_all_ok(results)
    assert {r.case for r in results} == {"disk-full-import", "disk-full-edit", "disk-full-check"}


def test_a_full_disk_during_the_backup_on_close_is_reported_never_raised(seed: Path, tmp_path: Path) -> None:
    results = scenarios.backup_on_close_full(seed, tmp_path)
    assert_all_ok(results)
    assert {r.case for r in results} == set(scenarios.BACKUP_FAULTS)
    assert all("已保存" in r.shown and "备份" in r.shown for r in results)


def test_import_succeeds_when_the_backup_on_close_finds_no_room(seed: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str],
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    """The command's work is done and said (exit 0); the failed backup is a warning, not an error."""
    import main

    path = scenarios.copy_seed(seed, tmp_path / "w.sqlite")
    shutil.rmtree(sqlite_specific.backup_dir(path))  # no backup yet: closing takes one
    with scenarios.no_room_for_files():
        status = main.main(["import", str(scenarios.NEW_FILE), "--workspace", str(path)])
    out, err = capsys.readouterr()
    assert status == 0 and "已导入" in out and "Traceback" not in err and "错误：" not in err
    assert any("没能写入备份" in r.getMessage() and "磁盘空间已满" in r.getMessage() for r in caplog.records)
    assert not sqlite_specific.list_backups(path)
    with Workspace.open(path, readonly=True) as ws:
        assert scenarios.NEW_FILE.name in {d.source_name for d in ws.documents()}


def test_a_newer_a_fifo_and_a_too_long_workspace_are_refused_at_once(seed: Path, tmp_path: Path) -> None:
    results = scenarios.odd_workspaces(seed, tmp_path)
    assert_all_ok(results)
    assert all(r.exit_status == 2 and r.seconds < 45 for r in results)


def test_read_only_folder_gives_a_clear_message_and_changes_nothing(seed: Path, tmp_path: Path) -> None:
    results = scenarios.readonly_folder(seed, tmp_path)
    if not results:
        pytest.skip("cannot make a folder read-only for this user here (root without user namespaces, or Windows)")
    assert_all_ok(results)
    writers = [r for r in results if r.case != "readonly-search"]
    assert all(r.exit_status == 2 and ("只读" in r.shown or "不能写入" in r.shown) for r in writers)
    assert all("已损坏" not in r.shown for r in results), "a read-only workspace must not be called damaged"


def test_second_instance_is_refused_clearly_and_readers_are_served(seed: Path, tmp_path: Path) -> None:
    results = scenarios.second_instance(seed, tmp_path)
    assert_all_ok(results)
    assert [r.exit_status for r in results] == [2, 2, 0]


def test_garbage_workspace_names_the_backup_which_holds_everything(seed: Path, tmp_path: Path) -> None:
    results = scenarios.garbage_workspace(seed, tmp_path)
    assert_all_ok(results)
    spoiled = [r for r in results if r.case in scenarios.GARBAGE]
    assert len(spoiled) == len(scenarios.GARBAGE)
    assert all(r.exit_status == 2 and "备份" in r.shown for r in spoiled)


@pytest.mark.slow
def test_kill_during_import(seed: Path, tmp_path: Path) -> None:
    assert_all_ok(scenarios.kill_during_import(seed, tmp_path, kills=4, rng=random.Random(11)))


@pytest.mark.slow
def test_kill_during_edits(seed: Path, tmp_path: Path) -> None:
    assert_all_ok(scenarios.kill_during_edits(seed, tmp_path, kills=4, rng=random.Random(12)))


@pytest.mark.slow
def test_kill_during_check_run(seed: Path, tmp_path: Path) -> None:
    assert_all_ok(scenarios.kill_during_check(seed, tmp_path, kills=4, rng=random.Random(13)))


@pytest.mark.slow
def test_kill_during_memo_export(seed: Path, tmp_path: Path) -> None:
    assert_all_ok(scenarios.kill_during_memo(seed, tmp_path, kills=3, rng=random.Random(14)))


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the child process through /proc")
def test_a_busy_parse_stops_with_the_killed_program(tmp_path: Path) -> None:
    [spec] = generate(tmp_path / "files", only={"pdf_hang_text_ops"})
    result = scenarios.orphan_parse_stops(tmp_path, tmp_path / "files" / spec.file)
    assert result.ok and not result.notes, (result.shown, result.notes)
