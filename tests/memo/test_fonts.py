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
    assert fonts.cjk_font_path().name == "wqy-microhei.ttc"
    assert fonts.CJK_FAMILY == "WenQuanYi Micro Hei"


def test_one_font_file_is_shipped() -> None:
    # Every font file here goes into the installer (installer/manifest.txt), which must stay
    # under 150 MB: a second CJK face (17 MB for AR PL UKai) does not fit.
    shipped = sorted(p.name for p in fonts.fonts_dir().iterdir() if p.suffix.lower() in (".ttf", ".ttc", ".otf"))
    assert shipped == [fonts.SANS.file_name]


def test_fonts_dir_inside_a_pyinstaller_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.fonts_dir() == tmp_path / "resources" / "fonts"
    with pytest.raises(fonts.FontMissingError, match="找不到程序自带的字体文件"):
        fonts.cjk_font_path()


def test_every_glyph_the_memo_writes_is_in_the_font() -> None:
    loaded = load_fonts()
    assert loaded.heading == loaded.body == fonts.SANS.pdf_name
    cmap = pdfmetrics.getFont(loaded.body).face.charToGlyph
    assert [ch for ch in MEMO_GLYPHS if ord(ch) not in cmap] == []


def test_the_font_has_every_gbk_hanzi() -> None:
    """What a budget document can hold in GBK (the encoding of the documents' era) the memo can draw."""
    cmap = pdfmetrics.getFont(load_fonts().body).face.charToGlyph
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
    assert "预算绩效目标的审核意见" in text.replace("\n", "") and "满意度" in text
    assert all("+" in name for name in used)  # subsets embedded in the file
