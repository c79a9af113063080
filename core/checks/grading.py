"""Grading (评分): a project's 0–100 score from its findings, the band and the result.

Each criterion (完整性/相关性/适当性/可行性) starts at its weight (25 by default) and loses
the deduction of each open or accepted finding by severity, times the rule's weight
(`rule_weights`: G1 and G2, the table not measuring the money, weigh 3, so one such
problem, 12 points, keeps a project out of 优); a dismissed finding
costs nothing, a rule costs at most `max_deductions_per_rule` times per project,
and import artefacts (E4) are never the author's fault. Bands and results follow
../shared/CHECKS.md. A reviewer's own grade (`Grade.overridden`) always wins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal

from core.checks.settings import DEFAULT_SETTINGS, CheckSettings
from core.review import Band, Criterion, Finding, FindingState, Grade, Result

# Lower bound of each band, best first, and the result each band leads to.
BANDS: tuple[tuple[Decimal, Band, Result], ...] = (
    (Decimal(90), Band.EXCELLENT, Result.PASS),
    (Decimal(80), Band.GOOD, Result.PASS_AFTER_CONSULTATION),
    (Decimal(60), Band.FAIR, Result.REVISE_AND_RESUBMIT),
    (Decimal(0), Band.POOR, Result.REJECT),
)
RESULT_OF_BAND: dict[Band, Result] = {band: result for _, band, result in BANDS}


def band_for(total: Decimal | float) -> Band:
    """优 90–100, 良 80–89, 中 60–79, 差 below 60."""
    value = Decimal(str(total))
    for lower, band, _ in BANDS:
        if value >= lower:
            return band
    return Band.POOR


def result_for(band: Band) -> Result:
    return RESULT_OF_BAND[band]


def grade_project(findings: Iterable[Finding], settings: CheckSettings | None = None,
                  override: Grade | None = None) -> Grade:
    """The grade of one project from its findings (pass only that project's findings).

    When `override` is a reviewer's grade (`overridden=True`) it is returned unchanged.
    """
    if override is not None and override.overridden:
        return override
    settings = settings or DEFAULT_SETTINGS
    deductions = {c: Decimal(0) for c in Criterion}
    counted: Counter[str] = Counter()
    for finding in findings:
        if finding.state is FindingState.DISMISSED or finding.check_id in settings.ungraded_checks \
                or finding.key == "internal_error":
            continue  # dismissed, an import artefact, or a rule that could not run: not the author's
        counted[finding.check_id] += 1
        if counted[finding.check_id] > settings.max_deductions_per_rule:
            continue
        weight = settings.rule_weights.get(finding.check_id, Decimal(1))
        deductions[finding.criterion] += settings.severity_deductions.get(finding.severity.value, Decimal(0)) * weight
    scores: dict[Criterion, float] = {}
    for criterion in Criterion:
        weight = settings.criterion_weights.get(criterion.value, Decimal(0))
        score = max(Decimal(0), weight - deductions[criterion])
        scores[criterion] = float(score.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    total = sum((Decimal(str(s)) for s in scores.values()), Decimal(0))
    full = sum(settings.criterion_weights.values(), Decimal(0))
    if full and full != 100:
        total = total * 100 / full  # weights that do not add up to 100 still give a 0–100 score
    total = total.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    band = band_for(total)
    return Grade(scores=scores, total=float(total), band=band, result=result_for(band))



def grader(settings: CheckSettings | None = None) -> Callable[[list[Finding], Grade | None], Grade]:
    """`grade_project` with these settings, as the store takes it (a project's findings, its
    stored grade): what a check run, a decision and a re-grade all grade with."""
    def grade(findings: list[Finding], stored: Grade | None) -> Grade:
        return grade_project(findings, settings, override=stored)
    return grade

def grade_document(findings: Iterable[Finding], project_seqs: Iterable[int],
                   settings: CheckSettings | None = None,
                   overrides: dict[int, Grade] | None = None) -> dict[int, Grade]:
    """Grades of every project of a document, keyed by project number; overrides are kept."""
    by_project: dict[int, list[Finding]] = {seq: [] for seq in project_seqs}
    for finding in findings:
        if finding.location.project_seq in by_project:
            by_project[finding.location.project_seq].append(finding)
    overrides = overrides or {}
    return {seq: grade_project(items, settings, overrides.get(seq)) for seq, items in by_project.items()}


def override_grade(computed: Grade, *, band: Band | None = None, result: Result | None = None,
                   total: float | None = None, conclusion: str = "") -> Grade:
    """The reviewer's grade: what they set, the rest as computed; marked as overridden.

    Setting only the band moves the result with it, unless a result is given too.
    """
    new_band = band or (band_for(total) if total is not None else computed.band)
    return Grade(scores=dict(computed.scores), total=computed.total if total is None else total, band=new_band,
                 result=result or (result_for(new_band) if band or total is not None else computed.result),
                 overridden=True, conclusion=conclusion or computed.conclusion)
