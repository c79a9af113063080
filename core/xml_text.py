"""Text made writable into XML files (xlsx, docx) at output time, never in stored data.

XML 1.0 forbids most control characters, and PDFs bring them in: a ToUnicode map that
sends a glyph to U+0001, a vertical tab where Word had a manual line break. openpyxl
and lxml refuse such a string outright, which used to abort the whole export. The
stored value keeps them (it is what the document says); the files we write get a
space for a vertical tab or form feed (they separate words) and nothing for the rest.
"""

from __future__ import annotations

import re

# C0 controls other than tab, newline and carriage return; lone surrogates (from a
# broken decoding); U+FFFE and U+FFFF, which XML excludes as well.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_AS_SPACE = frozenset("\x0b\x0c")


def _replacement(match: re.Match[str]) -> str:
    return " " if match.group(0) in _AS_SPACE else ""


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (a space for \\v and \\f)."""
    return _ILLEGAL.sub(_replacement, text) if _ILLEGAL.search(text) else text


def count_illegal(text: str) -> int:
    """How many characters `xml_safe` would replace or drop."""
    return len(_ILLEGAL.findall(text))
