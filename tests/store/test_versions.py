"""A new version of a document: the reviewer's work follows to matching places, the rest is listed."""

from __future__ import annotations

import copy

from core.model import Field
from core.review import Band, Criterion, Finding, FindingState, Grade, Location, Result, Severity
from core.store import ImportStatus, Workspace
from tests.store.factory import make_document


def test_revisions_and_annotations_follow_to_the_new_version(ws: Workspace) -> None:
    v1 = make_document(3, projects=4)
    old = ws.import_document(v1, b"v1", "v1.docx").document_id
    assert old is not None
    # v2: projects renumbered and reordered, one dropped, one indicator row removed, one value adopted.
    v2 = copy.deepcopy(v1)
    p1, p2, p3, _p4 = v2.projects
    v2.projects = [p3, p1, p2]
    for seq, p in enumerate(v2.projects, start=1):
        p.seq = seq
    p1.indicators.insert(0, copy.deepcopy(p1.indicators[-1]))
    p1.indicators[0].level3 = Field("新增的指标")
    p2.indicators[0].value = Field("≥99%")

    ws.set_revision(old, Location(project_seq=1, indicator=0, column="value"), "≥97%")  # p1 row 0 → row 1
    ws.set_revision(old, Location(project_seq=2, indicator=0, column="value"), "≥99%")  # adopted in v2
    ws.set_revision(old, Location(project_seq=3, field="goal"), "更明确的目标")  # p3 → seq 1
    ws.add_annotation(old, Location(project_seq=4), "这个项目被删掉了吗？")  # no place in v2
    ws.add_annotation(old, Location(field="overall_goal"), "总体目标太空")
    fid, _ = ws.add_finding(old, Finding("R", Severity.NOTE, Criterion.RELEVANCE, Location(project_seq=3),
                                         "q", "审核人的意见"))
    ws.replace_findings(old, [Finding("A1", Severity.WARNING, Criterion.COMPLETENESS,
                                      Location(project_seq=1, field="usage"), "u", "用途不清")])
    dismissed = ws.findings(old)[-1].id
    ws.set_finding_state(dismissed, FindingState.DISMISSED, "已说明")
    ws.set_grade(ws.projects(old)[2].id, Grade(total=70.0, band=Band.FAIR, result=Result.REVISE_AND_RESUBMIT,
                                              overridden=True, conclusion="修改后重报"))

    outcome = ws.import_document(v2, b"v2", "v2.docx")
    assert outcome.status is ImportStatus.NEW_VERSION
    new = outcome.document_id
    assert new is not None
    assert outcome.carried_revisions == 2 and outcome.carried_annotations == 1
    reasons = {(u.kind, u.text): u.reason for u in outcome.uncarried}
    assert reasons == {("revision", "≥99%"): "新版本已按建议修改",
                       ("annotation", "这个项目被删掉了吗？"): "新版本中没有找到对应的项目"}
    moved = {r.revision.location: r.revision for r in ws.revisions(new)}
    value_rev = moved[Location(project_seq=2, indicator=1, column="value")]
    assert value_rev.suggested == "≥97%" and value_rev.original == p1.indicators[1].value.raw
    assert moved[Location(project_seq=1, field="goal")].suggested == "更明确的目标"
    assert [a.annotation.location for a in ws.annotations(new)] == [Location(field="overall_goal")]
    carried = {f.finding.check_id: f for f in ws.findings(new)}
    assert carried["R"].finding.location == Location(project_seq=1)
    assert carried["A1"].finding.state is FindingState.DISMISSED
    assert carried["A1"].finding.location == Location(project_seq=2, field="usage")
    grade = ws.grade(ws.projects(new)[0].id)
    assert grade is not None and grade.conclusion == "修改后重报"
    # The old version keeps everything it had.
    assert len(ws.revisions(old)) == 3 and len(ws.annotations(old)) == 2
    assert fid in {f.id for f in ws.findings(old)}
