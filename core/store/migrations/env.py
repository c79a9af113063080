"""Alembic environment: runs on the connection the workspace passes in (never from a URL)."""

from __future__ import annotations

from alembic import context

from core.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
