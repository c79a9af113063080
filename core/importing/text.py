"""Text helpers shared by the readers and the recogniser: CJK-aware line joining and label keys.

A line break that only wraps text must vanish without a trace in CJK ("保障办公人" +
"数"), but between two Latin words it stood for a space. Labels are compared by a
key with all whitespace and punctuation variants folded, so "其中：财政    资金",
"其中:财政资金" and "其中：财政\n资金" are the same label.
"""

from __future__ import annotations

import re
import unicodedata

_WS_RE = re.compile(r"[\s\u3000\u00a0]+")
# Characters that may not start a line (kinsoku): a wrap moves them together with
# the character before them, so they belong to the first token of a wrapped line.
CLOSING_PUNCT = "，。、；：？！）》」』】〕”’%％)]}.,;:!?"
# Characters that may not end a line: a wrap moves them to the next line with what follows.
OPENING_PUNCT = "（《「『【〔“‘([{"


def is_cjk(ch: str) -> bool:
    """True for ideographs, kana, hangul and full-width punctuation (no spaces between them)."""
    if not ch:
        return False
    code = ord(ch)
    if 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF:
        return True
    if 0x3000 <= code <= 0x303F or 0xAC00 <= code <= 0xD7AF or 0x20000 <= code <= 0x2FFFF:
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F")


def is_word_char(ch: str) -> bool:
    """Latin letters and digits: a wrap between two of them may have eaten a space."""
    return bool(ch) and ch.isascii() and ch.isalnum()


# Marks that flag required fields in some forms ("*指标值", "★项目名称", "※绩效目标").
LABEL_MARKS = "*＊★☆※"
# A bracketed money unit at the end of a label ("预算数（万元）"); it sets the unit too.
_UNIT_SUFFIX_RE = re.compile(r"\((?:(?:金额)?单位:?)?(万元|元|万)\)$")


def _folded(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    folded = _WS_RE.sub("", folded)
    return folded.strip(LABEL_MARKS).rstrip(":：").strip(LABEL_MARKS)


def label_key(text: str) -> str:
    """A label's comparison key: no whitespace, ASCII punctuation, no required-field marks,
    no trailing colon, no bracketed money unit ("★预算数（万元）：" → "预算数")."""
    folded = _folded(text)
    return _UNIT_SUFFIX_RE.sub("", folded).rstrip(":：")


def label_unit(text: str) -> str | None:
    """The money unit a label names in brackets ("预算数（万元）" → "万元"), else None."""
    m = _UNIT_SUFFIX_RE.search(_folded(text))
    return m.group(1) if m else None


def squash(text: str) -> str:
    """All whitespace removed (for matching, never for stored values)."""
    return _WS_RE.sub("", text)


def clean(text: str) -> str:
    """A stored value: surrounding whitespace stripped, inner text untouched."""
    return text.strip()


def first_token_ems(text: str) -> float:
    """Width of what a line break had to carry over, in ems: a CJK character with its
    closing punctuation, or a run of ASCII letters, digits and marks (about half an em each)."""
    text = text.lstrip()
    if not text:
        return 0.0

    def ems(ch: str) -> float:
        return 0.5 if ch.isascii() else 1.0

    i, width = 0, 0.0
    while i < len(text) and text[i] in OPENING_PUNCT:  # an opening mark never ends a line
        width += ems(text[i])
        i += 1
    if i < len(text) and text[i].isascii() and not text[i].isspace():
        # a run of Latin letters, digits and ASCII marks ("**%", "[2023]197") breaks as one word
        while i < len(text) and text[i].isascii() and not text[i].isspace():
            width += 0.5
            i += 1
    elif i < len(text):
        width += ems(text[i])
        i += 1
    while i < len(text) and text[i] in CLOSING_PUNCT:  # nor does a closing one start one
        width += ems(text[i])
        i += 1
    return width
