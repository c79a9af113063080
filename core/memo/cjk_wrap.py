"""Chinese line breaking for reportlab paragraphs (标点避头尾, whole Latin words and numbers).

reportlab's CJK wrapping knows the Japanese rules only: "，；：”？！" may start a line,
and at most one character hangs in the margin, so "”。" still opens the next line.
`CJKParagraph` breaks lines the way Chinese typesetting does: no closing punctuation at
the start of a line, no opening punctuation at its end, and a short run of Latin letters
and digits (2025, 13020025P00684, 95%) kept whole; the characters that would break a
rule move down to the next line with the character before them, and the shorter line
is justified. Drawing is left to reportlab.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.platypus.paragraph import Paragraph, ParaLines, cjkU, makeCJKParaLine

CANNOT_START = frozenset(ALL_CANNOT_START) | frozenset("，。、；：？！）】》」』〕〉”’…—％‰℃·,.;:?!)]}%")
CANNOT_END = frozenset("（【《「『〔〈“‘([{")
# A Latin word longer than this may break anywhere (a long code must not push a whole line down).
MAX_KEEP = 16
_FUZZ = 1e-6


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%-_/")


def _break_ok(units: list[Any], at: int, keep_words: bool = True) -> bool:
    """May a line end before units[at]? (Punctuation rules always; whole words if `keep_words`.)"""
    before, after = units[at - 1], units[at]
    if after in CANNOT_START or before in CANNOT_END:
        return False
    return not (keep_words and _latin(before) and _latin(after))


def _line_end(units: list[Any], start: int, overflow: int) -> int:
    """Where the line that overflows at `overflow` ends: the nearest legal break before it,
    first keeping words whole, then (a long code) only obeying the punctuation rules."""
    for keep_words in (True, False):
        at = overflow
        while at > start + 1 and overflow - at < MAX_KEEP and not _break_ok(units, at, keep_words):
            at -= 1
        if at > start and _break_ok(units, at, keep_words):
            return at
    return max(overflow, start + 1)  # no legal break: break anyway, always progressing


def split_lines(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> Any:
    """reportlab's cjkFragSplit with Chinese rules (see the module docstring)."""
    units: list[Any] = []
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        if text:
            units.extend(cjkU(ch, frag, "utf8") for ch in text)
        else:
            units.append(cjkU(text, frag, "utf8"))
    lines = []
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < len(units):
        unit = units[i]
        i += 1
        used += unit.width
        line_break = hasattr(unit.frag, "lineBreak")
        if not line_break and not (used > max_width + _FUZZ and used > 0):
            continue
        if not line_break:
            # The overflowing character opens the next line, with those it must not be parted from.
            end = _line_end(units, start, i - 1)
            i = end
            used = sum(u.width for u in units[start:end])
        lines.append(makeCJKParaLine(units[start:i], max_width, used, max_width - used, line_break, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = i
        used = 0.0
    if used > 0:
        lines.append(makeCJKParaLine(units[start:], max_width, used, max_width - used, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


class CJKParagraph(Paragraph):
    """A Paragraph with style.wordWrap == "CJK" that breaks lines by Chinese rules."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        frags = self.frags
        if not frags or self.style.endDots or self.bulletText or any(hasattr(f, "cbDefn") for f in frags):
            return super().breakLinesCJK(maxWidths)
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        self.height = 0
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return split_lines(frags, list(maxWidths), auto_leading not in ("", "off"))
