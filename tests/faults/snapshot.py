"""What a workspace holds, as a digest: "unchanged" means every content table has the same rows.

    content_digest(path) -> str      # sha256 over every table's rows (SQLite's own tables left out)
    table_counts(path) -> dict       # rows per table, for messages and docs/RELIABILITY.md

Read with the sqlite3 module in read-only mode, so that taking the digest changes nothing.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    return [r[0] for r in rows]


def content_digest(path: str | Path) -> str:
    """sha256 over every table's name and rows in rowid order (FTS shadow tables included)."""
    digest = hashlib.sha256()
    with _connect(Path(path)) as conn:
        for table in _tables(conn):
            digest.update(f"\x00table {table}\x00".encode())
            try:
                rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            except sqlite3.OperationalError:  # WITHOUT ROWID tables
                rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            for row in rows:
                digest.update(repr(row).encode())
    return digest.hexdigest()


def table_counts(path: str | Path) -> dict[str, int]:
    with _connect(Path(path)) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def text_contains(path: str | Path, needle: str) -> bool:
    """Whether any text cell of any table contains `needle` (the stored original files are blobs)."""
    with _connect(Path(path)) as conn:
        for table in _tables(conn):
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                if any(isinstance(cell, str) and needle in cell for cell in row):
                    return True
    return False
