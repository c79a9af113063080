"""Documents written by tests/fixtures/docgen.py from every truth, and variants, import exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.importing import read_document
from core.model import DocumentKind
from tests.fixtures.docgen import write_docx, write_pdf
from tests.importing.helpers import load_truth, misses

TRUTHS = ["2025_tangshan_duchashi", "2025_yutian_zhengfuban", "2025_lunan_shenpiju",
          "2024_zunhua_zhengfuban", "2023_tangshan_zhengfuban_full"]
WRITERS = {"docx": write_docx, "pdf": write_pdf}


def _roundtrip(tmp_path: Path, name: str, fmt: str, **variant: Any) -> tuple[dict, Any]:
    path = tmp_path / f"{name}.{fmt}"
    expected = WRITERS[fmt](load_truth(name), path, **variant)
    return expected, read_document(path)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("name", TRUTHS)
def test_every_truth_round_trips(tmp_path: Path, name: str, fmt: str) -> None:
    expected, document = _roundtrip(tmp_path, name, fmt)
    assert misses(expected, document) == []


def test_zunhua_kind_year_from_title_and_toc_ignored(tmp_path: Path) -> None:
    _, document = _roundtrip(tmp_path, "2024_zunhua_zhengfuban", "pdf")
    assert document.year == 2024 and "title" in document.year_source
    assert len(document.projects) == 15
    assert document.sub_goals[0].description is not None
    assert document.sub_goals[0].goal is not None and document.sub_goals[0].goal.raw.count("\n") == 2


def test_disclosure_kind(tmp_path: Path) -> None:
    _, document = _roundtrip(tmp_path, "2023_tangshan_zhengfuban_full", "docx")
    assert document.kind is DocumentKind.DISCLOSURE
    assert document.budget_tables is not None and len(document.budget_tables) == 9
    assert document.year == 2023
    assert len(document.projects) == 45 and all(p.code is None for p in document.projects)
    assert document.org.dept_code == "113" and document.org.region_hint == "唐山市"


VARIANTS: list[dict[str, Any]] = [
    {"landscape": True},
    {"font": "ukai"},
    {"unit": "万元", "thousands": True},
    {"thousands": True},
    {"no_basis": True},
    {"blank_cells": 7},
    {"merge_level2": True},
    {"merge_level2": True, "page_breaks": {0: [5], 1: [6], 3: [1]}},
    {"page_breaks": {0: [1], 2: [3], 6: [7]}, "repeat_header": True},
    {"cut_rows": {0: [2], 2: [0], 4: [5]}},
    {"landscape": True, "font_size": 10.5, "font": "wqy", "cut_rows": {1: [3]}, "repeat_header": True},
]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: "+".join(v))
def test_variants_round_trip(tmp_path: Path, variant: dict[str, Any], fmt: str) -> None:
    expected, document = _roundtrip(tmp_path, "2025_yutian_zhengfuban", fmt, **variant)
    assert misses(expected, document) == []


def test_variants_change_the_truth_as_documented() -> None:
    from tests.fixtures.docgen import expected_truth

    truth = load_truth("2025_yutian_zhengfuban")
    wan = expected_truth(truth, unit="万元", thousands=True)
    assert truth["projects"][0]["budget_total"] == "516541.09"
    assert wan["projects"][0]["budget_total"] == "51.65" and wan["unit"] == "万元"
    assert expected_truth(truth, thousands=True)["projects"][0]["budget_total"] == "516,541.09"
    assert all(i["basis"] is None for p in expected_truth(truth, no_basis=True)["projects"]
               for i in p["indicators"])
    blanks = expected_truth(truth, blank_cells=7)
    assert any(i["value"] == "" for p in blanks["projects"] for i in p["indicators"])


def test_cut_rows_are_joined_and_reported(tmp_path: Path) -> None:
    expected, document = _roundtrip(tmp_path, "2025_tangshan_duchashi", "pdf", cut_rows={0: [2], 4: [5]})
    assert misses(expected, document) == []
    cuts = [i for i in document.issues if i.code == "row_split"]
    assert {i.project_seq for i in cuts} == {1, 5}
    assert all(i.prov.page is not None and "分页" in i.message for i in cuts)


def test_money_parses_with_separators_and_units(tmp_path: Path) -> None:
    from decimal import Decimal

    _, document = _roundtrip(tmp_path, "2025_yutian_zhengfuban", "pdf", thousands=True)
    project = document.projects[0]
    assert project.budget_total is not None and project.budget_total.raw == "516,541.09"
    money = project.money("budget_total")
    assert money is not None and money.to_yuan() == Decimal("516541.09")
