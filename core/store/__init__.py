"""The workspace: SQLAlchemy schema, Alembic migrations, and the operations on it."""
