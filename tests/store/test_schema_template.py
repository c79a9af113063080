"""A new workspace's schema comes from migrations/head_schema.sql: it must be exactly what
the migration chain builds, and a workspace made from it must be one the chain would make."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from core.store import Workspace, migrate, schema_template

ROOT = Path(__file__).resolve().parents[2]


def schema_facts(path: Path) -> dict[str, object]:
    """What a schema is, read back from SQLite: per table its columns, foreign keys,
    indexes with their columns and unique flags; the triggers' and full-text tables' SQL;
    the revision. (The text of CREATE TABLE is not compared: Alembic's batch migrations
    write a copied table's constraints in an order that varies from run to run.)"""
    with sqlite3.connect(path) as db:
        facts: dict[str, object] = {}
        for kind, name, sql in db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name"):
            if kind == "table" and sql and not sql.upper().startswith("CREATE VIRTUAL"):
                facts[f"table {name}"] = (
                    db.execute(f"PRAGMA table_info('{name}')").fetchall(),
                    sorted(row[1:] for row in db.execute(f"PRAGMA foreign_key_list('{name}')")),  # no key number
                    sorted((unique, origin, partial, db.execute(f"PRAGMA index_info('{index}')").fetchall())
                           for _seq, index, unique, origin, partial in db.execute(f"PRAGMA index_list('{name}')")))
            else:
                facts[f"{kind} {name}"] = sql
        facts["revision"] = db.execute("SELECT version_num FROM alembic_version").fetchall()
    return facts


def test_the_template_is_what_the_migration_chain_builds_now(tmp_path: Path) -> None:
    schema_template.build(tmp_path / "chain.sqlite")
    with sqlite3.connect(tmp_path / "template.sqlite") as db:
        db.executescript(schema_template.TEMPLATE.read_text(encoding="utf-8"))
    assert schema_facts(tmp_path / "template.sqlite") == schema_facts(tmp_path / "chain.sqlite"), (
        "migrations/head_schema.sql is stale: run `python -m core.store.schema_template` after adding a revision")


def test_a_workspace_from_the_template_has_the_chains_schema(tmp_path: Path) -> None:
    schema_template.build(tmp_path / "chain.sqlite")
    path = tmp_path / "new.sqlite"
    with Workspace.open(path) as ws:
        assert ws.schema_revision == migrate.head_revision()
    # the full-text tables' shadow tables came with them, as the chain's did
    assert schema_facts(path) == schema_facts(tmp_path / "chain.sqlite")


def test_a_workspace_from_the_template_imports_and_finds(tmp_path: Path) -> None:
    from tests.store.factory import make_document

    with Workspace.open(tmp_path / "w.sqlite") as ws:
        ws.import_document(make_document(1, projects=2), b"1", "1.docx")
        assert ws.search("项目")  # the triggers fill the full-text index
        assert len(ws.documents()) == 1


def test_creating_a_workspace_and_storing_loads_no_alembic_nor_sqlalchemys_orm(tmp_path: Path) -> None:
    """The store is SQLAlchemy Core (core/store/schema.py): the ORM and Alembic cost ~0.2 s of
    every command that opens a workspace, an import's writer above all."""
    code = ("import sys; from core.store import Workspace; from tests.store.factory import make_document\n"
            f"with Workspace.open({str(tmp_path / 'w.sqlite')!r}) as ws:\n"
            "    ws.import_document(make_document(1), b'1', '1.docx'); ws.load_document(1); ws.search('项目')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')\n"
            "             or m.startswith('sqlalchemy.orm')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
