"""Project codes (项目编码) and the year they carry: the one place that knows their layout.

A project code as the budget system issues it, "13020025P00684114012R" or "43018123P000117":

    130200      the region (行政区划代码: 130200 is 唐山市)
    25          the last two digits of the year the project was set up (2025)
    P00684…R    the rest, which a project keeps from one year to the next

So a code reads the year the project was *set up*: a project carried over from an
earlier year keeps its old code, which is why a document's year is the year most of
its codes carry (`common_code_year`), not the newest; and why two years' documents
match a project by its code with the year digits set aside (core.compare.match).
Whatever does not start with six digits, two year digits and then a letter or digit
("XM-001", "12345678.90" — an amount in the wrong column, a bare "20250131") is not
read as such a code. Digits may be full-width; spaces around the code are ignored.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.model import Document

_LAYOUT_RE = re.compile(r"(\d{6})(\d{2})([A-Za-z0-9].*)", re.S)


def split_code(code: str) -> tuple[str, str, str] | None:
    """"13020025P00684114012R" → ("130200", "25", "P00684114012R"); None when not laid out so."""
    m = _LAYOUT_RE.fullmatch(code.strip())
    return (m.group(1), m.group(2), m.group(3)) if m else None


def year_of_code(code: str) -> int | None:
    """"13020025P00684114012R" → 2025, "43018123P000117" → 2023: the year the project was set up."""
    parts = split_code(code)
    return 2000 + int(parts[1]) if parts else None


def common_code_year(codes: Iterable[str]) -> int | None:
    """The year most of these codes carry, the newest of a tie; None when none carries one."""
    votes = Counter(year for code in codes if (year := year_of_code(code)) is not None)
    return max(votes, key=lambda y: (votes[y], y)) if votes else None


def document_year(document: Document) -> int | None:
    """The budget year: as the importer found it, else the year most project codes carry."""
    if document.year is not None:
        return document.year
    return common_code_year(p.code.raw for p in document.projects if p.code is not None)
