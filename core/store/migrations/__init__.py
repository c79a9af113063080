"""Alembic migrations of the workspace schema (script directory; see core/store/migrate.py)."""
