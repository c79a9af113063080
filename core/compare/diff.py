"""Every change between a department's documents of two years, as typed `Change` records.

A `Change` is a frozen record with a `kind` (`ChangeKind`) and the fields that
kind uses; the others stay None. `Change.to_dict()` gives the change in the kinds
and fields of ../shared/tools/score_compare.py (and `Comparison.to_json()` the
whole list), so a script can score them and the CLI can print them as JSON. The
dict of each kind has exactly these keys, in this order, after `kind`:

| kind | fields |
|---|---|
| year | old, new (the years, ints) |
| text | field (overall_goal, sub_goals, measures), old, new, cause |
| project_added / project_removed | project, code, seq |
| project_code | project, old, new, cause (year_rollover when only the year digits moved) |
| project_seq | project, old, new (the numbers, int or None) |
| project_field | project, field (name, title, unit, money_unit, usage, goal, spending_plan.6月底 …), old, new, cause |
| budget | project, field (budget_total, fiscal_funds, other_funds), old, new (as written); percent (below) |
| indicator_field | project, level1, level2, level3, field (level3, description, value, basis, or an extra column), old, new, cause |
| indicator_added / indicator_removed | project, indicator {level1 … basis} |

`project` is the 项目名称 as written, in this year's document (last year's for a
removed project); an indicator is named by this year's 一级/二级/三级. Values
are the raw texts. `cause` is a `Cause` on the record and its string value in
the dict; a budget change's `percent` ("+35.0%") is set, and in the dict, only
when both amounts read and last year's is not 0. Positions for the window ride
along: every kind but year and text (`ChangeKind.of_project`) carries
`old_project`, `new_project` (0-based in `Document.projects`, None on the side
without the project), and the indicator kinds (`ChangeKind.of_row`) also
`old_row`, `new_row` (0-based in `Project.indicators`); the dict has them after
the fields above, then `percent`. A budget change also carries both amounts in 元
(`old_yuan`, `new_yuan`, Decimal, outside the dict) when both read, and gives its change
as "+12.5 万元（+8.3%）" (`Change.amount_text`, core/compare/amounts.py).
`project_field` goes beyond the scorer's table: header changes other than money
have no kind there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from core.compare.amounts import amount_change, amount_change_text
from core.compare.causes import Cause, value_cause, years_rolled
from core.compare.match import Corrections, ProjectMatch, match_projects
from core.messages import Lang
from core.model import INDICATOR_COLUMNS, MONEY_FIELDS, SPENDING_PLAN_KEYS, Document, Indicator, Project
from core.names import department_label
from core.project_code import document_year, split_code


class ChangeKind(StrEnum):
    YEAR = "year"
    TEXT = "text"
    PROJECT_ADDED = "project_added"
    PROJECT_REMOVED = "project_removed"
    PROJECT_CODE = "project_code"
    PROJECT_SEQ = "project_seq"
    PROJECT_FIELD = "project_field"
    BUDGET = "budget"
    INDICATOR_FIELD = "indicator_field"
    INDICATOR_ADDED = "indicator_added"
    INDICATOR_REMOVED = "indicator_removed"

    @property
    def of_project(self) -> bool:
        """A change of one aligned project: it carries old_project and new_project."""
        return self not in (ChangeKind.YEAR, ChangeKind.TEXT)

    @property
    def of_row(self) -> bool:
        """A change of one aligned indicator row: it also carries old_row and new_row."""
        return self in (ChangeKind.INDICATOR_FIELD, ChangeKind.INDICATOR_ADDED, ChangeKind.INDICATOR_REMOVED)


# The fields of each kind's dict after "kind", in order (see the module docstring); the positions
# and `percent` follow.
_DICT_FIELDS: dict[ChangeKind, tuple[str, ...]] = {
    ChangeKind.YEAR: ("old", "new"),
    ChangeKind.TEXT: ("field", "old", "new", "cause"),
    ChangeKind.PROJECT_ADDED: ("project", "code", "seq"),
    ChangeKind.PROJECT_REMOVED: ("project", "code", "seq"),
    ChangeKind.PROJECT_CODE: ("project", "old", "new", "cause"),
    ChangeKind.PROJECT_SEQ: ("project", "old", "new"),
    ChangeKind.PROJECT_FIELD: ("project", "field", "old", "new", "cause"),
    ChangeKind.BUDGET: ("project", "field", "old", "new"),
    ChangeKind.INDICATOR_FIELD: ("project", "level1", "level2", "level3", "field", "old", "new", "cause"),
    ChangeKind.INDICATOR_ADDED: ("project", "indicator"),
    ChangeKind.INDICATOR_REMOVED: ("project", "indicator"),
}


@dataclass(frozen=True, slots=True)
class Change:
    """One change between the two years; the fields its `kind` uses are set (module docstring), the rest None.

    `old`/`new` are raw texts, but the years for `year` and the numbers (or None) for `project_seq`.
    """

    kind: ChangeKind
    project: str | None = None
    field: str | None = None
    old: str | int | None = None
    new: str | int | None = None
    cause: Cause | None = None
    code: str | None = None
    seq: int | None = None
    level1: str | None = None
    level2: str | None = None
    level3: str | None = None
    indicator: dict[str, str | None] | None = None
    percent: str | None = None
    old_project: int | None = None
    new_project: int | None = None
    old_row: int | None = None
    new_row: int | None = None
    # budget: both amounts in 元 (Decimal) when both read; not in the scorer's dict
    old_yuan: Decimal | None = None
    new_yuan: Decimal | None = None

    @property
    def of_project(self) -> bool:
        return self.kind.of_project

    def amount_text(self, lang: Lang = "zh") -> str | None:
        """A budget change as '+12.5 万元（+8.3%）' (core.compare.amounts); None for other kinds
        or when an amount could not be read."""
        return amount_change_text(self.old_yuan, self.new_yuan, lang)

    @property
    def of_row(self) -> bool:
        return self.kind.of_row

    def to_dict(self) -> dict[str, Any]:
        """The change as the scorer's dict: this kind's keys only, `cause` as its string value."""
        data: dict[str, Any] = {"kind": self.kind.value}
        for name in _DICT_FIELDS[self.kind]:
            value = getattr(self, name)
            if isinstance(value, Cause):
                value = value.value
            elif isinstance(value, dict):
                value = dict(value)
            data[name] = value
        if self.kind.of_project:
            data["old_project"], data["new_project"] = self.old_project, self.new_project
        if self.kind.of_row:
            data["old_row"], data["new_row"] = self.old_row, self.new_row
        if self.percent is not None:
            data["percent"] = self.percent
        return data

# Header fields compared as text (money fields are compared as amounts, see _budget_changes).
TEXT_HEADER_FIELDS: tuple[str, ...] = ("name", "title", "usage", "goal")
# Indicator columns compared for a matched row; level1/level2 are part of what matched it.
ROW_FIELDS: tuple[str, ...] = ("level3", "description", "value", "basis")


@dataclass(slots=True)
class Comparison:
    """The comparison of a department's documents of two years.

    `matches` lists every project of both documents aligned for display (see
    `core.compare.match`), `changes` every change as a `Change` (see the module doc).
    """

    old: Document
    new: Document
    matches: list[ProjectMatch]
    changes: list[Change] = field(default_factory=list)
    year_gap: int = 1

    def project_changes(self, match: ProjectMatch) -> list[Change]:
        """The changes of one aligned project (added/removed, header, budget, indicator rows)."""
        return [c for c in self.changes
                if c.of_project and c.old_project == match.old and c.new_project == match.new]

    def row_changes(self, match: ProjectMatch, old_row: int | None, new_row: int | None) -> list[Change]:
        """The changes of one aligned indicator row of a project."""
        return [c for c in self.project_changes(match)
                if c.of_row and c.old_row == old_row and c.new_row == new_row]

    def to_json(self) -> dict[str, Any]:
        """{"changes": [...]} with each change as `Change.to_dict()` gives it (the CLI's --json)."""
        return {"changes": [change.to_dict() for change in self.changes]}


def compare_documents(old: Document, new: Document, corrections: Corrections | None = None) -> Comparison:
    """Compare last year's document `old` with this year's `new` (any two years of one department)."""
    gap = _year_gap(old, new)
    matches = match_projects(old, new, corrections)
    result = Comparison(old, new, matches, year_gap=gap)
    changes = result.changes
    if old.year is not None and new.year is not None and old.year != new.year:
        changes.append(Change(ChangeKind.YEAR, old=old.year, new=new.year))
    changes.extend(_department_text_changes(old, new, gap))
    for match in matches:
        if match.old is None and match.new is not None:
            changes.append(_project_event(ChangeKind.PROJECT_ADDED, new.projects[match.new], None, match.new))
        elif match.new is None and match.old is not None:
            changes.append(_project_event(ChangeKind.PROJECT_REMOVED, old.projects[match.old], match.old, None))
        elif match.old is not None and match.new is not None:
            changes.extend(_project_changes(old.projects[match.old], new.projects[match.new], match, gap))
    return result


def _year_gap(old: Document, new: Document) -> int:
    old_year, new_year = document_year(old), document_year(new)
    if old_year is None or new_year is None:
        return 1  # unknown years: the usual case is consecutive years
    return new_year - old_year


def _text_cause(old: str, new: str, gap: int) -> Cause:
    return Cause.YEAR_ROLLOVER if years_rolled(old, new, gap) else Cause.OTHER


def _department_text_changes(old: Document, new: Document, gap: int) -> list[Change]:
    def sub_goals(document: Document) -> str:
        parts = []
        for item in document.sub_goals:
            lines = [item.title.raw]
            if item.description is not None:
                lines.append(item.description.raw)
            if item.goal is not None:
                lines.append("绩效目标：" + item.goal.raw)
            if item.indicators is not None:
                lines.append("绩效指标：" + item.indicators.raw)
            parts.append("\n".join(lines))
        return "\n".join(parts)

    texts = {
        "overall_goal": (old.overall_goal.raw if old.overall_goal else "",
                         new.overall_goal.raw if new.overall_goal else ""),
        "sub_goals": (sub_goals(old), sub_goals(new)),
        "measures": ("\n".join(m.raw for m in old.measures), "\n".join(m.raw for m in new.measures)),
    }
    return [Change(ChangeKind.TEXT, field=name, old=a, new=b, cause=_text_cause(a, b, gap))
            for name, (a, b) in texts.items() if not same_text(a, b)]


def same_text(a: str, b: str) -> bool:
    """Equal but for whitespace, which a line wrap in a PDF or a cell adds without the author meaning it."""
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)


def _raw(value: Any) -> str:
    return "" if value is None else value.raw


def _project_event(kind: ChangeKind, project: Project, old_pos: int | None, new_pos: int | None) -> Change:
    return Change(kind, project=project.display_name, code=_raw(project.code), seq=project.seq,
                  old_project=old_pos, new_project=new_pos)


def _project_changes(old: Project, new: Project, match: ProjectMatch, gap: int) -> list[Change]:
    assert match.old is not None and match.new is not None
    where = (match.old, match.new)
    name = new.display_name
    changes: list[Change] = []

    old_code, new_code = _raw(old.code).strip(), _raw(new.code).strip()
    if not same_text(old_code, new_code):
        rolled = _code_rolled(old_code, new_code, gap)
        changes.append(Change(ChangeKind.PROJECT_CODE, project=name, old=old_code, new=new_code,
                              cause=Cause.YEAR_ROLLOVER if rolled else Cause.OTHER,
                              old_project=match.old, new_project=match.new))
    if old.seq != new.seq:
        changes.append(Change(ChangeKind.PROJECT_SEQ, project=name, old=old.seq, new=new.seq,
                              old_project=match.old, new_project=match.new))

    def header(field_name: str, a: str, b: str) -> None:
        if not same_text(a, b):
            changes.append(Change(ChangeKind.PROJECT_FIELD, project=name, field=field_name, old=a, new=b,
                                  cause=_text_cause(a.strip(), b.strip(), gap),
                                  old_project=match.old, new_project=match.new))

    for field_name in TEXT_HEADER_FIELDS:
        header(field_name, _raw(getattr(old, field_name)), _raw(getattr(new, field_name)))
    header("unit", department_label(old.dept_code, old.dept_name), department_label(new.dept_code, new.dept_name))
    header("money_unit", str(old.money_unit or ""), str(new.money_unit or ""))
    for key in SPENDING_PLAN_KEYS:
        header(f"spending_plan.{key}", _raw((old.spending_plan or {}).get(key)),
               _raw((new.spending_plan or {}).get(key)))

    changes.extend(_budget_changes(old, new, name, where))
    budget_old, budget_new = _yuan(old, "budget_total"), _yuan(new, "budget_total")
    for row in match.indicators:
        if row.old is None and row.new is not None:
            changes.append(Change(ChangeKind.INDICATOR_ADDED, project=name,
                                  indicator=_indicator_dict(new.indicators[row.new]),
                                  old_project=match.old, new_project=match.new, old_row=None, new_row=row.new))
        elif row.new is None and row.old is not None:
            changes.append(Change(ChangeKind.INDICATOR_REMOVED, project=name,
                                  indicator=_indicator_dict(old.indicators[row.old]),
                                  old_project=match.old, new_project=match.new, old_row=row.old, new_row=None))
        elif row.old is not None and row.new is not None:
            changes.extend(_row_changes(old.indicators[row.old], new.indicators[row.new], name, gap,
                                        budget_old, budget_new, (*where, row.old, row.new)))
    return changes


def _code_rolled(old: str, new: str, gap: int) -> bool:
    """Codes equal but for the two year digits, moved by the documents' year gap."""
    a, b = split_code(old), split_code(new)
    if a is None or b is None:
        return False
    return a[0] == b[0] and a[2] == b[2] and (int(b[1]) - int(a[1])) % 100 == gap % 100


def _yuan(project: Project, name: str) -> Decimal | None:
    money = project.money(name)
    return None if money is None else money.to_yuan()


def _budget_changes(old: Project, new: Project, name: str, where: tuple[int, int]) -> list[Change]:
    changes: list[Change] = []
    for field_name in MONEY_FIELDS:
        a, b = old.money(field_name), new.money(field_name)
        if a is None and b is None:
            continue
        raw_a, raw_b = (a.raw.strip() if a else ""), (b.raw.strip() if b else "")
        yuan_a, yuan_b = (a.to_yuan() if a else Decimal(0)), (b.to_yuan() if b else Decimal(0))
        if yuan_a is not None and yuan_b is not None:
            if yuan_a == yuan_b:
                continue  # the same amount, perhaps written in another unit or with other decimals
        elif same_text(raw_a, raw_b):
            continue
        # one rule for the CLI, the summary and the window: core.compare.amounts
        percent = amount_change(yuan_a, yuan_b).percent_text if yuan_a is not None and yuan_b is not None else None
        changes.append(Change(ChangeKind.BUDGET, project=name, field=field_name, old=raw_a, new=raw_b,
                              percent=percent, old_project=where[0], new_project=where[1],
                              old_yuan=yuan_a, new_yuan=yuan_b))
    return changes


def _indicator_dict(row: Indicator) -> dict[str, str | None]:
    data: dict[str, str | None] = {column: _raw(row.get(column)) if row.get(column) is not None else None
                                   for column in INDICATOR_COLUMNS}
    data.update({name: value.raw for name, value in row.extra.items()})
    return data


def _row_changes(old: Indicator, new: Indicator, project: str, gap: int, budget_old: Decimal | None,
                 budget_new: Decimal | None, where: tuple[int, int, int, int]) -> list[Change]:
    level1, level2, level3 = new.level1.raw.strip(), new.level2.raw.strip(), new.level3.raw.strip()
    old_project, new_project, old_row, new_row = where
    fields: list[tuple[str, str | None, str | None]] = [
        (name, _raw(old.get(name)) if old.get(name) is not None else None,
         _raw(new.get(name)) if new.get(name) is not None else None) for name in ROW_FIELDS]
    fields += [(name, _raw(old.extra.get(name)), _raw(new.extra.get(name)))
               for name in sorted(set(old.extra) | set(new.extra))]
    changes: list[Change] = []
    for name, a, b in fields:
        if a is None or b is None:
            continue  # a column one year's template lacks is not a change of the indicator
        a, b = a.strip(), b.strip()
        if same_text(a, b):
            continue
        if name == "value":
            cause = value_cause(a, b, level1=level1, level2=level2, gap=gap,
                                budget_old=budget_old, budget_new=budget_new)
        else:
            cause = Cause.YEAR_ROLLOVER if years_rolled(a, b, gap) else Cause.OTHER
        changes.append(Change(ChangeKind.INDICATOR_FIELD, project=project, level1=level1, level2=level2,
                              level3=level3, field=name, old=a, new=b, cause=cause, old_project=old_project,
                              new_project=new_project, old_row=old_row, new_row=new_row))
    return changes
