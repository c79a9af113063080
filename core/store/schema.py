"""The workspace schema as SQLAlchemy tables, one class each (the head revision of the migrations).

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
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.sql.elements import ColumnClause
from sqlalchemy.sql.schema import SchemaItem

# Named constraints, so later batch migrations on SQLite can find and alter them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base:
    """What SQLAlchemy's declarative base did here, without loading its ORM (about 75 ms of
    every command that opens a workspace, and an ORM compile step in every statement).

    A subclass with a `__tablename__` becomes the Table `__table__` in `Base.metadata`: its
    Column attributes in the order written, then copies of its mixins' columns (a column
    belongs to one table), then `__table_args__`. Its attributes are that table's columns,
    and the class stands for the table in select(), insert(), update() and delete()
    (`__clause_element__`). The migrations build the same schema: tests/store/test_migrations.py
    compares the two.
    """

    metadata: ClassVar[MetaData] = MetaData(naming_convention=NAMING)
    __tablename__: ClassVar[str]
    __table__: ClassVar[Table]
    __table_args__: ClassVar[tuple[SchemaItem, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__tablename__" not in cls.__dict__:
            return  # a mixin: its columns are copied into each table that uses it
        columns: dict[str, Column[Any]] = {}
        for owner in (cls, *reversed(cls.__mro__[1:])):
            for name, value in vars(owner).items():
                if isinstance(value, Column) and name not in columns:
                    column = value if owner is cls else value._copy()
                    column.name = column.key = name
                    columns[name] = column
                    setattr(cls, name, column)
        cls.__table__ = Table(cls.__tablename__, cls.metadata, *columns.values(), *cls.__table_args__)

    @classmethod
    def __clause_element__(cls) -> Table:
        return cls.__table__


class RegionRow(Base):
    __tablename__ = "regions"

    id: ColumnClause[int] = Column(Integer, primary_key=True)
    name: ColumnClause[str] = Column(String(200), unique=True, nullable=False)


class DepartmentRow(Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("region_id", "code", name="uq_departments_region_code"),)

    id: ColumnClause[int] = Column(Integer, primary_key=True)
    region_id: ColumnClause[int] = Column(Integer, ForeignKey("regions.id", ondelete="CASCADE"), nullable=False)
    code: ColumnClause[str] = Column(String(64), nullable=False)
    name: ColumnClause[str] = Column(Text, nullable=False)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_department_year", "department_id", "year"),)

    id: ColumnClause[int] = Column(Integer, primary_key=True)
    department_id: ColumnClause[int] = Column(Integer, ForeignKey("departments.id", ondelete="CASCADE"), nullable=False)
    year: ColumnClause[int] = Column(Integer, nullable=True)
    kind: ColumnClause[str] = Column(String(32), nullable=False)
    source_name: ColumnClause[str] = Column(Text, nullable=False)
    source_format: ColumnClause[str] = Column(String(16), nullable=False)
    sha256: ColumnClause[str] = Column(String(64), unique=True, nullable=False)
    year_source: ColumnClause[str] = Column(Text, default="", nullable=False)
    money_unit: ColumnClause[str] = Column(String(8), nullable=True)
    page_count: ColumnClause[int] = Column(Integer, nullable=True)
    imported_at: ColumnClause[datetime] = Column(DateTime, nullable=False)
    is_current: ColumnClause[bool] = Column(Boolean, default=True, nullable=False)
    # The version this document replaced (same department, year and kind).
    replaces_id: ColumnClause[int] = Column(Integer, ForeignKey("documents.id", ondelete="SET NULL"), nullable=True)
    region_hint: ColumnClause[str] = Column(Text, nullable=True)
    dept_code: ColumnClause[str] = Column(String(64), nullable=False)
    dept_name: ColumnClause[str] = Column(Text, nullable=False)
    overall_goal: ColumnClause[str] = Column(Text, nullable=True)
    overall_goal_prov: ColumnClause[str] = Column(String(64), nullable=True)
    units_json: ColumnClause[str] = Column(Text, default="[]", nullable=False)
    sub_goals_json: ColumnClause[str] = Column(Text, default="[]", nullable=False)
    measures_json: ColumnClause[str] = Column(Text, default="[]", nullable=False)
    budget_tables_json: ColumnClause[str] = Column(Text, nullable=True)
    issues_json: ColumnClause[str] = Column(Text, default="[]", nullable=False)
    # core.import_report.ImportReport as JSON; NULL: stored before reports were recorded (0004).
    report_json: ColumnClause[str] = Column(Text, nullable=True)
    # 小计/合计 rows of tables listing several projects (core.model.StatedTotal), 0006.
    totals_json: ColumnClause[str] = Column(Text, nullable=True)
    # sha256 of core.store.same_content's key (0009); NULL: stored before, computed when needed.
    content_sha256: ColumnClause[str] = Column(String(64), nullable=True)


class DocumentFileRow(Base):
    """The original file, so the workspace is self-contained (kept apart: documents stay small)."""

    __tablename__ = "document_files"

    document_id: ColumnClause[int] = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    file_name: ColumnClause[str] = Column(Text, nullable=False)
    size: ColumnClause[int] = Column(Integer, nullable=False)
    content: ColumnClause[bytes] = Column(LargeBinary, nullable=False)


class DocumentAliasRow(Base):
    """Another file of a stored document's text (the .pdf of an imported .docx, refused as
    the same content, 0009): its bytes, so that importing it again is known without reading it."""

    __tablename__ = "document_aliases"

    sha256: ColumnClause[str] = Column(String(64), primary_key=True)
    document_id: ColumnClause[int] = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), index=True,
                                      nullable=False)
    file_name: ColumnClause[str] = Column(Text, nullable=False)


class ProjectRow(Base):
    __tablename__ = "projects"
    __table_args__ = (Index("ix_projects_document_position", "document_id", "position"),)

    id: ColumnClause[int] = Column(Integer, primary_key=True)
    document_id: ColumnClause[int] = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    position: ColumnClause[int] = Column(Integer, nullable=False)  # order in the document, 0-based
    seq: ColumnClause[int] = Column(Integer, nullable=True)
    title: ColumnClause[str] = Column(Text, nullable=False)
    title_prov: ColumnClause[str] = Column(String(64), nullable=True)
    unit_code: ColumnClause[str] = Column(String(64), nullable=False)
    unit_name: ColumnClause[str] = Column(Text, nullable=False)
    money_unit: ColumnClause[str] = Column(String(8), nullable=True)
    code: ColumnClause[str] = Column(Text, nullable=True)
    code_prov: ColumnClause[str] = Column(String(64), nullable=True)
    name: ColumnClause[str] = Column(Text, nullable=True)
    name_prov: ColumnClause[str] = Column(String(64), nullable=True)
    budget_total: ColumnClause[str] = Column(Text, nullable=True)
    budget_total_prov: ColumnClause[str] = Column(String(64), nullable=True)
    budget_total_yuan: ColumnClause[str] = Column(String(40), nullable=True)
    fiscal_funds: ColumnClause[str] = Column(Text, nullable=True)
    fiscal_funds_prov: ColumnClause[str] = Column(String(64), nullable=True)
    fiscal_funds_yuan: ColumnClause[str] = Column(String(40), nullable=True)
    other_funds: ColumnClause[str] = Column(Text, nullable=True)
    other_funds_prov: ColumnClause[str] = Column(String(64), nullable=True)
    other_funds_yuan: ColumnClause[str] = Column(String(40), nullable=True)
    usage: ColumnClause[str] = Column(Text, nullable=True)
    usage_prov: ColumnClause[str] = Column(String(64), nullable=True)
    goal: ColumnClause[str] = Column(Text, nullable=True)
    goal_prov: ColumnClause[str] = Column(String(64), nullable=True)
    spending_plan_json: ColumnClause[str] = Column(Text, nullable=True)
    prov: ColumnClause[str] = Column(String(64), nullable=True)
    long_term_goal: ColumnClause[str] = Column(Text, nullable=True)
    long_term_goal_prov: ColumnClause[str] = Column(String(64), nullable=True)
    funding_json: ColumnClause[str] = Column(Text, nullable=True)
    cost_json: ColumnClause[str] = Column(Text, nullable=True)


class IndicatorRow(Base):
    __tablename__ = "indicators"
    __table_args__ = (Index("ix_indicators_project_position", "project_id", "position"),)

    id: ColumnClause[int] = Column(Integer, primary_key=True)
    project_id: ColumnClause[int] = Column(Integer, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False)
    position: ColumnClause[int] = Column(Integer, nullable=False)
    level1: ColumnClause[str] = Column(Text, nullable=False)
    level1_prov: ColumnClause[str] = Column(String(64), nullable=True)
    level2: ColumnClause[str] = Column(Text, nullable=False)
    level2_prov: ColumnClause[str] = Column(String(64), nullable=True)
    level3: ColumnClause[str] = Column(Text, nullable=False)
    level3_prov: ColumnClause[str] = Column(String(64), nullable=True)
    description: ColumnClause[str] = Column(Text, nullable=False)
    description_prov: ColumnClause[str] = Column(String(64), nullable=True)
    value: ColumnClause[str] = Column(Text, nullable=False)
    value_prov: ColumnClause[str] = Column(String(64), nullable=True)
    basis: ColumnClause[str] = Column(Text, nullable=True)
    basis_prov: ColumnClause[str] = Column(String(64), nullable=True)
    extra_json: ColumnClause[str] = Column(Text, nullable=True)
    # "annual" (the 年度 grid: positions 0…n-1) or "long_term" (the 长期 grid, after them)
    period: ColumnClause[str] = Column(String(16), default="annual", server_default="annual", nullable=False)


class LocatedMixin:
    """The columns of a core.review.Location, shared by the reviewer-layer tables; `loc_key`
    is Location.key(), which matches a row across check runs and document versions."""

    loc_project_seq: ColumnClause[int] = Column(Integer, nullable=True)
    loc_field: ColumnClause[str] = Column(String(64), nullable=True)
    loc_indicator: ColumnClause[int] = Column(Integer, nullable=True)
    loc_column: ColumnClause[str] = Column(String(64), nullable=True)
    loc_key: ColumnClause[str] = Column(String(200), nullable=False)


class RevisionRow(LocatedMixin, Base):
    """A suggested revision; at most one per place (setting again replaces the suggestion)."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("document_id", "loc_key", name="uq_revisions_document_loc"),)

    id: ColumnClause[int] = Column(Integer, primary_key=True)
    document_id: ColumnClause[int] = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    project_id: ColumnClause[int] = Column(Integer, ForeignKey("projects.id", ondelete="CASCADE"), index=True, nullable=True)
    indicator_id: ColumnClause[int] = Column(Integer, ForeignKey("indicators.id", ondelete="CASCADE"), nullable=True)
    original: ColumnClause[str] = Column(Text, nullable=False)
    suggested: ColumnClause[str] = Column(Text, nullable=False)
    author: ColumnClause[str] = Column(Text, default="", nullable=False)
    note: ColumnClause[str] = Column(Text, default="", nullable=False)
    updated_at: ColumnClause[datetime] = Column(DateTime, nullable=False)


class AnnotationRow(LocatedMixin, Base):
    __tablename__ = "annotations"
    __table_args__ = (Index("ix_annotations_document", "document_id"),)

    id: ColumnClause[int] = Column(Integer, primary_key=True)
    document_id: ColumnClause[int] = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    project_id: ColumnClause[int] = Column(Integer, ForeignKey("projects.id", ondelete="CASCADE"), index=True, nullable=True)
    indicator_id: ColumnClause[int] = Column(Integer, ForeignKey("indicators.id", ondelete="CASCADE"), nullable=True)
    text: ColumnClause[str] = Column(Text, nullable=False)
    author: ColumnClause[str] = Column(Text, default="", nullable=False)
    updated_at: ColumnClause[datetime] = Column(DateTime, nullable=False)


class FindingRow(LocatedMixin, Base):
    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_document", "document_id"),)

    id: ColumnClause[int] = Column(Integer, primary_key=True)
    document_id: ColumnClause[int] = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    project_id: ColumnClause[int] = Column(Integer, ForeignKey("projects.id", ondelete="CASCADE"), index=True, nullable=True)
    indicator_id: ColumnClause[int] = Column(Integer, ForeignKey("indicators.id", ondelete="CASCADE"), nullable=True)
    check_id: ColumnClause[str] = Column(String(32), nullable=False)
    severity: ColumnClause[str] = Column(String(4), nullable=False)
    criterion: ColumnClause[str] = Column(String(16), nullable=False)
    quote: ColumnClause[str] = Column(Text, nullable=False)
    # the message as data (0007): its catalogue key and parameters as JSON (core.messages)
    message_key: ColumnClause[str] = Column(String(64), nullable=False)
    params_json: ColumnClause[str] = Column(Text, default="{}", nullable=False)
    suggestion: ColumnClause[str] = Column(Text, nullable=True)
    prov: ColumnClause[str] = Column(String(64), nullable=True)
    state: ColumnClause[str] = Column(String(16), nullable=False)
    reason: ColumnClause[str] = Column(Text, nullable=True)
    # who decided it and when (0008); NULL before that revision or never decided
    decided_by: ColumnClause[str] = Column(Text, nullable=True)
    decided_at: ColumnClause[datetime] = Column(DateTime, nullable=True)


class GradeRow(Base):
    """A project's grade; scores are review points (not money), so float is fine here."""

    __tablename__ = "grades"

    project_id: ColumnClause[int] = Column(Integer, ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    scores_json: ColumnClause[str] = Column(Text, default="{}", nullable=False)
    total: ColumnClause[float] = Column(Float, nullable=False)
    band: ColumnClause[str] = Column(String(8), nullable=False)
    result: ColumnClause[str] = Column(String(32), nullable=False)
    overridden: ColumnClause[bool] = Column(Boolean, default=False, nullable=False)
    conclusion: ColumnClause[str] = Column(Text, default="", nullable=False)
    updated_at: ColumnClause[datetime] = Column(DateTime, nullable=False)


class YearMatchRow(Base):
    """A reviewer's correction of the year comparison: old project ↔ new project (or none)."""

    __tablename__ = "year_matches"
    __table_args__ = (
        UniqueConstraint("old_document_id", "new_document_id", "old_project_id", name="uq_year_matches_old"),
    )

    id: ColumnClause[int] = Column(Integer, primary_key=True)
    old_document_id: ColumnClause[int] = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    new_document_id: ColumnClause[int] = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    old_project_id: ColumnClause[int] = Column(Integer, ForeignKey("projects.id", ondelete="CASCADE"), nullable=True)
    new_project_id: ColumnClause[int] = Column(Integer, ForeignKey("projects.id", ondelete="CASCADE"), nullable=True)
    updated_at: ColumnClause[datetime] = Column(DateTime, nullable=False)
