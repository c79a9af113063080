"""Generated next-year pairs written as real .docx and .pdf files, imported and compared.

For each corpus truth (one seed per format), last year's and next year's documents are
written with tests/fixtures/docgen.py, read back with the importer and compared;
the scorer must give recall 100% and precision 100%, with every cause right.
One pair per format runs always; the rest is marked slow (still run in CI).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.compare import compare_documents
from core.importing import read_document
from tests.compare.scoring import load_truth, score_pair, truth_files, truth_named
from tests.fixtures.docgen import write_docx, write_pdf
from tests.fixtures.nextyear import next_year

WRITERS = {"docx": write_docx, "pdf": write_pdf}


def _compare_files(truth_path: Path, seed: int, fmt: str, folder: Path) -> None:
    truth = load_truth(truth_path)
    new_truth, known = next_year(truth, seed)
    old_file, new_file = folder / f"old_{seed}.{fmt}", folder / f"new_{seed}.{fmt}"
    WRITERS[fmt](truth, old_file)
    WRITERS[fmt](new_truth, new_file)
    result = compare_documents(read_document(old_file), read_document(new_file))
    measured = score_pair(truth, result.to_json()["changes"], known)
    assert measured.recall == 100.0 and measured.precision == 100.0 and not measured.wrong_causes, (
        f"{truth_path.stem} seed {seed} {fmt}\n{measured.report()}")


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_one_generated_pair_per_format(fmt: str, tmp_path: Path) -> None:
    _compare_files(truth_named("2025_lunan_shenpiju"), 11, fmt, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("path", truth_files(), ids=lambda p: p.stem)
def test_generated_pairs_from_every_corpus_document(path: Path, fmt: str, tmp_path: Path) -> None:
    # One pair per document and format keeps this bounded; the seed differs per document and format.
    seed = sum(path.stem.encode()) % 97 + (fmt == "pdf")
    _compare_files(path, seed, fmt, tmp_path)
