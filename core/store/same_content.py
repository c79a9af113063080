"""Whether two documents say the same thing: a department's .docx and the .pdf printed from
it are one text in two formats, not two versions.

Departments often send both. Imported one after the other, the second used to become a
"new version" of the first without a word, and the memo then cited the PDF. What is
compared is what the reviewer works on, as written: the department, year and kind, and
per project its header fields, spending plan, goals and every indicator cell. White
space is left out of the comparison (a PDF's text breaks lines where the .docx does not);
provenance (pages against tables) and the file itself are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.model import Document, Field, Indicator, Project

_PROJECT_FIELDS = ("code", "name", "budget_total", "fiscal_funds", "other_funds", "usage", "goal", "long_term_goal",
                   "cost_total")


def without_spaces(text: str | None) -> str:
    """`text` with all white space left out: how two readings of one text are compared."""
    return "".join((text or "").split())


def _text(value: Field | str | None) -> str:
    return without_spaces(value.raw if isinstance(value, Field) else value)


def _indicator(row: Indicator) -> Iterator[str]:
    for column in ("level1", "level2", "level3", "description", "value"):
        yield _text(row.get(column))
    yield _text(row.basis)
    yield from (f"{_text(key)}={_text(value)}" for key, value in sorted(row.extra.items()))


def _project(project: Project) -> Iterator[str]:
    yield _text(project.title)
    for name in _PROJECT_FIELDS:
        yield _text(getattr(project, name))
    for key, value in sorted((project.spending_plan or {}).items()):
        yield f"{_text(key)}={_text(value)}"
    for key, value in sorted(project.funding.items()):
        yield f"{_text(key)}={_text(value)}"
    for grid in (project.indicators, project.long_term_indicators):
        yield f"rows={len(grid)}"
        for row in grid:
            yield from _indicator(row)


def content_key(doc: Document) -> tuple[str, ...]:
    """What two formats of one text share, in order (see the module docstring)."""
    head = (doc.kind.value, str(doc.year), _text(doc.org.dept_code), _text(doc.org.dept_name),
            f"projects={len(doc.projects)}")
    return head + tuple(part for project in doc.projects for part in _project(project))


def same_content(a: Document, b: Document) -> bool:
    """True when `a` and `b` hold the same projects, amounts, goals and indicators as written."""
    return bool(a.projects) and content_key(a) == content_key(b)
