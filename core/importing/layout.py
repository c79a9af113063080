"""The intermediate form both readers produce: paragraphs and table grids with provenance.

A reader (.docx or .pdf) turns a file into a `Layout`: an ordered list of blocks,
each a `Paragraph` or a `TableGrid`. Grids are rectangular; a merged cell appears
in every slot it covers with the same text and the same `anchor` (its top-left
slot), so the recogniser can tell a merge from a repeated value. Text inside a cell
is already re-joined (wrapped CJK lines joined without spaces; real paragraph
breaks kept as "\n"). Nothing here knows about budgets or projects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model import Provenance
from core.names import shown


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph outside tables.

    Attributes:
        text: the paragraph's text as written (no trailing newline).
        index: 0-based index among the document's paragraphs.
        page: 1-based page (PDF) or sheet (.xlsx), None for .docx.
        heading: outline level when the source marks one (docx Heading N), else None.
    """

    text: str
    index: int
    page: int | None = None
    heading: int | None = None

    @property
    def prov(self) -> Provenance:
        return Provenance(page=self.page, paragraph=self.index)


@dataclass(frozen=True, slots=True)
class GridCell:
    """One slot of a table grid.

    `anchor` is the (row, col) of the merged cell's top-left slot; for an unmerged
    cell it equals (row, col). `page` is the page the slot's text was read on.
    """

    text: str
    row: int
    col: int
    anchor: tuple[int, int]
    page: int | None = None
    # Room left after the text's last line, in multiples of its font size (PDF only, None
    # elsewhere): a row cut by a page break left full lines above the break, so whether
    # the text below could have fitted on the line above tells a cut from a new row.
    room: float | None = None

    @property
    def is_anchor(self) -> bool:
        return self.anchor == (self.row, self.col)

    @property
    def merged_from_left(self) -> bool:
        """True when this slot continues a cell that started in an earlier column of its row."""
        return self.anchor[1] < self.col and self.anchor[0] == self.row

    @property
    def merged_from_above(self) -> bool:
        """True when this slot continues a cell that started in an earlier row."""
        return self.anchor[0] < self.row


@dataclass(slots=True)
class TableGrid:
    """A rectangular table as read from one place of the file.

    A table that a PDF breaks across pages arrives as several grids (one per page
    piece); `index` numbers them in reading order. Joining continuations is the
    recogniser's job, because only it knows what a header row looks like.
    """

    index: int
    rows: list[list[GridCell]]
    pages: list[int] = field(default_factory=list)
    # True when the reader saw the table's top ruling line cut by a page edge,
    # i.e. the grid starts a new page piece of a table begun earlier.
    continues_previous: bool = False
    # x of each column line, left to right (PDF only): page pieces of one table may be
    # cut into different columns, so their columns are matched by position, not number
    col_x: list[float] | None = None
    # n_cols is asked per cell, so the width is kept with the rows list it was measured
    # on (and that list's length): a new list or added/removed rows measure it again.
    _width: int = field(default=0, init=False, repr=False, compare=False)
    _width_of: list[list[GridCell]] | None = field(default=None, init=False, repr=False, compare=False)
    _width_rows: int = field(default=-1, init=False, repr=False, compare=False)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        """The widest row's length, O(1) after the first call.

        Grids are rectangular, so a row is never made wider in place; a rows list that
        is replaced or grows or shrinks is measured again.
        """
        rows = self.rows
        if self._width_of is not rows or self._width_rows != len(rows):
            self._width = max((len(r) for r in rows), default=0)
            self._width_of, self._width_rows = rows, len(rows)
        return self._width

    def text(self, row: int, col: int) -> str:
        return self.rows[row][col].text

    def prov(self, row: int, col: int) -> Provenance:
        cell = self.rows[row][col]
        return Provenance(page=cell.page, table=self.index, row=row, col=col)

    def cell_prov(self, cell: GridCell) -> Provenance:
        """A cell's place by its own row and column (also right for a slice of the grid's rows)."""
        return Provenance(page=cell.page, table=self.index, row=cell.row, col=cell.col)

    def row_texts(self, row: int) -> list[str]:
        return [c.text for c in self.rows[row]]

    def filled_texts(self, row: int) -> list[str]:
        """The non-blank texts of the cells that begin in this row (merges counted once)."""
        return [c.text.strip() for c in self.distinct_row(row) if not c.merged_from_above and c.text.strip()]

    def column_in(self, col: int, other: TableGrid) -> int | None:
        """This grid's column `col` in `other`, a page piece of the same table: the same
        number when both have as many columns, else the column of `other` under the middle
        of this one (PDF geometry); None where neither answers."""
        if other.n_cols == self.n_cols:
            return col if col < other.n_cols else None
        hx, gx = self.col_x, other.col_x
        if hx is None or gx is None or col + 1 >= len(hx):
            return None
        middle = (hx[col] + hx[col + 1]) / 2
        return next((c for c in range(min(len(gx) - 1, other.n_cols)) if gx[c] - 1 <= middle <= gx[c + 1] + 1),
                    None)

    def distinct_row(self, row: int) -> list[GridCell]:
        """The row's cells with horizontal merges collapsed to their first slot."""
        return [c for c in self.rows[row] if not c.merged_from_left]


Block = Paragraph | TableGrid


@dataclass(frozen=True, slots=True)
class ReadIssue:
    """Something a reader noticed (an unreadable cell, an odd page) for check E4."""

    code: str
    message: str
    prov: Provenance


@dataclass(slots=True)
class Layout:
    """The whole file in reading order."""

    source_name: str
    source_format: str  # "docx", "pdf" or "xlsx"
    sha256: str
    blocks: list[Block] = field(default_factory=list)
    page_count: int | None = None
    issues: list[ReadIssue] = field(default_factory=list)
    # 1-based pages read turned upright (a /Rotate, or text running sideways); PDF only.
    rotated_pages: list[int] = field(default_factory=list)
    # Why the fast PDF reader (PDFium) gave way to pdfplumber for this file, None when it did
    # not (core.importing.registry); the import report says so.
    pdf_fallback: str | None = None

    def __post_init__(self) -> None:
        # The name is stored and printed: no undecodable bytes, no control characters.
        self.source_name = shown(self.source_name)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[TableGrid]:
        return [b for b in self.blocks if isinstance(b, TableGrid)]
