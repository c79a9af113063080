"""Start-up stays quick: `main.py --help` and light commands load no heavy library.

Each case runs main.py in a fresh interpreter (as `python main.py …` does, through runpy)
and prints the top-level packages of sys.modules at exit; the subcommand modules of
core/cli/ import the workspace (SQLAlchemy, Alembic, Mako), the importers (pdfplumber,
python-docx, openpyxl), the memo (reportlab), the comparison (rapidfuzz) and Qt only
inside their run() functions. See docs/PERFORMANCE.md, "Start-up".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"

HEAVY = ("sqlalchemy", "alembic", "mako", "pdfplumber", "pdfminer", "docx", "reportlab", "openpyxl",
         "PySide6", "rapidfuzz")

_WRAPPER = """
import json, runpy, sys
sys.argv = ["main.py"] + json.loads(sys.argv[1])
status = 0
try:
    runpy.run_path("main.py", run_name="__main__")
except SystemExit as exit:
    status = exit.code if isinstance(exit.code, int) else 1
print("\\nLOADED " + json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
sys.exit(status)
"""


def loaded_by(args: list[str], tmp_path: Path) -> set[str]:
    """The top-level packages loaded in the main process by `python main.py ARGS`."""
    # Settings and data in the test's folder: the window's run never touches the user's.
    env = dict(os.environ, JIXIAO_WORKBENCH_LOG_DIR=str(tmp_path / "logs"), HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED "))
    return set(json.loads(line.removeprefix("LOADED ")))


def test_help_loads_no_heavy_library(tmp_path: Path) -> None:
    loaded = loaded_by(["--help"], tmp_path)
    assert "core.cli" not in loaded  # sanity: names are top-level packages
    assert "core" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.parametrize("command", ["import", "check", "review", "progress", "compare", "memo", "search", "export", "gui"])
def test_subcommand_help_loads_no_heavy_library(command: str, tmp_path: Path) -> None:
    loaded = loaded_by([command, "--help"], tmp_path)
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_parse_loads_neither_workspace_nor_memo_nor_qt(tmp_path: Path) -> None:
    sample = sorted(SAMPLES.glob("*.docx"))[0]
    loaded = loaded_by(["parse", str(sample), "--out", str(tmp_path / "out"), "--jobs", "1"], tmp_path)
    assert (tmp_path / "out" / f"{sample.name}.json").is_file()
    assert loaded.isdisjoint({"sqlalchemy", "alembic", "mako", "reportlab", "PySide6"}), \
        sorted(loaded & set(HEAVY))


def test_constants_repeated_to_stay_light_agree() -> None:
    from core.cli.review_cmd import ACTIONS, STATES
    from core.review import FindingState
    assert tuple(state.value for state in FindingState) == STATES
    assert set(ACTIONS.values()) <= set(STATES)


def test_the_window_on_an_up_to_date_workspace_loads_no_importer_memo_or_alembic(tmp_path: Path) -> None:
    """The window starts on the store and Qt alone: Alembic only migrates, the importers only
    import, the memo only exports (docs/PERFORMANCE.md, "Start-up")."""
    from core.store.workspace import Workspace
    from tests.store.factory import make_document

    path = tmp_path / "ws.sqlite"
    with Workspace.open(path) as ws:
        ws.import_document(make_document(1), b"1", "1.docx")
    loaded = loaded_by(["gui", "--workspace", str(path), "--screenshot", str(tmp_path / "window.png")], tmp_path)
    assert "PySide6" in loaded and "sqlalchemy" in loaded
    assert loaded.isdisjoint({"alembic", "mako", "reportlab", "pdfplumber", "pdfminer", "docx", "openpyxl"}), \
        sorted(loaded & set(HEAVY))
