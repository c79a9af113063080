"""A department by its code, and a region by its name, as the command line's `--department CODE
[--region NAME]` names them: one rule and one set of Chinese messages for every command
(check, progress, review, export, memo).

Department codes repeat across regions (every county has its 政府办); a region narrows the
code down. A region is found by its exact name, else as the one region whose name contains
the text given ("路南区" → 唐山市路南区); text contained in several region names is refused,
naming them. Every failure is a `WorkspaceError` naming the workspace, the code or the
region, and what there is instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.errors import WorkspaceError
from core.store.records import DepartmentInfo, RegionInfo

if TYPE_CHECKING:
    from core.store.workspace import Workspace

# Region names listed in a message, at most.
LISTED_REGIONS = 10


class UnknownDepartment(WorkspaceError):
    """No department has the code: in the whole workspace (`region` None), or in the region
    named (`region`: its full name; the code is only in other regions)."""

    def __init__(self, message: str, code: str, region: str | None) -> None:
        super().__init__(message)
        self.code = code
        self.region = region


def _listed(names: list[str]) -> str:
    return "、".join(names[:LISTED_REGIONS]) + ("等" if len(names) > LISTED_REGIONS else "")


def find_region(ws: Workspace, name: str) -> RegionInfo:
    """The region named `name` exactly (blanks around it ignored), else the one whose name
    contains it; WorkspaceError when there is none, or several contain it."""
    wanted = name.strip()
    regions = ws.regions()
    exact = [r for r in regions if r.name == wanted]
    if exact:
        return exact[0]
    containing = [r for r in regions if wanted and wanted in r.name]
    if len(containing) == 1:
        return containing[0]
    if containing:
        raise WorkspaceError(f"工作区 {ws.label} 中有多个地区的名称含“{wanted}”（{_listed([r.name for r in containing])}），"
                             "请写出完整的地区名称。")
    known = f"现有地区：{_listed([r.name for r in regions])}。" if regions else "工作区中还没有地区。"
    raise WorkspaceError(f"工作区 {ws.label} 中没有名为“{name}”的地区。{known}")


def departments_by_code(ws: Workspace, code: str, region: str | None = None) -> list[DepartmentInfo]:
    """Every department with this code (of the region `region` names, when given: see
    `find_region`); WorkspaceError when the region names nothing, `UnknownDepartment` when
    no department has the code there. A scope (`check`, `progress`) takes them all."""
    place = find_region(ws, region) if region else None
    found = ws.find_departments(code)
    if not found:
        raise UnknownDepartment(f"工作区 {ws.label} 中没有编码为 {code} 的部门。", code, None)
    if place is None:
        return found
    in_region = [d for d in found if d.region_id == place.id]
    if not in_region:
        names = {r.id: r.name for r in ws.regions()}
        elsewhere = _listed(sorted({names.get(d.region_id, "?") for d in found}))
        raise UnknownDepartment(f"地区“{place.name}”中没有编码为 {code} 的部门（有这个编码的部门在：{elsewhere}）。",
                                code, place.name)
    return in_region


def department_by_code(ws: Workspace, code: str, region: str | None = None) -> DepartmentInfo:
    """The one department with this code (in the region, when given: see `find_region`);
    as `departments_by_code`, and WorkspaceError listing the regions and the departments'
    names when the code is in several regions and no region says which."""
    found = departments_by_code(ws, code, region)
    if len(found) > 1:
        names = {r.id: r.name for r in ws.regions()}
        listed = "、".join(f"{names.get(d.region_id, '?')} {d.name}" for d in found)
        raise WorkspaceError(f"部门编码 {code} 在多个地区都有（{listed}），请用 --region 指定地区。")
    return found[0]
