"""The memo as PDF (reportlab platypus), laid out like a Chinese official document.

GB/T 9704-like: A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; one
bundled face (WQY Micro Hei, 黑体-style), so the title (二号, 22 pt), section and project
headings, captions and table headers are set in a stroked bold (`_Bold`), body and
lower headings in regular weight, all text in one size (三号, 16 pt), 2-character
first-line indents; tables in 五号 (10.5 pt) with their header row repeated on every page
and rows allowed to split; "第 X 页 共 Y 页" footers; one outline entry per section and
per project; title/author/subject metadata. Every string goes through
`FontSet.markup`, which escapes it and falls back between the bundled fonts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from core.atomic_write import atomic_output
from core.memo.blocks import Cell, Memo, Para, Section, Table, format_date, format_official_date
from core.memo.cjk_wrap import CJKParagraph
from core.memo.pdf_fonts import FontSet, load_fonts
from core.progress import NoProgress, Progress, check

log = logging.getLogger(__name__)

MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
BODY_SIZE, BODY_LEADING = 16, 28  # 三号; 22 lines fill the type area, as GB/T 9704 asks
TABLE_SIZE, TABLE_LEADING = 10.5, 14  # 五号
FOOTER_SIZE = 10.5
FOOTER_Y = 20 * mm
HEADER_Y = 18 * mm  # the draft mark, from the top edge (inside the 37 mm top margin)
MARK_COLOUR = colors.HexColor("#A40000")
MARK_FILL = colors.HexColor("#FFF4CC")
HEADER_FILL = colors.HexColor("#E8E8E8")
# Outline stroke of the bold headings, in em: WQY's strokes gain about a third in width.
BOLD_STROKE = 0.03


@dataclass(slots=True)
class RenderReport:
    """What rendering produced: pages, and characters no bundled font could draw."""

    path: Path
    pages: int
    missing_chars: list[str] = field(default_factory=list)


class _Bold(CJKParagraph):
    """A paragraph in a synthetic bold: each glyph filled, then outlined in the text
    colour (PDF text render mode 2). The bundled face has one weight and reportlab
    synthesises none; the text, its extraction and the embedded font are unchanged."""

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(self.style.fontSize * BOLD_STROKE)
        canvas.setLineJoin(1)  # round: no spikes at sharp stroke ends
        canvas.setStrokeColor(self.style.textColor)
        # The render mode is graphics state, so it holds for every text object drawn
        # until restoreState; reportlab's text objects only ever set it for clipping.
        canvas.addLiteral("2 Tr")
        super().draw()
        canvas.restoreState()


class _Styles:
    # Styles drawn by _Bold: the weight is what sets them apart from the body.
    BOLD = frozenset({"title", "h1", "h2", "caption", "head_cell"})

    def __init__(self, fonts: FontSet) -> None:
        h, b = fonts.heading, fonts.body
        indent = 2 * BODY_SIZE
        self.title = ParagraphStyle("title", fontName=h, fontSize=22, leading=36, alignment=TA_CENTER,
                                    wordWrap="CJK")
        self.cover = ParagraphStyle("cover", fontName=b, fontSize=BODY_SIZE, leading=BODY_LEADING + 6,
                                    alignment=TA_LEFT, leftIndent=3 * indent, wordWrap="CJK")
        self.h1 = ParagraphStyle("h1", fontName=h, fontSize=BODY_SIZE, leading=BODY_LEADING, firstLineIndent=indent,
                                 spaceBefore=8, spaceAfter=2, wordWrap="CJK", keepWithNext=1)
        self.h2 = ParagraphStyle("h2", fontName=h, fontSize=BODY_SIZE, leading=BODY_LEADING, firstLineIndent=indent,
                                 spaceBefore=6, wordWrap="CJK", keepWithNext=1)
        self.h3 = ParagraphStyle("h3", fontName=b, fontSize=BODY_SIZE, leading=BODY_LEADING, firstLineIndent=indent,
                                 wordWrap="CJK", keepWithNext=1)
        self.body = ParagraphStyle("body", fontName=b, fontSize=BODY_SIZE, leading=BODY_LEADING,
                                   firstLineIndent=indent, alignment=TA_JUSTIFY, wordWrap="CJK")
        self.quote = ParagraphStyle("quote", parent=self.body, leftIndent=indent, firstLineIndent=0,
                                    textColor=colors.HexColor("#1F3A5F"))
        self.signature = ParagraphStyle("signature", parent=self.body, alignment=TA_RIGHT, firstLineIndent=0,
                                        rightIndent=indent)
        self.caption = ParagraphStyle("caption", fontName=h, fontSize=TABLE_SIZE + 1, leading=TABLE_LEADING + 4,
                                      alignment=TA_CENTER, spaceBefore=6, spaceAfter=2, wordWrap="CJK",
                                      keepWithNext=1)
        self.cell = ParagraphStyle("cell", fontName=b, fontSize=TABLE_SIZE, leading=TABLE_LEADING, wordWrap="CJK")
        self.head_cell = ParagraphStyle("head_cell", parent=self.cell, fontName=h, alignment=TA_CENTER)


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


def _numbered_canvas(fonts: FontSet, draft_mark: str = "") -> type[Canvas]:
    """A canvas that holds every page back until the total is known, then writes the footers
    (and, on a draft, the draft mark at the top of every page)."""

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
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                for key, kwargs in state["_page_bookmarks"]:
                    Canvas.bookmarkPage(self, key, **kwargs)
                self.setFont(fonts.heading, FOOTER_SIZE)
                self.drawCentredString(A4[0] / 2, FOOTER_Y, f"第 {number} 页 共 {total} 页")
                if draft_mark:
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
        self.width = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
        self.story: list[Flowable] = []
        self._keys = 0

    def para(self, text: str, style: ParagraphStyle, lead: str = "") -> Paragraph:
        markup = self.fonts.markup(text, style.fontName)
        if lead:
            markup = f'<font name="{self.fonts.heading}">{self.fonts.markup(lead, self.fonts.heading)}</font>' + markup
        return self.paragraph(markup, style)

    def paragraph(self, markup: str, style: ParagraphStyle) -> Paragraph:
        return (_Bold if style.name in _Styles.BOLD else CJKParagraph)(markup, style)

    def outline(self, title: str, level: int) -> None:
        self._keys += 1
        self.story.append(_Outline(self.fonts.covered(title, self.fonts.heading), f"s{self._keys}", level))

    def cover(self) -> None:
        cover, s = self.memo.cover, self.styles
        self.outline(cover.title, 0)
        title = self.para(cover.title, s.title)
        if cover.department and cover.title.startswith(cover.department) and cover.title != cover.department:
            # Break after the department, not wherever the line happens to fill.
            rest = cover.title[len(cover.department):]
            h = self.fonts.heading
            title = self.paragraph(f"{self.fonts.markup(cover.department, h)}<br/>{self.fonts.markup(rest, h)}",
                                   s.title)
        self.story += [Spacer(1, 40 * mm), title, Spacer(1, 30 * mm)]
        lines = [("被审核部门：", cover.department), ("预算年度：", f"{cover.year}年" if cover.year else "—"),
                 ("审核单位：", cover.organisation), ("审核人：", cover.reviewer), ("日期：", format_date(cover.date))]
        self.story += [self.para(text, s.cover, lead=lead) for lead, text in lines]
        self.story.append(PageBreak())

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
        s = self.styles
        style = {"quote": s.quote, "signature": s.signature}.get(para.kind, s.body)
        return self.para(para.text, style, lead=para.lead)

    def cell(self, cell: Cell) -> Paragraph:
        markup = self.fonts.markup(cell.text, self.styles.cell.fontName)
        if cell.revised is not None:
            suggestion = self.fonts.markup(cell.revised, self.fonts.heading)
            markup += (f'<br/><font name="{self.fonts.heading}" color="{MARK_COLOUR.hexval()}">'
                       f"【建议】{suggestion}</font>")
        return CJKParagraph(markup, self.styles.cell)

    def add_table(self, table: Table) -> None:
        total = sum(table.widths)
        widths = [self.width * w / total for w in table.widths]
        data: list[list[Flowable]] = [[self.para(text, self.styles.head_cell) for text in table.header]]
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for r, row in enumerate(table.rows, start=1):
            data.append([self.cell(cell) for cell in row])
            style += [("BACKGROUND", (c, r), (c, r), MARK_FILL) for c, cell in enumerate(row) if cell.marked]
        grid = RLTable(data, colWidths=widths, repeatRows=1, splitInRow=1, style=TableStyle(style),
                       spaceBefore=4, spaceAfter=10)
        if table.caption:
            # The caption's keepWithNext holds it on the page of the table's first rows.
            self.story.append(self.para(table.caption, self.styles.caption))
        self.story.append(grid)

    def signature(self) -> None:
        sig, s = self.memo.signature, self.styles
        self.story += [Spacer(1, 16 * mm),
                       self.para(f"审核单位：{sig.organisation}（盖章）", s.signature),
                       self.para(f"审核人：{sig.reviewer}　签字：＿＿＿＿＿＿", s.signature),
                       self.para(f"{format_official_date(sig.date)}", s.signature)]

    def build(self) -> list[Flowable]:
        self.cover()
        for section in self.memo.body:
            self.section(section, 1)
        self.signature()  # the 落款 right after the body, before the 附件 (GB/T 9704)
        for section in self.memo.appendix:
            self.section(section, 1)
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
