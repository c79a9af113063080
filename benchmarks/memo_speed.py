"""Memo speed: the review memo of a generated 50-project department, PDF and DOCX.

    .venv/bin/python benchmarks/memo_speed.py [--projects 50] [--rows 12] [--repeat 3]

Target (issue 8): the PDF of a 50-project department in under 5 s. Prints the
median of each step over the repeats (content, PDF, DOCX), the page count and the
file sizes; exits 1 when the PDF misses the target. Fonts are registered once per
process; the first run's extra cost is printed separately.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.memo.content import build_memo  # noqa: E402
from core.memo.docx import render_docx  # noqa: E402
from core.memo.pdf import render_pdf  # noqa: E402
from core.memo.pdf_fonts import load_fonts  # noqa: E402
from tests.memo.sample import REVIEWER, make_document, make_review  # noqa: E402

TARGET_SECONDS = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=50)
    parser.add_argument("--rows", type=int, default=12, help="indicator rows per project")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    document = make_document(args.projects, rows=args.rows)
    review = make_review(document)
    started = time.perf_counter()
    load_fonts()
    font_seconds = time.perf_counter() - started

    content, pdf, docx = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            memo = build_memo(document, reviewer=REVIEWER, findings=review.findings,
                              annotations=review.annotations, revisions=review.revisions, grades=review.grades)
            t1 = time.perf_counter()
            report = render_pdf(memo, Path(folder) / "memo.pdf")
            t2 = time.perf_counter()
            docx_path = render_docx(memo, Path(folder) / "memo.docx")
            t3 = time.perf_counter()
            content.append(t1 - t0)
            pdf.append(t2 - t1)
            docx.append(t3 - t2)
        pdf_size = report.path.stat().st_size
        docx_size = docx_path.stat().st_size

    rows = sum(len(p.indicators) for p in document.projects)
    total = statistics.median(content) + statistics.median(pdf)
    print(f"department: {args.projects} projects, {rows} indicator rows, {len(review.accepted)} accepted findings, "
          f"{len(review.annotations)} annotations, {len(review.revisions)} revisions")
    print(f"font registration (once per process): {font_seconds:.2f} s")
    print(f"content (build_memo):  median {statistics.median(content):.3f} s")
    print(f"PDF (render_pdf):      median {statistics.median(pdf):.2f} s, {report.pages} pages, "
          f"{pdf_size / 1e6:.2f} MB")
    print(f"DOCX (render_docx):    median {statistics.median(docx):.2f} s, {docx_size / 1e3:.0f} kB")
    print(f"memo to PDF: {total:.2f} s (target < {TARGET_SECONDS:.0f} s): "
          f"{'ok' if total < TARGET_SECONDS else 'MISSED'}")
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
