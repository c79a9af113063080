"""The memo as DOCX (python-docx), for reviewers who finish it in WPS or Word.

Same content as the PDF (`core.memo.blocks.Memo`), with real Word structure: the
title, Heading 1/2/3 for sections, projects and their parts (so Word's navigation
pane lists the projects), real tables with a repeated header row, revised cells
shaded. Chinese needs the East-Asian font set on every run (w:eastAsia): Word
ignores the Latin font name for CJK text. The fonts named are the document's
choice; a workstation without them substitutes its own.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section as DocxSection
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from core.atomic_write import atomic_output
from core.memo.blocks import Cell, Memo, Para, Section, Table, format_date, format_official_date
from core.progress import NoProgress, Progress, check
from core.xml_text import xml_safe

HEADING_FONT = "黑体"
BODY_FONT = "仿宋"
TITLE_FONT = "方正小标宋简体"
BODY_PT, TABLE_PT = 16, 10.5
MARK_COLOUR = RGBColor(0xA4, 0x00, 0x00)


def _run(paragraph: Paragraph, text: str, east_asian: str, size: float | None = None, bold: bool = False,
         colour: RGBColor | None = None, line_break: bool = False) -> None:
    """Append a run with its fonts (Latin and w:eastAsia), size, bold and colour.

    Built as XML directly: python-docx's run and font setters cost ~0.5 ms a run,
    which a 50-project memo (7,000 runs) notices.
    """
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), east_asian)
    props.append(fonts)
    if bold:
        props.append(OxmlElement("w:b"))
    if colour is not None:
        colour_element = OxmlElement("w:color")
        colour_element.set(qn("w:val"), str(colour))
        props.append(colour_element)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            size_element = OxmlElement(tag)
            size_element.set(qn("w:val"), str(round(size * 2)))
            props.append(size_element)
    run.append(props)
    if text:
        text_element = OxmlElement("w:t")
        text_element.set(qn("xml:space"), "preserve")
        text_element.text = xml_safe(text)
        run.append(text_element)
    if line_break:
        run.append(OxmlElement("w:br"))
    paragraph._p.append(run)


def _style_font(style: CharacterStyle, east_asian: str, size: float, bold: bool = False) -> None:
    """Set a paragraph style's fonts (Latin and East-Asian), size, colour."""
    font = style.font
    font.name = east_asian
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _repeat_header(table: DocxTable) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


class _DocxWriter:
    def __init__(self, memo: Memo, progress: Progress) -> None:
        self.memo, self.progress = memo, progress
        self.doc = new_docx()
        self._page_setup()
        self._styles()

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        self._footer(section)
        if self.memo.draft_mark:
            header = section.header.paragraphs[0]
            header.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(header, self.memo.draft_mark, BODY_FONT, TABLE_PT)

    def _footer(self, section: DocxSection) -> None:
        """第 X 页 共 Y 页 from PAGE and NUMPAGES fields, so Word and WPS keep them right."""
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for text, field in (("第 ", None), (None, "PAGE"), (" 页 共 ", None), (None, "NUMPAGES"), (" 页", None)):
            _run(paragraph, text or "", BODY_FONT, TABLE_PT)
            run = paragraph.runs[-1]
            if field:
                for kind, instr in (("begin", None), (None, f" {field} "), ("separate", None), ("end", None)):
                    if kind:
                        element = OxmlElement("w:fldChar")
                        element.set(qn("w:fldCharType"), kind)
                    else:
                        element = OxmlElement("w:instrText")
                        element.set(qn("xml:space"), "preserve")
                        element.text = instr
                    run._r.append(element)

    def _styles(self) -> None:
        styles = self.doc.styles
        _style_font(styles["Normal"], BODY_FONT, BODY_PT)
        normal = styles["Normal"].paragraph_format
        normal.line_spacing = Pt(28)
        normal.space_after = Pt(0)
        _style_font(styles["Title"], TITLE_FONT, 22)
        styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for name, font in (("Heading 1", HEADING_FONT), ("Heading 2", HEADING_FONT), ("Heading 3", BODY_FONT)):
            _style_font(styles[name], font, BODY_PT, bold=name == "Heading 3")
            fmt = styles[name].paragraph_format
            fmt.first_line_indent = Pt(2 * BODY_PT)
            fmt.space_before, fmt.space_after = Pt(6), Pt(0)

    def text(self, paragraph: Paragraph, text: str, font: str = BODY_FONT, size: float = BODY_PT,
             bold: bool | None = None, colour: RGBColor | None = None) -> None:
        lines = text.split("\n")
        for n, line in enumerate(lines):
            _run(paragraph, line, font, size, bool(bold), colour, line_break=n < len(lines) - 1)

    def heading(self, text: str, level: int) -> None:
        paragraph = self.doc.add_heading("", level=level)
        self.text(paragraph, text, HEADING_FONT if level < 3 else BODY_FONT, BODY_PT, bold=level >= 3)

    def cover(self) -> None:
        cover = self.memo.cover
        for _ in range(4):
            self.doc.add_paragraph()
        title = self.doc.add_paragraph(style="Title")
        department_first = cover.department and cover.title.startswith(cover.department)
        self.text(title, f"{cover.department}\n{cover.title[len(cover.department):]}" if department_first
                  else cover.title, TITLE_FONT, 22)
        for _ in range(3):
            self.doc.add_paragraph()
        for lead, value in (("被审核部门：", cover.department),
                            ("预算年度：", f"{cover.year}年" if cover.year else "—"),
                            ("审核单位：", cover.organisation), ("审核人：", cover.reviewer),
                            ("日期：", format_date(cover.date))):
            paragraph = self.doc.add_paragraph()
            paragraph.paragraph_format.left_indent = Pt(6 * BODY_PT)
            self.text(paragraph, lead, HEADING_FONT)
            self.text(paragraph, value)
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def para(self, para: Para) -> None:
        paragraph = self.doc.add_paragraph()
        fmt = paragraph.paragraph_format
        if para.kind == "signature":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif para.kind == "quote":
            fmt.left_indent = Pt(2 * BODY_PT)
        else:
            fmt.first_line_indent = Pt(2 * BODY_PT)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if para.lead:
            self.text(paragraph, para.lead, HEADING_FONT)
        self.text(paragraph, para.text, colour=RGBColor(0x1F, 0x3A, 0x5F) if para.kind == "quote" else None)

    def cell_text(self, target: _Cell, cell: Cell) -> None:
        paragraph = target.paragraphs[0]
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(14)
        self.text(paragraph, cell.text, BODY_FONT, TABLE_PT)
        if cell.revised is not None:
            self.text(paragraph, "\n【建议】" + cell.revised, HEADING_FONT, TABLE_PT, colour=MARK_COLOUR)
            _shade(target, "FFF4CC")

    def table(self, table: Table) -> None:
        if table.caption:
            caption = self.doc.add_paragraph()
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption.paragraph_format.keep_with_next = True
            self.text(caption, table.caption, HEADING_FONT, TABLE_PT + 1)
        grid = self.doc.add_table(rows=1 + len(table.rows), cols=len(table.header))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        total = sum(table.widths)
        width = Mm(210 - 28 - 26)
        widths = [Emu(int(width * share / total)) for share in table.widths]
        for c, column_width in enumerate(widths):
            grid.columns[c].width = column_width
        for c, text in enumerate(table.header):
            cell = grid.rows[0].cells[c]
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.first_line_indent = Pt(0)
            self.text(paragraph, text, HEADING_FONT, TABLE_PT)
            _shade(cell, "E8E8E8")
        _repeat_header(grid)
        for grid_row, row in zip(grid.rows[1:], table.rows, strict=True):
            cells = grid_row.cells
            for c, value in enumerate(row):
                cells[c].width = widths[c]
                self.cell_text(cells[c], value)
        self.doc.add_paragraph()

    def section(self, section: Section, level: int) -> None:
        if section.page_break_before:
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.heading(section.heading, min(level, 3))
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

    def signature(self) -> None:
        sig = self.memo.signature
        self.doc.add_paragraph()
        for text in (f"审核单位：{sig.organisation}（盖章）", f"审核人：{sig.reviewer}　签字：＿＿＿＿＿＿",
                     f"{format_official_date(sig.date)}"):
            self.para(Para(text, kind="signature"))

    def build(self) -> None:
        meta = self.memo.metadata
        props = self.doc.core_properties
        props.title, props.author, props.subject = xml_safe(meta.title), xml_safe(meta.author), xml_safe(meta.subject)
        props.keywords, props.comments = xml_safe("，".join(meta.keywords)), xml_safe(meta.creator)
        props.language = "zh-CN"
        self.cover()
        for section in self.memo.body:
            self.section(section, 1)
        self.signature()  # the 落款 right after the body, before the 附件 (GB/T 9704)
        for section in self.memo.appendix:
            self.section(section, 1)


def render_docx(memo: Memo, path: str | Path, *, progress: Progress | None = None) -> Path:
    """Write `memo` to `path` as DOCX; like the PDF, the file appears only when complete."""
    writer = _DocxWriter(memo, progress or NoProgress())
    writer.build()
    check(writer.progress)
    target = Path(path)
    with atomic_output(target) as temp:
        writer.doc.save(str(temp))
    return target
