"""Shared helpers for the importer tests: score a Document against a truth dict."""

from __future__ import annotations

import json
from pathlib import Path

from core.importing.layout import Layout, Paragraph, TableGrid
from core.importing.truth_json import document_to_json
from core.model import Document
from tests.importing.score_import import score_document

TRUTHS = Path(__file__).resolve().parent.parent / "fixtures" / "truths"
# Two PDF readings of one document agree on every text, anchor and page; two floats may differ
# by what the libraries' arithmetic leaves (tests/importing/test_pdfium_path.py): a column line's
# x by PDFium's float32 noise, and a cell's `room` (in font sizes) by PDFium's whole-unit glyph
# widths, which pdfminer keeps fractional as a font's /W writes them.
COL_X_TOLERANCE = 1e-3
ROOM_TOLERANCE = 0.1


def load_truth(name: str) -> dict:
    return json.loads((TRUTHS / f"{name}.json").read_text(encoding="utf-8"))


def misses(truth: dict, document: Document | dict) -> list[str]:
    """Every field where the import differs from the truth (empty when 100.00% strict)."""
    got = document if isinstance(document, dict) else document_to_json(document)
    tally = score_document(truth, got, loose=False)
    return [f"{path}: want {want!r} got {value!r}" for path, want, value in tally.misses]


def _extras(ind: dict) -> dict:
    return ind.get("extra_columns") or {}


def _indicator_misses(path: str, want: list[dict], got: list[dict], *, extras: bool = True) -> list[str]:
    out: list[str] = []
    if len(want) != len(got):
        out.append(f"{path}: want {len(want)} rows got {len(got)}")
    for i, (w, g) in enumerate(zip(want, got, strict=False)):
        if extras and _extras(w) != _extras(g):
            out.append(f"{path}[{i}].extra_columns: want {_extras(w)!r} got {_extras(g)!r}")
    return out


def extra_misses(truth: dict, document: Document) -> list[str]:
    """What `misses` does not compare, for the forms of other provinces (issue 14): each
    indicator's extra_columns, long_term_goal, the long_term_indicators (all six fields and
    their extra columns), and target_text where the truth states one. Projects are paired in
    order (a different count is one miss)."""
    got = document_to_json(document)
    want_projects, got_projects = truth.get("projects") or [], got.get("projects") or []
    out: list[str] = []
    if len(want_projects) != len(got_projects):
        out.append(f"projects: want {len(want_projects)} got {len(got_projects)}")
    for p, (w, g) in enumerate(zip(want_projects, got_projects, strict=False)):
        path = f"projects[{p}]"
        out += _indicator_misses(f"{path}.indicators", w.get("indicators") or [], g.get("indicators") or [])
        if w.get("long_term_goal") != g.get("long_term_goal"):
            out.append(f"{path}.long_term_goal: want {w.get('long_term_goal')!r} got {g.get('long_term_goal')!r}")
        want_long, got_long = w.get("long_term_indicators") or [], g.get("long_term_indicators") or []
        out += _indicator_misses(f"{path}.long_term_indicators", want_long, got_long)
        for i, (wi, gi) in enumerate(zip(want_long, got_long, strict=False)):
            for name in ("level1", "level2", "level3", "description", "value", "basis"):
                if wi.get(name) != gi.get(name):
                    out.append(f"{path}.long_term_indicators[{i}].{name}: want {wi.get(name)!r} got {gi.get(name)!r}")
        model = document.projects[p].indicators
        for i, (wi, ind) in enumerate(zip(w.get("indicators") or [], model, strict=False)):
            if "target_text" in wi and wi["target_text"] != ind.target_text:
                out.append(f"{path}.indicators[{i}].target_text: want {wi['target_text']!r} got {ind.target_text!r}")
    return out


def layout_differences(a: Layout, b: Layout, *, rotated: bool = True) -> list[str]:
    """What differs between two Layouts beyond the float tolerances (empty when alike);
    `rotated=False` leaves out which pages were read turned."""
    out: list[str] = []
    turned_a, turned_b = (a.rotated_pages, b.rotated_pages) if rotated else ([], [])
    if (a.page_count, turned_a, len(a.blocks)) != (b.page_count, turned_b, len(b.blocks)):
        out.append(f"pages/rotated/blocks {a.page_count} {a.rotated_pages} {len(a.blocks)} vs "
                   f"{b.page_count} {b.rotated_pages} {len(b.blocks)}")
    for x, y in zip(a.blocks, b.blocks, strict=False):
        if isinstance(x, Paragraph) or isinstance(y, Paragraph):
            if x != y:
                out.append(f"paragraph {x!r} vs {y!r}")
            continue
        assert isinstance(x, TableGrid) and isinstance(y, TableGrid)
        if (x.index, x.pages, x.continues_previous, x.n_rows, x.n_cols) != \
                (y.index, y.pages, y.continues_previous, y.n_rows, y.n_cols):
            out.append(f"table {x.index}: {x.n_rows}×{x.n_cols} on {x.pages} vs {y.n_rows}×{y.n_cols} on {y.pages}")
            continue
        if len(x.col_x or []) != len(y.col_x or []) or any(
                abs(p - q) > COL_X_TOLERANCE for p, q in zip(x.col_x or [], y.col_x or [], strict=True)):
            out.append(f"table {x.index} col_x {x.col_x} vs {y.col_x}")
        for c1, c2 in (pair for r1, r2 in zip(x.rows, y.rows, strict=True) for pair in zip(r1, r2, strict=True)):
            if (c1.text, c1.row, c1.col, c1.anchor, c1.page) != (c2.text, c2.row, c2.col, c2.anchor, c2.page):
                out.append(f"table {x.index} cell {c1.row},{c1.col}: {c1.text!r} {c1.anchor} vs {c2.text!r} {c2.anchor}")
            elif (c1.room is None) != (c2.room is None) or (
                    c1.room is not None and c2.room is not None and abs(c1.room - c2.room) > ROOM_TOLERANCE):
                out.append(f"table {x.index} cell {c1.row},{c1.col} room {c1.room} vs {c2.room}")
    return out
