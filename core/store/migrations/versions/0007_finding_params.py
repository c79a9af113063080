"""Findings as data: a message key and typed parameters instead of a Chinese sentence.

Replaces `findings.message` with `message_key` (a key of core.message_catalogue) and
`params_json` (the parameters as JSON). A finding stored before this revision keeps its
sentence as it was written, under the key "legacy" ({"text": sentence}); the next check
run of its document replaces open findings by typed ones, keeping states and reasons.
The downgrade writes the Chinese text back (typed findings rendered by the catalogue).

Revision ID: 0007_finding_params
Revises: 0006_stated_totals
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0007_finding_params"
down_revision = "0006_stated_totals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("message_key", sa.String(64), nullable=False, server_default="legacy"))
        batch.add_column(sa.Column("params_json", sa.Text(), nullable=False, server_default="{}"))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, message FROM findings")).all()
    for row_id, message in rows:
        conn.execute(sa.text("UPDATE findings SET message_key = 'legacy', params_json = :params WHERE id = :id"),
                     {"params": json.dumps({"text": message or ""}, ensure_ascii=False), "id": row_id})
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("message")


def downgrade() -> None:
    from core.messages import render  # the catalogue of this version renders what it stored

    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("message", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, message_key, params_json FROM findings")).all()
    for row_id, key, params in rows:
        conn.execute(sa.text("UPDATE findings SET message = :message WHERE id = :id"),
                     {"message": render(key, json.loads(params or "{}"), "zh"), "id": row_id})
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("params_json")
        batch.drop_column("message_key")
