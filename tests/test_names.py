"""core.names: undecodable bytes repaired, control characters escaped, everything else untouched; the one
way a department is labelled and a project named."""

from __future__ import annotations

import os

import pytest

from core.errors import DocumentError
from core.names import NAME_KEY_PREFIX, department_label, from_os, project_display_name, shown


def test_ordinary_names_are_left_alone() -> None:
    for name in ("2025_路南区审批局.docx", "审核 (最终版) ＃1 — 副本.docx", "a\\b.pdf", "𠀀😀.pdf"):
        assert shown(name) == name == from_os(name)


@pytest.mark.parametrize(("raw", "expected"), [
    ("审核文件.docx".encode("gbk"), "审核文件.docx"),   # packed on Chinese Windows
    (b"bad\xff.docx", "bad\ufffd.docx"),                # neither UTF-8 nor GB18030
    ("已是UTF-8.pdf".encode(), "已是UTF-8.pdf"),
])
def test_bytes_that_are_not_utf8_are_repaired(raw: bytes, expected: str) -> None:
    name = raw.decode("utf-8", "surrogateescape")  # what Python hands over for such a file name on Linux
    assert from_os(name) == expected
    shown(name).encode("utf-8")  # printable and storable: no surrogates left


def test_other_lone_surrogates_become_replacement_characters() -> None:
    assert from_os("a\ud800b") == "a\ufffdb"


def test_control_characters_are_escaped_on_one_line() -> None:
    assert shown("a\n错误：伪造.docx") == "a\\n错误：伪造.docx"
    assert shown("x\r\t\x1b[31m\x7f\u2028y\u202excod.exe") == "x\\r\\t\\x1b[31m\\x7f\\u2028y\\u202excod.exe"
    assert "\n" not in shown(os.fsdecode(b"a\n\xff.pdf"))


def test_a_document_error_names_the_file_on_one_line() -> None:
    error = DocumentError("/tmp/a\n错误：伪造.docx", "文件已损坏。")
    assert str(error) == "a\\n错误：伪造.docx：文件已损坏。"
    assert error.path.name == "a\n错误：伪造.docx"  # the path itself is kept as it is


def test_a_department_is_labelled_by_code_and_name() -> None:
    assert department_label("113", "唐山市人民政府办公室") == "113 唐山市人民政府办公室"
    assert department_label(f"{NAME_KEY_PREFIX}督查室", "督查室") == "督查室"  # keyed by its name
    assert department_label("", " 督查室 ") == department_label(None, "督查室") == "督查室"
    assert department_label("113", "唐山市人民政府办公室", region="唐山市") == "唐山市 113 唐山市人民政府办公室"
    assert department_label("113", "办公室", region=" ") == "113 办公室"


def test_a_project_is_named_by_its_name_else_its_table_title() -> None:
    assert project_display_name("热线运维", "热线运维项目绩效目标表") == "热线运维"
    for blank in (None, "", "  \n"):
        assert project_display_name(blank, "热线运维项目绩效目标表") == "热线运维项目绩效目标表"
    assert project_display_name(None, None) == ""
