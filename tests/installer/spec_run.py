"""Running installer/workbench.spec without PyInstaller's build: what it asks for.

PyInstaller executes a spec as Python with `Analysis`, `PYZ`, `EXE`, `COLLECT` and
`SPECPATH` in its namespace. `run_spec()` executes the real spec with recording
stand-ins for those, on Linux or as if on Windows, and returns what the spec passed
to them (data files, hidden imports, excludes, executables, strip) plus the TOC the
spec kept after its filters, so tests check the spec itself rather than a copy of it.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "workbench.spec"

if str(INSTALLER) not in sys.path:
    sys.path.insert(0, str(INSTALLER))

import bundle_manifest as bm  # noqa: E402, F401  (re-exported for the tests)


@dataclass
class SpecRun:
    analysis: dict[str, Any] = field(default_factory=dict)
    executables: list[dict[str, Any]] = field(default_factory=list)
    collect: dict[str, Any] = field(default_factory=dict)
    binaries: list[tuple[str, str, str]] = field(default_factory=list)
    datas: list[tuple[str, str, str]] = field(default_factory=list)


@functools.cache
def _alembic_submodules() -> tuple[str, ...]:
    from PyInstaller.utils.hooks import collect_submodules

    return tuple(collect_submodules("alembic"))


def run_spec(platform: str, toc: list[tuple[str, str, str]]) -> SpecRun:
    """Execute the spec as PyInstaller would on `platform` ("linux" or "win32"); `toc`
    stands for what PyInstaller's analysis would collect (binaries and Qt data)."""
    import PyInstaller.utils.hooks as hooks

    result = SpecRun()

    class Analysis:
        def __init__(self, scripts: list[str], **options: Any) -> None:
            result.analysis = {"scripts": scripts, **options}
            self.pure: list[Any] = []
            self.scripts: list[Any] = []
            self.binaries = [t for t in toc if t[2] == "BINARY"]
            self.datas = [(f"{dest}/{Path(src).name}", src, "DATA") for src, dest in options["datas"]] + [
                t for t in toc if t[2] == "DATA"
            ]

    def exe(*_args: Any, **options: Any) -> str:
        result.executables.append(options)
        return options["name"]

    def collect(*args: Any, **options: Any) -> None:
        result.collect = options
        result.binaries = [t for arg in args if isinstance(arg, list) for t in arg if t[2] == "BINARY"]
        result.datas = [t for arg in args if isinstance(arg, list) for t in arg if t[2] == "DATA"]

    namespace = {
        "__name__": "__main__",
        "SPECPATH": str(INSTALLER),
        "Analysis": Analysis,
        "PYZ": lambda pure: ("PYZ", pure),
        "EXE": exe,
        "COLLECT": collect,
    }
    real_collect, real_platform, real_path = hooks.collect_submodules, sys.platform, list(sys.path)
    submodules = _alembic_submodules()
    hooks.collect_submodules = lambda name, *a, **k: list(submodules) if name == "alembic" else real_collect(name)
    sys.platform = platform
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        hooks.collect_submodules, sys.platform = real_collect, real_platform
        sys.path[:] = real_path
    return result
