"""`python main.py memo`: from a workspace (findings, notes, revisions, grades, last year) and from a file."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pdfplumber
import pytest

from core.review import Band, FindingState, Grade, Location, Result
from main import main
from tests.memo.sample import make_document, make_review

store = pytest.importorskip("core.store.workspace")


def squeeze_pdf(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return re.sub(r"\s+", "", "".join(page.extract_text() for page in pdf.pages))


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, object]:
    """A workspace with last year's and this year's document of one department, reviewed."""
    path = tmp_path / "ws.sqlite"
    this_year = make_document(3, year=2025)
    last_year = make_document(3, year=2024)
    last_year.source_name = "2024_示例市_政府办_A.docx"
    last_year.projects[0].budget_total = dataclasses.replace(last_year.projects[0].budget_total, raw="19.50")
    review = make_review(this_year)
    with store.Workspace.open(path) as ws:
        ws.import_document(last_year, b"last year", last_year.source_name)
        outcome = ws.import_document(this_year, b"this year", this_year.source_name)
        document_id = outcome.document_id
        ws.replace_findings(document_id, review.findings)
        for stored in ws.findings(document_id):
            if stored.finding.state is not FindingState.OPEN:
                ws.set_finding_state(stored.id, stored.finding.state, stored.finding.reason)
        for annotation in review.annotations:
            ws.add_annotation(document_id, annotation.location, annotation.text, author=annotation.author)
        for revision in review.revisions:
            ws.set_revision(document_id, revision.location, revision.suggested)
        first = ws.projects(document_id)[0]
        ws.set_grade(first.id, Grade(total=55, band=Band.POOR, result=Result.REJECT, overridden=True,
                                     conclusion="审核人认定不通过。"))
    return path, review


def test_memo_from_the_workspace(workspace: tuple[Path, object], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path, review = workspace
    out, docx_out = tmp_path / "memo.pdf", tmp_path / "memo.docx"
    status = main(["memo", "--department", "113", "--workspace", str(path), "--out", str(out), "--docx",
                   str(docx_out), "--reviewer", "李四", "--organisation", "示例市财政局", "--date", "2025-04-01",
                   "--json"])
    assert status == 0
    result = json.loads(capsys.readouterr().out)
    assert result["projects"] == 3 and result["pages"] > 3 and result["missing_chars"] == []
    assert docx_out.stat().st_size > 10_000
    text = squeeze_pdf(out)
    for finding in review.accepted:  # type: ignore[attr-defined]
        assert re.sub(r"\s+", "", finding.message) in text
    for finding in review.dismissed:  # type: ignore[attr-defined]
        assert re.sub(r"\s+", "", finding.message) not in text
    for annotation in review.annotations:  # type: ignore[attr-defined]
        assert re.sub(r"\s+", "", annotation.text) in text
    assert "≥10件≥15件" in text  # the 附件's row: 原值, 建议值
    assert "不通过（差，55分）。审核人认定不通过。" in text  # the stored override, with the reviewer's reason
    assert "与上年度对比" in text and "与2024年度相比" in text  # last year is in the workspace
    assert "示例市财政局二〇二五年四月一日" in text  # the 落款 and the 成文日期


def test_memo_of_a_year_without_a_previous_year_has_no_comparison(workspace: tuple[Path, object],
                                                                  tmp_path: Path) -> None:
    path, _ = workspace
    out = tmp_path / "2024.pdf"
    assert main(["memo", "--department", "113", "--year", "2024", "--workspace", str(path), "--out", str(out)]) == 0
    text = squeeze_pdf(out)
    assert "2024年度部门预算绩效目标的审核意见" in text and "年度对比" not in text


def test_unknown_department_or_year_is_a_user_error(workspace: tuple[Path, object], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = workspace
    out = tmp_path / "x.pdf"
    assert main(["memo", "--department", "999", "--workspace", str(path), "--out", str(out)]) == 2
    assert "没有编码为 999 的部门" in capsys.readouterr().err
    assert main(["memo", "--department", "113", "--year", "2019", "--workspace", str(path), "--out", str(out)]) == 2
    assert "没有 2019 年度的文件" in capsys.readouterr().err
    assert main(["memo", "--workspace", str(path), "--out", str(out)]) == 2
    assert not out.exists()


def test_memo_straight_from_a_file(samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("core.importing.recognise")
    source = next(iter(sorted(samples.glob("*.docx"))))
    out = tmp_path / "draft.pdf"
    assert main(["memo", str(source), "--out", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["projects"] >= 1 and "未经审核人确认" in result["source"]
    assert "预算绩效目标的审核意见" in squeeze_pdf(out)


def test_location_of_department_findings_is_described() -> None:
    from core.memo.content import _Place

    assert _Place(None).describe(Location(field="sub_goals[1]")) == "分项绩效目标第2项"
    assert _Place(make_document(1).projects[0]).describe(Location(project_seq=1, field="spending_plan.6月底")) \
        == "资金支出计划（6月底）"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_outputs_that_would_destroy_something_are_refused(workspace: tuple[Path, object], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 16: --out equal to the workspace (or its -wal, its backups), to the input or to --docx
    overwrote it and exited 0; now each is a message, exit 2, every file as it was."""
    path, _ = workspace
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK\x03\x04 the reviewer's only copy")
    before = _files(tmp_path)
    same = str(tmp_path / "memo.pdf")
    cases = {
        "工作区": ["--department", "113", "--workspace", str(path), "--out", str(path)],
        "日志文件": ["--department", "113", "--workspace", str(path), "--out", f"{path}-wal"],
        "工作区 ws.sqlite，": ["--department", "113", "--workspace", str(path), "--out", same, "--docx", str(path)],
        "就是要读取的文件": [str(source), "--out", str(source)],
        "同一个文件": ["--department", "113", "--workspace", str(path), "--out", same, "--docx", same],
        "文件夹": ["--department", "113", "--workspace", str(path), "--out", str(tmp_path)],
    }
    for words, argv in cases.items():
        assert main(["memo", *argv]) == 2, words
        err = capsys.readouterr().err
        assert words in err and "错误：" in err and "Traceback" not in err, err
    assert _files(tmp_path) == before


def test_a_killed_memos_hidden_files_are_cleaned_up(workspace: tuple[Path, object], tmp_path: Path) -> None:
    """A memo killed mid-way left hidden temporary files; the next memo into that folder removes them."""
    import os
    import time

    from core.atomic_write import LEGACY_MIN_AGE_SECONDS, ORPHAN_MIN_AGE_SECONDS, TEMP_PREFIX, TEMP_SUFFIX

    path, _ = workspace
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    old = time.time() - max(ORPHAN_MIN_AGE_SECONDS, LEGACY_MIN_AGE_SECONDS) - 5
    for name in (f"{TEMP_PREFIX}killed{TEMP_SUFFIX}", ".memo-q1w2e3.pdf", ".memo-r4t5y6.docx"):
        (out_dir / name).write_bytes(b"half a memo")
        os.utime(out_dir / name, (old, old))
    (out_dir / "memo.pdf").write_bytes(b"yesterday")
    assert main(["memo", "--department", "113", "--workspace", str(path), "--out", str(out_dir / "memo.pdf"),
                 "--docx", str(out_dir / "memo.docx")]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["memo.docx", "memo.pdf"]
    assert (out_dir / "memo.pdf").read_bytes().startswith(b"%PDF-")


def test_the_bureaus_letterhead_from_a_settings_file(workspace: tuple[Path, object], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`--settings` (the check settings file may hold it under "memo") and `--number` make the 版头,
    文号, 落款, 附注 and the local rule the memo cites."""
    path, _ = workspace
    settings = tmp_path / "bureau.json"
    settings.write_text(json.dumps({"rule_weights": {}, "memo": {
        "issuer": "示例市财政局", "doc_number": "示财绩审〔{year}〕{serial}号", "signer": "王局长",
        "contact": "联系人：李四，电话：0315-2801234", "rules": ["《示例市市级预算绩效目标管理办法》"]}},
        ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "memo.pdf"
    assert main(["memo", "--department", "113", "--workspace", str(path), "--out", str(out), "--settings",
                 str(settings), "--number", "12", "--date", "2025-12-02"]) == 0
    with pdfplumber.open(out) as pdf:
        first = re.sub(r"\s+", "", pdf.pages[0].extract_text())
    assert "示例市财政局示财绩审〔2025〕12号签发人：王局长关于" in first  # after the draft mark
    text = squeeze_pdf(out)
    assert "《示例市市级预算绩效目标管理办法》" in text
    assert "示例市财政局二〇二五年十二月二日（联系人：李四，电话：0315-2801234）" in text

    settings.write_text('{"memo": {"rules": "not a list", "issuer": 5}}', encoding="utf-8")
    assert main(["memo", "--department", "113", "--workspace", str(path), "--out", str(out), "--settings",
                 str(settings)]) != 0
    assert "发文机关" in capsys.readouterr().err
    settings.write_text("{not json", encoding="utf-8")
    assert main(["memo", "--department", "113", "--workspace", str(path), "--out", str(out), "--settings",
                 str(settings)]) != 0
    assert "不是有效的 JSON" in capsys.readouterr().err


def test_a_hundred_and_twenty_projects_some_decided(tmp_path: Path) -> None:
    """A 120-project department (numbering past 九十九), findings partly decided: the memo is a
    draft in every page header, each project is numbered, and none is sent back without an
    accepted problem."""
    from core.memo.content import build_memo
    from core.memo.pdf import render_pdf
    from tests.memo.sample import BUREAU

    document = make_document(120, rows=2)
    review = make_review(document)
    for n, finding in enumerate(review.findings):
        if finding.state is FindingState.ACCEPTED and n % 3:
            finding.state = FindingState.OPEN
    memo = build_memo(document, reviewer=BUREAU, findings=review.findings)
    report = render_pdf(memo, tmp_path / "big.pdf")
    with pdfplumber.open(report.path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    text = re.sub(r"\s+", "", "".join(pages))
    assert all("审核意见草稿：尚有" in page for page in pages)
    for n in ("（九十九）", "（一百）", "（一百二十）"):
        assert n in text
    assert "修改后重报" not in text and "不通过" not in text  # warnings only: nothing sent back
    assert report.pages == len(pages) > 20
