"""The program's log: a rotating file in the user's data folder, so that no error vanishes.

`setup_logging()` is called once by main.py for every command (window and command
line). The file is <data folder>/logs/workbench.log beside the default workspace
(platformdirs: %LOCALAPPDATA%\\jixiao-workbench\\logs on Windows,
$XDG_DATA_HOME/jixiao-workbench/logs or ~/.local/share/jixiao-workbench/logs on
Linux), 1 MB per file and 5 older files kept. The environment variable
JIXIAO_WORKBENCH_LOG_DIR names another folder (the tests use it). When the folder
cannot be created or written, messages go to stderr instead and the log says why;
setting up the log never raises.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

LOG_DIR_ENV = "JIXIAO_WORKBENCH_LOG_DIR"
LOG_FILE_NAME = "workbench.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d] %(message)s"
# Marks the one handler setup_logging installs on the root logger.
_HANDLER_NAME = "jixiao-workbench-log"

log = logging.getLogger(__name__)


def default_log_folder() -> Path:
    """<the user's data folder for the program>/logs, or the folder JIXIAO_WORKBENCH_LOG_DIR names."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    # Beside the default workspace; core.store.location is light (no store is loaded).
    from core.store.location import default_workspace_path

    return default_workspace_path().parent / "logs"


class _RotatingFile(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler that keeps writing when the file cannot be renamed.

    On Windows a second program (another window, a command) that has the log open
    makes the rename fail; the stock handler then drops every later message. Here
    the message goes on into the current file and the next try waits for another
    MAX_BYTES.
    """

    _retry_at = 0

    def shouldRollover(self, record: logging.LogRecord) -> int:
        if self._retry_at and self.stream is not None and self.stream.tell() < self._retry_at:
            return 0
        return super().shouldRollover(record)

    def doRollover(self) -> None:
        try:
            super().doRollover()
            self._retry_at = 0
        except OSError:
            if self.stream is None:
                self.stream = self._open()
            self.stream.seek(0, os.SEEK_END)
            self._retry_at = self.stream.tell() + self.maxBytes


def _our_handler() -> logging.Handler | None:
    return next((h for h in logging.getLogger().handlers if h.get_name() == _HANDLER_NAME), None)


def log_file() -> Path | None:
    """The file the log is written to, or None when it is not set up or goes to stderr."""
    handler = _our_handler()
    if isinstance(handler, logging.FileHandler):
        return Path(handler.baseFilename)
    return None


def setup_logging(folder: Path | None = None) -> Path:
    """Send the root logger's messages (INFO and above) to `folder`/workbench.log; return that path.

    `folder` defaults to `default_log_folder()`. Idempotent: a second call with no
    folder (or the same one) keeps the handler already installed; a call naming
    another folder moves the log there. Never raises: when the folder cannot be
    created or the file opened, messages go to stderr, the first one saying why,
    and the path returned is the one that could not be used (`log_file()` is None).
    """
    root = logging.getLogger()
    existing = _our_handler()
    problem: BaseException | None = None
    try:
        target = (Path(folder) if folder is not None else default_log_folder()) / LOG_FILE_NAME
    except Exception as error:  # no home folder, a broken environment
        target = Path(LOG_FILE_NAME)
        problem = error
    if existing is not None and problem is None and (folder is None or log_file() == Path(os.path.abspath(target))):
        return log_file() or target
    handler: logging.Handler | None = None
    if problem is None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handler = _RotatingFile(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                  encoding="utf-8", errors="backslashreplace")
        except Exception as error:
            problem = error
    if handler is None:
        if existing is not None:  # keep the log that works
            log.warning("cannot write the log file %s (%s: %s); the log stays where it was",
                        target, type(problem).__name__, problem)
            return log_file() or target
        # A windowed build on Windows has no stderr: then there is nowhere to write.
        handler = logging.StreamHandler(sys.stderr) if sys.stderr is not None else logging.NullHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    if existing is not None:
        root.removeHandler(existing)
        existing.close()
    root.addHandler(handler)
    if root.level > logging.INFO:
        root.setLevel(logging.INFO)
    if problem is not None:
        log.warning("cannot write the log file %s (%s: %s); logging to stderr instead",
                    target, type(problem).__name__, problem)
    return target


def app_version() -> str:
    """The program's version: the installed package's, else pyproject.toml's beside the sources."""
    from importlib import metadata

    try:
        return metadata.version("jixiao-workbench")
    except metadata.PackageNotFoundError:
        pass
    try:
        import tomllib

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
    except Exception:
        return "unknown"
