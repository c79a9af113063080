"""Cell ranges as tab-separated text, the way Excel and WPS put them on the clipboard."""

from __future__ import annotations

from collections.abc import Sequence


def to_tsv(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cells as TSV; cells with a tab, newline or quote are quoted like Excel does."""
    def cell(text: str) -> str:
        if any(c in text for c in "\t\n\r\""):
            return '"' + text.replace('"', '""') + '"'
        return text
    return "\n".join("\t".join(cell(c) for c in row) for row in rows)


def from_tsv(text: str) -> list[list[str]]:
    """Parse Excel/WPS clipboard text: quoted cells may hold tabs, newlines and "" quotes."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    quoted = False
    at_cell_start = True
    while i < n:
        c = text[i]
        if quoted:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    cell.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                cell.append(c)
        elif c == '"' and at_cell_start:
            quoted = True
            at_cell_start = False
        elif c == "\t":
            row.append("".join(cell))
            cell = []
            at_cell_start = True
        elif c in "\r\n":
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            at_cell_start = True
        else:
            cell.append(c)
            at_cell_start = False
        i += 1
    if cell or row or not at_cell_start:
        row.append("".join(cell))
        rows.append(row)
    return rows
