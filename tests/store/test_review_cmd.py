"""`review list|accept|dismiss|reopen`: batch decisions on findings, in one transaction, with who and when."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from core.checks.registry import load_checks
from core.checks.workspace_run import check_workspace_documents
from core.review import FindingState
from core.store import Workspace
from tests.store.factory import make_document


@pytest.fixture
def checked(tmp_path: Path) -> str:
    path = tmp_path / "w.sqlite"
    load_checks()
    with Workspace.open(path) as ws:
        ids = [ws.import_document(make_document(n, dept_code=str(110 + n), projects=3), f"doc{n}".encode(),
                                  f"d{n}.docx").document_id for n in (1, 2)]
        check_workspace_documents(ws, [i for i in ids if i is not None])
    return str(path)


def _listed(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main.main(["review", "list", *args, "--json"]) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows


def test_dismiss_a_rule_in_one_department_with_one_reason(checked: str, capsys: pytest.CaptureFixture[str]) -> None:
    everything = _listed(capsys, "--workspace", checked)
    assert everything and {r["state"] for r in everything} == {"open"}
    rule = str(everything[0]["check_id"])
    department = str(everything[0]["department"]).split()[0]
    in_scope = _listed(capsys, "--workspace", checked, "--department", department, "--rule", rule)
    assert main.main(["review", "dismiss", "--workspace", checked, "--department", department, "--rule", rule,
                      "--reason", "部门已说明", "--by", "张审核"]) == 0
    assert f"已驳回 {len(in_scope)} 条" in capsys.readouterr().out
    after = {r["id"]: r for r in _listed(capsys, "--workspace", checked)}
    for row in in_scope:
        assert after[row["id"]]["state"] == "dismissed" and after[row["id"]]["reason"] == "部门已说明"
    others = [r for r in after.values() if r["id"] not in {x["id"] for x in in_scope}]
    assert others and all(r["state"] == "open" for r in others)
    with Workspace.open(checked, readonly=True) as ws:
        by, when = ws.finding_decision(int(str(in_scope[0]["id"])))
    assert by == "张审核" and when is not None


def test_accept_a_project_then_reopen_it(checked: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _listed(capsys, "--workspace", checked, "--project", "1")
    assert rows
    assert main.main(["review", "accept", "--workspace", checked, "--project", "1"]) == 0
    assert {r["state"] for r in _listed(capsys, "--workspace", checked, "--project", "1")} == {"accepted"}
    assert main.main(["review", "reopen", "--workspace", checked, "--project", "1"]) == 0
    assert {r["state"] for r in _listed(capsys, "--workspace", checked, "--project", "1")} == {"open"}


def test_refusals_change_nothing(checked: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["review", "accept", "--workspace", checked, "--rule", "Z99"]) == 2
    assert "没有符合条件的审核发现" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main.main(["review", "dismiss", "--workspace", checked, "--rule", "A1"])  # no --reason
    with Workspace.open(checked) as ws:
        first = ws.findings(ws.documents()[0].id)[0]
        with pytest.raises(Exception, match="不存在"):
            ws.set_findings_state([first.id, 999_999], FindingState.ACCEPTED)
        assert ws.findings(ws.documents()[0].id)[0].finding.state is FindingState.OPEN
