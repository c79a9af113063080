"""The .docx reader: WordprocessingML body → `Layout` (paragraphs and table grids).

python-docx opens the package (and refuses what is not one); the body is then read
straight from its XML, because python-docx's cell API repeats a merged cell in every
grid column and hides where it starts. `w:gridSpan` gives horizontal merges and
`w:vMerge` vertical ones, so every slot gets its merged cell's anchor. Text of
deleted revisions and of the fallback copies of drawing objects is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from docx.oxml.ns import qn
from lxml import etree

from core.importing.layout import GridCell, Layout, Paragraph, TableGrid
from core.progress import NoProgress, Progress, check

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

W_P, W_TBL, W_TR, W_TC, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
W_SDT_CONTENT, W_R, W_T, W_TAB = qn("w:sdtContent"), qn("w:r"), qn("w:t"), qn("w:tab")
W_BR, W_CR, W_VAL = qn("w:br"), qn("w:cr"), qn("w:val")
# Elements whose runs are part of the paragraph's visible text.
_RUN_CONTAINERS = {qn("w:hyperlink"), qn("w:ins"), qn("w:smartTag"), qn("w:fldSimple"),
                   W_SDT, W_SDT_CONTENT, qn("w:customXml"), qn("w:moveTo")}


def _run_text(run: etree._Element) -> str:
    parts: list[str] = []
    for child in run:
        if child.tag == W_T:
            parts.append(child.text or "")
        elif child.tag == W_TAB:
            parts.append("\t")
        elif child.tag in (W_BR, W_CR):
            parts.append("\n")
    return "".join(parts)


def _paragraph_runs(element: etree._Element) -> Iterator[etree._Element]:
    for child in element:
        if child.tag == W_R:
            yield child
        elif child.tag in _RUN_CONTAINERS:
            yield from _paragraph_runs(child)


def paragraph_text(p: etree._Element) -> str:
    return "".join(_run_text(r) for r in _paragraph_runs(p))


def _cell_text(tc: etree._Element) -> str:
    lines: list[str] = []
    for child in tc:
        if child.tag == W_P:
            lines.append(paragraph_text(child))
        elif child.tag == W_TBL:  # a nested table: its text, row by row
            for tr in _table_rows(child):
                lines.append(" ".join(_cell_text(c) for c in _row_cells(tr)))
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                lines.extend(paragraph_text(p) for p in content.iter(W_P))
    return "\n".join(lines)


def _int_attr(parent: etree._Element | None, tag: str, default: int) -> int:
    if parent is None:
        return default
    node = parent.find(qn(tag))
    if node is None:
        return default
    try:
        return int(node.get(W_VAL, default))
    except ValueError:
        return default


def _row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == W_TC:
            yield child
        elif child.tag in (W_SDT, qn("w:customXml")):
            content = child.find(W_SDT_CONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from (c for c in content if c.tag == W_TC)


def _table_rows(tbl: etree._Element) -> Iterator[etree._Element]:
    """The table's own rows (not those of nested tables), also inside content controls."""
    for child in tbl:
        if child.tag == W_TR:
            yield child
        elif child.tag in (W_SDT, qn("w:customXml")):
            content = child.find(W_SDT_CONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from _table_rows(content)


def read_table(tbl: etree._Element, index: int) -> TableGrid:
    """One w:tbl → a rectangular grid with merge anchors."""
    grid = tbl.find(qn("w:tblGrid"))
    n_cols = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    raw_rows: list[list[tuple[int, int, str | None, str]]] = []  # (col, span, vmerge, text)
    for tr in _table_rows(tbl):
        tr_pr = tr.find(qn("w:trPr"))
        col = _int_attr(tr_pr, "w:gridBefore", 0)
        cells: list[tuple[int, int, str | None, str]] = []
        for tc in _row_cells(tr):
            tc_pr = tc.find(qn("w:tcPr"))
            span = max(1, _int_attr(tc_pr, "w:gridSpan", 1))
            vmerge: str | None = None
            if tc_pr is not None and (vm := tc_pr.find(qn("w:vMerge"))) is not None:
                vmerge = vm.get(W_VAL) or "continue"
            cells.append((col, span, vmerge, _cell_text(tc)))
            col += span
        n_cols = max(n_cols, col)
        raw_rows.append(cells)
    rows: list[list[GridCell]] = []
    for r, cells in enumerate(raw_rows):
        slots: list[GridCell | None] = [None] * n_cols
        for col, span, vmerge, text in cells:
            anchor = (r, col)
            if vmerge == "continue" and r > 0 and col < len(rows[r - 1]):
                above = rows[r - 1][col]
                # Only a cell that starts in the same column continues the one above.
                if above.anchor[1] == col:
                    anchor, text = above.anchor, above.text
            for c in range(col, min(col + span, n_cols)):
                slots[c] = GridCell(text=text, row=r, col=c, anchor=anchor)
        rows.append([s if s is not None else GridCell(text="", row=r, col=c, anchor=(r, c))
                     for c, s in enumerate(slots)])
    return TableGrid(index=index, rows=rows)


def _heading_levels(document: DocxDocument) -> dict[str, int]:
    """Paragraph style id → outline level for heading styles ("Heading 2", "标题 2")."""
    levels: dict[str, int] = {}
    try:
        styles = document.styles
        for style in styles:
            name = (getattr(style, "name", "") or "").lower()
            for prefix in ("heading ", "标题 ", "标题"):
                if name.startswith(prefix) and name[len(prefix):].strip().isdigit():
                    levels[style.style_id] = int(name[len(prefix):].strip())
    except (AttributeError, KeyError, ValueError):
        return levels
    return levels


def _body_blocks(body: etree._Element) -> Iterator[etree._Element]:
    for child in body:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _body_blocks(content)


def read_docx(path: Path, *, sha256: str, progress: Progress | None = None) -> Layout:
    """Read a .docx file into a Layout (errors from python-docx propagate to the registry)."""
    import docx  # imported here so that PDF-only work never loads python-docx

    progress = progress or NoProgress()
    document = docx.Document(str(path))
    levels = _heading_levels(document)
    layout = Layout(source_name=path.name, source_format="docx", sha256=sha256)
    body = document.element.body
    elements = list(_body_blocks(body))
    n_par = n_tbl = 0
    for i, element in enumerate(elements):
        if i % 200 == 0:
            check(progress)
            progress.report(i, len(elements), "读取 Word 文档")
        if element.tag == W_P:
            p_pr = element.find(qn("w:pPr"))
            heading = None
            if p_pr is not None and (style := p_pr.find(qn("w:pStyle"))) is not None:
                heading = levels.get(style.get(W_VAL, ""))
            layout.blocks.append(Paragraph(text=paragraph_text(element), index=n_par, heading=heading))
            n_par += 1
        else:
            layout.blocks.append(read_table(element, n_tbl))
            n_tbl += 1
    progress.report(len(elements), len(elements), "读取 Word 文档")
    return layout
