"""The change list: kinds, fields, values as written and what is not a change."""

from __future__ import annotations

from core.compare import compare_documents, document_year
from tests.compare.builders import document, project, row


def kinds(changes) -> list[str]:
    return [c["kind"] for c in changes]


def test_budget_changes_keep_the_text_as_written_and_ignore_the_unit() -> None:
    old = document([project("会议费", "13020025P001", budget="30.00")])
    same_in_yuan = document([project("会议费", "13020026P001", budget="300000.00", unit="元",
                                      rows=[*old_rows(old)])], year=2026, unit="元")
    changes = compare_documents(old, same_in_yuan).changes
    assert "budget" not in kinds(changes)
    assert {c["field"] for c in changes if c["kind"] == "project_field"} == {"money_unit"}
    moved = document([project("会议费", "13020026P001", budget="40.50")], year=2026)
    budget = [c for c in compare_documents(old, moved).changes if c["kind"] == "budget"]
    assert [(c["field"], c["old"], c["new"], c["percent"]) for c in budget] == [
        ("budget_total", "30.00", "40.50", "+35.0%"), ("fiscal_funds", "30.00", "40.50", "+35.0%")]


def old_rows(doc):
    return [{"level1": i.level1.raw, "level2": i.level2.raw, "level3": i.level3.raw,
             "description": i.description.raw, "value": i.value.raw, "basis": i.basis.raw}
            for i in doc.projects[0].indicators]


def test_year_code_and_dates_roll_over() -> None:
    old = document([project("会议费", "13020025P001")])
    new_project = project("会议费", "13020026P001")
    new_project["indicators"][2]["value"] = "2026年12月31日前"
    new = document([new_project], year=2026, overall_goal="做好2026年度各项工作。")
    changes = compare_documents(old, new).changes
    assert changes[0] == {"kind": "year", "old": 2025, "new": 2026}
    by_kind = {c["kind"]: c for c in changes}
    assert by_kind["text"]["field"] == "overall_goal" and by_kind["text"]["cause"] == "year_rollover"
    assert by_kind["project_code"]["cause"] == "year_rollover"
    assert by_kind["indicator_field"] | {} == {
        "kind": "indicator_field", "project": "会议费", "level1": "产出指标", "level2": "时效指标",
        "level3": "完成时限", "field": "value", "old": "2025年12月31日前", "new": "2026年12月31日前",
        "cause": "year_rollover", "old_project": 0, "new_project": 0, "old_row": 2, "new_row": 2}
    assert len(changes) == 4


def test_added_and_removed_rows_and_projects_name_their_side() -> None:
    old = document([project("会议费", "13020025P001"), project("车辆运行费", "13020025P002",
                                                               rows=[row("车辆数", "5辆")])])
    new_project = project("会议费", "13020026P001")
    new_project["indicators"].append(row("参会人次", "≥300人次"))
    del new_project["indicators"][4]
    new = document([new_project], year=2026, overall_goal="做好2025年度各项工作。")
    changes = compare_documents(old, new).changes
    assert [(c["kind"], c.get("indicator", {}).get("level3")) for c in changes
            if c["kind"].startswith("indicator")] == [("indicator_removed", "工作效率提升"),
                                                      ("indicator_added", "参会人次")]
    removed = next(c for c in changes if c["kind"] == "project_removed")
    assert (removed["project"], removed["code"], removed["old_project"], removed["new_project"]) == (
        "车辆运行费", "13020025P002", 1, None)


def test_whitespace_alone_is_no_change() -> None:
    old = document([project("会议费", "13020025P001")])
    spaced = project("会议费 ", "13020025P001")
    spaced["indicators"][0]["description"] = "培训\n人数"
    spaced["usage"] = " 用于保障 工作"
    assert compare_documents(old, document([spaced])).changes == []


def test_comparison_gives_each_aligned_row_its_changes() -> None:
    old = document([project("会议费", "13020025P001")])
    new_project = project("会议费", "13020026P001")
    new_project["indicators"][1]["value"] = "≥98%"
    result = compare_documents(old, document([new_project], year=2026))
    match = result.matches[0]
    assert {c["kind"] for c in result.project_changes(match)} == {"project_code", "indicator_field"}
    row_changes = result.row_changes(match, 1, 1)
    assert [(c["field"], c["cause"]) for c in row_changes] == [("value", "tightened")]
    assert result.row_changes(match, 0, 0) == []
    assert result.to_json() == {"changes": result.changes}


def test_document_year_falls_back_on_the_codes() -> None:
    doc = document([project("会议费", "13020025P001"), project("培训费", "13020025P002")], year=None)
    assert document_year(doc) == 2025
    assert document_year(document([project("会议费", "XM-1")], year=None)) is None
