"""The reviewer's layer: revisions beside submitted values, annotations, findings, grades, matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import WorkspaceError
from core.review import (
    Band,
    Criterion,
    Finding,
    FindingState,
    Grade,
    Location,
    Result,
    Severity,
)
from core.store import Workspace
from tests.store.factory import make_document


@pytest.fixture
def imported(ws: Workspace) -> int:
    outcome = ws.import_document(make_document(7, projects=3), b"doc", "doc.docx")
    assert outcome.document_id is not None
    return outcome.document_id


def test_revision_sits_beside_the_submitted_value(ws: Workspace, imported: int) -> None:
    doc = ws.load_document(imported)
    place = Location(project_seq=2, indicator=0, column="value")
    submitted = doc.projects[1].indicators[0].value.raw
    changes = ws.set_revision(imported, place, "≥98%", author="张三", note="目标偏低")
    assert changes.revisions and not changes.documents and changes.document_ids == {imported}
    stored = ws.revision_at(imported, place)
    assert stored is not None and stored.revision.original == submitted
    assert stored.revision.suggested == "≥98%" and stored.indicator_id is not None
    assert ws.load_document(imported) == doc  # the submitted value is untouched
    ws.set_revision(imported, place, "≥99%")
    assert [r.revision.suggested for r in ws.revisions(imported)] == ["≥99%"]
    ws.set_revision(imported, place, submitted)  # back to the submitted text: no suggestion left
    assert ws.revisions(imported) == []


def test_revision_on_header_and_document_fields(ws: Workspace, imported: int) -> None:
    ws.set_revision(imported, Location(project_seq=1, field="budget_total"), "20")
    ws.set_revision(imported, Location(project_seq=1, field="spending_plan.6月底"), "60")
    ws.set_revision(imported, Location(field="overall_goal"), "新的总体目标")
    originals = {r.revision.location.field: r.revision.original for r in ws.revisions(imported)}
    doc = ws.load_document(imported)
    assert originals["overall_goal"] == doc.overall_goal.raw
    assert originals["budget_total"] == doc.projects[0].budget_total.raw
    project_id = ws.projects(imported)[0].id
    assert len(ws.revisions(imported, project_id)) == 2
    ws.clear_revision(imported, Location(field="overall_goal"))
    assert len(ws.revisions(imported)) == 2


def test_revision_at_a_place_that_does_not_exist_is_refused(ws: Workspace, imported: int) -> None:
    with pytest.raises(WorkspaceError):
        ws.set_revision(imported, Location(project_seq=99, field="name"), "x")
    with pytest.raises(WorkspaceError):
        ws.set_revision(imported, Location(project_seq=1, indicator=500, column="value"), "x")
    assert ws.revisions(imported) == []


def test_annotations_on_every_level(ws: Workspace, imported: int) -> None:
    places = [Location(), Location(project_seq=1), Location(project_seq=1, indicator=0),
              Location(project_seq=1, indicator=0, column="basis")]
    ids = [ws.add_annotation(imported, loc, f"批注{i}", author="李四")[0] for i, loc in enumerate(places)]
    stored = ws.annotations(imported)
    assert [a.annotation.location for a in stored] == places
    assert stored[2].indicator_id is not None and stored[0].project_id is None
    ws.update_annotation(ids[1], "改过的批注")
    ws.delete_annotation(ids[0])
    assert [a.annotation.text for a in ws.annotations(imported)] == ["改过的批注", "批注2", "批注3"]


def _finding(check: str, seq: int, quote: str) -> Finding:
    return Finding(check_id=check, severity=Severity.WARNING, criterion=Criterion.COMPLETENESS,
                   location=Location(project_seq=seq, field="goal"), quote=quote, key="R", params={"text": "目标不完整"})


def test_replace_findings_keeps_the_reviewers_decisions(ws: Workspace, imported: int) -> None:
    ws.replace_findings(imported, [_finding("A1", 1, "q1"), _finding("A2", 2, "q2"), _finding("A3", 3, "q3")])
    first = {f.finding.check_id: f for f in ws.findings(imported)}
    ws.set_finding_state(first["A1"].id, FindingState.DISMISSED, "单位已说明")
    ws.set_finding_state(first["A2"].id, FindingState.ACCEPTED)
    own_id, _ = ws.add_finding(imported, _finding("R", 1, "reviewer"))
    with pytest.raises(WorkspaceError):
        ws.set_finding_state(first["A3"].id, FindingState.DISMISSED, " ")
    # The next run: A1 still applies, A2's quote changed (a different finding), A3 is gone.
    ws.replace_findings(imported, [_finding("A1", 1, "q1"), _finding("A2", 2, "changed")])
    after = {(f.finding.check_id, f.finding.quote): f.finding for f in ws.findings(imported)}
    assert after[("A1", "q1")].state is FindingState.DISMISSED and after[("A1", "q1")].reason == "单位已说明"
    assert after[("A2", "changed")].state is FindingState.OPEN
    assert ("A3", "q3") not in after and ("R", "reviewer") in after
    assert own_id in {f.id for f in ws.findings(imported)}
    assert {f.finding.check_id for f in ws.findings(imported, state=FindingState.DISMISSED)} == {"A1"}


def test_first_open_finding_project_skips_decided_findings(ws: Workspace, imported: int) -> None:
    assert ws.first_open_finding_project() is None
    ws.replace_findings(imported, [_finding("A1", 1, "q1"), _finding("A2", 2, "q2")])
    stored = {f.finding.check_id: f for f in ws.findings(imported)}
    assert ws.first_open_finding_project() == stored["A1"].project_id
    ws.set_finding_state(stored["A1"].id, FindingState.ACCEPTED)
    assert ws.first_open_finding_project() == stored["A2"].project_id != stored["A1"].project_id


def test_open_finding_counts_are_per_department_year_and_project(ws: Workspace) -> None:
    def imported(seed: int, code: str, year: int) -> int:
        document_id = ws.import_document(make_document(seed, dept_code=code, year=year), f"{seed}".encode(),
                                         f"{seed}.docx").document_id
        assert document_id is not None
        return document_id

    replaced = imported(1, "113", 2024)
    ws.replace_findings(replaced, [_finding("A1", 1, "old"), _finding("A2", 2, "old")])
    older = imported(2, "113", 2024)  # a new version: the first one's open findings no longer count
    newer, other = imported(3, "113", 2025), imported(4, "114", 2025)
    ws.replace_findings(older, [_finding("A1", 1, "q"), _finding("A2", 1, "q"), _finding("A3", 2, "q")])
    ws.replace_findings(newer, [_finding("A1", 1, "q"), _finding("A2", 2, "q")])
    ws.replace_findings(other, [_finding("A1", 3, "q")])
    ws.set_finding_state(ws.findings(newer)[0].id, FindingState.ACCEPTED)
    ws.add_finding(newer, Finding(check_id="R", severity=Severity.NOTE, criterion=Criterion.COMPLETENESS,
                                  location=Location(), quote="", key="R", params={"text": "整份文件"}))  # on no project
    dept, other_dept = ws.document_info(newer).department_id, ws.document_info(other).department_id
    assert ws.open_findings_per_department([dept, other_dept]) == {dept: 5, other_dept: 1}
    assert ws.open_findings_per_department([dept]) == {dept: 5}
    assert ws.open_findings_per_year(dept) == {2024: 3, 2025: 2}
    older_p, newer_p = [p.id for p in ws.projects(older)], [p.id for p in ws.projects(newer)]
    assert ws.open_findings_per_project(dept, 2024) == {older_p[0]: 2, older_p[1]: 1}
    assert ws.open_findings_per_project(dept, 2025) == {newer_p[1]: 1}
    assert ws.open_findings_per_project(dept) == {older_p[0]: 2, older_p[1]: 1, newer_p[1]: 1}
    assert ws.open_findings_per_department([]) == {}


def test_grade_override_survives_a_computed_grade(ws: Workspace, imported: int) -> None:
    project_id = ws.projects(imported)[0].id
    computed = Grade(scores={Criterion.COMPLETENESS: 20.0}, total=80.0, band=Band.GOOD, result=Result.PASS)
    ws.set_grade(project_id, computed)
    assert ws.grade(project_id) == computed
    ws.set_grade(project_id, Grade(scores=computed.scores, total=60.0, band=Band.POOR,
                                   result=Result.REVISE_AND_RESUBMIT, overridden=True, conclusion="需修改后重报"))
    ws.set_grade(project_id, Grade(scores={Criterion.COMPLETENESS: 25.0}, total=95.0))
    kept = ws.grade(project_id)
    assert kept is not None and kept.overridden and kept.band is Band.POOR and kept.conclusion == "需修改后重报"
    assert kept.scores == {Criterion.COMPLETENESS: 25.0}
    ws.clear_grade_override(project_id)
    ws.set_grade(project_id, computed)
    assert ws.grade(project_id) == computed


def test_year_matches_are_pairs_that_replace_each_other(ws: Workspace) -> None:
    old = ws.import_document(make_document(1, year=2024), b"old", "old.docx").document_id
    new = ws.import_document(make_document(2, year=2025), b"new", "new.docx").document_id
    old_p = [p.id for p in ws.projects(old)]
    new_p = [p.id for p in ws.projects(new)]
    ws.set_year_match(old, new, old_p[0], new_p[1])
    ws.set_year_match(old, new, old_p[1], None)
    ws.set_year_match(old, new, old_p[2], new_p[1])  # new_p[1] now pairs with old_p[2] only
    assert ws.year_matches(old, new) == [(old_p[1], None), (old_p[2], new_p[1])]
    ws.clear_year_match(old, new, old_project_id=old_p[1])
    assert ws.year_matches(old, new) == [(old_p[2], new_p[1])]


def test_a_check_run_resolves_every_finding_to_the_same_rows_as_one_at_a_time(tmp_path: Path) -> None:
    """Stored in a batch, each finding points at the project and indicator row that
    `resolve_location` names for it alone (and at nothing where the place is missing)."""
    from core.review import Criterion, Finding, Location, Severity
    from core.store.reviewer import resolve_location

    with Workspace.open(tmp_path / "w.sqlite") as ws:
        document_id = ws.import_document(make_document(1, projects=3), b"x", "a.docx").document_id
        assert document_id is not None
        places = [Location(), Location(project_seq=2), Location(project_seq=2, indicator=1, column="value"),
                  Location(project_seq=3, indicator=0), Location(project_seq=9), Location(project_seq=1, indicator=99)]
        findings = [Finding("A1", Severity.NOTE, Criterion.COMPLETENESS, loc, "", "R", {"text": str(n)})
                    for n, loc in enumerate(places)]
        ws.replace_findings(document_id, findings)
        stored = {s.finding.params["text"]: (s.project_id, s.indicator_id) for s in ws.findings(document_id)}
        with ws.engine.connect() as conn:
            expected = {str(n): resolve_location(conn, document_id, loc) for n, loc in enumerate(places)}
    assert stored == expected and stored["2"][1] is not None and stored["4"] == (None, None)
