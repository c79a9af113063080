"""The command line under random option values and file names (issue 16): never a traceback.

Hypothesis draws a subcommand and fills its options with odd values: control characters,
newlines, lone surrogates (bytes that were not UTF-8), very long names, NaN and huge
numbers, paths that are the workspace itself, a folder, a missing file or a sample
document. Every run must end with exit status 0 or 2 (argparse's usage errors included),
no exception, and a workspace that passes its integrity check and still holds what it
held, unless the command is one that writes to it (import, check).
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from main import main

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
SAMPLE = SAMPLES / "2025_yutian_zhengfuban_A.docx"
WRITERS = {"import", "check"}

odd_text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "\n", "a\nb", "错误：假的", "\udce9\udcfa", "x" * 260, "nan", "inf", "-1",
                     "1e309", "10" * 20, "115001", "113", "2025", "满意度", "%", "../..", "\x00"]),
)
numbers = st.one_of(st.integers(min_value=-10, max_value=10**20).map(str),
                    st.sampled_from(["nan", "inf", "-inf", "1e400", "0", "abc", ""]))


def _content(workspace: Path) -> tuple[str, list[Any]]:
    with sqlite3.connect(workspace) as conn:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = [conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("documents", "projects", "indicators", "revisions", "annotations")]
    return ok, rows


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed")
    workspace = folder / "w.sqlite"
    assert main(["import", str(SAMPLE), "--workspace", str(workspace)]) == 0
    return workspace


@st.composite
def invocations(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A subcommand and its arguments; "{ws}", "{dir}", "{sample}", "{out}" are filled in later."""
    path = st.one_of(odd_text, st.sampled_from(["{ws}", "{dir}", "{sample}", "{out}/x.pdf", "{out}/新 文件\n.json",
                                                "{out}", "{dir}/missing.docx"]))
    command = draw(st.sampled_from(["import", "parse", "check", "compare", "memo", "search", "export"]))
    args: list[str] = []
    if command in ("import", "parse"):
        args += draw(st.lists(path, min_size=1, max_size=2))
        if command == "parse":
            args += ["--out", draw(path)]
            if draw(st.booleans()):
                args += ["--jobs", draw(st.sampled_from(["1", "0", "-3", "x"]))]
        if draw(st.booleans()):
            args.append("--strict")
    elif command == "check":
        if draw(st.booleans()):
            args += draw(st.lists(path, max_size=1))
        if draw(st.booleans()):
            args += ["--department", draw(odd_text)]
        if draw(st.booleans()):
            args += ["--settings", draw(path)]
    elif command == "compare":
        args += [draw(st.one_of(path, numbers)), draw(st.one_of(path, numbers))]
    elif command == "memo":
        args += ["--out", draw(path), "--department", draw(odd_text)]
        if draw(st.booleans()):
            args += ["--docx", draw(path)]
        if draw(st.booleans()):
            args += ["--year", draw(numbers)]
        if draw(st.booleans()):
            args += ["--reviewer", draw(odd_text), "--date", draw(odd_text)]
    elif command == "search":
        args += [draw(odd_text)]
        if draw(st.booleans()):
            args += ["--limit", draw(numbers)]
    else:
        args += ["--department", draw(odd_text), "--out", draw(path),
                 "--format", draw(st.sampled_from(["json", "xlsx", "csv"]))]
        if draw(st.booleans()):
            args += ["--year", draw(numbers)]
    if draw(st.booleans()):
        args.append("--json")
    return command, args


@settings(max_examples=150, deadline=None, derandomize=True, database=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(invocations())
# the writing paths with a department the workspace holds, onto odd and dangerous targets
@example(("memo", ["--out", "{ws}", "--department", "434001"]))
@example(("memo", ["--out", "{out}/新 文件\n.pdf", "--docx", "{out}/新 文件\n.pdf", "--department", "434001"]))
@example(("memo", ["--out", "{out}/m.pdf", "--docx", "{sample}", "--department", "434001", "--reviewer", "\udce9\n"]))
@example(("export", ["--department", "434001", "--out", "{ws}-wal", "--format", "xlsx"]))
@example(("export", ["--department", "434001", "--out", "{out}", "--format", "json"]))
@example(("export", ["--department", "434001", "--out", "{out}/e.xlsx", "--format", "xlsx", "--year", "1e400"]))
@example(("check", ["--department", "434001", "--settings", "{sample}"]))
@example(("import", ["{sample}", "{dir}", "{ws}", "--strict"]))
@example(("parse", ["{sample}", "{sample}", "--out", "{sample}"]))
@example(("compare", ["1", "²"]))
def test_the_cli_answers_every_odd_value(tmp_path_factory: pytest.TempPathFactory, seeded: Path,
                                         invocation: tuple[str, list[str]]) -> None:
    command, args = invocation
    folder = tmp_path_factory.mktemp("run")
    workspace = folder / "w.sqlite"
    shutil.copy(seeded, workspace)
    (folder / "out").mkdir()
    sample = folder / SAMPLE.name  # a copy: an odd command may write over the file it is given
    shutil.copy(SAMPLE, sample)
    values = {"{ws}": str(workspace), "{dir}": str(folder), "{sample}": str(sample), "{out}": str(folder / "out")}

    def fill(arg: str) -> str:
        for key, value in values.items():
            arg = arg.replace(key, value)
        return arg

    argv = [command, *(fill(a) for a in args)]
    if command != "parse":
        argv += ["--workspace", str(workspace)]
    before = _content(workspace)
    try:
        with contextlib.chdir(folder):  # relative paths ("inf", ".") land in the run's folder
            status = main(argv)
    except SystemExit as stop:  # argparse's usage errors
        status = stop.code if isinstance(stop.code, int) else 2
    assert status in (0, 2), argv
    after = _content(workspace)
    assert after[0] == "ok", argv
    if command not in WRITERS:
        assert after == before, argv
    else:
        assert len(after[1][0]) >= len(before[1][0]), argv  # nothing the reviewer had is lost
