"""Initial schema: organisations, documents with their files, projects, indicators, reviewer layer.

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-23 11:32:58.534042
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "regions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regions")),
        sa.UniqueConstraint("name", name=op.f("uq_regions_name")),
    )
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"], ["regions.id"], name=op.f("fk_departments_region_id_regions"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_departments")),
        sa.UniqueConstraint("region_id", "code", name="uq_departments_region_code"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("source_format", sa.String(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("year_source", sa.Text(), nullable=False),
        sa.Column("money_unit", sa.String(length=8), nullable=True),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.Column("region_hint", sa.Text(), nullable=True),
        sa.Column("dept_code", sa.String(length=64), nullable=False),
        sa.Column("dept_name", sa.Text(), nullable=False),
        sa.Column("overall_goal", sa.Text(), nullable=True),
        sa.Column("overall_goal_prov", sa.String(length=64), nullable=True),
        sa.Column("units_json", sa.Text(), nullable=False),
        sa.Column("sub_goals_json", sa.Text(), nullable=False),
        sa.Column("measures_json", sa.Text(), nullable=False),
        sa.Column("budget_tables_json", sa.Text(), nullable=True),
        sa.Column("issues_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_documents_department_id_departments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["documents.id"],
            name=op.f("fk_documents_replaces_id_documents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_department_year", ["department_id", "year"], unique=False)

    op.create_table(
        "document_files",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_files_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_document_files")),
    )
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_prov", sa.String(length=64), nullable=True),
        sa.Column("unit_code", sa.String(length=64), nullable=False),
        sa.Column("unit_name", sa.Text(), nullable=False),
        sa.Column("money_unit", sa.String(length=8), nullable=True),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("code_prov", sa.String(length=64), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("name_prov", sa.String(length=64), nullable=True),
        sa.Column("budget_total", sa.Text(), nullable=True),
        sa.Column("budget_total_prov", sa.String(length=64), nullable=True),
        sa.Column("budget_total_yuan", sa.String(length=40), nullable=True),
        sa.Column("fiscal_funds", sa.Text(), nullable=True),
        sa.Column("fiscal_funds_prov", sa.String(length=64), nullable=True),
        sa.Column("fiscal_funds_yuan", sa.String(length=40), nullable=True),
        sa.Column("other_funds", sa.Text(), nullable=True),
        sa.Column("other_funds_prov", sa.String(length=64), nullable=True),
        sa.Column("other_funds_yuan", sa.String(length=40), nullable=True),
        sa.Column("usage", sa.Text(), nullable=True),
        sa.Column("usage_prov", sa.String(length=64), nullable=True),
        sa.Column("goal", sa.Text(), nullable=True),
        sa.Column("goal_prov", sa.String(length=64), nullable=True),
        sa.Column("spending_plan_json", sa.Text(), nullable=True),
        sa.Column("prov", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_projects_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index("ix_projects_document_position", ["document_id", "position"], unique=False)

    op.create_table(
        "grades",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("scores_json", sa.Text(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("band", sa.String(length=8), nullable=False),
        sa.Column("result", sa.String(length=32), nullable=False),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_grades_project_id_projects"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("project_id", name=op.f("pk_grades")),
    )
    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level1", sa.Text(), nullable=False),
        sa.Column("level1_prov", sa.String(length=64), nullable=True),
        sa.Column("level2", sa.Text(), nullable=False),
        sa.Column("level2_prov", sa.String(length=64), nullable=True),
        sa.Column("level3", sa.Text(), nullable=False),
        sa.Column("level3_prov", sa.String(length=64), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("description_prov", sa.String(length=64), nullable=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("value_prov", sa.String(length=64), nullable=True),
        sa.Column("basis", sa.Text(), nullable=True),
        sa.Column("basis_prov", sa.String(length=64), nullable=True),
        sa.Column("extra_json", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_indicators_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
    )
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.create_index("ix_indicators_project_position", ["project_id", "position"], unique=False)

    op.create_table(
        "year_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("old_document_id", sa.Integer(), nullable=False),
        sa.Column("new_document_id", sa.Integer(), nullable=False),
        sa.Column("old_project_id", sa.Integer(), nullable=True),
        sa.Column("new_project_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["new_document_id"],
            ["documents.id"],
            name=op.f("fk_year_matches_new_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["new_project_id"],
            ["projects.id"],
            name=op.f("fk_year_matches_new_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["old_document_id"],
            ["documents.id"],
            name=op.f("fk_year_matches_old_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["old_project_id"],
            ["projects.id"],
            name=op.f("fk_year_matches_old_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_year_matches")),
        sa.UniqueConstraint(
            "old_document_id", "new_document_id", "old_project_id", name="uq_year_matches_old"
        ),
    )
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("loc_project_seq", sa.Integer(), nullable=True),
        sa.Column("loc_field", sa.String(length=64), nullable=True),
        sa.Column("loc_indicator", sa.Integer(), nullable=True),
        sa.Column("loc_column", sa.String(length=64), nullable=True),
        sa.Column("loc_key", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_annotations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_annotations_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_annotations_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
    )
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.create_index("ix_annotations_document", ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_annotations_project_id"), ["project_id"], unique=False)

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("check_id", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=4), nullable=False),
        sa.Column("criterion", sa.String(length=16), nullable=False),
        sa.Column("loc_project_seq", sa.Integer(), nullable=True),
        sa.Column("loc_field", sa.String(length=64), nullable=True),
        sa.Column("loc_indicator", sa.Integer(), nullable=True),
        sa.Column("loc_column", sa.String(length=64), nullable=True),
        sa.Column("loc_key", sa.String(length=200), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("suggestion", sa.Text(), nullable=True),
        sa.Column("prov", sa.String(length=64), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_findings_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_findings_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_findings_project_id_projects"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index("ix_findings_document", ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_project_id"), ["project_id"], unique=False)

    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("loc_project_seq", sa.Integer(), nullable=True),
        sa.Column("loc_field", sa.String(length=64), nullable=True),
        sa.Column("loc_indicator", sa.Integer(), nullable=True),
        sa.Column("loc_column", sa.String(length=64), nullable=True),
        sa.Column("loc_key", sa.String(length=200), nullable=False),
        sa.Column("original", sa.Text(), nullable=False),
        sa.Column("suggested", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_revisions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_revisions_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_revisions_project_id_projects"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisions")),
        sa.UniqueConstraint("document_id", "loc_key", name="uq_revisions_document_loc"),
    )
    with op.batch_alter_table("revisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_revisions_project_id"), ["project_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_revisions_project_id"))

    op.drop_table("revisions")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_project_id"))
        batch_op.drop_index("ix_findings_document")

    op.drop_table("findings")
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_annotations_project_id"))
        batch_op.drop_index("ix_annotations_document")

    op.drop_table("annotations")
    op.drop_table("year_matches")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index("ix_indicators_project_position")

    op.drop_table("indicators")
    op.drop_table("grades")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index("ix_projects_document_position")

    op.drop_table("projects")
    op.drop_table("document_files")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_department_year")

    op.drop_table("documents")
    op.drop_table("departments")
    op.drop_table("regions")
