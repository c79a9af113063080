"""Where the reviewer's workspace lives by default, known without loading the store.

Kept apart from core.store.workspace (SQLAlchemy) so that a command can name the file
before the store is loaded (core.store.known_files, `import` starting its readers; the
log's folder, core/logs.py, for every command).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "jixiao-workbench"
WORKSPACE_FILE = "workspace.sqlite"


def default_workspace_path() -> Path:
    """The workspace in the user's data folder (created on first use)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / WORKSPACE_FILE
