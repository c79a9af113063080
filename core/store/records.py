"""What the workspace hands back: change records, import outcomes and light rows for lists.

Plain frozen dataclasses with database ids, so the window can keep ids in its Qt
models and ask the workspace for details lazily. No SQLAlchemy objects escape the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from core.errors import Cancelled
from core.import_report import ImportReport
from core.model import Project
from core.names import NAME_KEY_PREFIX as NAME_KEY_PREFIX  # re-exported: where it was declared before
from core.names import department_label
from core.review import Annotation, Finding, Revision


@dataclass(frozen=True, slots=True)
class Changes:
    """What kinds of rows one write changed (Anki's OpChanges): views redraw only those.

    `document_ids` / `project_ids` name the rows touched where that is known, so a
    view showing another project can ignore the change.
    """

    documents: bool = False  # documents, departments, regions, projects, indicators
    revisions: bool = False
    annotations: bool = False
    findings: bool = False
    grades: bool = False
    year_matches: bool = False
    document_ids: frozenset[int] = frozenset()
    project_ids: frozenset[int] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            documents=self.documents or other.documents,
            revisions=self.revisions or other.revisions,
            annotations=self.annotations or other.annotations,
            findings=self.findings or other.findings,
            grades=self.grades or other.grades,
            year_matches=self.year_matches or other.year_matches,
            document_ids=self.document_ids | other.document_ids,
            project_ids=self.project_ids | other.project_ids,
        )

    @property
    def any(self) -> bool:
        return any((self.documents, self.revisions, self.annotations, self.findings,
                    self.grades, self.year_matches))


NO_CHANGES = Changes()


class ImportStatus(StrEnum):
    IMPORTED = "imported"  # a new document
    NEW_VERSION = "new_version"  # replaced an earlier version of the same department, year and kind
    DUPLICATE = "duplicate"  # the same file (sha256) was already in the workspace; nothing written
    FAILED = "failed"  # the file could not be read; nothing written


@dataclass(frozen=True, slots=True)
class Uncarried:
    """A reviewer's revision or annotation that could not follow to the new version."""

    kind: str  # "revision" or "annotation"
    location: str  # Location.key() in the old version
    text: str  # the suggestion or the annotation text
    reason: str  # Chinese, for the user


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    file_name: str
    status: ImportStatus
    sha256: str = ""
    document_id: int | None = None
    replaced_document_id: int | None = None
    carried_revisions: int = 0
    carried_annotations: int = 0
    uncarried: tuple[Uncarried, ...] = ()
    message: str = ""  # Chinese: the error for FAILED, the existing document for DUPLICATE
    changes: Changes = NO_CHANGES
    report: ImportReport | None = None  # what the import read (IMPORTED and NEW_VERSION)

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file_name, "status": self.status.value, "sha256": self.sha256,
            "document_id": self.document_id, "replaced_document_id": self.replaced_document_id,
            "carried_revisions": self.carried_revisions, "carried_annotations": self.carried_annotations,
            "uncarried": [{"kind": u.kind, "location": u.location, "text": u.text, "reason": u.reason}
                          for u in self.uncarried],
            "message": self.message,
            "report": None if self.report is None else self.report.to_dict(),
        }


class ImportCancelled(Cancelled):
    """The reviewer cancelled a batch import: the files imported before stay imported.

    `outcomes` are those files' outcomes (imported, duplicates, failures), in the batch's
    order; `not_imported` the names of the files the import did not finish (the one being
    read or stored when the cancel came, and those after it).
    """

    def __init__(self, outcomes: list[ImportOutcome], not_imported: list[str]) -> None:
        super().__init__()
        self.outcomes = outcomes
        self.not_imported = not_imported


@dataclass(frozen=True, slots=True)
class RegionInfo:
    id: int
    name: str
    department_count: int


@dataclass(frozen=True, slots=True)
class DepartmentInfo:
    id: int
    region_id: int
    code: str
    name: str
    document_count: int

    @property
    def label(self) -> str:
        """How lists name the department: "113 唐山市人民政府办公室", or the name alone without a code."""
        return department_label(self.code, self.name)


@dataclass(frozen=True, slots=True)
class YearInfo:
    year: int | None
    document_count: int


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    department_id: int
    year: int | None
    kind: str
    source_name: str
    sha256: str
    imported_at: datetime
    is_current: bool
    replaces_id: int | None
    project_count: int


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    """One line of a department's project list."""

    id: int
    document_id: int
    position: int
    seq: int | None
    code: str | None
    name: str  # display name: 项目名称, else the table title (core.names.project_display_name)
    unit_code: str
    unit_name: str
    budget_total: str | None  # raw text
    money_unit: str | None
    indicator_count: int


@dataclass(slots=True)
class ProjectRecord:
    """A project as the model holds it, with the ids of its rows (indicator_ids[i] ↔ indicators[i])."""

    id: int
    document_id: int
    project: Project
    indicator_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StoredRevision:
    id: int
    document_id: int
    project_id: int | None
    indicator_id: int | None
    revision: Revision
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredAnnotation:
    id: int
    document_id: int
    project_id: int | None
    indicator_id: int | None
    annotation: Annotation
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredFinding:
    id: int
    document_id: int
    project_id: int | None
    indicator_id: int | None
    finding: Finding


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: a project (indicator_id None) or one indicator row."""

    project_id: int
    indicator_id: int | None
    document_id: int
    department: str
    year: int | None
    project_name: str
    field: str  # which column matched: name, goal, level3, description, value
    text: str  # that column's text


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of search hits and how many there are in all.

    `total` is exact up to the count cap; `capped` says the count stopped there (a term
    such as 满意度 is in a quarter of a province's indicators, and counting them all would
    take longer than the search itself).
    """

    hits: list[SearchHit]
    total: int
    offset: int
    capped: bool = False
