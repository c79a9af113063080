"""A PDF page's characters and ruling lines read with PDFium (pypdfium2), as pdfplumber gives them.

This is the C-speed half of the fast .pdf path (core.importing.pdfium_reader): it asks
PDFium for each character's text, advance box and origin and for the path objects, and
hands back the same dicts pdfplumber would have made (`text, x0, x1, top, bottom, size`
for a character; `x0, x1, top, bottom, width, height, orientation` for an edge), in
pdfplumber's frame: origin top left, the page turned upright. Two readers that agree on
these agree on the Layout, because everything after them is shared code.

How pdfplumber's numbers are rebuilt:
- A character's box is pdfminer's: from the baseline origin, along the baseline by the
  glyph's advance (PDFium's "loose" box has the same advance), across it from the font's
  descent to descent + font size, put through the character's matrix; pdfminer never
  looks at the glyph's shape, so neither does this.
- A path object becomes pdfminer's LTLine / LTRect / LTCurve by the same rules as
  pdfminer's `paint_path` (one object per subpath, a closed four-sided axis-parallel
  path is a rect, `ml`/`mlh` a line, anything else a curve through its end points),
  then pdfplumber's edges (`line_to_edge`, `rect_to_edges`, `curve_to_edges`, in the
  order lines, rects, curves).
- The page frame is pdfminer's: its CTM for /Rotate and the media box's origin, then
  pdfplumber's flip of the y axis.

PDFium keeps coordinates as 32-bit floats, pdfminer as 64-bit ones parsed from the same
decimal text. Every coordinate here is therefore rounded to 1/10,000 pt (`DIGITS`):
that gives back the number the file wrote (a budget PDF writes at most four decimals
almost everywhere), so both readers meet, and a page read turned comes out the same as
its upright twin.

PDFium is not thread-safe; `PDFIUM_LOCK` serialises its use within one process.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

DIGITS = 4  # decimals kept of every coordinate (see the module docstring)
PDFIUM_LOCK = threading.Lock()

Char = dict[str, Any]
Edge = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]


class UnsupportedPage(Exception):  # a reason to fall back, not a failure
    """A page this reader cannot rebuild as pdfplumber would: the caller falls back to pdfplumber."""


# --- C functions -------------------------------------------------------------------------
# pypdfium2's bindings return typed pointers, a new Python object per call whose identity
# says nothing; the handful called once per character are re-declared here on the same C
# functions with plain addresses (ints), which ctypes converts fastest and which compare.
_VP, _INT, _DBL_P = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double)


def _fn(bound: Any, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    address = ctypes.cast(bound, ctypes.c_void_p).value
    if not address:
        raise ImportError("a PDFium function is missing")
    prototype: Callable[..., Any] = ctypes.CFUNCTYPE(restype, *argtypes)(address)
    return prototype


_count_chars = _fn(raw.FPDFText_CountChars, _INT, _VP)
_get_text = _fn(raw.FPDFText_GetText, _INT, _VP, _INT, _INT, ctypes.POINTER(ctypes.c_ushort))
_get_unicode = _fn(raw.FPDFText_GetUnicode, ctypes.c_uint, _VP, _INT)
_is_generated = _fn(raw.FPDFText_IsGenerated, _INT, _VP, _INT)
_text_object = _fn(raw.FPDFText_GetTextObject, _VP, _VP, _INT)
_loose_box = _fn(raw.FPDFText_GetLooseCharBox, _INT, _VP, _INT, ctypes.POINTER(raw.FS_RECTF))
_origin = _fn(raw.FPDFText_GetCharOrigin, _INT, _VP, _INT, _DBL_P, _DBL_P)
_char_matrix = _fn(raw.FPDFText_GetMatrix, _INT, _VP, _INT, ctypes.POINTER(raw.FS_MATRIX))
_font_size = _fn(raw.FPDFText_GetFontSize, ctypes.c_double, _VP, _INT)
_object_font = _fn(raw.FPDFTextObj_GetFont, _VP, _VP)
_font_name = _fn(raw.FPDFFont_GetBaseFontName, ctypes.c_size_t, _VP, ctypes.c_char_p, ctypes.c_size_t)
_object_bounds = _fn(raw.FPDFPageObj_GetBounds, _INT, _VP, *([ctypes.POINTER(ctypes.c_float)] * 4))
_count_objects = _fn(raw.FPDFPage_CountObjects, _INT, _VP)
_page_object = _fn(raw.FPDFPage_GetObject, _VP, _VP, _INT)
_object_type = _fn(raw.FPDFPageObj_GetType, _INT, _VP)
_object_matrix = _fn(raw.FPDFPageObj_GetMatrix, _INT, _VP, ctypes.POINTER(raw.FS_MATRIX))
_form_count = _fn(raw.FPDFFormObj_CountObjects, _INT, _VP)
_form_object = _fn(raw.FPDFFormObj_GetObject, _VP, _VP, ctypes.c_ulong)
_segments = _fn(raw.FPDFPath_CountSegments, _INT, _VP)
_segment = _fn(raw.FPDFPath_GetPathSegment, _VP, _VP, _INT)
_segment_point = _fn(raw.FPDFPathSegment_GetPoint, _INT, _VP, ctypes.POINTER(ctypes.c_float),
                     ctypes.POINTER(ctypes.c_float))
_segment_type = _fn(raw.FPDFPathSegment_GetType, _INT, _VP)
_segment_close = _fn(raw.FPDFPathSegment_GetClose, _INT, _VP)
_draw_mode = _fn(raw.FPDFPath_GetDrawMode, _INT, _VP, ctypes.POINTER(_INT), ctypes.POINTER(_INT))
_media_box = _fn(raw.FPDFPage_GetMediaBox, _INT, _VP, *([ctypes.POINTER(ctypes.c_float)] * 4))
_crop_box = _fn(raw.FPDFPage_GetCropBox, _INT, _VP, *([ctypes.POINTER(ctypes.c_float)] * 4))
_bounding_box = _fn(raw.FPDF_GetPageBoundingBox, _INT, _VP, ctypes.POINTER(raw.FS_RECTF))
_page_rotation = _fn(raw.FPDFPage_GetRotation, _INT, _VP)

_TEXT, _PATH, _IMAGE, _FORM = (raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE,
                               raw.FPDF_PAGEOBJ_FORM)
_LINETO, _BEZIERTO, _MOVETO = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO, raw.FPDF_SEGMENT_MOVETO
# Characters PDFium may make up between words and lines (it marks them "generated").
_MADE_UP = frozenset(" \r\n\x02\ufffe")


# --- the page frame ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Frame:
    """pdfplumber's page for a /Rotate: pdfminer's CTM, and the flip to a top-left origin."""

    ctm: Matrix
    width: float
    height: float
    x_shift: float  # pdfplumber adds the media box's x0 back (when not 0)
    top_shift: float  # and its "top" after the flip

    @classmethod
    def of(cls, mediabox: tuple[float, float, float, float], rotate: int) -> Frame:
        """The frame of a page with this media box read turned by `rotate` (0, 90, 180, 270)."""
        x0, y0, x1, y1 = mediabox
        # pdfminer.pdfinterp.PDFPageInterpreter.process_page
        ctm: Matrix
        if rotate == 90:
            ctm = (0, -1, 1, 0, -y0, x1)
        elif rotate == 180:
            ctm = (-1, 0, 0, -1, x1, y1)
        elif rotate == 270:
            ctm = (0, 1, -1, 0, y1, -x0)
        else:
            ctm = (1, 0, 0, 1, -x0, -y0)
        # pdfplumber.page.Page.__init__ (_normalize_box, _invert_box)
        bx0, bx1 = sorted((x0, x1))
        by0, by1 = sorted((y0, y1))
        box = (by0, bx0, by1, bx1) if rotate in (90, 270) else (bx0, by0, bx1, by1)
        box_height = box[3] - box[1]
        mb = (box[0], box_height - box[3], box[2], box_height - box[1])
        return cls(ctm=ctm, width=mb[2] - mb[0], height=mb[3] - mb[1], x_shift=mb[0], top_shift=mb[1])

    def point(self, x: float, y: float) -> Point:
        """A user-space point in pdfminer's device space (y up)."""
        a, b, c, d, e, f = self.ctm
        return a * x + c * y + e, b * x + d * y + f

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """Device-space box (y up) → pdfplumber's x0, x1, top, bottom, rounded."""
        x0 = round(x0 + self.x_shift, DIGITS) if self.x_shift else round(x0, DIGITS)
        x1 = round(x1 + self.x_shift, DIGITS) if self.x_shift else round(x1, DIGITS)
        return x0, x1, round(self.height - y1 + self.top_shift, DIGITS), round(self.height - y0 + self.top_shift,
                                                                             DIGITS)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """inner then outer (row vectors, as PDF writes matrices)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


# --- what one page holds ----------------------------------------------------------------------

@dataclass(slots=True)
class RawChar:
    """A character in user space (y up, the file's own frame), before the page is turned."""

    text: str
    origin: Point
    matrix: tuple[float, float, float, float]  # the character's a, b, c, d (text space → user space)
    advance: float  # along the baseline, in text space
    size: float  # the font size (Tf), in text space
    descent: float  # the font's descent, in text space (negative)


@dataclass(slots=True)
class PageObjects:
    """Everything of one page in user space: characters, painted paths, images."""

    mediabox: tuple[float, float, float, float]
    rotate: int  # the page's /Rotate as PDFium reads it
    chars: list[RawChar] = field(default_factory=list)
    paths: list[list[tuple[str, Point]]] = field(default_factory=list)  # user space, per painted path
    images: int = 0


def font_descents(path: str) -> dict[str, float | None]:
    """Each font's descent as pdfminer takes it, in text space per unit of font size, by BaseFont.

    PDFium measures a font's descent from the font program where the descriptor says 0
    (LibreOffice writes 0), pdfminer takes the descriptor (or, for the standard 14 fonts,
    their metrics) as written; the characters' boxes, and so which line and cell a
    character falls in, follow it. Only the font dictionaries are read, no page content.
    None marks what this path does not rebuild: a Type 3 font, vertical writing, one
    name standing for fonts of different descents.
    """
    from pdfminer.fontmetrics import FONT_METRICS
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import dict_value, list_value, resolve1
    from pdfminer.psparser import literal_name

    def descent_of(spec: dict[str, Any]) -> float | None:
        subtype = literal_name(spec.get("Subtype", "Type1")) if spec.get("Subtype") else "Type1"
        if subtype == "Type3":
            return None
        if subtype == "Type0":
            encoding = spec.get("Encoding")
            if encoding is not None and not isinstance(resolve1(encoding), dict) \
                    and literal_name(resolve1(encoding)).endswith("-V"):
                return None  # vertical writing: pdfminer's boxes stand the other way
            spec = dict_value(list_value(spec["DescendantFonts"])[0])
            descriptor = dict_value(spec.get("FontDescriptor", {}))
        elif literal_name(spec.get("BaseFont", "")) in FONT_METRICS and subtype in ("Type1", "MMType1",
                                                                                    "TrueType"):
            descriptor = FONT_METRICS[literal_name(spec["BaseFont"])][0]
        else:
            descriptor = dict_value(spec.get("FontDescriptor", {}))
        value = float(resolve1(descriptor.get("Descent", 0)) or 0)
        return (-value if value > 0 else value) / 1000.0  # pdfminer.pdffont.PDFFont: always negative

    out: dict[str, float | None] = {}
    seen: set[int] = set()

    def visit(resources: Any) -> None:
        resources = resolve1(resources)
        if not isinstance(resources, dict):
            return
        fonts = resolve1(resources.get("Font"))
        for ref in (fonts.values() if isinstance(fonts, dict) else []):
            if id(ref) in seen:
                continue
            seen.add(id(ref))
            spec = resolve1(ref)
            if not isinstance(spec, dict):
                continue
            name = literal_name(spec.get("BaseFont", "")) if spec.get("BaseFont") else ""
            if len(name) > 7 and name[6] == "+" and name[:6].isupper():
                name = name[7:]  # PDFium names a subset font without its tag ("ABCDEF+")
            value = descent_of(spec)
            out[name] = value if out.get(name, value) == value else None
        xobjects = resolve1(resources.get("XObject"))
        for ref in (xobjects.values() if isinstance(xobjects, dict) else []):
            if id(ref) in seen:
                continue
            seen.add(id(ref))
            stream = resolve1(ref)
            attrs = getattr(stream, "attrs", None)
            if isinstance(attrs, dict) and literal_name(attrs.get("Subtype", "")) == "Form":
                visit(attrs.get("Resources"))

    with open(path, "rb") as file:
        document = PDFDocument(PDFParser(file))
        for page in PDFPage.create_pages(document):
            visit(page.resources)
    return out


def read_page_objects(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage,
                      descents: dict[str, float | None]) -> PageObjects:
    """The page's characters, painted paths and image count, as PDFium reads them."""
    handle = ctypes.cast(page.raw, ctypes.c_void_p).value
    text_handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    if not handle or not text_handle:
        raise UnsupportedPage("a page PDFium did not load")
    rotation = _page_rotation(handle)
    if rotation < 0:
        raise UnsupportedPage("a page rotation PDFium could not read")
    objects = PageObjects(mediabox=_page_mediabox(handle), rotate=(rotation % 4) * 90)
    _read_chars(text_handle, objects, descents)
    identity: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for index in range(_count_objects(handle)):
        _read_object(_page_object(handle, index), identity, objects)
    return objects


def _page_mediabox(handle: int) -> tuple[float, float, float, float]:
    """The media box; PDFium's own getter does not look at the page tree's inherited one."""
    box = [ctypes.c_float() for _ in range(4)]
    if _media_box(handle, *[ctypes.byref(v) for v in box]):
        left, bottom, right, top = (round(v.value, DIGITS) for v in box)
        return left, bottom, right, top
    crop = [ctypes.c_float() for _ in range(4)]
    if _crop_box(handle, *[ctypes.byref(v) for v in crop]):
        # an inherited media box under a page's own crop box: the effective box is their
        # intersection, which does not say what the media box was
        raise UnsupportedPage("media box inherited from the page tree, crop box on the page")
    rect = raw.FS_RECTF()
    if not _bounding_box(handle, ctypes.byref(rect)):
        raise UnsupportedPage("no media box")
    return (round(rect.left, DIGITS), round(rect.bottom, DIGITS), round(rect.right, DIGITS),
            round(rect.top, DIGITS))


def _descent(font: int | None, descents: dict[str, float | None]) -> float:
    if not font:
        raise UnsupportedPage("a character without a font")
    size = _font_name(font, None, 0)
    buffer = ctypes.create_string_buffer(max(size, 1))
    _font_name(font, buffer, size)
    name = buffer.value.decode("latin-1")
    value = descents.get(name)
    if value is None:
        raise UnsupportedPage(f"font {name!r}: not rebuilt (Type 3, vertical, ambiguous or not found)")
    return value


def _read_chars(textpage: int, objects: PageObjects, descents: dict[str, float | None]) -> None:
    count = _count_chars(textpage)
    if count <= 0:
        return
    buffer = (ctypes.c_ushort * (count + 1))()
    written = _get_text(textpage, 0, count, buffer)
    text = bytes(buffer)[: max(0, written - 1) * 2].decode("utf-16-le", errors="surrogatepass")
    if len(text) != count:  # characters outside the BMP take two units: ask one by one
        text = "".join(chr(_get_unicode(textpage, i)) for i in range(count))
    rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_p, matrix_p, ox_p, oy_p = ctypes.byref(rect), ctypes.byref(matrix), ctypes.byref(ox), ctypes.byref(oy)
    font_descents: dict[int | None, float] = {}
    last_object: int | None = -1
    abcd = (1.0, 0.0, 0.0, 1.0)
    size = 0.0
    font_descent = 0.0
    append = objects.chars.append
    for i, ch in enumerate(text):
        if ch in _MADE_UP and _is_generated(textpage, i):
            continue
        obj = _text_object(textpage, i)
        if obj != last_object:
            last_object = obj
            if not _char_matrix(textpage, i, matrix_p):
                raise UnsupportedPage("a character without a matrix")
            abcd = (matrix.a, matrix.b, matrix.c, matrix.d)
            if abcd[1] or abcd[2] or abcd[0] <= 0 or abcd[3] <= 0:
                # Text turned in the file's own frame (a page printed sideways, a stamp):
                # PDFium drops spaces there that no gap gives back (a line's leading ones).
                raise UnsupportedPage("text not upright in the file's frame")
            size = _font_size(textpage, i)
            font = _object_font(obj) if obj else None
            if font not in font_descents:
                font_descents[font] = _descent(font, descents)
            font_descent = font_descents[font]
        _loose_box(textpage, i, rect_p)
        _origin(textpage, i, ox_p, oy_p)
        # the advance is the loose box's extent along the (upright) baseline
        advance = (rect.right - rect.left) / abcd[0]
        append(RawChar(ch, (ox.value, oy.value), abcd, advance, size, font_descent))
        if ch == " " and advance > 0:
            objects.chars.extend(_unfold_spaces(textpage, i, obj, objects.chars[-1], count))


def _unfold_spaces(textpage: int, i: int, obj: int | None, space: RawChar, count: int) -> list[RawChar]:
    """Give back the spaces PDFium folded into this one.

    PDFium keeps one space of a run written in one string ("年   月" comes out "年 月", a
    string ending in spaces keeps one); pdfminer keeps every one, and a cell's text keeps
    them. The run reached as far as the string's next character, or, at the string's end,
    as far as the string's bounds (which stop where its last space begins): where that is a whole number of space widths (and at
    least two), the missing spaces stood there, each as wide as this one.
    """
    if not obj:
        return []
    a, b = space.matrix[0], space.matrix[1]
    norm = math.hypot(a, b)
    if not norm:
        return []
    ux, uy = a / norm, b / norm  # along the baseline, in user space
    step = space.advance * norm  # the space's width in user space
    x0, y0 = space.origin
    if i + 1 < count and not _is_generated(textpage, i + 1) and _text_object(textpage, i + 1) == obj:
        ox, oy = ctypes.c_double(), ctypes.c_double()
        _origin(textpage, i + 1, ctypes.byref(ox), ctypes.byref(oy))
        far = (ox.value - x0) * ux + (oy.value - y0) * uy
    else:
        box = [ctypes.c_float() for _ in range(4)]
        if not _object_bounds(obj, *[ctypes.byref(v) for v in box]):
            return []
        left, bottom, right, top = (v.value for v in box)
        # PDFium's bounds end where the string's last space begins
        far = max((x - x0) * ux + (y - y0) * uy for x in (left, right) for y in (bottom, top)) + step
    widths = far / step
    n = round(widths)
    if n < 2 or abs(widths - n) > 0.02:
        return []
    return [RawChar(" ", (x0 + ux * step * k, y0 + uy * step * k), space.matrix, space.advance, space.size,
                    space.descent) for k in range(1, n)]


def _read_object(obj: int, outer: Matrix, objects: PageObjects) -> None:
    kind = _object_type(obj)
    if kind == _PATH:
        matrix = _matrix_of(obj)
        fill, stroke = _INT(), _INT()
        if not _draw_mode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
            raise UnsupportedPage("a path without a drawing mode")
        if not fill.value and not stroke.value:
            return  # pdfminer paints nothing for `n` (a clipping path)
        objects.paths.append(_path_points(obj, _compose(matrix, outer)))
    elif kind == _IMAGE:
        objects.images += 1
    elif kind == _FORM:
        inner = _compose(_matrix_of(obj), outer)
        for index in range(_form_count(obj)):
            _read_object(_form_object(obj, index), inner, objects)
    elif kind not in (_TEXT, raw.FPDF_PAGEOBJ_SHADING):
        raise UnsupportedPage(f"a page object of unknown type {kind}")


def _matrix_of(obj: int) -> Matrix:
    m = raw.FS_MATRIX()
    if not _object_matrix(obj, ctypes.byref(m)):
        raise UnsupportedPage("a page object without a matrix")
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _path_points(obj: int, matrix: Matrix) -> list[tuple[str, Point]]:
    """The path as pdfminer's operators, each with its end point, in user space."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    xp, yp = ctypes.byref(x), ctypes.byref(y)
    out: list[tuple[str, Point]] = []
    start: Point | None = None
    for index in range(_segments(obj)):
        segment = _segment(obj, index)
        if not segment or not _segment_point(segment, xp, yp):
            raise UnsupportedPage("an unreadable path segment")
        kind = _segment_type(segment)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == _MOVETO:
            out.append(("m", point))
            start = point
        elif kind == _LINETO:
            out.append(("l", point))
        elif kind == _BEZIERTO:
            out.append(("c", point))
        else:
            raise UnsupportedPage(f"a path segment of unknown type {kind}")
        if _segment_close(segment) and start is not None:
            out.append(("h", start))  # PDFium marks `h` on the segment it closes
    return _drop_controls(out) if any(op == "c" for op, _ in out) else out


def _drop_controls(path: list[tuple[str, Point]]) -> list[tuple[str, Point]]:
    """One `c` per curve, at its end point: PDFium gives both control points as BEZIERTO too."""
    out: list[tuple[str, Point]] = []
    run = 0
    for op, point in path:
        if op == "c":
            run += 1
            if run % 3:
                continue
        else:
            run = 0
        out.append((op, point))
    return out


# --- turned upright, as pdfplumber's dicts ------------------------------------------------------

def plumber_chars(chars: list[RawChar], frame: Frame) -> list[Char]:
    """pdfminer's LTChar boxes (pdfminer.layout.LTChar.__init__) in pdfplumber's frame."""
    out: list[Char] = []
    append = out.append
    point = frame.point
    for ch in chars:
        a, _, _, d = ch.matrix  # upright: b = c = 0, a and d > 0 (_read_chars refuses the rest)
        ox, oy = ch.origin
        low = ch.descent * ch.size
        high = low + ch.size
        # two opposite corners span the box (the page's frame may turn or mirror them)
        (x0, y0), (x1, y1) = point(ox, d * low + oy), point(a * ch.advance + ox, d * high + oy)
        xa, xb = (x0, x1) if x0 <= x1 else (x1, x0)
        ya, yb = (y0, y1) if y0 <= y1 else (y1, y0)
        x0, x1, top, bottom = frame.box(xa, ya, xb, yb)
        append({"text": ch.text, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                "size": round(bottom - top, DIGITS)})
    return out


def plumber_edges(paths: list[list[tuple[str, Point]]], frame: Frame) -> list[Edge]:
    """pdfplumber's page.edges: line edges, then rect edges, then curve edges."""
    lines: list[Edge] = []
    rects: list[Edge] = []
    curves: list[Edge] = []
    for path in paths:
        for sub in _subpaths(path):
            _classify(sub, frame, lines, rects, curves)
    return lines + rects + curves


def _subpaths(path: list[tuple[str, Point]]) -> Iterator[list[tuple[str, Point]]]:
    """pdfminer's paint_path: a path that does not start with `m` paints nothing; one with
    several `m` is painted subpath by subpath."""
    if not path or path[0][0] != "m":
        return
    current: list[tuple[str, Point]] = []
    for op, point in path:
        if op == "m" and current:
            yield current
            current = []
        current.append((op, point))
    if current:
        yield current


def _classify(sub: list[tuple[str, Point]], frame: Frame, lines: list[Edge], rects: list[Edge],
              curves: list[Edge]) -> None:
    shape = "".join(op for op, _ in sub)
    pts = [_device(frame, p) for _, p in sub]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        lines.append(_line_edge(pts[0], pts[1], frame))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                 or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            rects.extend(_rect_edges(pts[0], pts[2], frame))
            return
    curves.extend(_curve_edges(pts, frame))


def _device(frame: Frame, point: Point) -> Point:
    x, y = frame.point(*point)
    return round(x, DIGITS), round(y, DIGITS)


def _flip(frame: Frame, x0: float, y0: float, x1: float, y1: float) -> Edge:
    """pdfplumber.page.Page.process_object for a pdfminer box (x0, y0, x1, y1; LTComponent.set_bbox)."""
    width, height = x1 - x0, y1 - y0
    if frame.x_shift:
        x0, x1 = x0 + frame.x_shift, x1 + frame.x_shift
    top = (frame.height - y1) + frame.top_shift
    return {"x0": x0, "x1": x1, "top": top, "bottom": (frame.height - y0) + frame.top_shift, "doctop": top,
            "width": width, "height": height}


def _line_edge(p0: Point, p1: Point, frame: Frame) -> Edge:
    # LTCurve's box is get_bound(pts): sorted
    edge = _flip(frame, min(p0[0], p1[0]), min(p0[1], p1[1]), max(p0[0], p1[0]), max(p0[1], p1[1]))
    edge["object_type"] = "line"
    edge["orientation"] = "h" if edge["top"] == edge["bottom"] else "v"  # line_to_edge
    return edge


def _rect_edges(p0: Point, p2: Point, frame: Frame) -> list[Edge]:
    # LTRect keeps (pts[0], pts[2]) as its box unsorted, as pdfminer does
    base = _flip(frame, p0[0], p0[1], p2[0], p2[1])
    base["object_type"] = "rect_edge"
    top, height, x0, x1 = base["top"], base["height"], base["x0"], base["x1"]
    # pdfplumber.utils.geometry.rect_to_edges
    return [{**base, "height": 0, "bottom": top, "orientation": "h"},
            {**base, "height": 0, "top": top + height, "doctop": top + height, "orientation": "h"},
            {**base, "width": 0, "x1": x0, "orientation": "v"},
            {**base, "width": 0, "x0": x1, "orientation": "v"}]


def _curve_edges(pts: list[Point], frame: Frame) -> list[Edge]:
    # pdfplumber's point2coord, then curve_to_edges
    coords = [(frame.x_shift + x, frame.top_shift + frame.height - y) for x, y in pts]
    return [{"object_type": "curve_edge", "x0": min(p0[0], p1[0]), "x1": max(p0[0], p1[0]),
             "top": min(p0[1], p1[1]), "doctop": min(p0[1], p1[1]), "bottom": max(p0[1], p1[1]),
             "width": abs(p0[0] - p1[0]), "height": abs(p0[1] - p1[1]),
             "orientation": "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None)}
            for p0, p1 in itertools.pairwise(coords)]
