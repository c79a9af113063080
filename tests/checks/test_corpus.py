"""The checks over every corpus document, as judged by reading the findings (docs/CHECKS.md).

The expected counts per rule are the reviewed result recorded in docs/CHECKS.md; every
E-severity finding is listed one by one because each was confirmed true by hand.
Imported .docx/.pdf samples must give exactly the findings of their truth, so an
import never adds a finding to the author's account.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from core.checks.registry import run_checks
from core.review import Severity
from tests.checks.factory import document_from_truth, truth_names

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

# Rules A–F; a rule that fits (nearly) every project the same way is one 共性问题 finding
# (core.checks.noise: D3, C3 and E2 here), and of two findings suggesting different values
# for one cell the more specific stays (C6 "≥100%" → "100%" over C5's "≥100%").
EXPECTED_COUNTS: dict[str, dict[str, int]] = {
    # B4 on 专款专用率 90% (project 4) gives way to G6, which asks for 100% on the same row.
    "2025_lunan_shenpiju": {"B2": 1, "B3": 1, "B4": 3, "B6": 2, "C3": 1, "C6": 1, "C8": 2, "D1": 3, "D3": 1,
                            "D4": 10, "E2": 3},
    "2025_tangshan_duchashi": {"A7": 6, "B2": 2, "B3": 1, "B5": 1, "B6": 2, "C3": 1, "C5": 1, "D1": 1, "D3": 1,
                               "E2": 1},
    "2025_yutian_zhengfuban": {"B3": 1, "B6": 1, "C3": 1, "C5": 23, "C6": 4, "D4": 15, "E2": 1},
    # The two seeds without .docx/.pdf, from the truths built for them (tests/fixtures/truths).
    "2023_tangshan_zhengfuban_full": {"A2": 1, "B2": 44, "B4": 43, "B6": 26, "D1": 2, "D3": 1, "D4": 4,
                                      "E2": 1, "E3": 35},
    "2024_zunhua_zhengfuban": {"A7": 1, "B2": 1, "B6": 13, "C3": 3, "C5": 11, "D1": 1, "D3": 1, "D4": 2,
                               "E2": 37, "E3": 1},
}
# (rule, project, indicator row, column) of every E finding, each confirmed by reading the document.
EXPECTED_ERRORS: dict[str, set[tuple[str, int | None, int | None, str | None]]] = {
    "2025_lunan_shenpiju": {("C6", 6, 0, "value")},  # 专款专用率 ≥100%
    "2025_tangshan_duchashi": set(),
    "2025_yutian_zhengfuban": {("C6", 2, 0, "value"), ("C6", 2, 1, "value"), ("C6", 2, 2, "value"),
                               ("C6", 7, 0, "value")},  # ≥100比率
    "2023_tangshan_zhengfuban_full": {("A2", 18, None, "level1")},  # 智慧唐山一期: no 效益指标 row
    "2024_zunhua_zhengfuban": set(),
}


def test_the_corpus_truth_is_available() -> None:
    assert set(truth_names()) == set(EXPECTED_COUNTS)


@pytest.mark.parametrize("name", sorted(EXPECTED_COUNTS))
def test_counts_per_rule_and_every_error(name: str) -> None:
    findings = run_checks(document_from_truth(name))
    assert dict(Counter(f.check_id for f in findings if f.check_id[0] in "ABCDEF")) == EXPECTED_COUNTS[name]
    errors = {(f.check_id, f.location.project_seq, f.location.indicator, f.location.column)
              for f in findings if f.severity is Severity.ERROR and f.check_id[0] in "ABCDEF"}
    assert errors == EXPECTED_ERRORS[name]
    for f in findings:
        assert f.message and f.prov is not None, f


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*_A.*")))
def test_imported_samples_give_the_findings_of_their_truth(sample: str) -> None:
    from core.importing import read_document

    imported = read_document(SAMPLES / sample)
    name = sample.rsplit("_A.", 1)[0]
    expected = {f.identity() for f in run_checks(document_from_truth(name))}
    assert {f.identity() for f in run_checks(imported)} == expected
    assert not [f for f in run_checks(imported) if f.check_id == "E4"] or imported.issues
