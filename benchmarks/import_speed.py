"""Import speed: bare library time vs our full import, per corpus file, and a batch with --jobs.

    python benchmarks/import_speed.py [FILES...] [--repeat 3] [--jobs N]

Bare library time is what any import must pay: for a PDF, pdfplumber opening the
file and extracting every page's tables (`page.extract_tables()`); for a .docx,
python-docx loading it and reading the text of every cell of every table. Our
import is `core.importing.read_document` (reader + recogniser). The ratio target is
≤ 1.2. The batch runs `python main.py parse` over all files with --jobs 1 and --jobs N
(each job a core.importing.sandbox.DocumentReader: a reused child process with limits),
then times the same files in this process three ways: `read_document` in-process, one
`DocumentReader` for all, and a fresh child per file (`read_document_sandboxed`).
Prints a Markdown table (median of --repeat runs).
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
sys.path.insert(0, str(ROOT))


def bare_pdf(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def bare_docx(path: Path) -> None:
    import docx

    document = docx.Document(str(path))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


def ours(path: Path) -> None:
    from core.importing import read_document

    read_document(path)


def median_time(func, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def batch(files: list[Path], jobs: int) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "parse", *map(str, files), "--out", out,
                        "--jobs", str(jobs)], check=True, capture_output=True)
        return time.perf_counter() - start


def sandboxed(files: list[Path]) -> tuple[float, float, float]:
    """Seconds for the files: in-process, through one DocumentReader, and a child per file."""
    from core.importing import read_document
    from core.importing.sandbox import DocumentReader, read_document_sandboxed

    start = time.perf_counter()
    for path in files:
        read_document(path)
    inline = time.perf_counter() - start
    start = time.perf_counter()
    with DocumentReader() as reader:
        for path in files:
            reader.read(path)
    reused = time.perf_counter() - start
    start = time.perf_counter()
    for path in files:
        read_document_sandboxed(path)
    return inline, reused, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    corpus = ROOT.parent / "shared" / "corpus"
    files = args.files or sorted([*(corpus / "pdf").glob("*.pdf"), *(corpus / "docx").glob("*.docx")]) \
        or sorted((ROOT / "resources" / "samples").glob("*_A.*"))
    # Warm the imports so that the first file does not pay for loading the libraries.
    ours(files[0])
    bare_pdf(next(f for f in files if f.suffix == ".pdf")) if any(f.suffix == ".pdf" for f in files) else None
    print("| file | bare library | our import | ratio |")
    print("|---|---|---|---|")
    ratios = []
    for path in files:
        bare = median_time(bare_pdf if path.suffix.lower() == ".pdf" else bare_docx, path, args.repeat)
        mine = median_time(ours, path, args.repeat)
        ratios.append(mine / bare)
        print(f"| {path.name} | {bare * 1000:.0f} ms | {mine * 1000:.0f} ms | {mine / bare:.2f} |")
    print(f"\nworst ratio {max(ratios):.2f} (target ≤ 1.2)")
    many = files * 4
    one = batch(many, 1)
    par = batch(many, args.jobs)
    print(f"batch of {len(many)} files: --jobs 1 {one:.1f} s, --jobs {args.jobs} {par:.1f} s "
          f"(speed-up {one / par:.2f}×)")
    inline, reused, fresh = sandboxed(many)
    print(f"the {len(many)} files in this process: read_document {inline:.1f} s, one DocumentReader "
          f"{reused:.1f} s, a child per file {fresh:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
