"""The fonts the program ships, and where to find them from source or from a bundle.

Both front ends draw Chinese with fonts from resources/fonts, never with whatever
the workstation has installed, so the window and the memo look the same on a
machine without any Chinese font (PLATFORM.md §2, §3). This module only knows
paths and names; the window loads them into Qt (ui/) and the memo registers
them with reportlab (core/memo/pdf_fonts.py).

In a PyInstaller bundle the folder is ``sys._MEIPASS/resources/fonts``: build with
``--add-data "resources/fonts:resources/fonts"``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from core.errors import UserError

FONTS_SUBDIR = Path("resources") / "fonts"


@dataclass(frozen=True, slots=True)
class BundledFont:
    """One face of a font file in resources/fonts.

    Attributes:
        file_name: the file inside resources/fonts (``.ttf.xz``: a TrueType file stored
            xz-compressed, unpacked in memory by whoever loads it).
        subfont_index: the face inside a .ttc collection.
        family: the family name Qt and fontconfig report for that face.
        pdf_name: the name the memo registers it under with reportlab.
        licence: the licence file beside it.
    """

    file_name: str
    subfont_index: int
    family: str
    pdf_name: str
    licence: str


# 文泉驿微米黑: a 黑体-style sans with every glyph the program uses and all GBK hanzi;
# the window's font, the memo's 黑体 (一、 headings, 版头) and its fallback for any
# character the Fandol faces lack. Built by installer/build_fonts.py from the .ttc in
# resources/fonts/src without its Korean syllables (3.3 MB instead of 5.2).
SANS = BundledFont(
    file_name="wqy-microhei.ttf",
    subfont_index=0,
    family="WenQuanYi Micro Hei",
    pdf_name="WQYMicroHei",
    licence="src/wqy-microhei.LICENSE-Apache-2.0.txt",
)

# The memo's official-document faces (GB/T 9704), built by installer/build_fonts.py from
# the Fandol OpenType sources in resources/fonts/src: TrueType, subset to GB 2312 (the
# heading and title faces to its level-1 hanzi), xz-compressed.
FANGSONG = BundledFont(
    file_name="fandol-fang.ttf.xz",
    subfont_index=0,
    family="FandolFang",
    pdf_name="FandolFang",
    licence="src/fandol.COPYING.txt",
)
KAITI = BundledFont(
    file_name="fandol-kai.ttf.xz",
    subfont_index=0,
    family="FandolKai",
    pdf_name="FandolKai",
    licence="src/fandol.COPYING.txt",
)
TITLE_SONG = BundledFont(
    file_name="fandol-song-bold.ttf.xz",
    subfont_index=0,
    family="FandolSong Bold",
    pdf_name="FandolSongBold",
    licence="src/fandol.COPYING.txt",
)
MEMO_FONTS = (FANGSONG, KAITI, TITLE_SONG, SANS)

# The family name the window sets as its application font.
CJK_FAMILY = SANS.family


class FontMissingError(UserError):
    """A bundled font file is not where the installation put it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"找不到程序自带的字体文件 {path}，安装可能不完整，请重新安装本程序。")
        self.path = path


def fonts_dir() -> Path:
    """resources/fonts of this installation: beside the sources or inside the bundle."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root is not None:
        return Path(bundle_root) / FONTS_SUBDIR
    return Path(__file__).resolve().parent.parent / FONTS_SUBDIR


def font_path(font: BundledFont) -> Path:
    """The file of `font`; FontMissingError when the installation lacks it (from source:
    `python installer/build_fonts.py` builds the Fandol faces)."""
    path = fonts_dir() / font.file_name
    if not path.is_file():
        raise FontMissingError(path)
    return path


def cjk_font_path() -> Path:
    """The UI's Chinese font (WenQuanYi Micro Hei), for QFontDatabase.addApplicationFont."""
    return font_path(SANS)

