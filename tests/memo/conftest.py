"""Memo fixtures: one rendered PDF and DOCX of a generated three-project department per session."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from core.compare import Cause, Change, ChangeKind
from core.memo.blocks import Memo
from core.memo.content import build_memo
from core.memo.docx import render_docx
from core.memo.pdf import RenderReport, render_pdf
from core.model import Document
from tests.memo.sample import BUREAU, Review, make_document, make_review

FOOTER_RE = re.compile(r"— (\d+) —")
COMPARISON = [
    Change(ChangeKind.BUDGET, project="政务督查督办项目（1）", field="budget_total", old="20", new="23.50"),
    Change(ChangeKind.INDICATOR_FIELD, project="政务督查督办项目（1）", level1="满意度指标",
           level2="服务对象满意度指标", level3="服务对象满意度", field="value", old="≥85%", new="≥90%",
           cause=Cause.TIGHTENED),
    Change(ChangeKind.PROJECT_ADDED, project="新建项目甲", code="13020025P99"),
]


@dataclass
class Rendered:
    document: Document
    review: Review
    memo: Memo
    pdf: Path
    report: RenderReport
    docx: Path
    page_texts: list[str]

    @property
    def flat_text(self) -> str:
        """All pages' text without footers, the draft mark and whitespace (wrapped lines joined)."""
        return "".join(re.sub(r"\s+", "", DRAFT_RE.sub("", FOOTER_RE.sub("", text))) for text in self.page_texts)


DRAFT_RE = re.compile(r"审核意见草稿：尚有\d+条审核发现待处理")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    folder = tmp_path_factory.mktemp("memo")
    document = make_document(3)
    review = make_review(document)
    memo = build_memo(document, reviewer=BUREAU, findings=review.findings, annotations=review.annotations,
                      revisions=review.revisions, grades=review.grades, comparison=COMPARISON, previous_year=2024)
    pdf = folder / "memo.pdf"
    report = render_pdf(memo, pdf)
    docx = render_docx(memo, folder / "memo.docx")
    with pdfplumber.open(pdf) as opened:
        texts = [page.extract_text() or "" for page in opened.pages]
    return Rendered(document, review, memo, pdf, report, docx, texts)
