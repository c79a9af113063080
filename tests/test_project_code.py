"""core.project_code: the one reader of the year a project code carries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.compare import document_year as compare_document_year
from core.compare.match import code_key
from core.project_code import common_code_year, document_year, split_code, year_of_code
from tests.compare.builders import document, project


@pytest.mark.parametrize(("code", "year"), [
    ("13020025P00000000001A", 2025), ("43018123P000117", 2023), ("13020025P00684114012R", 2025),
    (" 13020024P1 ", 2024), ("13020025p001", 2025), ("１３０２００２５P001", 2025), ("130200251234", 2025),
    ("13020099X", 2099),
])
def test_year_of_code(code: str, year: int) -> None:
    assert year_of_code(code) == year


@pytest.mark.parametrize("code", ["", "XM-001", "13020025", "12345678.90", "1302002P001", "A13020025P1",
                                  "13020025-001"])
def test_not_a_coded_year(code: str) -> None:
    assert year_of_code(code) is None
    assert split_code(code) is None


def test_split_code() -> None:
    assert split_code("13020025P00684114012R") == ("130200", "25", "P00684114012R")


def test_common_code_year_is_the_majority_then_the_newest() -> None:
    assert common_code_year(["13020025P1", "13020024P2", "13020025P3", "XM-1"]) == 2025
    assert common_code_year(["13020024P1", "13020025P2"]) == 2025
    assert common_code_year(["XM-1"]) is None
    assert common_code_year([]) is None


def test_document_year_as_imported_else_from_the_codes() -> None:
    assert document_year(document([project("会议费", "13020025P1")], year=2026)) == 2026
    codes = ["13020025P1", "XM-1", "13020025P2", "13020021P3"]
    assert document_year(document([project(f"项目{i}", c) for i, c in enumerate(codes)], year=None)) == 2025
    assert document_year(document([project("会议费", "XM-1")], year=None)) is None
    assert compare_document_year is document_year  # the comparison and the checks read one year


@given(region=st.from_regex(r"\A[0-9]{6}\Z"), yy=st.integers(0, 99), tail=st.from_regex(r"\A[A-Z0-9][A-Z0-9]{0,15}\Z"))
def test_the_year_and_the_match_key_agree(region: str, yy: int, tail: str) -> None:
    code = f"{region}{yy:02d}{tail}"
    assert year_of_code(code) == 2000 + yy
    assert code_key(code) == region + tail
