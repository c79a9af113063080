"""Child process for the atomicity test: open a workspace, say "ready", import one generated document.

    python -m tests.store.import_child WORKSPACE SEED PROJECTS
"""

from __future__ import annotations

import sys

from core.store import Workspace
from tests.store.factory import make_document


def main() -> None:
    path, seed, projects = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    doc = make_document(seed, dept_code=f"d{seed}", projects=projects)
    with Workspace.open(path) as ws:
        print("ready", flush=True)
        ws.import_document(doc, f"document {seed}".encode(), f"{seed}.docx")
    print("done", flush=True)


if __name__ == "__main__":
    main()
