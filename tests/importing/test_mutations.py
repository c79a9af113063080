"""Layouts the importer has never seen (issue 13): docgen's mutations, drawn at random and fixed.

Every document is written by tests/fixtures/docgen.py from a truth with a combination of
layout mutations (tests/fixtures/mutations.py) and must import field-exactly. The draws
are derandomized, so CI sees the same documents every run; a failure prints the
falsifying (truth name, variant), which write_docx / write_pdf reproduce. Shrinking is
off: a shrink of PDF examples would take minutes, and every example is already small to
state.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from core.importing import read_document
from tests.fixtures.docgen import EXTRA_COLUMNS, expected_truth, write_docx, write_pdf
from tests.fixtures.mutations import mutation_sets
from tests.importing.helpers import load_truth, misses

WRITERS = {"docx": write_docx, "pdf": write_pdf}
SETTINGS: dict[str, Any] = {
    "deadline": None, "derandomize": True, "database": None,
    "suppress_health_check": [HealthCheck.too_slow], "phases": [Phase.explicit, Phase.generate],
}


def _assert_imports_exactly(folder: Path, name: str, fmt: str, variant: dict[str, Any]) -> None:
    path = folder / f"{name}.{fmt}"
    expected = WRITERS[fmt](load_truth(name), path, **variant)
    document = read_document(path)
    assert document.projects, f"{name}.{fmt} {variant}: no project read"
    found = misses(expected, document)
    assert found == [], f"{name}.{fmt} {variant}: {len(found)} misses\n" + "\n".join(found[:20])


@settings(max_examples=40, **SETTINGS)
@given(mutation_sets("docx"))
def test_random_mutations_docx(tmp_path_factory: pytest.TempPathFactory, mutation: tuple[str, dict]) -> None:
    name, variant = mutation
    _assert_imports_exactly(tmp_path_factory.mktemp("mutation"), name, "docx", variant)


@settings(max_examples=12, **SETTINGS)
@given(mutation_sets("pdf"))
def test_random_mutations_pdf(tmp_path_factory: pytest.TempPathFactory, mutation: tuple[str, dict]) -> None:
    name, variant = mutation
    _assert_imports_exactly(tmp_path_factory.mktemp("mutation"), name, "pdf", variant)


# The combinations issue 13 names. The first adds page_breaks so that repeat_header has
# continuation pages to act on (yutian's tables fit a landscape page otherwise).
REGRESSIONS: list[tuple[str, dict[str, Any]]] = [
    ("2025_yutian_zhengfuban", {"dept_in_table": "row", "landscape": True, "merge_levels": True,
                                "repeat_header": True, "break_before_indicators": True, "thousands": True,
                                "page_breaks": {0: [4], 3: [5]}}),
    ("2023_tangshan_zhengfuban_full", {"title_two_fields": True}),
    ("2025_tangshan_duchashi", {"title_two_fields": True}),
    ("2025_tangshan_duchashi", {"dept_in_table": "label"}),
    ("2025_lunan_shenpiju", {"dept_in_table": "pairs", "label_marks": 3}),
    ("2024_zunhua_zhengfuban", {"permute_columns": 1, "rename_columns": 2, "extra_columns": 3}),
    ("2025_tangshan_duchashi", {"title_in_table": True, "dept_in_table": "row"}),
    # Found by the generator: the indicator tables' column edges (no 依据, an extra column)
    # fall within 2pt of the header tables' edges on the same page.
    ("2024_zunhua_zhengfuban", {"no_basis": True, "extra_columns": 1362}),
]


def _case_id(case: tuple[str, dict[str, Any]]) -> str:
    name, variant = case
    keys = [k if v is True else f"{k}={v}" for k, v in variant.items() if k != "page_breaks"]
    return f"{name.split('_', 1)[1]}:{'+'.join(keys)}"


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("case", REGRESSIONS, ids=[_case_id(c) for c in REGRESSIONS])
def test_named_mutations(tmp_path: Path, case: tuple[str, dict[str, Any]], fmt: str) -> None:
    name, variant = case
    _assert_imports_exactly(tmp_path, name, fmt, variant)


# --- the generator: every mutation changes the document --------------------------------------
def _fingerprint(path: Path) -> Any:
    """What a reader could see: the DOCX body XML; the PDF's pages, text and ruled rectangles."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return z.read("word/document.xml")
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [(page.width, page.height, page.extract_text(),
                 sorted((round(r["x0"]), round(r["top"]), round(r["x1"]), round(r["bottom"])) for r in page.rects))
                for page in pdf.pages]


BOTH, PDF = ("docx", "pdf"), ("pdf",)
DUCHASHI, YUTIAN = "2025_tangshan_duchashi", "2025_yutian_zhengfuban"
VALUE_KEYS = {"unit", "thousands", "no_basis", "blank_cells"}
# (mutation, base variant, truth, formats): the mutation is applied on top of the base.
CHANGES: list[tuple[dict[str, Any], dict[str, Any], str, tuple[str, ...]]] = [
    *(({"dept_in_table": mode}, {}, DUCHASHI, BOTH) for mode in ("row", "label", "pairs")),
    ({"title_in_table": True}, {}, DUCHASHI, BOTH),
    ({"title_two_fields": True}, {}, DUCHASHI, BOTH),
    *(({key: seed}, {}, DUCHASHI, BOTH) for key in ("label_marks", "rename_columns", "permute_columns",
                                                    "extra_columns") for seed in (0, 1)),
    *(({key: seed}, {"no_basis": True}, DUCHASHI, ("docx",)) for key in ("permute_columns", "rename_columns")
      for seed in range(2, 8)),
    ({"label_marks": 5}, {"dept_in_table": "label"}, DUCHASHI, ("docx",)),
    ({"merge_levels": True}, {}, YUTIAN, BOTH),
    ({"break_before_indicators": True}, {}, DUCHASHI, BOTH),
    ({"landscape": True}, {}, DUCHASHI, BOTH),
    ({"thousands": True}, {}, YUTIAN, BOTH),
    ({"unit": "元"}, {}, DUCHASHI, BOTH),
    ({"no_basis": True}, {}, DUCHASHI, BOTH),
    ({"blank_cells": 7}, {}, DUCHASHI, BOTH),
    ({"repeat_header": True}, {"page_breaks": {0: [3]}}, DUCHASHI, PDF),
    ({"page_breaks": {0: [3]}}, {}, DUCHASHI, PDF),
    ({"cut_rows": {0: [2]}}, {}, DUCHASHI, PDF),
]
_BASES: dict[tuple[str, str, str], Any] = {}


def _change_id(case: tuple[dict[str, Any], dict[str, Any], str, tuple[str, ...]]) -> str:
    mutation, base, name, _ = case
    on = f"+{'+'.join(base)}" if base else ""
    return f"{name.split('_', 1)[1]}{on}:" + "+".join(f"{k}={v}" for k, v in mutation.items())


@pytest.mark.parametrize("case", CHANGES, ids=[_change_id(c) for c in CHANGES])
def test_every_mutation_changes_the_document(tmp_path: Path, case: tuple) -> None:
    mutation, base, name, formats = case
    truth = load_truth(name)
    for fmt in formats:
        key = (name, repr(sorted(base.items())), fmt)
        if key not in _BASES:
            plain = tmp_path / f"plain.{fmt}"
            WRITERS[fmt](truth, plain, **base)
            _BASES[key] = _fingerprint(plain)
        path = tmp_path / f"mutated.{fmt}"
        expected = WRITERS[fmt](truth, path, **base, **mutation)
        assert _fingerprint(path) != _BASES[key], f"{mutation} left the {fmt} unchanged"
        if set(mutation) & VALUE_KEYS:
            assert expected != expected_truth(truth, **base), f"{mutation} left the truth unchanged"
        else:
            assert expected == expected_truth(truth, **base), f"{mutation} changed the truth"


def test_merge_levels_is_merge_level2(tmp_path: Path) -> None:
    truth = load_truth(YUTIAN)
    write_docx(truth, tmp_path / "a.docx", merge_levels=True)
    write_docx(truth, tmp_path / "b.docx", merge_level2=True)
    assert _fingerprint(tmp_path / "a.docx") == _fingerprint(tmp_path / "b.docx")


def test_extra_columns_are_unknown_to_the_importer() -> None:
    from core.importing.columns import (
        CONTEXT_LABEL_NAMES,
        COST_COLUMN_NAMES,
        HEADER_FIELD_NAMES,
        INDICATOR_COLUMN_NAMES,
    )
    from core.model import OPERATOR_COLUMNS, UNIT_COLUMNS

    known = {n for table in (INDICATOR_COLUMN_NAMES, HEADER_FIELD_NAMES, CONTEXT_LABEL_NAMES, COST_COLUMN_NAMES)
             for names in table.values() for n in names}
    assert not (set(EXTRA_COLUMNS) & (known | OPERATOR_COLUMNS | UNIT_COLUMNS))
