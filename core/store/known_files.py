"""Which files a workspace holds already, asked with sqlite3 alone before the store is loaded.

`import` starts its readers before SQLAlchemy is loaded and the workspace opened (reading
is the long part); a folder imported a second time would have them parse files whose
bytes are stored, which the writer then passes over. This reads the stored files'
sha256 read-only (the file is neither locked nor changed; one that cannot be read so,
or is not a workspace, knows nothing), and tells the readers which files to pass over.
Once the workspace is open, Workspace.holds_file answers instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from core.store.location import default_workspace_path


def stored_hashes(path: Path) -> frozenset[str]:
    """The sha256 of every file stored in the workspace file `path`, or known there as another
    format of a stored text (empty if none can be read)."""
    if not path.is_file():
        return frozenset()
    # Like sqlite_specific.read_only_schema: a cleanly closed file is read as immutable, so
    # no -wal/-shm is left behind; one with a pending journal read-only.
    pending = any(path.with_name(path.name + side).exists() for side in ("-wal", "-journal"))
    query = "mode=ro" if pending else "immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, timeout=1)
        try:
            hashes = {str(row[0]) for row in conn.execute("SELECT sha256 FROM documents")}
            with contextlib.suppress(sqlite3.Error):  # no such table before revision 0009
                hashes.update(str(row[0]) for row in conn.execute("SELECT sha256 FROM document_aliases"))
            return frozenset(hashes)
        finally:
            conn.close()
    except sqlite3.Error:
        return frozenset()


def known_file_check(target: str | Path | None) -> Callable[[Path], bool] | None:
    """For a `--workspace` value (None: the default file): a test "this file's bytes are
    stored there", or None when nothing is stored (or the target is a server database)."""
    if isinstance(target, str) and "://" in target:
        return None
    hashes = stored_hashes(default_workspace_path() if target is None else Path(target).expanduser())
    if not hashes:
        return None

    def known(path: Path) -> bool:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest() in hashes

    return known
