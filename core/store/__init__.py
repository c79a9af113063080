"""The workspace: SQLAlchemy schema, Alembic migrations, and the operations on it.

Start at `core.store.workspace.Workspace` (re-exported here with its records):

    from core.store import Workspace
    with Workspace.open(path) as ws: ...

The names are loaded on first use (PEP 562): importing a light submodule
(core.store.location, core.store.known_files) must not load SQLAlchemy with the workspace.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.store.location import default_workspace_path
    from core.store.records import (
        Changes,
        DepartmentInfo,
        DocumentInfo,
        ImportCancelled,
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
    from core.store.workspace import Workspace

_RECORDS = ("Changes", "DepartmentInfo", "DocumentInfo", "ImportCancelled", "ImportOutcome", "ImportStatus",
            "ProjectInfo", "ProjectRecord", "RegionInfo", "SearchHit", "StoredAnnotation", "StoredFinding",
            "StoredRevision", "Uncarried", "YearInfo")
_HOME = {**dict.fromkeys(_RECORDS, "core.store.records"),
         "Workspace": "core.store.workspace", "default_workspace_path": "core.store.location"}

__all__ = [
    "Changes", "DepartmentInfo", "DocumentInfo", "ImportCancelled", "ImportOutcome", "ImportStatus", "ProjectInfo",
    "ProjectRecord", "RegionInfo", "SearchHit", "StoredAnnotation", "StoredFinding", "StoredRevision",
    "Uncarried", "Workspace", "YearInfo", "default_workspace_path",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # asked once
    return value
