"""Build step: the memo's official-document faces, from the Fandol OpenType sources to
TrueType files reportlab can embed.

GB/T 9704 sets a 公文 in four faces: 仿宋 (body), 黑体 (一、 headings), 楷体 (（一）
headings) and a 小标宋 title. The free Fandol faces (resources/fonts/src, unchanged from
Debian's texlive-lang-chinese) have them, but as OpenType with CFF outlines, and
reportlab embeds TrueType (glyf) outlines only. This script converts them with
fontTools (cubic → quadratic curves by cu2qu, error ≤ 1 unit of 1000) and subsets them
to what a Chinese official document uses: the body face (仿宋) to all of GB 2312 (its
symbols, both levels of hanzi, ASCII), the heading and title faces (楷体, 小标宋) to GB
2312's symbols and level-1 hanzi (the 3,755 in everyday use; a heading's rarer character
is set in the body face). Each is stored xz-compressed, resources/fonts/<name>.ttf.xz,
and unpacked in memory when a memo is rendered (core/memo/pdf_fonts.py): 16.6 MB of
TrueType would take the installed program over its 150 MB target, 6.6 MB does not.
黑体 is WQY Micro Hei, already bundled for the window; the memo falls back to it (all of
GBK) for a character no Fandol face has.

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

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
SOURCES = FONTS / "src"
# cu2qu's tolerance in font units (1000 per em): at 三号 (16 pt) one unit is 0.016 pt.
MAX_ERROR = 1.0


@dataclass(frozen=True, slots=True)
class Face:
    source: str
    target: str
    # The family name written into the TTF: "Fandol" + style, so it cannot be mistaken
    # for the commercial face a DOCX names (仿宋_GB2312 and so on).
    family: str
    # False: GB 2312 level-1 hanzi only (rows 16–55).
    full: bool = True


FACES = (
    Face("FandolFang-Regular.otf", "fandol-fang.ttf.xz", "FandolFang"),
    Face("FandolKai-Regular.otf", "fandol-kai.ttf.xz", "FandolKai", full=False),
    Face("FandolSong-Bold.otf", "fandol-song-bold.ttf.xz", "FandolSong Bold", full=False),
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


def wanted_characters(full: bool = True) -> list[int]:
    return sorted(set(range(0x20, 0x7F)) | set(gb2312_characters(full)) | {ord(ch) for ch in EXTRA})


def convert(source: Path, target: Path, family: str, full: bool = True) -> None:
    """Write `source` (CFF OpenType) as a subset TrueType font, xz-compressed, at `target`."""
    import io
    import lzma

    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(source))
    # Subset first: converting glyphs that are then dropped is wasted time.
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_characters(full))
    subsetter.subset(font)

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
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and reportlab does not read them
    font.sfntVersion = "\x00\x01\x00\x00"
    names = font["name"]
    names.setName(family, 1, 3, 1, 0x409)
    names.setName(family.replace(" ", ""), 6, 3, 1, 0x409)
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    font.save(buffer)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(lzma.compress(buffer.getvalue(), preset=9 | lzma.PRESET_EXTREME))
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
        convert(SOURCES / face.source, target, face.family, face.full)
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
