"""Which project of last year is which project of this year, and which indicator row is which.

Projects are matched in three passes, each only over what the previous left:
1. by project code with the two year digits set aside (region code, year, tail:
   the tail is what a project keeps across years);
2. by name, fuzzy (rapidfuzz), for renamed or re-coded projects; a close name
   alone is enough, a looser one needs its indicators to agree as well;
3. by the overlap of their indicators, for projects renamed beyond recognition.
Every match carries its reason and a confidence in 0–1. A reviewer's corrections
(pairs to force, pairs to forbid) are applied first and always win.

Indicator rows match by (level1, level2, level3) as written, then by a fuzzy
level3 within the same level1 and level2.

Projects and rows are named by their 0-based position in `Document.projects`
and `Project.indicators`: positions are stable for an imported document, which
is what the workspace keeps corrections against.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz

from core.messages import Lang, label
from core.model import Document, Indicator, Project
from core.project_code import split_code

# A name this close (rapidfuzz ratio, 0–100) matches on its own ...
NAME_ALONE = 90.0
# ... a name this close matches when the indicator tables agree at least INDICATORS_WITH_NAME.
NAME_WITH_INDICATORS = 60.0
INDICATORS_WITH_NAME = 0.5
# Indicator tables alone (no usable code or name) must agree this much.
INDICATORS_ALONE = 0.7
# A fuzzy 三级 within the same 二级: this close alone, or LEVEL3_WITH_VALUE when the value agrees.
LEVEL3_ALONE = 80.0
LEVEL3_WITH_VALUE = 60.0


class MatchReason(StrEnum):
    REVIEWER = "reviewer"  # forced by a reviewer's correction
    CODE = "code"  # same project code once the year digits are set aside
    NAME = "name"  # same or similar 项目名称
    INDICATORS = "indicators"  # the indicator tables overlap
    KEY = "key"  # an indicator row with the same 一级/二级/三级
    FUZZY = "fuzzy"  # an indicator row with a similar 三级 under the same 二级
    UNMATCHED = "unmatched"  # only on one side


def reason_text(reason: MatchReason, lang: Lang = "zh") -> str:
    """Why two projects or rows were matched, in words (the catalogue's "match.<reason>")."""
    return label(f"match.{reason.value}", lang)


REASON_TEXT: dict[MatchReason, str] = {reason: reason_text(reason) for reason in MatchReason}


@dataclass(frozen=True, slots=True)
class IndicatorMatch:
    """One aligned indicator row: `old`/`new` are row positions, None on the side that lacks it."""

    old: int | None
    new: int | None
    reason: MatchReason
    confidence: float


@dataclass(slots=True)
class ProjectMatch:
    """One aligned project: positions in each document's `projects`, None on the side that lacks it."""

    old: int | None
    new: int | None
    reason: MatchReason
    confidence: float
    indicators: list[IndicatorMatch] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return self.old is not None and self.new is not None

    @property
    def reason_text(self) -> str:
        return REASON_TEXT[self.reason]


@dataclass(slots=True)
class Corrections:
    """A reviewer's corrections of the project matching, as (old position, new position) pairs.

    `force` pairs are matched whatever the evidence; `forbid` pairs are never matched
    (the two projects then find other partners or stay unmatched).
    """

    force: list[tuple[int, int]] = field(default_factory=list)
    forbid: list[tuple[int, int]] = field(default_factory=list)


def corrections_from_pairs(pairs: Iterable[tuple[Hashable | None, Hashable | None]],
                           old_keys: Sequence[Hashable], new_keys: Sequence[Hashable]) -> Corrections:
    """Corrections from pairings kept by other keys (the workspace's project ids).

    `old_keys`/`new_keys` list each document's project keys in document order. A pair
    with both sides is forced; a pair with None on one side means "explicitly
    unmatched" and forbids every partner of the other side. Unknown keys are ignored
    (a correction outlives a project that is no longer there).
    """
    old_pos = {key: i for i, key in enumerate(old_keys)}
    new_pos = {key: j for j, key in enumerate(new_keys)}
    result = Corrections()
    for old_key, new_key in pairs:
        i = old_pos.get(old_key) if old_key is not None else None
        j = new_pos.get(new_key) if new_key is not None else None
        if old_key is not None and new_key is not None:
            if i is not None and j is not None:
                result.force.append((i, j))
        elif i is not None:
            result.forbid.extend((i, other) for other in range(len(new_keys)))
        elif j is not None:
            result.forbid.extend((other, j) for other in range(len(old_keys)))
    return result


def code_key(code: str | None) -> str | None:
    """The project code without its two year digits: 13020025P00684114012R → 130200P00684114012R.

    A code not laid out so (core.project_code.split_code) is kept whole.
    """
    if code is None:
        return None
    text = re.sub(r"\s+", "", code).upper()
    if not text:
        return None
    parts = split_code(text)
    return parts[0] + parts[2] if parts else text


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _name_of(project: Project) -> str:
    return _clean(project.display_name)


def _indicator_keys(project: Project) -> list[tuple[str, str, str]]:
    return [(_clean(i.level1.raw), _clean(i.level2.raw), _clean(i.level3.raw)) for i in project.indicators]


def indicator_overlap(a: Project, b: Project) -> float:
    """Share of indicator rows the two tables have in common (一级/二级/三级 and value), 0–1."""
    def rows(project: Project) -> list[tuple[str, ...]]:
        return [(*key, _clean(i.value.raw)) for key, i in zip(_indicator_keys(project), project.indicators,
                                                                strict=True)]

    left, right = rows(a), rows(b)
    if not left or not right:
        return 0.0
    remaining = list(right)
    common = 0.0
    for row in left:
        # Rows agree on the names; the value may have moved (a target changed), which counts half.
        if row in remaining:
            remaining.remove(row)
            common += 1
            continue
        partial = next((r for r in remaining if r[:3] == row[:3]), None)
        if partial is not None:
            remaining.remove(partial)
            common += 0.75
    return common / max(len(left), len(right))


def _pairs_by_score(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """Greedy one-to-one assignment, best score first (ties broken by position, so it is stable)."""
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    chosen = []
    for score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        chosen.append((score, i, j))
    return chosen


def match_projects(old: Document, new: Document, corrections: Corrections | None = None) -> list[ProjectMatch]:
    """Match the projects of two documents; returns every project of both, aligned in reading order."""
    corrections = corrections or Corrections()
    forbidden = set(corrections.forbid)
    found: dict[int, tuple[int, MatchReason, float]] = {}  # old position → (new position, reason, confidence)
    used_new: set[int] = set()

    def take(i: int, j: int, reason: MatchReason, confidence: float) -> None:
        found[i] = (j, reason, confidence)
        used_new.add(j)

    for i, j in corrections.force:
        if 0 <= i < len(old.projects) and 0 <= j < len(new.projects) and i not in found and j not in used_new:
            take(i, j, MatchReason.REVIEWER, 1.0)

    def free() -> tuple[list[int], list[int]]:
        return ([i for i in range(len(old.projects)) if i not in found],
                [j for j in range(len(new.projects)) if j not in used_new])

    # 1. Code with the year digits set aside; a key that is not unique on both sides proves nothing.
    olds, news = free()
    old_keys = {i: code_key(code.raw if (code := old.projects[i].code) else None) for i in olds}
    new_keys = {j: code_key(code.raw if (code := new.projects[j].code) else None) for j in news}
    for i, key in old_keys.items():
        if key is None or list(old_keys.values()).count(key) != 1:
            continue
        partners = [j for j, k in new_keys.items() if k == key]
        if len(partners) == 1 and (i, partners[0]) not in forbidden:
            same_name = _name_of(old.projects[i]) == _name_of(new.projects[partners[0]])
            take(i, partners[0], MatchReason.CODE, 1.0 if same_name else 0.95)

    # 2. Names: close alone, or looser with agreeing indicators.
    olds, news = free()
    candidates = []
    for i in olds:
        for j in news:
            if (i, j) in forbidden:
                continue
            ratio = fuzz.ratio(_name_of(old.projects[i]), _name_of(new.projects[j]))
            if ratio >= NAME_ALONE:
                candidates.append((ratio / 100, i, j))
            elif ratio >= NAME_WITH_INDICATORS:
                overlap = indicator_overlap(old.projects[i], new.projects[j])
                if overlap >= INDICATORS_WITH_NAME:
                    candidates.append(((ratio / 100 + overlap) / 2, i, j))
    for score, i, j in _pairs_by_score(candidates):
        take(i, j, MatchReason.NAME, round(score, 3))

    # 3. Indicator tables alone.
    olds, news = free()
    candidates = []
    for i in olds:
        for j in news:
            if (i, j) in forbidden:
                continue
            overlap = indicator_overlap(old.projects[i], new.projects[j])
            if overlap >= INDICATORS_ALONE:
                candidates.append((overlap, i, j))
    for score, i, j in _pairs_by_score(candidates):
        # Without code or name the evidence is weaker than either: scale the confidence down.
        take(i, j, MatchReason.INDICATORS, round(0.8 * score, 3))

    pairs = [(i, j) for i, (j, _, _) in found.items()]
    matches: list[ProjectMatch] = []
    for a, b in align(len(old.projects), len(new.projects), pairs):
        if a is not None and b is not None:
            _, reason, confidence = found[a]
            rows = match_indicators(old.projects[a].indicators, new.projects[b].indicators)
            matches.append(ProjectMatch(a, b, reason, confidence, rows))
        else:
            matches.append(ProjectMatch(a, b, MatchReason.UNMATCHED, 0.0))
    return matches


def align(old_count: int, new_count: int, pairs: Sequence[tuple[int, int]]) -> list[tuple[int | None, int | None]]:
    """Order matched pairs and one-sided items for side-by-side display.

    The new side keeps its order; an item only on the old side is placed just
    before the first new item whose old partner comes after it.
    """
    old_of_new = {j: i for i, j in pairs}
    matched_old = {i for i, _ in pairs}
    pending_old = [i for i in range(old_count) if i not in matched_old]
    out: list[tuple[int | None, int | None]] = []
    for j in range(new_count):
        i = old_of_new.get(j)
        if i is not None:
            while pending_old and pending_old[0] < i:
                out.append((pending_old.pop(0), None))
            out.append((i, j))
        else:
            out.append((None, j))
    out.extend((i, None) for i in pending_old)
    return out


def match_indicators(old: Sequence[Indicator], new: Sequence[Indicator]) -> list[IndicatorMatch]:
    """Match indicator rows: same 一级/二级/三级 (in order when repeated), then a fuzzy 三级 within the 二级."""
    def key(row: Indicator) -> tuple[str, str, str]:
        return (_clean(row.level1.raw), _clean(row.level2.raw), _clean(row.level3.raw))

    found: dict[int, tuple[int, MatchReason, float]] = {}
    used_new: set[int] = set()
    for i, row in enumerate(old):
        for j, other in enumerate(new):
            if j not in used_new and key(row) == key(other):
                found[i] = (j, MatchReason.KEY, 1.0)
                used_new.add(j)
                break

    candidates = []
    for i, row in enumerate(old):
        if i in found:
            continue
        for j, other in enumerate(new):
            if j in used_new or key(row)[:2] != key(other)[:2]:
                continue
            ratio = fuzz.ratio(key(row)[2], key(other)[2])
            if ratio >= LEVEL3_ALONE or (ratio >= LEVEL3_WITH_VALUE
                                         and _clean(row.value.raw) == _clean(other.value.raw)):
                candidates.append((ratio / 100, i, j))
    for score, i, j in _pairs_by_score(candidates):
        found[i] = (j, MatchReason.FUZZY, round(score, 3))
        used_new.add(j)

    pairs = [(i, j) for i, (j, _, _) in found.items()]
    rows: list[IndicatorMatch] = []
    for a, b in align(len(old), len(new), pairs):
        if a is not None and b is not None:
            _, reason, confidence = found[a]
            rows.append(IndicatorMatch(a, b, reason, confidence))
        else:
            rows.append(IndicatorMatch(a, b, MatchReason.UNMATCHED, 0.0))
    return rows
