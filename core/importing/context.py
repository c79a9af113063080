"""The context of the projects: department/unit, money unit, year and title, wherever written.

Templates put these in a paragraph above a table ("115001中共…本级", "单位：万元"), in a
row spanning the table, in a label cell with the value in the next cell ("单位名称" |
"115001…"), or as several "标签：值" pairs in one line or cell, separated by tabs or
runs of spaces ("唐山市人民政府办公室<TAB>预算年度：2023"). `read_context` finds them
in one text; the table reader applies it per cell and per label/value pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.importing import columns
from core.importing.paragraphs import money_unit_in, strip_numbering, unit_line
from core.importing.text import label_key, squash
from core.values import MoneyUnit

# Fields in one line are separated by tabs, ideographic spaces or runs of two spaces.
_SEGMENT_SPLIT_RE = re.compile(r"\t+|\u3000+|\s{2,}")
_PAIR_RE = re.compile(r"^([^:：]{1,16}?)\s*[:：]\s*(.*)$", re.S)
_YEAR_RE = re.compile(r"^(20\d{2})\s*年?度?$")
_TITLE_END_RE = re.compile(r"(绩效目标表|目标申报表|绩效目标申报表|申报表|目标表)\s*$")
_MONEY_UNITS = {"万元": MoneyUnit.WAN_YUAN, "万": MoneyUnit.WAN_YUAN, "元": MoneyUnit.YUAN}


@dataclass(slots=True)
class Context:
    """What one text says about the context; None where it says nothing."""

    dept: tuple[str, str] | None = None  # (code, name); code "" when the text gives none
    money_unit: MoneyUnit | None = None
    year: int | None = None

    @property
    def empty(self) -> bool:
        return self.dept is None and self.money_unit is None and self.year is None


def segments(text: str) -> list[str]:
    """The fields of a line: split at tabs, ideographic spaces and runs of spaces."""
    return [s.strip() for s in _SEGMENT_SPLIT_RE.split(text.strip()) if s.strip()]


def label_pair(segment: str) -> tuple[str, str] | None:
    """("单位名称", "115001…") for "单位名称：115001…"; None without a colon-separated label."""
    m = _PAIR_RE.match(segment.strip())
    if not m:
        return None
    return m.group(1).strip(), m.group(2).strip()


def money_unit_of(value: str) -> MoneyUnit | None:
    return _MONEY_UNITS.get(squash(value))


_TRAILING_MONEY_UNIT_RE = re.compile(r"\s*(?:金额)?单位\s*[:：]\s*(万元|元|万)\s*$")


def dept_of(value: str) -> tuple[str, str] | None:
    """("115001", "中共…本级") for a unit line, ("", name) for a bare name."""
    value = _TRAILING_MONEY_UNIT_RE.sub("", value.strip())
    if not value:
        return None
    return unit_line(value) or ("", value)


def apply_label(context: Context, label: str, value: str) -> bool:
    """Record a label/value pair of the context; False when the label is not a context label."""
    kind = columns.context_label(label)
    if kind is None:
        return False
    if kind == "money_unit":
        unit = money_unit_of(value)
        if unit is None:
            # "单位：115001中共…" names the unit, not the money unit
            if (dept := dept_of(value)) is not None:
                context.dept = context.dept or dept
                return True
            return False
        context.money_unit = context.money_unit or unit
    elif kind == "year":
        m = _YEAR_RE.match(squash(value))
        if not m:
            return False
        context.year = context.year or int(m.group(1))
    elif kind == "dept_code":
        code = squash(value)
        if not code.isdigit():
            return False
        context.dept = (code, context.dept[1] if context.dept else "")
    elif (dept := dept_of(value)) is not None:
        # a PDF line may run the right-aligned "单位：万元" onto the name
        if (m := _TRAILING_MONEY_UNIT_RE.search(value)) is not None:
            context.money_unit = context.money_unit or money_unit_of(m.group(1))
        if context.dept is None:
            context.dept = dept
        elif not context.dept[1] and not dept[0]:
            context.dept = (context.dept[0], dept[1])  # the code came first, from its own label
    return True


def read_context(text: str, *, bare_unit_line: bool = True) -> Context:
    """Context fields of one line or cell ("115001…本级  单位：万元", "预算年度：2023" …).

    `bare_unit_line`: whether an unlabelled "115001中共…" segment counts as the unit.
    """
    context = Context()
    for seg in segments(text):
        pair = label_pair(seg)
        if pair is not None and apply_label(context, *pair):
            continue
        if pair is None and (unit := money_unit_in(seg)) is not None and label_key(seg) in ("单位万元", "单位元"):
            context.money_unit = context.money_unit or unit
            continue
        if bare_unit_line and pair is None and (line := unit_line(seg)) is not None:
            context.dept = context.dept or line
    return context


def read_context_cells(texts: list[str]) -> Context:
    """Context fields of a row of cells: a label cell takes the next cell as its value."""
    context = Context()
    i = 0
    while i < len(texts):
        text = texts[i]
        if columns.context_label(text) is not None and i + 1 < len(texts) \
                and apply_label(context, text, texts[i + 1]):
            i += 2
            continue
        found = read_context(text)
        context.dept = context.dept or found.dept
        context.money_unit = context.money_unit or found.money_unit
        context.year = context.year or found.year
        i += 1
    return context


def is_context_texts(texts: list[str]) -> bool:
    """Whether every text of a row is part of the context (labels, unit line, pairs)."""
    if not texts or len(texts) > 4 or read_context_cells(texts).empty:
        return False
    return all(not read_context(t).empty or columns.context_label(t) is not None
               or (i > 0 and columns.context_label(texts[i - 1]) is not None)
               for i, t in enumerate(texts))


def title_of(text: str) -> tuple[str | None, str] | None:
    """(numbering, title) when the text is a project table's title, else None.

    A title is numbered ("1.…", "一、…") and/or ends with 绩效目标表 / 申报表.
    """
    stripped = text.strip()
    if not stripped or "\n" in stripped or len(stripped) > 80:
        return None
    number, rest = strip_numbering(stripped, digits_may_follow=True)
    if _TITLE_END_RE.search(rest) or (number is not None and "绩效目标" in rest):
        return number, rest
    return None
