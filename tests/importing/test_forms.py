"""Other provinces' target forms (issue 14), written from truths as .docx, .pdf and .xlsx, import
field-exactly.

Every truth of tests/fixtures/truths/forms is written by tests/fixtures/formgen.py in its form
(the national 申报表 with a 长期 and a 年度 grid, the city form with a cost table, one wide
department table, the 整体 form) and in each format, plain, with named mutations and with
random ones (tests/fixtures/mutations.py's form_mutation_sets). An import must give
`misses(...) == []` and `extra_misses(...) == []`: each indicator's extra columns, the
long-term goal and grid, and the composed target (指标性质 + 指标值 + 度量单位 → "≥95%") where
the truth states one. The generator's own tests come last: every mutation changes the document,
and only the value-changing ones change the truth.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from core.importing import read_document
from tests.fixtures.formgen import (
    FLAG,
    FORMATS,
    MUTATIONS,
    SEED,
    VALUE_KEYS,
    amount_sum,
    build_form,
    expected_truth,
    form_of,
    form_truth_names,
    load_form_truth,
    with_thousands,
    write_form,
)
from tests.fixtures.mutations import form_mutation_sets
from tests.importing.helpers import extra_misses, misses

NAMES = form_truth_names()
SETTINGS: dict[str, Any] = {
    "deadline": None, "derandomize": True, "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    "phases": [Phase.explicit, Phase.generate],
}


def _assert_imports_exactly(folder: Path, name: str, fmt: str, variant: dict[str, Any]) -> None:
    path = folder / f"{name}.{fmt}"
    expected = write_form(load_form_truth(name), path, **variant)
    document = read_document(path)
    found = misses(expected, document)
    extra = extra_misses(expected, document)
    assert found == [] and extra == [], (
        f"{name}.{fmt} {variant}: {len(found)} misses, {len(extra)} extra misses\n"
        + "\n".join([*found[:12], *extra[:8]]))


# --- every form, truth and format ---------------------------------------------------------------
def test_there_are_truths_of_every_form() -> None:
    forms = [form_of(load_form_truth(n)) for n in NAMES]
    assert sorted(set(forms)) == sorted(MUTATIONS)
    assert all(2 <= forms.count(f) <= 3 for f in MUTATIONS)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_form_imports_exactly(tmp_path: Path, name: str, fmt: str) -> None:
    _assert_imports_exactly(tmp_path, name, fmt, {})


# --- named mutations, one or a few per issue-14 feature, in every format ---------------------------
NAMED: list[tuple[str, dict[str, Any]]] = [
    # two grids: the 申报表 split over pages, the period on a row of its own, goals side by side
    ("shenbao_2016_jiaxian_pingguo", {"split_tables": True, "running_title": True}),
    ("shenbao_2016_jiaxian_pingguo", {"period_row": True, "goals_side": True}),
    ("shenbao_2021_ningxiang_batang", {"funding": "cells", "rename_columns": 3}),
    ("shenbao_2021_ningxiang_batang", {"funding": "rows", "merge_level2": True, "thousands": True}),
    # the cost table and the merged 保障措施 column
    ("cost_2022_ezhou_jiguan", {"cost_layout": "merged", "approval_row": True}),
    ("cost_2022_ezhou_jiguan", {"no_measures": True, "permute_columns": 2}),
    ("cost_2022_ezhou_tushuguan", {"split_tables": True, "extra_columns": 4}),
    # the wide table: merges, totals, the money-unit row, operator and unit columns relabelled
    ("wide_2024_jiayu_weijian", {"repeat_cells": True, "unit_row": "paragraph"}),
    ("wide_2024_jiayu_weijian", {"no_subtotals": True, "no_total": True, "merge_level2": True}),
    ("wide_2023_ningxiang_jiaoyu", {"rename_columns": 2, "permute_columns": 1}),
    ("wide_2023_ningxiang_jiaoyu", {"extra_columns": 1, "thousands": True}),
    # the 整体 form: marks, synonyms, extra columns
    ("overall_2021_guangshui_zhengfuban", {"no_stars": True, "rename_columns": 5}),
    ("overall_2022_jiayu_tongji", {"extra_columns": 9, "permute_columns": 4, "split_tables": True}),
]
# PDF only: page breaks inside a grid or a project, a row cut by a break, repeated headers.
NAMED_PDF: list[tuple[str, dict[str, Any]]] = [
    ("shenbao_2016_jiaxian_pingguo", {"page_breaks": {0: [27, 31]}}),
    ("wide_2024_jiayu_weijian", {"repeat_header": True, "page_breaks": {0: [5, 19]}}),
    ("wide_2023_ningxiang_jiaoyu", {"portrait": True, "repeat_header": True}),
    ("overall_2021_guangshui_zhengfuban", {"cut_rows": {0: [12]}}),
    # a landscape page break cuts the merged 保障措施 cell: its rest below the break is empty
    ("cost_2022_ezhou_jiguan", {"landscape": True}),
    # the header rows one per page under the running title: the small first pieces open the form
    ("overall_2022_jiayu_tongji", {"running_title": True, "split_tables": True, "page_breaks": {0: [1, 2, 3]}}),
]


def _case_id(case: tuple[str, dict[str, Any]]) -> str:
    name, variant = case
    keys = [k if v is True else f"{k}={v}" for k, v in variant.items() if k not in ("page_breaks", "cut_rows")]
    keys += [k for k in ("page_breaks", "cut_rows") if k in variant]
    return f"{name.split('_', 2)[2]}:{'+'.join(keys)}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", NAMED, ids=[_case_id(c) for c in NAMED])
def test_named_form_mutations(tmp_path: Path, case: tuple[str, dict[str, Any]],
                              fmt: str) -> None:
    name, variant = case
    _assert_imports_exactly(tmp_path, name, fmt, variant)


@pytest.mark.parametrize("case", NAMED_PDF, ids=[_case_id(c) for c in NAMED_PDF])
def test_named_form_page_breaks(tmp_path: Path,
                                case: tuple[str, dict[str, Any]]) -> None:
    name, variant = case
    _assert_imports_exactly(tmp_path, name, "pdf", variant)


# --- random mutations (fixed draws; a failure prints the truth name and the variant) ----------------
@settings(max_examples=40, **SETTINGS)
@given(form_mutation_sets("docx"))
def test_random_form_mutations_docx(tmp_path_factory: pytest.TempPathFactory, mutation: tuple[str, dict]) -> None:
    name, variant = mutation
    _assert_imports_exactly(tmp_path_factory.mktemp("form"), name, "docx", variant)


@settings(max_examples=24, **SETTINGS)
@given(form_mutation_sets("pdf", exclude=("wide",)))
def test_random_form_mutations_pdf(tmp_path_factory: pytest.TempPathFactory, mutation: tuple[str, dict]) -> None:
    name, variant = mutation
    _assert_imports_exactly(tmp_path_factory.mktemp("form"), name, "pdf", variant)


@settings(max_examples=12, **SETTINGS)
@given(form_mutation_sets("pdf", exclude=("shenbao", "cost", "overall")))
def test_random_wide_table_pdfs(tmp_path_factory: pytest.TempPathFactory, mutation: tuple[str, dict]) -> None:
    name, variant = mutation
    _assert_imports_exactly(tmp_path_factory.mktemp("form"), name, "pdf", variant)


@settings(max_examples=24, **SETTINGS)
@given(form_mutation_sets("xlsx"))
def test_random_form_mutations_xlsx(tmp_path_factory: pytest.TempPathFactory, mutation: tuple[str, dict]) -> None:
    name, variant = mutation
    _assert_imports_exactly(tmp_path_factory.mktemp("form"), name, "xlsx", variant)


# --- the generator ---------------------------------------------------------------------------------------
def _fingerprint(path: Path) -> Any:
    """What a reader could see: the DOCX body, the workbook's sheets, the PDF's pages and rulings."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return z.read("word/document.xml")
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return sorted((n, z.read(n)) for n in z.namelist() if n.startswith("xl/worksheets/")
                          or n == "xl/sharedStrings.xml" or n == "xl/workbook.xml")
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [(page.rotation, page.width, page.height, page.extract_text(),
                 sorted((round(r["x0"]), round(r["top"]), round(r["x1"]), round(r["bottom"])) for r in page.rects))
                for page in pdf.pages]


def _example_value(kind: Any) -> Any:
    if kind == FLAG:
        return True
    if kind == SEED:
        return 1
    return kind[-1]  # not the form's default layout (the first choice)


# One truth per form whose document every key of the form changes.
CHANGING = {"shenbao": "shenbao_2021_ningxiang_batang", "cost": "cost_2022_ezhou_jiguan",
            "wide": "wide_2024_jiayu_weijian", "overall": "overall_2021_guangshui_zhengfuban"}
MUTATION_CASES = [(form, key, fmt) for form, keys in MUTATIONS.items() for key in sorted(keys)
                  for fmt in (("pdf", "docx") if key == "running_title" else ("docx",))]
PDF_CASES = [("wide", "repeat_header", {"page_breaks": {0: [9]}}), ("wide", "page_breaks", {}),
             ("overall", "cut_rows", {}), ("overall", "rotate", {})]
PDF_VALUES = {"repeat_header": True, "page_breaks": {0: [9]}, "cut_rows": {0: [5]}, "rotate": 90}


@pytest.mark.parametrize(("form", "key", "fmt"), MUTATION_CASES,
                         ids=[f"{f}:{k}:{fmt}" for f, k, fmt in MUTATION_CASES])
def test_every_form_mutation_changes_the_document(tmp_path: Path, form: str, key: str, fmt: str) -> None:
    truth = load_form_truth(CHANGING[form])
    # a form's default funding / cost layout is the truth's: take another one
    base: dict[str, Any] = {"split_tables": True} if key == "running_title" and fmt == "docx" else {}
    write_form(truth, tmp_path / f"plain.{fmt}", **base)
    value = _example_value(MUTATIONS[form][key])
    if key in ("funding", "cost_layout") and value == (truth.get("extra") or {}).get(key):
        value = MUTATIONS[form][key][0]
    expected = write_form(truth, tmp_path / f"mutated.{fmt}", **base, **{key: value})
    assert _fingerprint(tmp_path / f"mutated.{fmt}") != _fingerprint(tmp_path / f"plain.{fmt}")
    if key not in VALUE_KEYS:
        assert expected == expected_truth(truth, **base), f"{key} changed the truth"


@pytest.mark.parametrize(("form", "key", "base"), PDF_CASES, ids=[f"{f}:{k}" for f, k, _ in PDF_CASES])
def test_every_pdf_mutation_changes_the_document(tmp_path: Path, form: str, key: str, base: dict) -> None:
    truth = load_form_truth(CHANGING[form])
    expected = write_form(truth, tmp_path / "mutated.pdf", **base, **{key: PDF_VALUES[key]})
    write_form(truth, tmp_path / "plain.pdf", **base)
    assert _fingerprint(tmp_path / "mutated.pdf") != _fingerprint(tmp_path / "plain.pdf")
    assert expected == expected_truth(truth, **base)


def test_amounts_as_numbers_changes_the_workbook(tmp_path: Path) -> None:
    truth = load_form_truth("wide_2024_jiayu_weijian")
    write_form(truth, tmp_path / "a.xlsx")
    write_form(truth, tmp_path / "b.xlsx", amounts_as_numbers=True)
    assert _fingerprint(tmp_path / "a.xlsx") != _fingerprint(tmp_path / "b.xlsx")


@pytest.mark.parametrize(("name", "key", "value"), [
    ("wide_2024_jiayu_weijian", "rename_columns", 2), ("overall_2022_jiayu_tongji", "extra_columns", 3),
    ("cost_2022_ezhou_jiguan", "no_measures", True), ("shenbao_2021_ningxiang_batang", "thousands", True),
    ("wide_2024_jiayu_weijian", "thousands", True)])
def test_value_mutations_change_the_truth(name: str, key: str, value: Any) -> None:
    truth = load_form_truth(name)
    assert expected_truth(truth, **{key: value}) != truth


def test_renamed_and_added_columns_are_the_truths_keys() -> None:
    truth = load_form_truth("wide_2024_jiayu_weijian")
    for seed in range(12):
        expected = expected_truth(truth, rename_columns=seed, extra_columns=seed)
        table = next(b.table for b in build_form(truth, rename_columns=seed, extra_columns=seed).blocks
                     if b.table is not None)
        heads = {c.text for c in table.cells if c.row == 1}
        for project in expected["projects"]:
            for ind in project["indicators"]:
                assert set(ind["extra_columns"]) <= heads
                assert len(ind["extra_columns"]) in (5, 6)


def test_documents_have_real_merged_cells(tmp_path: Path) -> None:
    for name in ("shenbao_2016_jiaxian_pingguo", "wide_2024_jiayu_weijian"):
        write_form(load_form_truth(name), tmp_path / f"{name}.docx")
        write_form(load_form_truth(name), tmp_path / f"{name}.xlsx")
        with zipfile.ZipFile(tmp_path / f"{name}.docx") as z:
            body = z.read("word/document.xml").decode()
        assert "<w:vMerge" in body and "<w:gridSpan" in body
        with zipfile.ZipFile(tmp_path / f"{name}.xlsx") as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
        assert "<mergeCell " in sheet


def test_wide_table_totals_are_the_sums() -> None:
    truth = load_form_truth("wide_2023_ningxiang_jiaoyu")
    table = next(b.table for b in build_form(truth).blocks if b.table is not None)
    texts = {(c.row, c.col): c.text for c in table.cells}
    total_row = max(r for r, _ in texts)
    assert "2,541,500.00" in {t for (r, _), t in texts.items() if r == total_row}
    assert amount_sum(["191", "99", "524"]) == "814"
    assert amount_sum(["1,280,000.00", "365,000.00"]) == "1,645,000.00"
    assert with_thousands("10606.7522") == "10,606.7522" and with_thousands("有效提升") == "有效提升"


def test_truths_follow_the_schema() -> None:
    keys = {"seq", "title", "dept_code", "dept_name", "unit", "code", "name", "budget_total", "fiscal_funds",
            "other_funds", "usage", "spending_plan", "goal", "indicators"}
    for name in NAMES:
        truth = load_form_truth(name)
        assert truth["budget_tables"] is None and truth["sub_goals"] == [] and truth["measures"] == []
        for p in truth["projects"]:
            assert keys <= set(p), name
            rows = p["indicators"] + p.get("long_term_indicators", [])
            extras = {tuple(sorted(i.get("extra_columns", {}))) for i in rows}
            assert len(extras) == 1, f"{name}: every row of a form has the same extra columns"
            assert all(set(i) >= {"level1", "level2", "level3", "description", "value", "basis"} for i in rows)
