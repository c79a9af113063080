"""Whether two documents say the same thing: a department's .docx and the .pdf printed from
it are one text in two formats, not two versions.

Departments often send both. Imported one after the other, the second used to become a
"new version" of the first without a word, and the memo then cited the PDF. What is
compared is what the reviewer works on, as written: the department, year and kind, and
per project its header fields, spending plan, goals and every indicator cell. White
space is left out of the comparison (a PDF's text breaks lines where the .docx does not);
provenance (pages against tables) and the file itself are not compared.

The store keeps each document's key as a digest (`content_digest`, the column
documents.content_sha256), so an import compares one stored string instead of loading
the current version.
"""

from __future__ import annotations

import hashlib

from core.model import Document, Field, Indicator, Project

_PROJECT_FIELDS = ("code", "name", "budget_total", "fiscal_funds", "other_funds", "usage", "goal", "long_term_goal",
                   "cost_total")


def without_spaces(text: str | None) -> str:
    """`text` with all white space left out: how two readings of one text are compared."""
    return "".join((text or "").split())


def _raw(value: Field | str | None) -> str:
    return "" if value is None else value.raw if isinstance(value, Field) else value


def _pairs(mapping: dict[str, Field] | None, out: list[str]) -> None:
    for key, value in sorted((mapping or {}).items()):
        out.append(f"{key}={_raw(value)}")


def _indicator(row: Indicator, out: list[str]) -> None:
    out.extend((_raw(row.level1), _raw(row.level2), _raw(row.level3), _raw(row.description), _raw(row.value),
                _raw(row.basis)))
    _pairs(row.extra, out)


def _project(project: Project, out: list[str]) -> None:
    out.append(_raw(project.title))
    out.extend(_raw(getattr(project, name)) for name in _PROJECT_FIELDS)
    _pairs(project.spending_plan, out)
    _pairs(project.funding, out)
    for grid in (project.indicators, project.long_term_indicators):
        out.append(f"rows={len(grid)}")
        for row in grid:
            _indicator(row, out)


def content_key(doc: Document) -> str:
    """What two formats of one text share, in order, as one string: the parts (see the
    module docstring) joined by NUL, every white space left out."""
    out = [doc.kind.value, str(doc.year), doc.org.dept_code, doc.org.dept_name, f"projects={len(doc.projects)}"]
    for project in doc.projects:
        _project(project, out)
    # One pass over the joined text: NUL is no white space, so the parts stay apart.
    return without_spaces("\x00".join(out))


def content_digest(doc: Document) -> str | None:
    """sha256 of `content_key(doc)`; None for a document without projects (never the same as another)."""
    if not doc.projects:
        return None
    return hashlib.sha256(content_key(doc).encode("utf-8", "surrogatepass")).hexdigest()
