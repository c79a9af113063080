"""`--department CODE [--region NAME]` is looked up by one rule in every command
(core.store.department_lookup): a region by its exact name, else the one region whose name
contains the text; a code in several regions is refused where one department is needed,
naming the regions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import main
from core.errors import WorkspaceError
from core.store import Workspace
from core.store.department_lookup import (
    UnknownDepartment,
    department_by_code,
    departments_by_code,
    find_region,
)
from tests.store.factory import make_document

# (region, code, name): the code 113 is in all three regions, 438001 in one only.
DEPARTMENTS = [("唐山市", "113", "唐山市人民政府办公室"), ("唐山市路南区", "113", "路南区人民政府办公室"),
               ("玉田县", "113", "玉田县人民政府办公室"), ("唐山市路南区", "438001", "路南区审批局")]


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("lookup") / "w.sqlite"
    with Workspace.open(target) as ws:
        for n, (region, code, name) in enumerate(DEPARTMENTS):
            ws.import_document(make_document(n, region=region, dept_code=code, dept_name=name, projects=1),
                               f"doc{n}".encode(), f"d{n}.docx")
    return target


@pytest.fixture
def ws(path: Path) -> Iterator[Workspace]:
    with Workspace.open(path, readonly=True) as opened:
        yield opened


def test_a_region_by_its_exact_name_else_by_a_part_only_it_has(ws: Workspace) -> None:
    assert find_region(ws, "唐山市").name == "唐山市"  # exact, though 唐山市路南区 contains it too
    assert find_region(ws, " 玉田县 ").name == "玉田县"
    assert find_region(ws, "路南").name == "唐山市路南区"
    with pytest.raises(WorkspaceError, match="多个地区的名称含“唐山”（唐山市、唐山市路南区）"):
        find_region(ws, "唐山")
    with pytest.raises(WorkspaceError, match="没有名为“石家庄市”的地区。现有地区：唐山市、唐山市路南区、玉田县。"):
        find_region(ws, "石家庄市")


def test_one_department_by_code_and_region(ws: Workspace) -> None:
    assert department_by_code(ws, "438001").name == "路南区审批局"
    assert department_by_code(ws, "113", "路南区").name == "路南区人民政府办公室"
    assert department_by_code(ws, "113", "唐山市").name == "唐山市人民政府办公室"
    with pytest.raises(WorkspaceError) as ambiguous:
        department_by_code(ws, "113")
    assert "部门编码 113 在多个地区都有" in str(ambiguous.value) and "--region" in str(ambiguous.value)
    assert all(f"{region} {name}" in str(ambiguous.value) for region, code, name in DEPARTMENTS if code == "113")


def test_a_code_nowhere_or_only_in_other_regions(ws: Workspace) -> None:
    with pytest.raises(UnknownDepartment) as nowhere:
        department_by_code(ws, "999", "玉田")
    assert "没有编码为 999 的部门" in str(nowhere.value) and nowhere.value.region is None
    with pytest.raises(UnknownDepartment) as elsewhere:
        department_by_code(ws, "438001", "玉田")
    assert str(elsewhere.value) == "地区“玉田县”中没有编码为 438001 的部门（有这个编码的部门在：唐山市路南区）。"
    assert elsewhere.value.region == "玉田县"


def test_a_scope_takes_every_department_of_the_code(ws: Workspace) -> None:
    assert len(departments_by_code(ws, "113")) == 3
    assert [d.name for d in departments_by_code(ws, "113", "玉田")] == ["玉田县人民政府办公室"]


def test_the_commands_share_the_rule(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = str(path)
    out = tmp_path / "e.json"
    # export: a part of the region's name is enough (it took the exact name only)
    assert main.main(["export", "--department", "113", "--region", "路南", "--out", str(out),
                      "--workspace", workspace]) == 0
    assert "路南区人民政府办公室" in out.read_text(encoding="utf-8")
    assert main.main(["export", "--department", "113", "--out", str(out), "--workspace", workspace]) == 2
    err = capsys.readouterr().err
    assert "部门编码 113 在多个地区都有（唐山市 唐山市人民政府办公室、" in err and "--region" in err
    # review: the ambiguous code names the regions (it said only "several regions")
    assert main.main(["review", "list", "--department", "113", "--workspace", workspace]) == 2
    err = capsys.readouterr().err
    assert "唐山市 唐山市人民政府办公室" in err and "玉田县 玉田县人民政府办公室" in err
    # progress: a scope, every department of the code, or the region's
    assert main.main(["progress", "--department", "113", "--json", "--workspace", workspace]) == 0
    assert len(json.loads(capsys.readouterr().out)["departments"]) == 3
    assert main.main(["progress", "--department", "113", "--region", "玉田", "--json", "--workspace", workspace]) == 0
    assert [d["name"] for d in json.loads(capsys.readouterr().out)["departments"]] == ["玉田县人民政府办公室"]
    assert main.main(["progress", "--department", "113", "--region", "唐山", "--workspace", workspace]) == 2
    assert "多个地区的名称含“唐山”" in capsys.readouterr().err
