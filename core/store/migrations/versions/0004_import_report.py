"""The import report of each document (what every table and paragraph run was read as).

Adds the nullable `documents.report_json` (core.import_report.ImportReport as JSON).
Documents stored before this revision keep NULL, which means "no report recorded",
not "an import that read nothing": their report is not known, so none is invented.

Revision ID: 0004_import_report
Revises: 0003_short_search
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_import_report"
down_revision = "0003_short_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode: SQLite adds a nullable column in place (no table copy), PostgreSQL uses ALTER.
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("report_json", sa.Text(), nullable=True))


def downgrade() -> None:
    # SQLite copies the table to drop a column; the migration runs with foreign keys off
    # (core/store/workspace.py), so the copy does not cascade to projects.
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("report_json")
