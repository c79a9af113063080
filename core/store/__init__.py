"""The workspace: SQLAlchemy schema, Alembic migrations, and the operations on it.

Start at `core.store.workspace.Workspace` (re-exported here with its records):

    from core.store import Workspace
    with Workspace.open(path) as ws: ...
"""

from core.store.records import (
    Changes,
    DepartmentInfo,
    DocumentInfo,
    ImportOutcome,
    ImportStatus,
    ProjectInfo,
    ProjectRecord,
    RegionInfo,
    SearchHit,
    StoredAnnotation,
    StoredFinding,
    StoredRevision,
    Uncarried,
    YearInfo,
)
from core.store.workspace import Workspace, default_workspace_path

__all__ = [
    "Changes", "DepartmentInfo", "DocumentInfo", "ImportOutcome", "ImportStatus", "ProjectInfo",
    "ProjectRecord", "RegionInfo", "SearchHit", "StoredAnnotation", "StoredFinding", "StoredRevision",
    "Uncarried", "Workspace", "YearInfo", "default_workspace_path",
]
