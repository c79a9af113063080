"""The change list: kinds, fields, values as written and what is not a change."""

from __future__ import annotations

import json

from core.compare import Cause, Change, ChangeKind, compare_documents, document_year
from tests.compare.builders import document, project, row


def kinds(changes) -> list[ChangeKind]:
    return [c.kind for c in changes]


def test_budget_changes_keep_the_text_as_written_and_ignore_the_unit() -> None:
    old = document([project("会议费", "13020025P001", budget="30.00")])
    same_in_yuan = document([project("会议费", "13020026P001", budget="300000.00", unit="元",
                                      rows=[*old_rows(old)])], year=2026, unit="元")
    changes = compare_documents(old, same_in_yuan).changes
    assert ChangeKind.BUDGET not in kinds(changes)
    assert {c.field for c in changes if c.kind is ChangeKind.PROJECT_FIELD} == {"money_unit"}
    moved = document([project("会议费", "13020026P001", budget="40.50")], year=2026)
    budget = [c for c in compare_documents(old, moved).changes if c.kind is ChangeKind.BUDGET]
    assert [(c.field, c.old, c.new, c.percent) for c in budget] == [
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
    assert changes[0] == Change(ChangeKind.YEAR, old=2025, new=2026)
    assert changes[0].to_dict() == {"kind": "year", "old": 2025, "new": 2026}
    by_kind = {c.kind: c for c in changes}
    text = by_kind[ChangeKind.TEXT]
    assert text.field == "overall_goal" and text.cause is Cause.YEAR_ROLLOVER
    assert by_kind[ChangeKind.PROJECT_CODE].cause is Cause.YEAR_ROLLOVER
    assert by_kind[ChangeKind.INDICATOR_FIELD].to_dict() == {
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
    assert [(c.kind, (c.indicator or {}).get("level3")) for c in changes
            if c.of_row] == [(ChangeKind.INDICATOR_REMOVED, "工作效率提升"),
                             (ChangeKind.INDICATOR_ADDED, "参会人次")]
    removed = next(c for c in changes if c.kind is ChangeKind.PROJECT_REMOVED)
    assert (removed.project, removed.code, removed.old_project, removed.new_project) == (
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
    assert {c.kind for c in result.project_changes(match)} == {ChangeKind.PROJECT_CODE, ChangeKind.INDICATOR_FIELD}
    row_changes = result.row_changes(match, 1, 1)
    assert [(c.field, c.cause) for c in row_changes] == [("value", Cause.TIGHTENED)]
    assert result.row_changes(match, 0, 0) == []
    assert result.to_json() == {"changes": [c.to_dict() for c in result.changes]}
    # Plain JSON: the kind and the cause as their strings, nothing that needs `default=str`.
    assert json.loads(json.dumps(result.to_json())) == result.to_json()
    assert {type(c[k]) for c in result.to_json()["changes"] for k in ("kind", "cause") if k in c} == {str}


def test_each_kind_gives_the_scorers_keys_and_no_others() -> None:
    # Last year's budget 0.00: a budget change without a percentage.
    old = document([project("会议费", "13020025P001", budget="0.00"),
                    project("车辆运行费", "13020025P002", rows=[row("车辆数", "5辆")])])
    new_project = project("会议费", "13020026P009", budget="40.50")
    new_project["indicators"].append(row("参会人次", "≥300人次"))
    new_project["indicators"][1]["value"] = "≥98%"
    del new_project["indicators"][4]
    new_project["usage"] = "用于保障会议"
    new = document([project("培训费", "13020026P003"), new_project], year=2026,
                   overall_goal="做好2026年度各项工作。")
    positions = ["old_project", "new_project"]
    rows = [*positions, "old_row", "new_row"]
    expected = {
        "year": ["kind", "old", "new"],
        "text": ["kind", "field", "old", "new", "cause"],
        "project_added": ["kind", "project", "code", "seq", *positions],
        "project_removed": ["kind", "project", "code", "seq", *positions],
        "project_code": ["kind", "project", "old", "new", "cause", *positions],
        "project_seq": ["kind", "project", "old", "new", *positions],
        "project_field": ["kind", "project", "field", "old", "new", "cause", *positions],
        "budget": ["kind", "project", "field", "old", "new", *positions],
        "indicator_field": ["kind", "project", "level1", "level2", "level3", "field", "old", "new", "cause", *rows],
        "indicator_added": ["kind", "project", "indicator", *rows],
        "indicator_removed": ["kind", "project", "indicator", *rows],
    }
    changes = compare_documents(old, new).changes
    assert {c.kind.value for c in changes} == set(expected) == set(ChangeKind)
    for change in changes:
        assert list(change.to_dict()) == expected[change.kind.value], change
        assert change.of_project == (change.kind not in (ChangeKind.YEAR, ChangeKind.TEXT))
    raised = Change(ChangeKind.BUDGET, project="会议费", field="budget_total", old="30.00", new="40.50",
                    percent="+35.0%", old_project=0, new_project=0)
    assert list(raised.to_dict()) == [*expected["budget"], "percent"]


def test_document_year_falls_back_on_the_codes() -> None:
    doc = document([project("会议费", "13020025P001"), project("培训费", "13020025P002")], year=None)
    assert document_year(doc) == 2025
    assert document_year(document([project("会议费", "XM-1")], year=None)) is None
