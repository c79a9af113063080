"""The sample documents (resources/samples, copies of ../shared/corpus) import field-exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.importing import read_document
from core.model import DocumentKind
from tests.importing.helpers import load_truth, misses

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*_A.*"))
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def _truth_name(path: Path) -> str:
    return path.name.split("_A.")[0]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_imports_exactly(path: Path) -> None:
    document = read_document(path)
    assert misses(load_truth(_truth_name(path)), document) == []
    assert document.kind is DocumentKind.PERFORMANCE
    assert document.year == 2025 and "codes" in document.year_source
    assert len(document.sha256) == 64
    assert all(i.prov.table is not None and i.prov.row is not None for p in document.projects
               for i in p.indicators)


def test_samples_are_present() -> None:
    assert len(SAMPLES) == 6


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not next to the checkout")
@pytest.mark.parametrize("folder", ["docx", "pdf"])
def test_shared_corpus_imports_exactly(folder: str) -> None:
    files = sorted((SHARED_CORPUS / folder).glob("*"))
    assert files
    for path in files:
        truth_file = SHARED_CORPUS / "truth" / f"{_truth_name(path)}.json"
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        assert misses(truth, read_document(path)) == [], path.name


def test_pdf_provenance_has_pages() -> None:
    document = read_document(ROOT / "resources" / "samples" / "2025_tangshan_duchashi_A.pdf")
    assert document.page_count == 9
    assert document.projects[0].code is not None and document.projects[0].code.prov.page == 3
    assert document.overall_goal is not None and document.overall_goal.prov.page == 1
