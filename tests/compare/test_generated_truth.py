"""Every corpus truth × several seeds: next year's version compared with this year's, straight from the
truth (no reader), must give exactly the known changes with the right causes."""

from __future__ import annotations

import pytest

from core.compare import ChangeKind, compare_documents
from tests.compare.scoring import load_truth, score_pair, truth_files, truth_named
from tests.compare.truthdoc import document_from_truth
from tests.fixtures.nextyear import next_year

SEEDS = range(8)


@pytest.mark.parametrize("path", truth_files(), ids=lambda p: p.stem)
def test_generated_pairs_score_full_marks(path) -> None:
    truth = load_truth(path)
    for seed in SEEDS:
        new_truth, known = next_year(truth, seed)
        result = compare_documents(document_from_truth(truth), document_from_truth(new_truth))
        measured = score_pair(truth, result.to_json()["changes"], known)
        assert measured.recall == 100.0 and measured.precision == 100.0 and not measured.wrong_causes, (
            f"seed {seed}\n{measured.report()}")


def test_the_corpus_is_there() -> None:
    assert len(truth_files()) >= 3


@pytest.mark.parametrize("path", truth_files(), ids=lambda p: p.stem)
def test_generated_changes_cover_every_kind_and_cause(path) -> None:
    """The generator really exercises what the comparison must find (not a trivial pair)."""
    truth = load_truth(path)
    kinds, causes = set(), set()
    for seed in SEEDS:
        _, known = next_year(truth, seed)
        kinds |= {c["kind"] for c in known}
        causes |= {c["cause"] for c in known if c["kind"] == "indicator_field"}
    expected = {"year", "text", "project_seq", "project_added", "project_removed", "indicator_field",
                "indicator_added", "indicator_removed", "project_field"}
    # Tables with a header (项目编码, 预算数) also change codes and budgets.
    if any(p["code"] for p in truth["projects"]):
        expected |= {"project_code", "budget"}
    assert expected <= kinds
    assert {"tightened", "loosened", "quantity", "other"} <= causes


def test_generator_is_deterministic_and_seeds_differ() -> None:
    truth = load_truth(truth_named("2025_lunan_shenpiju"))
    assert next_year(truth, 1) == next_year(truth, 1)
    assert next_year(truth, 1)[1] != next_year(truth, 2)[1]


def test_the_same_document_twice_has_no_changes() -> None:
    truth = load_truth(truth_named("2025_lunan_shenpiju"))
    assert compare_documents(document_from_truth(truth), document_from_truth(truth)).changes == []


def test_reversed_pair_swaps_added_and_removed() -> None:
    truth = load_truth(truth_named("2025_tangshan_duchashi"))
    new_truth, known = next_year(truth, 0)
    backwards = compare_documents(document_from_truth(new_truth), document_from_truth(truth)).changes
    added = {c["project"] for c in known if c["kind"] == "project_added"}
    assert added == {c.project for c in backwards if c.kind is ChangeKind.PROJECT_REMOVED}
    year = next(c for c in backwards if c.kind is ChangeKind.YEAR)
    assert (year.old, year.new) == (truth["year"] + 1, truth["year"])
