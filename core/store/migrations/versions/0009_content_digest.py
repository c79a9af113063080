"""What a document says, as one digest: `documents.content_sha256`.

core.store.same_content's key of the document (department, year, kind, and every project's
header, plan, goals and indicator cells as written, white space left out), hashed. An
import compares it with the current version's instead of loading that version to compare
(the .pdf of an imported .docx is not a new version). NULL for documents stored before
this revision: the import computes theirs from the stored document the first time it is
needed, and keeps it.

And `document_aliases`: the sha256 of a file refused as another format of a stored
document's text, with that document, so that importing the same folder again knows the
file by its bytes instead of reading it to find it is the same text.

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
    op.create_table(
        "document_aliases",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_document_aliases_document_id_documents"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_document_aliases")),
    )
    op.create_index(op.f("ix_document_aliases_document_id"), "document_aliases", ["document_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_document_aliases_document_id"), table_name="document_aliases")
    op.drop_table("document_aliases")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("content_sha256")
