"""The PDFium reading path (core.importing.pdfium_reader) gives the pdfplumber path's Layout.

Every corpus, sample and generated PDF is read both ways. Texts, anchors, pages, table
indices, continuations and rotated pages must be equal; two floats may differ by what the
two libraries' arithmetic leaves: `col_x` by float32 noise (≤ 1e-3 pt), and `room` (the room
left after a cell's last line, in font sizes) by PDFium's whole-unit glyph widths (≤ 0.1):
pdfminer keeps a font's fractional /W widths, PDFium rounds them, so in a file that writes
fractional widths (reportlab does) a long line's end drifts by up to ~0.9 pt.
Pages whose text is turned in the file's own frame are not read by PDFium (it drops spaces
there that nothing gives back): the registry falls back to pdfplumber and the import report
says so. The field-exact round trips of the generated documents then run on both paths.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from core.import_report import WarningCode
from core.importing import read_document
from core.importing.pdf_reader import read_pdf
from core.importing.pdfium_objects import UnsupportedPage
from core.importing.pdfium_reader import intersections_to_cells, read_pdf_pdfium
from core.importing.registry import PDF_READER_ENV, read_layout
from tests.fixtures import formgen
from tests.fixtures.docgen import write_pdf
from tests.importing.helpers import extra_misses, layout_differences, load_truth, misses
from tests.importing.test_forms import NAMED, NAMED_PDF
from tests.importing.test_generated import TRUTHS, VARIANTS

ROOT = Path(__file__).resolve().parents[2]
# ../shared/corpus is on developers' machines, not on CI's: its PDFs are read when present.
CORPUS = sorted((ROOT.parent / "shared" / "corpus" / "pdf").glob("*.pdf"))
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.pdf"))
ROTATIONS: list[dict[str, Any]] = [{"rotate": 90}, {"rotate": 180}, {"rotate": 270}, {"landscape": True, "rotate": 90}]


def _documents() -> list[tuple[str, str, dict[str, Any]]]:
    """(id, truth name, variant) of every generated PDF: docgen's truths and variants, the forms."""
    out = [(f"truth:{n}", n, {}) for n in TRUTHS]
    out += [(f"variant{i}", "2025_yutian_zhengfuban", v) for i, v in enumerate(VARIANTS)]
    out += [(f"form:{n}", n, {}) for n in formgen.form_truth_names()]
    out += [(f"form{i}:{n}", n, v) for i, (n, v) in enumerate([*NAMED, *NAMED_PDF])]
    return out


DOCUMENTS = _documents()


def _write(folder: Path, name: str, variant: dict[str, Any], tag: str) -> dict[str, Any]:
    path = folder / f"{tag.replace(':', '_')}.pdf"
    if name in formgen.form_truth_names():
        return formgen.write_form(formgen.load_form_truth(name), path, **variant)
    return write_pdf(load_truth(name), path, **variant)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfium_path")
    out: dict[str, Path] = {}
    for path in [*CORPUS, *SAMPLES]:
        out[f"file:{path.parent.name}/{path.name}"] = Path(shutil.copy(path, folder / f"{path.parent.name}_{path.name}"))
    for tag, name, variant in DOCUMENTS:
        _write(folder, name, variant, tag)
        out[tag] = folder / f"{tag.replace(':', '_')}.pdf"
    return out


def test_every_pdf_reads_the_same_both_ways(pdfs: dict[str, Path]) -> None:
    assert len(SAMPLES) == 3, "the demo samples are read too"
    assert len(CORPUS) in (0, 3), "the corpus, where it is next to the checkout, is read whole"
    found: dict[str, list[str]] = {}
    for tag, path in pdfs.items():
        reference = read_pdf(path, sha256="-")
        differences = layout_differences(reference, read_pdf_pdfium(path, sha256="-"))
        if differences:
            found[tag] = differences[:5]
    assert found == {}


@pytest.mark.parametrize("variant", ROTATIONS, ids=lambda v: "+".join(f"{k}{v[k]}" for k in v))
def test_text_turned_in_the_file_falls_back_to_pdfplumber_and_says_so(tmp_path: Path,
                                                                       variant: dict[str, Any]) -> None:
    path = tmp_path / "turned.pdf"
    expected = write_pdf(load_truth("2025_yutian_zhengfuban"), path, **variant)
    with pytest.raises(UnsupportedPage):
        read_pdf_pdfium(path, sha256="-")
    layout = read_layout(path)
    assert layout.pdf_fallback and "upright" in layout.pdf_fallback
    assert layout.blocks == read_pdf(path, sha256="-").blocks
    document = read_document(path)
    assert misses(expected, document) == []
    assert document.report is not None
    assert [w.code for w in document.report.warnings if w.code is WarningCode.PDF_FALLBACK] == \
        [WarningCode.PDF_FALLBACK]
    assert not any(w.serious for w in document.report.warnings if w.code is WarningCode.PDF_FALLBACK)


def test_an_upright_pdf_is_read_by_pdfium_without_a_note(pdfs: dict[str, Path]) -> None:
    path = pdfs[f"file:samples/{SAMPLES[0].name}"]
    assert read_layout(path).pdf_fallback is None
    document = read_document(path)
    assert document.report is not None
    assert all(w.code is not WarningCode.PDF_FALLBACK for w in document.report.warnings)


def test_the_reader_setting_chooses_the_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "turned.pdf"
    write_pdf(load_truth("2025_yutian_zhengfuban"), path, rotate=90)
    monkeypatch.setenv(PDF_READER_ENV, "pdfium-only")
    with pytest.raises(UnsupportedPage):
        read_layout(path)
    monkeypatch.setenv(PDF_READER_ENV, "pdfplumber")
    assert read_layout(path).pdf_fallback is None  # not a fall-back: asked for


def test_the_cell_finder_port_gives_pdfplumbers_cells(pdfs: dict[str, Path]) -> None:
    """pdfium_reader.intersections_to_cells against pdfplumber's own, cell by cell, on every page."""
    import pdfplumber
    from pdfplumber.table import TableSettings, edges_to_intersections
    from pdfplumber.table import intersections_to_cells as reference

    settings = TableSettings.resolve(None)
    pages = 0
    for path in pdfs.values():
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                finder = page.debug_tablefinder()
                points = edges_to_intersections(finder.edges, settings.intersection_x_tolerance,
                                                settings.intersection_y_tolerance)
                assert intersections_to_cells(points) == reference(points)
                pages += bool(points)
    assert pages > 50


# --- the field-exact round trips, on both paths -----------------------------------------------------
@pytest.mark.parametrize("reader", ["pdfium-only", "pdfplumber"])
@pytest.mark.parametrize("case", DOCUMENTS, ids=[c[0] for c in DOCUMENTS])
def test_generated_pdfs_import_exactly_on_both_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                     case: tuple[str, str, dict[str, Any]], reader: str) -> None:
    tag, name, variant = case
    if "wide" in name and variant.get("repeat_cells") and variant.get("cut_rows"):
        pytest.skip("a known open case of test_forms (wide tables, repeated cells cut by a page break)")
    monkeypatch.setenv(PDF_READER_ENV, reader)
    expected = _write(tmp_path, name, variant, tag)
    document = read_document(tmp_path / f"{tag.replace(':', '_')}.pdf")
    assert misses(expected, document) == []
    if name in formgen.form_truth_names():
        assert extra_misses(expected, document) == []
