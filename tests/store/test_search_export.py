"""Search (trigram FTS on SQLite, ILIKE on PostgreSQL) and the department export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.model import Document, Field
from core.review import Location
from core.store import Workspace, search, sqlite_specific
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


def _many(ws: Workspace) -> None:
    """Six departments whose projects and indicators name 督查, 信息化… often, and a replaced version."""
    for seed in range(6):
        ws.import_document(make_document(seed, dept_code=f"3{seed:02d}", projects=5), f"m{seed}".encode(),
                           f"m{seed}.docx")
    ws.import_document(make_document(0, dept_code="300", projects=3), b"m0 v2", "m0-v2.docx")


@pytest.mark.parametrize("query", ["督查", "信息化", "率"])  # short (1, 2 characters) and trigram queries
def test_search_pages_join_up_to_one_big_query(ws: Workspace, query: str) -> None:
    _many(ws)
    for current_only in (True, False):
        whole = ws.search_page(query, limit=10_000, current_only=current_only)
        assert whole.hits == ws.search(query, 10_000, current_only=current_only) and not whole.capped
        assert whole.total == len(whole.hits) >= 10
        assert len({(h.project_id, h.indicator_id) for h in whole.hits}) == whole.total  # no duplicates
        if query != "率":  # names of projects have no 率: its hits are all indicators
            assert {h.indicator_id is None for h in whole.hits} == {True, False}  # both parts
        for size in (1, 2, 3, 7, whole.total - 1):
            pages = [ws.search_page(query, size, offset, current_only=current_only)
                     for offset in range(0, whole.total, size)]
            assert [h for page in pages for h in page.hits] == whole.hits  # same order, no gap
            assert {page.total for page in pages} == {whole.total}
        assert ws.search_page(query, 5, whole.total, current_only=current_only).hits == []


def test_capped_search_pages_end_at_the_cap(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _many(ws)
    whole = ws.search_page("督查", limit=10_000).hits
    projects = sum(1 for h in whole if h.indicator_id is None)
    for cap in (projects - 1, projects, projects + 2):  # the cap among the projects, at their end, beyond
        monkeypatch.setattr(search, "COUNT_CAP", cap)
        first = ws.search_page("督查", 3)
        assert first.capped and first.total == cap
        pages = [first, *(ws.search_page("督查", 3, offset) for offset in range(3, cap + 3, 3))]
        assert [h for page in pages for h in page.hits] == whole[:cap]


def _spy_on_counts(monkeypatch: pytest.MonkeyPatch, then: Callable[[], None] = lambda: None) -> list[str]:
    """The queries counted from now on (on SQLite's index or portably); `then` runs after each count."""
    counted: list[str] = []
    real_fts, real_portable = sqlite_specific.search_counts, search._portable_counts

    def count_fts(conn, query, cap, *, current_only):  # type: ignore[no-untyped-def]
        counted.append(query)
        found = real_fts(conn, query, cap, current_only=current_only)
        then()
        return found

    def count_portable(conn, query, cap, *, current_only):  # type: ignore[no-untyped-def]
        counted.append(query)
        found = real_portable(conn, query, cap, current_only=current_only)
        then()
        return found

    monkeypatch.setattr(sqlite_specific, "search_counts", count_fts)
    monkeypatch.setattr(search, "_portable_counts", count_portable)
    return counted


def _new_ducha_document(seed: int) -> Document:
    doc = make_document(seed, dept_code=f"3{seed:02d}", projects=2)
    doc.projects[0].name = Field("督查新项目")
    return doc


def test_a_query_is_counted_once_while_paging_and_again_after_a_change(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _many(ws)
    counted = _spy_on_counts(monkeypatch)
    first = ws.search_page("督查", 4)
    later = [ws.search_page("督查", 4, offset) for offset in range(4, first.total, 4)]
    assert counted == ["督查"]  # the next pages reuse the first page's count
    assert all(page.total == first.total for page in later)
    ws.search_page("信息化", 4)
    ws.search_page("信息化", 4, 4)
    assert counted == ["督查", "信息化"]  # a new query is counted, once
    ws.search_page("督查", 4)
    assert counted == ["督查", "信息化", "督查"]  # a first page always counts
    ws.search_page("督查", 4, 4, current_only=False)
    assert counted[-1] == "督查" and len(counted) == 4  # all versions: another count

    # A change to the workspace: the next page counts again, and pages on over the new hits.
    ws.search_page("督查", 4)
    ws.import_document(_new_ducha_document(9), b"new", "new.docx")
    before = len(counted)
    page = ws.search_page("督查", 4, 4)
    assert len(counted) == before + 1 and page.total > first.total
    rest = [ws.search_page("督查", 4, offset) for offset in range(8, page.total, 4)]
    assert len(counted) == before + 1
    joined = [*ws.search_page("督查", 4).hits, *page.hits, *(h for p in rest for h in p.hits)]
    assert joined == ws.search("督查", 10_000)


def test_a_count_taken_while_a_write_commits_is_not_reused(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _many(ws)
    writes = [lambda: ws.import_document(_new_ducha_document(9), b"new", "new.docx")]
    # The first count reads the workspace as it was; the import commits before its page is done.
    counted = _spy_on_counts(monkeypatch, lambda: writes.pop()() if writes else None)
    first = ws.search_page("督查", 4)
    second = ws.search_page("督查", 4, 4)
    assert counted == ["督查", "督查"] and first.total < second.total == len(ws.search("督查", 10_000))
    ws.search_page("督查", 4, 8)
    assert len(counted) == 2  # counted after the import: kept


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
