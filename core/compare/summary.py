"""A comparison in words: one Chinese line per change, and a readable summary for the command line.

The window shows the same sentences (as tooltips and in the change list), so they
are built here, once, from the change dicts of `core.compare.diff`.
"""

from __future__ import annotations

from core.compare.causes import CAUSE_TEXT, Cause
from core.compare.diff import Change, Comparison

FIELD_TEXT: dict[str, str] = {
    "overall_goal": "总体绩效目标", "sub_goals": "分项绩效目标", "measures": "工作保障措施",
    "name": "项目名称", "title": "表名", "unit": "预算单位", "money_unit": "金额单位", "usage": "资金用途",
    "goal": "项目绩效目标", "budget_total": "预算数", "fiscal_funds": "财政资金", "other_funds": "其他资金",
    "level3": "三级指标", "description": "指标描述", "value": "指标值", "basis": "指标值确定依据",
}


KIND_TEXT: dict[str, str] = {
    "year": "年度", "text": "部门目标文字", "project_added": "新增项目", "project_removed": "取消项目",
    "project_code": "项目编码", "project_seq": "项目序号", "project_field": "项目信息", "budget": "预算金额",
    "indicator_field": "指标内容", "indicator_added": "新增指标", "indicator_removed": "删除指标",
}


def field_text(name: str) -> str:
    if name.startswith("spending_plan."):
        return "资金支出计划" + name.split(".", 1)[1]
    return FIELD_TEXT.get(name, name)


def _short(text: object, limit: int = 40) -> str:
    value = "" if text is None else str(text).replace("\n", " ")
    if not value.strip():
        return "（空）"
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _cause(change: Change) -> str:
    cause = change.get("cause")
    return f"（{CAUSE_TEXT[Cause(cause)]}）" if cause in Cause.__members__.values() else ""


def describe(change: Change) -> str:
    """One line in Chinese for one change."""
    kind = change["kind"]
    if kind == "year":
        return f"预算年度：{change['old']} → {change['new']}"
    if kind == "text":
        return f"{field_text(change['field'])}有修改{_cause(change)}"
    project = change.get("project", "")
    if kind == "project_added":
        return f"新增项目：{project}（{change.get('code') or '无编码'}）"
    if kind == "project_removed":
        return f"取消项目：{project}（{change.get('code') or '无编码'}）"
    if kind == "project_code":
        return f"{project}：项目编码 {change['old']} → {change['new']}{_cause(change)}"
    if kind == "project_seq":
        return f"{project}：序号 {change['old']} → {change['new']}"
    if kind == "project_field":
        return (f"{project}：{field_text(change['field'])} “{_short(change['old'])}” → "
                f"“{_short(change['new'])}”{_cause(change)}")
    if kind == "budget":
        percent = f"（{change['percent']}）" if change.get("percent") else ""
        return f"{project}：{field_text(change['field'])} {_short(change['old'])} → {_short(change['new'])}{percent}"
    if kind == "indicator_field":
        where = f"{change['level2']}/{change['level3']}"
        return (f"{project}：{where} {field_text(change['field'])} “{_short(change['old'])}” → "
                f"“{_short(change['new'])}”{_cause(change)}")
    if kind in ("indicator_added", "indicator_removed"):
        row = change.get("indicator") or {}
        verb = "新增指标" if kind == "indicator_added" else "删除指标"
        return f"{project}：{verb} {row.get('level2', '')}/{row.get('level3', '')}（{_short(row.get('value'))}）"
    return f"{project}：{kind}"


def summary_lines(comparison: Comparison) -> list[str]:
    """The comparison as text: the two documents, the project pairing, then the changes by project."""
    old, new = comparison.old, comparison.new
    lines = [f"年度对比：{new.org.dept_name or old.org.dept_name}",
             f"  上年：{old.source_name}（{old.year or '年度不详'}年，{len(old.projects)} 个项目）",
             f"  本年：{new.source_name}（{new.year or '年度不详'}年，{len(new.projects)} 个项目）", ""]
    general = [c for c in comparison.changes if "old_project" not in c]
    if general:
        lines.append("部门整体：")
        lines += [f"  {describe(c)}" for c in general]
        lines.append("")
    lines.append("项目配对：")
    for match in comparison.matches:
        left = old.projects[match.old].display_name if match.old is not None else "—"
        right = new.projects[match.new].display_name if match.new is not None else "—"
        how = f"{match.reason_text}，可信度 {match.confidence:.0%}" if match.matched else match.reason_text
        lines.append(f"  {left} ⇄ {right}（{how}）")
        changes = comparison.project_changes(match)
        lines += [f"      · {describe(c)}" for c in changes]
    counts: dict[str, int] = {}
    for change in comparison.changes:
        counts[change["kind"]] = counts.get(change["kind"], 0) + 1
    lines += ["", f"共 {len(comparison.changes)} 处变化：" + "，".join(f"{KIND_TEXT.get(k, k)} {v}" for k, v in counts.items())
              if comparison.changes else "两年文件没有差别。"]
    return lines
