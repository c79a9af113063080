"""Other provinces' forms: 长期 grids, 长期目标, finer funding lines and cost tables.

Adds `indicators.period` ("annual", the default every existing row takes, or
"long_term") and, on projects, `long_term_goal` with its provenance, `funding_json`
(上级财政资金, 自有资金 … as written) and `cost_json` (the 项目预算成本构成 table and its
合计). A project's 年度 rows keep positions 0…n-1 (what findings and revisions point
at); its 长期 rows follow.

Revision ID: 0005_long_term_grids
Revises: 0004_import_report
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_long_term_grids"
down_revision = "0004_import_report"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("indicators") as batch:
        batch.add_column(sa.Column("period", sa.String(16), nullable=False, server_default="annual"))
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("long_term_goal", sa.Text(), nullable=True))
        batch.add_column(sa.Column("long_term_goal_prov", sa.String(64), nullable=True))
        batch.add_column(sa.Column("funding_json", sa.Text(), nullable=True))
        batch.add_column(sa.Column("cost_json", sa.Text(), nullable=True))


def downgrade() -> None:
    # A downgrade keeps only the 年度 grid: the older schema has no place for the 长期 one.
    op.execute("DELETE FROM indicators WHERE period <> 'annual'")
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("cost_json")
        batch.drop_column("funding_json")
        batch.drop_column("long_term_goal_prov")
        batch.drop_column("long_term_goal")
    with op.batch_alter_table("indicators") as batch:
        batch.drop_column("period")
