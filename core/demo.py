"""The demo workspace: the sample documents shipped in resources/samples, imported once and checked.

`build_demo_workspace(path)` is idempotent: files already in the workspace (same
bytes) are recognised before parsing and skipped, so calling it on every start is
cheap. One file per document: when a sample exists as both .docx and .pdf, the
.docx is imported (the same document twice would only become its own new version).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from core.progress import Progress
from core.store import ImportOutcome, Workspace
from core.store.workspace import APP_NAME

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "resources" / "samples"
FORMAT_PREFERENCE = (".docx", ".pdf")


def demo_workspace_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "demo.sqlite"


def sample_files(folder: Path = SAMPLES_DIR) -> list[Path]:
    """One file per sample document, .docx preferred over .pdf."""
    chosen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix.lower() not in FORMAT_PREFERENCE:
            continue
        held = chosen.get(path.stem)
        if held is None or FORMAT_PREFERENCE.index(path.suffix.lower()) < FORMAT_PREFERENCE.index(
                held.suffix.lower()):
            chosen[path.stem] = path
    return sorted(chosen.values())


def build_demo_workspace(path: str | Path | None = None, progress: Progress | None = None, *,
                         samples: Path = SAMPLES_DIR) -> tuple[Path, list[ImportOutcome]]:
    """Create or complete the demo workspace; returns its path and the import outcomes."""
    target = Path(path) if path is not None else demo_workspace_path()
    with Workspace.open(target) as ws:
        outcomes = ws.import_files(sample_files(samples), progress)
        # The demo opens checked: documents just imported, and documents whose findings
        # were stored by an older build (sentences kept as "legacy"), are checked again
        # (decided states survive a re-check).
        stale = [info.id for info in ws.documents(current_only=True)
                 if _needs_check([f.finding.key for f in ws.findings(info.id)])]
        if stale:
            from core.checks.registry import load_checks
            from core.checks.workspace_run import check_workspace_documents

            load_checks()
            check_workspace_documents(ws, stale)
    return target, outcomes


def _needs_check(keys: list[str]) -> bool:
    """Never checked, or checked by a build that stored sentences ("legacy")."""
    return not keys or "legacy" in keys
