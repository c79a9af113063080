"""The .xlsx reader: the same Layout as the other readers, exact imports, and clear refusals."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Border, Side

from core import errors
from core.importing import read_document, xlsx_reader
from core.importing.layout import Paragraph, TableGrid
from core.importing.registry import read_layout
from core.importing.sandbox import DocumentReader
from core.importing.xlsx_reader import cell_text, format_number
from main import main
from tests.fixtures.xlsxgen import write_xlsx
from tests.importing.helpers import load_truth, misses

THIN = Side(style="thin")
FRAME = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TRUTHS = ["2025_tangshan_duchashi", "2025_yutian_zhengfuban", "2025_lunan_shenpiju",
          "2024_zunhua_zhengfuban", "2023_tangshan_zhengfuban_full"]


def _target_sheet(ws: Any) -> None:
    """A title, a 金额单位 line, a header block and an indicator grid with 一级 merged downwards."""
    ws["A1"] = "2024年部门项目支出绩效目标表"
    ws.merge_cells("A1:F1")
    ws["F2"] = "金额单位：元"
    # row 3 left empty between the lines above and the table
    rows: list[list[Any]] = [
        ["项目名称", "办公设备购置", None, "预算数", 1234.5, None],
        ["一级指标", "二级指标", "三级指标", "指标值", "完成时间", "备注"],
        ["产出指标", "数量指标", "购置台数", 12, dt.date(2024, 6, 30), None],
        [None, "质量指标", "验收合格率", 0.95, dt.date(2024, 12, 31), None],
        [None, "时效指标", "按时完成率", 1, dt.date(2024, 12, 31), "无"],
    ]
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c, value)
            cell.border = FRAME
    ws["E4"].number_format = "#,##0.00"
    ws["D7"].number_format = "0%"
    ws["D8"].number_format = "0%"
    ws.merge_cells("B4:C4")
    ws.merge_cells("E4:F4")
    ws.merge_cells("A6:A8")


def _workbook(path: Path) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "说明"
    first["A1"] = "本表由预算管理一体化系统导出"
    _target_sheet(workbook.create_sheet("部门项目支出绩效目标05-2"))
    workbook.save(str(path))


def test_layout_paragraphs_grid_anchors_provenance(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    _workbook(path)
    layout = read_layout(path)
    assert layout.source_format == "xlsx" and layout.page_count == 2 and len(layout.sha256) == 64
    paragraphs = [b for b in layout.blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.page, p.index) for p in paragraphs] == [
        ("本表由预算管理一体化系统导出", 1, 0), ("2024年部门项目支出绩效目标表", 2, 1), ("金额单位：元", 2, 2)]
    assert isinstance(layout.blocks[-1], TableGrid) and len(layout.tables) == 1
    grid = layout.tables[0]
    assert grid.index == 0 and grid.pages == [2] and (grid.n_rows, grid.n_cols) == (5, 6)
    assert [grid.row_texts(r) for r in range(grid.n_rows)] == [
        ["项目名称", "办公设备购置", "办公设备购置", "预算数", "1,234.50", "1,234.50"],
        ["一级指标", "二级指标", "三级指标", "指标值", "完成时间", "备注"],
        ["产出指标", "数量指标", "购置台数", "12", "2024-06-30", ""],
        ["产出指标", "质量指标", "验收合格率", "95%", "2024-12-31", ""],
        ["产出指标", "时效指标", "按时完成率", "100%", "2024-12-31", "无"],
    ]
    # Merged slots carry the top-left anchor, across and down; other slots their own place.
    assert [c.anchor for c in grid.rows[0]] == [(0, 0), (0, 1), (0, 1), (0, 3), (0, 4), (0, 4)]
    assert grid.rows[0][2].merged_from_left and [c.text for c in grid.distinct_row(0)] == [
        "项目名称", "办公设备购置", "预算数", "1,234.50"]
    assert [grid.rows[r][0].anchor for r in (2, 3, 4)] == [(2, 0)] * 3
    assert grid.rows[3][0].merged_from_above and not grid.rows[3][1].merged_from_above
    assert all(cell.page == 2 for row in grid.rows for cell in row)
    prov = grid.prov(3, 3)
    assert (prov.page, prov.table, prov.row, prov.col) == (2, 0, 3, 3)
    assert paragraphs[1].prov.page == 2 and paragraphs[1].prov.paragraph == 1
    assert layout.issues == []


def test_hidden_sheets_rows_and_columns_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "hidden.xlsx"
    workbook = openpyxl.Workbook()
    secret = workbook.active
    secret.title = "底稿"
    secret["A1"] = "不应读取"
    secret.sheet_state = "hidden"
    ws = workbook.create_sheet("绩效目标")
    for r, values in enumerate([["一级指标", "内部编号", "三级指标"], ["产出指标", "X-1", "台数"],
                                ["作废行", "X-2", "作废"], [None, "X-3", "合格率"]], start=1):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c, value).border = FRAME
    ws.merge_cells("A3:A4")  # its first row is hidden: the merge anchors at its first shown slot
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["B"].hidden = True
    workbook.save(str(path))
    layout = read_layout(path)
    grid = layout.tables[0]
    assert [grid.row_texts(r) for r in range(grid.n_rows)] == [
        ["一级指标", "三级指标"], ["产出指标", "台数"], ["作废行", "合格率"]]
    assert grid.rows[2][0].anchor == (2, 0) and grid.pages == [2]
    messages = [issue.message for issue in layout.issues]
    assert messages[0] == "隐藏的工作表“底稿”未读取。" and layout.issues[0].prov.page == 1
    assert "隐藏的 1 行、1 列有内容" in messages[1]


def test_ruled_single_cell_rows_stay_in_the_grid(tmp_path: Path) -> None:
    """A line inside the table's ruling is a table row, as in a Word table; blank lines above are skipped."""
    path = tmp_path / "ruled.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws["A1"] = "项目支出绩效目标表"
    ws["A3"] = "单位名称：115001某局本级    单位：万元"
    ws["A4"], ws["B4"] = "项目名称", "某项目"
    for ref in ("A3", "B3", "A4", "B4"):
        ws[ref].border = FRAME
    ws.merge_cells("A3:B3")
    workbook.save(str(path))
    layout = read_layout(path)
    assert [p.text for p in layout.paragraphs] == ["项目支出绩效目标表"]
    assert layout.tables[0].row_texts(0) == ["单位名称：115001某局本级    单位：万元"] * 2


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (1234.5, "0.00", "1234.50"), (1234.5, "#,##0.00", "1,234.50"), (0.95, "0%", "95%"),
    (0.955, "0.0%", "95.5%"), (516541.09, "General", "516541.09"), (0.1 + 0.2, "General", "0.3"),
    (12.0, "General", "12"), (-1234.5, "#,##0.00", "-1,234.50"), (-1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)"),
    (0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-"), (1234.5, "[$¥-804]#,##0.00", "¥1,234.50"),
    (10, '0"人"', "10人"), (2.675, "0.00", "2.68"), (1234567, "#,##0,", "1,235"), (5, "000", "005"),
    (12345, "0.00E+00", "1.23E+04"), (1, "[DBNum1][$-804]G/通用格式", "1"), (0.5, "# ?/?", "0.5"),
])
def test_numbers_as_their_format_shows_them(value: float, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


def test_other_cell_values() -> None:
    assert cell_text(None, "General") == ""
    assert cell_text(dt.datetime(2024, 3, 1), "yyyy\"年\"m\"月\"d\"日\"") == "2024-03-01"
    assert cell_text(dt.datetime(2024, 3, 1, 14, 30), "yyyy-mm-dd h:mm") == "2024-03-01 14:30"
    assert cell_text(True, "General") == "TRUE"
    assert cell_text("第一行_x000D_\r\n第二行", "@") == "第一行\n\n第二行"


@pytest.mark.parametrize("name", TRUTHS)
def test_every_truth_as_xlsx_imports_exactly(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.xlsx"
    expected = write_xlsx(load_truth(name), path)
    assert misses(expected, read_document(path)) == []


@pytest.mark.parametrize("variant", [
    {"amounts_as_numbers": True, "merge_levels": True, "blank_rows": True},
    {"amounts_as_numbers": True, "unit": "万元", "thousands": True},
    {"ruled_lines": True, "unit_pairs_line": True},
    {"dept_in_table": "pairs", "title_in_table": True, "label_marks": 5},
    {"rename_columns": 7, "permute_columns": 2, "extra_columns": 9},
], ids=["numbers-merged-blank", "wanyuan-thousands", "ruled-lines", "pairs-in-table", "renamed-permuted"])
def test_city_template_xlsx_gives_fields_and_indicators(tmp_path: Path, variant: dict[str, Any]) -> None:
    path = tmp_path / "yutian.xlsx"
    expected = write_xlsx(load_truth("2025_yutian_zhengfuban"), path, **variant)
    document = read_document(path)
    assert document.source_format == "xlsx" and len(document.projects) == 7
    assert misses(expected, document) == []
    first = document.projects[0]
    assert first.code is not None and first.code.raw == "13022925P004R2810661U"
    assert first.code.prov.page == 2  # the first project's sheet


def test_wide_export_sheet_with_projects_merged_downwards(tmp_path: Path) -> None:
    """The one-table export: 单位名称/项目名称/预算数/年度目标 merged down each project's indicator rows."""
    path = tmp_path / "wide.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "部门项目支出绩效目标05-2"
    ws["A1"] = "2025年部门项目支出绩效目标表"
    ws.merge_cells("A1:H1")
    ws["H2"] = "金额单位：元"
    ws.append(["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值"])
    projects = [
        ("劳务派遣人员报酬经费", 516541.09, "保障劳务派遣人员工资",
         [("产出指标", "数量指标", "支付费用人数", "10人"), ("产出指标", "质量指标", "合规率", "100%"),
          ("满意度指标", "服务对象满意度指标", "满意度", "≥90%")]),
        ("残疾人保障金", 87000, "及时缴纳残疾人保障金",
         [("产出指标", "数量指标", "覆盖率", "100%"), ("效益指标", "社会效益指标", "生活水平", "提高")]),
    ]
    row = 4
    for name, budget, goal, indicators in projects:
        for offset, indicator in enumerate(indicators):
            for c, text in enumerate(indicator, start=5):
                ws.cell(row + offset, c, text)
        for c, value in enumerate(("434001玉田县人民政府办公室本级", name, budget, goal), start=1):
            ws.cell(row, c, value).number_format = "#,##0.00" if c == 3 else "General"
            ws.merge_cells(start_row=row, start_column=c, end_row=row + len(indicators) - 1, end_column=c)
        row += len(indicators)
    workbook.save(str(path))
    document = read_document(path)
    assert document.year == 2025 and document.org.dept_code == "434001"
    got = [(p.name.raw if p.name else None, p.budget_total.raw if p.budget_total else None,
            p.goal.raw if p.goal else None, [(i.level1.raw, i.level3.raw, i.value.raw) for i in p.indicators])
           for p in document.projects]
    assert got == [(name, f"{budget:,.2f}", goal, [(a, c, d) for a, _, c, d in indicators])
                   for name, budget, goal, indicators in projects]


def test_unit_pairs_line_above_the_table(tmp_path: Path) -> None:
    path = tmp_path / "yutian.xlsx"
    expected = write_xlsx(load_truth("2025_yutian_zhengfuban"), path, unit_pairs_line=True)
    assert misses(expected, read_document(path)) == []


# ---- refusals --------------------------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _legacy_xls(path: Path) -> None:
    path.write_bytes(OLE + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 2048)


def _legacy_doc(path: Path) -> None:
    path.write_bytes(OLE + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 2048)


def _html_xls(path: Path) -> None:
    path.write_text("<html><table><tr><td>项目名称</td></tr></table></html>", encoding="utf-8")


def _encrypted_xlsx(path: Path) -> None:
    path.write_bytes(OLE + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024)


def _random_bytes(path: Path) -> None:
    import random

    path.write_bytes(random.Random(14).randbytes(4096))


def _truncated_xlsx(path: Path) -> None:
    write_xlsx(load_truth("2025_lunan_shenpiju"), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zip_without_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/styles.xml", "<styleSheet/>")


def _empty_workbook(path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active["C3"].border = FRAME  # formatting alone is not content
    workbook.save(str(path))


def _only_hidden_content(path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "项目名称"
    workbook.active.sheet_state = "hidden"
    workbook.create_sheet("空表")
    workbook.save(str(path))


def _unrelated_workbook(path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "电话"])
    workbook.active.append(["张三", "123"])
    workbook.save(str(path))


REFUSALS = [
    ("old.xls", _legacy_xls, errors.UnsupportedFormatError, "请在 Excel 或 WPS 中另存为 .xlsx 后再导入"),
    ("renamed.xlsx", _legacy_xls, errors.UnsupportedFormatError, "另存为 .xlsx"),
    ("letter.xlsx", _legacy_doc, errors.UnsupportedFormatError, "另存为 .docx"),
    ("page.xls", _html_xls, errors.UnsupportedFormatError, "另存为 .xlsx"),
    ("locked.xlsx", _encrypted_xlsx, errors.EncryptedFileError, "密码"),
    ("noise.xlsx", _random_bytes, errors.CorruptFileError, "不是 Excel（.xlsx） 文件"),
    ("truncated.xlsx", _truncated_xlsx, errors.CorruptFileError, "Excel 文件已损坏"),
    ("noworkbook.xlsx", _zip_without_workbook, errors.CorruptFileError, "Excel 文件已损坏"),
    ("empty.xlsx", _empty_workbook, errors.DocumentError, "没有任何内容"),
    ("hidden.xlsx", _only_hidden_content, errors.DocumentError, "隐藏的工作表未读取：Sheet"),
    ("contacts.xlsx", _unrelated_workbook, errors.NotAPerformanceDocumentError, "绩效目标表"),
]


@pytest.mark.parametrize(("name", "make", "error", "words"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refused_with_a_clear_message(tmp_path: Path, name: str, make: Any, error: type, words: str) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(error) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{name}：") and words in str(caught.value)


def test_size_guards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "明细"
    for r in range(1, 31):
        workbook.active.append([f"{r}-{c}" for c in range(10)])
    workbook.save(str(path))
    monkeypatch.setattr(xlsx_reader, "MAX_SHEET_CELLS", 200)
    with pytest.raises(errors.DocumentError, match="工作表“明细”的数据区域过大（30 行 × 10 列"):
        read_layout(path)
    monkeypatch.setattr(xlsx_reader, "SHEETS_XML_MAX_BYTES", 1000)
    with pytest.raises(errors.DocumentError, match="工作表数据过大"):
        read_layout(path)


def test_a_workbook_under_another_name_is_read_as_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "sent_as.docx"
    _workbook(path)
    assert read_layout(path).source_format == "xlsx"


def test_parse_cli_and_sandbox(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`parse` reads an .xlsx in the child process end to end; the child's refusals keep their type."""
    good = tmp_path / "yutian.xlsx"
    expected = write_xlsx(load_truth("2025_yutian_zhengfuban"), good, amounts_as_numbers=True)
    out = tmp_path / "out"
    assert main(["parse", str(good), "--out", str(out)]) == 0
    data = json.loads((out / "yutian.xlsx.json").read_text(encoding="utf-8"))
    assert misses(expected, data) == []
    assert "yutian.xlsx" in capsys.readouterr().out
    old = tmp_path / "old.xls"
    _legacy_xls(old)
    empty = tmp_path / "empty.xlsx"
    _empty_workbook(empty)
    with DocumentReader() as reader:
        with pytest.raises(errors.UnsupportedFormatError, match=r"另存为 \.xlsx"):
            reader.read(old)
        with pytest.raises(errors.DocumentError, match="没有任何内容"):
            reader.read(empty)
        assert len(reader.read(good).projects) == 7
        assert reader.spawned == 1
