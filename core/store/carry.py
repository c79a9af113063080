"""Carrying the reviewer's work to a new version of a document (same department, year, kind).

Projects are matched by project code, else by name; indicator rows within a matched
project by (level1, level2, level3), the n-th duplicate to the n-th. Revisions,
annotations, decided findings (state not open, or the reviewer's own) and overridden
grades follow to the matched place. What has no place in the new version, and
revisions the new version already adopted, are reported as `Uncarried`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select

from core.model import Document, Project
from core.review import Location
from core.store import convert
from core.store.records import Uncarried
from core.store.reviewer import REVIEWER_CHECK_ID, resolve_location
from core.store.same_content import without_spaces
from core.store.schema import AnnotationRow, FindingRow, GradeRow, ProjectRow, RevisionRow


@dataclass(slots=True)
class Carried:
    revisions: int = 0
    annotations: int = 0
    uncarried: list[Uncarried] = field(default_factory=list)


def _indicator_keys(project: Project) -> list[tuple[str, str, str, int]]:
    seen: dict[tuple[str, str, str], int] = defaultdict(int)
    keys = []
    for ind in project.indicators:
        base = (without_spaces(ind.level1.raw), without_spaces(ind.level2.raw), without_spaces(ind.level3.raw))
        keys.append((*base, seen[base]))
        seen[base] += 1
    return keys


class LocationMapper:
    """Maps a Location in the old version to the same place in the new one (or says why not)."""

    def __init__(self, old: Document, new: Document) -> None:
        self.old, self.new = old, new
        by_code = {without_spaces(p.code.raw): p for p in new.projects if p.code is not None and without_spaces(p.code.raw)}
        by_name = {without_spaces(p.display_name): p for p in new.projects}
        self.projects: dict[int, Project] = {}
        for p in old.projects:
            if p.seq is None:
                continue
            code = without_spaces(p.code.raw) if p.code is not None else ""
            match = by_code.get(code) if code else None
            match = match or by_name.get(without_spaces(p.display_name))
            if match is not None and p.seq not in self.projects:
                self.projects[p.seq] = match
        self.old_by_seq = {p.seq: p for p in reversed(old.projects) if p.seq is not None}

    def map(self, loc: Location) -> tuple[Location | None, str]:
        if loc.project_seq is None:
            if convert.value_at(self.new, None, loc) is None and loc.field is not None:
                return None, "新版本中没有对应的内容"
            return loc, ""
        new_project = self.projects.get(loc.project_seq)
        if new_project is None or new_project.seq is None:
            return None, "新版本中没有找到对应的项目"
        if loc.indicator is None:
            return Location(project_seq=new_project.seq, field=loc.field, column=loc.column), ""
        old_project = self.old_by_seq[loc.project_seq]
        old_keys = _indicator_keys(old_project)
        if not 0 <= loc.indicator < len(old_keys):
            return None, "原指标行已不存在"
        new_keys = _indicator_keys(new_project)
        try:
            index = new_keys.index(old_keys[loc.indicator])
        except ValueError:
            return None, "新版本中没有找到对应的绩效指标"
        return Location(project_seq=new_project.seq, field=loc.field, indicator=index, column=loc.column), ""


def _describe(loc: Location) -> str:
    return loc.key()


def carry_reviewer_layer(conn: Connection, *, old_doc_id: int, old_doc: Document, new_doc_id: int,
                         new_doc: Document) -> Carried:
    mapper = LocationMapper(old_doc, new_doc)
    result = Carried()
    ids: dict[str, tuple[int | None, int | None]] = {}

    def target(loc: Location) -> tuple[int | None, int | None]:
        if loc.key() not in ids:
            ids[loc.key()] = resolve_location(conn, new_doc_id, loc)
        return ids[loc.key()]

    def new_value(loc: Location) -> str:
        project = None
        if loc.project_seq is not None:
            project = next((p for p in new_doc.projects if p.seq == loc.project_seq), None)
        value = convert.value_at(new_doc, project, loc)
        return "" if value is None else value.raw

    for r in conn.execute(select(RevisionRow).where(RevisionRow.document_id == old_doc_id)
                          .order_by(RevisionRow.id)).mappings().all():
        loc, reason = mapper.map(convert.location_from(r))
        if loc is not None and new_value(loc) == r["suggested"]:
            loc, reason = None, "新版本已按建议修改"
        if loc is None:
            result.uncarried.append(Uncarried("revision", _describe(convert.location_from(r)), r["suggested"], reason))
            continue
        project_id, indicator_id = target(loc)
        conn.execute(insert(RevisionRow).values(
            document_id=new_doc_id, project_id=project_id, indicator_id=indicator_id,
            **convert.location_columns(loc), original=new_value(loc), suggested=r["suggested"],
            author=r["author"], note=r["note"], updated_at=r["updated_at"]))
        result.revisions += 1

    for r in conn.execute(select(AnnotationRow).where(AnnotationRow.document_id == old_doc_id)
                          .order_by(AnnotationRow.id)).mappings().all():
        loc, reason = mapper.map(convert.location_from(r))
        if loc is None:
            result.uncarried.append(Uncarried("annotation", _describe(convert.location_from(r)), r["text"], reason))
            continue
        project_id, indicator_id = target(loc)
        conn.execute(insert(AnnotationRow).values(
            document_id=new_doc_id, project_id=project_id, indicator_id=indicator_id,
            **convert.location_columns(loc), text=r["text"], author=r["author"], updated_at=r["updated_at"]))
        result.annotations += 1

    findings: list[dict[str, Any]] = []
    for r in conn.execute(select(FindingRow).where(FindingRow.document_id == old_doc_id)).mappings().all():
        if r["state"] == "open" and r["check_id"] != REVIEWER_CHECK_ID:
            continue  # the next check run finds it again if it still applies
        loc, _reason = mapper.map(convert.location_from(r))
        if loc is None:
            continue
        project_id, indicator_id = target(loc)
        row = {k: v for k, v in r.items() if k not in ("id", "document_id", "project_id", "indicator_id")}
        row.update(convert.location_columns(loc), document_id=new_doc_id, project_id=project_id,
                   indicator_id=indicator_id)
        findings.append(row)
    if findings:
        conn.execute(insert(FindingRow), findings)

    old_projects = dict(conn.execute(select(ProjectRow.id, ProjectRow.seq)
                                     .where(ProjectRow.document_id == old_doc_id)).all())
    for g in conn.execute(select(GradeRow).where(GradeRow.project_id.in_(list(old_projects)),
                                                 GradeRow.overridden.is_(True))).mappings().all():
        seq = old_projects[g["project_id"]]
        loc, _reason = mapper.map(Location(project_seq=seq)) if seq is not None else (None, "")
        project_id = target(loc)[0] if loc is not None else None
        if project_id is not None:
            conn.execute(insert(GradeRow).values(**{**dict(g), "project_id": project_id}))
    return result
