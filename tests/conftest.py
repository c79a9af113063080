"""Shared fixtures: paths to the corpus and a fresh temporary folder per test.

Every test also fails when something logs an ERROR (or worse) that the test did not
expect (`fail_on_logged_errors`): mark a test that causes one on purpose with
@pytest.mark.expect_log_errors. The program's log file (core/logs.py) goes to a
temporary folder, also for the `python main.py` processes the tests start.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from core.logs import LOG_DIR_ENV

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "resources" / "samples"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_sessionstart(session: pytest.Session) -> None:
    """The memo's fonts are a build product (installer/build_fonts.py): build them when a
    test session starts without them (pytest run directly, not through installer/dev.sh)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("build_fonts", ROOT / "installer" / "build_fonts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    module.build(quiet=True)


def corpus_dir() -> Path:
    """../shared/corpus when present (developer machines), else the bundled samples."""
    return SHARED / "corpus"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session", autouse=True)
def log_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """main.main() and `python main.py` write their log here, never in the user's data folder."""
    folder = tmp_path_factory.mktemp("logs")
    before = os.environ.get(LOG_DIR_ENV)
    os.environ[LOG_DIR_ENV] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(LOG_DIR_ENV, None)
    else:
        os.environ[LOG_DIR_ENV] = before


@pytest.fixture
def clean_root_logger() -> Iterator[logging.Logger]:
    """The root logger without the program's log handler (core/logs.py) during the test; afterwards
    the handlers the test added are closed and the ones it had are back, at the level it had."""
    from core.logs import _HANDLER_NAME

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    for handler in handlers:
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
    yield root
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)


class ErrorRecords(logging.Handler):
    """Keeps every record of level ERROR or above that reaches the root logger."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self.reported = 0  # how many of them already failed the test

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def logged_errors_report(records: Sequence[logging.LogRecord]) -> str | None:
    """The failure message for unexpected ERROR records (with their tracebacks), None when there are none."""
    if not records:
        return None
    formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
    lines = [f"{len(records)} unexpected logged error(s) "
             "(mark the test @pytest.mark.expect_log_errors if they are what it tests):"]
    lines.extend(formatter.format(r) for r in records)
    return "\n".join(lines)


def _check_logged_errors(item: pytest.Item, handler: ErrorRecords) -> None:
    """pytest.fail with the records not reported yet, unless the test expects logged errors."""
    if item.get_closest_marker("expect_log_errors") is not None:
        return
    report = logged_errors_report(handler.records[handler.reported:])
    handler.reported = len(handler.records)
    if report is not None:
        pytest.fail(report, pytrace=False)


@pytest.fixture(autouse=True)
def fail_on_logged_errors(request: pytest.FixtureRequest) -> Iterator[ErrorRecords]:
    """Fail the test when an ERROR is logged during it, unless it is marked expect_log_errors.

    Errors logged by the test itself fail its call (pytest_runtest_call below); errors
    logged while fixtures are set up or torn down fail its teardown.
    """
    handler = ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    _check_logged_errors(request.node, handler)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    result = yield  # a test that failed by itself stays failed as it is
    handler = getattr(item, "funcargs", {}).get("fail_on_logged_errors")
    if isinstance(handler, ErrorRecords):
        _check_logged_errors(item, handler)
    return result
