"""`python main.py compare`: workspace documents (with the reviewer's pairings), JSON and the summary, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.compare import compare_documents
from core.store.workspace import Workspace
from main import main
from tests.compare.scoring import load_truth, score, truth_named
from tests.compare.truthdoc import document_from_truth
from tests.fixtures.nextyear import next_year


@pytest.fixture
def two_years(tmp_path: Path) -> tuple[Path, int, int, list[dict]]:
    truth = load_truth(truth_named("2025_tangshan_duchashi"))
    new_truth, known = next_year(truth, 5)
    path = tmp_path / "ws.sqlite"
    with Workspace.open(path) as ws:
        old_id = ws.import_document(document_from_truth(truth, "old.docx"), b"old", "old.docx").document_id
        new_id = ws.import_document(document_from_truth(new_truth, "new.docx"), b"new", "new.docx").document_id
    assert old_id is not None and new_id is not None
    return path, old_id, new_id, known


def test_compare_workspace_documents_as_json(two_years, capsys) -> None:
    path, old_id, new_id, known = two_years
    assert main(["compare", str(old_id), str(new_id), "--json", "--workspace", str(path)]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    measured = score(changes, known)
    assert measured.recall == measured.precision == 100.0, measured.report()


def test_the_reviewers_pairing_kept_in_the_workspace_is_applied(two_years, capsys) -> None:
    path, old_id, new_id, _ = two_years
    with Workspace.open(path) as ws:
        old_projects = ws.projects(old_id)
        # The reviewer says the first project of last year was dropped, not continued.
        ws.set_year_match(old_id, new_id, old_projects[0].id, None)
    assert main(["compare", str(old_id), str(new_id), "--json", "--workspace", str(path)]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    removed = {c["project"] for c in changes if c["kind"] == "project_removed"}
    assert old_projects[0].name in removed


def test_compare_prints_a_readable_summary(two_years, capsys) -> None:
    path, old_id, new_id, known = two_years
    assert main(["compare", str(old_id), str(new_id), "--workspace", str(path)]) == 0
    out = capsys.readouterr().out
    added = next(c for c in known if c["kind"] == "project_added")
    assert "年度对比" in out and "项目配对" in out and f"新增项目：{added['project']}" in out
    assert "可信度" in out and "预算年度：2025 → 2026" in out


def test_a_missing_file_is_a_user_error(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "去年.docx"
    assert main(["compare", str(missing), str(missing)]) == 2
    err = capsys.readouterr().err
    assert "找不到文件" in err and "去年.docx" in err and "Traceback" not in err


def test_an_unknown_document_id_is_a_user_error(two_years, capsys) -> None:
    path, old_id, _, _ = two_years
    assert main(["compare", str(old_id), "999", "--workspace", str(path)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_summary_and_json_agree_with_the_library(two_years, capsys) -> None:
    path, old_id, new_id, _ = two_years
    with Workspace.open(path, readonly=True) as ws:
        expected = compare_documents(ws.load_document(old_id), ws.load_document(new_id)).to_json()["changes"]
    main(["compare", str(old_id), str(new_id), "--json", "--workspace", str(path)])
    assert json.loads(capsys.readouterr().out)["changes"] == json.loads(json.dumps(expected, default=str))


def test_compare_two_files_of_different_formats(tmp_path: Path, capsys) -> None:
    from tests.compare.scoring import score_pair
    from tests.fixtures.docgen import write_docx, write_pdf

    truth = load_truth(truth_named("2025_yutian_zhengfuban"))
    new_truth, known = next_year(truth, 4)
    write_docx(truth, tmp_path / "2025.docx")
    write_pdf(new_truth, tmp_path / "2026.pdf")
    assert main(["compare", str(tmp_path / "2025.docx"), str(tmp_path / "2026.pdf"), "--json"]) == 0
    measured = score_pair(truth, json.loads(capsys.readouterr().out)["changes"], known)
    assert measured.recall == measured.precision == 100.0, measured.report()


def test_a_file_that_is_not_a_document_is_a_user_error(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"not a zip")
    assert main(["compare", str(bad), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "坏文件.docx" in err and "Traceback" not in err
