"""小计/合计 rows of tables that list several projects, kept with the projects they total.

Adds `documents.totals_json` (core.model.StatedTotal as JSON; NULL where a document has
none, which every document stored before this revision reads as).

Revision ID: 0006_stated_totals
Revises: 0005_long_term_grids
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_stated_totals"
down_revision = "0005_long_term_grids"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("totals_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("totals_json")
