"""Pictures of a memo's pages, for the window's preview and print preview and the self-test.

Rendered with pypdfium2, which pdfplumber already brings, so the window needs
neither QtPdf nor poppler: it turns the RGB pixels into QImages.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

from core.errors import UserError


@contextmanager
def _opened(pdf_path: str | Path) -> Iterator[pypdfium2.PdfDocument]:
    try:
        document = pypdfium2.PdfDocument(str(pdf_path))
    except (pypdfium2.PdfiumError, OSError) as error:
        raise UserError(f"{Path(pdf_path).name}：无法打开以生成预览（{error}）。") from error
    try:
        yield document
    finally:
        document.close()


def page_png(pdf_path: str | Path, page: int = 1, *, dpi: float = 60) -> bytes:
    """PNG bytes of `page` (1-based) of a PDF at `dpi` (60 gives a 496×702 A4 page)."""
    with _opened(pdf_path) as document:
        if not 1 <= page <= len(document):
            raise UserError(f"{Path(pdf_path).name} 只有 {len(document)} 页，没有第 {page} 页。")
        image = document[page - 1].render(scale=dpi / 72).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class PagePixels:
    """A rendered page: `width` × `height` pixels, 3 bytes (RGB) each, row by row."""

    width: int
    height: int
    rgb: bytes


def page_pixels(pdf_path: str | Path, width: int) -> Iterator[PagePixels]:
    """Every page of a PDF rendered `width` pixels wide, in order."""
    with _opened(pdf_path) as document:
        for page in document:
            image = page.render(scale=width / page.get_width()).to_pil().convert("RGB")
            yield PagePixels(image.width, image.height, image.tobytes())
