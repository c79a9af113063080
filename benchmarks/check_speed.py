"""Time the review checks over a workspace scope: seconds and peak memory, each run in a
fresh process on a fresh copy of the workspace.

    python benchmarks/make_workspace.py --regions 10 --out /tmp/workbench-city.sqlite
    python benchmarks/check_speed.py [--workspace /tmp/workbench-city.sqlite] [--region NAME] [--before COMMIT]
                                     [--jobs 1,2] [--skip-kept]

A city as issue 20 counts it (19 regions × 80 departments × 20 projects = 30,400 projects):
    python benchmarks/make_workspace.py --regions 19 --out /tmp/workbench-city19.sqlite
    python benchmarks/check_speed.py --workspace /tmp/workbench-city19.sqlite --skip-kept

Three runs over the same current documents (every one, or those of --region):
- anchor: reading the same rows (documents, projects, indicators) with plain sqlite3;
- kept: `check_workspace_documents`, every result kept to the end (what `check` did
  before streaming; results no longer hold their Document);
- before (with --before COMMIT): that commit's check command, which printed when all were done;
- cli: `main.py check --json --jobs N` for each N of --jobs (streaming: each result printed
  once its batch is stored; N worker processes check while the main process stores).
Each line ends with its ratio to the anchor measured in the same run. Peak memory is the
child's max RSS (os.wait4) and, on Linux, the peak of the RSS summed over the child and
its worker processes (sampled every 0.1 s). No figures are asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ANCHOR = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
region = sys.argv[2] or None
where = "d.is_current = 1" + (" AND d.department_id IN (SELECT dp.id FROM departments dp JOIN regions r "
                               "ON r.id = dp.region_id WHERE r.name = ?)" if region else "")
args = (region,) if region else ()
docs = conn.execute(f"SELECT d.* FROM documents d WHERE {where}", args).fetchall()
projects = conn.execute(f"SELECT p.* FROM projects p JOIN documents d ON d.id = p.document_id WHERE {where}",
                        args).fetchall()
indicators = conn.execute("SELECT i.* FROM indicators i JOIN projects p ON p.id = i.project_id "
                          f"JOIN documents d ON d.id = p.document_id WHERE {where}", args).fetchall()
print(len(docs), len(projects), len(indicators), file=sys.stderr)
"""

KEPT = """
import sys
sys.path.insert(0, sys.argv[3])
from core.checks.workspace_run import check_workspace_documents
from core.cli.check_cmd import scope_document_ids
from core.store.workspace import Workspace
with Workspace.open(sys.argv[1], create=False) as ws:
    ids = scope_document_ids(ws, sys.argv[2] or None, None, None)
    results = check_workspace_documents(ws, ids)
print(len(results), sum(len(r.findings) for r in results), file=sys.stderr)
"""

BEFORE = """
import importlib.util, sys
sys.path.insert(0, sys.argv[2])
spec = importlib.util.spec_from_file_location("core.cli.check_cmd", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["core.cli.check_cmd"] = module
spec.loader.exec_module(module)
from main import main
sys.exit(main(["check", "--workspace", sys.argv[3], "--json"]))
"""


def _tree_rss_mb(pid: int) -> float:
    """RSS of a process and its children (the check's workers), from /proc; 0 elsewhere."""
    total = 0
    try:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                if int(entry) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
                    total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")  # fields[21]: rss in pages
            except (OSError, IndexError, ValueError):
                continue
    except OSError:
        return 0.0
    return total / 2**20


PEAK_TREE: list[float] = [0.0]  # the last measure()'s peak summed RSS


def measure(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and stderr's last line of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(child.stderr.read() if child.stderr else ""))
    reader.start()
    peak = 0.0
    # Sample until it exits, leaving it unreaped (WNOWAIT) so wait4 still reads its usage.
    while os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
        peak = max(peak, _tree_rss_mb(child.pid))
        time.sleep(0.1)
    reader.join()
    err = lines[0] if lines else ""
    PEAK_TREE[0] = peak
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{command[:4]} failed ({child.returncode}):\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, (err.strip().splitlines() or [""])[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workspace", type=Path, default=Path("/tmp/workbench-city.sqlite"))
    parser.add_argument("--region", default="", help="only this region's documents (default: all)")
    parser.add_argument("--before", metavar="COMMIT",
                        help="also run core/cli/check_cmd.py as of COMMIT (no --region then: every document)")
    parser.add_argument("--jobs", default=f"1,{os.cpu_count() or 1}",
                        help="the `check --jobs` values to time, comma-separated (default: 1 and every core)")
    parser.add_argument("--skip-kept", action="store_true", help="skip the kept-results run (slow on a city)")
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        def fresh() -> str:
            copy = Path(tmp) / "w.sqlite"
            for suffix in ("-wal", "-shm", ".lock"):
                Path(str(copy) + suffix).unlink(missing_ok=True)
            shutil.copyfile(args.workspace, copy)
            return str(copy)

        anchor, rss, last = measure([python, "-c", ANCHOR, fresh(), args.region])
        print(f"{'anchor: the same rows read with sqlite3':<48} {anchor:7.1f} s {rss:6.0f} MB  ({last})", flush=True)

        def show(label: str, seconds: float, rss: float, last: str = "") -> None:
            print(f"{label:<48} {seconds:7.1f} s {rss:6.0f} MB (all processes {PEAK_TREE[0]:4.0f} MB)  "
                  f"{seconds / anchor:5.0f}× anchor  {last}", flush=True)

        if not args.skip_kept:
            seconds, rss, last = measure([python, "-c", KEPT, fresh(), args.region, str(ROOT)])
            show("kept: check_workspace_documents", seconds, rss, f"({last})")
        if args.before:  # the command as it was at that commit, over today's core
            old = Path(tmp) / "check_cmd_before.py"
            old.write_text(subprocess.run(["git", "-C", str(ROOT), "show", f"{args.before}:core/cli/check_cmd.py"],
                                          check=True, capture_output=True, text=True).stdout, encoding="utf-8")
            seconds, rss, last = measure([python, "-c", BEFORE, str(old), str(ROOT), fresh()])
            show(f"before: check --json at {args.before} (all kept)", seconds, rss)
        for jobs in args.jobs.split(","):
            cli = [python, str(ROOT / "main.py"), "check", "--workspace", fresh(), "--json", "--jobs", jobs]
            if args.region:
                cli += ["--region", args.region]
            seconds, rss, last = measure(cli)
            show(f"cli: main.py check --json --jobs {jobs}", seconds, rss, f"({last})")


if __name__ == "__main__":
    main()
