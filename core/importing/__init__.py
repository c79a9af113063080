"""Document importing: readers to the intermediate form, and the recogniser to the domain model.

Public API:
    read_document(path, *, progress=NoProgress()) -> Document
    DocumentReader(limits=None, progress=None).read(path) -> Document  (core.importing.sandbox)
    read_untrusted(path, progress=None) -> Document                     (core.importing.sandbox)
    document_to_json(doc) -> dict                                       (core.importing.truth_json)

read_document parses in this process: the pure library function. A user's file is
read through core.importing.sandbox instead (a child process with time and memory
limits, reused across a batch).

Every failure a user can cause raises a core.errors.DocumentError naming the file.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import NotAPerformanceDocumentError
from core.model import Document
from core.progress import NoProgress, Progress, check


def read_document(path: str | Path, *, progress: Progress | None = None) -> Document:
    """Import one .docx, .pdf or .xlsx file into a Document (raises DocumentError subclasses)."""
    from core.importing.recognise import recognise
    from core.importing.registry import read_layout

    progress = progress or NoProgress()
    layout = read_layout(path, progress=progress)
    check(progress)
    document = recognise(layout)
    if not document.projects and not document.budget_tables:
        raise NotAPerformanceDocumentError(path, _renamed(Path(path), layout.source_format))
    return document


_KIND_WORDS = {"docx": "Word 文档", "xlsx": "Excel 工作簿", "pdf": "PDF 文件"}
_SUFFIX_KINDS = {".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".pdf": "pdf"}


def _renamed(path: Path, read_as: str) -> str:
    """A note when the content is of another kind than the name says (an .xlsx renamed .docx):
    the user looking for a Word document must learn that it is a workbook."""
    named = _SUFFIX_KINDS.get(path.suffix.lower())
    if named is None or named == read_as or read_as not in _KIND_WORDS:
        return ""
    return (f"（注意：这个文件的扩展名是 {path.suffix}，但内容是 {_KIND_WORDS[read_as]}，不是 {_KIND_WORDS[named]}，"
            f"已按 {_KIND_WORDS[read_as]} 读取。）")


__all__ = ["read_document"]
