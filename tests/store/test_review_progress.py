"""Review progress (core/store/review_progress.py): counts per project and department, grades (the
proposal is grading's own, with the reviewer's settings), few queries, the write watch, and the
`progress` command with --settings, --json and --xlsx."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import event

import main
from core.checks.grading import grade_project, grader, override_grade
from core.checks.registry import load_checks
from core.checks.settings import CheckSettings
from core.checks.workspace_run import check_workspace_documents
from core.model import Field
from core.names import NAME_KEY_PREFIX
from core.review import Band, FindingState, Location
from core.store import Workspace
from core.store.review_progress import progress_findings, review_progress, write_progress_xlsx
from tests.store.factory import make_document


@pytest.fixture
def checked(tmp_path: Path) -> str:
    """Two departments (113: 2025 and 2024, 114: 2025), checked."""
    path = tmp_path / "w.sqlite"
    load_checks()
    with Workspace.open(path) as ws:
        docs = [make_document(1, dept_code="113", projects=4), make_document(2, dept_code="113", year=2024, projects=3),
                make_document(3, dept_code="114", dept_name="唐山市财政局", projects=5)]
        ids = [ws.import_document(d, f"doc{i}".encode(), f"d{i}.docx").document_id for i, d in enumerate(docs)]
        check_workspace_documents(ws, [i for i in ids if i is not None])
    return str(path)


def _naive_counts(ws: Workspace) -> dict[int | None, Counter[str]]:
    """Per project (None: department level, all departments), the states counted one finding at a time."""
    counts: dict[int | None, Counter[str]] = {}
    for info in ws.documents(current_only=True):
        for stored in ws.findings(info.id):
            counts.setdefault(stored.project_id, Counter())[stored.finding.state.value] += 1
    return counts


def test_counts_agree_with_the_findings_and_follow_decisions(checked: str) -> None:
    with Workspace.open(checked) as ws:
        findings = [f for info in ws.documents(current_only=True) for f in ws.findings(info.id)
                    if f.project_id is not None]
        assert len(findings) > 6
        ws.set_findings_state([findings[0].id, findings[1].id], FindingState.ACCEPTED)
        ws.set_findings_state([findings[2].id], FindingState.DISMISSED, "部门已说明")
        progress = review_progress(ws)
        naive = _naive_counts(ws)
        assert len(progress.projects) == 4 + 3 + 5
        for p in progress.projects:
            expected = naive.get(p.project_id, Counter())
            assert (p.counts.open, p.counts.accepted, p.counts.dismissed) == (
                expected["open"], expected["accepted"], expected["dismissed"]), p.name
        assert sum(p.counts.accepted for p in progress.projects) == 2
        assert sum(p.counts.dismissed for p in progress.projects) == 1
        everything = sum(sum(c.values()) for c in naive.values())
        assert sum(d.counts.total for d in progress.departments) == everything
        assert [d.code for d in progress.departments] == ["113", "114"]
        d113 = progress.departments[0]
        assert d113.projects == 7 and d113.counts.total == d113.department_level.total + sum(
            p.counts.total for p in progress.projects if p.department_id == d113.department_id)
        assert "113 唐山市人民政府办公室：7 个项目" in d113.summary()


def test_reviewer_grade_and_proposed_grade(checked: str) -> None:
    with Workspace.open(checked) as ws:
        first = review_progress(ws).projects[0]
        assert first.band is not None and not first.overridden
        assert first.proposed_band == first.band and first.proposed_total == first.total
        assert first.reviewer_band is None
        computed = ws.grade(first.project_id)
        assert computed is not None
        other = Band.POOR if computed.band is not Band.POOR else Band.EXCELLENT
        ws.set_grade(first.project_id, override_grade(computed, band=other))
        after = next(p for p in review_progress(ws).projects if p.project_id == first.project_id)
        assert after.overridden and after.reviewer_band is other and after.band is other
        # the program's proposal stays what grading computed
        assert after.proposed_band is computed.band and after.proposed_total == computed.total
        assert review_progress(ws).department(after.department_id).graded == 1  # type: ignore[union-attr]


# The reviewer's own scheme: criterion points adding up to 120 (scaled back to 100), errors cost more.
WEIGHTED = CheckSettings.from_dict({
    "criterion_weights": {"完整性": "40", "相关性": "30", "适当性": "20", "可行性": "30"},
    "severity_deductions": {"E": "15", "W": "5", "I": "1"}})


def _checked_with(path: Path, settings: CheckSettings) -> list[int]:
    load_checks()
    with Workspace.open(path) as ws:
        docs = [make_document(1, dept_code="113", projects=4), make_document(2, dept_code="114", projects=3)]
        ids = [ws.import_document(d, f"doc{i}".encode(), f"d{i}.docx").document_id for i, d in enumerate(docs)]
        check_workspace_documents(ws, [i for i in ids if i is not None], settings)
        return [i for i in ids if i is not None]


def test_proposal_is_the_grade_the_checks_give_with_the_reviewers_weights(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    ids = _checked_with(path, WEIGHTED)
    with Workspace.open(path) as ws:
        progress = review_progress(ws, settings=WEIGHTED)
        assert len(progress.projects) == 7
        for p in progress.projects:  # what the check stored, with the same settings
            stored = ws.grade(p.project_id)
            assert stored is not None
            assert (p.proposed_total, p.proposed_band) == (stored.total, stored.band) == (p.total, p.band)
        deducted = [p for p in progress.projects if p.proposed_total is not None and p.proposed_total < 100]
        assert deducted, "the sample has findings that cost points"
        # the weights matter: with the defaults the same findings grade differently
        defaults = {p.project_id: p.proposed_total for p in review_progress(ws).projects}
        assert any(defaults[p.project_id] != p.proposed_total for p in deducted)

        # The reviewer overrides one grade and dismisses a finding of another: the proposal is
        # still grading's own with these settings, the one the next check run stores.
        first, second = deducted[0], deducted[-1]
        computed = ws.grade(first.project_id)
        assert computed is not None
        ws.set_grade(first.project_id, override_grade(computed, band=Band.POOR))
        costly = next(f for f in ws.findings(second.document_id, second.project_id)
                      if f.finding.check_id not in WEIGHTED.ungraded_checks)
        ws.set_findings_state([costly.id], FindingState.DISMISSED, "部门已说明")
        after = {p.project_id: p for p in review_progress(ws, settings=WEIGHTED).projects}
        assert after[first.project_id].overridden and after[first.project_id].band is Band.POOR
        assert after[first.project_id].proposed_total == computed.total
        mine = [f.finding for f in ws.findings(second.document_id, second.project_id)]
        assert after[second.project_id].proposed_total == grade_project(mine, WEIGHTED).total
        assert after[second.project_id].proposed_total != after[second.project_id].total  # not yet re-checked
        check_workspace_documents(ws, ids, WEIGHTED)
        for p in review_progress(ws, settings=WEIGHTED).projects:
            stored = ws.grade(p.project_id)
            assert stored is not None
            assert p.proposed_total == after[p.project_id].proposed_total
            if not p.overridden:
                assert (p.proposed_total, p.proposed_band) == (stored.total, stored.band)


def test_a_decision_with_regrade_brings_the_stored_grade_to_the_proposal(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A dismissed finding no longer costs points: the window and `review` decide with the
    grading, so the stored grade (the grade dock, the memo) follows at once, as the progress
    overview's proposal does; an overridden grade stays the reviewer's."""
    path = tmp_path / "w.sqlite"
    _checked_with(path, WEIGHTED)

    regrade = grader(WEIGHTED)
    with Workspace.open(path) as ws:
        deducted = [p for p in review_progress(ws, settings=WEIGHTED).projects
                    if p.proposed_total is not None and p.proposed_total < 100]
        target, kept = deducted[0], deducted[-1]
        assert target.project_id != kept.project_id
        stored_kept = ws.grade(kept.project_id)
        assert stored_kept is not None
        ws.set_grade(kept.project_id, override_grade(stored_kept, band=Band.POOR))
        for p in (target, kept):
            costly = [f.id for f in ws.findings(p.document_id, p.project_id)
                      if f.finding.check_id not in WEIGHTED.ungraded_checks]
            changes = ws.set_findings_state(costly, FindingState.DISMISSED, "部门已说明", regrade=regrade)
            assert changes.grades
        after = {p.project_id: p for p in review_progress(ws, settings=WEIGHTED).projects}
        regraded = ws.grade(target.project_id)
        assert regraded is not None and regraded.total > target.total
        assert (regraded.total, regraded.band) == (after[target.project_id].proposed_total,
                                                   after[target.project_id].proposed_band)
        still = ws.grade(kept.project_id)
        assert still is not None and still.overridden and still.band is Band.POOR
        # without `regrade` the grade stays as the check left it
        some = next(f for f in ws.findings(target.document_id, target.project_id))
        ws.set_findings_state([some.id], FindingState.OPEN)
        assert ws.grade(target.project_id) == regraded

    # the command line: `review dismiss --settings` grades with the check's settings
    other = tmp_path / "other.sqlite"
    _checked_with(other, WEIGHTED)
    settings_file = tmp_path / "settings.json"
    settings_file.write_text(json.dumps(WEIGHTED.to_dict(), ensure_ascii=False), encoding="utf-8")
    with Workspace.open(other, readonly=True) as ws:
        before = {p.project_id: p.total for p in review_progress(ws, settings=WEIGHTED).projects}
    assert main.main(["review", "dismiss", "--workspace", str(other), "--department", "113", "--reason", "已核实",
                      "--settings", str(settings_file)]) == 0
    capsys.readouterr()
    with Workspace.open(other, readonly=True) as ws:
        projects = review_progress(ws, settings=WEIGHTED).projects
        dismissed = [p for p in projects if p.counts.dismissed]
        assert dismissed and all(p.total == p.proposed_total for p in projects)
        assert any(p.total is not None and before[p.project_id] is not None and p.total > before[p.project_id]
                   for p in dismissed)


def test_progress_command_grades_with_the_check_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.sqlite"
    _checked_with(path, CheckSettings())
    settings_file = tmp_path / "settings.json"
    settings_file.write_text(json.dumps(WEIGHTED.to_dict(), ensure_ascii=False), encoding="utf-8")
    assert main.main(["check", "--workspace", str(path), "--settings", str(settings_file), "--json",
                      "--jobs", "1"]) == 0
    checked = json.loads(capsys.readouterr().out)
    grades = {(d["document_id"], int(seq)): g for d in checked["documents"] for seq, g in d["grades"].items()}
    assert main.main(["progress", "--workspace", str(path), "--settings", str(settings_file), "--json"]) == 0
    projects = json.loads(capsys.readouterr().out)["projects"]
    assert len(projects) == len(grades) == 7
    for p in projects:
        grade = grades[(p["document_id"], p["seq"])]
        assert (p["proposed_total"], p["proposed_band"]) == (grade["total"], grade["band"]), p["name"]
    assert any(g["total"] < 100 for g in grades.values())
    assert main.main(["progress", "--workspace", str(path), "--settings", str(tmp_path / "none.json")]) == 2
    assert "none.json" in capsys.readouterr().err


def test_the_write_generation_moves_on_with_each_committed_write_and_not_with_reads(checked: str) -> None:
    """What the progress window (and a search's kept count) go by to know they are stale."""
    with Workspace.open(checked) as ws:
        start = ws.write_generation
        info = ws.documents(current_only=True)[0]
        review_progress(ws)
        ws.findings(info.id)
        ws.search_page("督查", 5)
        assert ws.write_generation == start  # reads
        finding = next(f for f in ws.findings(info.id) if f.project_id is not None)
        ws.set_findings_state([finding.id], FindingState.ACCEPTED)
        assert ws.write_generation == start + 1
        ws.add_annotation(info.id, Location(project_seq=1), "请补充依据")
        assert ws.write_generation == start + 2
        check_workspace_documents(ws, [info.id])
        assert ws.write_generation > start + 2


def test_scope_by_department_and_year(checked: str) -> None:
    with Workspace.open(checked, readonly=True) as ws:
        d113 = ws.find_departments("113")[0].id
        only = review_progress(ws, [d113], 2024)
        assert [d.code for d in only.departments] == ["113"]
        assert len(only.projects) == 3 and {p.year for p in only.projects} == {2024}
        lines = progress_findings(ws, [d113], 2024)
        assert lines and {f.year for f in lines} == {2024}
        assert all(f.department.startswith("113") for f in lines)


def test_a_few_queries_whatever_the_number_of_projects(checked: str) -> None:
    with Workspace.open(checked, readonly=True) as ws:
        statements: list[str] = []

        def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                statements.append(statement)

        event.listen(ws.engine, "before_cursor_execute", count)
        try:
            progress = review_progress(ws)
            progress_findings(ws)
        finally:
            event.remove(ws.engine, "before_cursor_execute", count)
        assert len(progress.projects) == 12
        assert len(statements) <= 4, statements


def test_workbook_holds_overview_and_findings(checked: str, tmp_path: Path) -> None:
    with Workspace.open(checked, readonly=True) as ws:
        progress = review_progress(ws)
        findings = progress_findings(ws)
        target = write_progress_xlsx(progress, findings, tmp_path / "out" / "progress.xlsx", workspace=ws.path)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["部门进度", "项目进度", "审核发现"]
    departments = list(book["部门进度"].iter_rows(values_only=True))
    assert departments[0][:4] == ("地区", "部门", "项目数", "待处理")
    assert len(departments) == 1 + len(progress.departments)
    projects = list(book["项目进度"].iter_rows(values_only=True))
    assert len(projects) == 1 + len(progress.projects)
    open_column = projects[0].index("待处理")
    assert sum(int(r[open_column]) for r in projects[1:]) == sum(p.counts.open for p in progress.projects)
    rows = list(book["审核发现"].iter_rows(values_only=True))
    assert len(rows) == 1 + len(findings)
    assert rows[0][:5] == ("部门", "年度", "序号", "项目名称", "规则")
    assert {r[rows[0].index("状态")] for r in rows[1:]} == {"待处理"}


def test_progress_command_json_and_xlsx(checked: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p.xlsx"
    assert main.main(["progress", "--workspace", checked, "--department", "114", "--json", "--xlsx", str(out)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [d["code"] for d in data["departments"]] == ["114"] and len(data["projects"]) == 5
    assert {"open", "accepted", "dismissed", "band", "proposed_band", "overridden"} <= set(data["projects"][0])
    assert "已导出" in captured.err
    assert openpyxl.load_workbook(out).sheetnames == ["部门进度", "项目进度", "审核发现"]
    assert main.main(["progress", "--workspace", checked, "--year", "2024"]) == 0
    text = capsys.readouterr().out
    assert "113 唐山市人民政府办公室：3 个项目" in text and "114" not in text
    assert main.main(["progress", "--workspace", checked, "--department", "999"]) == 2
    assert "999" in capsys.readouterr().err


def test_every_list_names_departments_and_projects_alike(tmp_path: Path) -> None:
    """A department without a code (keyed by its name) and a project without a 项目名称 (named
    by its table title) read the same in the workspace's lists, the overview and the findings list."""
    document = make_document(5, dept_code="", dept_name="唐山市督查室", projects=2)
    document.projects[0].name = Field("  ")
    load_checks()
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        document_id = ws.import_document(document, b"doc", "d.docx").document_id
        assert document_id is not None
        check_workspace_documents(ws, [document_id])
        department = ws.departments(ws.regions()[0].id)[0]
        assert department.code.startswith(NAME_KEY_PREFIX) and department.label == "唐山市督查室"
        progress = review_progress(ws)
        assert [d.label for d in progress.departments] == [department.label]
        titled = document.projects[0].title.raw
        assert document.projects[0].display_name == titled
        listed = ws.department_projects(department.id)
        assert [p.name for p in progress.projects] == [p.name for p in listed] == [
            p.display_name for p in document.projects]
        lines = progress_findings(ws)
        assert lines and {f.department for f in lines} == {department.label}
        assert titled in {f.project for f in lines}
