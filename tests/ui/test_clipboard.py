"""Excel/WPS clipboard text: tabs, newlines and quoted cells both ways."""

from __future__ import annotations

from ui.clipboard import from_tsv, to_tsv


def test_plain_block_round_trips() -> None:
    rows = [["产出指标", "数量指标", "≥95%"], ["效益指标", "", "31人"]]
    assert from_tsv(to_tsv(rows)) == rows


def test_excel_quotes_cells_with_tabs_newlines_and_quotes() -> None:
    text = '"第一行\n第二行"\t"他说""好"""\r\n普通\t"含\t制表符"\r\n'
    assert from_tsv(text) == [["第一行\n第二行", '他说"好"'], ["普通", "含\t制表符"]]
    assert from_tsv(to_tsv(from_tsv(text))) == from_tsv(text)


def test_trailing_newline_adds_no_empty_row_but_blank_cells_stay() -> None:
    assert from_tsv("a\t\tb\n") == [["a", "", "b"]]
    assert from_tsv("\t\n") == [["", ""]]
