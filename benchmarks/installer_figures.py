"""Installed size and start-up time of the Debian package (docs/PERFORMANCE.md "Installer").

    bash installer/build_deb.sh
    .venv/bin/python benchmarks/installer_figures.py dist/jixiao-workbench_0.1.0_amd64.deb [--runs 9]

Unpacks the .deb into an empty temporary root (dpkg-deb -x), prints the installed size
(the bytes of the files under the root, and the package's Installed-Size field, which
counts whole disk blocks) in bytes, MB (10^6) and MiB (2^20), and the package size,
imports the bundled samples into a workspace with the installed program's own `import`
subcommand, then starts the installed program `--runs` times as a reviewer would
(`gui --workspace W`), offscreen, with `--screenshot` so it exits as soon as the main
window has been shown and drawn: wall-clock launch → window rendered → process gone,
an upper bound of "start-up to the main window". One warm-up run is not counted. As root
the runs happen inside `unshare -n` (no network at all).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The target, in decimal megabytes.
TARGET_BYTES = 150_000_000


def sizes(n: int) -> str:
    """Bytes, decimal MB and binary MiB: package sizes are quoted in both."""
    return f"{n:,} bytes = {n / 1e6:.1f} MB = {n / 2**20:.1f} MiB"


def tree_bytes(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("deb", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    no_network = ["unshare", "-n"] if os.geteuid() == 0 and shutil.which("unshare") else []
    with tempfile.TemporaryDirectory(prefix="installer-figures-") as scratch_name:
        scratch = Path(scratch_name)
        root = scratch / "root"
        subprocess.run(["dpkg-deb", "-x", str(args.deb), str(root)], check=True)
        installed_field = subprocess.run(["dpkg-deb", "-f", str(args.deb), "Installed-Size"], check=True,
                                         capture_output=True, text=True).stdout.strip()
        name = args.deb.name.split("_")[0]
        program = root / "opt" / name / name
        print(f"package {args.deb.name}: {sizes(args.deb.stat().st_size)}")
        installed = tree_bytes(root)
        print(f"installed: {sizes(installed)} in files; Installed-Size field {sizes(int(installed_field) * 1024)} "
              f"(target < {TARGET_BYTES / 1e6:.0f} MB: {'met' if installed < TARGET_BYTES else 'NOT met'}, "
              f"{(TARGET_BYTES - installed) / 1e6:+.1f} MB to spare)")
        opt = root / "opt" / name / "_internal"
        parts = sorted(((tree_bytes(p) if p.is_dir() and not p.is_symlink() else p.lstat().st_size, p.name)
                        for p in opt.iterdir()),
                       reverse=True)[:8]
        print("largest parts (MiB): " + ", ".join(f"{n} {s / 2**20:.1f}" for s, n in parts))

        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(scratch / "home"))
        env.pop("PYTHONPATH", None)
        workspace = scratch / "workspace.sqlite"
        samples = sorted(p for p in (opt / "resources" / "samples").iterdir() if p.suffix in (".docx", ".pdf", ".xlsx"))
        subprocess.run([*no_network, str(program), "import", "--workspace", str(workspace), *map(str, samples)],
                       check=True, env=env, capture_output=True)
        times = []
        for run in range(args.runs + 1):
            shot = scratch / f"window-{run}.png"
            started = time.perf_counter()
            subprocess.run([*no_network, str(program), "gui", "--workspace", str(workspace), "--screenshot", str(shot)],
                           check=True, env=env, capture_output=True)
            elapsed = time.perf_counter() - started
            if not shot.is_file():
                print("the window saved no screenshot", file=sys.stderr)
                return 1
            if run:
                times.append(elapsed)
        print(f"start-up to the main window ({len(samples)} sample documents in the workspace, "
              f"{args.runs} runs{', no network' if no_network else ''}): "
              f"min {min(times):.2f} s, median {statistics.median(times):.2f} s, max {max(times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
