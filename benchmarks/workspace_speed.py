"""Time the workspace operations the window needs on a province-scale file; print the figures.

    python benchmarks/make_workspace.py            # once: builds /tmp/workbench-province.sqlite
    python benchmarks/workspace_speed.py [--workspace /tmp/workbench-province.sqlite]

Targets (docs/PERFORMANCE.md): open < 1 s, load a project with its indicators < 50 ms,
search < 200 ms, peak memory < 600 MB. Each operation runs on several randomly chosen
departments/projects/terms; the worst and the median are printed.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.store import Workspace

TARGETS_MS = {"open": 1000.0, "load project": 50.0, "search": 200.0}


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def report(name: str, times: list[float], note: str = "") -> None:
    target = TARGETS_MS.get(name.split(" (")[0])
    verdict = "" if target is None else ("  OK" if max(times) < target else f"  OVER target {target:.0f} ms")
    print(f"{name:<34} median {statistics.median(times):8.1f} ms   worst {max(times):8.1f} ms{verdict}  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workspace", type=Path, default=Path("/tmp/workbench-province.sqlite"))
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if not args.workspace.exists():
        sys.exit(f"{args.workspace} not found: run benchmarks/make_workspace.py first")
    rng = random.Random(7)
    print(f"workspace {args.workspace} ({args.workspace.stat().st_size / 2**20:,.0f} MiB)")

    ms, ws = timed(lambda: Workspace.open(args.workspace))
    assert isinstance(ws, Workspace)
    report("open", [ms], "(lock, header and schema check; integrity_check only for files up to 64 MiB)")
    try:
        ms, regions = timed(ws.regions)
        report("list regions (with counts)", [ms], f"{len(regions)} regions")  # type: ignore[arg-type]
        region_ids = [r.id for r in regions]  # type: ignore[attr-defined]
        dept_times, list_times, load_times, project_ids = [], [], [], []
        for _ in range(args.repeat):
            ms, departments = timed(lambda: ws.departments(rng.choice(region_ids)))
            dept_times.append(ms)
            department = rng.choice(departments)  # type: ignore[arg-type]
            ms, projects = timed(lambda d=department: ws.department_projects(d.id))
            list_times.append(ms)
            project_ids.append(rng.choice(projects).id)  # type: ignore[arg-type]
        report("list a region's departments", dept_times)
        report("list a department's projects", list_times)
        for pid in project_ids:
            ms, _ = timed(lambda p=pid: ws.project(p))
            load_times.append(ms)
        report("load project (+ indicators)", load_times)
        for label, terms in (("search (3+ chars, trigram)", ["督查设备", "信息化平台", "满意度", "热线服务及时率",
                                                               "没有这个词语", "审计资料合格率"]),
                             ("search (1-2 chars, trigram vocab)", ["督查", "档案", "文物", "无此"])):
            times = []
            hits = []
            for term in terms:
                ms, found = timed(lambda t=term: ws.search(t, 50))
                times.append(ms)
                hits.append(len(found))  # type: ignore[arg-type]
            report(label, times, f"hits per term {hits}")
        ms, _ = timed(lambda: ws.load_document(ws.document_info(ws.project(project_ids[0]).document_id).id))
        report("load a whole document", [ms])
    finally:
        ms, _ = timed(ws.close)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (max RSS)':<34} {peak:8.0f} MB{'  OK' if peak < 600 else '  OVER target 600 MB'}")


if __name__ == "__main__":
    main()
