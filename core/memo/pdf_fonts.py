"""The memo's fonts in reportlab, and the glyph check reportlab does not do itself.

reportlab has no font fallback: a character the font lacks is drawn blank and drops
out of the extracted text without any error (PLATFORM.md §3). `FontSet.markup`
therefore looks every character up in the font's cmap, sets a character the
preferred font lacks in the other registered font when heading and body differ, and
records a character no bundled font has: it is printed as 〓 (the typesetter's mark
for a missing glyph) and reported. The memo ships one face, WQY Micro Hei (all GBK
hanzi; CJK Extension A/B characters are the ones that come out as 〓).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from core.fonts import SANS, BundledFont, font_path

MISSING_MARK = "〓"
_lock = threading.Lock()


def _register(font: BundledFont) -> str:
    """Register `font` with reportlab once per process; returns its reportlab name."""
    with _lock:
        if font.pdf_name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font.pdf_name, str(font_path(font)), subfontIndex=font.subfont_index))
    return font.pdf_name


def _cmap(name: str) -> dict[int, int]:
    font = pdfmetrics.getFont(name)
    char_to_glyph: dict[int, int] = font.face.charToGlyph  # reportlab is untyped: the TTF face's cmap
    return char_to_glyph


@dataclass(slots=True)
class FontSet:
    """The registered heading and body fonts plus what the glyph check has seen.

    Attributes:
        heading: reportlab name of the 黑体-style font (headings, table headers).
        body: reportlab name of the body font (the same WQY face: pdf.py sets headings
            bolder and larger instead).
        missing: characters no bundled font has, in order of first use.
    """

    heading: str
    body: str
    missing: list[str] = field(default_factory=list)
    _maps: dict[str, dict[int, int]] = field(default_factory=dict)
    _choice: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def _font_for(self, ch: str, preferred: str) -> str | None:
        """The font that draws `ch`: the preferred one, else the other, else None."""
        key = (ch, preferred)
        if key not in self._choice:
            found = None
            for name in (preferred, self.body, self.heading):
                if name not in self._maps:
                    self._maps[name] = _cmap(name)
                if ord(ch) in self._maps[name]:
                    found = name
                    break
            self._choice[key] = found
        return self._choice[key]

    def covered(self, text: str, font: str) -> str:
        """`text` with every character no bundled font has replaced by 〓 (and recorded)."""
        out = []
        for ch in text:
            if ch in "\n\t" or self._font_for(ch, font) is not None:
                out.append(ch)
            else:
                if ch not in self.missing:
                    self.missing.append(ch)
                out.append(MISSING_MARK)
        return "".join(out)

    def markup(self, text: str, font: str) -> str:
        """Paragraph mini-markup for `text` set in `font`: escaped, line breaks kept,
        characters `font` lacks wrapped in a <font> of the font that has them."""
        pieces: list[str] = []
        run: list[str] = []
        run_font = font

        def flush() -> None:
            if run:
                chunk = escape("".join(run)).replace("\n", "<br/>")
                pieces.append(chunk if run_font == font else f'<font name="{run_font}">{chunk}</font>')
                run.clear()

        for ch in self.covered(text, font):
            use = font if ch == "\n" else (self._font_for(ch, font) or font)
            if use != run_font:
                flush()
                run_font = use
            run.append(ch)
        flush()
        return "".join(pieces)


def load_fonts() -> FontSet:
    """Register the bundled font (FontMissingError if WQY is absent) and return a fresh FontSet."""
    name = _register(SANS)
    return FontSet(heading=name, body=name)
