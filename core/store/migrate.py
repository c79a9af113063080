"""Bringing a workspace's schema to this build's revision with Alembic, run from code.

The opener asks `schema_state()` first: a revision this build does not know means the
file was written by a newer version of the program and is refused (never guessed at);
an older one is upgraded in one transaction after the caller has taken a backup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:  # Alembic is loaded only to migrate: an up-to-date workspace opens without it
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The revisions in migrations/versions, oldest first. Known here without Alembic, which
# would import every migration script to learn them (about 90 ms of the window's start-up);
# tests/store/test_migrations.py holds this list to Alembic's own.
REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_search",
    "0003_short_search",
    "0004_import_report",
    "0005_long_term_grids",
    "0006_stated_totals",
    "0007_finding_params",
    "0008_decision_by",
    "0009_content_digest",
)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return REVISIONS[-1]


def all_revisions() -> list[str]:
    """Every revision this build knows, oldest first."""
    return list(REVISIONS)


@dataclass(frozen=True, slots=True)
class SchemaState:
    current: str | None  # None: no schema yet (a new or empty file)
    head: str
    known: bool  # False: written by a newer build
    has_tables: bool  # tables exist (an empty file has none)

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def schema_state(connection: Connection) -> SchemaState:
    tables = inspect(connection).get_table_names()
    # What Alembic's MigrationContext.get_current_revision reads, for a linear history.
    current = (connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
               if "alembic_version" in tables else None)
    head = head_revision()
    known = current is None or current in REVISIONS
    has_tables = bool(tables)
    return SchemaState(current=current, head=head, known=known, has_tables=has_tables)


def upgrade(connection: Connection, target: str = "head") -> None:
    """Run the migrations up to `target` on this connection (inside its transaction)."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)


def downgrade(connection: Connection, target: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(connection), target)
