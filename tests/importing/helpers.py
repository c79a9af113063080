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
