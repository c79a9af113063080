"""The memo PDF read back (pdfplumber): texts, the GB/T 9704 type area and line grid, page
numbers, faces per block, the order of 落款 and 附件, outline, metadata, embedded fonts, tables."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from core.memo.content import build_memo
from core.memo.pdf import LEADING, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PITCH, render_pdf
from core.model import Field
from tests.memo.conftest import DRAFT_RE, FOOTER_RE, Rendered, squeeze
from tests.memo.sample import REVIEWER, make_document, make_review


def test_every_project_finding_and_annotation_is_in_the_text(rendered: Rendered) -> None:
    text = rendered.flat_text
    for project in rendered.document.projects:
        assert squeeze(project.display_name) in text
    assert rendered.review.accepted
    for finding in rendered.review.accepted:
        assert squeeze(finding.message.rstrip("。")) in text, finding.message
    for annotation in rendered.review.annotations:
        assert squeeze(annotation.text.rstrip("。")) in text, annotation.text
    for revision in rendered.review.revisions:
        assert squeeze(revision.suggested) in text


def test_dismissed_and_open_findings_never_appear(rendered: Rendered) -> None:
    text = rendered.flat_text
    assert rendered.review.dismissed
    for finding in rendered.review.findings:
        if finding not in rendered.review.accepted:
            assert squeeze(finding.message) not in text
    assert "驳回的发现" not in text and "未处理的发现" not in text


def face_name(pdf_name: str) -> str:
    """The face of a PDF font name: no subset tag (ABCDEF+), no face index (-0)."""
    return re.sub(r"^[A-Z]{6}\+|-\d+$", "", pdf_name)


def _lines(page: Any) -> dict[float, list[dict[str, Any]]]:
    """The page's characters by baseline (rounded to 1 pt), left to right."""
    rows: dict[float, list[dict[str, Any]]] = {}
    for char in page.chars:
        rows.setdefault(round(char["matrix"][5]), []).append(char)
    return {y: sorted(chars, key=lambda c: c["x0"]) for y, chars in rows.items()}


# pdfminer adds the character spacing (Tc) between the glyphs of one string but not after
# its last, as the PDF specification and every viewer do: the 28 characters of a body line
# drawn as several strings (one per font subset) appear to end up to 3 pt further right.
PDFMINER_TC_DRIFT = 3


def test_no_character_outside_the_type_area(rendered: Rendered) -> None:
    with pdfplumber.open(rendered.pdf) as pdf:
        for page in pdf.pages:
            assert page.chars
            left, right = MARGIN_LEFT - 1, float(page.width) - MARGIN_RIGHT + PDFMINER_TC_DRIFT
            top, bottom = MARGIN_TOP - 1, float(page.height) - MARGIN_BOTTOM + 1
            for char in page.chars:
                assert 10 * mm < char["bottom"] and char["top"] < float(page.height) - 10 * mm
                if char["top"] > bottom:
                    assert char["text"] in "— 0123456789"  # the page number is the only text below
                    continue
                if rendered.memo.draft_mark and char["bottom"] < top:
                    continue  # the draft mark heads every page of a draft, above the type area
                assert left <= char["x0"] and char["x1"] <= right, (page.page_number, char["text"], char["x0"])
                assert top <= char["top"] and char["bottom"] <= bottom, (page.page_number, char["text"])


def test_page_numbers_on_the_outer_side_seven_mm_below_the_type_area(rendered: Rendered) -> None:
    total = len(rendered.page_texts)
    assert total == rendered.report.pages > 3
    with pdfplumber.open(rendered.pdf) as pdf:
        for page in pdf.pages:
            below = [c for c in page.chars if c["top"] > float(page.height) - MARGIN_BOTTOM]
            assert "".join(c["text"] for c in sorted(below, key=lambda c: c["x0"])) == f"— {page.page_number} —"
            assert all(c["size"] == pytest.approx(14) for c in below)  # 四号
            dash_top = min(c["top"] for c in below)
            assert 6 * mm < dash_top - (float(page.height) - MARGIN_BOTTOM) < 8 * mm
            outer = float(page.width) - MARGIN_RIGHT - max(c["x1"] for c in below) if page.page_number % 2 \
                else min(c["x0"] for c in below) - MARGIN_LEFT
            assert outer == pytest.approx(14, abs=1)  # one character in from the type area's edge


def test_the_body_sits_on_a_grid_of_22_lines_of_28_characters(rendered: Rendered) -> None:
    steps: set[float] = set()
    full: list[list[dict[str, Any]]] = []
    with pdfplumber.open(rendered.pdf) as pdf:
        for page in pdf.pages[1:]:  # page 1's 版头 and title are set apart from the grid
            body = {y: chars for y, chars in _lines(page).items() if chars[0]["size"] == pytest.approx(16)}
            baselines = sorted(body, reverse=True)
            steps |= {round(a - b, 1) for a, b in itertools.pairwise(baselines)}
            full += [chars for chars in body.values() if abs(chars[0]["x0"] - MARGIN_LEFT) < 1 and all(
                ord(c["text"]) > 0x2000 for c in chars)]
    # every body line, heading and 落款 on one grid of 225 mm / 22: whole lines apart
    assert min(steps) == pytest.approx(LEADING, abs=1)
    assert all(abs(step / LEADING - round(step / LEADING)) < 0.05 for step in steps), steps
    assert full and max(len(chars) for chars in full) == 28
    pitch = sorted(b["x0"] - a["x0"] for chars in full for a, b in itertools.pairwise(chars))
    assert pitch[len(pitch) // 2] == pytest.approx(PITCH, abs=0.05)  # 156 mm / 28 (median: PDFMINER_TC_DRIFT)


def test_each_block_in_its_face(rendered: Rendered) -> None:
    """Title and 版头 in the 小标宋-like face, 一、 in 黑体, （一） in 楷体, the body in 仿宋."""
    with pdfplumber.open(rendered.pdf) as pdf:
        first = pdf.pages[0]
        def face(text: str, page: Any = first) -> set[str]:
            for chars in _lines(page).values():
                line = "".join(c["text"] for c in chars)
                if text in line:
                    at = line.index(text)
                    return {face_name(c["fontname"]) for c in chars[at:at + len(text)]}
            raise AssertionError(text)
        assert face("示例市财政局") == {"FandolSongBold"}
        mark = next(c for c in first.chars if c["text"] == "示")
        assert mark["non_stroking_color"] and mark["size"] > 30  # red, large
        assert face("示财绩审") == {"FandolFang"}
        assert face("部门预算绩效目标的审核意见") == {"FandolSongBold"}
        assert face("示例市人民政府办公室：") <= {"FandolFang"}
        assert face("一、总体情况") == {"WenQuanYiMicroHei"}
        project_page = next(p for p in pdf.pages if "（一）政务督查督办项目" in squeeze(p.extract_text()))
        assert face("（一）政务督查督办项目", project_page) == {"FandolKai"}
        assert face("审核结论", project_page) == {"FandolFang"}
        titles = [next(c for c in first.chars if c["text"] == "关")]
        assert titles[0]["size"] == pytest.approx(22)  # 二号


def test_no_rule_id_or_program_words_in_the_body(rendered: Rendered) -> None:
    body = "".join(rendered.page_texts[:-1])  # the last page is the 附件
    assert not re.search(r"\b[A-H]\d{1,2}\b|\[|indicators|level\d|程序", body)


def test_the_signature_follows_the_body_and_comes_before_the_attachment(rendered: Rendered) -> None:
    text = rendered.flat_text
    order = ["部门预算绩效目标的审核意见", "示例市人民政府办公室：", "一、总体情况", "二、共性问题", "三、项目审核意见",
             "（一）", "（二）", "（三）", "四、与上年度对比", "五、有关要求", "附件：绩效目标修改清单",
             "示例市财政局二〇二五年三月八日", "（联系人：张审核，电话：0315-2801234）", "附件绩效目标修改清单"]
    positions = [text.index(squeeze(part)) for part in order]
    assert positions == sorted(positions)
    last = DRAFT_RE.sub("", rendered.page_texts[-1])
    assert squeeze(last).startswith("附件绩效目标修改清单")  # the 附件 on a page of its own
    # the 落款 shares its page with the body's last paragraph
    signature_page = next(t for t in rendered.page_texts if "二〇二五年三月八日" in t)
    assert "规定时间内重新报送" in squeeze(signature_page)


def test_outline_has_one_entry_per_project(rendered: Rendered) -> None:
    with pikepdf.open(rendered.pdf) as pdf, pdf.open_outline() as outline:
        titles: list[str] = []
        stack = list(outline.root)
        while stack:
            item = stack.pop()
            titles.append(item.title)
            stack.extend(item.children)
        projects_entry = next(item for item in outline.root if "项目审核意见" in item.title)
        assert len(projects_entry.children) == len(rendered.document.projects)
        for project in rendered.document.projects:
            assert sum(project.display_name in title for title in titles) == 1
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
    """What pdffonts shows: every font used is an embedded TrueType subset with a ToUnicode map,
    and no page names another (reportlab used to name its Helvetica on every page, unembedded)."""
    with pdfplumber.open(rendered.pdf) as pdf:
        used = {char["fontname"] for page in pdf.pages for char in page.chars}
    faces = {face_name(name) for name in used}
    assert faces == {"FandolFang", "FandolKai", "FandolSongBold", "WenQuanYiMicroHei"}
    with pikepdf.open(rendered.pdf) as pdf:
        seen = 0
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                assert "/FontDescriptor" in font, f"{font.BaseFont} is named but not embedded"
                if any(str(font.BaseFont).lstrip("/") == name for name in used):
                    seen += 1
                    assert "+" in str(font.BaseFont)  # subset
                    assert "/FontFile2" in font.FontDescriptor  # embedded TrueType
                    assert "/ToUnicode" in font
        assert seen


def test_special_characters_and_glyphs_round_trip(rendered: Rendered) -> None:
    text = rendered.flat_text
    for sample in ("≥95%", "≤12月31日", "“有效提升”", "<需说明>&来源", "（", "、", "〔2025〕", "二〇二五年三月八日"):
        assert squeeze(sample) in text, sample
    assert rendered.report.missing_chars == []


def test_a_long_attachment_splits_with_its_header_on_every_page(tmp_path: Path) -> None:
    from core.review import Location, Revision

    document = make_document(1, rows=90)
    revisions = [Revision(Location(project_seq=1, indicator=i, column="value"), original=row.value.raw,
                          suggested=f"≥{i}件") for i, row in enumerate(document.projects[0].indicators)]
    memo = build_memo(document, reviewer=REVIEWER, revisions=revisions)
    report = render_pdf(memo, tmp_path / "long.pdf")
    cells: list[str] = []
    table_pages = 0
    with pdfplumber.open(report.path) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
        appendix = next(i for i, t in enumerate(texts) if squeeze(t).startswith("附件绩效目标修改清单"))
        for page in pdf.pages[appendix:]:
            for table in page.extract_tables():
                table_pages += 1
                assert [squeeze(c or "") for c in table[0]] == ["序号", "项目", "位置", "原值", "建议值", "修改理由"]
                cells += [squeeze(c or "") for row in table[1:] for c in row]
    assert table_pages >= 3
    assert all(f"≥{i}件" in cells for i in range(90))


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
    from core.review import Location, Revision

    document = make_document(2)
    long_cell = "资金使用规范，专款专用；" * 300
    first = document.projects[0]
    first.indicators[0] = dataclasses.replace(first.indicators[0], description=Field(long_cell))
    first.name = Field("超长项目名称" * 30 + "<b>&amp;")
    document.projects[1].indicators = []
    review = make_review(make_document(1))
    tall = Revision(Location(project_seq=1, indicator=0, column="description"), original="", suggested=long_cell)
    report = render_pdf(build_memo(document, reviewer=REVIEWER, findings=review.findings, revisions=[tall]),
                        tmp_path / "odd.pdf")
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
    project.name = Field("9" * 100_000)
    started = time.monotonic()
    report = render_pdf(build_memo(document, reviewer=REVIEWER), tmp_path / "long.pdf")
    assert time.monotonic() - started < 30
    with pdfplumber.open(report.path) as pdf:
        text = squeeze("".join(page.extract_text() or "" for page in pdf.pages))
    assert f"以下省略{100_000 - MAX_QUOTED_CHARS}字" in text
    assert "9" * 500 in text and "9" * (MAX_QUOTED_CHARS + 1) not in text
