"""`python main.py check`: files directly, or the workspace's documents with states and grades kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.review import Band, FindingState
from main import main

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
LUNAN = SAMPLES / "2025_lunan_shenpiju_A.docx"
DUCHASHI = SAMPLES / "2025_tangshan_duchashi_A.docx"


def test_files_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(LUNAN)]) == 0
    out = capsys.readouterr().out
    assert "2025_lunan_shenpiju_A.docx" in out and "规则" in out and "说明" in out
    assert "C6" in out and "≥100%" in out and "建议：100%" in out
    assert "评分：" in out


def test_files_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(LUNAN), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [document] = data["documents"]
    c6 = [f for f in document["findings"] if f["check_id"] == "C6"]
    assert c6[0]["quote"] == "≥100%" and c6[0]["project"] == "优化营商环境项目经费"
    assert c6[0]["location"] == {"field": None, "indicator": 0, "column": "value"}
    assert c6[0]["prov"]["table"] is not None and document["grades"]["6"]["band"] in {"优", "良", "中", "差"}


def test_department_filter_and_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"disabled_checks": ["E2", "D3", "C3"]}), encoding="utf-8")
    assert main(["check", str(LUNAN), str(DUCHASHI), "--department", "115001", "--settings", str(settings),
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["source_name"] for d in data["documents"]] == [DUCHASHI.name]
    assert not {f["check_id"] for f in data["documents"][0]["findings"]} & {"E2", "D3", "C3"}


def test_missing_file_and_bad_settings_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.docx")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["check", str(LUNAN), "--settings", str(bad)]) == 2
    assert "不是有效的 JSON" in capsys.readouterr().err


@pytest.mark.parametrize("text, label", [
    ('{"satisfaction_min_percent": NaN}', "满意度目标下限"),
    ('{"qualitative_share_max": "NaN"}', "定性指标占比上限"),
    ('{"copy_share_min": Infinity}', "与其他项目相同行的占比"),
    ('{"criterion_weights": {"完整性": "-Infinity"}}', "各审核内容的分值"),
    ('{"criterion_weights": {"完整性": 1e20}}', "各审核内容的分值"),
    ('{"yearly_budget_change": 100000000000000000000}', "预算变动幅度"),
    ('{"max_deductions_per_rule": 1e20}', "同一项目同一规则最多扣分次数"),
    ('{"severity_deductions": {"错误": "1' + "0" * 5000 + '"}}', "每个问题的扣分"),
])
def test_settings_with_nan_infinity_or_huge_numbers_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          text: str, label: str) -> None:
    """Issue 16: NaN aborted `check` with decimal.InvalidOperation; 10^20 slipped through."""
    settings = tmp_path / "settings.json"
    settings.write_text(text, encoding="utf-8")
    assert main(["check", str(LUNAN), "--settings", str(settings)]) == 2
    err = capsys.readouterr().err
    assert "settings.json" in err and label in err and "值无效" in err and "Traceback" not in err
    assert len(err) < 300  # a number of 5,000 digits is not printed whole


def test_workspace_keeps_decisions_and_overrides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.checks.grading import override_grade
    from core.store.workspace import Workspace

    target = tmp_path / "w.sqlite"
    with Workspace.open(target) as ws:
        ws.import_files([LUNAN])
    assert main(["check", "--workspace", str(target), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["documents"][0]
    with Workspace.open(target) as ws:
        document_id = ws.documents(current_only=True)[0].id
        stored = ws.findings(document_id)
        assert len(stored) == len(first["findings"])
        c6 = next(s for s in stored if s.finding.check_id == "C6")
        ws.set_finding_state(c6.id, FindingState.DISMISSED, "单位已说明：按全额计")
        project = next(p for p in ws.projects(document_id) if p.seq == 6)
        computed = ws.grade(project.id)
        assert computed is not None and not computed.overridden
        ws.set_grade(project.id, override_grade(computed, band=Band.POOR))
    assert main(["check", "--workspace", str(target), "--department", "438001"]) == 0
    out = capsys.readouterr().out
    assert "（已忽略）" in out and "（审核人评定）" in out
    with Workspace.open(target) as ws:
        again = next(s for s in ws.findings(document_id) if s.finding.check_id == "C6")
        assert again.finding.state is FindingState.DISMISSED and again.finding.reason == "单位已说明：按全额计"
        grade = ws.grade(project.id)
        assert grade is not None and grade.overridden and grade.band is Band.POOR


def test_unknown_department_in_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.store.workspace import Workspace

    target = tmp_path / "w.sqlite"
    Workspace.open(target).close()
    assert main(["check", "--workspace", str(target), "--department", "999999"]) == 2
    assert "999999" in capsys.readouterr().err


# ---- scopes, streaming output, progress and Ctrl+C over a workspace ----------------------------

NEXT_YEAR = SAMPLES / "2026_tangshan_duchashi_nextyear.docx"
YUTIAN = SAMPLES / "2025_yutian_zhengfuban_A.docx"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """唐山市 (115001: 2025 and 2026), 唐山市路南区 (438001: 2025), 玉田县 (434001: 2025)."""
    from core.store.workspace import Workspace

    target = tmp_path_factory.mktemp("scopes") / "w.sqlite"
    with Workspace.open(target) as ws:
        ws.import_files([LUNAN, DUCHASHI, YUTIAN, NEXT_YEAR])
    return target


@pytest.fixture
def workspace(imported: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "w.sqlite"
    shutil.copyfile(imported, target)
    return target


def _checked(workspace: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[dict[str, object]]:
    assert main(["check", "--workspace", str(workspace), "--json", *options]) == 0
    documents: list[dict[str, object]] = json.loads(capsys.readouterr().out)["documents"]
    return documents


def test_region_and_year_scopes(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert {d["source_name"] for d in _checked(workspace, capsys)} == {
        LUNAN.name, DUCHASHI.name, YUTIAN.name, NEXT_YEAR.name}
    assert [d["source_name"] for d in _checked(workspace, capsys, "--region", "唐山市")] == [NEXT_YEAR.name,
                                                                                           DUCHASHI.name]
    [next_year] = _checked(workspace, capsys, "--region", "唐山市", "--year", "2026")
    assert next_year["source_name"] == NEXT_YEAR.name and next_year["previous_document_id"] is not None
    assert {d["source_name"] for d in _checked(workspace, capsys, "--year", "2025")} == {
        LUNAN.name, DUCHASHI.name, YUTIAN.name}
    assert [d["source_name"] for d in _checked(workspace, capsys, "--region", "玉田县", "--department", "434001")
            ] == [YUTIAN.name]


@pytest.mark.parametrize("options, words", [
    (["--region", "石家庄市"], ["没有名为“石家庄市”的地区", "现有地区", "唐山市路南区"]),
    (["--region", "玉田县", "--department", "115001"], ["地区“玉田县”中没有编码为 115001 的部门"]),
    (["--region", "唐山市", "--year", "2019"], ["地区“唐山市”没有 2019 年的当前文档"]),
    (["--year", "2019"], ["没有 2019 年的当前文档"]),
])
def test_a_scope_that_matches_nothing_exits_2(workspace: Path, capsys: pytest.CaptureFixture[str],
                                              options: list[str], words: list[str]) -> None:
    assert main(["check", "--workspace", str(workspace), "--json", *options]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing half-written on stdout
    assert all(w in captured.err for w in words) and "Traceback" not in captured.err


def test_json_output_unchanged_and_progress_with_time_left(workspace: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The streamed JSON is byte for byte what json.dump(indent=1) of the whole run gives."""
    from core.checks.workspace_run import check_workspace_documents
    from core.cli.check_cmd import document_json
    from core.store.workspace import Workspace

    assert main(["check", "--workspace", str(workspace), "--json"]) == 0
    captured = capsys.readouterr()
    assert "[1/4] 检查" in captured.err and "[4/4] 检查" in captured.err and "剩余约" in captured.err
    with Workspace.open(workspace) as ws:  # again: the stored states make it the same run
        results = check_workspace_documents(ws, [d.id for d in ws.documents(current_only=True)])
        expected = {"documents": [document_json(r) for r in results], "errors": []}
    assert captured.out == json.dumps(expected, ensure_ascii=False, indent=1) + "\n"


def test_empty_workspace_gives_the_same_empty_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.store.workspace import Workspace

    target = tmp_path / "w.sqlite"
    Workspace.open(target).close()
    assert main(["check", "--workspace", str(target), "--json"]) == 0
    assert capsys.readouterr().out == json.dumps({"documents": [], "errors": []}, indent=1) + "\n"


def test_ctrl_c_cancels_and_keeps_the_batches_stored(workspace: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import signal

    import core.checks.workspace_run as workspace_run
    from core.store.workspace import Workspace

    monkeypatch.setattr(workspace_run, "BATCH_DOCUMENTS", 1)
    checked: list[str] = []
    real = workspace_run.run_checks

    def run_checks(document, settings, previous):  # type: ignore[no-untyped-def]
        checked.append(document.source_name)
        if len(checked) == 2:
            signal.raise_signal(signal.SIGINT)  # Ctrl+C while the second document is checked
        return real(document, settings, previous)

    monkeypatch.setattr(workspace_run, "run_checks", run_checks)
    handler = signal.getsignal(signal.SIGINT)
    # --jobs 1: the rule patched above runs in this process (tests/checks/test_parallel_checks.py
    # cancels a run spread over worker processes).
    assert main(["check", "--workspace", str(workspace), "--year", "2025", "--jobs", "1"]) == 130
    captured = capsys.readouterr()
    assert "已取消" in captured.err and "Traceback" not in captured.err
    assert captured.out.count("== ") == 2  # the documents whose batches were stored were printed
    assert len(checked) == 2 and signal.getsignal(signal.SIGINT) is handler
    with Workspace.open(workspace) as ws:
        with_findings = [d.source_name for d in ws.documents(current_only=True) if ws.findings(d.id)]
    assert sorted(with_findings) == sorted(checked)
