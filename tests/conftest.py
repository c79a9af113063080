"""Shared fixtures: paths to the corpus and a fresh temporary folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "resources" / "samples"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def corpus_dir() -> Path:
    """../shared/corpus when present (developer machines), else the bundled samples."""
    return SHARED / "corpus"


@pytest.fixture
def samples() -> Path:
    return SAMPLES
