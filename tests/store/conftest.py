"""Store fixtures: a fresh workspace per test, on SQLite and (when installed) on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.store import Workspace
from tests.store.postgres import PostgresServer, find_postgres_bin


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = find_postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not installed (/usr/lib/postgresql/*/bin); "
                    "installer/dev.sh test installs the Debian package postgresql")
    server = PostgresServer(bindir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def workspace_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh workspace lives: a SQLite file, or a new database on the test server."""
    if request.param == "sqlite":
        return str(tmp_path / "workspace.sqlite")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database_url()


@pytest.fixture
def ws(workspace_target: str) -> Iterator[Workspace]:
    with Workspace.open(workspace_target) as workspace:
        yield workspace
