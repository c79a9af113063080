"""Time how long the program takes to start, beside what the same machine needs anyway.

    python benchmarks/startup.py [--runs 7]

Each figure is the wall time of a whole process (subprocess.run, time.perf_counter),
median of --runs runs taken in turn with their anchors, so the load of the moment
weighs on both sides alike:

- `python -c pass` — the anchor of the command line;
- `main.py --help` and `main.py parse` of one small .docx (the reader runs in its
  sandbox child), against `python -c pass` and against python-docx alone reading the
  same file in a process of its own;
- `main.py gui --demo --screenshot` (the window on the demo workspace, drawn and
  closed), against a bare QMainWindow shown, drawn and closed.

Prints one line per figure with the anchor and the ratio. No figure is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "2025_lunan_shenpiju_A.docx"
BARE_QT = ("from PySide6.QtWidgets import QApplication, QMainWindow\n"
           "app = QApplication([]); w = QMainWindow(); w.resize(1440, 900); w.show(); app.processEvents()\n"
           "w.grab().save(__import__('sys').argv[1]); w.close()\n")
DOCX_ALONE = ("import sys, docx\n"
              "d = docx.Document(sys.argv[1])\n"
              "[c.text for t in d.tables for r in t.rows for c in r.cells]\n")


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JIXIAO_WORKBENCH_LOG_DIR=scratch,
                   HOME=scratch, XDG_DATA_HOME=scratch, XDG_CONFIG_HOME=scratch)
        commands = {
            "python -c pass": [python, "-c", "pass"],
            "main.py --help": [python, "main.py", "--help"],
            "python-docx alone, small .docx": [python, "-c", DOCX_ALONE, str(SAMPLE)],
            "main.py parse, small .docx": [python, "main.py", "parse", str(SAMPLE), "--out", scratch, "--jobs", "1"],
            "bare Qt window": [python, "-c", BARE_QT, f"{scratch}/bare.png"],
            "main.py gui --demo": [python, "main.py", "gui", "--demo", "--screenshot", f"{scratch}/window.png"],
        }
        timed(commands["main.py gui --demo"], env)  # builds the demo workspace once, outside the timing
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command, env))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"load average at the end: {os.getloadavg()[0]:.1f}; medians of {args.runs} runs")
    for name, anchor in (("main.py --help", "python -c pass"), ("main.py parse, small .docx", "python -c pass"),
                         ("main.py parse, small .docx", "python-docx alone, small .docx"),
                         ("main.py gui --demo", "bare Qt window")):
        print(f"{name:28s} {median[name]:6.2f} s   {anchor}: {median[anchor]:5.2f} s   "
              f"ratio {median[name] / median[anchor]:5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
