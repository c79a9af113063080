"""The generated sample (resources/samples, written by tests/fixtures/make_demo_samples.py) and what it
gives the demo workspace: one department with two years, on which the year-over-year checks F1–F5 run."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from core.checks.registry import run_checks
from core.checks.workspace_run import check_workspace_documents
from core.demo import SAMPLES_DIR, build_demo_workspace, sample_files
from core.importing import read_document
from core.review import Criterion, Finding, Location, Severity
from core.store import Workspace
from tests.fixtures.docgen import expected_truth
from tests.fixtures.make_demo_samples import SOURCE, demo_pair, docx_bytes, generated_name
from tests.fixtures.truthdoc import document_from_truth
from tests.importing.helpers import misses


def _generated() -> Path:
    _old, new, _known = demo_pair()
    return SAMPLES_DIR / generated_name(new)


def test_generated_sample_is_exactly_what_the_script_writes(tmp_path: Path) -> None:
    _old, new, _known = demo_pair()
    data, _expected = docx_bytes(new, tmp_path)
    assert _generated().read_bytes() == data, "re-run: python -m tests.fixtures.make_demo_samples"
    assert _generated() in sample_files()
    # Not one of the corpus's copies, which the corpus tests pick by "*_A.*".
    assert not _generated().match("*_A.*")


def test_generated_sample_imports_exactly_as_the_next_year_of_its_source() -> None:
    old, new, _known = demo_pair()
    document = read_document(_generated())
    assert misses(expected_truth(new), document) == []
    assert document.year == old["year"] + 1
    assert document.org.dept_code == old["org"]["dept_code"]
    source = read_document(SAMPLES_DIR / f"{SOURCE}_A.docx")
    assert source.year == old["year"] and source.org.dept_code == document.org.dept_code


def _f_findings(findings: Iterable[Finding]) -> set[tuple[str, str]]:
    return {(f.check_id, f.location.key()) for f in findings if f.check_id.startswith("F")}


def test_demo_workspace_has_two_years_of_one_department_and_the_f_checks_fire(tmp_path: Path) -> None:
    old, new, known = demo_pair()
    path, outcomes = build_demo_workspace(tmp_path / "demo.sqlite")
    assert [o.status.value for o in outcomes] == ["imported"] * len(sample_files())
    with Workspace.open(path) as ws:
        documents = ws.documents(current_only=True)
        years: dict[int, list[int]] = defaultdict(list)
        for info in documents:
            years[info.department_id].append(info.year)
        two = [d for d, ys in years.items() if len(ys) == 2]
        assert len(two) == 1 and sorted(years[two[0]]) == [old["year"], new["year"]]
        assert all(len(ys) == 1 for d, ys in years.items() if d != two[0])
        assert ws.department(two[0]).code == old["org"]["dept_code"]

        checked = check_workspace_documents(ws, [d.id for d in documents])
        # The results of the department with two years (its code asserted above), told by document id.
        mine = {r.year: r for r in checked
                if r.document_id is not None and ws.document_info(r.document_id).department_id == two[0]}
        assert sorted(mine) == [old["year"], new["year"]]
        this_year, last_year = mine[new["year"]], mine[old["year"]]
        assert this_year.previous_document_id == last_year.document_id
        # Only a document whose department has the year before gets F findings.
        assert last_year.previous_document_id is None
        assert all(not _f_findings(r.findings) for r in checked if r is not this_year)

    found = _f_findings(this_year.findings)
    assert found
    # The same F findings as the checks give on the truths themselves (no reader in between) ...
    expected = run_checks(document_from_truth(new), None, document_from_truth(old))
    assert found == _f_findings(expected)
    # ... and F1 wherever the generator loosened a target of a project whose budget it raised.
    raised = {c["project"] for c in known if c["kind"] == "budget" and c["field"] == "budget_total"
              and Decimal(c["new"]) > Decimal(c["old"])}
    loosened = {c["project"] for c in known if c["kind"] == "indicator_field" and c.get("cause") == "loosened"}
    f1 = [f for f in this_year.findings if f.check_id == "F1"]
    assert raised & loosened, "the chosen seed raises a budget and loosens a target of the same project"
    assert len(f1) == sum(1 for c in known if c["kind"] == "indicator_field" and c.get("cause") == "loosened"
                          and c["project"] in raised)


def test_the_demo_opens_checked_and_old_sentences_are_checked_again(tmp_path: Path) -> None:
    path, _ = build_demo_workspace(tmp_path / "demo.sqlite")
    with Workspace.open(path) as ws:
        documents = ws.documents(current_only=True)
        assert all(ws.findings(d.id) for d in documents)  # checked at once, nothing to press
        first = documents[0].id
        ws.replace_findings(first, [Finding("A1", Severity.ERROR, Criterion.COMPLETENESS, Location(project_seq=1),
                                            "", "legacy", {"text": "旧版本写下的句子"})])
    build_demo_workspace(path)
    with Workspace.open(path) as ws:
        assert not [f for f in ws.findings(first) if f.finding.key == "legacy"]
