"""Bringing a workspace's schema to this build's revision with Alembic, run from code.

The opener asks `schema_state()` first: a revision this build does not know means the
file was written by a newer version of the program and is refused (never guessed at);
an older one is upgraded in one transaction after the caller has taken a backup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def all_revisions() -> list[str]:
    """Every revision this build knows, oldest first."""
    return [rev.revision for rev in reversed(list(script_directory().walk_revisions()))]


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
    current = MigrationContext.configure(connection).get_current_revision()
    head = head_revision()
    known = current is None or current in all_revisions()
    has_tables = bool(inspect(connection).get_table_names())
    return SchemaState(current=current, head=head, known=known, has_tables=has_tables)


def upgrade(connection: Connection, target: str = "head") -> None:
    """Run the migrations up to `target` on this connection (inside its transaction)."""
    command.upgrade(alembic_config(connection), target)


def downgrade(connection: Connection, target: str) -> None:
    command.downgrade(alembic_config(connection), target)
