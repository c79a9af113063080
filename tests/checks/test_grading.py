"""Grading: score from findings by criterion and severity, bands, results and overrides."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.checks.grading import band_for, grade_document, grade_project, override_grade, result_for
from core.checks.settings import CheckSettings
from core.review import Band, Criterion, Finding, FindingState, Location, Result, Severity


def finding(check_id: str = "C1", severity: Severity = Severity.ERROR,
            criterion: Criterion = Criterion.APPROPRIATENESS, seq: int = 1,
            state: FindingState = FindingState.OPEN, reason: str | None = None) -> Finding:
    return Finding(check_id, severity, criterion, Location(project_seq=seq, field="budget_total"), "", "x",
                   state=state, reason=reason)


@pytest.mark.parametrize(("total", "band", "result"), [
    (100, Band.EXCELLENT, Result.PASS), (90, Band.EXCELLENT, Result.PASS),
    (89.9, Band.GOOD, Result.PASS_AFTER_CONSULTATION), (80, Band.GOOD, Result.PASS_AFTER_CONSULTATION),
    (79, Band.FAIR, Result.REVISE_AND_RESUBMIT), (60, Band.FAIR, Result.REVISE_AND_RESUBMIT),
    (59.5, Band.POOR, Result.REJECT), (0, Band.POOR, Result.REJECT),
])
def test_bands_and_results(total: float, band: Band, result: Result) -> None:
    assert band_for(total) is band and result_for(band) is result


def test_no_findings_is_full_marks() -> None:
    grade = grade_project([])
    assert grade.total == 100 and grade.band is Band.EXCELLENT and grade.result is Result.PASS
    assert set(grade.scores) == set(Criterion) and all(s == 25 for s in grade.scores.values())


def test_deductions_by_severity_and_criterion() -> None:
    grade = grade_project([finding(), finding("B2", Severity.WARNING, Criterion.RELEVANCE),
                           finding("D3", Severity.NOTE, Criterion.FEASIBILITY)])
    assert grade.scores[Criterion.APPROPRIATENESS] == 15 and grade.scores[Criterion.RELEVANCE] == 21
    assert grade.scores[Criterion.FEASIBILITY] == 24 and grade.total == 85 and grade.band is Band.GOOD


def test_dismissed_findings_import_artefacts_and_the_per_rule_cap() -> None:
    dismissed = finding(state=FindingState.DISMISSED, reason="已核实无误")
    artefact = finding("E4", criterion=Criterion.COMPLETENESS)
    assert grade_project([dismissed, artefact]).total == 100
    many = [finding() for _ in range(5)]
    assert grade_project(many).scores[Criterion.APPROPRIATENESS] == 5  # capped at two deductions
    assert grade_project(many, CheckSettings(max_deductions_per_rule=5)).scores[Criterion.APPROPRIATENESS] == 0


def test_editable_weights_still_give_a_0_100_score() -> None:
    settings = CheckSettings(criterion_weights={c.value: Decimal(10) for c in Criterion})
    assert grade_project([], settings).total == 100
    assert grade_project([finding(severity=Severity.WARNING)], settings).total == 90


def test_reviewer_override_wins() -> None:
    computed = grade_project([finding()] * 2)
    mine = override_grade(computed, band=Band.EXCELLENT, conclusion="经沟通已修改")
    assert mine.overridden and mine.result is Result.PASS and mine.total == computed.total
    assert grade_project([finding()] * 6, override=mine) is mine
    assert grade_project([], override=computed) is not computed  # a computed grade is recomputed
    explicit = override_grade(computed, band=Band.GOOD, result=Result.REVISE_AND_RESUBMIT)
    assert explicit.result is Result.REVISE_AND_RESUBMIT


def test_grade_document_by_project() -> None:
    grades = grade_document([finding(seq=2)], [1, 2])
    assert grades[1].total == 100 and grades[2].total == 90
