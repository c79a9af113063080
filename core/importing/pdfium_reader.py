"""The fast .pdf reader: PDFium (pypdfium2) reads the page, pdfplumber's table finder and our
line/paragraph code do the rest, giving the same `Layout` as core.importing.pdf_reader.

pdfplumber gets a page's characters and ruling lines from pdfminer, an interpreter in pure
Python: about nine tenths of a PDF's reading time. Here PDFium, in C, reads them instead
(core.importing.pdfium_objects rebuilds pdfplumber's character and edge dicts from it),
pdfplumber's own table-finding functions turn the edges into cells, and the page goes
through the very functions the pdfplumber reader uses (`page_items`, `finish_layout`),
so the two readers differ only in where the characters and lines come from.
tests/importing/test_pdfium_path.py reads every corpus and generated PDF both ways and
requires the same Layout.

Pages are read in their upright frame as pdf_reader does. This reader takes only text
that is upright in the file's own frame (core.importing.pdfium_objects raises on any
other, and the file is read by pdfplumber), so a page with text is read in the file's
frame, and a page without text by its /Rotate.

Anything this reader cannot do as pdfplumber would (a file PDFium refuses, a page object
of an unknown kind, a media box only the page tree knows…) raises; core.importing.registry
then reads the file with pdfplumber and says so in the import report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.importing.layout import Layout, TableGrid
from core.importing.pdf_reader import PageItems, finish_layout, page_items
from core.progress import NoProgress, Progress, check


@dataclass(frozen=True, slots=True)
class FoundTable:
    """A table pdfplumber's finder found: what `page_items` asks of pdfplumber's Table."""

    cells: list[tuple[float, float, float, float]]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        # pdfplumber.table.Table.bbox
        cells = self.cells
        return (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells),
                max(c[3] for c in cells))


def find_tables(edges: list[dict[str, Any]]) -> list[FoundTable]:
    """pdfplumber's `page.find_tables()` with its default ("lines") settings, on these edges.

    The same steps as pdfplumber.table.TableFinder: edges of each orientation at least
    `edge_min_length_prefilter` long, snapped and joined, those at least `edge_min_length`
    kept, their intersections, the cells between them, the cells grouped into tables.
    """
    from pdfplumber.table import TableSettings, cells_to_tables, edges_to_intersections, merge_edges
    from pdfplumber.utils.geometry import filter_edges

    if not edges:
        return []
    settings = TableSettings.resolve(None)
    v = filter_edges(edges, "v", min_length=settings.edge_min_length_prefilter)
    h = filter_edges(edges, "h", min_length=settings.edge_min_length_prefilter)
    merged = merge_edges(v + h, snap_x_tolerance=settings.snap_x_tolerance,
                         snap_y_tolerance=settings.snap_y_tolerance,
                         join_x_tolerance=settings.join_x_tolerance,
                         join_y_tolerance=settings.join_y_tolerance)
    merged = filter_edges(merged, min_length=settings.edge_min_length)
    intersections = edges_to_intersections(merged, settings.intersection_x_tolerance,
                                           settings.intersection_y_tolerance)
    cells = intersections_to_cells(intersections)
    return [FoundTable(list(group)) for group in cells_to_tables(cells)]


Point = tuple[float, float]
Box = tuple[float, float, float, float]


def intersections_to_cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[Box]:
    """pdfplumber.table.intersections_to_cells, the same cells in the same order, faster.

    pdfplumber's own rebuilds both points' edge sets on every question "does an edge join
    these two points" and scans every later point for those below and to the right of
    each: a third of a page's reading time on ruled tables. Here the sets are built once
    per point and the points below / to the right are looked up by column and row.
    tests/importing/test_pdfium_path.py compares the two on every test PDF's pages.
    """
    v_sets = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in found["v"]}
              for p, found in intersections.items()}
    h_sets = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in found["h"]}
              for p, found in intersections.items()}

    def connects(p1: Point, p2: Point) -> bool:
        return bool((p1[0] == p2[0] and not v_sets[p1].isdisjoint(v_sets[p2]))
                    or (p1[1] == p2[1] and not h_sets[p1].isdisjoint(h_sets[p2])))

    points = sorted(intersections)
    # sorted by (x, top): a point's column is a run of the list; its row, in x order
    column: dict[float, list[Point]] = {}
    row: dict[float, list[Point]] = {}
    for point in points:
        column.setdefault(point[0], []).append(point)
        row.setdefault(point[1], []).append(point)
    place_in_column = {p: n for pts in column.values() for n, p in enumerate(pts)}
    place_in_row = {p: n for pts in row.values() for n, p in enumerate(pts)}
    cells: list[Box] = []
    for pt in points[:-1]:
        below = column[pt[0]][place_in_column[pt] + 1:]
        right = row[pt[1]][place_in_row[pt] + 1:]
        cell = _smallest_cell(pt, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(pt: Point, below: list[Point], right: list[Point], intersections: dict[Point, Any],
                   connects: Any) -> Box | None:
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            bottom_right = (right_pt[0], below_pt[1])
            if bottom_right in intersections and connects(bottom_right, right_pt) \
                    and connects(bottom_right, below_pt):
                return (pt[0], pt[1], bottom_right[0], bottom_right[1])
    return None


def read_pdf_pdfium(path: Path, *, sha256: str, progress: Progress | None = None) -> Layout:
    """Read a PDF with a text layer into a Layout through PDFium.

    Raises whatever PDFium or the page rebuilding raises (core.importing.pdfium_objects.
    UnsupportedPage among them); the registry falls back to pdf_reader.read_pdf on any of it.
    """
    import pypdfium2 as pdfium

    from core.importing.pdfium_objects import PDFIUM_LOCK, font_descents, read_page_objects

    progress = progress or NoProgress()
    layout = Layout(source_name=path.name, source_format="pdf", sha256=sha256)
    pages: list[PageItems] = []
    n_chars = n_images = 0
    descents = font_descents(str(path))
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(path))
        try:
            n_pages = len(document)
            layout.page_count = n_pages
            table_index = 0
            for i in range(n_pages):
                check(progress)
                progress.report(i, n_pages, "读取 PDF 页面")
                page = document[i]
                try:
                    textpage = page.get_textpage()
                    try:
                        objects = read_page_objects(page, textpage, descents)
                    finally:
                        textpage.close()
                finally:
                    page.close()
                items, turned, chars = _page(objects, i + 1, table_index)
                if turned:
                    layout.rotated_pages.append(i + 1)
                table_index += sum(isinstance(it, TableGrid) for it in items.items)
                n_chars += chars
                n_images += objects.images
                pages.append(items)
            progress.report(n_pages, n_pages, "读取 PDF 页面")
        finally:
            document.close()
    finish_layout(layout, pages, path, n_chars=n_chars, n_images=n_images)
    return layout


def _page(objects: Any, page_no: int, first_table_index: int) -> tuple[PageItems, bool, int]:
    """One page's objects → its items, whether it was read turned, and its character count."""
    from core.importing.pdfium_objects import Frame, plumber_chars, plumber_edges

    applied = objects.rotate
    # pdf_reader turns by /Rotate, then by the text's direction in that frame: together, the
    # direction of most characters in the file's frame, which here is upright (0) whenever
    # the page has text; /Rotate alone on a page without any.
    rotate = 0 if any(ch.text.strip() for ch in objects.chars) else applied
    frame = Frame.of(objects.mediabox, rotate)
    chars = plumber_chars(objects.chars, frame)
    edges = plumber_edges(objects.paths, frame)
    tables = find_tables(edges)
    items = page_items(chars, tables, edges if tables else [], frame.width, frame.height, page_no,
                       first_table_index)
    return items, bool(applied or rotate != applied), len(chars)
