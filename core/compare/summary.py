"""A comparison in words: one Chinese line per change, and a readable summary for the command line.

The window shows the same sentences (as tooltips and in the change list), so they
are built here, once, from the `Change` records of `core.compare.diff`.
"""

from __future__ import annotations

from core.checks.describe import field_label
from core.compare.causes import Cause
from core.compare.diff import Change, ChangeKind, Comparison
from core.messages import Lang, label


def field_text(name: str, lang: Lang = "zh") -> str:
    if name.startswith("spending_plan."):
        return label("field.spending_plan", lang) + name.split(".", 1)[1]
    return field_label(name, lang)


def kind_text(kind: str, lang: Lang = "zh") -> str:
    return label(f"change.{kind}", lang, default=kind)


def cause_text(cause: Cause, lang: Lang = "zh") -> str:
    return label(f"cause.{cause.value}", lang)


def _short(text: object, limit: int = 40, lang: Lang = "zh") -> str:
    value = "" if text is None else str(text).replace("\n", " ")
    if not value.strip():
        return label("chg.empty", lang)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _cause(change: Change, lang: Lang) -> str:
    if change.cause is None:
        return ""
    return label("chg.cause", lang).format(cause=cause_text(change.cause, lang))


def describe(change: Change, lang: Lang = "zh") -> str:
    """One line for one change, in `lang`."""
    kind = change.kind

    def line(key: str, **params: object) -> str:
        return label(f"chg.{key}", lang).format(**params)

    if kind is ChangeKind.YEAR:
        return line("year", old=change.old, new=change.new)
    if kind is ChangeKind.TEXT:
        return line("text", field=field_text(change.field or "", lang), cause=_cause(change, lang))
    project = change.project or ""
    if kind in (ChangeKind.PROJECT_ADDED, ChangeKind.PROJECT_REMOVED):
        return line(kind.value, project=project, code=change.code or label("chg.no_code", lang))
    if kind is ChangeKind.PROJECT_CODE:
        return line(kind.value, project=project, old=change.old, new=change.new, cause=_cause(change, lang))
    if kind is ChangeKind.PROJECT_SEQ:
        return line(kind.value, project=project, old=change.old, new=change.new)
    if kind is ChangeKind.PROJECT_FIELD:
        return line(kind.value, project=project, field=field_text(change.field or "", lang),
                    old=_short(change.old, lang=lang), new=_short(change.new, lang=lang), cause=_cause(change, lang))
    if kind is ChangeKind.BUDGET:
        percent = label("chg.percent", lang).format(percent=change.percent) if change.percent else ""
        return line(kind.value, project=project, field=field_text(change.field or "", lang),
                    old=_short(change.old, lang=lang), new=_short(change.new, lang=lang), percent=percent)
    if kind is ChangeKind.INDICATOR_FIELD:
        return line(kind.value, project=project, where=f"{change.level2}/{change.level3}",
                    field=field_text(change.field or "", lang), old=_short(change.old, lang=lang),
                    new=_short(change.new, lang=lang), cause=_cause(change, lang))
    if kind in (ChangeKind.INDICATOR_ADDED, ChangeKind.INDICATOR_REMOVED):
        row = change.indicator or {}
        return line(kind.value, project=project, where=f"{row.get('level2', '')}/{row.get('level3', '')}",
                    value=_short(row.get("value"), lang=lang))
    return line("other", project=project, kind=kind.value)


def summary_lines(comparison: Comparison) -> list[str]:
    """The comparison as text: the two documents, the project pairing, then the changes by project."""
    old, new = comparison.old, comparison.new
    lines = [f"年度对比：{new.org.dept_name or old.org.dept_name}",
             f"  上年：{old.source_name}（{old.year or '年度不详'}年，{len(old.projects)} 个项目）",
             f"  本年：{new.source_name}（{new.year or '年度不详'}年，{len(new.projects)} 个项目）", ""]
    general = [c for c in comparison.changes if not c.of_project]
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
        counts[change.kind.value] = counts.get(change.kind.value, 0) + 1
    lines += ["", f"共 {len(comparison.changes)} 处变化：" + "，".join(f"{kind_text(k)} {v}" for k, v in counts.items())
              if comparison.changes else "两年文件没有差别。"]
    return lines
