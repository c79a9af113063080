"""The memo as DOCX: the same 公文 as the PDF, built from named styles only (no direct run
formatting, no empty spacer paragraphs), headings for the navigation pane, the 附件 table
with a repeated header, odd/even page-number footers."""

from __future__ import annotations

import dataclasses
import re

import docx
from docx.oxml.ns import qn

from tests.memo.conftest import Rendered


def test_the_same_letter_as_the_pdf(rendered: Rendered) -> None:
    document = docx.Document(str(rendered.docx))
    headings = {level: [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]
                for level in (1, 2)}
    assert headings[1] == [s.heading for s in rendered.memo.body]
    assert [h.split("）", 1)[1] for h in headings[2]] == [p.display_name for p in rendered.document.projects]
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[:4] == [("发文机关标志", "示例市财政局"), ("文号", "示财绩审〔2025〕7号"),
                          ("公文标题", rendered.memo.cover.title), ("主送机关", "示例市人民政府办公室：")]
    names = [name for name, _ in styled]
    order = ["公文标题", "Heading 1", "附件说明", "发文机关署名", "成文日期", "附注", "附件标识", "附件标题"]
    assert [names.index(name) for name in order] == sorted(names.index(name) for name in order)
    assert ("成文日期", "二〇二五年三月八日") in styled
    assert len(document.tables) == 1  # the 附件's list of cells to change
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    for finding in rendered.review.accepted:
        assert finding.message.rstrip("。") in text
    for finding in rendered.review.dismissed:
        assert finding.message not in text
    for annotation in rendered.review.annotations:
        assert annotation.text.rstrip("。") in text
    assert "≥15件" in cells
    assert not re.search(r"\b[A-H]\d{1,2}\b", text)


def test_only_styles_format_the_text(rendered: Rendered) -> None:
    """WPS restyles the memo cleanly: runs carry no formatting of their own, no paragraph is
    empty, and the styles name the official faces for Latin and East-Asian text alike."""
    document = docx.Document(str(rendered.docx))
    paragraphs = list(document.paragraphs) + [p for t in document.tables for row in t.rows
                                              for c in row.cells for p in c.paragraphs]
    assert all(p.text.strip() for p in document.paragraphs)
    for paragraph in paragraphs:
        for run in paragraph.runs:
            assert run._element.rPr is None, (paragraph.text, run._element.xml)
    faces = {}
    for name in ("公文正文", "Heading 1", "Heading 2", "公文标题", "发文机关标志", "表头", "表格文字"):
        fonts = document.styles[name].element.rPr.rFonts
        faces[name] = fonts.get(qn("w:eastAsia"))
        assert fonts.get(qn("w:ascii")) == faces[name]
    assert faces == {"公文正文": "仿宋_GB2312", "Heading 1": "黑体", "Heading 2": "楷体_GB2312",
                     "公文标题": "方正小标宋简体", "发文机关标志": "方正小标宋简体", "表头": "黑体", "表格文字": "仿宋_GB2312"}
    body = document.styles["公文正文"]
    assert body.font.size.pt == 16 and round(body.paragraph_format.line_spacing.pt, 2) == 28.95
    for table in document.tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def test_page_setup_and_page_numbers(rendered: Rendered) -> None:
    document = docx.Document(str(rendered.docx))
    section = document.sections[0]
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for footer, side in ((odd, "right"), (even, "left")):
        xml = footer._p.xml
        assert " PAGE " in xml and footer.text == "—  —" and footer.style.name == "页码"
        assert footer.alignment is not None and footer.alignment.name.lower() == side
    assert document.core_properties.title == rendered.memo.metadata.title
    assert document.core_properties.author == rendered.memo.metadata.author


def test_control_characters_from_a_pdf_do_not_stop_the_docx(tmp_path) -> None:
    """Issue 16: a U+0001 (a PDF's ToUnicode map) or a vertical tab in a value made python-docx
    refuse the whole memo; they are left out of the file, the document keeps them."""
    from core.memo.content import build_memo
    from core.memo.docx import render_docx
    from core.model import Field
    from tests.memo.sample import REVIEWER, make_document

    document = make_document(1)
    document.org.dept_name = "示例\x01办公室"
    document.projects[0].name = Field("控制\x01字符\x0b项目")
    document.projects[0].indicators[0] = dataclasses.replace(document.projects[0].indicators[0],
                                                             value=Field("≥95%\x1f"))
    assert dataclasses.is_dataclass(document.projects[0].indicators[0])
    path = render_docx(build_memo(document, reviewer=REVIEWER), tmp_path / "memo.docx")
    opened = docx.Document(str(path))
    text = "\n".join(p.text for p in opened.paragraphs)
    assert "控制字符 项目" in text
    assert opened.core_properties.title.startswith("关于示例办公室")
    assert document.projects[0].name.raw == "控制\x01字符\x0b项目"
