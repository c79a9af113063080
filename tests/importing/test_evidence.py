"""Roles by evidence, labels normalised and matched by similarity, and the import report.

Hand-built layouts (no files) so each rule is seen alone: a table's role comes from
what it holds anywhere, not from its first rows; a label's marks, colon and bracketed
unit are folded (the unit kept); a label known only by similarity is matched above
`FUZZY_MIN_SCORE` and reported; the report accounts for every table and paragraph.
"""

from __future__ import annotations

import pytest

from core.import_report import BlockRole, IgnoredReason, WarningCode, describe_block, describe_warning
from core.importing.columns import FUZZY_MIN_SCORE, match_header_field, match_indicator_column
from core.importing.context import read_context, title_of
from core.importing.layout import GridCell, Layout, Paragraph, TableGrid
from core.importing.recognise import recognise
from core.importing.roles import GridRole, evidence, project_starts, role_of
from core.importing.text import label_key, label_unit
from core.values import MoneyUnit

HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]


def _grid(index: int, rows: list[list[str]]) -> TableGrid:
    width = max(len(r) for r in rows)
    return TableGrid(index=index, rows=[[GridCell(row[c] if c < len(row) else "", r, c, (r, c))
                                         for c in range(width)] for r, row in enumerate(rows)])


def _spanning(index: int, rows: list[list[str]], width: int) -> TableGrid:
    """Rows with fewer cells than `width` span the rest with their last cell (a horizontal merge)."""
    grid: list[list[GridCell]] = []
    for r, row in enumerate(rows):
        cells = [GridCell(t, r, c, (r, c)) for c, t in enumerate(row)]
        last = len(row) - 1
        cells += [GridCell(row[-1], r, c, (r, last)) for c in range(len(row), width)]
        grid.append(cells)
    return TableGrid(index=index, rows=grid)


def _layout(blocks: list) -> Layout:
    return Layout(source_name="x.docx", source_format="docx", sha256="0" * 64, blocks=blocks)


def _project_rows(code: str, name: str, budget: str, goal: str) -> list[list[str]]:
    return [["项目编码", code, "项目名称", name, "", ""],
            ["预算数", budget, "其中：财政资金", budget, "其他资金", "0.00"],
            ["绩效目标", goal],
            HEADER,
            ["产出指标", "数量指标", "督查次数", "督查次数", "≥10次", "工作计划"],
            ["效益指标", "社会效益指标", "办结率", "办结率", "≥95%", "往年"]]


@pytest.mark.parametrize(("text", "key", "unit"), [
    ("★预算数（万元）：", "预算数", "万元"), ("*指标值", "指标值", None), ("※ 绩效目标:", "绩效目标", None),
    ("其中：财政 资金(元)", "其中:财政资金", "元"), ("资金支出计划（%）", "资金支出计划(%)", None),
])
def test_labels_are_normalised_and_keep_their_unit(text: str, key: str, unit: str | None) -> None:
    assert label_key(text) == key and label_unit(text) == unit


def test_fuzzy_labels_match_above_the_threshold_only() -> None:
    typo = match_indicator_column("指标值确定依椐", fuzzy=True)  # one wrong character in seven
    assert typo is not None and typo.field == "basis" and typo.fuzzy and typo.score >= FUZZY_MIN_SCORE
    short = match_indicator_column("三级指标名", fuzzy=True)
    assert short is not None and short.field == "level3"
    # different labels of four characters differ by more than one character in four: never matched
    assert match_header_field("资金总数", fuzzy=True) is None  # 资金总额: 75
    assert match_header_field("数量指标", fuzzy=True) is None
    assert match_indicator_column("指标值确定依椐") is None  # similarity only when asked


def test_context_in_one_line_and_titles() -> None:
    both = read_context("115001中共唐山市委督查室本级        单位：万元")
    assert both.dept == ("115001", "中共唐山市委督查室本级") and both.money_unit is MoneyUnit.WAN_YUAN
    pairs = read_context("单位名称：115001某某局本级\t金额单位：元")
    assert pairs.dept == ("115001", "某某局本级") and pairs.money_unit is MoneyUnit.YUAN
    titled = read_context("唐山市人民政府办公室\t预算年度：2023")
    assert titled.year == 2023 and titled.dept is None
    assert title_of("1.督查工作经费绩效目标表") == ("1", "督查工作经费绩效目标表")
    assert title_of("用于保障日常运转") is None


def test_a_department_row_first_does_not_make_a_budget_table() -> None:
    grid = _spanning(0, [["115001中共唐山市委督查室本级", "单位：万元"], *_project_rows(
        "13020025P001", "督查经费", "12.00", "完成督查")], 6)
    ev = evidence(grid)
    assert ev.budget_head and role_of(ev) is GridRole.PROJECT
    document = recognise(_layout([Paragraph("1.督查经费绩效目标表", 0), grid]))
    project = document.projects[0]
    assert (project.dept_code, project.dept_name) == ("115001", "中共唐山市委督查室本级")
    assert project.money_unit is MoneyUnit.WAN_YUAN and project.code is not None
    assert len(project.indicators) == 2 and document.org.dept_code == "115001"


def test_several_projects_in_one_table_start_at_their_title_or_code_rows() -> None:
    rows = [["1.甲项目绩效目标表"], ["115001某局本级", "单位：万元"], *_project_rows("13020025P001", "甲", "1.00", "甲目标"),
            ["2.乙项目绩效目标表"], *_project_rows("13020025P002", "乙", "2.00", "乙目标")]
    grid = _spanning(0, rows, 6)
    assert project_starts(grid) == [0, 8]
    document = recognise(_layout([grid]))
    assert [(p.seq, p.title.raw, p.name.raw if p.name else None) for p in document.projects] == [
        (1, "甲项目绩效目标表", "甲"), (2, "乙项目绩效目标表", "乙")]
    assert all(len(p.indicators) == 2 for p in document.projects)
    # the second project keeps the unit the first one's table named
    assert document.projects[1].dept_code == "115001"
    assert document.projects[0].title.prov.row == 0 and document.projects[1].title.prov.row == 8


def test_label_cells_and_pairs_inside_the_table() -> None:
    grid = _spanning(0, [["*单位名称", "115001某局本级", "金额单位", "元"],
                         ["项目编码：13020025P001", "项目名称：丙"],
                         ["★预算数（元）", "120000.00", "其中：财政资金（元）", "120000.00", "其他资金（元）", "0.00"],
                         HEADER, ["产出指标", "数量指标", "次数", "次数", "1次", "计划"]], 6)
    project = recognise(_layout([grid])).projects[0]
    assert project.dept_name == "某局本级" and project.money_unit is MoneyUnit.YUAN
    assert project.code is not None and project.code.raw == "13020025P001"
    assert project.name is not None and project.name.raw == "丙"
    assert project.budget_total is not None and project.budget_total.raw == "120000.00"


def test_unknown_columns_are_kept_and_fuzzy_headers_reported() -> None:
    grid = _grid(0, [["项目名称", "丁", "", "", "", "", ""],
                     ["一级指标", "二级指标", "三级指标", "责任科室", "指标值", "指标值确定依椐", "绩效指标描述"],
                     ["产出指标", "数量指标", "次数", "综合科", "≥1次", "计划", "次数"]])
    document = recognise(_layout([grid]))
    indicator = document.projects[0].indicators[0]
    assert indicator.extra["责任科室"].raw == "综合科"
    assert indicator.basis is not None and indicator.basis.raw == "计划"
    fuzzy = [w for w in document.report.warnings if w.code is WarningCode.FUZZY_LABEL]
    assert fuzzy and fuzzy[0].params["known"] == "指标值确定依据"
    assert "指标值确定依椐" in describe_warning(fuzzy[0], "x.docx")


def test_report_accounts_for_every_block() -> None:
    stray = _grid(2, [["说明", "产出指标", "数量指标"], ["备注", "效益指标", "社会效益指标"]])
    blocks = [Paragraph("一、总体绩效目标", 0), Paragraph("做好工作。", 1), Paragraph("1.甲项目绩效目标表", 2),
              _spanning(0, _project_rows("13020025P001", "甲", "1.00", "甲目标")[:3], 6),
              _grid(1, _project_rows("13020025P001", "甲", "1.00", "甲目标")[3:]),
              Paragraph("附注", 3), stray, _grid(3, [[""]])]
    document = recognise(_layout(blocks))
    report = document.report
    assert report.projects == 1 and report.tables == 4
    assert report.indicator_rows == report.indicator_grid_rows == 2
    roles = {b.table: b.role for b in report.blocks if b.table is not None}
    assert roles == {0: BlockRole.PROJECT_HEADER, 1: BlockRole.INDICATORS, 2: BlockRole.IGNORED,
                     3: BlockRole.IGNORED}
    reasons = {b.table: b.reason for b in report.blocks if b.table in (2, 3)}
    assert reasons == {2: IgnoredReason.NO_EVIDENCE, 3: IgnoredReason.EMPTY}
    ignored = [w for w in report.warnings if w.code is WarningCode.TABLE_IGNORED]
    assert [w.table for w in ignored] == [2] and ignored[0].serious
    assert "表3" in describe_warning(ignored[0], "x.docx") and "x.docx" in describe_warning(ignored[0], "x.docx")
    assert report.fields > 10
    assert [b.role for b in report.blocks][:2] == [BlockRole.FRONT_TEXT, BlockRole.TITLE]
    assert all(describe_block(b) for b in report.blocks)
    assert type(report).from_dict(report.to_dict()) == report


def test_tables_without_projects_are_a_warning_not_silence() -> None:
    document = recognise(_layout([Paragraph("某某说明", 0), _grid(0, [["甲", "乙"], ["1.00", "2.00"]])]))
    assert not document.projects
    assert document.report.warnings[0].code is WarningCode.NO_PROJECTS
    assert document.report.serious_warnings


def test_a_value_of_labelled_lines_is_split_only_into_funding_lines() -> None:
    goal = "1.举行会议2场。\n2.经济效益方面：节俭办会。"
    grid = _spanning(0, [["项目名称", "甲"], ["资金总额", "100.00\n财政拨款：80.00\n其中：上级财政资金：30.00\n其他：20.00"],
                         ["绩效目标", goal], HEADER, ["产出指标", "数量指标", "会议", "会议", "2场", "计划"]], 6)
    project = recognise(_layout([grid])).projects[0]
    assert project.goal is not None and project.goal.raw == goal
    assert project.budget_total is not None and project.budget_total.raw == "100.00"
    assert project.fiscal_funds is not None and project.fiscal_funds.raw == "80.00"
    assert project.other_funds is not None and project.other_funds.raw == "20.00"
    assert project.funding["上级财政资金"].raw == "30.00"
