"""Group F checks (年度对比): each must fire on its case and stay silent on the near miss."""

from __future__ import annotations

import copy

from core.checks.registry import get_check, run_checks
from core.checks.settings import DEFAULT_SETTINGS
from core.model import Document
from tests.compare.builders import document, project, row

F_IDS = ("F1", "F2", "F3", "F4", "F5")


def last_year() -> dict:
    return project("会议费", "13020025P001", budget="100.00")


def this_year(**changes) -> dict:
    p = last_year()
    p["code"] = "13020026P001"
    p["indicators"][2]["value"] = "2026年12月31日前"  # dates rolled over, as a fresh table would have
    p.update(changes)
    return p


def findings(old: dict, new: dict, check_id: str, settings=DEFAULT_SETTINGS) -> list:
    previous = document([copy.deepcopy(old)])
    current = document([copy.deepcopy(new)], year=2026)
    return run_checks(current, settings, previous=previous, only={check_id})


def test_group_f_is_registered_and_needs_the_previous_year() -> None:
    for check_id in F_IDS:
        check = get_check(check_id)
        assert check.needs_previous and check.severity.value in "EWI"
    # Without last year's document the registry does not run them at all.
    assert run_checks(document([last_year()]), only=set(F_IDS)) == []


def test_f1_a_target_lowered_while_the_budget_rose() -> None:
    new = this_year(budget_total="120.00", fiscal_funds="120.00")
    new["indicators"][1]["value"] = "≥90%"  # was ≥95%
    found = findings(last_year(), new, "F1")
    assert len(found) == 1
    hit = found[0]
    assert (hit.location.indicator, hit.location.column, hit.quote) == (1, "value", "≥90%")
    assert "≥95%" in hit.message and "+20.0%" in hit.message and hit.suggestion == "≥95%"


def test_f1_silent_when_the_budget_fell_or_the_target_rose() -> None:
    fell = this_year(budget_total="80.00", fiscal_funds="80.00")
    fell["indicators"][1]["value"] = "≥90%"
    assert findings(last_year(), fell, "F1") == []
    rose = this_year(budget_total="120.00", fiscal_funds="120.00")
    rose["indicators"][1]["value"] = "≥98%"
    assert findings(last_year(), rose, "F1") == []


def test_f2_budget_moved_but_no_target_did() -> None:
    new = this_year(budget_total="130.00", fiscal_funds="130.00")
    found = findings(last_year(), new, "F2")
    assert [(f.location.field, f.quote) for f in found] == [("budget_total", "130.00")]
    assert "+30.0%" in found[0].message


def test_f2_silent_within_the_threshold_or_when_targets_moved() -> None:
    assert findings(last_year(), this_year(budget_total="115.00", fiscal_funds="115.00"), "F2") == []
    moved = this_year(budget_total="130.00", fiscal_funds="130.00")
    moved["indicators"][0]["value"] = "150人"
    assert findings(last_year(), moved, "F2") == []
    # The threshold is a setting.
    strict = DEFAULT_SETTINGS.replace(yearly_budget_change=DEFAULT_SETTINGS.yearly_budget_change / 4)
    assert len(findings(last_year(), this_year(budget_total="115.00", fiscal_funds="115.00"), "F2",
                        strict)) == 1


def test_f3_indicator_count_dropped_by_more_than_a_third() -> None:
    new = this_year()
    new["indicators"] = new["indicators"][:3]  # 6 → 3
    found = findings(last_year(), new, "F3")
    assert [f.quote for f in found] == ["6→3"]


def test_f3_silent_for_a_drop_of_a_third_or_less() -> None:
    new = this_year()
    new["indicators"] = new["indicators"][:4]  # 6 → 4: exactly a third
    assert findings(last_year(), new, "F3") == []


def test_f4_a_table_copied_from_last_year() -> None:
    copied = last_year()
    copied["code"] = "13020026P001"
    found = findings(last_year(), copied, "F4")
    whole = [f for f in found if f.location.indicator is None]
    assert [f.quote for f in whole] == ["36/36"]
    # …and the date in it is still last year's.
    stale = [f for f in found if f.location.indicator is not None]
    assert [(f.location.indicator, f.location.column, f.quote, f.suggestion) for f in stale] == [
        (2, "value", "2025年12月31日前", "2026年12月31日前")]


def test_f4_silent_for_a_table_brought_up_to_date() -> None:
    new = this_year()
    new["indicators"][0]["value"] = "150人"
    new["indicators"][1]["basis"] = "上年完成情况"
    assert findings(last_year(), new, "F4") == []


def test_f5_an_outcome_indicator_dropped_without_replacement() -> None:
    new = this_year()
    del new["indicators"][5]  # the 满意度 row
    found = findings(last_year(), new, "F5")
    assert [f.quote for f in found] == ["服务对象满意度"]
    assert "满意度指标" in found[0].message


def test_f5_silent_when_replaced_or_when_an_output_row_goes() -> None:
    replaced = this_year()
    replaced["indicators"][5] = row("群众评价满意率", "≥92%", "服务对象满意度指标", "满意度指标")
    assert findings(last_year(), replaced, "F5") == []
    output_gone = this_year()
    del output_gone["indicators"][0]
    assert findings(last_year(), output_gone, "F5") == []


def test_group_f_runs_with_the_other_checks_on_a_generated_pair() -> None:
    from tests.compare.scoring import load_truth, truth_named
    from tests.compare.truthdoc import document_from_truth
    from tests.fixtures.nextyear import next_year

    truth = load_truth(truth_named("2025_lunan_shenpiju"))
    new_truth, known = next_year(truth, 2)
    previous: Document = document_from_truth(truth)
    found = run_checks(document_from_truth(new_truth), previous=previous)
    assert all(f.location.project_seq is not None for f in found if f.check_id in F_IDS)
    # Every loosened target in a project whose budget rose is an F1 finding.
    rose = {c["project"] for c in known if c["kind"] == "budget" and c["field"] == "budget_total"
            and float(c["new"]) > float(c["old"])}
    loosened = [c for c in known if c.get("cause") == "loosened" and c["project"] in rose]
    assert len([f for f in found if f.check_id == "F1"]) == len(loosened)


def test_last_years_budget_of_zero_does_not_abort_the_checks() -> None:
    """Issue 16: a budget of 0.00 last year made F1 divide by zero and `check` abort."""
    old = project("会议费", "13020025P001", budget="0.00")
    new = this_year(budget_total="120.00", fiscal_funds="120.00")
    new["indicators"][1]["value"] = "≥90%"  # was ≥95%
    found = findings(old, new, "F1")
    assert len(found) == 1 and "上年为 0" in found[0].message
    for check_id in F_IDS:  # and none of the group stumbles over it, either way round
        findings(old, new, check_id)
        findings(new, old, check_id)
