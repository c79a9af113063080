"""The recogniser on hand-built layouts: other templates' column names, years, numbering, ToC."""

from __future__ import annotations

from core.importing.columns import header_field, indicator_column, month_key
from core.importing.layout import GridCell, Layout, Paragraph, TableGrid
from core.importing.paragraphs import is_toc_entry, numbering_style, strip_numbering, unit_line
from core.importing.recognise import recognise
from core.importing.year import region_hint, vote_year, year_from_title
from core.project_code import year_of_code


def _grid(index: int, rows: list[list[str]]) -> TableGrid:
    return TableGrid(index=index, rows=[[GridCell(t, r, c, (r, c)) for c, t in enumerate(row)]
                                        for r, row in enumerate(rows)])


def _layout(blocks: list) -> Layout:
    return Layout(source_name="x.docx", source_format="docx", sha256="0" * 64, blocks=blocks)


def test_other_templates_column_names_and_extra_columns() -> None:
    assert indicator_column("指标内容") == "level3" and indicator_column("目标值") == "value"
    assert indicator_column("当年预期实现值") == "value" and indicator_column("评(扣)分标准") == "basis"
    assert indicator_column("评（扣）分标准") == "basis" and indicator_column("备注") == "basis"
    assert header_field("其中：财政    资金") == "fiscal_funds" and month_key("3 月底") == "3月底"
    indicators = _grid(0, [
        ["一级指标", "二级指标", "指标内容", "权重", "计量单位", "目标值", "备注"],
        ["产出指标", "数量指标", "培训人次", "20", "人次", "≥200", ""],
        ["", "质量指标", "合格率", "10", "%", "≥95", "抽查"],
    ])
    layout = _layout([Paragraph("1、培训项目绩效目标表", 0), Paragraph("201001某某县教育局本级", 1),
                      Paragraph("金额单位：元", 2), indicators])
    document = recognise(layout)
    project = document.projects[0]
    assert project.seq == 1 and project.title.raw == "培训项目绩效目标表" and project.dept_code == "201001"
    assert project.money_unit is not None and project.money_unit.value == "元"
    first, second = project.indicators
    assert first.level3.raw == "培训人次" and first.value.raw == "≥200" and first.description.raw == ""
    assert first.extra["权重"].raw == "20" and first.extra["计量单位"].raw == "人次"
    assert second.level1.raw == "产出指标" and second.basis is not None and second.basis.raw == "抽查"


def test_sections_numbering_and_goal_paragraphs() -> None:
    paragraphs = ["一、总体绩效目标", "第一段。", "第二段。", "二、分项绩效目标", "1、项目甲", "说明文字。",
                  "绩效目标：（1）目标一。", "（2）目标二。", "绩效指标：指标一。", "2、项目乙", "绩效目标：乙。",
                  "三、工作保障措施", "（一）措施一。", "（二）措施二。", "第二部分 预算项目绩效目标",
                  "1.甲项目绩效目标表"]
    blocks: list = [Paragraph(t, i) for i, t in enumerate(paragraphs)]
    blocks.append(_grid(0, [["绩效目标", "做好工作"], ["一级指标", "二级指标", "三级指标", "指标值"]][:1]))
    blocks.append(_grid(1, [["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
                            ["产出指标", "数量指标", "次数", "次数", "≥1次"]]))
    document = recognise(_layout(blocks))
    assert document.overall_goal is not None and document.overall_goal.raw == "第一段。\n第二段。"
    first, second = document.sub_goals
    assert first.title.raw == "1、项目甲" and first.description is not None
    assert first.goal is not None and first.goal.raw == "（1）目标一。\n（2）目标二。"
    assert second.goal is not None and second.goal.raw == "乙。" and second.indicators is None
    assert [m.raw for m in document.measures] == ["（一）措施一。", "（二）措施二。"]
    project = document.projects[0]
    assert project.goal is not None and project.goal.raw == "做好工作" and project.indicators[0].basis is None


def test_year_sources() -> None:
    assert year_from_title("2024 年部门预算绩效文本") == 2024
    assert year_from_title("预算年度：2023") == 2023
    assert year_from_title("全面推动市委市政府2025年度重点任务督导检查工作，" * 3) is None
    assert year_of_code("13020025P00684114012R") == 2025
    year, how = vote_year(["13020025P1", "13020024P2", "13020025P3"], ["2025年12月31日前"])
    assert year == 2025 and "codes" in how
    assert vote_year([], [])[0] is None


def test_regions_units_numbering_toc() -> None:
    assert region_hint("中共唐山市委唐山市人民政府督查室本级") == "唐山市"
    assert region_hint("唐山市路南区数据和行政审批局本级") == "唐山市路南区"
    assert region_hint("玉田县人民政府办公室本级") == "玉田县"
    assert unit_line("434001 遵化市人民政府办公室本级") == ("434001", "遵化市人民政府办公室本级")
    assert unit_line("1.市委市政府督查室工作经费绩效目标表") is None
    assert numbering_style("（一）完善制度") == "paren_cn" and numbering_style("3、12345热线") == "arabic"
    assert numbering_style("1.5万元") is None
    assert strip_numbering("4.12345热线中心会议费绩效目标表", digits_may_follow=True) == ("4", "12345热线中心会议费绩效目标表")
    assert is_toc_entry("1.招商资金绩效目标表.....\t24") and not is_toc_entry("1.招商资金绩效目标表")


def test_repeated_header_and_continuation_pieces() -> None:
    head = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    piece1 = _grid(0, [head, ["产出指标", "数量指标", "人数", "人数", "10人", "计划"]])
    piece2 = _grid(1, [head, ["", "质量指标", "合格率", "合格率", "100%", "计划"]])
    piece2.continues_previous = True
    document = recognise(_layout([Paragraph("1.甲绩效目标表", 0), piece1, piece2]))
    rows = document.projects[0].indicators
    assert [r.level2.raw for r in rows] == ["数量指标", "质量指标"] and rows[1].level1.raw == "产出指标"
