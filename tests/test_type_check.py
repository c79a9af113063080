"""mypy passes: core/ strict, ui/ and main.py standard ([tool.mypy] in pyproject.toml says which).

Runs `python -m mypy` with the interpreter running the tests (the venv's), from the repository
root, so the files, the flags and the cache (.mypy_cache/, git-ignored) are the configured ones.
A cold run takes a few seconds, a warm one well under a second. Deselect with `-m "not typecheck"`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.typecheck
def test_mypy_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True,
                            timeout=540, check=False)
    assert result.returncode == 0, f"mypy failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
