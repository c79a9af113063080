"""Project and indicator matching: code without year digits, fuzzy names, indicator overlap, corrections."""

from __future__ import annotations

from core.compare.match import (
    Corrections,
    MatchReason,
    align,
    code_key,
    corrections_from_pairs,
    match_indicators,
    match_projects,
)
from core.model import Field, Indicator
from tests.compare.builders import default_rows, document, project, row


def pairs(matches) -> list[tuple[int | None, int | None, str]]:
    return [(m.old, m.new, m.reason.value) for m in matches]


def test_code_key_sets_the_year_digits_aside() -> None:
    assert code_key("13020025P00684114012R") == code_key("13020026P00684114012R") == "130200P00684114012R"
    assert code_key(" 13020025p00684114012r ") == "130200P00684114012R"
    assert code_key("13020025P00684114012R") != code_key("13020125P00684114012R")  # another region
    assert code_key("XM-001") == "XM-001"
    assert code_key("") is None and code_key(None) is None


def test_projects_match_by_code_across_years_even_when_reordered_and_renamed() -> None:
    old = document([project("会议费", "13020025P001"), project("培训费", "13020025P002")])
    new = document([project("培训专项费", "13020026P002"), project("会议费", "13020026P001")], year=2026)
    matches = match_projects(old, new)
    assert pairs(matches) == [(1, 0, "code"), (0, 1, "code")]
    assert matches[0].confidence < 1.0 == matches[1].confidence  # renamed: a little less certain


def test_a_recoded_project_matches_by_name() -> None:
    old = document([project("档案数字化加工服务费", "13020025P001")])
    new = document([project("档案数字化加工服务费", "13020026P999")], year=2026)
    assert pairs(match_projects(old, new)) == [(0, 0, "name")]


def test_a_loosely_similar_name_needs_agreeing_indicators() -> None:
    rows_a = [row("会议次数", "≥4次"), row("会议出勤率", "≥95%", "质量指标")]
    rows_b = [row("培训人次", "≥200人次"), row("培训合格率", "≥98%", "质量指标")]
    old = document([project("热线中心会议费", "A1", rows=rows_a)])
    # Same kind of name, different project: the indicator tables disagree, so no match.
    new = document([project("热线中心培训费", "B1", rows=rows_b)], year=2026)
    assert pairs(match_projects(old, new)) == [(None, 0, "unmatched"), (0, None, "unmatched")]
    # Same name pattern and the same indicators: a rename.
    renamed = document([project("热线中心会务费", "B1", rows=rows_a)], year=2026)
    assert pairs(match_projects(old, renamed)) == [(0, 0, "name")]


def test_projects_renamed_beyond_recognition_match_by_their_indicators() -> None:
    old = document([project("办公楼维修", "A1"), project("车辆运行", "A2", rows=[row("车辆数", "5辆")])])
    new = document([project("机关后勤综合保障", "B7")], year=2026)
    matches = match_projects(old, new)
    assert pairs(matches) == [(0, 0, "indicators"), (1, None, "unmatched")]
    assert 0 < matches[0].confidence < 1


def test_reviewer_corrections_force_and_forbid() -> None:
    old = document([project("会议费", "13020025P001"), project("培训费", "13020025P002")])
    new = document([project("会议费", "13020026P001"), project("培训费", "13020026P002")], year=2026)
    forced = match_projects(old, new, Corrections(force=[(0, 1)]))
    assert (0, 1, "reviewer") in pairs(forced)
    assert all(m.confidence == 1.0 for m in forced if m.reason is MatchReason.REVIEWER)
    forbidden = match_projects(old, new, Corrections(forbid=[(0, 0)]))
    assert (0, 0, "code") not in pairs(forbidden) and (1, 1, "code") in pairs(forbidden)
    assert {(m.old, m.new) for m in forbidden if not m.matched} == {(0, None), (None, 0)}


def test_out_of_range_corrections_are_ignored() -> None:
    old = document([project("会议费", "13020025P001")])
    new = document([project("会议费", "13020026P001")], year=2026)
    assert pairs(match_projects(old, new, Corrections(force=[(5, 0)]))) == [(0, 0, "code")]


def test_duplicate_codes_fall_back_to_names() -> None:
    old = document([project("会议费", "13020025P001"), project("培训费", "13020025P001")])
    new = document([project("培训费", "13020026P001"), project("会议费", "13020026P001")], year=2026)
    assert sorted(pairs(match_projects(old, new))) == [(0, 1, "name"), (1, 0, "name")]


def test_alignment_puts_one_sided_items_where_they_stood() -> None:
    assert align(3, 3, [(0, 0), (2, 1)]) == [(0, 0), (1, None), (2, 1), (None, 2)]
    assert align(2, 0, []) == [(0, None), (1, None)]
    assert align(0, 2, []) == [(None, 0), (None, 1)]


def _indicators(rows) -> list[Indicator]:
    return [Indicator(*(Field(r[k]) for k in ("level1", "level2", "level3", "description", "value", "basis")))
            for r in rows]


def test_indicators_match_by_levels_then_fuzzy_within_the_level2() -> None:
    old = _indicators(default_rows())
    new_rows = default_rows()
    new_rows[0] = row("培训人数情况", "120人")  # slightly reworded 三级
    new_rows[1] = row("验收合格率", "≥95%", "时效指标")  # same words, another 二级: not the same row
    matches = match_indicators(old, _indicators(new_rows))
    reasons = {(m.old, m.new): m.reason.value for m in matches}
    assert reasons[(0, 0)] == "fuzzy"
    assert reasons[(1, None)] == "unmatched" and reasons[(None, 1)] == "unmatched"
    assert all(reasons[(k, k)] == "key" for k in range(2, 6))


def test_repeated_indicator_names_pair_in_order() -> None:
    rows = [row("完成率", "≥90%"), row("完成率", "≥95%"), row("完成率", "100%", "时效指标")]
    matches = match_indicators(_indicators(rows), _indicators(rows))
    assert [(m.old, m.new, m.reason.value) for m in matches] == [(0, 0, "key"), (1, 1, "key"), (2, 2, "key")]


def test_corrections_from_the_workspace_pairs() -> None:
    corrections = corrections_from_pairs([(11, 22), (12, None), (None, 23), (99, 21)],
                                         old_keys=[10, 11, 12], new_keys=[21, 22, 23])
    assert corrections.force == [(1, 1)]
    assert set(corrections.forbid) == {(2, 0), (2, 1), (2, 2), (0, 2), (1, 2), (2, 2)}
    old = document([project("会议费", "13020025P001"), project("培训费", "13020025P002")])
    new = document([project("会议费", "13020026P001"), project("培训费", "13020026P002")], year=2026)
    unmatched = match_projects(old, new, corrections_from_pairs([(1, None)], [0, 1], [0, 1]))
    assert pairs(unmatched) == [(0, 0, "code"), (None, 1, "unmatched"), (1, None, "unmatched")]
