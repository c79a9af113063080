"""Who decided a finding, and when: `findings.decided_by` and `findings.decided_at`.

Set when a finding is accepted, dismissed or reopened (one at a time or in a batch from
the window or `review accept|dismiss`); NULL for findings decided before this revision
and for open findings never decided.

Revision ID: 0008_decision_by
Revises: 0007_finding_params
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_decision_by"
down_revision = "0007_finding_params"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("decided_by", sa.Text(), nullable=True))
        batch.add_column(sa.Column("decided_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("decided_at")
        batch.drop_column("decided_by")
