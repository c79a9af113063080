"""The memo as PDF (reportlab platypus), laid out as a 公文 by GB/T 9704-2012.

A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a 156 × 225 mm type
area); 22 lines of 28 characters: the body in 三号 (16 pt) 仿宋 on a 28.97 pt line grid
with a 15.79 pt character pitch (`CJKParagraph`'s charSpace, as Word's document grid).
The 版头: the 发文机关标志 in red 小标宋, the 文号 (with the 签发人 when set) and the red
separator line; the title in 二号 (22 pt) 小标宋, centred; the 主送机关 flush left. 一、
headings in 黑体, （一） headings in 楷体, everything else 仿宋. Page numbers "— 1 —" in
四号 (14 pt), 7 mm below the type area, on the outer side (odd pages right, even pages
left, one character in). The 附件说明, then the 落款 (署名 centred over the 成文日期,
which ends four characters in from the right) and the 附注, then each 附件 on a page of
its own with "附件" top left. A draft carries its mark at the top of every page. One
outline entry per section and per project; title/author/subject metadata. Every string
goes through `FontSet.markup`, which escapes it and falls back between the bundled faces.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from core.atomic_write import atomic_output
from core.memo.blocks import Cell, Memo, Para, Section, Table, format_official_date
from core.memo.cjk_wrap import CJKParagraph
from core.memo.pdf_fonts import FontSet, load_fonts
from core.progress import NoProgress, Progress, check

log = logging.getLogger(__name__)

MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
TYPE_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
TYPE_HEIGHT = A4[1] - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm
LINES, CHARS = 22, 28
BODY_SIZE = 16  # 三号
LEADING = TYPE_HEIGHT / LINES  # 28.97 pt: 22 lines fill the type area
PITCH = TYPE_WIDTH / CHARS  # 15.79 pt: 28 characters fill a line
CHAR_SPACE = PITCH - BODY_SIZE
# Depth of a line's baseline below its top: reportlab puts a paragraph's first baseline one
# font size down, whatever the face (rl_config.paraFontSizeHeightOffset), so every face
# sits on the same grid; the drawn 落款 follows suit.
GRID_ASCENT = BODY_SIZE
TITLE_SIZE = 22  # 二号
TABLE_SIZE, TABLE_LEADING = 10.5, 14  # 五号
PAGE_NUMBER_SIZE = 14  # 四号
# The page number's dashes sit 7 mm below the type area; its baseline a little lower.
PAGE_NUMBER_Y = MARGIN_BOTTOM - 7 * mm - PAGE_NUMBER_SIZE * 0.8
HEADER_Y = 18 * mm  # the draft mark, from the top edge (inside the 37 mm top margin)
RED = colors.HexColor("#E60012")  # the 版头's red (GB/T 9704: 红色)
HEADER_FILL = colors.HexColor("#F2F2F2")


@dataclass(slots=True)
class RenderReport:
    """What rendering produced: pages, and characters no bundled font could draw."""

    path: Path
    pages: int
    missing_chars: list[str] = field(default_factory=list)


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        indent = 2 * PITCH
        grid: dict[str, Any] = {"fontSize": BODY_SIZE, "leading": LEADING, "wordWrap": "CJK",
                                "charSpace": CHAR_SPACE}
        self.body = ParagraphStyle("body", fontName=fonts.body, firstLineIndent=indent, alignment=TA_LEFT, **grid)
        self.flush = ParagraphStyle("flush", parent=self.body, firstLineIndent=0)
        self.h1 = ParagraphStyle("h1", parent=self.body, fontName=fonts.heading, keepWithNext=1)
        self.h2 = ParagraphStyle("h2", parent=self.body, fontName=fonts.kai, keepWithNext=1)
        self.h3 = ParagraphStyle("h3", parent=self.body, keepWithNext=1)
        self.title = ParagraphStyle("title", fontName=fonts.title, fontSize=TITLE_SIZE, leading=LEADING * 1.25,
                                    alignment=TA_CENTER, wordWrap="CJK")
        self.attachment_title = ParagraphStyle("attachment_title", parent=self.title, spaceBefore=LEADING,
                                               spaceAfter=LEADING / 2)
        self.cell = ParagraphStyle("cell", fontName=fonts.body, fontSize=TABLE_SIZE, leading=TABLE_LEADING,
                                   wordWrap="CJK")
        self.head_cell = ParagraphStyle("head_cell", parent=self.cell, fontName=fonts.heading, alignment=TA_CENTER)


class _Outline(Flowable):  # type: ignore[misc]  # reportlab ships no types: Flowable is Any
    """A zero-size marker: the outline entry of the heading that follows it."""

    def __init__(self, title: str, key: str, level: int) -> None:
        super().__init__()
        self.title, self.key, self.level = title, key, level
        self.keepWithNext = 1  # on the page of its heading, wherever that heading lands

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)


class _Masthead(Flowable):  # type: ignore[misc]
    """The 版头: 发文机关标志 in red, the 文号 (and 签发人) two lines below it, the red line."""

    def __init__(self, fonts: FontSet, mark: str, number: str, signer: str) -> None:
        super().__init__()
        self.fonts, self.mark, self.number, self.signer = fonts, mark, number, signer
        # As large as fits the type area, at most 一号-and-a-half (GB/T 9704: ≤ 22 × 15 mm a character).
        self.mark_size = min(42.0, TYPE_WIDTH / max(len(mark), 1) * 0.92)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.mark_size + (2.5 * LEADING if self.number or self.signer else LEADING)
        return self.width, self.height

    def draw(self) -> None:
        c, fonts = self.canv, self.fonts
        top = self.height
        if self.mark:
            c.setFillColor(RED)
            c.setFont(fonts.title, self.mark_size)
            c.drawCentredString(self.width / 2, top - self.mark_size * 0.88,
                                fonts.covered(self.mark, fonts.title))
        c.setFillColor(colors.black)
        number_y = top - self.mark_size - 1.5 * LEADING
        if self.signer:
            # An up-going 公文: 文号 one character in from the left, 签发人 one in from the right.
            c.setFont(fonts.body, BODY_SIZE)
            c.drawString(PITCH, number_y, fonts.covered(self.number, fonts.body))
            name = fonts.covered(self.signer, fonts.kai)
            c.setFont(fonts.kai, BODY_SIZE)
            name_width = c.stringWidth(name, fonts.kai, BODY_SIZE)
            c.drawString(self.width - PITCH - name_width, number_y, name)
            c.setFont(fonts.body, BODY_SIZE)
            c.drawRightString(self.width - PITCH - name_width, number_y, "签发人：")
        elif self.number:
            c.setFont(fonts.body, BODY_SIZE)
            c.drawCentredString(self.width / 2, number_y, fonts.covered(self.number, fonts.body))
        line_y = number_y - 4 * mm if (self.number or self.signer) else top - self.mark_size - LEADING * 0.5
        c.setStrokeColor(RED)
        c.setLineWidth(1.0)
        c.line(0, line_y, self.width, line_y)


class _Signature(Flowable):  # type: ignore[misc]
    """The 落款: the 成文日期 ending four characters in from the right, the 署名 centred over it."""

    def __init__(self, fonts: FontSet, issuer: str, date: str) -> None:
        super().__init__()
        self.fonts, self.issuer, self.date = fonts, issuer, date

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = 2 * LEADING if self.issuer else LEADING
        return self.width, self.height

    def _draw_text(self, text: str, right: float, y: float) -> float:
        """Draw `text` on the character grid so that it ends at `right`; returns its left edge."""
        c = self.canv
        text = self.fonts.covered(text, self.fonts.body)
        width = len(text) * PITCH - CHAR_SPACE
        text_object = c.beginText(right - width, y)
        text_object.setFont(self.fonts.body, BODY_SIZE)
        text_object.setCharSpace(CHAR_SPACE)
        text_object.textOut(text)
        c.drawText(text_object)
        left: float = right - width
        return left

    def draw(self) -> None:
        date_right = self.width - 4 * PITCH
        baseline = self.height - GRID_ASCENT - (LEADING if self.issuer else 0)  # on the body's grid
        date_left = self._draw_text(self.date, date_right, baseline)
        if self.issuer:
            centre = (date_left + date_right) / 2
            width = len(self.issuer) * PITCH - CHAR_SPACE
            right = min(self.width, centre + width / 2)
            self._draw_text(self.issuer, right, baseline + LEADING)


def _numbered_canvas(fonts: FontSet, draft_mark: str = "") -> type[Canvas]:
    """A canvas that holds every page back until the total is known, then writes the page
    numbers (and, on a draft, the draft mark at the top of every page)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types: Canvas is Any
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self._page_bookmarks: list[tuple[str, dict[str, Any]]] = []

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:
            # The page object only exists when the held page is written: replay then.
            self._page_bookmarks.append((key, kwargs))

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._page_bookmarks = []
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                for key, kwargs in state["_page_bookmarks"]:
                    Canvas.bookmarkPage(self, key, **kwargs)
                self.setFont(fonts.body, PAGE_NUMBER_SIZE)
                self.setFillColor(colors.black)
                text = f"— {number} —"
                if number % 2:  # odd pages: right, one character in
                    self.drawRightString(A4[0] - MARGIN_RIGHT - PAGE_NUMBER_SIZE, PAGE_NUMBER_Y, text)
                else:
                    self.drawString(MARGIN_LEFT + PAGE_NUMBER_SIZE, PAGE_NUMBER_Y, text)
                if draft_mark:
                    self.setFont(fonts.heading, 10.5)
                    self.setFillColorRGB(0.75, 0.1, 0.1)
                    self.drawCentredString(A4[0] / 2, A4[1] - HEADER_Y, draft_mark)
                    self.setFillColorRGB(0, 0, 0)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class _Writer:
    def __init__(self, memo: Memo, fonts: FontSet, progress: Progress) -> None:
        self.memo, self.fonts, self.progress = memo, fonts, progress
        self.styles = _Styles(fonts)
        self.story: list[Flowable] = []
        self._keys = 0

    def para(self, text: str, style: ParagraphStyle) -> Paragraph:
        return CJKParagraph(self.fonts.markup(text, style.fontName), style)

    def blank(self, lines: float = 1) -> None:
        self.story.append(Spacer(1, LEADING * lines))

    def outline(self, title: str, level: int) -> None:
        self._keys += 1
        self.story.append(_Outline(self.fonts.covered(title, self.fonts.heading), f"s{self._keys}", level))

    def head(self) -> None:
        cover, s = self.memo.cover, self.styles
        self.outline(cover.title, 0)
        if cover.mark or cover.doc_number or cover.signer:
            self.story.append(_Masthead(self.fonts, cover.mark, cover.doc_number, cover.signer))
        self.blank(1)
        title = self.para(cover.title, s.title)
        first = f"关于{cover.department}"
        if cover.title.startswith(first) and len(first) * TITLE_SIZE <= TYPE_WIDTH and cover.title != first:
            # Break after the department, where the title's sense breaks, not where a line fills.
            font = s.title.fontName
            title = CJKParagraph(f"{self.fonts.markup(first, font)}<br/>"
                                 f"{self.fonts.markup(cover.title[len(first):], font)}", s.title)
        self.story.append(title)
        self.blank(1)
        if cover.recipient:
            self.story.append(self.para(f"{cover.recipient}：", s.flush))
        for para in self.memo.opening:
            self.story.append(self.block(para))

    def section(self, section: Section, level: int) -> None:
        if section.page_break_before:
            self.story.append(PageBreak())
        if section.bookmark:
            self.outline(section.heading, level - 1)
        style = {1: self.styles.h1, 2: self.styles.h2}.get(level, self.styles.h3)
        self.story.append(self.para(section.heading, style))
        for block in section.blocks:
            if isinstance(block, Table):
                self.add_table(block)
            else:
                self.story.append(self.block(block))
        for n, sub in enumerate(section.subsections):
            if level == 1:
                check(self.progress)
                self.progress.report(n, len(section.subsections), f"排版：{sub.title}")
            self.section(sub, level + 1)

    def block(self, para: Para) -> Paragraph:
        return self.para(f"{para.lead}{para.text}", self.styles.body)

    def cell(self, cell: Cell) -> Paragraph:
        markup = self.fonts.markup(cell.text, self.styles.cell.fontName)
        return CJKParagraph(markup, self.styles.cell)

    def add_table(self, table: Table) -> None:
        total = sum(table.widths)
        widths = [TYPE_WIDTH * w / total for w in table.widths]
        data: list[list[Flowable]] = [[self.para(text, self.styles.head_cell) for text in table.header]]
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            # the cells are paragraphs in their own faces; reportlab still sets each cell's
            # style font (Helvetica by default) first, and the file would name it unembedded
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
        ]
        data += [[self.cell(cell) for cell in row] for row in table.rows]
        grid = RLTable(data, colWidths=widths, repeatRows=1, splitInRow=1, style=TableStyle(style),
                       spaceBefore=4, spaceAfter=10)
        self.story.append(grid)

    def attachment_notes(self) -> None:
        notes = self.memo.attachment_notes
        if not notes:
            return
        self.blank(1)
        if len(notes) == 1:
            self.story.append(self.para(f"附件：{notes[0]}", self.styles.body))
            return
        # Several: numbered, the names aligned after "附件：".
        for n, name in enumerate(notes, start=1):
            lead = "附件：" if n == 1 else "　　　"
            self.story.append(self.para(f"{lead}{n}．{name}", self.styles.body))

    def signature(self) -> None:
        sig = self.memo.signature
        # Room for the seal above the 成文日期: two blank lines.
        self.blank(2)
        self.story.append(_Signature(self.fonts, sig.organisation, format_official_date(sig.date)))
        if sig.contact:
            contact = sig.contact.strip()
            if not contact.startswith("（"):
                contact = f"（{contact}）"
            self.story.append(self.para(contact, self.styles.body))

    def attachment(self, number: int, section: Section) -> None:
        self.story.append(PageBreak())
        self.outline(f"附件：{section.title}", 0)
        label = "附件" if len(self.memo.appendix) == 1 else f"附件{number}"
        self.story.append(self.para(label, ParagraphStyle("attachment", parent=self.styles.flush,
                                                          fontName=self.fonts.heading)))
        self.story.append(self.para(section.title, self.styles.attachment_title))
        for block in section.blocks:
            if isinstance(block, Table):
                self.add_table(block)
            else:
                self.story.append(self.block(block))

    def build(self) -> list[Flowable]:
        self.head()
        for section in self.memo.body:
            self.section(section, 1)
        # The 落款 never stands alone on a page (GB/T 9704 7.3.5.4): the body's last paragraph
        # goes with it, the 附件说明 and the 落款 right after the body, before the 附件.
        body_end = len(self.story) - 1 if self.story and isinstance(self.story[-1], Paragraph) else len(self.story)
        while body_end > 0 and getattr(self.story[body_end - 1], "keepWithNext", False):
            body_end -= 1  # the heading (and outline entry) of that paragraph go along
        self.attachment_notes()
        self.signature()
        self.story[body_end:] = [KeepTogether(self.story[body_end:])]
        for number, section in enumerate(self.memo.appendix, start=1):
            self.attachment(number, section)
        return self.story


def render_pdf(memo: Memo, path: str | Path, *, progress: Progress | None = None) -> RenderReport:
    """Write `memo` to `path` as PDF. The file appears only when complete (core.atomic_write:
    written beside it, then renamed), so a failure or a cancel leaves any earlier file as it was."""
    progress = progress or NoProgress()
    target = Path(path)
    fonts = load_fonts()
    story = _Writer(memo, fonts, progress).build()
    meta = memo.metadata
    with atomic_output(target) as temp:
        doc = BaseDocTemplate(
            str(temp), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=meta.title, author=meta.author, subject=meta.subject,
            creator=meta.creator, keywords=list(meta.keywords), lang="zh-CN",
            # reportlab opens every page in its default Helvetica, which the file would then
            # name without embedding it: start in the body face instead.
            initialFontName=fonts.body,
        )
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        check(progress)
        doc.build(story, canvasmaker=_numbered_canvas(fonts, memo.draft_mark))
        check(progress)
    if fonts.missing:
        log.warning("审核意见中有字体缺少的字符，已用 〓 标出：%s", "".join(fonts.missing))
    return RenderReport(path=target, pages=doc.page, missing_chars=list(fonts.missing))
