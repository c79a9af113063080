"""Other provinces' target forms on hand-built layouts: a wide department table, two
indicator grids (长期/年度) per project, targets split over operator/number/unit columns."""

from __future__ import annotations

from pathlib import Path

from core.importing import read_document
from core.importing.layout import GridCell, Layout, Paragraph, TableGrid
from core.importing.recognise import recognise
from core.model import ANNUAL, LONG_TERM
from core.values import MoneyUnit, ValueType
from tests.fixtures import formgen


def _merged_grid(index: int, rows: list[list[str | None]]) -> TableGrid:
    """None continues the cell above (a vertical merge), "<" the cell to the left."""
    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    texts: dict[tuple[int, int], str] = {}
    grid: list[list[GridCell]] = []
    for r, row in enumerate(rows):
        cells: list[GridCell] = []
        for c, text in enumerate(row):
            if text is None:
                anchor = anchors[(r - 1, c)]
            elif text == "<":
                anchor = anchors[(r, c - 1)]
            else:
                anchor = (r, c)
                texts[anchor] = text
            anchors[(r, c)] = anchor
            cells.append(GridCell(texts[anchor], r, c, anchor))
        grid.append(cells)
    return TableGrid(index=index, rows=grid)


def _layout(blocks: list) -> Layout:
    return Layout(source_name="x.docx", source_format="docx", sha256="0" * 64, blocks=blocks)


WIDE_HEADER = ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质",
               "指标值", "度量单位", "权重", "指标方向性"]


def test_wide_department_table_holds_several_projects_and_totals() -> None:
    rows: list[list[str | None]] = [
        ["金额单位:元", "<", "<", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
        WIDE_HEADER,
        ["201001某县教育局", "校舍维修", "120000.00", "完成维修", "产出指标", "数量指标", "维修面积", "≥", "500",
         "平方米", "20", "正向"],
        [None, None, None, None, None, "质量指标", "验收合格率", "≥", "95", "%", "20", "正向"],
        [None, None, None, None, "满意度指标", "服务对象满意度指标", "师生满意度", "≥", "90", "%", "10", "正向"],
        [None, "教师培训", "30000.00", "培训教师", "产出指标", "数量指标", "培训人次", "=", "200", "人次", "30",
         "正向"],
        [None, None, None, None, "效益指标", "社会效益指标", "教学水平", "定性", "提高", "", "20", "正向"],
        [None, "小计", "150000.00", "", "", "", "", "", "", "", "", ""],
        ["201002某县第一中学", "食堂改造", "80000.00", "改造食堂", "产出指标", "时效指标", "完成时间", "≤", "6",
         "月", "30", "反向"],
        [None, None, None, None, "成本指标", "经济成本指标", "改造成本", "≤", "8", "万元", "10", "反向"],
        ["合计", "<", "230000.00", "", "", "", "", "", "", "", "", ""],
    ]
    document = recognise(_layout([Paragraph("2024年部门项目支出绩效目标表", 0), _merged_grid(0, rows)]))
    names = [p.name.raw if p.name else None for p in document.projects]
    assert names == ["校舍维修", "教师培训", "食堂改造"]
    first, second, third = document.projects
    assert first.budget_total is not None and first.budget_total.raw == "120000.00"
    assert first.money_unit is MoneyUnit.YUAN and third.money_unit is MoneyUnit.YUAN
    assert first.goal is not None and first.goal.raw == "完成维修"
    assert (first.dept_code, first.dept_name) == ("201001", "某县教育局")
    assert (second.dept_code, third.dept_code) == ("201001", "201002")
    assert [len(p.indicators) for p in document.projects] == [3, 2, 2]
    quality = first.indicators[1]
    assert quality.level1.raw == "产出指标" and quality.value.raw == "95"
    assert quality.extra["指标性质"].raw == "≥" and quality.extra["度量单位"].raw == "%"
    assert quality.target_text == "≥95%" and quality.extra["权重"].raw == "20"
    assert quality.extra["指标方向性"].raw == "正向"
    assert second.indicators[1].target_text == "提高"  # a qualitative value stays as written
    assert document.year == 2024
    assert not document.report.serious_warnings


def test_two_indicator_grids_long_term_and_annual() -> None:
    rows: list[list[str | None]] = [
        ["项目名称", "镇域基础设施建设", "<", "<", "<", "<"],
        ["年度资金总额", "10606.75", "<", "<", "<", "<"],
        ["项目绩效目标", "长期目标", "<", "<", "年度目标", "<"],
        [None, "改善基础设施，振兴乡村经济", "<", "<", "完成集镇立面改造", "<"],
        ["长期绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"],
        [None, "产出指标", "数量指标", "改造道路", "≥20公里", ""],
        [None, "效益指标", "社会效益指标", "群众出行", "明显改善", ""],
        ["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"],
        [None, "产出指标", "数量指标", "立面改造", "≥300户", "计划"],
        [None, None, "时效指标", "完成时间", "12月底前", ""],
        [None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", ""],
    ]
    document = recognise(_layout([Paragraph("项目绩效目标表(2021年度)", 0), _merged_grid(0, rows)]))
    (project,) = document.projects
    assert project.name is not None and project.name.raw == "镇域基础设施建设"
    assert project.budget_total is not None and project.budget_total.raw == "10606.75"
    assert project.long_term_goal is not None and project.long_term_goal.raw == "改善基础设施，振兴乡村经济"
    assert project.goal is not None and project.goal.raw == "完成集镇立面改造"
    assert [i.level3.raw for i in project.long_term_indicators] == ["改造道路", "群众出行"]
    assert all(i.period == LONG_TERM for i in project.long_term_indicators)
    assert [i.level3.raw for i in project.indicators] == ["立面改造", "完成时间", "群众满意度"]
    assert all(i.period == ANNUAL for i in project.indicators)
    assert project.indicators[1].level1.raw == "产出指标"  # filled down within its own grid
    assert "长期绩效指标" not in project.indicators[0].extra and "年度绩效指标" not in project.indicators[0].extra
    assert document.year == 2021


def test_period_on_a_row_of_its_own() -> None:
    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    grid = _merged_grid(0, [["项目名称", "甲", "<", "<"], ["长期绩效指标", "<", "<", "<"], header,
                            ["产出指标", "数量指标", "甲", "1次"], ["年度绩效指标", "<", "<", "<"], header,
                            ["产出指标", "数量指标", "乙", "2次"]])
    (project,) = recognise(_layout([grid])).projects
    assert [i.level3.raw for i in project.long_term_indicators] == ["甲"]
    assert [i.level3.raw for i in project.indicators] == ["乙"]


def test_declared_value_type_reaches_the_checks(tmp_path: Path) -> None:
    """The 整体 form's 指标值类型 column: each row's declared type is read beside its value."""
    truth = formgen.load_form_truth("overall_2022_jiayu_tongji")
    formgen.write_form(truth, tmp_path / "overall.docx")
    doc = read_document(tmp_path / "overall.docx")
    rows = [i for p in doc.projects for i in p.indicators]
    declared = [i.value_type for i in rows]
    assert ValueType.QUANTITATIVE in declared and ValueType.QUALITATIVE in declared
    for row in rows:
        written = next(f.raw for k, f in row.extra.items() if "类型" in k)
        assert row.value_type is ValueType.from_text(written)
