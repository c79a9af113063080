"""Group D: feasibility checks."""

from __future__ import annotations

import dataclasses

from tests.checks.conftest import Run
from tests.checks.factory import document, project, with_row


def test_d1_timeliness_without_date(run: Run) -> None:
    assert run(document(), "D1") == []
    assert len(run(document(with_row(project(), 3, value="及时保障")), "D1")) == 1
    for value in ("≤7工作日", "全年", "每月15日前", "≥95%", "12月底"):
        assert run(document(with_row(project(), 3, value=value)), "D1") == [], value


def test_d2_date_outside_budget_year_with_suggestion(run: Run) -> None:
    assert run(document(), "D2") == []
    findings = run(document(with_row(project(), 3, value="2024年12月31日前")), "D2")
    assert [f.suggestion for f in findings] == ["2025年12月31日前"]
    findings = run(document(with_row(project(), 3, value="2024 年底前完成")), "D2")
    assert [f.suggestion for f in findings] == ["2025 年底前完成"]


def test_d2_year_from_project_codes_when_the_document_has_none(run: Run) -> None:
    doc = document(with_row(project(), 3, value="2024年12月31日"), year=None)
    assert len(run(doc, "D2")) == 1
    assert run(document(with_row(project(), 3, value="2025年12月31日"), year=None), "D2") == []


def test_d3_generic_basis_everywhere(run: Run) -> None:
    assert run(document(), "D3") == []
    base = project()
    rows = [dataclasses.replace(r, basis=dataclasses.replace(r.basis, raw="根据实际工作情况")) for r in base.indicators]
    findings = run(document(dataclasses.replace(base, indicators=rows)), "D3")
    assert len(findings) == 1 and findings[0].quote == "根据实际工作情况"
    # One specific basis among generic ones is enough.
    rows[0] = dataclasses.replace(rows[0], basis=dataclasses.replace(rows[0].basis, raw="唐政办字[2021]45号"))
    assert run(document(dataclasses.replace(base, indicators=rows)), "D3") == []


def test_d4_change_without_yardstick(run: Run) -> None:
    assert run(document(), "D4") == []
    assert len(run(document(with_row(project(), 5, value="提高办事效率")), "D4")) == 1
    assert run(document(with_row(project(), 5, value="服务质量评价达到良好等级")), "D4") == []
    assert run(document(with_row(project(), 5, value="保障工作正常开展")), "D4") == []
