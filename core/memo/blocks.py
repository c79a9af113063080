"""The memo's building blocks: sections, paragraphs and tables as plain data.

`core.memo.content` decides what the memo says and expresses it in these blocks;
the renderers (`core.memo.pdf`, `core.memo.docx`) only lay them out, so the PDF and
the DOCX can never say different things.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

# A value longer than this is quoted in part: a real cell taller than a page stays well
# below it, and no reader of a memo needs more. Laying out one cell of a million digits
# took hours, since reportlab wraps the rest of a paragraph again at every page break.
MAX_QUOTED_CHARS = 10_000


def clipped(text: str) -> str:
    """`text`, or its first MAX_QUOTED_CHARS characters and how many were left out."""
    if len(text) <= MAX_QUOTED_CHARS:
        return text
    return f"{text[:MAX_QUOTED_CHARS]}…（以下省略 {len(text) - MAX_QUOTED_CHARS} 字，全文见原文件）"


@dataclass(frozen=True, slots=True)
class Para:
    """A body paragraph; `lead` (may be empty: a number such as "1．", or "审核结论：")
    is printed before `text` in the same face."""

    text: str
    lead: str = ""

    def __post_init__(self) -> None:
        # Frozen: the clipped texts are set the way dataclasses set fields.
        object.__setattr__(self, "text", clipped(self.text))
        object.__setattr__(self, "lead", clipped(self.lead))


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell's text."""

    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clipped(self.text))


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row (repeated on every page it spans); `widths` are
    relative column widths."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]


Block = Para | Table


@dataclass(slots=True)
class Section:
    """A titled part of the memo. `number` is the Chinese ordinal shown before the title
    (一、 （一） 1.); `bookmark` puts it in the PDF outline."""

    title: str
    number: str = ""
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    bookmark: bool = True
    page_break_before: bool = False

    def __post_init__(self) -> None:
        self.title = clipped(self.title)

    @property
    def heading(self) -> str:
        return f"{self.number}{self.title}"

    def walk(self, level: int = 1) -> Iterator[tuple[int, Section]]:
        """This section and every subsection, depth first, with its level (1 = top)."""
        yield level, self
        for sub in self.subsections:
            yield from sub.walk(level + 1)


@dataclass(frozen=True, slots=True)
class Cover:
    """The head of the 公文: 版头 (`mark`, red), 文号 and 签发人, the title, the 主送机关."""

    title: str
    department: str
    year: int | None
    mark: str = ""
    doc_number: str = ""
    signer: str = ""
    recipient: str = ""


@dataclass(frozen=True, slots=True)
class Signature:
    """The 落款 (`organisation`, the 发文机关署名), the 成文日期 and the 附注 (`contact`).
    `reviewer` is not printed there: it goes into the document properties."""

    organisation: str
    reviewer: str
    date: dt.date
    contact: str = ""


@dataclass(frozen=True, slots=True)
class Metadata:
    """Document properties of the PDF and DOCX."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()
    creator: str = "预算绩效目标审核工作台"


@dataclass(slots=True)
class Memo:
    """The whole memo: head, opening, sections in order (附件 last), 附件说明, 落款."""

    cover: Cover
    sections: list[Section]
    signature: Signature
    metadata: Metadata
    # The paragraphs between the 主送机关 and 一、.
    opening: list[Para] = field(default_factory=list)
    # 附件说明: the names of the 附件, listed after the body.
    attachment_notes: list[str] = field(default_factory=list)
    # The project names in memo order; one PDF outline entry each.
    project_names: list[str] = field(default_factory=list)
    # How many sections at the end are 附件, printed after the 落款 (GB/T 9704).
    appendix_sections: int = 0
    # Open findings the reviewer has not decided: a draft, said in every page header.
    open_findings: int = 0

    @property
    def body(self) -> list[Section]:
        return self.sections[: len(self.sections) - self.appendix_sections]

    @property
    def appendix(self) -> list[Section]:
        return self.sections[len(self.sections) - self.appendix_sections:]

    @property
    def draft_mark(self) -> str:
        """The page header of a draft ("" when every finding is decided)."""
        return f"审核意见草稿：尚有{self.open_findings}条审核发现待处理" if self.open_findings else ""

    def texts(self) -> Iterator[str]:
        """Every string the memo prints (for the font coverage check and tests)."""
        cover = self.cover
        yield from (cover.title, cover.department, cover.mark, cover.doc_number, cover.signer, cover.recipient)
        for para in self.opening:
            yield para.lead
            yield para.text
        yield from self.attachment_notes
        for top in self.sections:
            for _, section in top.walk():
                yield section.heading
                for block in section.blocks:
                    if isinstance(block, Para):
                        yield block.lead
                        yield block.text
                    else:
                        yield from block.header
                        for row in block.rows:
                            for cell in row:
                                yield cell.text
        yield from (self.signature.organisation, self.signature.contact)


def format_official_date(day: dt.date) -> str:
    """The 成文日期 of a 公文 (GB/T 9704): 二〇二五年十二月二日."""
    from core.numerals import to_chinese_number

    digits = "〇一二三四五六七八九"
    year = "".join(digits[int(d)] for d in str(day.year))
    return f"{year}年{to_chinese_number(day.month)}月{to_chinese_number(day.day)}日"
