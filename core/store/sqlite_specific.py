"""Everything SQLite-only, in one place: pragmas, integrity check, backups, FTS5 search.

The rest of core/store speaks portable SQLAlchemy so the same workspace runs on
PostgreSQL; each function here is called only when the engine's dialect is sqlite.

Full-text search uses two external-content FTS5 tables with the trigram tokenizer
(substring matches, Chinese included, no word segmentation needed): `project_fts`
over projects(name, goal) and `indicator_fts` over indicators(level3, description,
value), kept in step by triggers, so bulk inserts are indexed too. A trigram index
cannot answer queries shorter than 3 characters; those fall back to LIKE scans
that stop at the result limit.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import datetime
from glob import escape as glob_escape
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event, text

from core.atomic_write import OutputError, atomic_output, reason

BUSY_TIMEOUT_MS = 5000

# (FTS table, content table, indexed columns)
FTS_TABLES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("project_fts", "projects", ("name", "goal")),
    ("indicator_fts", "indicators", ("level3", "description", "value")),
)


def is_sqlite(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


def install_connection_setup(engine: Engine, *, foreign_keys: bool = True, query_only: bool = False) -> None:
    """Pragmas for every new connection, and transactions that include DDL.

    pysqlite's own transaction handling skips BEGIN before DDL, so a migration could
    half-apply; with isolation_level None and an explicit BEGIN on every SQLAlchemy
    transaction, DDL and DML commit or roll back together.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        if query_only:
            cur.execute("PRAGMA query_only=ON")
        else:
            cur.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a crash never corrupts; only the last commit may be lost on power failure.
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


def integrity_problems(path: Path, *, quick: bool = False, limit: int = 10) -> list[str]:
    """The output of PRAGMA integrity_check (or quick_check), empty when the file is sound.

    Opened read-write on purpose: after a crash the first connection replays the WAL.
    """
    conn = sqlite3.connect(str(path))
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = conn.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
    finally:
        conn.close()
    messages = [str(r[0]) for r in rows]
    return [] if messages == ["ok"] else messages


def read_only_schema(path: Path) -> tuple[set[str], str | None] | None:
    """(table names, Alembic revision or None) of a SQLite file, read without writing to it.

    Opened with mode=ro: no pragma, no WAL switch, no journal replay, so a database that
    turns out not to be a workspace is left byte for byte as it was. None when the file
    cannot be read that way (damaged, or a hot journal that needs writing): the opener's
    integrity check then speaks about it.
    """
    conn = None
    # A cleanly closed file (no -wal, no -journal beside it) is read as immutable: even a
    # read-only connection to a WAL database would otherwise leave -wal/-shm files behind.
    pending = any(path.with_name(path.name + side).exists() for side in ("-wal", "-journal"))
    query = "mode=ro" if pending else "immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        tables = {str(r[0]) for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version LIMIT 1").fetchone()
            revision = None if row is None else str(row[0])
        return tables, revision
    except sqlite3.Error:
        return None
    finally:
        if conn is not None:
            conn.close()


def foreign_key_problems(conn: Connection) -> list[str]:
    rows = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    return [f"{r[0]} rowid {r[1]} → {r[2]}" for r in rows]


def backup_to(path: Path, target: Path) -> None:
    """Copy a live SQLite file consistently with the backup API (never a plain file copy).

    One step (all pages) in one read transaction: a consistent snapshot even while another
    connection writes (copied in steps, the copy restarts at each such write).

    Raises:
        OutputError: the copy could not be written (a full disk, a read-only folder…);
            the workspace itself is untouched and no partial backup is left.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"无法建立备份文件夹 {target.parent}：{reason(error)}。") from error
    try:
        # core.atomic_write: a full disk or a kill leaves no half-written backup behind.
        with atomic_output(target, replace_database=True) as partial:
            src = sqlite3.connect(str(path))
            try:
                dst = sqlite3.connect(str(partial))
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
    except sqlite3.Error as error:
        # SQLITE_FULL ("database or disk is full") and I/O errors come from SQLite, not as
        # OSError; atomic_output has removed the partial copy already.
        full = "full" in str(error).lower()
        raise OutputError(f"无法写入备份 {target}：{'磁盘空间已满' if full else error}。没有留下不完整的备份。") from error


def backup_dir(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


# Room a backup's name needs after the stem: "-20250308-153012-123456", a label such as
# "-before-0005_long_term_grids", ".sqlite"; with some to spare for longer labels.
_BACKUP_NAME_RESERVE = 80
_NAME_MAX_BYTES = 255


def _backup_stem(path: Path) -> str:
    """The workspace's stem, cut so that a backup's name stays within the file name limit."""
    stem = path.stem
    while len(os.fsencode(stem)) > _NAME_MAX_BYTES - _BACKUP_NAME_RESERVE:
        stem = stem[:-1]
    return stem


def list_backups(path: Path) -> list[Path]:
    """This workspace's backups, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{glob_escape(_backup_stem(path))}-*.sqlite"), reverse=True)


def rotate_backup(path: Path, *, keep: int, label: str = "") -> Path:
    """Take a new backup and delete all but the `keep` newest (OutputError when it cannot be written)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{label}" if label else ""
    target = backup_dir(path) / f"{_backup_stem(path)}-{stamp}{suffix}.sqlite"
    backup_to(path, target)
    for old in list_backups(path)[keep:]:
        with suppress(OSError):  # an old backup that will not go away is only one too many
            old.unlink(missing_ok=True)
    return target


# ---- full-text search -------------------------------------------------------------

# Appended to every indexed value (revision 0003 on): then each character of a field
# starts a trigram, so queries of 1-2 characters are answered from the index too.
PAD = "\x1f\x1f"


def create_search_index(conn: Connection, *, padded: bool = True) -> None:
    """Create the FTS5 tables, their triggers and vocabulary tables; index the rows already there.

    `padded` False is revision 0002's form (values as they are, no vocabulary tables).
    """
    for fts, table, cols in FTS_TABLES:
        col_list = ", ".join(cols)
        pad = f" || '{PAD}'" if padded else ""
        new_vals = ", ".join(f"new.{c}{pad}" for c in cols)
        old_vals = ", ".join(f"old.{c}{pad}" for c in cols)
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({col_list}, content='{table}', "
            f"content_rowid='id', tokenize='trigram')")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.id, {new_vals}); END")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.id, {old_vals}); END")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {col_list} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.id, {old_vals}); "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.id, {new_vals}); END")
        if padded:
            conn.exec_driver_sql(
                f"INSERT INTO {fts}(rowid, {col_list}) SELECT id, "
                + ", ".join(f"{c}{pad}" for c in cols) + f" FROM {table}")
            conn.exec_driver_sql(f"CREATE VIRTUAL TABLE {fts}_vocab USING fts5vocab({fts}, row)")
        else:
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def drop_search_index(conn: Connection) -> None:
    for fts, _table, _cols in FTS_TABLES:
        for suffix in ("ai", "ad", "au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fts}_vocab")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fts}")


def has_search_index(conn: Connection) -> bool:
    row = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('project_fts','indicator_fts')"
    ).scalar_one()
    return int(row) == len(FTS_TABLES)


def _phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


def _like(query: str) -> str:
    return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _short_query_match(conn: Connection, fts: str, query: str) -> str | None:
    """An FTS5 expression for a 1-2 character query: every indexed trigram that starts with it.

    None when the index has no vocabulary table (revision 0002) or the query is so
    common that the OR of its trigrams would be slower than a LIKE scan that stops at
    the limit.
    """
    if not conn.exec_driver_sql(
            f"SELECT 1 FROM sqlite_master WHERE name = '{fts}_vocab'").first():
        return None
    terms = [r[0] for r in conn.execute(text(
        f"SELECT term FROM {fts}_vocab WHERE term >= :lo AND term < :hi LIMIT :cap"),
        {"lo": query.lower(), "hi": query.lower() + "\U0010ffff", "cap": MAX_SHORT_TERMS + 1})]
    if len(terms) > MAX_SHORT_TERMS:
        return None
    return " OR ".join(_phrase(t) for t in terms) if terms else ""


MAX_SHORT_TERMS = 300


def search_sql(conn: Connection, fts: str, query: str, *, current_only: bool) -> tuple[str, dict[str, str]] | None:
    """(SELECT of the matching ids in id order, its parameters) for one FTS table, or None
    when a short query's trigram list is empty (nothing can match)."""
    current = "AND d.is_current" if current_only else ""
    fts_sql = {
        "project_fts": ("SELECT p.id FROM project_fts f JOIN projects p ON p.id = f.rowid "
                        f"JOIN documents d ON d.id = p.document_id WHERE project_fts MATCH :q {current} "
                        "ORDER BY f.rowid"),
        "indicator_fts": ("SELECT i.id FROM indicator_fts f JOIN indicators i ON i.id = f.rowid "
                          "JOIN projects p ON p.id = i.project_id JOIN documents d ON d.id = p.document_id "
                          f"WHERE indicator_fts MATCH :q {current} ORDER BY f.rowid"),
    }
    like_sql = {
        "project_fts": ("SELECT p.id FROM projects p JOIN documents d ON d.id = p.document_id "
                        "WHERE (p.name LIKE :q ESCAPE '\\' OR p.goal LIKE :q ESCAPE '\\') "
                        f"{current} ORDER BY p.id"),
        "indicator_fts": ("SELECT i.id FROM indicators i JOIN projects p ON p.id = i.project_id "
                          "JOIN documents d ON d.id = p.document_id WHERE (i.level3 LIKE :q ESCAPE '\\' "
                          "OR i.description LIKE :q ESCAPE '\\' OR i.value LIKE :q ESCAPE '\\') "
                          f"{current} ORDER BY i.id"),
    }
    if len(query) >= 3:
        return fts_sql[fts], {"q": _phrase(query)}
    expression = _short_query_match(conn, fts, query)
    if expression == "":
        return None
    if expression is None:
        return like_sql[fts], {"q": _like(query)}
    return fts_sql[fts], {"q": expression}


def search_counts(conn: Connection, query: str, cap: int, *, current_only: bool) -> tuple[int, int]:
    """How many projects and indicators `search_sql` matches, each counted to at most
    `cap` + 1 (so a caller can tell "more than cap"); the indicators are not counted (0)
    when the projects alone pass the cap."""
    counts: list[int] = []
    for fts, _table, _cols in FTS_TABLES:
        part = search_sql(conn, fts, query, current_only=current_only)
        if part is None or (counts and counts[0] > cap):
            counts.append(0)
            continue
        sql, params = part
        counts.append(int(conn.execute(text(f"SELECT count(*) FROM ({sql} LIMIT :n)"),
                                       {**params, "n": cap + 1}).scalar_one()))
    return counts[0], counts[1]


def analyse(conn: Connection) -> None:
    """Refresh the planner's statistics (after a bulk load)."""
    conn.exec_driver_sql("ANALYZE")


def search_table_names() -> Iterable[str]:
    """Tables that belong to the search index (ignored when comparing schema to ORM)."""
    for fts, _t, _c in FTS_TABLES:
        yield fts
        for shadow in ("data", "idx", "docsize", "config", "content", "vocab"):
            yield f"{fts}_{shadow}"


def sqlite_file_of(url_database: str | None) -> Path | None:
    if not url_database or url_database == ":memory:":
        return None
    return Path(url_database)


def pragma_values(conn: Connection, names: Sequence[str]) -> dict[str, Any]:
    return {n: conn.exec_driver_sql(f"PRAGMA {n}").scalar() for n in names}
