"""What a paragraph outside the tables is: heading, numbered item, unit line, ToC entry….

Pure text patterns, shared by the section and project recognisers. Numbering
styles are named so that items of one list can be told from sub-items of another
("（一）" items hold "（1）" sub-paragraphs).
"""

from __future__ import annotations

import re

from core.importing.text import squash
from core.values import MoneyUnit

CN_DIGITS = "零一二三四五六七八九十百"
_CN_NUM = f"[{CN_DIGITS}]+"

# (style, pattern) in the order they are tried; each pattern matches the numbering only.
NUMBERING_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("paren_cn", re.compile(rf"^[（(]\s*{_CN_NUM}\s*[)）]")),
    ("paren_arabic", re.compile(r"^[（(]\s*\d{1,3}\s*[)）]")),
    ("cn", re.compile(rf"^{_CN_NUM}\s*[、.．]")),
    ("cn_shi", re.compile(rf"^{_CN_NUM}是")),
    ("arabic", re.compile(r"^\d{1,3}\s*(?:、|[.．](?!\d))")),
    ("circled", re.compile(r"^[①-⑳]")),
)

_TOC_RE = re.compile(r"(\.{2,}|…+|·{3,}|-{4,}|_{4,}|\t)\s*\d{1,4}\s*$")
# a code, then a name; "2024年…" is a year, not a unit code
_UNIT_LINE_RE = re.compile(r"^(\d{3,12})\s*([^\d\s:：年].*)$")
_MONEY_UNIT_RE = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元|万)\s*$")
_PART_RE = re.compile(rf"^第\s*(?:{_CN_NUM}|\d+)\s*部分")


def numbering_style(text: str) -> str | None:
    """The numbering style a paragraph starts with ("paren_cn" for "（一）"), or None."""
    stripped = text.lstrip()
    for style, pattern in NUMBERING_STYLES:
        if pattern.match(stripped):
            return style
    return None


def strip_numbering(text: str, *, digits_may_follow: bool = False) -> tuple[str | None, str]:
    """("1", rest) for "1.rest" / "1、rest" / "一、rest"; (None, text) when unnumbered.

    "4.12345热线…" is item 4 only where a numbering is expected (a table title), since
    elsewhere "1.5万元" is a number; `digits_may_follow` says which.
    """
    stripped = text.strip()
    guard = "" if digits_may_follow else "(?!\\d)"
    m = re.match(rf"^(\d{{1,3}})\s*(?:、|[.．]{guard})\s*(.*)$", stripped, re.S)
    if m:
        return m.group(1), m.group(2).strip()
    m = re.match(rf"^({_CN_NUM})\s*[、.．]\s*(.*)$", stripped, re.S)
    if m:
        return m.group(1), m.group(2).strip()
    return None, stripped


def is_toc_entry(text: str) -> bool:
    """A table-of-contents line: leader dots or a tab, then a page number."""
    return bool(_TOC_RE.search(text.rstrip()))


def is_toc_heading(text: str) -> bool:
    return squash(text) in ("目录", "目次")


def unit_line(text: str) -> tuple[str, str] | None:
    """"115001中共唐山市委…本级" → ("115001", "中共唐山市委…本级"); else None."""
    m = _UNIT_LINE_RE.match(text.strip())
    if not m:
        return None
    name = _MONEY_UNIT_RE.sub("", m.group(2)).strip()
    return (m.group(1), name) if name else None


def money_unit_in(text: str) -> MoneyUnit | None:
    """The unit of "单位：万元" / "金额单位：元" at the end of a line, else None."""
    m = _MONEY_UNIT_RE.search(text.strip())
    if not m:
        return None
    return MoneyUnit.YUAN if m.group(1) == "元" else MoneyUnit.WAN_YUAN


def is_money_unit_line(text: str) -> bool:
    return bool(_MONEY_UNIT_RE.fullmatch(text.strip()) or re.fullmatch(
        r"(?:金额)?单位\s*[:：]\s*(万元|元|万)", text.strip()))


def is_part_heading(text: str) -> bool:
    """"第一部分", "第二部分 预算项目绩效目标"."""
    return bool(_PART_RE.match(squash(text)))


def section_of(text: str) -> str | None:
    """Which department-goal section a short heading opens: overall, sub_goals, measures."""
    key = squash(text)
    if len(key) > 16:
        return None
    _, rest = strip_numbering(re.sub(r"^[（(][一二三四五六七八九十]+[)）]", "", key))
    for name, words in (("overall", ("总体绩效目标", "整体绩效目标")),
                        ("sub_goals", ("分项绩效目标", "分项目标")),
                        ("measures", ("工作保障措施", "保障措施"))):
        if rest in words:
            return name
    return None
