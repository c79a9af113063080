"""What a document says, as one digest: `documents.content_sha256`.

core.store.same_content's key of the document (department, year, kind, and every project's
header, plan, goals and indicator cells as written, white space left out), hashed. An
import compares it with the current version's instead of loading that version to compare
(the .pdf of an imported .docx is not a new version). NULL for documents stored before
this revision: the import computes theirs from the stored document the first time it is
needed, and keeps it.

Revision ID: 0009_content_digest
Revises: 0008_decision_by
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_content_digest"
down_revision = "0008_decision_by"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("content_sha256", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("content_sha256")
