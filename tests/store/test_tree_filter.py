"""The tree filter and search pages, answered by the store over the whole workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.store import Workspace, search
from core.store.tree_filter import TreeMatch
from tests.store.tree_data import DUCHA_DEPARTMENT, DUCHA_PROJECTS, DUCHA_UNIT, document, fill


def _names(matches: list[TreeMatch]) -> list[tuple[str, str]]:
    return [(m.kind, m.name) for m in matches]


def test_the_filter_finds_departments_units_and_projects_across_the_workspace(ws: Workspace) -> None:
    fill(ws)
    page = ws.tree_matches("督查")
    # Tree order: 丙市 before 乙市; a department before what lies below other departments.
    assert _names(page.matches) == [("department", DUCHA_DEPARTMENT), ("project", DUCHA_PROJECTS[0]),
                                    ("project", DUCHA_PROJECTS[1]), ("unit", DUCHA_UNIT)]
    assert page.total == 4 and page.offset == 0
    unit = page.matches[3]
    assert unit.units_in_year == 2 and unit.year == 2025 and unit.unit_code == "103002"
    project = page.matches[1]
    assert project.project_id is not None and project.document_id is not None and project.year == 2025
    # The 本级 unit of 丙市督查局 repeats the department's name: it is not listed again.
    assert all(m.name != "丙市督查局本级" for m in page.matches)


def test_regions_codes_and_case(ws: Workspace) -> None:
    fill(ws)
    # A region's name matches; its departments and units, whose names repeat it, are not listed again.
    assert _names(ws.tree_matches("乙市").matches) == [("region", "乙市")]
    # Codes: the department 102 and its projects' codes (102…), not other departments' units.
    found = ws.tree_matches("102")
    assert ("department", "乙市交通局") in _names(found.matches)
    assert {m.kind for m in found.matches} == {"department", "project"}
    assert ws.tree_matches("25p0002").total == ws.tree_matches("25P0002").total == 3  # ASCII case ignored


def test_pages_join_up_and_the_total_stays(ws: Workspace) -> None:
    fill(ws)
    whole = ws.tree_matches("督查", limit=100)
    pages = [ws.tree_matches("督查", limit=1, offset=i) for i in range(whole.total)]
    assert [p.matches[0] for p in pages] == whole.matches
    assert {p.total for p in pages} == {4}
    past = ws.tree_matches("督查", limit=10, offset=10)
    assert past.matches == [] and past.total == 4
    assert ws.tree_matches("", limit=10).total == 0 and ws.tree_matches("   ").matches == []
    assert ws.tree_matches("没有这个名称").total == 0


def test_like_wildcards_are_plain_characters(ws: Workspace) -> None:
    fill(ws)
    ws.import_document(document(9, "丁市", "109", "丁市100%_办", [("项目_a%", "109001", "本级")]), b"x", "x.docx")
    assert _names(ws.tree_matches("%").matches) == [("department", "丁市100%_办"), ("project", "项目_a%")]
    assert _names(ws.tree_matches("_a").matches) == [("project", "项目_a%")]


def test_only_the_current_version_of_a_document_matches(ws: Workspace) -> None:
    fill(ws)
    # A new version of 乙市交通局 2025 without the 督查 projects replaces the old one.
    ws.import_document(document(2, "乙市", "102", "乙市交通局", [("热线运行", "102001", "乙市交通局本级")]),
                       b"new version", "new.docx")
    assert _names(ws.tree_matches("督查").matches) == [("department", DUCHA_DEPARTMENT), ("unit", DUCHA_UNIT)]


def test_search_pages_count_and_join_up(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(ws)
    everything = ws.search("督查", limit=1000)
    assert len(everything) >= 2
    first = ws.search_page("督查", limit=1)
    assert first.total == len(everything) and not first.capped and len(first.hits) == 1
    joined = [hit for i in range(first.total) for hit in ws.search_page("督查", limit=1, offset=i).hits]
    assert joined == everything
    assert ws.search_page("督查", limit=5, offset=first.total).hits == []
    monkeypatch.setattr(search, "COUNT_CAP", 1)
    capped = ws.search_page("督查", limit=5)
    assert capped.capped and capped.total == 1 and len(capped.hits) == 1


def test_closing_in_the_background_frees_the_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    ws = Workspace.open(path)
    fill(ws)
    ws.close(background=True)
    with Workspace.open(path) as again:  # the lock was released before the backup was written
        assert again.tree_matches("督查").total == 4
    assert ws.wait_closed(60) and not ws.backing_up
    backups = ws.backups()
    assert len(backups) == 1 and ws.close_problem is None
    with Workspace.open(backups[0], readonly=True) as copy:
        assert copy.tree_matches("督查").total == 4
    assert not list(backups[0].parent.glob("*.tmp"))
