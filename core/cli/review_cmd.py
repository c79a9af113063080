"""`review list|accept|dismiss|reopen`: the reviewer's decisions on findings, in batches.

    review list    --workspace W [--department CODE [--region NAME]] [--year Y] [--project P] [--rule ID]
                   [--state open|accepted|dismissed] [--json]
    review accept  … same scope …  [--by NAME] [--settings FILE]
    review dismiss … same scope …  --reason TEXT [--by NAME] [--settings FILE]
    review reopen  … same scope …  [--by NAME] [--settings FILE]

The scope picks the findings of the current documents: a department (by code), a year, a
project (its number or a part of its name), a rule. `accept` and `dismiss` act on open
findings unless `--state` says otherwise; every finding of one command is decided in one
transaction (all or none), with who (`--by`, default the login name) and when. The
projects concerned are graded again from their findings as now decided (a dismissed
finding costs no points), with the review settings `--settings` gives, as `check` grades;
a grade the reviewer set stays.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.cli.import_cmd import add_workspace_option
from core.errors import UserError

if TYPE_CHECKING:  # the workspace (SQLAlchemy) and the model are loaded by run(), not when --help is built
    from core.review import FindingState
    from core.store.records import StoredFinding
    from core.store.workspace import Workspace

# The values of core.review.FindingState (tests/test_lazy_imports.py checks they agree) and
# the state each action sets, spelled out so that building --help does not load the model.
STATES = ("open", "accepted", "dismissed")
ACTIONS = {"accept": "accepted", "dismiss": "dismissed", "reopen": "open"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("review", help="审核发现的批量采纳、驳回和列表 (batch decisions on findings)")
    actions = parser.add_subparsers(dest="action", required=True)
    for name, text in (("list", "列出审核发现"), ("accept", "采纳"), ("dismiss", "驳回（须写明理由）"),
                       ("reopen", "重新打开")):
        action = actions.add_parser(name, help=text)
        action.add_argument("--department", metavar="CODE", help="department code (default: every department)")
        action.add_argument("--region", metavar="NAME", help="region, when the code exists in several")
        action.add_argument("--year", type=int)
        action.add_argument("--project", metavar="P", help="project number, or a part of its name")
        action.add_argument("--rule", metavar="ID", help="rule id, e.g. D3")
        action.add_argument("--state", choices=STATES,
                            help="findings in this state (default: open for accept/dismiss)")
        if name == "list":
            action.add_argument("--json", action="store_true", help="JSON on stdout")
        else:
            action.add_argument("--by", metavar="NAME", help="who decides (default: the login name)")
            action.add_argument("--settings", metavar="FILE",
                                help="review settings as JSON, as `check --settings` reads them: the projects "
                                     "concerned are graded again with them")
        if name == "dismiss":
            action.add_argument("--reason", required=True, help="why (required)")
        add_workspace_option(action)
        action.set_defaults(func=run)


@dataclass(frozen=True, slots=True)
class Scoped:
    finding: StoredFinding
    department: str
    year: int | None
    project: str  # "" for a department-level finding


def _departments(ws: Workspace, code: str | None, region: str | None) -> list[int]:
    if code is None:
        return [d.id for r in ws.regions() for d in ws.departments(r.id)]
    from core.store.department_lookup import department_by_code

    return [department_by_code(ws, code, region).id]


def select_findings(ws: Workspace, args: argparse.Namespace, default_state: FindingState | None) -> list[Scoped]:
    """The findings the scope options name, in document and project order."""
    from core.review import FindingState

    state = FindingState(args.state) if args.state else default_state
    out: list[Scoped] = []
    for department_id in _departments(ws, args.department, args.region):
        department = ws.department(department_id)
        for document in ws.documents(department_id, args.year, current_only=True):
            projects = {p.id: p for p in ws.projects(document.id)}
            for stored in ws.findings(document.id, state=state):
                project = projects.get(stored.project_id) if stored.project_id is not None else None
                if args.rule and stored.finding.check_id != args.rule:
                    continue
                if args.project:
                    if project is None:
                        continue
                    wanted = args.project.strip()
                    if not (wanted.isdigit() and project.seq == int(wanted)) and wanted not in project.name:
                        continue
                out.append(Scoped(stored, department.label, document.year,
                                  project.name if project is not None else ""))
    return out


def run(args: argparse.Namespace) -> int:
    from core.review import FindingState
    from core.store.workspace import Workspace

    action = args.action
    readonly = action == "list"
    regrade = None
    if not readonly:  # a decision changes what its projects' grades count: graded again, as `check` would
        from core.checks.grading import grader
        from core.cli.check_cmd import load_settings

        regrade = grader(load_settings(args.settings))
    with Workspace.open(args.workspace, readonly=readonly) as ws:
        default = None if action == "list" else (FindingState.OPEN if action != "reopen" else None)
        chosen = select_findings(ws, args, default)
        if action == "list":
            _print(chosen, args.json)
            return 0
        target = FindingState(ACTIONS[action])
        if action == "reopen":
            chosen = [c for c in chosen if c.finding.finding.state is not FindingState.OPEN]
        if not chosen:
            raise UserError("没有符合条件的审核发现，未作修改。")
        reason = getattr(args, "reason", None)
        by = args.by or getpass.getuser()
        ws.set_findings_state([c.finding.id for c in chosen], target, reason.strip() if reason else None, by=by,
                              regrade=regrade)
    verb = {"accept": "采纳", "dismiss": "驳回", "reopen": "重新打开"}[action]
    print(f"已{verb} {len(chosen)} 条审核发现（{by}）。")
    return 0


def _print(chosen: list[Scoped], as_json: bool) -> None:
    if as_json:
        rows = [{"id": c.finding.id, "department": c.department, "year": c.year, "project": c.project or None,
                 "check_id": c.finding.finding.check_id, "severity": c.finding.finding.severity.value,
                 "state": c.finding.finding.state.value, "reason": c.finding.finding.reason,
                 "quote": c.finding.finding.quote, "key": c.finding.finding.key,
                 "params": dict(c.finding.finding.params), "message": c.finding.finding.text("zh")}
                for c in chosen]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    for c in chosen:
        f = c.finding.finding
        where = c.project or "部门整体"
        print(f"{c.finding.id:>6} {f.check_id:<4} {f.state.value:<9} {c.year or ''} {where}：{f.text('zh')}")
    print(f"共 {len(chosen)} 条。")
