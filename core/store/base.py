"""The connection plumbing every workspace operation shares: read and write transactions.

`StoreBase` is the part of `Workspace` that the operation mixins (reviewer layer,
queries) rely on: `_reading()` gives a connection, `_writing()` one transaction that
commits whole or rolls back whole, turning a full disk or a lost file into a
`WorkspaceError` with the file's name.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine
from sqlalchemy import exc as sa_exc

from core.errors import WorkspaceError


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key a single-row INSERT generated."""
    key = result.inserted_primary_key
    if key is None:  # only an executemany() INSERT has none: a programming error
        raise RuntimeError("the INSERT returned no primary key")
    return int(key[0])


_GENERATION_LOCK = threading.Lock()


class StoreBase:
    engine: Engine
    path: Path | None  # the SQLite file; None for a server database
    readonly: bool
    _wrote: bool
    _write_generation: int = 0

    @property
    def label(self) -> str:
        """The workspace's name for messages: the file, or the database URL without password."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @property
    def write_generation(self) -> int:
        """How many write transactions have committed through this object so far.

        A reader that keeps something derived from the workspace (the progress overview, a
        search's count) keeps the generation it read at and reads again once it has moved on.
        Writes by other programs are not counted."""
        return self._write_generation

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One transaction: everything inside lands, or nothing does."""
        if self.readonly:
            raise WorkspaceError(f"工作区 {self.label} 以只读方式打开，不能修改。")
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa_exc.OperationalError as error:
            raise self._write_error(error) from error
        finally:
            # Counted after the commit (or a rollback, which changes nothing but costs a
            # reread at most): what was read before it carries an older generation.
            with _GENERATION_LOCK:
                self._write_generation += 1
        self._wrote = True

    def _write_error(self, error: sa_exc.OperationalError) -> WorkspaceError:
        detail = str(error.orig) if error.orig is not None else str(error)
        if "full" in detail.lower():
            return WorkspaceError(f"工作区 {self.label} 写入失败：磁盘空间已满（{detail}）。"
                                  "本次修改没有保存，工作区保持原样；请腾出磁盘空间后重试。")
        return WorkspaceError(f"工作区 {self.label} 写入失败（{detail}）。本次修改没有保存，工作区保持原样。")
