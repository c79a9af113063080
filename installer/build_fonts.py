"""Build step: the program's fonts, from their sources in resources/fonts/src to the files the
window and the memo load.

GB/T 9704 sets a 公文 in four faces: 仿宋 (body), 黑体 (一、 headings), 楷体 (（一）
headings) and a 小标宋 title. The free Fandol faces (resources/fonts/src, unchanged from
Debian's texlive-lang-chinese) have 仿宋, 楷体 and a bold 宋, but as OpenType with CFF
outlines, and reportlab embeds TrueType (glyf) outlines only. This script converts them
with fontTools (cubic → quadratic curves by cu2qu, error ≤ 1 unit of 1000) and subsets
them to what a Chinese official document uses: the body face (仿宋) to all of GB 2312 (its
symbols, both levels of hanzi, ASCII), the heading and title faces (楷体, 小标宋) to GB
2312's symbols and level-1 hanzi (the 3,755 in everyday use; a heading's rarer character
is set in the body face). Each is stored xz-compressed, resources/fonts/<name>.ttf.xz,
and unpacked in memory when a memo is rendered (core/memo/pdf_fonts.py).

黑体 is WQY Micro Hei, the window's font and the memo's fallback for any character the
Fandol faces lack. Its Korean syllables (11,172 of its 49,531 glyphs) are left out: budget
documents are Chinese, and the 1.8 MB they take is what keeps the installed program under
its 150 MB target with the memo's faces in it. It stays uncompressed TrueType, since the
window loads it at start-up.

It runs from installer/dev.sh, the installer builds and the test session, and does
nothing when its outputs are newer than their sources and this script:

    python installer/build_fonts.py [--force]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
SOURCES = FONTS / "src"
# cu2qu's tolerance in font units (1000 per em): at 三号 (16 pt) one unit is 0.016 pt.
MAX_ERROR = 1.0
# Hangul Jamo, compatibility Jamo, extended Jamo and syllables.
HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7AF), (0xD7B0, 0xD7FF))


@dataclass(frozen=True, slots=True)
class Face:
    source: str
    target: str
    # "gb2312", "gb2312-level1" (level-1 hanzi only, rows 16–55) or "no-hangul" (all the
    # source maps but Korean).
    coverage: str
    # The family name written into the font ("" keeps the source's): "Fandol" + style, so
    # it cannot be mistaken for the commercial face a DOCX names (仿宋_GB2312 and so on).
    family: str = ""
    subfont: int = 0  # the face inside a .ttc


FACES = (
    Face("FandolFang-Regular.otf", "fandol-fang.ttf.xz", "gb2312", "FandolFang"),
    Face("FandolKai-Regular.otf", "fandol-kai.ttf.xz", "gb2312-level1", "FandolKai"),
    Face("FandolSong-Bold.otf", "fandol-song-bold.ttf.xz", "gb2312-level1", "FandolSong Bold"),
    Face("wqy-microhei.ttc", "wqy-microhei.ttf", "no-hangul"),
)


def gb2312_characters(full: bool = True) -> list[int]:
    """The characters of GB 2312 as code points: symbols (rows 1–9) and hanzi (rows 16–87,
    or only level 1, rows 16–55, when not `full`)."""
    out: list[int] = []
    for high in range(0xA1, 0xF8 if full else 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return out


# Beyond GB 2312: the punctuation GB/T 9704 and the memo print (〔〕 in 文号, the page
# number's dashes, ≥ ≤ in targets, ％ and the circled numbers).
EXTRA = "〔〕—―–‒・·…‰％≥≤≠±×÷①②③④⑤⑥⑦⑧⑨⑩“”‘’《》〈〉「」『』【】〇"


def wanted_characters(coverage: str, mapped: set[int]) -> list[int]:
    """The code points a face of `coverage` keeps, of those its source maps (`mapped`)."""
    if coverage == "no-hangul":
        return sorted(c for c in mapped if not any(low <= c <= high for low, high in HANGUL))
    wanted = set(range(0x20, 0x7F)) | set(gb2312_characters(coverage == "gb2312")) | {ord(ch) for ch in EXTRA}
    return sorted(wanted & mapped)


def _to_truetype(font: Any) -> None:
    """Replace `font`'s CFF outlines by TrueType ones, in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # PostScript outlines run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:  # vertical origins belong to CFF fonts only
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attribute in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                      "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attribute, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller, and reportlab does not read them
    font.sfntVersion = "\x00\x01\x00\x00"


def convert(face: Face, target: Path) -> None:
    """Write `face` subset (and as TrueType, xz-compressed when its target says so) at `target`."""
    import io
    import lzma

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(SOURCES / face.source), fontNumber=face.subfont)
    # Subset first: converting glyphs that are then dropped is wasted time.
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: nothing reads them
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_characters(face.coverage, set(font.getBestCmap())))
    subsetter.subset(font)
    if "CFF " in font:
        _to_truetype(font)
    if face.family:
        names = font["name"]
        names.setName(face.family, 1, 3, 1, 0x409)
        names.setName(face.family.replace(" ", ""), 6, 3, 1, 0x409)
    buffer = io.BytesIO()
    font.save(buffer)
    data = buffer.getvalue()
    if target.name.endswith(".xz"):
        data = lzma.compress(data, preset=9 | lzma.PRESET_EXTREME)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)  # a killed build leaves no half font behind


def stale(face: Face) -> bool:
    target = FONTS / face.target
    if not target.is_file():
        return True
    built = target.stat().st_mtime
    return any(path.stat().st_mtime > built for path in (SOURCES / face.source, Path(__file__)))


def build(force: bool = False, quiet: bool = False) -> list[Path]:
    """Build every face that is missing or older than its source; returns the files written."""
    written: list[Path] = []
    for face in FACES:
        if not force and not stale(face):
            continue
        started = time.perf_counter()
        target = FONTS / face.target
        convert(face, target)
        written.append(target)
        if not quiet:
            print(f"build_fonts: {face.source} → {target.relative_to(ROOT)} "
                  f"({target.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    args = parser.parse_args(argv)
    build(force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
