"""The import report: what the recogniser read every block of a document as, and what it missed.

An import must account for everything: a reviewer who imports a document of three
projects and gets none must be told, with the file and the page/table, instead of
seeing 已导入. The recogniser fills an `ImportReport` (one `BlockReport` per table
grid and per run of paragraphs, the counts, and typed `ReportWarning`s); the CLI,
the window and the JSON export render it. Words come from `describe_*` here, the
one place the report is put into Chinese; the records themselves hold codes and
numbers only, so the window can word them in English too.

No I/O and no dependency on readers, the store or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class BlockRole(StrEnum):
    """What a block was read as."""

    PROJECT_HEADER = "project_header"  # a project's header fields (编码, 名称, 预算数, 绩效目标 …)
    INDICATORS = "indicators"  # an indicator grid (一级/二级/三级 … 指标值)
    PROJECT = "project"  # header block and indicator grid in one table
    BUDGET = "budget"  # a budget table of a 预算公开 document
    FRONT_TEXT = "front_text"  # paragraphs of the department-level part (goals, measures)
    TITLE = "title"  # a project title, unit or money-unit line
    IGNORED = "ignored"  # read but not used; `reason` says why


class IgnoredReason(StrEnum):
    """Why a block was not used."""

    NO_EVIDENCE = "no_evidence"  # neither labels, an indicator header nor value patterns
    TOC = "toc"  # a table of contents
    EMPTY = "empty"  # blank
    OUTSIDE = "outside"  # running text outside the parts the template has (cover, notes)


class WarningCode(StrEnum):
    """Stable ids of the report's warnings (rendered by `describe_warning`)."""

    NO_PROJECTS = "no_projects"  # tables present, no project read
    FEWER_INDICATORS = "fewer_indicators"  # fewer indicator rows read than the grids hold
    TABLE_IGNORED = "table_ignored"  # a table that looks like data was not read
    FUZZY_LABEL = "fuzzy_label"  # a label matched to a known one by similarity
    PROJECT_WITHOUT_INDICATORS = "project_without_indicators"
    ROTATED_PAGES = "rotated_pages"  # pages read turned upright (information, not a fault)
    PDF_FALLBACK = "pdf_fallback"  # read with pdfplumber: PDFium could not (information, not a fault)


@dataclass(frozen=True, slots=True)
class BlockReport:
    """One table grid or one run of paragraphs, and what it was read as.

    `table` is the grid's index among the document's tables (as in `Provenance.table`);
    `paragraph` the first paragraph's index for a run of paragraphs. `project` is the
    0-based position of the project the block fed, if any; `rows` the grid's row count
    (or the run's paragraph count); `read_rows` how many of them gave data.
    """

    role: BlockRole
    table: int | None = None
    paragraph: int | None = None
    page: int | None = None
    rows: int = 0
    read_rows: int = 0
    project: int | None = None
    reason: IgnoredReason | None = None
    score: int = 0  # the evidence for the role (labels, header, value patterns)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"role": self.role.value}
        for name in ("table", "paragraph", "page", "project"):
            if (v := getattr(self, name)) is not None:
                out[name] = v
        out["rows"], out["read_rows"], out["score"] = self.rows, self.read_rows, self.score
        if self.reason is not None:
            out["reason"] = self.reason.value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BlockReport:
        return cls(role=BlockRole(data["role"]), table=data.get("table"), paragraph=data.get("paragraph"),
                   page=data.get("page"), rows=int(data.get("rows", 0)), read_rows=int(data.get("read_rows", 0)),
                   project=data.get("project"), score=int(data.get("score", 0)),
                   reason=IgnoredReason(data["reason"]) if data.get("reason") else None)


@dataclass(frozen=True, slots=True)
class ReportWarning:
    """A typed warning: its code, where (page/table), and its numbers or texts."""

    code: WarningCode
    page: int | None = None
    table: int | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code.value}
        if self.page is not None:
            out["page"] = self.page
        if self.table is not None:
            out["table"] = self.table
        if self.params:
            out["params"] = dict(self.params)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportWarning:
        return cls(code=WarningCode(data["code"]), page=data.get("page"), table=data.get("table"),
                   params=dict(data.get("params") or {}))

    @property
    def serious(self) -> bool:
        """Warnings that mean content was (probably) lost; `--strict` fails on these."""
        return self.code in (WarningCode.NO_PROJECTS, WarningCode.FEWER_INDICATORS, WarningCode.TABLE_IGNORED)


@dataclass(slots=True)
class ImportReport:
    """Everything an import read, block by block, with counts and warnings."""

    blocks: list[BlockReport] = field(default_factory=list)
    tables: int = 0  # table grids in the file
    projects: int = 0
    indicator_rows: int = 0  # indicator rows read
    indicator_grid_rows: int = 0  # data rows the indicator grids hold (header rows excluded)
    fields: int = 0  # non-blank values read (header fields, plan, goals, indicator cells)
    warnings: list[ReportWarning] = field(default_factory=list)

    @property
    def serious_warnings(self) -> list[ReportWarning]:
        return [w for w in self.warnings if w.serious]

    def to_dict(self) -> dict[str, Any]:
        return {"tables": self.tables, "projects": self.projects, "indicator_rows": self.indicator_rows,
                "indicator_grid_rows": self.indicator_grid_rows, "fields": self.fields,
                "blocks": [b.to_dict() for b in self.blocks],
                "warnings": [w.to_dict() for w in self.warnings]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportReport:
        return cls(blocks=[BlockReport.from_dict(b) for b in data.get("blocks") or []],
                   tables=int(data.get("tables", 0)), projects=int(data.get("projects", 0)),
                   indicator_rows=int(data.get("indicator_rows", 0)),
                   indicator_grid_rows=int(data.get("indicator_grid_rows", 0)),
                   fields=int(data.get("fields", 0)),
                   warnings=[ReportWarning.from_dict(w) for w in data.get("warnings") or []])


# --- words --------------------------------------------------------------------------------
ROLE_NAMES: dict[BlockRole, str] = {
    BlockRole.PROJECT_HEADER: "项目表头", BlockRole.INDICATORS: "绩效指标表", BlockRole.PROJECT: "项目绩效目标表",
    BlockRole.BUDGET: "预算表", BlockRole.FRONT_TEXT: "部门整体绩效目标正文", BlockRole.TITLE: "标题/单位行",
    BlockRole.IGNORED: "未读取",
}
REASON_NAMES: dict[IgnoredReason, str] = {
    IgnoredReason.NO_EVIDENCE: "既无表头标签，也无指标表头或金额、编码等数值特征",
    IgnoredReason.TOC: "目录", IgnoredReason.EMPTY: "空白", IgnoredReason.OUTSIDE: "不属于模板的正文部分",
}


def place(page: int | None, table: int | None) -> str:
    """第3页 表2 (either part may be missing)."""
    parts = ([f"第{page}页"] if page is not None else []) + ([f"表{table + 1}"] if table is not None else [])
    return " ".join(parts)


def describe_block(block: BlockReport) -> str:
    """One line for a block: where, what it was read as, how much of it."""
    where = place(block.page, block.table) or (f"第{block.paragraph + 1}段起" if block.paragraph is not None else "")
    what = ROLE_NAMES[block.role]
    if block.role is BlockRole.IGNORED and block.reason is not None:
        what += f"（{REASON_NAMES[block.reason]}）"
    if block.project is not None:
        what += f"，第{block.project + 1}个项目"
    unit = "行" if block.table is not None else "段"
    return f"{where}：{what}，{block.rows}{unit}，读出{block.read_rows}{unit}"


def describe_warning(warning: ReportWarning, file_name: str = "") -> str:
    """The warning in Chinese, naming the file and the page/table."""
    p = warning.params
    where = place(warning.page, warning.table)
    head = f"{file_name}" + (f" {where}" if where else "")
    head = f"{head}：" if head else ""
    match warning.code:
        case WarningCode.NO_PROJECTS:
            text = f"文件中有{p.get('tables', 0)}张表格，但没有读出任何项目，请核对文件是否为预算绩效目标表。"
        case WarningCode.FEWER_INDICATORS:
            text = (f"指标表共有{p.get('grid_rows', 0)}行数据，只读出{p.get('read_rows', 0)}行指标，"
                    "可能有指标未被读取，请核对。")
        case WarningCode.TABLE_IGNORED:
            text = f"表格含有数据（{p.get('rows', 0)}行），但未能识别其用途，未读取。"
        case WarningCode.FUZZY_LABEL:
            text = f"标签“{p.get('label', '')}”按相似度（{p.get('score', 0)}分）识别为“{p.get('known', '')}”，请核对。"
        case WarningCode.PROJECT_WITHOUT_INDICATORS:
            text = f"项目“{p.get('project', '')}”没有读出绩效指标。"
        case WarningCode.ROTATED_PAGES:
            text = f"有{p.get('pages', 0)}页为旋转页面，已按正向读取。"
        case WarningCode.PDF_FALLBACK:
            text = (f"PDF 快速读取（PDFium）无法读取此文件（{p.get('reason', '')}），"
                    "已改用 pdfplumber 读取：内容相同，只是较慢。")
        case _:  # pragma: no cover - every code has its words above
            text = warning.code.value
    return head + text


def summary_line(report: ImportReport, file_name: str) -> str:
    """The one-line summary `import`/`parse` print per file."""
    line = (f"{file_name}：{report.projects}个项目，{report.indicator_rows}行指标，{report.fields}项内容"
            f"（{report.tables}张表格）")
    if report.serious_warnings:
        line += f"，{len(report.serious_warnings)}条警告"
    return line
