"""Rotated PDF pages (/Rotate, sideways text) are read upright: same Layout, exact import."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from core.importing import read_document
from core.importing.registry import read_layout
from tests.fixtures.docgen import write_pdf
from tests.importing.helpers import layout_differences, load_truth, misses
from tests.importing.test_generated import TRUTHS

ROTATIONS: list[dict[str, Any]] = [
    {"rotate": 90},
    {"rotate": 270},
    {"landscape": True, "rotate": 90},
]


@pytest.mark.parametrize("variant", ROTATIONS, ids=lambda v: "+".join(f"{k}{v[k]}" for k in v))
@pytest.mark.parametrize("name", TRUTHS)
def test_rotated_pages_import_exactly(tmp_path: Path, name: str, variant: dict[str, Any]) -> None:
    path = tmp_path / f"{name}.pdf"
    expected = write_pdf(load_truth(name), path, **variant)
    assert misses(expected, read_document(path)) == []
    layout = read_layout(path)
    assert layout.page_count is not None and layout.page_count > 1
    assert layout.rotated_pages == list(range(1, layout.page_count + 1))


@pytest.fixture(scope="module")
def upright(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    path = tmp_path_factory.mktemp("upright") / "upright.pdf"
    return write_pdf(load_truth("2025_yutian_zhengfuban"), path), path


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_rotated_layout_equals_the_unrotated_one(tmp_path: Path, upright: tuple[dict, Path],
                                                 rotate: int) -> None:
    _, plain = upright
    path = tmp_path / "rotated.pdf"
    write_pdf(load_truth("2025_yutian_zhengfuban"), path, rotate=rotate)
    base, turned = read_layout(plain), read_layout(path)
    assert base.rotated_pages == []
    # paragraphs, grid texts, anchors and pages alike (the upright file is read by PDFium, the
    # turned one by pdfplumber: their floats may differ within helpers' tolerances)
    assert layout_differences(base, turned, rotated=False) == []


def _rewrite(source: Path, target: Path, rotate: object) -> None:
    """Copy a PDF setting (or, with None, removing) every page's /Rotate, content untouched."""
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            if rotate is None:
                del page.obj["/Rotate"]
            else:
                page.obj["/Rotate"] = rotate
        pdf.save(target)


REWRITES = {
    # A landscape media box whose text runs bottom to top (a portrait page printed sideways).
    "sideways_text_no_rotate": (90, None),
    # /Rotate set on a page whose content is already upright: shown sideways, read upright.
    "rotate_on_upright_page": (0, 90),
    # pdfminer reads a real /Rotate as 0 where pdfplumber sizes the page turned.
    "real_number_rotate": (90, Decimal("90.0")),
}


@pytest.mark.parametrize("case", REWRITES)
def test_pages_whose_text_is_not_upright_are_turned(tmp_path: Path, upright: tuple[dict, Path],
                                                    case: str) -> None:
    expected, plain = upright
    written, rotate = REWRITES[case]
    source, rewritten = tmp_path / "written.pdf", tmp_path / "rewritten.pdf"
    write_pdf(load_truth("2025_yutian_zhengfuban"), source, rotate=written)
    _rewrite(source, rewritten, rotate)
    layout = read_layout(rewritten)
    assert layout.rotated_pages == list(range(1, (layout.page_count or 0) + 1))
    assert layout_differences(read_layout(plain), layout, rotated=False) == []
    assert misses(expected, read_document(rewritten)) == []
