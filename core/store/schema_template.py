"""A new workspace's schema in one go: the statements the migrations leave behind, replayed.

Creating a workspace ran the whole Alembic chain (loading Alembic and every migration
script, then each step's DDL): about 0.25 s of an `import` into a new workspace, paid
while the readers want both cores. The chain's result is kept instead as SQL
(migrations/head_schema.sql: every table, index, trigger and full-text table in the order
SQLite holds them, and the revision row) and a new, empty SQLite file gets it in one
transaction. The migrations stay the schema's only source: the file is written from a
database they built (`python -m core.store.schema_template`), and
tests/store/test_schema_template.py requires it to be exactly what the chain gives now,
so a new revision without a new template fails the tests, never a reviewer's workspace.
Other databases (a server URL) and every upgrade still go through Alembic.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Connection

from core.store import migrate

TEMPLATE = migrate.MIGRATIONS_DIR / "head_schema.sql"
_SEPARATOR = ";\n"
# Created before what refers to them: plain tables, then full-text tables (their shadow
# tables come with them), then indexes and triggers.
_ORDER = {"table": 0, "virtual": 1, "index": 2, "trigger": 3, "view": 4}


def dump_schema(db: sqlite3.Connection) -> str:
    """The schema of `db` as the template holds it: one statement per entry, ';\\n' after each."""
    shadow = {row[1] for row in db.execute("PRAGMA table_list") if row[2] == "shadow"}
    rows = db.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    entries = []
    for position, (kind, name, sql) in enumerate(rows):
        if name.startswith("sqlite_") or name in shadow:
            continue  # SQLite's own, or made by a full-text table's CREATE VIRTUAL TABLE
        if _SEPARATOR in sql:
            raise ValueError(f"{name}: a statement the template could not split back ({_SEPARATOR!r} inside)")
        group = "virtual" if sql.upper().startswith("CREATE VIRTUAL TABLE") else kind
        entries.append((_ORDER[group], position, sql))
    statements = [sql for _group, _position, sql in sorted(entries)]
    (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    statements.append(f"INSERT INTO alembic_version (version_num) VALUES ('{revision}')")
    return "".join(statement + _SEPARATOR for statement in statements)


def statements() -> list[str]:
    """The template's statements, in order."""
    return [s for s in TEMPLATE.read_text(encoding="utf-8").split(_SEPARATOR) if s.strip()]


def create_schema(conn: Connection) -> None:
    """Give an empty SQLite database the head schema, inside `conn`'s transaction."""
    for statement in statements():
        conn.exec_driver_sql(statement)


def build(path: Path) -> str:
    """Run the migration chain on a new file at `path` and dump what it left."""
    from sqlalchemy import create_engine

    from core.store import sqlite_specific

    engine = create_engine(f"sqlite:///{path}")
    sqlite_specific.install_connection_setup(engine, foreign_keys=False)
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn)
    finally:
        engine.dispose()
    with sqlite3.connect(path) as db:
        return dump_schema(db)


def main() -> int:
    """Write migrations/head_schema.sql from the migration chain (after adding a revision)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        text = build(Path(folder) / "head.sqlite")
    TEMPLATE.write_text(text, encoding="utf-8")
    print(f"{TEMPLATE}: {len(statements())} statements, revision {migrate.head_revision()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
