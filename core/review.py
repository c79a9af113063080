"""The reviewer's layer as plain data: findings, suggested revisions, annotations, grades.

These are what checks produce, what the store persists and what the memo and the
window show. They point into a document through a `Location`, never by database id,
so checks and the memo stay pure functions over domain objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from core.messages import Lang, Param, render
from core.model import Provenance


class Severity(StrEnum):
    ERROR = "E"
    WARNING = "W"
    NOTE = "I"


class Criterion(StrEnum):
    COMPLETENESS = "完整性"
    RELEVANCE = "相关性"
    APPROPRIATENESS = "适当性"
    FEASIBILITY = "可行性"


class FindingState(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"  # accepted into the memo
    DISMISSED = "dismissed"  # with the reviewer's reason


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a document, independent of storage.

    - department level: project_seq None (field: overall_goal, sub_goals[i], measures[i]);
    - a project header field: project_seq + field ("budget_total", "spending_plan.6月底", …);
    - an indicator row: project_seq + indicator (0-based row index) [+ column].
    """

    project_seq: int | None = None
    field: str | None = None
    indicator: int | None = None
    column: str | None = None

    def key(self) -> str:
        """A stable text key, used to match findings across check runs."""
        return f"p{self.project_seq}|f{self.field}|i{self.indicator}|c{self.column}"


@dataclass(slots=True)
class Finding:
    """One problem found by a check (or written by the reviewer: check_id "R").

    It holds what was found as data: the rule, the place, the quoted text and the
    message's catalogue key with typed parameters (the values compared, the words found);
    the caller renders it in its language (`text()`, `core.messages`).
    """

    check_id: str
    severity: Severity
    criterion: Criterion
    location: Location
    quote: str  # the text as written that the finding is about
    key: str  # the message's key in core.message_catalogue
    params: dict[str, Param] = field(default_factory=dict)
    suggestion: str | None = None  # a suggested revision where one follows
    prov: Provenance | None = None
    state: FindingState = FindingState.OPEN
    reason: str | None = None  # why it was dismissed

    def text(self, lang: Lang = "zh") -> str:
        """The one-line message in `lang`."""
        return render(self.key, self.params, lang)

    @property
    def message(self) -> str:
        """The message in Chinese (the memo's language)."""
        return self.text("zh")

    def identity(self) -> tuple[str, str, str]:
        """What makes two runs' findings 'the same': rule, place and quoted text."""
        return (self.check_id, self.location.key(), self.quote)


@dataclass(slots=True)
class Revision:
    """A reviewer's suggested new value beside the submitted one (never overwriting it)."""

    location: Location
    original: str
    suggested: str
    author: str = ""
    note: str = ""


@dataclass(slots=True)
class Annotation:
    """批注: a reviewer's comment on a document, project, indicator row or single cell."""

    location: Location
    text: str
    author: str = ""


class Band(StrEnum):
    EXCELLENT = "优"
    GOOD = "良"
    FAIR = "中"
    POOR = "差"


class Result(StrEnum):
    PASS = "通过"
    PASS_AFTER_CONSULTATION = "协商完善后通过"
    REVISE_AND_RESUBMIT = "修改后重报"
    REJECT = "不通过"


@dataclass(slots=True)
class Grade:
    """A project's grade: per-criterion scores, total, band and result.

    `overridden` is True when the reviewer set band/result (or the score) by hand;
    the override is kept when checks are run again.
    """

    scores: dict[Criterion, float] = field(default_factory=dict)
    total: float = 100.0
    band: Band = Band.EXCELLENT
    result: Result = Result.PASS
    overridden: bool = False
    conclusion: str = ""
