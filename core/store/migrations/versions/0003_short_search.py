"""Search for 1-2 character queries from the index (SQLite only).

Rebuilds the FTS5 tables with every indexed value padded by two separator
characters, so each character of a field starts a trigram, and adds fts5vocab
tables to list the trigrams a short query begins. PostgreSQL: no change.

Revision ID: 0003_short_search
Revises: 0002_search
"""

from __future__ import annotations

from alembic import op

from core.store import sqlite_specific

revision = "0003_short_search"
down_revision = "0002_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if sqlite_specific.is_sqlite(conn):
        sqlite_specific.drop_search_index(conn)
        sqlite_specific.create_search_index(conn, padded=True)


def downgrade() -> None:
    conn = op.get_bind()
    if sqlite_specific.is_sqlite(conn):
        sqlite_specific.drop_search_index(conn)
        sqlite_specific.create_search_index(conn, padded=False)
