"""A picture of a memo page, for the export dialog's preview (导出审核意见 with a first-page preview).

Rendered with pypdfium2, which pdfplumber already brings, so the window needs
neither QtPdf nor poppler: the dialog shows the PNG bytes in a QLabel.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2

from core.errors import UserError


def page_png(pdf_path: str | Path, page: int = 1, *, dpi: float = 60) -> bytes:
    """PNG bytes of `page` (1-based) of a PDF at `dpi` (60 gives a 496×702 A4 page)."""
    try:
        document = pypdfium2.PdfDocument(str(pdf_path))
    except (pypdfium2.PdfiumError, OSError) as error:
        raise UserError(f"{Path(pdf_path).name}：无法打开以生成预览（{error}）。") from error
    try:
        if not 1 <= page <= len(document):
            raise UserError(f"{Path(pdf_path).name} 只有 {len(document)} 页，没有第 {page} 页。")
        image = document[page - 1].render(scale=dpi / 72).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()
    finally:
        document.close()
