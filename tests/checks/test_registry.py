"""The registry: decorator registration, catalogue coverage, skipping, settings and progress."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from core.checks import registry
from core.checks.registry import CheckContext, Hit, all_checks, register, run_checks
from core.checks.settings import DEFAULT_SETTINGS, SETTINGS_LABELS, CheckSettings
from core.errors import Cancelled
from core.messages import msg
from core.review import Criterion, Location, Severity
from tests.checks.factory import document, project, with_row

CATALOGUE = {f"{g}{n}": None for g, count in (("A", 7), ("B", 7), ("C", 8), ("D", 4), ("E", 4)) for n in
             range(1, count + 1)}
SEVERITIES = {"A1": "E", "A2": "E", "A3": "W", "A4": "W", "A5": "E", "A6": "W", "A7": "W", "B1": "E", "B2": "W",
              "B3": "W", "B4": "W", "B5": "W", "B6": "I", "B7": "W", "C1": "E", "C2": "E", "C3": "I", "C4": "E",
              "C5": "W", "C6": "E", "C7": "W", "C8": "W", "D1": "W", "D2": "E", "D3": "I", "D4": "W", "E1": "W",
              "E2": "I", "E3": "W", "E4": "E"}


def test_every_catalogue_check_is_registered_with_its_severity() -> None:
    checks = {c.id: c for c in all_checks()}
    assert set(CATALOGUE) <= set(checks)
    assert {k: checks[k].severity.value for k in CATALOGUE} == SEVERITIES
    for check in checks.values():
        assert check.title and all(key in SETTINGS_LABELS for key in check.settings)
    group_criteria = {"A": Criterion.COMPLETENESS, "B": Criterion.RELEVANCE, "C": Criterion.APPROPRIATENESS,
                      "D": Criterion.FEASIBILITY}
    for check_id, criterion in ((k, group_criteria.get(k[0])) for k in CATALOGUE):
        if criterion is not None:
            assert checks[check_id].criterion is criterion


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))


def test_a_module_registers_a_check_that_needs_the_previous_year(scratch_registry: None) -> None:
    @register("Z9", Severity.WARNING, Criterion.RELEVANCE, "测试", needs_previous=True,
              settings=("yearly_budget_change",))
    def compare(ctx: CheckContext) -> Iterator[Hit]:
        assert ctx.previous is not None
        yield Hit(Location(project_seq=1, field="budget_total"), ctx.previous.projects[0].budget_total.raw, msg("R", text="变化"))

    doc = document()
    assert [f for f in run_checks(doc) if f.check_id == "Z9"] == []
    findings = [f for f in run_checks(doc, previous=document(project(budget_total="80.00", fiscal_funds="80.00")))
                if f.check_id == "Z9"]
    assert [(f.quote, f.severity, f.criterion) for f in findings] == [("80.00", Severity.WARNING,
                                                                       Criterion.RELEVANCE)]


def test_registering_an_id_twice_is_refused(scratch_registry: None) -> None:
    @register("Z8", Severity.NOTE, Criterion.RELEVANCE, "一")
    def first(ctx: CheckContext) -> Iterator[Hit]:
        return iter(())

    with pytest.raises(ValueError, match="Z8"):
        @register("Z8", Severity.NOTE, Criterion.RELEVANCE, "二")
        def second(ctx: CheckContext) -> Iterator[Hit]:
            return iter(())


def test_unknown_settings_key_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown settings"):
        register("Z7", Severity.NOTE, Criterion.RELEVANCE, "x", settings=("no_such_key",))


def test_disabled_and_only() -> None:
    doc = document(with_row(project(), 2, value="≥100%"))
    assert {f.check_id for f in run_checks(doc)} == {"C6"}
    assert run_checks(doc, CheckSettings(disabled_checks=("C6",))) == []
    assert run_checks(doc, only={"C1"}) == []


def test_findings_come_in_document_order() -> None:
    doc = document(with_row(project(budget_total="99.00"), 5, value="提高办事效率"),
                   with_row(project(seq=2, code="13020025P00000000002B", name="其他"), 0, value="10人数"))
    findings = run_checks(doc)
    assert [(f.location.project_seq, f.check_id) for f in findings] == [(1, "C1"), (1, "D4"), (2, "C5")]


class _Cancelling:
    def __init__(self) -> None:
        self.reports: list[tuple[int, int, str]] = []

    def report(self, done: int, total: int, label: str) -> None:
        self.reports.append((done, total, label))

    def cancelled(self) -> bool:
        return len(self.reports) >= 3


def test_progress_and_cancel() -> None:
    sink = _Cancelling()
    with pytest.raises(Cancelled):
        run_checks(document(), progress=sink)
    assert sink.reports[0][0] == 0 and sink.reports[0][2] == "A1"


def test_settings_round_trip_and_defaults() -> None:
    data = CheckSettings(satisfaction_min_percent=Decimal(85),
                         vague_words=("显著",)).to_dict()
    assert data["satisfaction_min_percent"] == "85" and data["vague_words"] == ["显著"]
    loaded = CheckSettings.from_dict({**data, "unknown_key": 1})
    assert loaded.satisfaction_min_percent == 85 and loaded.vague_words == ("显著",)
    assert CheckSettings.from_dict({}) == DEFAULT_SETTINGS
    assert CheckSettings.from_dict(DEFAULT_SETTINGS.to_dict()) == DEFAULT_SETTINGS
    with pytest.raises(ValueError, match="满意度目标下限"):
        CheckSettings.from_dict({"satisfaction_min_percent": "八十"})


def test_a_setting_changes_what_fires() -> None:
    doc = document(with_row(project(), 7, value="≥85%"))
    assert run_checks(doc, only={"C7"}) == []
    strict = CheckSettings(satisfaction_min_percent=Decimal(90))
    assert len(run_checks(doc, strict, only={"C7"})) == 1
