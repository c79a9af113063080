"""The comparison tests' name for the shared truth → Document builder (tests/fixtures/truthdoc.py)."""

from tests.fixtures.truthdoc import document_from_truth

__all__ = ["document_from_truth"]
