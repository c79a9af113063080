"""A small workspace for the tree filter: three regions, names chosen so each match rule shows.

Regions sort 丙市, 乙市, 甲市 (the window opens the first branch, so 乙市 and 甲市 stay
unopened). "督查" names: the department 丙市督查局 (whose 本级 unit repeats its name), two
projects of 乙市交通局, and the unit 乙市督查服务中心 of 乙市水利局, whose 2025 projects
belong to two units (the tree has a unit level there).
"""

from __future__ import annotations

import random

from core.model import Document, Field
from core.store import Workspace
from tests.store.factory import make_document, make_project

DUCHA_PROJECTS = ("督查专项经费", "督查车辆维护")
DUCHA_UNIT = "乙市督查服务中心"
DUCHA_DEPARTMENT = "丙市督查局"


def document(seed: int, region: str, code: str, name: str, projects: list[tuple[str, str, str]],
             year: int = 2025) -> Document:
    """A department's document whose projects are (name, unit code, unit name)."""
    doc = make_document(seed, region=region, dept_code=code, dept_name=name, year=year, projects=0)
    rng = random.Random(seed)
    for i, (title, unit_code, unit_name) in enumerate(projects):
        project = make_project(rng, i + 1, i, name=title, code=f"{code}25P{seed:04d}{i:02d}", indicators=1)
        project.dept_code, project.dept_name = unit_code, unit_name
        project.goal = Field("完成年度任务。")
        doc.projects.append(project)
    return doc


def fill(ws: Workspace) -> None:
    """Import the documents (each a distinct file)."""
    docs = [
        document(1, "甲市", "101", "甲市财政局", [("办公设备购置", "101001", "甲市财政局本级"),
                                                ("档案数字化", "101001", "甲市财政局本级")]),
        document(2, "乙市", "102", "乙市交通局", [(DUCHA_PROJECTS[0], "102001", "乙市交通局本级"),
                                                ("热线运行", "102001", "乙市交通局本级"),
                                                (DUCHA_PROJECTS[1], "102001", "乙市交通局本级")]),
        document(3, "乙市", "103", "乙市水利局", [("水库维护", "103002", DUCHA_UNIT),
                                                ("河道治理", "103001", "乙市水利局本级")]),
        document(4, "丙市", "104", DUCHA_DEPARTMENT, [("日常运行经费", "104001", "丙市督查局本级")]),
    ]
    for i, doc in enumerate(docs):
        ws.import_document(doc, f"document {i}".encode(), f"d{i}.docx")
