"""The memo as DOCX (python-docx), for reviewers who finish it in WPS or Word.

The same 公文 as the PDF (`core.memo.blocks.Memo`, GB/T 9704): the 版头, the title, the
主送机关, 一、 and （一） headings (Heading 1/2, so the navigation pane lists the
sections and projects), the 附件说明, the 落款, the 附注 and the 附件 with its table.
Every look comes from a named paragraph style (公文正文, 发文机关标志, 文号, 公文标题,
主送机关, 附件说明, 发文机关署名, 成文日期, 附注, 附件标识, 附件标题, 表格文字, 表头,
页码); runs carry text only, and the gaps GB/T 9704 asks for are the styles' space
before and after, never empty paragraphs. So WPS's 公文 templates or a bureau's own
restyle the file by redefining those styles. The styles name the official faces
(仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体): a workstation that has them uses them,
one that has not substitutes its own (the PDF embeds the free Fandol faces instead).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from core.atomic_write import atomic_output
from core.memo.blocks import Memo, Para, Section, Table, format_official_date
from core.progress import NoProgress, Progress, check
from core.xml_text import xml_safe

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
TITLE_FONT = "方正小标宋简体"
SONGTI = "宋体"
BODY_PT, TITLE_PT, MARK_PT, TABLE_PT, PAGE_NUMBER_PT = 16, 22, 36, 10.5, 14
# 22 lines on the 225 mm type area: an exact line pitch of 28.95 pt, as the PDF.
LINE_PT = 28.95
RED = RGBColor(0xE6, 0x00, 0x12)


def _fonts(style: ParagraphStyle, face: str) -> None:
    """Name `face` for Latin and East-Asian text alike (Word reads w:eastAsia for Chinese)."""
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), face)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _indent_chars(style: ParagraphStyle, first_line: int = 0, right: int = 0) -> None:
    """Indents in characters (w:firstLineChars, w:rightChars), as Chinese templates set them:
    they follow the font size when a bureau restyles."""
    p_pr = style.element.get_or_add_pPr()
    indent = p_pr.find(qn("w:ind"))
    if indent is None:
        indent = OxmlElement("w:ind")
        p_pr.append(indent)
    if first_line:
        indent.set(qn("w:firstLineChars"), str(first_line * 100))
        indent.set(qn("w:firstLine"), str(first_line * BODY_PT * 20))
    if right:
        indent.set(qn("w:rightChars"), str(right * 100))
        indent.set(qn("w:right"), str(right * BODY_PT * 20))


def _bottom_border(style: ParagraphStyle, colour: RGBColor) -> None:
    """The 版头's red separator line: the bottom border of the 文号 style, not a drawn shape."""
    p_pr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "12"), ("w:color", str(colour))):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)


def _outline_level(style: ParagraphStyle, level: int) -> None:
    p_pr = style.element.get_or_add_pPr()
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    p_pr.append(outline)


def _add_style(doc: DocxDocument, name: str, face: str, size: float, *, base: str = "Normal",
               align: WD_ALIGN_PARAGRAPH | None = None, first_line: int = 0, right: int = 0,
               before: float = 0, after: float = 0, line: float | None = LINE_PT, colour: RGBColor | None = None,
               keep_next: bool = False, page_break: bool = False) -> ParagraphStyle:
    style: ParagraphStyle = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    _fonts(style, face)
    font = style.font
    font.size = Pt(size)
    font.bold = False
    font.color.rgb = colour or RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line)
    fmt.keep_with_next = keep_next
    fmt.page_break_before = page_break
    _indent_chars(style, first_line, right)
    return style


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE): begin, instruction, separate, end, in one run."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _repeat_header(table: DocxTable) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


class _DocxWriter:
    def __init__(self, memo: Memo, progress: Progress) -> None:
        self.memo, self.progress = memo, progress
        self.doc = new_docx()
        self._styles()
        self._page_setup()

    def _styles(self) -> None:
        doc = self.doc
        normal = doc.styles["Normal"]
        _fonts(normal, FANGSONG)
        normal.font.size = Pt(BODY_PT)
        normal.paragraph_format.space_after = Pt(0)
        center, left, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
        _add_style(doc, "公文正文", FANGSONG, BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=2)
        _add_style(doc, "发文机关标志", TITLE_FONT, MARK_PT, align=center, line=None, colour=RED, after=LINE_PT)
        number = _add_style(doc, "文号", FANGSONG, BODY_PT, align=center, after=2 * LINE_PT)
        _bottom_border(number, RED)
        _add_style(doc, "公文标题", TITLE_FONT, TITLE_PT, align=center, line=36, after=LINE_PT)
        _add_style(doc, "主送机关", FANGSONG, BODY_PT, align=left)
        _add_style(doc, "附件说明", FANGSONG, BODY_PT, align=left, first_line=2, before=LINE_PT)
        _add_style(doc, "发文机关署名", FANGSONG, BODY_PT, align=right, right=4, before=2 * LINE_PT, keep_next=True)
        _add_style(doc, "成文日期", FANGSONG, BODY_PT, align=right, right=4)
        _add_style(doc, "附注", FANGSONG, BODY_PT, align=left, first_line=2)
        _add_style(doc, "附件标识", HEITI, BODY_PT, align=left, page_break=True)
        _add_style(doc, "附件标题", TITLE_FONT, TITLE_PT, align=center, line=36, before=LINE_PT, after=LINE_PT / 2)
        _add_style(doc, "表格文字", FANGSONG, TABLE_PT, align=left, line=14)
        _add_style(doc, "表头", HEITI, TABLE_PT, align=center, line=14)
        _add_style(doc, "页码", SONGTI, PAGE_NUMBER_PT, line=None)
        _add_style(doc, "草稿标记", HEITI, TABLE_PT, align=center, line=None, colour=RGBColor(0xBF, 0x1A, 0x1A))
        for name, face, level in (("Heading 1", HEITI, 0), ("Heading 2", KAITI, 1), ("Heading 3", FANGSONG, 2)):
            style = doc.styles[name]
            _fonts(style, face)
            style.font.size = Pt(BODY_PT)
            style.font.bold = False
            style.font.italic = False
            style.font.color.rgb = RGBColor(0, 0, 0)
            fmt = style.paragraph_format
            fmt.space_before = fmt.space_after = Pt(0)
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(LINE_PT)
            fmt.keep_with_next = True
            _indent_chars(style, first_line=2)
            _outline_level(style, level)

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        # The page number's dashes 7 mm below the type area: the footer sits that far down.
        section.footer_distance = Mm(35 - 7) - Pt(PAGE_NUMBER_PT)
        # Odd pages number on the right, even pages on the left (GB/T 9704 7.5).
        self.doc.settings.odd_and_even_pages_header_footer = True
        for footer, align, pad in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
                                   (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")):
            paragraph = footer.paragraphs[0]
            paragraph.style = self.doc.styles["页码"]
            paragraph.alignment = align
            # one character in from the outer edge of the type area
            if pad == "right":
                paragraph.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT)
            else:
                paragraph.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
            paragraph.add_run("— ")
            _field(paragraph, "PAGE")
            paragraph.add_run(" —")
        if self.memo.draft_mark:
            for header in (section.header, section.even_page_header):
                paragraph = header.paragraphs[0]
                paragraph.style = self.doc.styles["草稿标记"]
                paragraph.add_run(xml_safe(self.memo.draft_mark))

    def add(self, text: str, style: str) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        lines = xml_safe(text).split("\n")
        for n, line in enumerate(lines):
            run = paragraph.add_run(line)
            if n < len(lines) - 1:
                run.add_break()
        return paragraph

    def head(self) -> None:
        cover = self.memo.cover
        if cover.mark:
            self.add(cover.mark, "发文机关标志")
        if cover.doc_number or cover.signer:
            paragraph = self.add(cover.doc_number, "文号")
            if cover.signer:
                # An up-going 公文: 文号 one character in from the left, 签发人 one in from the right.
                fmt = paragraph.paragraph_format
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                fmt.left_indent = fmt.right_indent = Pt(BODY_PT)
                fmt.tab_stops.add_tab_stop(Mm(156) - Pt(2 * BODY_PT), WD_TAB_ALIGNMENT.RIGHT)
                paragraph.add_run(f"\t签发人：{xml_safe(cover.signer)}")
        self.add(cover.title, "公文标题")
        if cover.recipient:
            self.add(f"{cover.recipient}：", "主送机关")
        for para in self.memo.opening:
            self.para(para)

    def para(self, para: Para) -> None:
        self.add(f"{para.lead}{para.text}", "公文正文")

    def table(self, table: Table) -> None:
        grid = self.doc.add_table(rows=1 + len(table.rows), cols=len(table.header))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        total = sum(table.widths)
        width = Mm(210 - 28 - 26)
        widths = [Emu(int(width * share / total)) for share in table.widths]
        for c, column_width in enumerate(widths):
            grid.columns[c].width = column_width
        for row_index, values in enumerate([table.header, *[tuple(cell.text for cell in row) for row in table.rows]]):
            cells = grid.rows[row_index].cells
            for c, text in enumerate(values):
                cells[c].width = widths[c]
                paragraph = cells[c].paragraphs[0]
                paragraph.style = self.doc.styles["表头" if row_index == 0 else "表格文字"]
                lines = xml_safe(text).split("\n")
                for n, line in enumerate(lines):
                    run = paragraph.add_run(line)
                    if n < len(lines) - 1:
                        run.add_break()
        _repeat_header(grid)

    def section(self, section: Section, level: int) -> None:
        self.doc.add_paragraph(xml_safe(section.heading), style=f"Heading {min(level, 3)}")
        for block in section.blocks:
            if isinstance(block, Table):
                self.table(block)
            else:
                self.para(block)
        for n, sub in enumerate(section.subsections):
            if level == 1:
                check(self.progress)
                self.progress.report(n, len(section.subsections), f"DOCX：{sub.title}")
            self.section(sub, level + 1)

    def closing(self) -> None:
        notes = self.memo.attachment_notes
        for n, name in enumerate(notes, start=1):
            lead = "附件：" if n == 1 else "　　　"
            self.add(f"{lead}{name}" if len(notes) == 1 else f"{lead}{n}．{name}", "附件说明")
        sig = self.memo.signature
        date_text = format_official_date(sig.date)
        if sig.organisation:
            issuer = self.add(sig.organisation, "发文机关署名")
            # centred over the 成文日期, which ends four characters in from the right
            shift = max(0.0, (len(date_text) - len(sig.organisation)) / 2)
            issuer.paragraph_format.right_indent = Pt(BODY_PT * (4 + shift))
        date = self.add(date_text, "成文日期")
        if not sig.organisation:
            date.paragraph_format.space_before = Pt(2 * LINE_PT)
        if sig.contact:
            contact = sig.contact.strip()
            self.add(contact if contact.startswith("（") else f"（{contact}）", "附注")

    def attachment(self, number: int, section: Section) -> None:
        self.add("附件" if len(self.memo.appendix) == 1 else f"附件{number}", "附件标识")
        self.add(section.title, "附件标题")
        for block in section.blocks:
            if isinstance(block, Table):
                self.table(block)
            else:
                self.para(block)

    def build(self) -> None:
        meta = self.memo.metadata
        props = self.doc.core_properties
        props.title, props.author, props.subject = xml_safe(meta.title), xml_safe(meta.author), xml_safe(meta.subject)
        props.keywords, props.comments = xml_safe("，".join(meta.keywords)), xml_safe(meta.creator)
        props.language = "zh-CN"
        self.head()
        for section in self.memo.body:
            self.section(section, 1)
        self.closing()  # 附件说明 and the 落款 right after the body, before the 附件 (GB/T 9704)
        for number, section in enumerate(self.memo.appendix, start=1):
            self.attachment(number, section)


def render_docx(memo: Memo, path: str | Path, *, progress: Progress | None = None) -> Path:
    """Write `memo` to `path` as DOCX; like the PDF, the file appears only when complete."""
    writer = _DocxWriter(memo, progress or NoProgress())
    writer.build()
    check(writer.progress)
    target = Path(path)
    with atomic_output(target) as temp:
        writer.doc.save(str(temp))
    return target
