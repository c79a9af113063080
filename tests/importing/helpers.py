"""Shared helpers for the importer tests: score a Document against a truth dict."""

from __future__ import annotations

import json
from pathlib import Path

from core.importing.truth_json import document_to_json
from core.model import Document
from tests.importing.score_import import score_document

TRUTHS = Path(__file__).resolve().parent.parent / "fixtures" / "truths"


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
