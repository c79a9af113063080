"""Fixtures for check tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.checks.registry import run_checks
from core.model import Document
from core.review import Finding

Run = Callable[[Document, str], list[Finding]]


@pytest.fixture
def run() -> Run:
    """run(document, "C1") → the findings of that one check."""

    def go(doc: Document, check_id: str) -> list[Finding]:
        return run_checks(doc, only={check_id})

    return go
