"""The bundled fonts: where they are (source and bundle), what they cover, and that the memo
needs no system font (fontconfig isolated by tests/fonts.conf)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from core import fonts
from core.memo.pdf_fonts import load_fonts

ROOT = Path(__file__).resolve().parents[2]
MEMO_GLYPHS = "≥≤％%①②③、“”，。（）—…·→〓＿0123456789AZaz审核意见预算绩效满意度第页共"


def test_font_files_and_licences_are_bundled() -> None:
    assert fonts.font_path(fonts.SANS).stat().st_size > 1_000_000
    assert (fonts.fonts_dir() / fonts.SANS.licence).is_file()
    assert fonts.cjk_font_path().name == "wqy-microhei.ttf"
    assert fonts.CJK_FAMILY == "WenQuanYi Micro Hei"


def test_the_shipped_font_files_are_the_bundled_faces() -> None:
    # Every font file here goes into the installer (installer/manifest.txt), which must stay
    # under 150 MB: the Fandol faces are subset and stored xz-compressed (6.5 MB for three).
    shipped = sorted(p.name for p in fonts.fonts_dir().iterdir() if p.name.endswith((".ttf", ".ttc", ".otf", ".xz")))
    assert shipped == sorted(font.file_name for font in fonts.MEMO_FONTS)
    assert sum(fonts.font_path(font).stat().st_size for font in fonts.MEMO_FONTS if font is not fonts.SANS) < 8e6
    for font in fonts.MEMO_FONTS:
        assert (fonts.fonts_dir() / font.licence).is_file()


def test_the_memo_faces_are_truetype_built_from_their_sources() -> None:
    """reportlab embeds glyf outlines only: the CFF Fandol sources are converted at build time."""
    import io
    import lzma

    from fontTools.ttLib import TTFont

    for face in (fonts.FANGSONG, fonts.KAITI, fonts.TITLE_SONG):
        font = TTFont(io.BytesIO(lzma.decompress(fonts.font_path(face).read_bytes())))
        assert "glyf" in font and "CFF " not in font
        assert font["name"].getDebugName(1) == face.family


def test_fonts_dir_inside_a_pyinstaller_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.fonts_dir() == tmp_path / "resources" / "fonts"
    with pytest.raises(fonts.FontMissingError, match="找不到程序自带的字体文件"):
        fonts.cjk_font_path()


def test_every_glyph_the_memo_writes_is_in_each_face() -> None:
    loaded = load_fonts()
    assert (loaded.body, loaded.heading, loaded.kai, loaded.title) == (
        fonts.FANGSONG.pdf_name, fonts.SANS.pdf_name, fonts.KAITI.pdf_name, fonts.TITLE_SONG.pdf_name)
    for name in (loaded.body, loaded.heading, loaded.kai, loaded.title):
        cmap = pdfmetrics.getFont(name).face.charToGlyph
        assert [ch for ch in MEMO_GLYPHS + "〔〕二〇" if ord(ch) not in cmap] == [], name


def test_the_body_face_has_all_of_gb2312_and_the_fallback_all_of_gbk() -> None:
    """What a budget document can hold in GBK (the encoding of the documents' era) the memo can draw:
    GB 2312 in the 仿宋 itself, the rest of GBK in the 黑体 (WQY) it falls back to."""
    loaded = load_fonts()
    body = pdfmetrics.getFont(loaded.body).face.charToGlyph
    gb2312 = [bytes((hi, lo)).decode("gb2312") for hi in range(0xB0, 0xF8) for lo in range(0xA1, 0xFF)
              if not (hi == 0xD7 and lo > 0xF9)]
    assert len(gb2312) == 6763 and [ch for ch in gb2312 if ord(ch) not in body] == []
    cmap = pdfmetrics.getFont(loaded.heading).face.charToGlyph
    hanzi = set()
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                ch = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= ch <= "\u9fff":
                hanzi.add(ch)
    assert len(hanzi) > 20_000
    assert sorted(ch for ch in hanzi if ord(ch) not in cmap) == []


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig tools not installed")
def test_isolation_file_hides_system_cjk_fonts() -> None:
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "tests" / "fonts.conf")}
    listed = subprocess.run(["fc-list", ":lang=zh"], env=env, capture_output=True, text=True, check=True)
    assert listed.stdout.strip() == ""


def test_memo_renders_with_system_fonts_hidden(tmp_path: Path) -> None:
    """In a child process that sees no system CJK font, the memo still embeds ours and extracts."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from core.memo.content import build_memo\n"
        "from core.memo.pdf import render_pdf\n"
        "from tests.memo.sample import REVIEWER, make_document\n"
        "render_pdf(build_memo(make_document(1), reviewer=REVIEWER), sys.argv[2])\n"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "tests" / "fonts.conf"), "HOME": str(tmp_path)}
    out = tmp_path / "isolated.pdf"
    subprocess.run([sys.executable, "-c", script, str(ROOT), str(out)], env=env, check=True, timeout=120)
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
        used = {char["fontname"] for page in pdf.pages for char in page.chars}
    assert "预算绩效目标的审核意见" in text.replace("\n", "") and "审核结论" in text
    assert all("+" in name for name in used)  # subsets embedded in the file
