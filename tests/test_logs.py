"""The log file (core/logs.py): rotating, in the folder given, set up once, never raising; and the
conftest fixture that fails a test on an unexpected logged error."""

from __future__ import annotations

import logging
import logging.handlers
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core import logs
from tests.conftest import ROOT, ErrorRecords, logged_errors_report


def ours(root: logging.Logger) -> list[logging.Handler]:
    return [h for h in root.handlers if h.get_name() == logs._HANDLER_NAME]


def test_writes_a_rotating_file_in_the_folder_once(clean_root_logger: logging.Logger, tmp_path: Path) -> None:
    path = logs.setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "workbench.log"
    assert logs.setup_logging(tmp_path / "logs") == path
    assert logs.setup_logging() == path  # no folder: the log already set up stays
    [handler] = ours(clean_root_logger)
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUP_COUNT
    assert logs.log_file() == path

    logging.getLogger("tests.logs").info("审核开始 %s", "\udcff")  # a lone surrogate must not break it
    handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "INFO tests.logs" in text and "审核开始" in text

    handler.maxBytes = 2000
    for i in range(100):
        logging.getLogger("tests.logs").warning("line %d %s", i, "x" * 50)
    handler.flush()
    backups = sorted(p.name for p in path.parent.iterdir())
    assert backups == ["workbench.log", *(f"workbench.log.{i}" for i in range(1, logs.BACKUP_COUNT + 1))]


def test_another_folder_moves_the_log(clean_root_logger: logging.Logger, tmp_path: Path) -> None:
    logs.setup_logging(tmp_path / "a")
    second = logs.setup_logging(tmp_path / "b")
    assert len(ours(clean_root_logger)) == 1 and logs.log_file() == second == tmp_path / "b" / "workbench.log"


def test_the_environment_names_the_default_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path))
    assert logs.default_log_folder() == tmp_path
    monkeypatch.delenv(logs.LOG_DIR_ENV)
    assert logs.default_log_folder().parts[-2:] == ("jixiao-workbench", "logs")


def test_a_folder_that_cannot_be_made_falls_back_to_stderr(clean_root_logger: logging.Logger, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    path = logs.setup_logging(blocker / "logs")  # must not raise
    assert path == blocker / "logs" / "workbench.log"
    assert logs.log_file() is None
    [handler] = ours(clean_root_logger)
    assert isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler)
    assert logs.setup_logging() is not None and len(ours(clean_root_logger)) == 1


def test_main_sets_up_the_log_for_a_command(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    env = {**os.environ, logs.LOG_DIR_ENV: str(folder)}
    done = subprocess.run([sys.executable, "main.py", "search", "x", "--workspace", str(tmp_path / "w.sqlite")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1, 2), done.stderr
    text = (folder / "workbench.log").read_text(encoding="utf-8")
    assert "INFO main [pid " in text and "start: 'search', version " in text


# The fixture of tests/conftest.py that fails a test on an unexpected logged error.

def test_the_report_lists_the_errors() -> None:
    handler = ErrorRecords()
    logger = logging.getLogger("tests.fixture.alone")
    logger.addHandler(handler)
    logger.propagate = False  # this test's own fixture must not see the error
    try:
        logger.warning("only a warning")
        logger.error("broken %s", "thing")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    assert logged_errors_report([]) is None
    report = logged_errors_report(handler.records)
    assert report is not None and "ERROR tests.fixture.alone: broken thing" in report and "warning" not in report


@pytest.mark.expect_log_errors
def test_an_expected_error_does_not_fail() -> None:
    logging.getLogger("tests.fixture").error("expected by this test")


def test_a_test_that_logs_an_error_fails(tmp_path: Path) -> None:
    """Small tests with the real fixture in another pytest: an unmarked error fails the test, or its teardown."""
    (tmp_path / "conftest.py").write_text(textwrap.dedent("""
        from tests.conftest import fail_on_logged_errors, pytest_runtest_call  # noqa: F401

        def pytest_configure(config):
            config.addinivalue_line("markers", "expect_log_errors: expected")
    """), encoding="utf-8")
    (tmp_path / "test_sample.py").write_text(textwrap.dedent("""
        import logging
        import pytest

        def test_logs_an_error():
            logging.getLogger("sample").error("something broke")

        @pytest.mark.expect_log_errors
        def test_expects_it():
            logging.getLogger("sample").error("something broke, as planned")

        def test_only_warns():
            logging.getLogger("sample").warning("a warning is fine")

        @pytest.fixture
        def noisy():
            yield
            logging.getLogger("sample").error("broke while closing")

        def test_noisy_teardown(noisy):
            pass
    """), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                           "-c", os.devnull, str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    out = done.stdout
    assert done.returncode == 1, out
    assert "1 failed, 3 passed, 1 error" in out, out
    assert "FAILED test_sample.py::test_logs_an_error" in out and "ERROR sample: something broke" in out, out
    assert "ERROR at teardown of test_noisy_teardown" in out and "ERROR sample: broke while closing" in out, out


def test_a_file_that_cannot_be_renamed_keeps_the_messages(clean_root_logger: logging.Logger, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows: another program holding the log open makes the rename fail; nothing is lost."""
    path = logs.setup_logging(tmp_path)
    [handler] = ours(clean_root_logger)
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.maxBytes = 500

    def refuse(source: str, dest: str) -> None:
        raise PermissionError(13, "used by another process", source)

    monkeypatch.setattr(handler, "rotate", refuse)
    for i in range(30):
        logging.getLogger("tests.logs").warning("kept %d %s", i, "y" * 40)
    handler.flush()
    text = path.read_text(encoding="utf-8")
    assert all(f"kept {i} " in text for i in range(30))
