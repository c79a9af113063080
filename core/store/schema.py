"""The workspace schema as SQLAlchemy ORM classes (the head revision of the migrations).

Portable SQL only (SQLite and PostgreSQL): the full-text index is added by
`core.store.sqlite_specific` and exists only in SQLite files.

Storage conventions:
- every value read from a document keeps its raw text in a `<name>` column and its
  provenance in `<name>_prov` (compact text, see `core.store.codec`); a NULL raw
  column means the document had no such field;
- money: the raw text plus the amount in 元 as a Decimal string (`<name>_yuan`),
  never a float;
- rarely queried document parts (sub-goals, measures, budget tables, import issues,
  units, the import report) are JSON text on the document row;
- the reviewer's layer points at rows by id and also keeps the `Location` it was
  made for, so it can be shown without joins and carried to a new version.

Changing anything here needs a new migration in core/store/migrations/versions/;
tests/store/test_migrations.py fails when the two disagree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so later batch migrations on SQLite can find and alter them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class RegionRow(Base):
    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class DepartmentRow(Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("region_id", "code", name="uq_departments_region_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_department_year", "department_id", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="CASCADE"))
    year: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    source_name: Mapped[str] = mapped_column(Text)
    source_format: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    year_source: Mapped[str] = mapped_column(Text, default="")
    money_unit: Mapped[str | None] = mapped_column(String(8))
    page_count: Mapped[int | None] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    # The version this document replaced (same department, year and kind).
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    region_hint: Mapped[str | None] = mapped_column(Text)
    dept_code: Mapped[str] = mapped_column(String(64))
    dept_name: Mapped[str] = mapped_column(Text)
    overall_goal: Mapped[str | None] = mapped_column(Text)
    overall_goal_prov: Mapped[str | None] = mapped_column(String(64))
    units_json: Mapped[str] = mapped_column(Text, default="[]")
    sub_goals_json: Mapped[str] = mapped_column(Text, default="[]")
    measures_json: Mapped[str] = mapped_column(Text, default="[]")
    budget_tables_json: Mapped[str | None] = mapped_column(Text)
    issues_json: Mapped[str] = mapped_column(Text, default="[]")
    # core.import_report.ImportReport as JSON; NULL: stored before reports were recorded (0004).
    report_json: Mapped[str | None] = mapped_column(Text)
    # 小计/合计 rows of tables listing several projects (core.model.StatedTotal), 0006.
    totals_json: Mapped[str | None] = mapped_column(Text)
    # sha256 of core.store.same_content's key (0009); NULL: stored before, computed when needed.
    content_sha256: Mapped[str | None] = mapped_column(String(64))


class DocumentFileRow(Base):
    """The original file, so the workspace is self-contained (kept apart: documents stay small)."""

    __tablename__ = "document_files"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentAliasRow(Base):
    """Another file of a stored document's text (the .pdf of an imported .docx, refused as
    the same content, 0009): its bytes, so that importing it again is known without reading it."""

    __tablename__ = "document_aliases"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(Text)


class ProjectRow(Base):
    __tablename__ = "projects"
    __table_args__ = (Index("ix_projects_document_position", "document_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # order in the document, 0-based
    seq: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    title_prov: Mapped[str | None] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(64))
    unit_name: Mapped[str] = mapped_column(Text)
    money_unit: Mapped[str | None] = mapped_column(String(8))
    code: Mapped[str | None] = mapped_column(Text)
    code_prov: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(Text)
    name_prov: Mapped[str | None] = mapped_column(String(64))
    budget_total: Mapped[str | None] = mapped_column(Text)
    budget_total_prov: Mapped[str | None] = mapped_column(String(64))
    budget_total_yuan: Mapped[str | None] = mapped_column(String(40))
    fiscal_funds: Mapped[str | None] = mapped_column(Text)
    fiscal_funds_prov: Mapped[str | None] = mapped_column(String(64))
    fiscal_funds_yuan: Mapped[str | None] = mapped_column(String(40))
    other_funds: Mapped[str | None] = mapped_column(Text)
    other_funds_prov: Mapped[str | None] = mapped_column(String(64))
    other_funds_yuan: Mapped[str | None] = mapped_column(String(40))
    usage: Mapped[str | None] = mapped_column(Text)
    usage_prov: Mapped[str | None] = mapped_column(String(64))
    goal: Mapped[str | None] = mapped_column(Text)
    goal_prov: Mapped[str | None] = mapped_column(String(64))
    spending_plan_json: Mapped[str | None] = mapped_column(Text)
    prov: Mapped[str | None] = mapped_column(String(64))
    long_term_goal: Mapped[str | None] = mapped_column(Text)
    long_term_goal_prov: Mapped[str | None] = mapped_column(String(64))
    funding_json: Mapped[str | None] = mapped_column(Text)
    cost_json: Mapped[str | None] = mapped_column(Text)


class IndicatorRow(Base):
    __tablename__ = "indicators"
    __table_args__ = (Index("ix_indicators_project_position", "project_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    level1: Mapped[str] = mapped_column(Text)
    level1_prov: Mapped[str | None] = mapped_column(String(64))
    level2: Mapped[str] = mapped_column(Text)
    level2_prov: Mapped[str | None] = mapped_column(String(64))
    level3: Mapped[str] = mapped_column(Text)
    level3_prov: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text)
    description_prov: Mapped[str | None] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    value_prov: Mapped[str | None] = mapped_column(String(64))
    basis: Mapped[str | None] = mapped_column(Text)
    basis_prov: Mapped[str | None] = mapped_column(String(64))
    extra_json: Mapped[str | None] = mapped_column(Text)
    # "annual" (the 年度 grid: positions 0…n-1) or "long_term" (the 长期 grid, after them)
    period: Mapped[str] = mapped_column(String(16), default="annual", server_default="annual")


class LocatedMixin:
    """The columns of a core.review.Location, shared by the reviewer-layer tables; `loc_key`
    is Location.key(), which matches a row across check runs and document versions."""

    loc_project_seq: Mapped[int | None] = mapped_column(Integer)
    loc_field: Mapped[str | None] = mapped_column(String(64))
    loc_indicator: Mapped[int | None] = mapped_column(Integer)
    loc_column: Mapped[str | None] = mapped_column(String(64))
    loc_key: Mapped[str] = mapped_column(String(200))


class RevisionRow(LocatedMixin, Base):
    """A suggested revision; at most one per place (setting again replaces the suggestion)."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("document_id", "loc_key", name="uq_revisions_document_loc"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    original: Mapped[str] = mapped_column(Text)
    suggested: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AnnotationRow(LocatedMixin, Base):
    __tablename__ = "annotations"
    __table_args__ = (Index("ix_annotations_document", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class FindingRow(LocatedMixin, Base):
    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_document", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    check_id: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(4))
    criterion: Mapped[str] = mapped_column(String(16))
    quote: Mapped[str] = mapped_column(Text)
    # the message as data (0007): its catalogue key and parameters as JSON (core.messages)
    message_key: Mapped[str] = mapped_column(String(64))
    params_json: Mapped[str] = mapped_column(Text, default="{}")
    suggestion: Mapped[str | None] = mapped_column(Text)
    prov: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    # who decided it and when (0008); NULL before that revision or never decided
    decided_by: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)


class GradeRow(Base):
    """A project's grade; scores are review points (not money), so float is fine here."""

    __tablename__ = "grades"

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    scores_json: Mapped[str] = mapped_column(Text, default="{}")
    total: Mapped[float] = mapped_column(Float)
    band: Mapped[str] = mapped_column(String(8))
    result: Mapped[str] = mapped_column(String(32))
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    conclusion: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class YearMatchRow(Base):
    """A reviewer's correction of the year comparison: old project ↔ new project (or none)."""

    __tablename__ = "year_matches"
    __table_args__ = (
        UniqueConstraint("old_document_id", "new_document_id", "old_project_id", name="uq_year_matches_old"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    old_document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    new_document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    old_project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    new_project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
