"""Table rows: how the recogniser's time grows with the rows of one indicator table.

    .venv/bin/python benchmarks/table_rows.py [--rows 1000 10000 50000] [--repeat 3] [--old-n-cols]

One project is written as a .docx by tests/fixtures/docgen.py and read into a Layout;
its indicator grid's data rows (merged 一级指标 cells included) are then repeated,
anchors shifted with them, until the grid has the asked number of rows, and
`core.importing.recognise.recognise` is timed on that Layout (median of --repeat
runs). Reading is linear when the time per row stays flat as the rows grow.
--old-n-cols puts back the former `TableGrid.n_cols` (a max over all rows on every
call) to show what the cached width saves; keep its row counts small (it is quadratic).
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

from core.importing.layout import GridCell, Layout, TableGrid  # noqa: E402
from core.importing.recognise import recognise  # noqa: E402
from core.importing.registry import read_layout  # noqa: E402
from tests.fixtures.docgen import write_docx  # noqa: E402
from tests.importing.helpers import load_truth  # noqa: E402

TRUTH = "2025_yutian_zhengfuban"


def base_layout(folder: Path) -> Layout:
    """The Layout of a one-project document (the truth's first project)."""
    truth = load_truth(TRUTH)
    truth["projects"] = truth["projects"][:1]
    path = folder / "one_project.docx"
    write_docx(truth, path)
    return read_layout(path)


def _indicator_grid(layout: Layout) -> int:
    for i, block in enumerate(layout.blocks):
        if isinstance(block, TableGrid) and block.n_rows and block.text(0, 0).strip() == "一级指标":
            return i
    raise SystemExit("no indicator table in the generated document")


def grown(layout: Layout, n_rows: int) -> Layout:
    """The layout with its indicator grid grown to n_rows data rows by repeating its data rows."""
    at = _indicator_grid(layout)
    grid = layout.blocks[at]
    assert isinstance(grid, TableGrid)
    header, body = grid.rows[:1], grid.rows[1:]
    rows: list[list[GridCell]] = list(header)
    copy = 0
    while len(rows) - 1 < n_rows:
        shift = copy * len(body)
        for row in body:
            if len(rows) - 1 == n_rows:
                break
            rows.append([GridCell(c.text, c.row + shift, c.col, (c.anchor[0] + shift, c.anchor[1]), c.page)
                         for c in row])
        copy += 1
    blocks = list(layout.blocks)
    blocks[at] = TableGrid(index=grid.index, rows=rows, pages=list(grid.pages))
    return Layout(layout.source_name, layout.source_format, layout.sha256, blocks, layout.page_count)


def _old_n_cols() -> None:
    """Put back the former width: a max over every row, on every call."""
    TableGrid.n_cols = property(lambda self: max((len(r) for r in self.rows), default=0))  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--old-n-cols", action="store_true", help="time the former per-call TableGrid.n_cols")
    args = parser.parse_args()
    if args.old_n_cols:
        _old_n_cols()
    with tempfile.TemporaryDirectory() as tmp:
        base = base_layout(Path(tmp))
    print(f"| indicator rows | recognise (median of {args.repeat}) | per row | indicators read |")
    print("|---|---|---|---|")
    for n in args.rows:
        layout = grown(base, n)
        times: list[float] = []
        read = 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            document = recognise(layout)
            times.append(time.perf_counter() - start)
            read = sum(len(p.indicators) for p in document.projects)
        median = statistics.median(times)
        print(f"| {n:,} | {median:.2f} s | {median / n * 1e6:.1f} µs | {read:,} |", flush=True)


if __name__ == "__main__":
    main()
