"""The import report is stored with its document and read back exactly (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from core.errors import WorkspaceError
from core.import_report import ImportReport, WarningCode
from core.store import Workspace
from tests.store.factory import make_document, make_report


def test_import_report_round_trips_through_the_store(ws: Workspace) -> None:
    doc = make_document(1, projects=2)
    doc.report = make_report(projects=2, warnings=tuple(WarningCode))
    document_id = ws.import_document(doc, b"with report", "a.docx").document_id
    assert document_id is not None

    stored = ws.import_report(document_id)
    assert stored == doc.report
    assert stored is not None and [w.code for w in stored.serious_warnings] == [
        WarningCode.NO_PROJECTS, WarningCode.FEWER_INDICATORS, WarningCode.TABLE_IGNORED]
    assert stored.warnings[3].params == {"label": "项目名", "known": "项目名称", "score": 91}
    assert ws.load_document(document_id) == doc  # the report is part of the exact round trip


def test_a_document_with_no_projects_keeps_its_report(ws: Workspace) -> None:
    doc = make_document(2, projects=0)
    doc.report = make_report(projects=0, warnings=(WarningCode.NO_PROJECTS,))
    document_id = ws.import_document(doc, b"no projects", "b.docx").document_id
    assert document_id is not None
    assert ws.projects(document_id) == []
    assert ws.import_report(document_id) == doc.report


def test_import_reports_of_several_documents_in_one_call(ws: Workspace) -> None:
    with_report = make_document(1, dept_code="113")
    with_report.report = make_report(warnings=())
    first = ws.import_document(with_report, b"1", "1.docx").document_id
    second = ws.import_document(make_document(2, dept_code="114"), b"2", "2.docx").document_id
    assert first is not None and second is not None

    reports = ws.import_reports([second, first, first, 999_999])
    assert reports == {first: with_report.report, second: ImportReport()}
    assert ws.import_reports([]) == {}


def test_import_report_of_a_missing_document_is_an_error(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="文档"):
        ws.import_report(12345)
