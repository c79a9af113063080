"""What the memo says, as data: sections, findings, revisions, grades, common problems, comparison."""

from __future__ import annotations

import re

from core.memo.blocks import Para, Table
from core.memo.content import build_memo, chinese_ordinal, format_amount
from core.review import Criterion, FindingState
from core.values import MoneyUnit
from tests.memo.conftest import Rendered
from tests.memo.sample import REVIEWER, make_document, make_review


def test_a_letter_in_the_order_of_a_gongwen(rendered: Rendered) -> None:
    memo = rendered.memo
    assert [s.heading for s in memo.body] == ["一、总体情况", "二、共性问题", "三、项目审核意见", "四、与上年度对比",
                                             "五、有关要求"]
    assert [s.title for s in memo.appendix] == ["绩效目标修改清单"] and memo.attachment_notes == ["绩效目标修改清单"]
    projects = memo.sections[2].subsections
    assert [p.title for p in projects] == [p.display_name for p in rendered.document.projects]
    assert [p.number for p in projects] == ["（一）", "（二）", "（三）"]
    cover = memo.cover
    assert cover.title == "关于示例市人民政府办公室2025年度部门预算绩效目标的审核意见"
    assert (cover.mark, cover.doc_number, cover.recipient) == ("示例市财政局", "示财绩审〔2025〕7号", "示例市人民政府办公室")
    opening = memo.opening[0].text
    assert "（财预〔2015〕88号）" in opening and "《示例省省级部门预算绩效目标管理办法》" in opening
    assert "项目支出绩效评价管理办法" not in "".join(memo.texts())  # evaluation rules are not cited
    assert memo.signature.organisation == "示例市财政局" and memo.signature.contact.startswith("联系人：张审核")


def test_only_accepted_findings_enter_the_memo() -> None:
    document = make_document(2)
    review = make_review(document)
    for finding in review.findings:
        finding.state = FindingState.DISMISSED
    memo = build_memo(document, reviewer=REVIEWER, findings=review.findings, annotations=review.annotations)
    text = "".join(memo.texts())
    assert not any(f.message.rstrip("。") in text for f in review.findings)
    assert all(a.text.rstrip("。") in text for a in review.annotations)
    bare = "".join(build_memo(document, reviewer=REVIEWER, findings=review.findings).texts())
    assert bare.count("绩效目标设置完整、合理，通过（优，100分）。") == len(document.projects)


def test_a_project_in_a_reviewers_words(rendered: Rendered) -> None:
    project = rendered.memo.sections[2].subsections[0]
    paras = [b for b in project.blocks if isinstance(b, Para)]
    # from the two accepted warnings (E1, A6: 4 + 4), not the stored proposal; the reviewer's words after it
    assert paras[0].lead == "审核结论：" and paras[0].text == "通过（优，92分）。项目1结论。"
    items = [b for b in paras if b.lead.endswith("．")]
    assert [b.lead for b in items] == ["1．", "2．", "3．"]  # two findings, one annotation
    assert not any(re.search(r"\b[A-H]\d+\b|错误|警告|提示|indicators|level\d|value|原文", b.text) for b in items)
    line = next(b.text for b in items if "第5项指标（群众诉求解决率）指标值" in b.text)
    assert line.endswith("建议将“有效提升”修改为“≥95%”。") and line.count("有效提升") == 2


def test_overview_counts_amounts_and_conclusions(rendered: Rendered) -> None:
    overview = rendered.memo.sections[0]
    first = overview.blocks[0]
    assert isinstance(first, Para)
    # 23.50 + 43.50 + 63.50, summed as Decimal; conclusions from the accepted findings only
    assert "共报送项目绩效目标3个，预算数合计130.5万元" in first.text and "设置绩效指标18项" in first.text
    assert first.text.endswith("经审核，通过3个。")
    assert any("部门整体目标表述宜更具体" in b.text for b in overview.blocks if isinstance(b, Para))


def test_a_problem_of_several_projects_is_said_once(rendered: Rendered) -> None:
    common = rendered.memo.sections[1]
    items = [b for b in common.blocks if isinstance(b, Para) and b.lead]
    assert [b.lead for b in items] == ["1．", "2．"]
    assert all("等3个项目" in b.text for b in items)
    single = build_memo(make_document(1), reviewer=REVIEWER, findings=make_review(make_document(1)).findings)
    assert "共性问题" not in [s.title for s in single.sections]


def test_comparison_only_when_given(rendered: Rendered) -> None:
    section = rendered.memo.sections[3]
    text = section.blocks[0].text
    assert text.startswith("与2024年度相比，绩效目标共有3处变化：") and "新增项目1处" in text
    plain = build_memo(make_document(1), reviewer=REVIEWER)
    assert "与上年度对比" not in [s.title for s in plain.sections]


def test_the_attachment_lists_only_the_cells_to_change(rendered: Rendered) -> None:
    table = rendered.memo.appendix[0].blocks[0]
    assert isinstance(table, Table) and table.header == ("序号", "项目", "位置", "原值", "建议值", "修改理由")
    rows = [tuple(cell.text for cell in row) for row in table.rows]
    # per project: the reviewer's revision, then the accepted finding's own suggestion
    assert len(rows) == 6
    first, second = rows[0], rows[1]
    assert first[1:5] == ("政务督查督办项目（1）", "第1项指标（督查事项办结数量）指标值", "≥10件", "≥15件")
    assert second[3:5] == ("有效提升", "≥95%") and "无法考核" in second[5]
    nothing = build_memo(make_document(1), reviewer=REVIEWER)
    assert nothing.appendix == [] and nothing.attachment_notes == []


def test_signature_and_metadata(rendered: Rendered) -> None:
    memo = rendered.memo
    assert memo.signature.reviewer == REVIEWER.name and memo.signature.date == REVIEWER.date
    assert memo.metadata.author == REVIEWER.name
    plain = build_memo(make_document(1), reviewer=REVIEWER)
    # without a letterhead: no 版头 or 文号; the reviewing organisation signs
    assert (plain.cover.mark, plain.cover.doc_number) == ("", "")
    assert plain.signature.organisation == REVIEWER.organisation


def test_small_helpers() -> None:
    assert [chinese_ordinal(n) for n in (1, 10, 11, 20, 35)] == ["一", "十", "十一", "二十", "三十五"]
    from decimal import Decimal

    assert format_amount(Decimal("1234567.50"), MoneyUnit.YUAN) == "1,234,567.5元"
    assert format_amount(Decimal("130.00"), MoneyUnit.WAN_YUAN) == "130万元"


def test_chinese_numerals_past_ninety_nine() -> None:
    """Issue 16: project 100 was numbered （十十） and project 110 crashed the memo."""
    from core.numerals import parse_chinese_number

    expected = {10: "十", 11: "十一", 20: "二十", 99: "九十九", 100: "一百", 101: "一百零一", 110: "一百一十",
                111: "一百一十一", 1005: "一千零五", 10010: "一万零一十", 100000: "十万"}
    assert {n: chinese_ordinal(n) for n in expected} == expected
    assert all(parse_chinese_number(chinese_ordinal(n)) == n for n in range(1, 3000))


def test_a_department_of_111_projects_is_numbered_to_the_end() -> None:
    memo = build_memo(make_document(111, rows=1), reviewer=REVIEWER)
    numbers = [section.number for top in memo.sections for level, section in top.walk()
               if level == 2 and section.number.startswith("（")]
    assert len(numbers) == 111
    assert numbers[99:] == ["（一百）", "（一百零一）", "（一百零二）", "（一百零三）", "（一百零四）", "（一百零五）",
                            "（一百零六）", "（一百零七）", "（一百零八）", "（一百零九）", "（一百一十）", "（一百一十一）"]


def test_a_document_without_projects_still_makes_a_memo() -> None:
    document = make_document(0)
    memo = build_memo(document, reviewer=REVIEWER)
    assert memo.project_names == []
    assert "本文件没有项目绩效目标表。" in "".join(memo.texts())


def test_open_findings_are_counted_in_the_page_header_not_quoted() -> None:
    """A draft memo says how many findings await the reviewer (the page header), without quoting them."""
    document = make_document(2)
    review = make_review(document)
    for finding in review.findings:
        finding.state = FindingState.OPEN
    memo = build_memo(document, reviewer=REVIEWER, findings=review.findings)
    text = "".join(memo.texts())
    assert not any(f.message in text for f in review.findings)
    assert memo.draft_mark == f"审核意见草稿：尚有{len(review.findings)}条审核发现待处理"
    assert "尚待审核人确认" not in text


def test_no_project_is_sent_back_without_an_accepted_problem() -> None:
    """A stored proposal of 中 (from open findings) is not the memo's conclusion; the
    reviewer's own grade is, with the reviewer's words; open findings make it a draft."""
    from core.checks.grading import override_grade
    from core.review import Band, Grade, Result

    document = make_document(2)
    review = make_review(document)
    for finding in review.findings:
        finding.state = FindingState.OPEN
    proposal = Grade(scores={c: 15.0 for c in Criterion}, total=60.0, band=Band.FAIR, result=Result.REVISE_AND_RESUBMIT)
    memo = build_memo(document, reviewer=REVIEWER, findings=review.findings, grades={1: proposal, 2: proposal})
    text = "".join(memo.texts())
    assert "修改后重报" not in text and "通过（优，100分）。" in text
    assert memo.open_findings == len(review.findings) and "尚有" in memo.draft_mark

    mine = override_grade(proposal, band=Band.FAIR, conclusion="依据不足，请补充测算过程。")
    memo = build_memo(document, reviewer=REVIEWER, findings=[], grades={1: mine})
    text = "".join(memo.texts())
    assert "修改后重报（中，60分）。依据不足，请补充测算过程。" in text and memo.draft_mark == ""
