"""The domain model: what a budget performance document says, as plain dataclasses.

Every value read from a document is a `Field`: the text exactly as written (`raw`)
and where it came from (`Provenance`). Parsed forms (money, indicator targets,
dates) are derived on demand through `core.values`, so the raw text is never lost
and never rewritten. Names follow ../shared/GLOSSARY.md.

This module has no I/O and no dependency on readers, the store or Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from core.import_report import ImportReport
from core.names import project_display_name
from core.values import Money, MoneyUnit, ValueType, parse_money


class DocumentKind(StrEnum):
    """部门预算绩效文本 (performance) or 部门预算公开 (disclosure, with budget tables)."""

    PERFORMANCE = "performance"
    DISCLOSURE = "disclosure"


SPENDING_PLAN_KEYS: tuple[str, ...] = ("3月底", "6月底", "10月底", "12月底")

# The header fields of a project table, in document order (also the finding locations).
HEADER_FIELDS: tuple[str, ...] = (
    "code", "name", "budget_total", "fiscal_funds", "other_funds", "usage", "goal",
)
MONEY_FIELDS: tuple[str, ...] = ("budget_total", "fiscal_funds", "other_funds")

# The six columns of an indicator row, in the city template's order.
INDICATOR_COLUMNS: tuple[str, ...] = ("level1", "level2", "level3", "description", "value", "basis")


# Periods of an indicator grid: the 年度 grid is "the" indicators of a project.
ANNUAL = "annual"
LONG_TERM = "long_term"

# Columns that split a target: the operator alone (指标性质 "≥") and the unit alone.
OPERATOR_COLUMNS: frozenset[str] = frozenset({"指标性质", "运算符", "符号", "指标值符号"})
UNIT_COLUMNS: frozenset[str] = frozenset({"计量单位", "度量单位", "单位", "指标单位"})
_OPERATORS: dict[str, str] = {"≥": "≥", ">=": "≥", "≧": "≥", "大于等于": "≥", "≤": "≤", "<=": "≤", "≦": "≤",
                              "小于等于": "≤", "=": "=", "＝": "=", "等于": "=", ">": ">", "<": "<", "＞": ">",
                              "＜": "<", "大于": ">", "小于": "<"}
_BARE_NUMBER_RE = re.compile(r"^[-+]?\d+(?:[.,]\d+)*$")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a value stands in its source file.

    Attributes:
        page: 1-based page (PDF), or sheet (.xlsx: its place in the workbook); None for .docx,
            which has no fixed pages.
        table: 0-based index of the table grid among the document's tables (as read,
            before continuation tables are joined).
        row: 0-based row within that table grid.
        col: 0-based column within that table grid.
        paragraph: 0-based index of the paragraph among the document's paragraphs.
    """

    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    paragraph: int | None = None

    def describe(self) -> str:
        """A short Chinese description for messages: 第3页 表2 第4行 第5列."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.table is not None:
            parts.append(f"表{self.table + 1}")
        if self.row is not None:
            parts.append(f"第{self.row + 1}行")
        if self.col is not None:
            parts.append(f"第{self.col + 1}列")
        if self.paragraph is not None and self.table is None:
            parts.append(f"第{self.paragraph + 1}段")
        return " ".join(parts) or "位置不详"

    def to_dict(self) -> dict[str, int]:
        return {k: v for k in ("page", "table", "row", "col", "paragraph")
                if (v := getattr(self, k)) is not None}


NOWHERE = Provenance()


@dataclass(frozen=True, slots=True)
class Field:
    """A value exactly as written in the document, with its provenance."""

    raw: str
    prov: Provenance = NOWHERE

    @property
    def blank(self) -> bool:
        return not self.raw.strip()

    def __str__(self) -> str:
        return self.raw


def text_of(value: Field | None) -> str | None:
    """The raw text of an optional field (None when the document lacks the field)."""
    return None if value is None else value.raw


@dataclass(slots=True)
class Indicator:
    """One row of a project's indicator table (绩效指标)."""

    level1: Field
    level2: Field
    level3: Field
    description: Field
    value: Field
    basis: Field | None  # None when the document's table has no 指标值确定依据 column
    # Columns some templates add (权重, 计量单位, 指标方向 …), keyed by their header text.
    extra: dict[str, Field] = field(default_factory=dict)
    # ANNUAL (年度/本年度 grid) or LONG_TERM (长期/总体/三年总体 grid)
    period: str = "annual"

    def get(self, column: str) -> Field | None:
        value: Field | None = getattr(self, column)  # one of the Field attributes above, by name
        return value

    @property
    def target_text(self) -> str:
        """The target the checks read: 指标值 as written, or, where a form splits it over
        columns, the operator column (指标性质 "≥") + the bare number + the unit column
        (计量单位 "%") composed into one ("≥95%"). The cells themselves stay as written."""
        raw = self.value.raw.strip()
        if not raw or not _BARE_NUMBER_RE.match(raw):
            return self.value.raw
        operator = next((f.raw.strip() for k, f in self.extra.items() if k in OPERATOR_COLUMNS
                         and f.raw.strip() in _OPERATORS), "")
        unit = next((f.raw.strip() for k, f in self.extra.items() if k in UNIT_COLUMNS and f.raw.strip()), "")
        return f"{_OPERATORS.get(operator, operator)}{raw}{unit}"

    @property
    def value_type(self) -> ValueType | None:
        """The row's 指标值类型 (定量/定性) where the form has that column."""
        for key, value in self.extra.items():
            if "类型" in key and (declared := ValueType.from_text(value.raw)) is not None:
                return declared
        return None

    @property
    def prov(self) -> Provenance:
        """The row's place: the provenance of its 三级指标 cell."""
        return self.level3.prov


@dataclass(slots=True)
class CostItem:
    """One row of a project's 项目预算成本构成 table (成本项 | 金额 | 测算依据 …)."""

    item: Field
    amount: Field
    basis: Field | None = None
    extra: dict[str, Field] = field(default_factory=dict)  # 2020年实际执行数 … as written


@dataclass(slots=True)
class Project:
    """One project table (项目绩效目标表): header plus indicator rows."""

    seq: int | None
    title: Field  # the table title without its "N." numbering
    dept_code: str  # the unit line above the table: 115001
    dept_name: str
    money_unit: MoneyUnit | None
    code: Field | None = None
    name: Field | None = None
    budget_total: Field | None = None
    fiscal_funds: Field | None = None
    other_funds: Field | None = None
    usage: Field | None = None
    spending_plan: dict[str, Field] | None = None
    goal: Field | None = None
    indicators: list[Indicator] = field(default_factory=list)  # the 年度 grid: what checks read
    prov: Provenance = NOWHERE
    # Forms with two targets (长期目标/总目标 and 年度目标) and a grid each
    long_term_goal: Field | None = None
    long_term_indicators: list[Indicator] = field(default_factory=list)
    # Forms with a cost-structure table: its rows and its 合计 row's amount
    cost_items: list[CostItem] = field(default_factory=list)
    cost_total: Field | None = None
    # Finer funding lines some forms give (上级财政资金, 本级财政, 自有资金, 事业收入 …), as written
    funding: dict[str, Field] = field(default_factory=dict)

    def money(self, name: str) -> Money | None:
        """A money header field parsed with the project's unit (None if absent)."""
        value: Field | None = getattr(self, name)
        if value is None:
            return None
        return parse_money(value.raw, self.money_unit or MoneyUnit.WAN_YUAN)

    @property
    def display_name(self) -> str:
        """项目名称, else the table title (core.names.project_display_name)."""
        return project_display_name(None if self.name is None else self.name.raw, self.title.raw)


@dataclass(slots=True)
class SubGoal:
    """分项绩效目标: the item line, then 绩效目标： and 绩效指标： texts."""

    title: Field
    goal: Field | None = None
    indicators: Field | None = None
    description: Field | None = None  # free text between the title and 绩效目标 (some templates)


@dataclass(frozen=True, slots=True)
class Unit:
    """预算单位: projects belong to units; a code is unique only within its region."""

    code: str
    name: str


@dataclass(slots=True)
class Organisation:
    region_hint: str | None
    dept_code: str
    dept_name: str
    units: list[Unit] = field(default_factory=list)


@dataclass(slots=True)
class BudgetTable:
    """One of the budget tables of a 预算公开 document, every cell as written."""

    title: Field
    dept: Field | None = None
    year: Field | None = None
    unit: Field | None = None
    rows: list[list[Field]] = field(default_factory=list)


@dataclass(slots=True)
class StatedTotal:
    """A 小计/合计 row of a table that lists several projects: the total the document states
    for them, kept as written and checked against the sum of their 预算数 (never a project).

    `projects` are positions in `Document.projects` of the projects the row totals: for a
    小计, those since the previous 小计 of the same table; for a 合计/总计, all of the table's.
    """

    label: Field
    amount: Field
    projects: list[int] = field(default_factory=list)
    money_unit: MoneyUnit | None = None


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """Something the importer could not read with certainty; feeds check E4.

    `code` is a stable id (row_split, unreadable_cell, missing_column, …); `message`
    is Chinese and names the place; `project_seq` and `column` point into the
    model when the issue belongs to a project's cell.
    """

    code: str
    message: str
    prov: Provenance = NOWHERE
    project_seq: int | None = None
    column: str | None = None
    indicator_index: int | None = None


@dataclass(slots=True)
class Document:
    """A department's document of one year, as imported."""

    kind: DocumentKind
    source_name: str
    sha256: str
    source_format: str  # "docx", "pdf" or "xlsx"
    year: int | None
    year_source: str
    money_unit: MoneyUnit | None
    org: Organisation
    overall_goal: Field | None = None
    sub_goals: list[SubGoal] = field(default_factory=list)
    measures: list[Field] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    budget_tables: list[BudgetTable] | None = None
    issues: list[ImportIssue] = field(default_factory=list)
    page_count: int | None = None
    # 小计/合计 rows of tables listing several projects (kept, checked against the sum)
    totals: list[StatedTotal] = field(default_factory=list)
    # What every table and paragraph run was read as, with counts and warnings.
    report: ImportReport = field(default_factory=ImportReport)


# The standard 一级 → 二级 indicator names of the template (GLOSSARY.md); the window's
# level editors offer them, and anything else is the reviewer's own text.
STANDARD_LEVELS: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
    "成本指标": ("经济成本指标", "社会成本指标", "生态环境成本指标"),
}
