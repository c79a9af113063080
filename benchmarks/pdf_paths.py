"""PDF reading paths and parallel import, each beside its anchor measured in the same run.

    python benchmarks/pdf_paths.py [--repeat 5] [--jobs 2] [--skip-import]

(a) `read_document` of a 56-page PDF (the test generator's 2023_tangshan_zhengfuban_full at
    16.2 pt: 56 pages, 45 projects, the budget tables) on the PDFium path (the default),
    against the anchor: bare pypdfium2 reading every page's characters (text and box) and
    every path object's points. The pdfplumber path is timed too, for reference.
    Target ≤ 4×.
(b) `main.py import` of 24 files into a fresh workspace (whole process, `--jobs N`),
    against the anchor `main.py parse` of the same files with `--jobs 2`. Target ≤ 1.1×.
    The 24 files: the three corpus PDFs and 21 written by the test generator (every truth
    as .pdf and .docx, the Yutian document's PDF variants), all distinct bytes.

(c) The sandbox's cost on a batch: the same 24 files read with `read_document` in this
    process, and through one core.importing.sandbox.DocumentReader (one child process,
    spawned once, each Document pickled back).

Runs are interleaved (anchor, ours, anchor, ours …) and medians printed, so the load of
other work weighs on both alike.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BIG_VARIANT = {"font_size": 16.2}


def bare_pdfium(path: Path) -> int:
    """The anchor: every character's text and box, every path object's points, with pypdfium2."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    n = 0
    document = pdfium.PdfDocument(str(path))
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_float(), ctypes.c_float()
    for page in document:
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        for i in range(textpage.count_chars()):
            raw.FPDFText_GetCharBox(textpage, i, left, right, bottom, top)
        n += len(text)
        for obj in page.get_objects(max_depth=15):
            if obj.type == raw.FPDF_PAGEOBJ_PATH:
                matrix = obj.get_matrix()
                for s in range(raw.FPDFPath_CountSegments(obj)):
                    raw.FPDFPathSegment_GetPoint(raw.FPDFPath_GetPathSegment(obj, s), x, y)
                n += bool(matrix)
        textpage.close()
        page.close()
    document.close()
    return n


def read_with(reader: str) -> Callable[[Path], object]:
    def run(path: Path) -> object:
        from core.importing import read_document

        os.environ["JIXIAO_PDF_READER"] = reader
        try:
            return read_document(path)
        finally:
            os.environ.pop("JIXIAO_PDF_READER", None)
    return run


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            times[name].append(timed(fn))
    return {name: statistics.median(t) for name, t in times.items()}


def make_files(folder: Path) -> list[Path]:
    from tests.fixtures.docgen import write_docx, write_pdf
    from tests.importing.helpers import load_truth
    from tests.importing.test_generated import TRUTHS, VARIANTS

    files = [shutil.copy(p, folder / p.name) for p in sorted((ROOT.parent / "shared" / "corpus" / "pdf").glob("*.pdf"))]
    out = [Path(f) for f in files]
    for name in TRUTHS:
        for suffix, write in (("pdf", write_pdf), ("docx", write_docx)):
            write(load_truth(name), folder / f"{name}.{suffix}")
            out.append(folder / f"{name}.{suffix}")
    for n, variant in enumerate(VARIANTS):
        if len(out) >= 24:
            break
        write_pdf(load_truth("2025_yutian_zhengfuban"), folder / f"variant{n}.pdf", **variant)
        out.append(folder / f"variant{n}.pdf")
    return out[:24]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--skip-import", action="store_true")
    args = ap.parse_args()
    # Both sides run from compiled bytecode, as the installed program does: with
    # PYTHONDONTWRITEBYTECODE set (this machine) modules never compiled would be compiled
    # again by every process (0.1 s of an import's writer, less of parse's).
    compile_sources()
    from tests.fixtures.docgen import write_pdf
    from tests.importing.helpers import load_truth

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = folder / "big.pdf"
        write_pdf(load_truth("2023_tangshan_zhengfuban_full"), big, **BIG_VARIANT)
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(str(big)))
        read_with("pdfium")(big)  # warm the imports and caches of both paths
        read_with("pdfplumber")(big)
        t = interleaved({"bare pypdfium2": lambda: bare_pdfium(big),
                         "read_document, PDFium path": lambda: read_with("pdfium")(big),
                         "read_document, pdfplumber path": lambda: read_with("pdfplumber")(big)}, args.repeat)
        anchor = t["bare pypdfium2"]
        print(f"(a) {pages}-page PDF, medians of {args.repeat} interleaved runs")
        print("| figure | time | ratio to anchor |")
        print("|---|---|---|")
        for name, value in t.items():
            print(f"| {name} | {value * 1000:.0f} ms | {value / anchor:.2f} |")
        if args.skip_import:
            return 0
        files = make_files(folder)
        main_py = str(ROOT / "main.py")

        def parse() -> None:
            out = folder / "json"
            shutil.rmtree(out, ignore_errors=True)
            subprocess.run([sys.executable, main_py, "parse", *map(str, files), "--out", str(out), "--jobs", "2"],
                           check=False, capture_output=True)

        def import_(jobs: int, *, fresh: bool = True) -> Callable[[], None]:
            """`import` of the files: into a new workspace, or (fresh False) into the one that
            holds them all already, where the readers pass over every file."""
            def run() -> None:
                place = folder / ("ws" if fresh else "again")
                if fresh:
                    shutil.rmtree(place, ignore_errors=True)
                place.mkdir(exist_ok=True)
                done = subprocess.run([sys.executable, main_py, "import", *map(str, files), "--workspace",
                                       str(place / "ws.sqlite"), "--jobs", str(jobs)], check=False, capture_output=True)
                if done.returncode != 0:
                    raise SystemExit(done.stderr.decode(errors="replace")[-2000:])
            return run

        import_again = import_(args.jobs, fresh=False)
        import_again()  # the first run stores them
        runs = {"parse --jobs 2 (anchor)": parse, f"import --jobs {args.jobs}": import_(args.jobs),
                "import --jobs 1": import_(1), f"import --jobs {args.jobs}, all {len(files)} stored already":
                import_again}
        t = interleaved(runs, max(3, args.repeat // 2 + 1))
        anchor = t["parse --jobs 2 (anchor)"]
        print(f"\n(b) {len(files)} files into a fresh workspace, whole process, medians")
        print("| figure | time | ratio to anchor |")
        print("|---|---|---|")
        for name, value in t.items():
            print(f"| {name} | {value:.2f} s | {value / anchor:.2f} |")
        t = interleaved({"read_document in this process": lambda: read_all(files, None),
                         "one DocumentReader (sandbox)": lambda: sandboxed_all(files)}, max(3, args.repeat // 2 + 1))
        anchor = t["read_document in this process"]
        print(f"\n(c) the same {len(files)} files, one after another, medians")
        print("| figure | time | ratio to anchor |")
        print("|---|---|---|")
        for name, value in t.items():
            print(f"| {name} | {value:.2f} s | {value / anchor:.2f} |")
    return 0


def compile_sources() -> None:
    """Compile core/ and ui/ first, so that every process runs from bytecode as the installed
    program does (with PYTHONDONTWRITEBYTECODE set, a module never compiled would be
    compiled again by each process)."""
    import compileall

    for package in ("core", "ui"):
        compileall.compile_dir(ROOT / package, quiet=1)


def read_all(files: list[Path], reader: Callable[[Path], object] | None) -> None:
    from core.errors import UserError
    from core.importing import read_document

    for path in files:
        with contextlib.suppress(UserError):  # none of the 24 fails; a broken one would not stop the run
            (reader or read_document)(path)


def sandboxed_all(files: list[Path]) -> None:
    from core.importing.sandbox import DocumentReader

    with DocumentReader() as reader:
        read_all(files, reader.read)


if __name__ == "__main__":
    sys.exit(main())
