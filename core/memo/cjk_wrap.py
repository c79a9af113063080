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
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines

CANNOT_START = frozenset(ALL_CANNOT_START) | frozenset("，。、；：？！）】》」』〕〉”’…—％‰℃·,.;:?!)]}%")
CANNOT_END = frozenset("（【《「『〔〈“‘([{")
# A Latin word longer than this may break anywhere (a long code must not push a whole line down).
MAX_KEEP = 16
_FUZZ = 1e-6


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".,%-_/")  # 1,941.58 stays whole


def _break_ok(chars: list[str], at: int, keep_words: bool = True) -> bool:
    """May a line end before chars[at]? (Punctuation rules always; whole words if `keep_words`.)"""
    before, after = chars[at - 1], chars[at]
    if after in CANNOT_START or before in CANNOT_END:
        return False
    return not (keep_words and _latin(before) and _latin(after))


def _line_end(chars: list[str], start: int, overflow: int) -> int:
    """Where the line that overflows at `overflow` ends: the nearest legal break before it,
    first keeping words whole, then (a long code) only obeying the punctuation rules."""
    for keep_words in (True, False):
        at = overflow
        while at > start + 1 and overflow - at < MAX_KEEP and not _break_ok(chars, at, keep_words):
            at -= 1
        if at > start and _break_ok(chars, at, keep_words):
            return at
    return max(overflow, start + 1)  # no legal break: break anyway, always progressing


_widths: dict[tuple[str, str, float], float] = {}


def _width(ch: str, font: str, size: float) -> float:
    key = (ch, font, size)
    found = _widths.get(key)
    if found is None:
        found = _widths[key] = stringWidth(ch, font, size)
    return found


def _make_line(chars: list[str], frags: list[Any], start: int, end: int, max_width: float, used: float,
               line_break: bool) -> FragLine:
    """One line of a kind-1 paragraph: runs of characters grouped by their fragment.

    What reportlab's makeCJKParaLine builds, without its per-character style
    comparison and metrics lookups (the bulk of laying out a long memo).
    """
    words = []
    size = ascent = descent = 0.0
    run_start = start
    for i in range(start, end + 1):
        if i < end and (i == start or frags[i] is frags[i - 1]):
            continue
        frag = frags[run_start]
        word = frag.clone()
        word.text = "".join(chars[run_start:i])
        words.append(word)
        up, down = getAscentDescent(frag.fontName, frag.fontSize)
        size, ascent, descent = max(size, frag.fontSize), max(ascent, up), min(descent, down)
        run_start = i
    return FragLine(kind=1, extraSpace=max_width - used, wordCount=1, words=words, fontSize=size, ascent=ascent,
                    descent=descent, maxWidth=max_width, currentWidth=used, lineBreak=line_break)


def split_lines(frags: list[Any], max_widths: list[float], char_space: float = 0.0) -> ParaLines:
    """reportlab's cjkFragSplit with Chinese rules (see the module docstring); `char_space`
    is added to every character's advance (the PDF's Tc, set by CJKParagraph.draw)."""
    chars: list[str] = []
    owners: list[Any] = []
    widths: list[float] = []
    breaks: list[bool] = []
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        if text:
            chars.extend(text)
            owners.extend([frag] * len(text))
            widths.extend(_width(ch, frag.fontName, frag.fontSize) + char_space for ch in text)
            breaks.extend([False] * len(text))
        else:  # an empty fragment: a <br/> when it carries lineBreak
            chars.append("")
            owners.append(frag)
            widths.append(0.0)
            breaks.append(hasattr(frag, "lineBreak"))
    lines: list[FragLine] = []
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < len(chars):
        used += widths[i]
        line_break = breaks[i]
        i += 1
        if not line_break and not (used > max_width + _FUZZ and used > 0):
            continue
        if not line_break:
            # The overflowing character opens the next line, with those it must not be parted from.
            i = _line_end(chars, start, i - 1)
            used = sum(widths[start:i])
        lines.append(_make_line(chars, owners, start, i, max_width, used, line_break))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = i
        used = 0.0
    if used > 0:
        lines.append(_make_line(chars, owners, start, len(chars), max_width, used, False))
    return ParaLines(kind=1, lines=lines)


def _join_lines(bl_para: ParaLines, start: int, stop: int) -> list[Any]:
    """The fragments of lines start..stop, for the part of a paragraph split over a page.

    reportlab's own version appends a space to every line's last fragment, which is
    right between Latin words and wrong in Chinese: "专款专 用" would appear after a
    page break. Lines of Chinese are joined with nothing.
    """
    return [word.clone() for line in bl_para.lines[start:stop] for word in line.words]


class CJKParagraph(Paragraph):  # type: ignore[misc]  # reportlab ships no types: Paragraph is Any
    """A Paragraph with style.wordWrap == "CJK" that breaks lines by Chinese rules.

    A style attribute `charSpace` (points, may be negative) sets the character pitch, as
    Word's document grid does: GB/T 9704 puts 28 characters of 三号 (16 pt) on a 156 mm
    line, a pitch of 15.79 pt. reportlab's paragraphs know no character spacing, so the
    line breaking counts it and `draw` sets it as the PDF text state (Tc) around the text.
    """

    def draw(self) -> None:
        char_space = getattr(self.style, "charSpace", 0.0)
        if not char_space:
            super().draw()
            return
        canvas = self.canv
        canvas.saveState()
        # Tc is graphics state: it holds for every text object until restoreState.
        canvas.addLiteral(f"{char_space:.4f} Tc")
        super().draw()
        canvas.restoreState()

    def _get_split_blParaFunc(self) -> Any:
        if self.blPara.kind == 1 and not getattr(self, "_cjk_fallback", False):
            return _join_lines
        return super()._get_split_blParaFunc()

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        frags = self.frags
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        if (not frags or self.style.endDots or self.bulletText or auto_leading not in ("", "off")
                or any(hasattr(f, "cbDefn") for f in frags)):
            self._cjk_fallback = True
            return super().breakLinesCJK(maxWidths)
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        self.height = 0
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        return split_lines(frags, list(maxWidths), getattr(self.style, "charSpace", 0.0))
