"""`export --department CODE [--region NAME] [--year Y] --format json|xlsx --out FILE [--workspace PATH]`."""

from __future__ import annotations

import argparse
import sys

from core.cli.import_cmd import add_workspace_option
from core.names import shown


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("export", help="导出一个部门的项目、指标、修改建议和批注 (export a department)")
    parser.add_argument("--department", required=True, metavar="CODE", help="department code, e.g. 113")
    parser.add_argument("--region", metavar="NAME", help="region name, when the code exists in several regions")
    parser.add_argument("--year", type=int, help="only this year's documents")
    parser.add_argument("--format", choices=("json", "xlsx"), default="json")
    parser.add_argument("--out", required=True, metavar="FILE")
    add_workspace_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Loaded here, not at import: building the command line must not load SQLAlchemy or openpyxl.
    from core.atomic_write import check_outputs
    from core.store.department_lookup import department_by_code
    from core.store.export import export_department
    from core.store.workspace import Workspace, workspace_file

    # Before the workspace is opened: an --out that is the workspace must find it untouched.
    check_outputs([("导出", args.out)], workspace=workspace_file(args.workspace))
    notes: list[str] = []
    with Workspace.open(args.workspace, readonly=True) as ws:
        department = department_by_code(ws, args.department, args.region)
        path = export_department(ws, department.id, args.out, year=args.year, fmt=args.format, notes=notes)
    print(f"已导出：{shown(path)}")  # one printable line, whatever the name holds
    for note in notes:
        print(f"注意：{note}", file=sys.stderr)
    return 0
