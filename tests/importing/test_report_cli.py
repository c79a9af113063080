"""`import` and `parse` account for what they read: a summary line per file, warnings naming
the page/table, the report in the JSON, and `--strict` turning warnings into exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from main import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "2025_yutian_zhengfuban_A.docx"


def _with_stray_table(path: Path) -> Path:
    """A sample document plus, at its end, a table of indicator rows under no header a reader knows."""
    document = docx.Document(str(SAMPLE))
    document.add_paragraph("附表")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["甲", "乙", "丙"], ["产出指标", "数量指标", "≥10次"], ["效益指标", "社会效益指标", "≥95%"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


def test_parse_prints_a_summary_and_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--out", str(tmp_path), "--jobs", "1", "--strict"]) == 0
    out = capsys.readouterr().out
    assert "7个项目" in out and "行指标" in out and "项内容" in out
    report = json.loads((tmp_path / f"{SAMPLE.name}.json").read_text(encoding="utf-8"))["report"]
    assert report["projects"] == 7 and report["indicator_rows"] == report["indicator_grid_rows"] > 0
    assert report["warnings"] == [] and {b["role"] for b in report["blocks"]} >= {"project_header", "indicators"}


def test_a_table_left_unread_is_a_warning_and_strict_fails(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    stray = _with_stray_table(tmp_path / "stray.docx")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["parse", str(stray), "--out", str(out), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "警告：stray.docx 表15" in err and "未能识别" in err
    assert main(["parse", str(stray), "--out", str(out), "--jobs", "1", "--strict"]) == 2
    capsys.readouterr()
    workspace = tmp_path / "w.sqlite"
    assert main(["import", str(stray), "--workspace", str(workspace), "--strict"]) == 2
    captured = capsys.readouterr()
    assert "已导入：stray.docx" in captured.out and "stray.docx：7个项目" in captured.out
    assert "警告：stray.docx 表15" in captured.err


def test_import_json_carries_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SAMPLE), "--workspace", str(tmp_path / "w.sqlite"), "--json"]) == 0
    outcome = json.loads(capsys.readouterr().out)["outcomes"][0]
    assert outcome["report"]["projects"] == 7 and outcome["report"]["warnings"] == []
