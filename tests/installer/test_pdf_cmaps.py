"""pdfminer's CMaps in the bundle: the Simplified-Chinese (Adobe-GB1) ones stay, the rest go,
and PDFs with non-embedded Chinese fonts still read with only what stays.

The bundle filter is installer/bundle_manifest.py `keep`; here it is applied to the
CMap files of the installed pdfminer, and pdfminer is made to see only the kept ones
while it reads PDFs that reportlab writes with its non-embedded CID fonts (the case
CMap files exist for: no embedded font, no ToUnicode map).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfminer
import pdfplumber
import pytest
from pdfminer.cmapdb import CMapDB
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from tests.installer.spec_run import bm

CMAP_DIR = Path(pdfminer.__file__).parent / "cmap"


def _files() -> list[str]:
    return sorted(p.name for p in CMAP_DIR.iterdir() if p.is_file())


def _kept(name: str) -> bool:
    return bm.keep(f"pdfminer/cmap/{name}", str(CMAP_DIR / name))


def test_only_the_adobe_gb1_cmaps_are_bundled() -> None:
    files = _files()
    kept = {name for name in files if _kept(name)}
    stem = {name.split(".")[0] for name in kept}
    # Every map of the Simplified-Chinese character collection: Unicode, GB2312, GBK, GB 18030.
    for needed in ("UniGB-UCS2-H", "UniGB-UTF16-H", "UniGB-UTF16-V", "GB-EUC-H", "GBK-EUC-H", "GBK2K-H",
                   "to-unicode-Adobe-GB1"):
        assert needed in stem, needed
    assert "README.txt" in kept
    dropped = set(files) - kept
    for gone in ("UniJIS-UCS2-H", "90ms-RKSJ-H", "H", "V", "UniKS-UCS2-H", "KSC-EUC-H", "UniCNS-UCS2-H", "B5pc-H",
                 "to-unicode-Adobe-Japan1", "to-unicode-Adobe-Korea1", "to-unicode-Adobe-CNS1"):
        assert f"{gone}.json.gz" in dropped or f"{gone}.pickle.gz" in dropped, gone
    assert all(name.startswith(("UniGB-", "GB", "to-unicode-Adobe-GB1", "README")) for name in kept)
    # The Windows wheel's path spelling goes through the same filter.
    assert bm.keep("pdfminer\\cmap\\UniGB-UCS2-H.json.gz") and not bm.keep("pdfminer\\cmap\\UniKS-UCS2-H.json.gz")


@pytest.fixture
def bundled_cmaps_only(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """pdfminer as in the bundle: a CMap the filter drops is not found. Returns the names asked for."""
    real = CMapDB._load_data.__func__  # type: ignore[attr-defined]
    asked: list[str] = []

    def load(cls: type[CMapDB], name: str) -> Any:
        asked.append(name)
        if not any(_kept(f"{name}{suffix}") for suffix in (".json.gz", ".pickle.gz")):
            raise CMapDB.CMapNotFound(name)
        return real(cls, name)

    monkeypatch.setattr(CMapDB, "_load_data", classmethod(load))
    monkeypatch.setattr(CMapDB, "_cmap_cache", {})
    monkeypatch.setattr(CMapDB, "_umap_cache", {})
    return asked


def _write(path: Path, face: str, lines: list[str]) -> Path:
    """A PDF with `lines` in reportlab's non-embedded CID font `face` (no font file, no ToUnicode)."""
    if face not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(face))
    canvas = Canvas(str(path))
    canvas.setFont(face, 12)
    for n, line in enumerate(lines):
        canvas.drawString(72, 760 - 20 * n, line)
    canvas.save()
    return path


def test_simplified_chinese_without_embedded_fonts_reads(tmp_path: Path, bundled_cmaps_only: list[str]) -> None:
    lines = ["预算绩效目标审核意见", "一级指标 产出指标 数量指标 ≥95%", "项目预算 1,941.58万元（财政资金）"]
    pdf = _write(tmp_path / "gb.pdf", "STSong-Light", lines)
    with pdfplumber.open(pdf) as opened:
        text = opened.pages[0].extract_text()
    assert text.splitlines() == lines
    assert {"UniGB-UCS2-H", "to-unicode-Adobe-GB1"} <= set(bundled_cmaps_only)


def test_a_pdf_needing_a_dropped_cmap_still_opens(tmp_path: Path, bundled_cmaps_only: list[str]) -> None:
    pdf = _write(tmp_path / "jp.pdf", "HeiseiMin-W3", ["日本語の文書"])
    with pdfplumber.open(pdf) as opened:
        text = opened.pages[0].extract_text()
    assert "日本語" not in text  # that font's text is what is lost, nothing else
    assert "UniJIS-UCS2-H" in bundled_cmaps_only
