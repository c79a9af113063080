"""The .xlsx reader: an Excel workbook (预算管理一体化 exports) → `Layout`, like the other readers.

Each visible worksheet becomes, in workbook order:

* **paragraphs** for the rows above its table that hold a single non-empty cell, alone
  in the row or merged across it (the title "2024年部门项目支出绩效目标表", the unit
  line, "金额单位：元"); a cell merged over several such rows is one paragraph. A row
  whose cell is ruled (has a border) belongs to the table and stops this, as a line
  inside a Word table is a table row: the ruling is what draws a table in a sheet.
* **one `TableGrid`** for the rest of the sheet's used range: the cells with text plus
  the empty merged ranges and empty ruled cells (an empty ruled row of a table keeps its
  place, as in Word; formatting without borders does not widen the range). Merged
  ranges resolve into anchors exactly as the .docx reader does: every slot of a merged
  range has the range's text and the anchor of its top-left slot, so the recogniser sees
  the same thing whichever format a template was filled in. Empty rows and columns
  inside the range stay. Hidden rows and columns are left out (the document is what
  Excel shows and prints); a merged range whose first row or column is hidden anchors at
  its first shown slot. A sheet with no text gives no block.

Provenance: Excel has no pages, so `page` means the sheet: `GridCell.page`,
`Paragraph.page` and `TableGrid.pages` hold the sheet's 1-based position in the
workbook (as in Excel's tab order, hidden sheets counted), and `Layout.page_count` is
the number of sheets. Sheet names have no place in the layout: `Layout.issues` names
each hidden sheet (not read) and each sheet whose hidden rows or columns held text
(left out), with the sheet's number as the page.

Cell text is what the cell shows: a number through its number format where the format
is a plain one (`0.00` → "1234.50", `#,##0.00` → "1,234.50", `0%` → "95%", literal text
and currency signs kept, General → up to 15 significant digits), a date as YYYY-MM-DD
(a time of day added when there is one), TRUE/FALSE, an empty cell "". Formulas give
the value Excel saved with them (a workbook never opened in Excel has none: ""). A
workbook with no text in any visible sheet is refused (nothing would be imported).

The workbook is loaded whole (openpyxl's read-only mode has no merged ranges), so the
size is guarded twice: the worksheets' XML before loading (`SHEETS_XML_MAX_BYTES`) and
each sheet's table after it (`MAX_SHEET_CELLS`); the sandbox's limits hold as well.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from core.errors import DocumentError
from core.importing.layout import GridCell, Layout, Paragraph, ReadIssue, TableGrid
from core.model import Provenance
from core.progress import NoProgress, Progress, check

# A target table is a few hundred cells; a sheet with more than this is a data dump.
MAX_SHEET_CELLS = 200_000
# openpyxl keeps ~450 bytes per cell loaded and an export's sheet XML holds ~50 bytes per
# cell: 48 MB of XML is ~1M cells, ~0.5 GB, well inside the sandbox's address-space cap.
SHEETS_XML_MAX_BYTES = 48 * 1024 * 1024
EXCEL_MAX_COLUMNS = 16384
_ESCAPED_CHAR = re.compile(r"_x([0-9A-Fa-f]{4})_")
_GENERAL = {"general", "g/通用格式", "通用格式", "@"}


# ---- cell values as shown --------------------------------------------------------------

def _general(value: float | int | Decimal) -> str:
    """Excel's General: integers whole, other numbers to 15 significant digits (its precision)."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{float(value):.15g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa}E{exponent[0]}{int(exponent[1:]):02d}"
    return text


def _split_sections(fmt: str) -> list[str]:
    """The format's ";"-separated sections (a ";" in quotes, brackets or after "\\" is literal)."""
    sections, current, i = [], [], 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            end = fmt.find('"', i + 1)
            end = len(fmt) if end < 0 else end + 1
            current.append(fmt[i:end])
            i = end
            continue
        if ch == "[":
            end = fmt.find("]", i + 1)
            end = len(fmt) if end < 0 else end + 1
            current.append(fmt[i:end])
            i = end
            continue
        if ch in "\\_*" and i + 1 < len(fmt):
            current.append(fmt[i:i + 2])
            i += 2
            continue
        if ch == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    sections.append("".join(current))
    return sections


@dataclass
class _Section:
    """One section of a number format, parsed enough to render plain numbers."""

    prefix: str = ""
    suffix: str = ""
    int_part: str = ""  # placeholders 0 # ? and the literals between them
    decimals: str = ""  # placeholders after the decimal point
    grouping: bool = False
    scale: int = 0  # trailing commas: the value is divided by 1000 per comma
    percent: int = 0
    exponent: bool = False
    general: bool = False


_PLACEHOLDERS = "0#?"


_GENERAL_WORD = re.compile(r"G/通用格式|通用格式|General", re.IGNORECASE)


def _tokens(text: str) -> list[tuple[str, str]] | None:
    """(kind, text) pairs: "ph" (0 # ?), "lit", ".", ",", "%", "/", "E"; None for a condition."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            end = text.find('"', i + 1)
            end = len(text) if end < 0 else end
            tokens.append(("lit", text[i + 1:end]))
            i = end + 1
        elif ch == "[":
            end = text.find("]", i + 1)
            end = len(text) if end < 0 else end
            code = text[i + 1:end]
            if code.startswith("$"):  # [$¥-804]: a currency sign or text, then a locale
                tokens.append(("lit", code[1:].split("-", 1)[0]))
            elif code[:1] in "<>=":
                return None  # [>=100]: sections chosen by value, which this renderer does not do
            i = end + 1  # colours, [DBNum1], locales: no effect on the digits shown here
        elif ch == "\\":
            tokens.append(("lit", text[i + 1:i + 2]))
            i += 2
        elif ch in "_*":  # padding to a character's width, repeated fill: layout only
            i += 2
        elif ch in _PLACEHOLDERS:
            tokens.append(("ph", ch))
            i += 1
        elif ch in ".,%/":
            tokens.append((ch, ch))
            i += 1
        elif ch in "Ee" and text[i + 1:i + 2] in ("+", "-"):
            j = i + 2
            while j < len(text) and text[j] in _PLACEHOLDERS:
                j += 1
            tokens.append(("E", text[i:j]))
            i = j
        else:
            tokens.append(("lit", ch))
            i += 1
    return tokens


def _literal(tokens: list[tuple[str, str]]) -> str:
    return "".join(t for kind, t in tokens if kind != "ph")


def _parse_section(text: str) -> _Section | None:
    """None for what this renderer does not do (conditions, fractions): the caller shows General."""
    word = _GENERAL_WORD.search(text)
    if word is not None:
        before, after = _tokens(text[:word.start()]), _tokens(text[word.end():])
        if before is None or after is None:
            return None
        return _Section(prefix=_literal(before), suffix=_literal(after), general=True)
    tokens = _tokens(text)
    if tokens is None:
        return None
    section = _Section()
    number_at = [j for j, (kind, _) in enumerate(tokens) if kind in ("ph", "E")]
    if not number_at:
        # A section of text alone ("-" for zero in accounting formats) shows just that.
        section.prefix = _literal(tokens)
        return section
    first, last = number_at[0], number_at[-1]
    if first > 0 and tokens[first - 1][0] == ".":  # ".00": the number starts at its point
        first -= 1
    for kind, _ in tokens[:first]:
        section.percent += kind == "%"
    section.prefix = _literal(tokens[:first])
    in_decimals = False
    for kind, t in tokens[first:last + 1]:
        if kind == "." and not in_decimals:
            in_decimals = True
        elif kind == "E":
            section.exponent = True
        elif kind == "/":
            return None  # a fraction ("# ?/?")
        elif kind == "ph":
            if in_decimals:
                section.decimals += t
            elif not section.exponent:
                section.int_part += t
        elif kind == ",":
            section.grouping = section.grouping or not in_decimals
        elif kind == "%":
            section.percent += 1
            section.suffix += "%"
        elif not in_decimals and not section.exponent:
            section.int_part += t  # a literal between digits: "000-0000"
    trailing = tokens[last + 1:]
    while trailing and trailing[0][0] == ",":  # "#,##0,": thousands
        section.scale += 1
        trailing = trailing[1:]
    section.percent += sum(kind == "%" for kind, _ in trailing)
    section.suffix += _literal(trailing)
    return section


def _fill_integer(digits: str, pattern: str, grouping: bool) -> str:
    """The integer digits laid into the pattern's placeholders from the right (literals kept)."""
    placeholders = [ch for ch in pattern if ch in _PLACEHOLDERS]
    if not any(ch not in _PLACEHOLDERS for ch in pattern):  # the common case: no literals inside
        minimum = len(pattern.lstrip("#?")) if pattern else 0
        digits = digits.lstrip("0") or ""
        digits = digits.rjust(minimum, "0")
        if grouping and digits:
            digits = f"{int(digits):,}"
        return digits
    out: list[str] = []
    rest = digits.lstrip("0")
    n_ph = len(placeholders)
    for ch in reversed(pattern):
        if ch in _PLACEHOLDERS:
            n_ph -= 1
            if n_ph == 0:  # the leftmost placeholder takes every digit left over
                out.append(rest[::-1] if rest else ("0" if ch == "0" else ""))
                rest = ""
            elif rest:
                out.append(rest[-1])
                rest = rest[:-1]
            elif ch == "0":
                out.append("0")
        else:
            out.append(ch)
    return "".join(reversed(out))


def _render(value: Decimal, section: _Section) -> str:
    if section.general:
        return section.prefix + _general(value) + section.suffix
    value = value * (Decimal(100) ** section.percent) / (Decimal(1000) ** section.scale)
    if not section.int_part and not section.decimals:
        return section.prefix + section.suffix
    if section.exponent:
        mantissa, _, exponent = f"{float(value):.{len(section.decimals)}E}".partition("E")
        return f"{section.prefix}{mantissa}E{exponent[0]}{int(exponent[1:]):02d}{section.suffix}"
    places = len(section.decimals)
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{abs(rounded):f}".partition(".")
    frac = frac.ljust(places, "0")[:places]
    # "#" and "?" decimals are optional: trailing zeros there are not shown.
    keep = len(section.decimals.rstrip("#?"))
    frac_shown = frac[:keep] + frac[keep:].rstrip("0")
    number = _fill_integer(whole, section.int_part, section.grouping)
    if section.decimals:  # Excel shows the point even when no decimal follows ("0.##" → "1.")
        number += "." + frac_shown
    return section.prefix + number + section.suffix


def format_number(value: float | int | Decimal, number_format: str | None) -> str:
    """A number as a cell with this number format shows it (General where the format is unusual)."""
    fmt = (number_format or "General").strip()
    if fmt.lower() in _GENERAL:
        return _general(value)
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        return _general(value)
    if not number.is_finite():
        return _general(value)
    sections = _split_sections(fmt)
    negative = number < 0
    if negative and len(sections) >= 2 and sections[1].strip():
        text, number, sign = sections[1], -number, ""
    elif number == 0 and len(sections) >= 3 and sections[2].strip():
        text, sign = sections[2], ""
    else:
        text, sign = sections[0], "-" if negative else ""
        number = abs(number)
    section = _parse_section(text)
    if section is None:
        return _general(value)
    try:
        shown = _render(number, section).strip()
    except (InvalidOperation, OverflowError, ValueError):  # beyond Decimal's 28 digits: Excel shows it as E+
        return _general(value)
    if sign and shown and any(ch.isdigit() and ch != "0" for ch in shown):
        shown = sign + shown
    return shown


def _format_datetime(value: dt.datetime | dt.date | dt.time | dt.timedelta) -> str:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" if value.second == 0 else "%H:%M:%S")
    seconds = int(value.total_seconds())
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def cell_text(value: Any, number_format: str | None) -> str:
    """A cell's value as the cell shows it (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        return _format_datetime(value)
    if isinstance(value, int | float | Decimal):
        return format_number(value, number_format)
    text = str(value)
    # OOXML writes a character XML cannot hold (a carriage return) as _xHHHH_; Excel shows the character.
    if "_x" in text:
        text = _ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---- one sheet -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Item:
    """A cell or a merged range with its text ("" for a frame), in sheet coordinates (1-based, inclusive)."""

    r0: int
    c0: int
    r1: int
    c1: int
    text: str


def _hidden_columns(ws: Any) -> set[int]:
    hidden: set[int] = set()
    for dim in ws.column_dimensions.values():
        if dim.hidden and dim.min and dim.max:
            # A whole-sheet "hide every column after the table" is one entry up to the last column.
            hidden.update(range(dim.min, min(dim.max, EXCEL_MAX_COLUMNS) + 1))
    return hidden


def _hidden_rows(ws: Any) -> set[int]:
    return {r for r, dim in ws.row_dimensions.items() if dim.hidden}


def _within(sorted_values: list[int], low: int, high: int) -> list[int]:
    return sorted_values[bisect_left(sorted_values, low):bisect_right(sorted_values, high)]


class _SheetReader:
    """Turns one worksheet into paragraphs and a grid (see the module docstring)."""

    def __init__(self, path: Path, ws: Any, sheet_no: int) -> None:
        self.path, self.ws, self.sheet_no = path, ws, sheet_no
        self.hidden_rows = sorted(_hidden_rows(ws))
        self.hidden_cols = sorted(_hidden_columns(ws))
        self.skipped_rows = 0
        self.skipped_cols = 0
        self._framed: dict[int, bool] = {}
        self.ruled: set[tuple[int, int]] = set()  # top-left slots of text items with a border

    def _too_large(self, rows: int, cols: int) -> DocumentError:
        return DocumentError(self.path, f"工作表“{self.ws.title}”的数据区域过大（{rows:,} 行 × {cols:,} 列，"
                                        f"超过 {MAX_SHEET_CELLS:,} 个单元格的上限），不像是绩效目标表，已拒绝导入。"
                                        "请删去与绩效目标无关的数据后再导入。")

    def _has_frame(self, cell: Any) -> bool:
        """True for a cell with a visible border (by border id, cached: most cells share a few)."""
        border_id = cell._style.borderId
        if border_id not in self._framed:
            border = self.ws.parent._borders[border_id]
            self._framed[border_id] = any(side is not None and side.style
                                          for side in (border.left, border.right, border.top, border.bottom))
        return self._framed[border_id]

    def _hidden_part(self, item: _Item) -> tuple[list[int], list[int], bool]:
        """(its hidden rows, its hidden columns, True when no slot of it is shown)."""
        rows = _within(self.hidden_rows, item.r0, item.r1)
        cols = _within(self.hidden_cols, item.c0, item.c1)
        return rows, cols, len(rows) > item.r1 - item.r0 or len(cols) > item.c1 - item.c0

    def collect(self) -> tuple[list[_Item], list[_Item]]:
        """(texts, frames) with a shown slot: non-empty cells and merged ranges; empty merged
        ranges and empty bordered cells, which belong to the table without holding text."""
        from openpyxl.cell.cell import MergedCell

        ws = self.ws
        merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        tops = {(r0, c0) for r0, c0, _, _ in merges}
        # ws._cells holds only the cells the file has; the public iterators would create
        # every slot of the bounding box, which a stray far-away cell makes huge.
        cells: dict[tuple[int, int], Any] = ws._cells
        texts: list[_Item] = []
        frames: list[_Item] = []
        for (r, c), cell in cells.items():
            if (r, c) in tops or isinstance(cell, MergedCell):
                continue
            text = cell_text(cell.value, cell.number_format)
            framed = cell.has_style and self._has_frame(cell)
            if text.strip():
                texts.append(_Item(r, c, r, c, text))
                if framed:
                    self.ruled.add((r, c))
            elif framed:
                frames.append(_Item(r, c, r, c, ""))
        for r0, c0, r1, c1 in merges:
            cell = cells.get((r0, c0))
            text = cell_text(cell.value, cell.number_format) if cell is not None else ""
            if cell is not None and cell.has_style and self._has_frame(cell):
                self.ruled.add((r0, c0))
            (texts if text.strip() else frames).append(_Item(r0, c0, r1, c1, text if text.strip() else ""))
        shown_texts: list[_Item] = []
        skipped_rows: set[int] = set()
        skipped_cols: set[int] = set()
        for item in texts:
            rows, cols, unseen = self._hidden_part(item)
            if unseen:  # its text is not shown, so not read
                skipped_rows.update(rows)
                skipped_cols.update(cols)
            else:
                shown_texts.append(item)
        self.skipped_rows, self.skipped_cols = len(skipped_rows), len(skipped_cols)
        return shown_texts, [item for item in frames if not self._hidden_part(item)[2]]

    def _rows(self, r0: int, r1: int) -> list[int]:
        return [r for r in range(r0, r1 + 1) if not _within(self.hidden_rows, r, r)]

    def _columns(self, boxes: list[_Item]) -> list[int]:
        c0, c1 = min(b.c0 for b in boxes), min(max(b.c1 for b in boxes), EXCEL_MAX_COLUMNS)
        return [c for c in range(c0, c1 + 1) if not _within(self.hidden_cols, c, c)]

    def read(self, layout: Layout, paragraph_index: int, table_index: int) -> tuple[int, int]:
        """Append the sheet's blocks to the layout; returns the next paragraph and table indexes."""
        texts, frames = self.collect()
        if not texts:
            return paragraph_index, table_index
        boxes = texts + frames
        r0, r1 = min(b.r0 for b in boxes), max(b.r1 for b in boxes)
        n_rows = r1 - r0 + 1 - len(_within(self.hidden_rows, r0, r1))
        n_cols = len(self._columns(boxes))
        if n_rows * n_cols > MAX_SHEET_CELLS:  # before anything is built for it
            raise self._too_large(n_rows, n_cols)
        rows = self._rows(r0, r1)
        covering: dict[int, list[_Item]] = {r: [] for r in rows}
        for item in texts:
            for r in _within(rows, item.r0, item.r1):
                covering[r].append(item)
        start = 0
        while start < len(rows):
            found = covering[rows[start]]
            if not found:  # an empty row between the title lines
                start += 1
                continue
            item = found[0]
            if (item.r0, item.c0) in self.ruled:  # a ruled row is the table's, as in a Word table
                break
            item_rows = _within(rows, item.r0, item.r1)
            if any(len(covering[r]) != 1 or covering[r][0] is not item for r in item_rows):
                break
            layout.blocks.append(Paragraph(text=item.text, index=paragraph_index, page=self.sheet_no))
            paragraph_index += 1
            start += len(item_rows)
        if start == len(rows) or not any(covering[r] for r in rows[start:]):
            return paragraph_index, table_index  # title lines only, or borders below them
        grid_rows = rows[start:]
        # The grid's columns: those its own rows use (a title above may be wider or placed apart).
        grid_cols = self._columns([b for b in boxes if b.r1 >= grid_rows[0]])
        layout.blocks.append(self._grid(grid_rows, grid_cols, [*frames, *texts], table_index))
        return paragraph_index, table_index + 1

    def _grid(self, rows: list[int], cols: list[int], boxes: list[_Item], index: int) -> TableGrid:
        row_at = {r: i for i, r in enumerate(rows)}
        col_at = {c: j for j, c in enumerate(cols)}
        slots: dict[tuple[int, int], tuple[str, tuple[int, int]]] = {}
        # Later boxes win: texts come after frames, so a text over an empty range (a broken file) stays.
        for item in boxes:
            if item.r0 == item.r1 and item.c0 == item.c1 and not item.text:
                continue  # an empty bordered cell: already what an unset slot is
            item_rows = _within(rows, item.r0, item.r1)
            item_cols = _within(cols, item.c0, item.c1)
            if not item_rows or not item_cols:
                continue
            anchor = (row_at[item_rows[0]], col_at[item_cols[0]])
            for r in item_rows:
                for c in item_cols:
                    slots[(row_at[r], col_at[c])] = (item.text, anchor)
        grid: list[list[GridCell]] = []
        for i in range(len(rows)):
            line: list[GridCell] = []
            for j in range(len(cols)):
                text, anchor = slots.get((i, j), ("", (i, j)))
                line.append(GridCell(text=text, row=i, col=j, anchor=anchor, page=self.sheet_no))
            grid.append(line)
        return TableGrid(index=index, rows=grid, pages=[self.sheet_no])


# ---- the workbook ----------------------------------------------------------------------

def _check_sheets_size(path: Path) -> None:
    """Refuse, before loading, worksheets too large for a whole-workbook load to be safe."""
    with zipfile.ZipFile(path) as archive:
        total = sum(info.file_size for info in archive.infolist()
                    if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"))
    if total > SHEETS_XML_MAX_BYTES:
        raise DocumentError(path, f"Excel 文件的工作表数据过大（解压后 {total / (1 << 20):.0f} MB，"
                                  f"上限 {SHEETS_XML_MAX_BYTES >> 20} MB），不像是绩效目标表，已拒绝导入。")


def read_xlsx(path: Path, *, sha256: str, progress: Progress | None = None) -> Layout:
    """Read an .xlsx/.xlsm workbook into a Layout (errors from openpyxl propagate to the registry)."""
    import openpyxl  # imported here so that .docx/.pdf work never loads openpyxl

    progress = progress or NoProgress()
    _check_sheets_size(path)
    with warnings.catch_warnings():
        # openpyxl warns about parts it drops (data validation extensions, slicers): not the reader's concern.
        warnings.simplefilter("ignore")
        # A file object, not the path: openpyxl refuses a name without an Excel extension,
        # and a workbook sent as "x.docx" is read as what it is.
        with path.open("rb") as handle:
            workbook = openpyxl.load_workbook(handle, read_only=False, data_only=True, keep_links=False)
    try:
        return _read_workbook(path, workbook, sha256, progress)
    finally:
        workbook.close()


def _read_workbook(path: Path, workbook: Any, sha256: str, progress: Progress) -> Layout:
    names: list[str] = list(workbook.sheetnames)
    layout = Layout(source_name=path.name, source_format="xlsx", sha256=sha256, page_count=len(names))
    sheets = list(workbook.worksheets)
    paragraph_index = table_index = 0
    hidden: list[str] = []
    for i, ws in enumerate(sheets):
        check(progress)
        progress.report(i, len(sheets), "读取 Excel 工作表")
        sheet_no = names.index(ws.title) + 1
        if ws.sheet_state != "visible":
            hidden.append(ws.title)
            layout.issues.append(ReadIssue("hidden_sheet", f"隐藏的工作表“{ws.title}”未读取。",
                                           Provenance(page=sheet_no)))
            continue
        reader = _SheetReader(path, ws, sheet_no)
        paragraph_index, table_index = reader.read(layout, paragraph_index, table_index)
        if reader.skipped_rows or reader.skipped_cols:
            parts = ([f"{reader.skipped_rows} 行"] if reader.skipped_rows else []) + \
                    ([f"{reader.skipped_cols} 列"] if reader.skipped_cols else [])
            layout.issues.append(ReadIssue("hidden_cells", f"工作表“{ws.title}”中隐藏的 {'、'.join(parts)}"
                                                           "有内容，未读取。", Provenance(page=sheet_no)))
    progress.report(len(sheets), len(sheets), "读取 Excel 工作表")
    if not layout.blocks:
        detail = (f"（隐藏的工作表未读取：{'、'.join(hidden)}）" if hidden else "")
        raise DocumentError(path, f"Excel 文件中没有任何内容：可见的工作表都是空的{detail}。")
    return layout
