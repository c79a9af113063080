"""The .pdf reader: text-layer PDF → `Layout`, in one pass over each page.

For every page pdfplumber's ruled-table finder runs once; its cell boxes give the grid
(all distinct cell edges become grid lines, so a box covering several of them is a
merged cell and gets one anchor, whether the merge is horizontal or vertical). Each
character is then placed exactly once: into the cell whose box holds its centre, or
into the running text outside tables. Lines are re-joined by geometry, never by
inserting spaces: a line break is a wrap when the next line's first token would not
have fitted after it; otherwise it ends a paragraph. Page numbers are dropped.

Every page is read in the frame where its text stands upright. pdfminer already turns
a page by its /Rotate (the CTM it starts the page with), and pdfplumber swaps the
media box's sides to match, so a landscape page stored as a portrait media box plus
/Rotate comes out upright. What neither does is turn a page whose text, once /Rotate
is applied, still runs sideways or upside down (a landscape table printed across a
portrait page, a /Rotate set on a page already upright): there the reader finds the
text's direction from the characters' matrices and has pdfminer read the page again
with the extra turn added to its /Rotate, so characters, ruling lines and cell boxes
all arrive in the upright frame. Either way the page goes into `Layout.rotated_pages`.

This is the reference path; the default one, core.importing.pdfium_reader, reads the
characters and ruling lines with PDFium and then goes through the same `page_items` and
`finish_layout` here, so the two differ only in where characters and lines come from.
"""

from __future__ import annotations

import copy
import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import CorruptFileError, ScannedPdfError
from core.importing.layout import GridCell, Layout, Paragraph, TableGrid
from core.importing.text import CLOSING_PUNCT, OPENING_PUNCT, is_cjk, is_word_char
from core.progress import NoProgress, Progress, check

_PAGE_NUMBER_RE = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}\s*(页)?(\s*/\s*(共\s*)?\d{1,4}\s*页?)?[-—–\s]*$")


@dataclass(slots=True)
class Line:
    """One line of characters: geometry and text."""

    chars: list[dict[str, Any]]
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str = ""
    ink_x1: float = 0.0  # right edge of the last visible (non-space) character

    @property
    def first_token_width(self) -> float:
        """Width of what a wrap would have had to fit: first char plus clinging punctuation."""
        chars = [c for c in self.chars if c["text"].strip()]
        if not chars:
            return 0.0
        end = 1
        if chars[0]["text"] in OPENING_PUNCT and len(chars) > 1:
            end = 2
        if chars[end - 1]["text"].isascii():
            # A run of Latin letters, digits and ASCII marks ("[2023]74") breaks as one word.
            while end < len(chars) and chars[end]["text"].isascii() and chars[end]["text"].strip():
                end += 1
        while end < len(chars) and chars[end]["text"] in CLOSING_PUNCT:
            end += 1
        width: float = chars[end - 1]["x1"] - chars[0]["x0"]
        return width


def group_lines(chars: list[dict[str, Any]], page: int) -> list[Line]:
    """Characters → lines, top to bottom, each sorted left to right."""
    lines: list[Line] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        size = float(ch.get("size") or (ch["bottom"] - ch["top"]) or 10.0)
        line = lines[-1] if lines else None
        if (line is not None and abs(ch["top"] - line.top) <= 0.5 * max(size, line.size) + 0.01) \
                or (line is not None and line.top - 0.2 * size <= (ch["top"] + ch["bottom"]) / 2 <= line.bottom):
            line.chars.append(ch)
            line.bottom = max(line.bottom, ch["bottom"])
            line.size = max(line.size, size)
        else:
            lines.append(Line(chars=[ch], page=page, top=ch["top"], bottom=ch["bottom"],
                              x0=ch["x0"], x1=ch["x1"], size=size))
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
        line.x0 = line.chars[0]["x0"]
        line.x1 = max(c["x1"] for c in line.chars)
        line.ink_x1 = max((c["x1"] for c in line.chars if c["text"].strip()), default=line.x0)
        line.text = "".join(c["text"] for c in line.chars)
    return lines


def joins_as_wrap(prev: Line, nxt: Line, right_limit: float) -> bool:
    """True when the break between two lines only wrapped text (nxt's first token did not fit)."""
    return prev.x1 + nxt.first_token_width > right_limit - 0.5


def join_wrapped(prev_text: str, prev: Line, nxt: Line, right_limit: float) -> str:
    """The separator for a wrap: nothing, or a space between two Latin words broken at a space."""
    a, b = prev_text[-1:], nxt.text[:1]
    # A line breaker splits a Latin word only when the word alone overflows a line; if the
    # line had a space or a CJK character to break at, the break stood for a dropped space.
    if is_word_char(a) and is_word_char(b) and any(c == " " or is_cjk(c) for c in prev.text.rstrip()):
        return " "
    return ""


def cell_text(lines: list[Line], cell_x0: float, cell_x1: float) -> str:
    """A cell's lines re-joined: wraps vanish, real paragraph breaks stay as "\\n"."""
    if not lines:
        return ""
    pad = max(0.0, min(line.x0 for line in lines) - cell_x0)
    right_limit = cell_x1 - pad
    text = lines[0].text
    for prev, nxt in itertools.pairwise(lines):
        if joins_as_wrap(prev, nxt, right_limit):
            text += join_wrapped(text, prev, nxt, right_limit) + nxt.text
        else:
            text += "\n" + nxt.text
    return text


def cell_room(lines: list[Line], cell_x0: float, cell_x1: float) -> float | None:
    """Room after a cell's last line, in multiples of its font size (see GridCell.room)."""
    if not lines:
        return None
    pad = max(0.0, min(line.x0 for line in lines) - cell_x0)
    last = lines[-1]
    return max(0.0, (cell_x1 - pad - last.x1) / max(last.size, 1.0))


def _cluster(values: list[float], tolerance: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tolerance:
            continue
        out.append(v)
    return out


def _nearest(coords: list[float], value: float) -> int:
    return min(range(len(coords)), key=lambda i: abs(coords[i] - value))


@dataclass(slots=True)
class _TableBuild:
    """A table found on a page, while its characters are being placed."""

    bbox: tuple[float, float, float, float]
    xs: list[float]
    ys: list[float]
    anchor_of: dict[tuple[int, int], tuple[int, int]]
    boxes: dict[tuple[int, int], tuple[float, float, float, float]]
    chars: dict[tuple[int, int], list[dict[str, Any]]] = field(default_factory=dict)

    def contains(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 - 1 <= x <= x1 + 1 and top - 1 <= y <= bottom + 1

    def place(self, ch: dict[str, Any]) -> None:
        x = (ch["x0"] + ch["x1"]) / 2
        y = (ch["top"] + ch["bottom"]) / 2
        c = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        r = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        anchor = self.anchor_of.get((r, c), (r, c))
        self.chars.setdefault(anchor, []).append(ch)


VEdge = tuple[float, float, float]  # x, top, bottom of a vertical ruling line


class VEdges:
    """A page's vertical ruling lines, sorted by x so that `_true_x` looks only at those near."""

    __slots__ = ("_edges", "_xs")

    def __init__(self, edges: list[VEdge]) -> None:
        # the page's order is kept as the tie-break: the first line of the nearest ones wins
        self._edges = sorted((ex, n, etop, ebottom) for n, (ex, etop, ebottom) in enumerate(edges))
        self._xs = [e[0] for e in self._edges]

    def __len__(self) -> int:
        return len(self._edges)

    def near(self, x: float, reach: float) -> list[tuple[float, int, float, float]]:
        """The lines with |x - line| < reach, sorted by x then by their order on the page."""
        return self._edges[bisect_left(self._xs, x - reach):bisect_right(self._xs, x + reach)]


def _true_x(x: float, top: float, bottom: float, vedges: VEdges) -> float:
    """The x of the ruling line a cell's side stands on.

    pdfplumber snaps edges within 3 pt together across the whole page, so a cell of one
    table may report the x of another table's line nearby; the line that really bounds
    the cell is the one beside it that spans the cell's height. The padding a cell's
    text keeps from its sides (and so where a line counts as full) depends on it.
    """
    middle = (top + bottom) / 2
    best, distance, first = x, 3.5, -1
    for ex, n, etop, ebottom in vedges.near(x, 3.5):
        if etop - 1 <= middle <= ebottom + 1:
            d = abs(ex - x)
            if d < distance or (d == distance and first >= 0 and n < first):
                best, distance, first = ex, d, n
    return best


def _build_table(table: Any, vedges: VEdges | None = None) -> _TableBuild | None:
    cells = [c for c in table.cells if c is not None]
    if not cells:
        return None
    xs = _cluster([v for c in cells for v in (c[0], c[2])])
    ys = _cluster([v for c in cells for v in (c[1], c[3])])
    if len(xs) < 2 or len(ys) < 2:
        return None
    anchor_of: dict[tuple[int, int], tuple[int, int]] = {}
    boxes: dict[tuple[int, int], tuple[float, float, float, float]] = {}
    for x0, top, x1, bottom in cells:
        c0, c1 = _nearest(xs, x0), _nearest(xs, x1)
        r0, r1 = _nearest(ys, top), _nearest(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        if vedges:
            boxes[(r0, c0)] = (_true_x(x0, top, bottom, vedges), top, _true_x(x1, top, bottom, vedges), bottom)
        else:
            boxes[(r0, c0)] = (x0, top, x1, bottom)
        for r in range(r0, r1):
            for c in range(c0, c1):
                anchor_of[(r, c)] = (r0, c0)
    return _TableBuild(bbox=tuple(table.bbox), xs=xs, ys=ys, anchor_of=anchor_of, boxes=boxes)


def _finish_table(build: _TableBuild, page_no: int, index: int) -> TableGrid:
    n_rows, n_cols = len(build.ys) - 1, len(build.xs) - 1
    texts: dict[tuple[int, int], str] = {}
    rooms: dict[tuple[int, int], float | None] = {}
    for anchor, chars in build.chars.items():
        box = build.boxes.get(anchor)
        x0, x1 = (box[0], box[2]) if box else (build.xs[anchor[1]], build.xs[anchor[1] + 1])
        lines = group_lines(chars, page_no)
        texts[anchor] = cell_text(lines, x0, x1)
        rooms[anchor] = cell_room(lines, x0, x1)
    rows: list[list[GridCell]] = []
    for r in range(n_rows):
        row: list[GridCell] = []
        for c in range(n_cols):
            anchor = build.anchor_of.get((r, c), (r, c))
            row.append(GridCell(text=texts.get(anchor, ""), row=r, col=c, anchor=anchor, page=page_no,
                                room=rooms.get(anchor)))
        rows.append(row)
    return TableGrid(index=index, rows=rows, pages=[page_no], col_x=list(build.xs))


@dataclass(slots=True)
class PageItems:
    width: float
    height: float
    items: list[Line | TableGrid]


def _is_page_number(line: Line, height: float) -> bool:
    return (line.top > 0.85 * height or line.bottom < 0.1 * height) and bool(_PAGE_NUMBER_RE.match(line.text))


def _read_page(page: Any, page_no: int, first_table_index: int) -> tuple[PageItems, int, int]:
    """One page → its lines and tables in reading order; returns also char and image counts."""
    found = page.find_tables()
    chars = page.chars
    items = page_items(chars, found, page.edges if found else [], float(page.width), float(page.height),
                       page_no, first_table_index)
    return items, len(chars), len(page.images)


def page_items(chars: list[dict[str, Any]], tables: list[Any], edges: list[dict[str, Any]], width: float,
               height: float, page_no: int, first_table_index: int) -> PageItems:
    """A page's characters and found tables (pdfplumber's, or anything with `.cells` and
    `.bbox`) → its lines and tables in reading order. Both PDF paths end here."""
    vedges = VEdges([(float(e["x0"]), float(e["top"]), float(e["bottom"])) for e in edges
                     if e.get("orientation") == "v"])
    builds = [b for t in tables if (b := _build_table(t, vedges)) is not None]
    outside: list[dict[str, Any]] = []
    for ch in chars:
        x = (ch["x0"] + ch["x1"]) / 2
        y = (ch["top"] + ch["bottom"]) / 2
        for build in builds:
            if build.contains(x, y):
                build.place(ch)
                break
        else:
            outside.append(ch)
    lines = [ln for ln in group_lines(outside, page_no) if ln.text.strip()]
    lines = [ln for ln in lines if not _is_page_number(ln, height)]
    found = [(b.bbox[1], _finish_table(b, page_no, 0)) for b in builds]
    items: list[tuple[float, Line | TableGrid]] = [(ln.top, ln) for ln in lines]
    items += found
    items.sort(key=lambda it: it[0])
    index = first_table_index
    ordered: list[Line | TableGrid] = []
    for _, item in items:
        if isinstance(item, TableGrid):
            item.index = index
            index += 1
        ordered.append(item)
    return PageItems(width, height, ordered)


def _text_turn(chars: list[dict[str, Any]]) -> int:
    """Clockwise turn (0, 90, 180, 270) that makes most of the page's characters upright.

    A character's baseline runs along its matrix's first column; its angle, rounded to a
    quarter turn, is the clockwise turn that brings it to the right. Only a clear
    majority turns a page: a sideways stamp or column label on an upright page must not.
    """
    directions: Counter[int] = Counter()
    for ch in chars:
        if not ch["text"].strip():
            continue
        a, b = ch["matrix"][:2]
        directions[round(math.degrees(math.atan2(b, a)) / 90) % 4 * 90] += 1
    if not directions:
        return 0
    turn, count = directions.most_common(1)[0]
    return turn if 2 * count > directions.total() else 0


def _upright(pdf: Any, page: Any) -> tuple[Any, bool]:
    """The page read in its upright frame, and whether reading it so took a turn.

    A turn is a /Rotate pdfminer applied, or one the reader added for sideways text.
    """
    from pdfplumber.page import Page

    # What pdfminer turned the page by: it reads only an integer /Rotate of 90, 180 or
    # 270, where pdfplumber also takes 90.0 and would size the page turned while its
    # characters are not.
    applied = page.page_obj.rotate if page.page_obj.rotate in (90, 180, 270) else 0
    turn = _text_turn(page.chars)
    rotate = (applied + turn) % 360
    if not turn and rotate == page.rotation:
        return page, bool(applied)
    # A copy: pdf.pages keeps the original Page, whose size and /Rotate stay as the file has them.
    obj = copy.copy(page.page_obj)
    obj.attrs = {**obj.attrs, "Rotate": rotate}
    obj.rotate = rotate
    turned = Page(pdf, obj, page_number=page.page_number, initial_doctop=page.initial_doctop)
    page.close()
    return turned, bool(applied or turn)


def _margins(pages: list[PageItems]) -> dict[tuple[int, int], tuple[float, float]]:
    """Per page format (portrait, landscape…): the text's left edge and right limit."""
    lefts: dict[tuple[int, int], float] = {}
    rights: dict[tuple[int, int], float] = {}
    for p in pages:
        key = (round(p.width), round(p.height))
        for item in p.items:
            if isinstance(item, Line):
                lefts[key] = min(lefts.get(key, item.x0), item.x0)
                rights[key] = max(rights.get(key, item.ink_x1), item.ink_x1)
    out: dict[tuple[int, int], tuple[float, float]] = {}
    for p in pages:
        key = (round(p.width), round(p.height))
        left = lefts.get(key, 0.0)
        out[key] = (left, max(rights.get(key, p.width), p.width - left))
    return out


def _paragraphs(pages: list[PageItems], layout: Layout) -> None:
    """Lines → paragraphs (also across a page break), interleaved with the tables."""
    margins = _margins(pages)
    current: list[Line] = []
    text = ""
    n_par = 0

    def flush() -> None:
        nonlocal current, text, n_par
        if current:
            layout.blocks.append(Paragraph(text=text, index=n_par, page=current[0].page))
            n_par += 1
        current, text = [], ""

    for p in pages:
        left, right = margins[(round(p.width), round(p.height))]
        for item in p.items:
            if isinstance(item, TableGrid):
                flush()
                layout.blocks.append(item)
                continue
            if current:
                prev = current[-1]
                cont_x0 = current[1].x0 if len(current) > 1 else left
                new = (item.x0 - cont_x0 > 0.5 * item.size
                       or abs(item.size - prev.size) > 0.6
                       or (item.page == prev.page and item.top - prev.bottom > 1.0 * item.size)
                       or not joins_as_wrap(prev, item, right))
                if new:
                    flush()
                else:
                    text += join_wrapped(text, prev, item, right) + item.text
                    current.append(item)
                    continue
            current, text = [item], item.text
    flush()


def read_pdf(path: Path, *, sha256: str, progress: Progress | None = None) -> Layout:
    """Read a PDF with a text layer into a Layout (pdfplumber errors go to the registry)."""
    import pdfplumber  # imported here so that .docx work never loads pdfminer

    progress = progress or NoProgress()
    layout = Layout(source_name=path.name, source_format="pdf", sha256=sha256)
    pages: list[PageItems] = []
    n_chars = n_images = 0
    with pdfplumber.open(str(path)) as pdf:
        n_pages = len(pdf.pages)
        layout.page_count = n_pages
        table_index = 0
        for i, page in enumerate(pdf.pages):
            check(progress)
            progress.report(i, n_pages, "读取 PDF 页面")
            page, turned = _upright(pdf, page)
            if turned:
                layout.rotated_pages.append(i + 1)
            items, chars, images = _read_page(page, i + 1, table_index)
            table_index += sum(isinstance(it, TableGrid) for it in items.items)
            n_chars += chars
            n_images += images
            pages.append(items)
            page.close()
        progress.report(n_pages, n_pages, "读取 PDF 页面")
    finish_layout(layout, pages, path, n_chars=n_chars, n_images=n_images)
    return layout


def finish_layout(layout: Layout, pages: list[PageItems], path: Path, *, n_chars: int, n_images: int) -> None:
    """The pages' items → the Layout's blocks (both PDF paths); no text at all is an error."""
    n_pages = len(pages)
    if n_chars == 0:
        if n_pages == 0:
            raise CorruptFileError(path, "PDF 中没有可读的页面（页面目录为空，或文件结构已损坏），无法导入。"
                                         "请重新导出或索取原件。")
        if n_images == 0:  # nothing drawn at all: not a scan (broken xref, blank pages)
            raise CorruptFileError(path, f"PDF 的 {n_pages} 页中既没有文字也没有图片（空白页，或文件内容已损坏），"
                                         "无法导入。请重新导出或索取原件。")
        raise ScannedPdfError(path)
    _mark_continuations(pages)
    _paragraphs(pages, layout)


def _mark_continuations(pages: list[PageItems]) -> None:
    """A table that opens a page right after a page that closed with a table continues it;
    so does one under a running head (lines that repeat lines above the previous page's
    first table, such as the form's title printed on top of every page)."""
    for prev, page in itertools.pairwise(pages):
        if not prev.items or not page.items or not isinstance(prev.items[-1], TableGrid):
            continue
        head: set[str] = set()
        for item in prev.items:
            if isinstance(item, TableGrid):
                break
            head.add(item.text.strip())
        for item in page.items:
            if isinstance(item, TableGrid):
                item.continues_previous = True
            if isinstance(item, TableGrid) or item.text.strip() not in head:
                break
