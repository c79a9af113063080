"""Workspace basics on SQLite and PostgreSQL: exact round trip, duplicates, queries, versions."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from core.errors import Cancelled
from core.model import Document, DocumentKind, Field
from core.store import ImportCancelled, ImportStatus, Workspace
from tests.store.factory import make_document


def test_document_round_trips_exactly(ws: Workspace) -> None:
    for seed in range(3):
        doc = make_document(seed, kind=DocumentKind.DISCLOSURE if seed == 2 else DocumentKind.PERFORMANCE,
                            dept_code=f"10{seed}")
        outcome = ws.import_document(doc, f"file {seed}".encode(), f"f{seed}.docx")
        assert outcome.status is ImportStatus.IMPORTED
        assert ws.load_document(outcome.document_id) == doc
        name, data = ws.document_file(outcome.document_id)
        assert (name, data) == (f"f{seed}.docx", f"file {seed}".encode())


def test_same_bytes_twice_is_reported_not_duplicated(ws: Workspace) -> None:
    first = ws.import_document(make_document(1), b"same bytes", "a.docx")
    again = ws.import_document(make_document(1), b"same bytes", "copy of a.docx")
    assert again.status is ImportStatus.DUPLICATE
    assert again.document_id == first.document_id
    assert "a.docx" in again.message
    assert len(ws.documents()) == 1
    assert not again.changes.any


def test_tree_queries_count_without_loading(ws: Workspace) -> None:
    ws.import_document(make_document(1, dept_code="113", projects=3), b"1", "1.docx")
    ws.import_document(make_document(2, dept_code="114", dept_name="另一个部门", projects=2), b"2", "2.docx")
    ws.import_document(make_document(3, region="遵化市", dept_code="113", projects=1, year=2024), b"3", "3.docx")
    regions = {r.name: r for r in ws.regions()}
    assert {n: r.department_count for n, r in regions.items()} == {"唐山市": 2, "遵化市": 1}
    departments = ws.departments(regions["唐山市"].id)
    assert [d.code for d in departments] == ["113", "114"]
    assert departments[1].label == "114 另一个部门"
    assert [y.year for y in ws.years(departments[0].id)] == [2025]
    projects = ws.department_projects(departments[0].id)
    assert len(projects) == 3
    record = ws.project(projects[1].id)
    assert len(record.indicator_ids) == projects[1].indicator_count == len(record.project.indicators)
    assert record.project.display_name == projects[1].name


def test_a_department_without_a_code_is_named_alone(ws: Workspace) -> None:
    ws.import_document(make_document(1, dept_code="", dept_name="无编码部门"), b"1", "1.docx")
    [department] = ws.departments(ws.regions()[0].id)
    assert department.label == "无编码部门"
    assert ws.find_departments(department.code) == [department]


def test_new_version_becomes_current_and_old_is_kept(ws: Workspace) -> None:
    old = ws.import_document(make_document(1), b"v1", "v1.docx")
    new_doc = dataclasses.replace(make_document(1))
    new_doc.projects[0].goal = Field("修改后的项目绩效目标")
    new = ws.import_document(new_doc, b"v2", "v2.docx")
    assert new.status is ImportStatus.NEW_VERSION
    assert new.replaced_document_id == old.document_id
    docs = {d.id: d for d in ws.documents()}
    assert docs[new.document_id].is_current and not docs[old.document_id].is_current
    assert docs[new.document_id].replaces_id == old.document_id
    department = docs[new.document_id].department_id
    assert {p.document_id for p in ws.department_projects(department)} == {new.document_id}


def test_the_same_text_in_another_format_is_not_a_new_version(ws: Workspace, samples: Path) -> None:
    """Issue 19: the .pdf of an imported .docx silently became a "new version", and the memo
    then cited the PDF. The second format is refused as the same text, and the message says so."""
    docx_outcome, pdf_outcome = ws.import_files([samples / "2025_lunan_shenpiju_A.docx",
                                                 samples / "2025_lunan_shenpiju_A.pdf"])
    assert docx_outcome.status is ImportStatus.IMPORTED
    assert pdf_outcome.status is ImportStatus.DUPLICATE and pdf_outcome.document_id == docx_outcome.document_id
    assert "2025_lunan_shenpiju_A.docx 是同一文本的另一种格式" in (pdf_outcome.message or "")
    assert [d.source_name for d in ws.documents()] == ["2025_lunan_shenpiju_A.docx"]
    # the same .pdf again is known by its bytes: not read a second time
    def unread(path: Path) -> Document:
        raise AssertionError(f"{path} read again")

    [again] = ws.import_files([samples / "2025_lunan_shenpiju_A.pdf"], reader=unread)
    assert again.status is ImportStatus.DUPLICATE and again.document_id == docx_outcome.document_id
    assert ws.holds_file(samples / "2025_lunan_shenpiju_A.pdf")
    # stored by the document itself, the alias's bytes are a duplicate too (not a second alias)
    pdf_bytes = (samples / "2025_lunan_shenpiju_A.pdf").read_bytes()
    direct = ws.import_document(make_document(7), pdf_bytes, "again.pdf")
    assert direct.status is ImportStatus.DUPLICATE and direct.document_id == docx_outcome.document_id
    assert "2025_lunan_shenpiju_A.docx" in (direct.message or "")
    # one changed amount is a real new version
    changed = make_document(1)
    ws.import_document(changed, b"a", "a.docx")
    changed = dataclasses.replace(make_document(1))
    changed.projects[0].budget_total = Field("99.5")
    assert ws.import_document(changed, b"b", "b.pdf").status is ImportStatus.NEW_VERSION


def test_a_document_stored_before_its_content_digest_is_still_known_in_another_format(tmp_path: Path) -> None:
    """Revision 0009 keeps each document's content digest; documents stored before it have
    none. The other format of such a document is still refused as the same text (its digest
    is worked out from the stored document, and kept), and a changed one is a new version."""
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        first = ws.import_document(make_document(1), b"docx bytes", "a.docx")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT content_sha256 FROM documents").fetchone()[0]
        db.execute("UPDATE documents SET content_sha256 = NULL")  # as a 0008 build stored it
    with Workspace.open(path) as ws:
        again = ws.import_document(make_document(1), b"pdf bytes", "a.pdf")
        assert again.status is ImportStatus.DUPLICATE and again.document_id == first.document_id
        changed = make_document(1)
        changed.projects[1].goal = Field("另一个目标")
        assert ws.import_document(changed, b"changed", "b.pdf").status is ImportStatus.NEW_VERSION
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM documents WHERE content_sha256 IS NULL").fetchone()[0] == 0


def test_a_cancelled_import_says_what_got_in_and_what_did_not(ws: Workspace, tmp_path: Path) -> None:
    """Cancel during the third file: the first two stay (one imported, one a duplicate of its
    bytes), and the cancel carries their outcomes and the names of the files not imported."""
    files = [tmp_path / "a.docx", tmp_path / "a copy.docx", tmp_path / "b.docx", tmp_path / "c.docx"]
    for n, path in enumerate(files):
        path.write_bytes(b"same bytes" if n < 2 else f"file {n}".encode())
    documents = {files[0]: make_document(1, dept_code="101"), files[2]: make_document(2, dept_code="102")}

    def read(path: Path) -> Document:
        if path == files[2]:
            raise Cancelled()  # the reviewer pressed Cancel while this one was read
        return documents[path]

    with pytest.raises(ImportCancelled) as cancelled:
        ws.import_files(files, reader=read)
    assert [(o.file_name, o.status) for o in cancelled.value.outcomes] == [
        ("a.docx", ImportStatus.IMPORTED), ("a copy.docx", ImportStatus.DUPLICATE)]
    assert cancelled.value.not_imported == ["b.docx", "c.docx"]
    assert [d.id for d in ws.documents()] == [cancelled.value.outcomes[0].document_id]


def test_department_projects_of_all_years_one_year_or_an_unknown_year(ws: Workspace) -> None:
    ws.import_document(make_document(1, dept_code="113", projects=3, year=2025), b"1", "1.docx")
    ws.import_document(make_document(2, dept_code="113", projects=2, year=2024), b"2", "2.docx")
    ws.import_document(make_document(3, dept_code="113", projects=1, year=None), b"3", "3.docx")
    department = ws.departments(ws.regions()[0].id)[0].id
    assert len(ws.department_projects(department)) == 6
    assert len(ws.department_projects(department, 2024)) == 2
    assert len(ws.department_projects(department, None)) == 1  # the year could not be told
