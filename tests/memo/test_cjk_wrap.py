"""Chinese line breaking: no closing punctuation opens a line, none lost, Latin runs kept whole."""

from __future__ import annotations

import itertools

import pytest
from reportlab.lib.styles import ParagraphStyle

from core.memo.cjk_wrap import CANNOT_END, CANNOT_START, CJKParagraph
from core.memo.pdf_fonts import load_fonts

TEXT = ("项目绩效目标：1. 按时完成政务督查督办各项任务；2. 服务对象满意度达到90%以上；3. 资金使用规范、"
        "“专款专用”。成本≤230万元（１００％），完成时间为2025年12月31日前……编码13020025P00684110001R。")


def lines_of(text: str, width: float, size: float = 16) -> list[str]:
    fonts = load_fonts()
    style = ParagraphStyle("t", fontName=fonts.body, fontSize=size, leading=size * 1.6, wordWrap="CJK")
    paragraph = CJKParagraph(fonts.markup(text, fonts.body), style)
    paragraph.wrap(width, 10_000)
    return ["".join(frag.text for frag in line.words) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("width", range(150, 460, 7))
def test_lines_obey_the_rules_and_keep_every_character(width: int) -> None:
    lines = lines_of(TEXT, width)
    assert "".join(lines) == TEXT
    for before, after in itertools.pairwise(lines):
        assert after[0] not in CANNOT_START, (width, before, after)
        assert before[-1] not in CANNOT_END, (width, before, after)


def test_numbers_stay_whole_and_a_too_long_code_still_breaks() -> None:
    lines = lines_of("完成时间为2025年12月31日前，合计12345678元。", 16 * 7)
    assert not any(line.endswith(("202", "20", "2")) and nxt[:1].isdigit() for line, nxt in itertools.pairwise(lines))
    code = "X" * 60
    lines = lines_of(code, 120)
    assert "".join(lines) == code and len(lines) > 1


def test_explicit_line_breaks_are_kept() -> None:
    assert lines_of("第一行\n第二行", 400) == ["第一行", "第二行"]
