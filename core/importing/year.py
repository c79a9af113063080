"""The budget year and the region of a document, from what its text says.

The year is taken from a title ("2024年部门预算…", "预算年度：2023") when there is
one; otherwise it is voted from the dates in the text ("2025年12月31日") and the
project codes (core.project_code: the year the project was set up; old projects
keep old codes, hence a vote and not the newest code).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from core.project_code import year_of_code

_TITLE_YEAR_RE = re.compile(r"(20\d{2})\s*年\s*度?\s*(?:部门|单位)?\s*(?:预算|部门预算)")
_BUDGET_YEAR_RE = re.compile(r"预算年度\s*[:：]?\s*(20\d{2})")
# "（2023年度）" in a title, "2022年…绩效目标表" / "2022年度…申报表"
_BRACKET_YEAR_RE = re.compile(r"[（(]\s*(20\d{2})\s*年\s*度?\s*[)）]")
_TABLE_TITLE_YEAR_RE = re.compile(r"^\D{0,20}?(20\d{2})\s*年\s*度?.{0,40}?(?:绩效目标表|目标申报表|申报表|绩效文本)\s*$")
_DATE_RE = re.compile(r"(20\d{2})\s*年\s*(?:\d{1,2}\s*月|底|末|年底|年末|内)")
_REGION_RE = re.compile(
    r"^((?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,6}?市)?(?:[\u4e00-\u9fff]{1,6}?(?:区|县|旗))?)")


def year_from_title(text: str) -> int | None:
    """The year a title or label states ("2024 年部门预算绩效文本", "预算年度：2023")."""
    m = _BUDGET_YEAR_RE.search(text)
    if m:
        return int(m.group(1))
    if len(text) <= 60:
        for pattern in (_TITLE_YEAR_RE, _BRACKET_YEAR_RE, _TABLE_TITLE_YEAR_RE):
            if m := pattern.search(text):
                return int(m.group(1))
    return None


def vote_year(codes: Iterable[str], texts: Iterable[str]) -> tuple[int | None, str]:
    """Majority over project codes and dates in the text; returns (year, how it was found)."""
    code_votes = Counter(y for c in codes if (y := year_of_code(c)) is not None)
    date_votes: Counter[int] = Counter()
    for text in texts:
        date_votes.update(int(m.group(1)) for m in _DATE_RE.finditer(text))
    votes = code_votes + date_votes
    if not votes:
        return None, "not found"
    year = max(votes, key=lambda y: (votes[y], y))
    n_codes = sum(code_votes.values())
    return year, (f"inferred from project codes ({code_votes[year]} of {n_codes} codes) "
                  f"and dates in the text ({date_votes[year]} of {sum(date_votes.values())} dates)")


def region_hint(name: str) -> str | None:
    """"中共唐山市委…" → "唐山市", "唐山市路南区数据…" → "唐山市路南区", "玉田县…" → "玉田县"."""
    text = re.sub(r"^(中共|中国共产党)", "", name.strip())
    m = _REGION_RE.match(text)
    return m.group(1) or None if m else None
