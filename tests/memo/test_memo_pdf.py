"""The memo PDF read back: texts, page area, outline, footers, metadata, embedded fonts, tables."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from core.memo.content import COLUMN_LABELS, build_memo
from core.memo.pdf import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, render_pdf
from core.model import Field
from tests.memo.conftest import FOOTER_RE, Rendered, squeeze
from tests.memo.sample import REVIEWER, make_document, make_review


def test_every_project_finding_and_annotation_is_in_the_text(rendered: Rendered) -> None:
    text = rendered.flat_text
    for project in rendered.document.projects:
        assert squeeze(project.display_name) in text
    assert rendered.review.accepted
    for finding in rendered.review.accepted:
        assert squeeze(finding.message) in text, finding.message
    for annotation in rendered.review.annotations:
        assert squeeze(annotation.text) in text, annotation.text
    for revision in rendered.review.revisions:
        assert squeeze(f"原：{revision.original}→建议：{revision.suggested}") in text


def test_dismissed_and_open_findings_never_appear(rendered: Rendered) -> None:
    text = rendered.flat_text
    assert rendered.review.dismissed
    for finding in rendered.review.findings:
        if finding not in rendered.review.accepted:
            assert squeeze(finding.message) not in text
    assert "驳回的发现" not in text and "未处理的发现" not in text


def test_no_character_outside_the_type_area(rendered: Rendered) -> None:
    with pdfplumber.open(rendered.pdf) as pdf:
        for page in pdf.pages:
            assert page.chars
            left, right = MARGIN_LEFT - 1, float(page.width) - MARGIN_RIGHT + 1
            top, bottom = MARGIN_TOP - 1, float(page.height) - MARGIN_BOTTOM + 1
            for char in page.chars:
                # The footer is the only text below the type area; nothing may leave the page.
                assert 10 * mm < char["bottom"] and char["top"] < float(page.height) - 10 * mm
                if FOOTER_RE.match(page.extract_text().splitlines()[-1]) and char["top"] > bottom:
                    continue
                if rendered.memo.draft_mark and char["bottom"] < top:
                    continue  # the draft mark heads every page of a draft, above the type area
                assert left <= char["x0"] and char["x1"] <= right, (page.page_number, char["text"], char["x0"])
                assert top <= char["top"] and char["bottom"] <= bottom, (page.page_number, char["text"])


def test_footer_numbers_every_page(rendered: Rendered) -> None:
    total = len(rendered.page_texts)
    assert total == rendered.report.pages > 3
    for number, text in enumerate(rendered.page_texts, start=1):
        assert f"第 {number} 页 共 {total} 页" in text


def test_outline_has_one_entry_per_project(rendered: Rendered) -> None:
    with pikepdf.open(rendered.pdf) as pdf, pdf.open_outline() as outline:
        titles: list[str] = []
        stack = list(outline.root)
        while stack:
            item = stack.pop()
            titles.append(item.title)
            stack.extend(item.children)
        projects_entry = next(item for item in outline.root if "项目审核情况" in item.title)
        assert len(projects_entry.children) == len(rendered.document.projects)
        for project in rendered.document.projects:
            assert sum(project.display_name in title for title in titles) == 1
        # Each project's bookmark points at the page its heading is on.
        for item, project in zip(projects_entry.children, rendered.document.projects, strict=True):
            page_index = pdf.pages.index(item.destination[0]) if isinstance(item.destination, pikepdf.Array) \
                else None
            if page_index is not None:
                assert squeeze(project.display_name) in squeeze(rendered.page_texts[page_index])


def test_metadata(rendered: Rendered) -> None:
    with pikepdf.open(rendered.pdf) as pdf:
        info = pdf.docinfo
        assert str(info["/Title"]) == rendered.memo.metadata.title
        assert str(info["/Title"]).endswith("部门预算绩效目标的审核意见")
        assert str(info["/Author"]) == REVIEWER.name
        assert rendered.document.org.dept_name in str(info["/Subject"])


def test_text_is_drawn_only_with_the_embedded_bundled_fonts(rendered: Rendered) -> None:
    """What pdffonts shows: every font used is an embedded TrueType subset with a ToUnicode map."""
    with pdfplumber.open(rendered.pdf) as pdf:
        used = {char["fontname"] for page in pdf.pages for char in page.chars}
    assert used and all("WenQuanYiMicroHei" in name for name in used)
    with pikepdf.open(rendered.pdf) as pdf:
        seen = 0
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                if any(str(font.BaseFont).lstrip("/") == name for name in used):
                    seen += 1
                    assert "+" in str(font.BaseFont)  # subset
                    assert "/FontFile2" in font.FontDescriptor  # embedded TrueType
                    assert "/ToUnicode" in font
        assert seen


def test_special_characters_and_glyphs_round_trip(rendered: Rendered) -> None:
    text = rendered.flat_text
    for sample in ("≥95%", "≤", "“专款专用”", "<需说明>&来源", "→", "（", "、", "2025年3月8日"):
        assert squeeze(sample) in text, sample
    assert rendered.report.missing_chars == []


def test_sections_in_order(rendered: Rendered) -> None:
    text = rendered.flat_text
    order = ["预算绩效目标的审核意见", "一、审核依据", "二、审核范围与方法", "三、总体情况", "四、项目审核情况",
             "（一）", "1.基本情况", "2.评分", "3.发现的问题", "4.修改建议", "5.审核结果", "（二）",
             "五、共性问题", "六、年度对比", "七、结论", "附件：各项目绩效指标表"]
    positions = [text.index(squeeze(heading)) for heading in order]
    assert positions == sorted(positions)
    # the 落款 follows the body and comes before the 附件 (GB/T 9704), dated in Chinese numerals
    assert positions[-2] < text.rindex("审核单位：") < positions[-1]
    assert "二〇二五年三月八日" in text


def test_long_table_splits_with_its_header_on_every_page(tmp_path) -> None:
    document = make_document(1, rows=90)
    memo = build_memo(document, reviewer=REVIEWER)
    report = render_pdf(memo, tmp_path / "long.pdf")
    cells: list[str] = []
    table_pages = 0
    with pdfplumber.open(report.path) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
        appendix = next(i for i, t in enumerate(texts) if "附件：各项目绩效指标表" in t)
        for page in pdf.pages[appendix:]:
            for table in page.extract_tables():
                table_pages += 1
                assert [squeeze(c or "") for c in table[0]] == list(COLUMN_LABELS.values())
                cells += [squeeze(c or "") for row in table[1:] for c in row]
    assert table_pages >= 3
    for row in document.projects[0].indicators:
        assert squeeze(row.level3.raw) in cells


def test_a_character_the_font_lacks_is_marked_and_reported(tmp_path) -> None:
    from core.memo.pdf_fonts import load_fonts

    fonts = load_fonts()
    cmap = pdfmetrics.getFont(fonts.body).face.charToGlyph
    nowhere = next(chr(c) for c in range(0x20000, 0x2A6DF) if c not in cmap)  # CJK Extension B
    document = make_document(1)
    document.projects[0].name = Field(f"生僻字项目{nowhere}甲")
    report = render_pdf(build_memo(document, reviewer=REVIEWER), tmp_path / "rare.pdf")
    with pdfplumber.open(report.path) as pdf:
        text = squeeze("".join(page.extract_text() for page in pdf.pages))
    assert "生僻字项目〓甲" in text
    assert report.missing_chars == [nowhere]


def text_by_render_mode(pdf: Path) -> dict[int, str]:
    """Every character drawn, grouped by its PDF text render mode (0 fill, 2 fill and stroke)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    class ByMode(PDFPageAggregator):
        text: dict[int, str]
        mode = 0

        def render_string(self, textstate: Any, *args: Any) -> None:
            self.mode = textstate.render
            super().render_string(textstate, *args)

        def render_char(self, *args: Any) -> float:
            advance = super().render_char(*args)
            self.text[self.mode] = self.text.get(self.mode, "") + self.cur_item._objs[-1].get_text()
            return advance

    manager = PDFResourceManager()
    device = ByMode(manager)
    device.text = {}
    interpreter = PDFPageInterpreter(manager, device)
    with pdf.open("rb") as handle:
        for page in PDFPage.get_pages(handle):
            interpreter.process_page(page)
    return device.text


def test_headings_are_set_bolder_than_the_body(rendered: Rendered) -> None:
    """One face for everything: the title, section and project headings and the table headers
    are drawn filled and outlined (bold), the body filled only."""
    by_mode = {mode: squeeze(text) for mode, text in text_by_render_mode(rendered.pdf).items()}
    assert set(by_mode) == {0, 2}
    bold, regular = by_mode[2], by_mode[0]
    assert squeeze(rendered.memo.cover.title) in bold
    headings = [(level, section.heading) for top in rendered.memo.sections for level, section in top.walk()]
    assert {level for level, _ in headings} >= {1, 2, 3}
    for level, heading in headings:
        assert squeeze(heading) in (bold if level <= 2 else regular), (level, heading)
    assert all(squeeze(label) in bold for label in COLUMN_LABELS.values())
    for finding in rendered.review.accepted:
        assert squeeze(finding.message) in regular
        assert squeeze(finding.message) not in bold


def test_rendering_replaces_the_file_only_when_complete(tmp_path) -> None:
    from core.errors import Cancelled

    class CancelAtOnce:
        def report(self, done: int, total: int, label: str) -> None:
            return None

        def cancelled(self) -> bool:
            return True

    target = tmp_path / "memo.pdf"
    target.write_bytes(b"earlier")
    document = make_document(2)
    review = make_review(document)
    memo = build_memo(document, reviewer=REVIEWER, findings=review.findings)
    with pytest.raises(Cancelled):
        render_pdf(memo, target, progress=CancelAtOnce())
    assert target.read_bytes() == b"earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]


def test_pathological_cells_and_names_still_render(tmp_path) -> None:
    """A cell taller than a page, a very long name, markup-like text and an empty table."""
    document = make_document(2)
    long_cell = "资金使用规范，专款专用；" * 300
    first = document.projects[0]
    first.indicators[0] = dataclasses.replace(first.indicators[0], description=Field(long_cell))
    first.name = Field("超长项目名称" * 30 + "<b>&amp;")
    document.projects[1].indicators = []
    review = make_review(make_document(1))
    report = render_pdf(build_memo(document, reviewer=REVIEWER, findings=review.findings), tmp_path / "odd.pdf")
    with pdfplumber.open(report.path) as pdf:
        text = squeeze("".join(page.extract_text() for page in pdf.pages))
        drawn = [FOOTER_RE.sub("", "".join(char["text"] for char in page.chars)) for page in pdf.pages]
    assert squeeze("<b>&amp;") in text
    spanned = [page for page in drawn if "专款专用" in page]
    # The cell splits over many pages; each page break may cut one phrase, nothing else is lost …
    assert sum(page.count("资金使用规范，专款专用；") for page in spanned) >= 300 - len(spanned) > 250
    # … and no space appears where a split paragraph's lines were joined again.
    assert not any(re.search(r"[\u4e00-\u9fff，；] [\u4e00-\u9fff，；]", page) for page in spanned)
    assert report.missing_chars == []


def test_first_page_preview(rendered: Rendered) -> None:
    from PIL import Image

    from core.errors import UserError
    from core.memo.preview import page_png

    png = page_png(rendered.pdf, 1, dpi=30)
    image = Image.open(io.BytesIO(png))
    assert abs(image.size[0] - 248) <= 1 and abs(image.size[1] - 351) <= 1  # A4 at 30 dpi
    assert image.convert("L").getextrema()[0] < 100  # something dark is drawn: the title
    with pytest.raises(UserError, match="没有第 999 页"):
        page_png(rendered.pdf, 999)


def test_a_value_of_a_hundred_thousand_characters_is_quoted_in_part(tmp_path: Path) -> None:
    """Issue 16: reportlab wraps the rest of a paragraph again at each page break, so one cell of
    a million digits took hours; the memo now quotes the beginning and says how much it left out."""
    import time

    from core.memo.blocks import MAX_QUOTED_CHARS

    document = make_document(1)
    project = document.projects[0]
    project.goal = Field("9" * 100_000)
    project.name = Field("很长的项目名称" * 2_000)
    started = time.monotonic()
    report = render_pdf(build_memo(document, reviewer=REVIEWER), tmp_path / "long.pdf")
    assert time.monotonic() - started < 30
    with pdfplumber.open(report.path) as pdf:
        text = squeeze("".join(page.extract_text() or "" for page in pdf.pages))
    assert f"以下省略{100_000 - MAX_QUOTED_CHARS}字" in text
    assert "9" * 500 in text and "9" * (MAX_QUOTED_CHARS + 1) not in text
