"""Search (trigram FTS on SQLite, ILIKE on PostgreSQL) and the department export."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from core.model import Field
from core.review import Location
from core.store import Workspace
from core.store.export import export_department
from tests.store.factory import make_document


def _doc_with(name: str, goal: str, level3: str, seed: int, **kw: object):  # type: ignore[no-untyped-def]
    doc = make_document(seed, projects=2, **kw)  # type: ignore[arg-type]
    doc.projects[0].name = Field(name)
    doc.projects[0].goal = Field(goal)
    doc.projects[1].indicators[0].level3 = Field(level3)
    return doc


def test_search_finds_chinese_substrings_in_names_goals_and_indicators(ws: Workspace) -> None:
    ws.import_document(_doc_with("12345政务服务便民热线运行经费", "保障热线7×24小时运行", "来电接通率", 1), b"a", "a.docx")
    ws.import_document(_doc_with("档案数字化项目", "完成档案数字化", "Web_系统%可用率", 2, dept_code="200"),
                       b"b", "b.docx")
    assert {(h.field, h.text) for h in ws.search("便民热线")} == {("name", "12345政务服务便民热线运行经费")}
    assert [h.field for h in ws.search("24小时")] == ["goal"]
    hit = ws.search("接通率")[0]
    assert hit.indicator_id is not None and hit.field == "level3" and hit.department == "唐山市人民政府办公室"
    assert next(h.text for h in ws.search("热线")).startswith("12345")  # two characters: the LIKE path
    assert [h.text for h in ws.search("通率")] == ["来电接通率"]  # at the end of a field
    assert [h.text for h in ws.search("WE")] == ["Web_系统%可用率"]
    assert [h.text for h in ws.search("web_系统%")] == ["Web_系统%可用率"]  # wildcards are plain text
    assert [h.text for h in ws.search("_")] == ["Web_系统%可用率"]
    assert len(ws.search("项目", limit=1)) == 1
    assert ws.search("   ") == []


def test_search_skips_replaced_versions_unless_asked(ws: Workspace) -> None:
    ws.import_document(_doc_with("旧名称的项目", "g", "x", 1), b"v1", "v1.docx")
    ws.import_document(_doc_with("新名称的项目", "g", "x", 1), b"v2", "v2.docx")
    assert [h.text for h in ws.search("名称的项目")] == ["新名称的项目"]
    assert len(ws.search("名称的项目", current_only=False)) == 2


def test_export_json_and_xlsx(ws: Workspace, tmp_path: Path) -> None:
    doc = make_document(5, projects=2)
    document_id = ws.import_document(doc, b"e", "e.docx").document_id
    assert document_id is not None
    ws.set_revision(document_id, Location(project_seq=1, indicator=0, column="value"), "≥100%", author="王五")
    ws.add_annotation(document_id, Location(project_seq=2, field="goal"), "目标需量化")
    department = ws.departments(ws.regions()[0].id)[0].id
    data = json.loads(export_department(ws, department, tmp_path / "d.json").read_text(encoding="utf-8"))
    exported = data["documents"][0]
    assert data["department"]["code"] == "113"
    assert exported["projects"][0]["indicators"][0]["value"]["raw"] == doc.projects[0].indicators[0].value.raw
    assert exported["projects"][0]["name"]["prov"] == doc.projects[0].name.prov.to_dict()
    assert exported["revisions"][0]["suggested"] == "≥100%"
    assert exported["annotations"][0]["text"] == "目标需量化"
    book = load_workbook(export_department(ws, department, tmp_path / "d.xlsx", fmt="xlsx"))
    assert book.sheetnames == ["项目", "绩效指标", "修改建议", "批注"]
    assert book["项目"].max_row == 3
    assert book["绩效指标"].max_row == 1 + sum(len(p.indicators) for p in doc.projects)
    assert book["修改建议"]["G2"].value == "≥100%"
    assert book["批注"]["F2"].value == "目标需量化"
