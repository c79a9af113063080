"""Export a department's projects, indicators, revisions and annotations to JSON or XLSX.

The JSON keeps every value's raw text and provenance (the glossary's names as keys);
the workbook has one sheet per kind of row, Chinese headers, for people who read it
in a spreadsheet. Both read the workspace only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from core.atomic_write import OutputError, atomic_output, check_outputs
from core.errors import WorkspaceError
from core.model import HEADER_FIELDS, INDICATOR_COLUMNS, Document, Field, Project
from core.store.records import DepartmentInfo, DocumentInfo, StoredAnnotation, StoredRevision
from core.store.workspace import Workspace
from core.xml_text import count_illegal, xml_safe

ExportFormat = Literal["json", "xlsx"]

_HEADER_ZH = {"code": "项目编码", "name": "项目名称", "budget_total": "预算数", "fiscal_funds": "财政资金",
              "other_funds": "其他资金", "usage": "资金用途", "goal": "绩效目标"}
_INDICATOR_ZH = {"level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "description": "绩效指标描述",
                 "value": "指标值", "basis": "指标值确定依据"}


def _field(value: Field | None) -> dict[str, Any] | None:
    return None if value is None else {"raw": value.raw, "prov": value.prov.to_dict()}


def _project_json(project: Project, project_id: int, indicator_ids: list[int]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": project_id, "seq": project.seq, "title": _field(project.title),
                            "unit": {"code": project.dept_code, "name": project.dept_name},
                            "money_unit": None if project.money_unit is None else project.money_unit.value}
    for name in HEADER_FIELDS:
        data[name] = _field(getattr(project, name))
    data["spending_plan"] = (None if project.spending_plan is None
                             else {k: _field(v) for k, v in project.spending_plan.items()})
    data["indicators"] = [
        {"id": ind_id, **{c: _field(ind.get(c)) for c in INDICATOR_COLUMNS},
         "extra": {k: _field(v) for k, v in ind.extra.items()}}
        for ind_id, ind in zip(indicator_ids, project.indicators, strict=True)]
    return data


def _revision_json(r: StoredRevision) -> dict[str, Any]:
    loc = r.revision.location
    return {"id": r.id, "project_id": r.project_id, "indicator_id": r.indicator_id,
            "location": {"project_seq": loc.project_seq, "field": loc.field, "indicator": loc.indicator,
                         "column": loc.column},
            "original": r.revision.original, "suggested": r.revision.suggested, "author": r.revision.author,
            "note": r.revision.note, "updated_at": r.updated_at.isoformat(timespec="seconds")}


def _annotation_json(a: StoredAnnotation) -> dict[str, Any]:
    loc = a.annotation.location
    return {"id": a.id, "project_id": a.project_id, "indicator_id": a.indicator_id,
            "location": {"project_seq": loc.project_seq, "field": loc.field, "indicator": loc.indicator,
                         "column": loc.column},
            "text": a.annotation.text, "author": a.annotation.author,
            "updated_at": a.updated_at.isoformat(timespec="seconds")}


def _gather(ws: Workspace, department: DepartmentInfo, year: int | None) -> list[tuple[
        DocumentInfo, Document, list[tuple[int, list[int]]], list[StoredRevision], list[StoredAnnotation]]]:
    out = []
    for info in ws.documents(department.id, year, current_only=True):
        doc = ws.load_document(info.id)
        ids = [(p.id, ws.project(p.id).indicator_ids) for p in ws.projects(info.id)]
        out.append((info, doc, ids, ws.revisions(info.id), ws.annotations(info.id)))
    return out


def department_data(ws: Workspace, department_id: int, year: int | None = None) -> dict[str, Any]:
    """The JSON-ready export of a department's current documents (of one year)."""
    department = ws.department(department_id)
    region = next((r.name for r in ws.regions() if r.id == department.region_id), "")
    documents = []
    for info, doc, ids, revisions, notes in _gather(ws, department, year):
        documents.append({
            "id": info.id, "year": info.year, "kind": info.kind, "source_name": info.source_name,
            "sha256": info.sha256, "imported_at": info.imported_at.isoformat(timespec="seconds"),
            "overall_goal": _field(doc.overall_goal),
            "projects": [_project_json(p, pid, ind_ids) for p, (pid, ind_ids) in zip(doc.projects, ids, strict=True)],
            "revisions": [_revision_json(r) for r in revisions],
            "annotations": [_annotation_json(a) for a in notes],
        })
    return {"region": region, "department": {"id": department.id, "code": department.code,
                                              "name": department.name}, "year": year, "documents": documents}


def export_department(ws: Workspace, department_id: int, path: str | Path, *, year: int | None = None,
                      fmt: ExportFormat = "json", notes: list[str] | None = None) -> Path:
    """Write the export file (whole or not at all, never over the workspace); returns its path.

    `notes` receives what the reader of the file should know, e.g. characters left out of
    the workbook because XML cannot hold them.
    """
    target = Path(path)
    check_outputs([("导出", target)], workspace=ws.path)
    data = department_data(ws, department_id, year)
    if not data["documents"]:
        raise WorkspaceError(f"部门 {data['department']['code']} {data['department']['name']}"
                             f"{'' if year is None else f' {year} 年'}在工作区中没有文档，没有可导出的内容。")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"无法创建保存位置 {target.parent}：{error.strerror or error}。没有写入任何文件。") from error
    with atomic_output(target) as temp:
        if fmt == "json":
            temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            clean = _write_xlsx(data, temp)
            if clean.dropped and notes is not None:
                notes.append(f"有 {clean.dropped} 个控制字符（来自 PDF 的不可见字符）无法写入 Excel 文件，已在导出时去掉"
                             "（垂直制表符、换页符换成空格）；工作区中的原值没有改动。")
            if clean.cut and notes is not None:
                notes.append(f"有 {clean.cut} 个单元格的文字超过 Excel 每格 {EXCEL_CELL_MAX_CHARS:,} 个字符的上限，"
                             f"已在导出时截断（以“{_CUT_MARK}”结尾）；工作区中的原值没有改动。")
    return target


def _raw(value: dict[str, Any] | None) -> str:
    return "" if value is None else str(value["raw"])


# Excel's limit for the text of one cell. openpyxl writes longer text, and Excel then calls
# the whole workbook damaged (a 1,000,001-digit amount did that).
EXCEL_CELL_MAX_CHARS = 32_767
_CUT_MARK = "…（已截断）"


class CellCleaner:
    """Makes every string of a sheet row writable into the workbook's XML and within Excel's
    cell limit; counts what it left out and the cells it cut."""

    def __init__(self) -> None:
        self.dropped = 0
        self.cut = 0

    def row(self, values: list[Any]) -> list[Any]:
        out = []
        for value in values:
            if isinstance(value, str):
                self.dropped += count_illegal(value)
                value = xml_safe(value)
                if len(value) > EXCEL_CELL_MAX_CHARS:
                    self.cut += 1
                    value = value[: EXCEL_CELL_MAX_CHARS - len(_CUT_MARK)] + _CUT_MARK
            out.append(value)
        return out


def _write_xlsx(data: dict[str, Any], target: Path) -> CellCleaner:
    """Write the workbook; returns what its cleaner left out (characters) and cut (cells)."""
    from openpyxl import Workbook

    clean = CellCleaner()
    book = Workbook()
    projects = book.active
    assert projects is not None
    projects.title = "项目"
    projects.append(["年度", "文件", "序号", "单位编码", "单位名称", *(_HEADER_ZH[f] for f in HEADER_FIELDS), "金额单位"])
    indicators = book.create_sheet("绩效指标")
    indicators.append(["年度", "项目序号", "项目名称", "行", *(_INDICATOR_ZH[c] for c in INDICATOR_COLUMNS)])
    revisions = book.create_sheet("修改建议")
    revisions.append(["年度", "项目序号", "字段", "指标行", "列", "原值", "建议值", "审核人", "说明"])
    annotations = book.create_sheet("批注")
    annotations.append(["年度", "项目序号", "字段", "指标行", "列", "批注", "审核人"])
    for doc in data["documents"]:
        for p in doc["projects"]:
            projects.append(clean.row([doc["year"], doc["source_name"], p["seq"], p["unit"]["code"],
                                       p["unit"]["name"], *(_raw(p[f]) for f in HEADER_FIELDS),
                                       p["money_unit"] or ""]))
            name = _raw(p["name"]) or _raw(p["title"])
            for row, ind in enumerate(p["indicators"], start=1):
                indicators.append(clean.row([doc["year"], p["seq"], name, row,
                                             *(_raw(ind[c]) for c in INDICATOR_COLUMNS)]))
        for r in doc["revisions"]:
            loc = r["location"]
            revisions.append(clean.row([doc["year"], loc["project_seq"], loc["field"], _row(loc["indicator"]),
                                        loc["column"], r["original"], r["suggested"], r["author"], r["note"]]))
        for a in doc["annotations"]:
            loc = a["location"]
            annotations.append(clean.row([doc["year"], loc["project_seq"], loc["field"], _row(loc["indicator"]),
                                          loc["column"], a["text"], a["author"]]))
    book.save(target)
    return clean


def _row(index: int | None) -> int | None:
    return None if index is None else index + 1
