"""Department-level goals: 总体绩效目标, 分项绩效目标 and 工作保障措施 from the running text.

Input is the list of paragraphs that precede the first project table (ToC entries
and blank paragraphs already removed). A section runs from its heading to the next
section heading or part heading ("第二部分…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.importing.layout import Paragraph
from core.importing.paragraphs import is_part_heading, numbering_style, section_of
from core.model import Field, SubGoal

_GOAL_RE = re.compile(r"^(?:年度)?绩效目标\s*[:：]\s*")
_INDICATORS_RE = re.compile(r"^绩效指标\s*[:：]\s*")


@dataclass(slots=True)
class DepartmentGoals:
    overall_goal: Field | None = None
    sub_goals: list[SubGoal] = field(default_factory=list)
    measures: list[Field] = field(default_factory=list)


def _join(fields: list[Paragraph]) -> Field | None:
    if not fields:
        return None
    return Field("\n".join(p.text.strip() for p in fields), fields[0].prov)


def split_sections(paragraphs: list[Paragraph]) -> dict[str, list[Paragraph]]:
    """Paragraphs under each section heading (the first occurrence of each section)."""
    sections: dict[str, list[Paragraph]] = {}
    current: str | None = None
    for p in paragraphs:
        name = section_of(p.text)
        if name is not None and name not in sections:
            current = name
            sections[name] = []
            continue
        if is_part_heading(p.text) or name is not None:
            current = None
            continue
        if current is not None:
            sections[current].append(p)
    return sections


def _append(target: Field | None, p: Paragraph, text: str) -> Field:
    if target is None:
        return Field(text, p.prov)
    return Field(target.raw + "\n" + text, target.prov)


def parse_sub_goals(paragraphs: list[Paragraph]) -> list[SubGoal]:
    """Items: a numbered line, optional description, then 绩效目标： and 绩效指标： texts."""
    items: list[SubGoal] = []
    item_style: str | None = None
    mode = "title"
    for p in paragraphs:
        text = p.text.strip()
        if m := _GOAL_RE.match(text):
            if items:
                items[-1].goal = Field(text[m.end():].strip(), p.prov)
                mode = "goal"
            continue
        if m := _INDICATORS_RE.match(text):
            if items:
                items[-1].indicators = Field(text[m.end():].strip(), p.prov)
                mode = "indicators"
            continue
        style = numbering_style(text)
        starts_item = style is not None and (item_style is None or style == item_style)
        if starts_item and not (mode == "goal" and style != item_style):
            item_style = item_style or style
            items.append(SubGoal(title=Field(text, p.prov)))
            mode = "title"
            continue
        if not items:
            items.append(SubGoal(title=Field(text, p.prov)))
            continue
        item = items[-1]
        if mode == "goal":
            item.goal = _append(item.goal, p, text)
        elif mode == "indicators":
            item.indicators = _append(item.indicators, p, text)
        else:
            item.description = _append(item.description, p, text)
    return items


def parse_department_goals(paragraphs: list[Paragraph]) -> DepartmentGoals:
    sections = split_sections(paragraphs)
    return DepartmentGoals(
        overall_goal=_join(sections.get("overall", [])),
        sub_goals=parse_sub_goals(sections.get("sub_goals", [])),
        measures=[Field(p.text.strip(), p.prov) for p in sections.get("measures", [])],
    )
