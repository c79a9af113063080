"""Child process for the fault scenarios: hold a workspace open, or edit it in a loop and report each commit.

    python -m tests.faults.worker hold WORKSPACE           # "ready", then waits for stdin to close
    python -m tests.faults.worker edit WORKSPACE COUNT     # "ready SHA256", then "committed <kind> <place> <text>"
                                                           # after each commit (a later revision at a
                                                           # place replaces the earlier one there)
"""

from __future__ import annotations

import sys

from core.review import Location
from core.store import Workspace


def hold(path: str) -> None:
    with Workspace.open(path):
        print("ready", flush=True)
        sys.stdin.read()


def edit(path: str, count: int) -> None:
    with Workspace.open(path) as ws:
        document = ws.documents()[0]
        projects = ws.projects(document.id)
        print(f"ready {document.sha256}", flush=True)
        for i in range(count):
            project = projects[i % len(projects)]
            if i % 2:
                text = f"批注{i}：请补充测算依据"
                ws.add_annotation(document.id, Location(project_seq=project.seq), text, author="审核人")
                print(f"committed annotation - {text}", flush=True)
            else:
                text = f"修改建议{i}"
                row = (i // 2) % max(1, project.indicator_count)
                place = Location(project_seq=project.seq, indicator=row, column="value")
                ws.set_revision(document.id, place, text, author="审核人")
                print(f"committed revision {place.key()} {text}", flush=True)


def main() -> None:
    command, path = sys.argv[1], sys.argv[2]
    if command == "hold":
        hold(path)
    elif command == "edit":
        edit(path, int(sys.argv[3]))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
