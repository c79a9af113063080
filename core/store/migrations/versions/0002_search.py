"""Full-text search index (SQLite only: FTS5 trigram tables and their triggers).

On PostgreSQL this revision changes nothing: search there uses ILIKE over the
base tables (core/store/search.py).

Revision ID: 0002_search
Revises: 0001_initial
"""

from __future__ import annotations

from alembic import op

from core.store import sqlite_specific

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if sqlite_specific.is_sqlite(conn):
        sqlite_specific.create_search_index(conn, padded=False)


def downgrade() -> None:
    conn = op.get_bind()
    if sqlite_specific.is_sqlite(conn):
        sqlite_specific.drop_search_index(conn)
