"""The import's writer alone: CPU to load the store, open a new workspace and store a batch.

    python benchmarks/import_writer.py [--repeat 3]

The 24 files of benchmarks/pdf_paths.py (b) are read once (read_document, in this process)
and pickled; each run is a fresh process that loads the store, opens a new workspace and
stores them through Workspace.import_files with a reader handing back the pickled
Documents, timing each step with time.process_time. With both cores busy reading, this
CPU is what an import pays on top of `parse` (docs/PERFORMANCE.md, "Parallel import").
Medians of --repeat runs; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUN = """
import json, pickle, sys, time, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[2])
t0 = time.process_time()
pairs = pickle.loads(Path(sys.argv[1]).read_bytes())
t1 = time.process_time()
from core.store.workspace import Workspace
t2 = time.process_time()
documents = {str(path): doc for path, doc in pairs}
with tempfile.TemporaryDirectory() as folder:
    ws = Workspace.open(Path(folder) / "w.sqlite")
    t3 = time.process_time()
    ws.import_files([Path(p) for p, _ in pairs], reader=lambda p: documents[str(p)])
    t4 = time.process_time()
    ws.close()
    t5 = time.process_time()
print(json.dumps({"unpickling (parse pays it too)": t1 - t0, "loading the store": t2 - t1,
                  "opening a new workspace": t3 - t2, "storing the batch": t4 - t3, "closing": t5 - t4,
                  "writer in all": t5 - t1}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from benchmarks.pdf_paths import compile_sources, make_files
    from core.importing import read_document

    compile_sources()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = make_files(folder)
        pickled = folder / "documents.pickle"
        pickled.write_bytes(pickle.dumps([(path, read_document(path)) for path in files]))
        runs = [json.loads(subprocess.run([sys.executable, "-c", RUN, str(pickled), str(ROOT)], check=True,
                                          capture_output=True, text=True).stdout)
                for _ in range(args.repeat)]
    print(f"{len(files)} files, CPU seconds, medians of {args.repeat} runs")
    for name in runs[0]:
        print(f"| {name} | {statistics.median(r[name] for r in runs):.3f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
