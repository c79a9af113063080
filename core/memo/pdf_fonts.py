"""The memo's fonts in reportlab, and the glyph check reportlab does not do itself.

reportlab has no font fallback: a character the font lacks is drawn blank and drops
out of the extracted text without any error (PLATFORM.md §3). `FontSet.markup`
therefore looks every character up in the font's cmap, sets a character the
preferred font lacks in the other registered font when heading and body differ, and
records a character no bundled font has: it is printed as 〓 (the typesetter's mark
for a missing glyph) and reported.

The memo's faces (GB/T 9704): 仿宋 for the body (FandolFang, GB 2312), 黑体 for 一、
headings and the 版头 (WQY Micro Hei, all of GBK), 楷体 for （一） headings (FandolKai)
and a bold 宋 for the title (FandolSong Bold), both GB 2312 level 1. A character a face
lacks is set in the body face, then in WQY; CJK Extension A/B come out as 〓.
"""

from __future__ import annotations

import io
import lzma
import threading
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from core.fonts import FANGSONG, KAITI, SANS, TITLE_SONG, BundledFont, font_path

MISSING_MARK = "〓"
_lock = threading.Lock()


def _register(font: BundledFont) -> str:
    """Register `font` with reportlab once per process; returns its reportlab name."""
    with _lock:
        if font.pdf_name not in pdfmetrics.getRegisteredFontNames():
            path = font_path(font)
            # reportlab reads a file object as well as a path: a compressed face is
            # unpacked in memory (0.15 s for the body face), never onto the disk.
            source: str | io.BytesIO = (io.BytesIO(lzma.decompress(path.read_bytes()))
                                        if path.name.endswith(".xz") else str(path))
            pdfmetrics.registerFont(TTFont(font.pdf_name, source, subfontIndex=font.subfont_index))
    return font.pdf_name


def _cmap(name: str) -> dict[int, int]:
    font = pdfmetrics.getFont(name)
    char_to_glyph: dict[int, int] = font.face.charToGlyph  # reportlab is untyped: the TTF face's cmap
    return char_to_glyph


@dataclass(slots=True)
class FontSet:
    """The registered faces plus what the glyph check has seen.

    Attributes:
        heading: reportlab name of the 黑体 (一、 headings, 版头, table headers).
        body: reportlab name of the 仿宋 (body text, tables).
        kai: reportlab name of the 楷体 (（一） headings).
        title: reportlab name of the title face (a bold 宋, for 小标宋).
        missing: characters no bundled font has, in order of first use.
    """

    heading: str
    body: str
    kai: str = ""
    title: str = ""
    missing: list[str] = field(default_factory=list)
    _maps: dict[str, dict[int, int]] = field(default_factory=dict)
    _choice: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def _font_for(self, ch: str, preferred: str) -> str | None:
        """The font that draws `ch`: the preferred one, else the body face, else the 黑体
        (WQY, all of GBK), else None."""
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
    """Register the bundled faces (FontMissingError if one is absent) and return a fresh FontSet."""
    return FontSet(heading=_register(SANS), body=_register(FANGSONG), kai=_register(KAITI),
                   title=_register(TITLE_SONG))
