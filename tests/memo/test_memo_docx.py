"""The memo as DOCX: Word headings, tables with repeated headers, East-Asian fonts, footer fields."""

from __future__ import annotations

import dataclasses

import docx
from docx.oxml.ns import qn

from tests.memo.conftest import Rendered


def test_headings_tables_and_texts(rendered: Rendered) -> None:
    document = docx.Document(str(rendered.docx))
    headings = {level: [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]
                for level in (1, 2, 3)}
    assert headings[1][:4] == ["一、审核依据", "二、审核范围与方法", "三、总体情况", "四、项目审核情况"]
    assert "附件：各项目绩效指标表" in headings[1]
    assert [h.split("）", 1)[1] for h in headings[2]] == [p.display_name for p in rendered.document.projects]
    assert headings[3].count("3. 发现的问题") == len(rendered.document.projects)
    # grade distribution + one score table per project + comparison + one appendix table per project
    assert len(document.tables) == 1 + 3 + 1 + 3
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    for finding in rendered.review.accepted:
        assert finding.message in text
    for finding in rendered.review.dismissed:
        assert finding.message not in text
    for annotation in rendered.review.annotations:
        assert annotation.text in text
    assert "【建议】≥15件" in cells


def test_tables_repeat_their_header_and_runs_name_an_east_asian_font(rendered: Rendered) -> None:
    document = docx.Document(str(rendered.docx))
    for table in document.tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(r._element.rPr.rFonts.get(qn("w:eastAsia")) for r in runs)


def test_footer_page_fields_and_properties(rendered: Rendered) -> None:
    document = docx.Document(str(rendered.docx))
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and "第 " in footer
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
    path = render_docx(build_memo(document, reviewer=REVIEWER), tmp_path / "memo.docx")
    opened = docx.Document(str(path))
    text = "\n".join(p.text for p in opened.paragraphs)
    cells = [c.text for table in opened.tables for row in table.rows for c in row.cells]
    assert "控制字符 项目" in text and "≥95%" in cells
    assert opened.core_properties.title.startswith("关于示例办公室")
    assert document.projects[0].name.raw == "控制\x01字符\x0b项目"
