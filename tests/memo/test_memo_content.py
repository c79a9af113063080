"""What the memo says, as data: sections, findings, revisions, grades, common problems, comparison."""

from __future__ import annotations

import re

from core.memo.blocks import Para, Table
from core.memo.content import build_memo, chinese_ordinal, format_amount
from core.review import Criterion, FindingState
from core.values import MoneyUnit
from tests.memo.conftest import COMPARISON, Rendered
from tests.memo.sample import REVIEWER, make_document, make_review


def test_top_sections_in_the_issue_order(rendered: Rendered) -> None:
    assert [s.heading for s in rendered.memo.sections] == [
        "一、审核依据", "二、审核范围与方法", "三、总体情况", "四、项目审核情况", "五、共性问题", "六、年度对比",
        "七、结论", "附件：各项目绩效指标表"]
    projects = rendered.memo.sections[3].subsections
    assert [p.title for p in projects] == [p.display_name for p in rendered.document.projects]
    assert [s.title for s in projects[0].subsections] == ["基本情况", "评分", "发现的问题", "修改建议", "审核结果"]


def test_only_accepted_findings_enter_the_memo() -> None:
    document = make_document(2)
    review = make_review(document)
    for finding in review.findings:
        finding.state = FindingState.DISMISSED
    memo = build_memo(document, reviewer=REVIEWER, findings=review.findings, annotations=review.annotations)
    text = "".join(memo.texts())
    assert not any(f.message in text for f in review.findings)
    assert all(a.text in text for a in review.annotations)
    bare = "".join(build_memo(document, reviewer=REVIEWER, findings=review.findings).texts())
    assert bare.count("未发现需要修改的问题。") == len(document.projects)


def test_project_parts(rendered: Rendered) -> None:
    project = rendered.memo.sections[3].subsections[0]
    basics, scores, problems, suggestions, result = project.subsections
    assert any(b.lead == "预算数：" and b.text == "23.50万元" for b in basics.blocks if isinstance(b, Para))
    table = scores.blocks[0]
    assert isinstance(table, Table)
    assert [row[0].text for row in table.rows] == ["完整性", "相关性", "适当性", "可行性", "合计"]
    # from the two accepted warnings (E1, A6: 4 + 4), not the stored proposal
    assert table.rows[-1][2].text == "92（优）" and table.rows[-1][3].text == "2个"
    items = [b for b in problems.blocks if isinstance(b, Para) and b.kind == "item"]
    assert [b.lead for b in items] == ["（1）", "（2）"]  # a reviewer's numbering: no rule id, no severity tag
    assert not any(re.search(r"\b[A-H]\d+\b|错误|警告|提示|indicators|level\d|value", b.text) for b in items)
    line = next(b.text for b in items if "第5项指标（群众诉求解决率）指标值" in b.text)
    assert line.count("有效提升") >= 1 and "原文" not in line
    lines = [b.lead + b.text for b in suggestions.blocks if isinstance(b, Para)]
    assert "第1项指标（督查事项办结数量）指标值：原：≥10件 → 建议：≥15件" in lines
    assert "第5项指标（群众诉求解决率）指标值：原：有效提升 → 建议：≥95%" in lines  # the finding's own suggestion
    assert result.blocks[0].text == "优（92分），通过。项目1结论。"


def test_overview_counts_amounts_and_grade_distribution(rendered: Rendered) -> None:
    overview = rendered.memo.sections[2]
    first = overview.blocks[0]
    assert isinstance(first, Para)
    # 23.50 + 43.50 + 63.50, summed as Decimal
    assert "共报送项目3个，预算数合计130.5万元" in first.text and "共设绩效指标18项" in first.text
    table = next(b for b in overview.blocks if isinstance(b, Table))
    # the stored proposals (优, 良, 中) are not the memo's: it grades the accepted findings only
    assert [(r[0].text, r[1].text) for r in table.rows] == [("优", "3个"), ("良", "0个"), ("中", "0个"), ("差", "0个")]
    assert any("部门整体目标表述宜更具体" in b.text for b in overview.blocks if isinstance(b, Para))


def test_common_problems_name_rules_seen_in_several_projects(rendered: Rendered) -> None:
    common = rendered.memo.sections[4]
    leads = [b.lead for b in common.blocks if isinstance(b, Para) and b.lead]
    assert leads == ["（1）", "（2）"]
    texts = [b.text for b in common.blocks if isinstance(b, Para) and b.lead]
    assert all("个项目" in t for t in texts)
    single = build_memo(make_document(1), reviewer=REVIEWER, findings=make_review(make_document(1)).findings)
    assert "未发现在两个以上项目中重复出现的问题" in "".join(single.sections[4].blocks[0].text)


def test_comparison_only_when_given(rendered: Rendered) -> None:
    section = rendered.memo.sections[5]
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert len(table.rows) == len(COMPARISON)
    assert table.rows[1][1].text == "服务对象满意度·指标值（目标提高）"
    assert (table.rows[1][2].text, table.rows[1][3].text) == ("≥85%", "≥90%")
    plain = build_memo(make_document(1), reviewer=REVIEWER)
    assert "年度对比" not in [s.title for s in plain.sections]


def test_appendix_marks_revised_cells(rendered: Rendered) -> None:
    appendix = rendered.memo.sections[-1]
    tables = [b for b in appendix.blocks if isinstance(b, Table)]
    assert len(tables) == 3
    marked = [(r, c) for r, row in enumerate(tables[1].rows) for c, cell in enumerate(row) if cell.marked]
    assert marked == [(0, 4)] and tables[1].rows[0][4].revised == "≥25件"


def test_cover_signature_and_metadata(rendered: Rendered) -> None:
    memo = rendered.memo
    assert memo.cover.title == "关于示例市人民政府办公室2025年度部门预算绩效目标的审核意见"
    assert memo.signature.reviewer == REVIEWER.name and memo.signature.date == REVIEWER.date
    assert memo.metadata.author == REVIEWER.name


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
    assert "分），修改后重报" not in text and "优（100分），通过。" in text
    assert memo.open_findings == len(review.findings) and "尚有" in memo.draft_mark

    mine = override_grade(proposal, band=Band.FAIR, conclusion="依据不足，请补充测算过程。")
    memo = build_memo(document, reviewer=REVIEWER, findings=[], grades={1: mine})
    text = "".join(memo.texts())
    assert "中（60分），修改后重报（审核人确定）。依据不足，请补充测算过程。" in text and memo.draft_mark == ""
