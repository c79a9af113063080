"""How findings reach the reviewer: 共性问题 folding, no contradicting findings on one cell,
a failing rule that does not stop the others, and grades that weigh substance."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.checks.grading import grade_project
from core.checks.noise import COMMON_FIELD, resolve_conflicts
from core.checks.registry import _REGISTRY, CheckContext, Hit, register, run_checks
from core.checks.settings import DEFAULT_SETTINGS
from core.messages import msg
from core.review import Band, Criterion, Finding, Location, Severity
from tests.checks.factory import document, project, with_row


def test_a_remark_on_every_project_is_one_department_finding() -> None:
    generic = {"basis": "根据实际工作情况"}
    projects = [project(seq=n, code=f"13020025P0000000000{n}A", name=f"项目{n}") for n in (1, 2, 3)]
    for p in projects:
        for index in range(len(p.indicators)):
            p.indicators[index] = with_row(p, index, **generic).indicators[index]
    findings = [f for f in run_checks(document(*projects), only={"D3"})]
    assert len(findings) == 1
    folded = findings[0]
    assert folded.location.project_seq is None and folded.location.field == COMMON_FIELD
    assert folded.params["count"] == 3 and folded.params["projects"] == "项目1、项目2、项目3"
    assert "3个项目" in folded.text("zh") and "3 of 3 projects" in folded.text("en")


def test_a_remark_on_one_project_of_three_stays_with_that_project() -> None:
    projects = [project(seq=n, code=f"13020025P0000000000{n}A", name=f"项目{n}") for n in (1, 2, 3)]
    rows = projects[0]
    for index in range(len(rows.indicators)):
        rows.indicators[index] = with_row(rows, index, basis="根据实际工作情况").indicators[index]
    findings = run_checks(document(*projects), only={"D3"})
    assert [(f.location.project_seq, f.key) for f in findings] == [(1, "D3")]


def _finding(rule: str, suggestion: str | None, column: str = "value") -> Finding:
    return Finding(rule, Severity.WARNING, Criterion.APPROPRIATENESS,
                   Location(project_seq=1, indicator=0, column=column), "≥95%", "R", {"text": rule},
                   suggestion=suggestion)


def test_two_findings_on_one_cell_never_contradict_the_more_specific_wins() -> None:
    # C6 says "≥100%" can only be "100%"; C5 would only fix the unit's spelling
    kept = resolve_conflicts([_finding("C5", "≥100%"), _finding("C6", "100%")], DEFAULT_SETTINGS)
    assert [f.check_id for f in kept] == ["C6"]
    # G6 (pay it in full: 100%) over B4 (drop the row as a fiscal-management indicator)
    kept = resolve_conflicts([_finding("B4", None, "level3"), _finding("G6", "100%")], DEFAULT_SETTINGS)
    assert [f.check_id for f in kept] == ["G6"]
    # the same suggestion, or findings on different rows, do not conflict
    same = [_finding("C5", "100%"), _finding("C6", "100%")]
    assert resolve_conflicts(same, DEFAULT_SETTINGS) == same


@pytest.mark.expect_log_errors
def test_a_rule_that_fails_on_one_project_reports_it_and_the_others_still_run() -> None:
    @register("Z9", Severity.WARNING, Criterion.APPROPRIATENESS, "测试用：第2个项目出错")
    def fails_on_second(ctx: CheckContext) -> Iterator[Hit]:
        for seq, p in ctx.projects():
            if seq == 2:
                raise ZeroDivisionError("上年预算数为0")
            yield ctx.project_hit(seq, p, "", msg("R", text="ok"))

    try:
        doc = document(project(seq=1), project(seq=2, code="13020025P00000000002B", name="第二个"),
                       project(seq=3, code="13020025P00000000003C", name="第三个"))
        findings = run_checks(doc, only={"Z9", "C1"})
        z9 = sorted((f.location.project_seq, f.key) for f in findings if f.check_id == "Z9")
        assert z9 == [(1, "R"), (2, "internal_error"), (3, "R")]
        broken = next(f for f in findings if f.key == "internal_error")
        assert "Z9" in broken.text("zh") and "ZeroDivisionError" in broken.text("en")
        assert grade_project([broken]).total == 100  # a rule that could not run costs the author nothing
    finally:
        _REGISTRY.pop("Z9", None)


def test_g1_or_g2_keeps_a_project_out_of_the_top_band() -> None:
    def one(rule: str) -> Finding:
        return Finding(rule, Severity.WARNING, Criterion.RELEVANCE, Location(project_seq=1, field="indicators"),
                       "", "R", {"text": rule})

    assert grade_project([one("G1")]).band is Band.GOOD  # 100 − 4×3 = 88
    assert grade_project([one("G2")]).band is Band.GOOD
    assert grade_project([one("B2")]).band is Band.EXCELLENT  # 100 − 4 = 96
    assert grade_project([one("B2"), one("B2")]).total == 92
