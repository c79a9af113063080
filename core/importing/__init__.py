"""Document importing: readers to the intermediate form, and the recogniser to the domain model.

Public API:
    read_document(path, *, progress=NoProgress()) -> Document
    read_document_sandboxed(path, timeout_s, memory_mb) -> Document   (core.importing.sandbox)
    document_to_json(doc) -> dict                                       (core.importing.truth_json)

Every failure a user can cause raises a core.errors.DocumentError naming the file.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import NotAPerformanceDocumentError
from core.model import Document
from core.progress import NoProgress, Progress, check


def read_document(path: str | Path, *, progress: Progress | None = None) -> Document:
    """Import one .docx or .pdf file into a Document (raises DocumentError subclasses)."""
    from core.importing.recognise import recognise
    from core.importing.registry import read_layout

    progress = progress or NoProgress()
    layout = read_layout(path, progress=progress)
    check(progress)
    document = recognise(layout)
    if not document.projects and not document.budget_tables:
        raise NotAPerformanceDocumentError(path)
    return document


__all__ = ["read_document"]
