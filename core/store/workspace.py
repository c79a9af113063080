"""The workspace: open (lock, check, back up, migrate), import documents, and query them.

Public API (every write is one transaction and returns a `Changes` record):

    with Workspace.open(path_or_url) as ws:           # SQLite file or SQLAlchemy URL
        outcome = ws.import_document(doc, original_bytes, "a.docx")
        outcomes = ws.import_files([path, ...], progress)
        ws.regions() / ws.departments(region_id) / ws.years(department_id)
        ws.documents(department_id, year=None) / ws.projects(document_id)
        ws.department_projects(department_id)   # current versions only, every year
        ws.load_document(document_id) -> core.model.Document     # exact round trip
        ws.import_report(document_id) -> ImportReport | None      # None: stored before 0004
        ws.project(project_id) -> ProjectRecord                  # model + row ids
        ws.document_file(document_id) -> (file name, bytes)      # the original file
        ws.search(text, limit=50) -> list[SearchHit]
        ws.search_page(text, limit, offset) -> SearchPage        # hits + total, for paging
        ws.tree_matches(text, limit, offset) -> TreeMatchPage     # the tree filter, whole workspace
        # reviewer layer: see core/store/reviewer.py (revisions, annotations,
        # findings, grades, year matches)

Opening a SQLite file takes an OS lock (a second writer gets a clear message),
turns on WAL and foreign keys, runs `PRAGMA integrity_check` (always on small
files and after an unclean exit; large files get it from `check="full"`), refuses
a schema newer than this build, and backs the file up before migrating. A
PostgreSQL URL gets the same schema and operations; locking, integrity checks and
file backups are then the server's business.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, func, insert, select, update
from sqlalchemy import exc as sa_exc

from core.errors import Cancelled, UserError, WorkspaceError
from core.import_report import ImportReport
from core.importing.registry import read_file_bytes
from core.importing.source_file import kind_of
from core.model import ANNUAL, Document
from core.names import NAME_KEY_PREFIX, project_display_name, shown
from core.progress import NoProgress, Progress, check
from core.store import codec, convert, migrate, schema_template, search, sqlite_specific, tree_filter
from core.store.base import StoreBase, inserted_id
from core.store.carry import carry_reviewer_layer
from core.store.location import APP_NAME as APP_NAME
from core.store.location import WORKSPACE_FILE as WORKSPACE_FILE
from core.store.location import default_workspace_path
from core.store.lock import WorkspaceLock
from core.store.records import (
    Changes,
    DepartmentInfo,
    DocumentInfo,
    ImportCancelled,
    ImportOutcome,
    ImportStatus,
    ProjectInfo,
    ProjectRecord,
    RegionInfo,
    SearchHit,
    SearchPage,
    YearInfo,
)
from core.store.reviewer import ReviewerLayer
from core.store.same_content import content_digest
from core.store.schema import (
    DepartmentRow,
    DocumentAliasRow,
    DocumentFileRow,
    DocumentRow,
    IndicatorRow,
    ProjectRow,
    RegionRow,
)
from core.store.tree_filter import TreeMatchPage

log = logging.getLogger(__name__)

# The tables behind the schema's classes, for executemany inserts of plain parameters.
PROJECTS = ProjectRow.__table__
INDICATORS = IndicatorRow.__table__
DOCUMENT_FILES = DocumentFileRow.__table__

UNKNOWN_REGION = "（地区不详）"
# Files up to this size are integrity-checked on every open (well under a second).
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024
BACKUPS_KEPT = 5
# A session that wrote something takes a backup on close when the newest is older than this.
BACKUP_INTERVAL_SECONDS = 6 * 3600
SQLITE_MAGIC = b"SQLite format 3\x00"
# What SQLite, the lock and the backups put beside a workspace file, by the name's end.
COMPANION_SUFFIXES = ("-journal", "-wal", "-shm", ".lock", ".backups")
# The longest file name the file systems take (bytes on Linux; Windows counts UTF-16 units).
NAME_MAX_BYTES = 255

CheckMode = Literal["auto", "full", "quick", "none"]


def _is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


def workspace_file(target: str | Path | None) -> Path | None:
    """The SQLite file a `--workspace` value names (the default one for None); None for a
    server database. Lets a command refuse an output that would overwrite it."""
    if target is None:
        return default_workspace_path()
    if _is_url(target):
        from sqlalchemy.engine import make_url

        try:
            url = make_url(str(target))
        except sa_exc.ArgumentError:
            return None
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            return None
        return Path(url.database).expanduser().resolve()
    return Path(target).expanduser().resolve()


SEARCH_MAX_HITS = 100_000


class AllYears:
    """The default of `Workspace.department_projects`: no filter on the year (None means
    'year unknown', a real state of an imported document)."""

    def __repr__(self) -> str:
        return "ALL_YEARS"


ALL_YEARS = AllYears()


class Workspace(ReviewerLayer, StoreBase):
    """An open workspace. Create with `Workspace.open()`; close with `close()` or `with`."""

    def __init__(self, engine: Engine, *, path: Path | None, lock: WorkspaceLock | None,
                 readonly: bool) -> None:
        self.engine = engine
        self.path = path
        self.readonly = readonly
        self._lock = lock
        self._wrote = False
        self._closed = False
        # Why the backup on close failed, when it did (see close()).
        self.close_problem: str | None = None
        # The thread of a close(background=True) that writes the backup.
        self._closer: threading.Thread | None = None
        # The last search's counts: (write generation, (query, current only, cap), counts).
        self._search_counts: tuple[int, tuple[str, bool, int], tuple[int, int]] | None = None

    # ---- lifecycle ---------------------------------------------------------------

    @classmethod
    def open(cls, target: str | Path | None = None, *, create: bool = True, readonly: bool = False,
             check: CheckMode = "auto", backups: int = BACKUPS_KEPT) -> Workspace:
        """Open (and if needed create and upgrade) a workspace.

        Args:
            target: a SQLite file path, a SQLAlchemy URL (postgresql+psycopg://…), or
                None for `default_workspace_path()`.
            create: create the file when it does not exist (else WorkspaceError).
            readonly: no lock, no migration, no writes (a second reader beside a writer).
            check: "auto" runs PRAGMA integrity_check on small files and after an unclean
                exit; "full" always; "quick" runs quick_check; "none" skips it.
            backups: how many rotating backups to keep beside the file.
        Raises:
            WorkspaceError: locked, corrupt, written by a newer build, or not a workspace.
        """
        if target is None:
            target = default_workspace_path()
        if _is_url(target):
            return cls._open_url(str(target), readonly=readonly)
        return cls._open_file(Path(target).expanduser().resolve(), create=create, readonly=readonly,
                              check=check, backups=backups)

    @classmethod
    def _open_url(cls, url: str, *, readonly: bool) -> Workspace:
        try:
            engine = create_engine(url, pool_pre_ping=True)
            if sqlite_specific.is_sqlite(engine):
                database = engine.url.database
                engine.dispose()
                if not database or database == ":memory:":
                    raise WorkspaceError("内存中的 SQLite 不能作为工作区，请给出文件路径。")
                return cls._open_file(Path(database).resolve(), create=True, readonly=readonly,
                                      check="auto", backups=BACKUPS_KEPT)
            ws = cls(engine, path=None, lock=None, readonly=readonly)
            with engine.begin() as conn:
                ws._bring_schema_up_to_date(conn, backup=None)
            return ws
        except sa_exc.SQLAlchemyError as error:
            shown = url.split("@")[-1]
            raise WorkspaceError(f"无法连接工作区数据库 {shown}：{error.__class__.__name__}: "
                                 f"{getattr(error, 'orig', None) or error}") from error

    @classmethod
    def _open_file(cls, path: Path, *, create: bool, readonly: bool, check: CheckMode,
                   backups: int) -> Workspace:
        cls._refuse_unusable_path(path)
        if not path.exists():
            if not create or readonly:
                raise WorkspaceError(f"工作区文件不存在：{path}")
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            cls._refuse_if_not_ours(path)
        lock = None if readonly else WorkspaceLock(path)
        if lock is not None:
            lock.acquire()
        try:
            cls._check_file(path, mode="full" if lock is not None and lock.unclean and check != "none"
                            else check)
            engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
            sqlite_specific.install_connection_setup(engine, query_only=readonly)
            ws = cls(engine, path=path, lock=lock, readonly=readonly)
            ws._backups_kept = backups
            with engine.connect() as conn:
                state = migrate.schema_state(conn)
            if not state.up_to_date:
                if readonly:
                    raise WorkspaceError(f"工作区 {path} 需要先升级，不能以只读方式打开。")
                ws._migrate_file(state)
            return ws
        except sa_exc.DatabaseError as error:
            if lock is not None:
                lock.release()
            raise corrupt_error(path, str(getattr(error, "orig", None) or error)) from error
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @staticmethod
    def _refuse_unusable_path(path: Path) -> None:
        """Refuse a name too long for the files beside it, and what is not a regular file.

        SQLite and the lock need "<name>-journal", "<name>-wal", "<name>.lock" and
        "<name>.backups" beside the workspace; a 253-byte name left no room for them, and
        the lock's ENAMETOOLONG was reported as a read-only folder. A FIFO or a device
        (a link to /dev/zero) was called damaged, or "needs an upgrade".
        """
        longest = len(os.fsencode(path.name)) + max(len(s) for s in COMPANION_SUFFIXES)
        if longest > NAME_MAX_BYTES:
            size = len(os.fsencode(path.name))
            raise WorkspaceError(
                f"工作区 {shown(path)} 的文件名太长（{size} 字节）：程序要在它旁边建立同名的日志、锁文件和备份文件夹"
                f"（名字再长 {longest - size} 个字节），超出了文件系统 {NAME_MAX_BYTES} 字节的上限。"
                "请给工作区起一个短些的名字。工作区没有被修改。")
        try:
            mode = os.stat(path).st_mode
        except OSError:
            return  # missing (a new workspace) or unreadable: opening it says what is wrong
        kind = kind_of(mode)
        if kind is not None:
            raise WorkspaceError(f"{shown(path)} 是{kind}，不是工作区文件，不能作为工作区打开。"
                                 "请给出工作区文件（.sqlite）的路径。")

    @staticmethod
    def _refuse_if_not_ours(path: Path) -> None:
        """Refuse another program's database, or one of a newer build, before anything writes to it.

        The connection setup switches a file to WAL and migrating takes a backup beside it,
        so this looks first, read-only; a file it cannot read goes on to the integrity check.
        """
        probe = sqlite_specific.read_only_schema(path)
        if probe is None:
            return
        tables, revision = probe
        if revision is None and tables:
            raise WorkspaceError(f"{path} 不是本程序的工作区（已有其他数据表），不会修改它。")
        if revision is not None and revision not in migrate.all_revisions():
            raise WorkspaceError(
                f"工作区 {path} 由更新版本的程序创建（数据结构版本 {revision}，"
                f"本程序只认识到 {migrate.head_revision()}）。请升级程序后再打开；本程序不会修改它。")

    @staticmethod
    def _check_file(path: Path, *, mode: CheckMode) -> None:
        size = path.stat().st_size if path.exists() else 0
        if size == 0:
            # A new workspace starts empty; one that has backups was emptied (a failed copy,
            # a disk error): never silently start over beside the reviewer's backups.
            if sqlite_specific.list_backups(path):
                raise corrupt_error(path, "文件是空的（0 字节）")
            return
        with open(path, "rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                raise corrupt_error(path, "文件头不是 SQLite 数据库")
        if mode == "none" or (mode == "auto" and size > FULL_CHECK_MAX_BYTES):
            return
        try:
            problems = sqlite_specific.integrity_problems(path, quick=(mode == "quick"))
        except Exception as error:
            raise corrupt_error(path, str(error)) from error
        if problems:
            raise corrupt_error(path, "；".join(problems[:3]))

    def _migrate_file(self, state: migrate.SchemaState) -> None:
        assert self.path is not None
        backup = None
        if state.current is not None or state.has_tables:
            backup = sqlite_specific.rotate_backup(self.path, keep=self._backups_kept,
                                                   label=f"before-{state.head}")
        # Batch migrations copy tables; with foreign keys on, dropping the old copy would
        # cascade. So migrate on a connection with them off, then verify them.
        engine = create_engine(f"sqlite:///{self.path}")
        sqlite_specific.install_connection_setup(engine, foreign_keys=False)
        try:
            with engine.begin() as conn:
                self._bring_schema_up_to_date(conn, backup=backup)
                problems = sqlite_specific.foreign_key_problems(conn)
                if problems:
                    raise WorkspaceError(f"工作区 {self.path} 升级后数据引用不一致（{problems[0]}），"
                                         "升级已撤销。" + _backup_hint(backup))
        finally:
            engine.dispose()

    def _bring_schema_up_to_date(self, conn: Connection, *, backup: Path | None) -> None:
        state = migrate.schema_state(conn)
        if not state.known:
            raise WorkspaceError(
                f"工作区 {self.label} 由更新版本的程序创建（数据结构版本 {state.current}，"
                f"本程序只认识到 {state.head}）。请升级程序后再打开；本程序不会修改它。")
        if state.current is None and state.has_tables:
            raise WorkspaceError(f"{self.label} 不是本程序的工作区（已有其他数据表），不会修改它。")
        if state.current is None and sqlite_specific.is_sqlite(conn):
            schema_template.create_schema(conn)  # a new file: the chain's result, without Alembic
        elif not state.up_to_date:
            migrate.upgrade(conn)

    _backups_kept: int = BACKUPS_KEPT

    def close(self, *, background: bool = False) -> None:
        """Back up if this session wrote and the last backup is old, then release the lock.

        Never raises for the backup: every write is committed already, so a backup that
        cannot be written (a full disk) leaves the workspace as it is; the reason is kept
        in `close_problem` and logged as a warning (on stderr for the command line), and
        the next close tries again.

        `background=True` (the window, on closing; an 885 MiB province workspace takes
        3–9 s to copy): the connections are closed and the lock released at once, and the
        backup is written afterwards by a thread of its own, so the file can be opened again
        at once (by this process or another) while it is copied. The copy is one step of the
        backup API inside one read transaction: a consistent snapshot even if another program
        writes meanwhile (in steps, each write by another connection would restart it), and
        CPython releases the GIL for that step. The thread is not a daemon, so the interpreter
        waits for it before the process exits; a kill meanwhile leaves no half-written backup
        (core/atomic_write writes it beside its final name and removes such leftovers).
        `wait_closed()` waits for it. The caller must have let its last commit land first.
        """
        if self._closed:
            return
        self._closed = True
        due = self._backup_due()
        later = background and due
        try:
            if due and not later:
                self._close_backup()
            if self.path is not None and self._wrote and not self.readonly:
                # Only statistics for the query planner: a full disk may refuse them.
                with suppress(sa_exc.SQLAlchemyError), self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA optimize")
        finally:
            self.engine.dispose()
            if self._lock is not None:
                self._lock.release()
        if later:
            self._closer = threading.Thread(target=self._close_backup, name="workspace-backup-on-close",
                                            daemon=False)
            self._closer.start()

    def wait_closed(self, timeout: float | None = None) -> bool:
        """Wait for the backup of a `close(background=True)`; False if it still runs after `timeout` s."""
        closer = self._closer
        if closer is not None:
            closer.join(timeout)
            return not closer.is_alive()
        return True

    @property
    def backing_up(self) -> bool:
        """True while the backup of a `close(background=True)` is being written."""
        return self._closer is not None and self._closer.is_alive()

    def _backup_due(self) -> bool:
        """Whether closing takes a backup: this session wrote and the newest backup is old."""
        if self.path is None or not self._wrote or self.readonly:
            return False
        try:
            newest = sqlite_specific.list_backups(self.path)
            age = (datetime.now().timestamp() - newest[0].stat().st_mtime) if newest else None
        except OSError:
            return True  # the backup itself will say what is wrong
        return age is None or age > BACKUP_INTERVAL_SECONDS

    def _close_backup(self) -> None:
        """The backup taken on close; a failure is kept in `close_problem`, never raised."""
        if self.path is None:
            return
        try:
            self.backup()
        except (UserError, OSError) as error:  # OutputError (a UserError) from the backup
            self.close_problem = (f"工作区 {shown(self.path)} 已保存，但关闭时没能写入备份。{error}"
                                  "工作区本身完好；腾出磁盘空间后，下次关闭时会再备份。")
            log.warning("警告：%s", self.close_problem)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def backup(self, label: str = "") -> Path | None:
        """A rotating backup beside the file (SQLite backup API); None for a server database."""
        if self.path is None:
            return None
        return sqlite_specific.rotate_backup(self.path, keep=self._backups_kept, label=label)

    def backups(self) -> list[Path]:
        """This workspace's backups, newest first."""
        return [] if self.path is None else sqlite_specific.list_backups(self.path)

    @property
    def schema_revision(self) -> str | None:
        with self._reading() as conn:
            return migrate.schema_state(conn).current

    # ---- import --------------------------------------------------------------------

    def import_document(self, doc: Document, original_bytes: bytes, file_name: str) -> ImportOutcome:
        """Store one document and its original file in one transaction.

        The same bytes (sha256) already present: DUPLICATE, nothing written. The same text
        in another format (the .pdf of an imported .docx, core.store.same_content):
        DUPLICATE, only its bytes kept as the stored document's alias (known unread next
        time); the message says which document either repeats. A document of
        the same department, year and kind already present becomes the previous
        version: it stays, the new one is current, and the reviewer's revisions,
        annotations, decided findings and overridden grades follow to the matching
        projects and indicators; what could not follow is listed in the outcome.
        """
        file_name = shown(file_name)  # what SQLite can store and a terminal print on one line
        sha = hashlib.sha256(original_bytes).hexdigest()
        doc.sha256 = sha
        with self._writing() as conn:
            existing = _stored_file(conn, sha)
            if existing is not None:
                return self._duplicate(existing, file_name, sha)
            department_id = self._department_id(conn, doc)
            digest = content_digest(doc)
            current = conn.execute(
                select(DocumentRow.id, DocumentRow.source_name, DocumentRow.content_sha256).where(
                    DocumentRow.department_id == department_id, DocumentRow.kind == doc.kind.value,
                    DocumentRow.is_current.is_(True),
                    DocumentRow.year.is_(None) if doc.year is None else DocumentRow.year == doc.year)
            ).first()
            old_doc: Document | None = None
            if current is not None:
                stored_digest = current.content_sha256
                if stored_digest is None:  # stored before its digest was kept (0009): work it out once
                    old_doc = self._load_document(conn, current.id)
                    stored_digest = content_digest(old_doc)
                    conn.execute(update(DocumentRow).where(DocumentRow.id == current.id)
                                 .values(content_sha256=stored_digest))
                if digest is not None and digest == stored_digest:
                    # The .pdf of an imported .docx (or the reverse): one text in two formats.
                    # Its bytes are kept, so that the same file is known next time unread.
                    conn.execute(insert(DocumentAliasRow).values(sha256=sha, document_id=current.id,
                                                                 file_name=file_name))
                    return ImportOutcome(
                        file_name=file_name, status=ImportStatus.DUPLICATE, sha256=sha, document_id=current.id,
                        message=f"{file_name} 与已导入的 {current.source_name} 是同一文本的另一种格式"
                                "（项目、金额和指标逐项相同），未作为新版本导入。")
                if old_doc is None:  # a new version: the reviewer's work follows from the old one
                    old_doc = self._load_document(conn, current.id)
            document_id = self._insert_document(conn, doc, department_id, original_bytes, file_name,
                                                digest=digest)
            changes = Changes(documents=True, document_ids=frozenset({document_id}))
            if current is None or old_doc is None:  # (old_doc is loaded whenever there is a current one)
                return ImportOutcome(file_name=file_name, status=ImportStatus.IMPORTED, sha256=sha,
                                     document_id=document_id, changes=changes, report=doc.report)
            previous = current.id
            conn.execute(update(DocumentRow).where(DocumentRow.id == previous).values(is_current=False))
            conn.execute(update(DocumentRow).where(DocumentRow.id == document_id).values(replaces_id=previous))
            carried = carry_reviewer_layer(conn, old_doc_id=previous, old_doc=old_doc,
                                           new_doc_id=document_id, new_doc=doc)
        return ImportOutcome(
            file_name=file_name, status=ImportStatus.NEW_VERSION, sha256=sha, document_id=document_id,
            replaced_document_id=previous, carried_revisions=carried.revisions,
            carried_annotations=carried.annotations, uncarried=tuple(carried.uncarried), report=doc.report,
            changes=changes | Changes(documents=True, revisions=True, annotations=True, findings=True,
                                      grades=True, document_ids=frozenset({previous})))

    def import_files(self, paths: Sequence[str | Path], progress: Progress | None = None, *,
                     reader: Callable[[Path], Document] | None = None, jobs: int = 0) -> list[ImportOutcome]:
        """Read and import each file in its own transaction, in the order given; a bad file fails alone.

        The files are untrusted: by default they are read in `jobs` sandboxed child
        processes at once (0: one per core; core.importing.read_ahead, with the time and
        memory limits of core.importing.sandbox), passing over files whose bytes are
        stored already, while this thread stores them one by one. `reader` replaces that
        (a test's stand-in, or the command line's readers started before the store was
        loaded). Cancelling stops between files, or during a parse (those already
        imported stay), and raises ImportCancelled (a core.errors.Cancelled) with the
        outcomes of the files done and the names of those not imported.
        """
        progress = progress or NoProgress()
        if reader is not None:
            return self._import_files(paths, progress, reader)
        from core.importing.read_ahead import ReadAhead
        from core.jobs import job_count

        with ReadAhead(paths, job_count(jobs, len(paths)), progress=progress, known=self.holds_file) as ahead:
            return self._import_files(paths, progress, ahead.read)

    def _import_files(self, paths: Sequence[str | Path], progress: Progress,
                      read: Callable[[Path], Document]) -> list[ImportOutcome]:
        outcomes: list[ImportOutcome] = []
        try:
            for raw_path in paths:
                check(progress)
                outcomes.append(self._import_file(Path(raw_path), len(outcomes), len(paths), progress, read))
        except Cancelled as cancel:
            raise ImportCancelled(list(outcomes), [shown(Path(p).name) for p in paths[len(outcomes):]]) from cancel
        progress.report(len(paths), len(paths), "")
        return outcomes

    def _import_file(self, path: Path, done: int, total: int, progress: Progress,
                     read: Callable[[Path], Document]) -> ImportOutcome:
        """One file of a batch: its own transaction; a bad file fails alone (Cancelled passes)."""
        # The name as stored and printed: bytes that are not UTF-8 would not go into
        # SQLite, and a newline in it would print a line of its own.
        name = shown(path.name)
        progress.report(done, total, name)
        try:
            data = read_file_bytes(path)  # regular files only, never more than the size limit
            sha = hashlib.sha256(data).hexdigest()
            existing = self.find_document(sha)
            if existing is not None:  # known bytes: no need to parse them again
                return self._duplicate(existing, name, sha)
            doc = read(path)
        except UserError as error:
            return ImportOutcome(file_name=name, status=ImportStatus.FAILED, message=str(error))
        except OSError as error:
            return ImportOutcome(file_name=name, status=ImportStatus.FAILED,
                                 message=f"{name}：无法读取文件（{error.strerror or error}）。")
        return self.import_document(doc, data, name)

    def _duplicate(self, document_id: int, file_name: str, sha: str) -> ImportOutcome:
        """The outcome of a file whose bytes (`sha`) are stored already, as `document_id`'s or its alias's."""
        source_name = self.document_info(document_id).source_name
        return ImportOutcome(file_name=file_name, status=ImportStatus.DUPLICATE, sha256=sha,
                             document_id=document_id,
                             message=f"{file_name} 已在工作区中（与 {source_name} 内容相同），未重复导入。")

    def _department_id(self, conn: Connection, doc: Document) -> int:
        region = (doc.org.region_hint or "").strip() or UNKNOWN_REGION
        region_id = conn.execute(select(RegionRow.id).where(RegionRow.name == region)).scalar()
        if region_id is None:
            region_id = inserted_id(conn.execute(insert(RegionRow).values(name=region)))
        code = doc.org.dept_code.strip() or f"{NAME_KEY_PREFIX}{doc.org.dept_name.strip()}"
        department_id = conn.execute(select(DepartmentRow.id).where(
            DepartmentRow.region_id == region_id, DepartmentRow.code == code)).scalar()
        if department_id is None:
            department_id = inserted_id(conn.execute(insert(DepartmentRow).values(
                region_id=region_id, code=code, name=doc.org.dept_name.strip())))
        return int(department_id)

    def _insert_document(self, conn: Connection, doc: Document, department_id: int, data: bytes,
                         file_name: str, *, digest: str | None) -> int:
        columns = convert.document_columns(doc, department_id=department_id, imported_at=datetime.now())
        columns["content_sha256"] = digest
        document_id = inserted_id(conn.execute(insert(DocumentRow).values(**columns)))
        conn.execute(insert(DOCUMENT_FILES), [{"document_id": document_id, "file_name": file_name,
                                               "size": len(data), "content": data}])
        if not doc.projects:
            return document_id
        # Rows go in as executemany batches of plain parameters against the tables: an ORM
        # insert(...).values(**row) per project compiled and cache-keyed every row's values
        # (half the writer's time in a batch import, with the readers wanting both cores).
        project_ids = conn.execute(
            insert(PROJECTS).returning(PROJECTS.c.id, sort_by_parameter_order=True),
            [convert.project_columns(project, document_id=document_id, position=position)
             for position, project in enumerate(doc.projects)]).scalars().all()
        # 年度 rows first (positions are what findings point at), then the 长期 grid
        rows = [convert.indicator_columns(ind, project_id=project_id, position=i)
                for project_id, project in zip(project_ids, doc.projects, strict=True)
                for i, ind in enumerate([*project.indicators, *project.long_term_indicators])]
        if rows:
            conn.execute(insert(INDICATORS), rows)
        return document_id

    # ---- queries -------------------------------------------------------------------

    def regions(self) -> list[RegionInfo]:
        count = (select(func.count(DepartmentRow.id)).where(DepartmentRow.region_id == RegionRow.id)
                 .scalar_subquery())
        with self._reading() as conn:
            rows = conn.execute(select(RegionRow.id, RegionRow.name, count).order_by(RegionRow.name))
            return [RegionInfo(id=r[0], name=r[1], department_count=r[2]) for r in rows]

    def departments(self, region_id: int) -> list[DepartmentInfo]:
        count = (select(func.count(DocumentRow.id)).where(DocumentRow.department_id == DepartmentRow.id)
                 .scalar_subquery())
        with self._reading() as conn:
            rows = conn.execute(select(DepartmentRow.id, DepartmentRow.region_id, DepartmentRow.code,
                                       DepartmentRow.name, count)
                                .where(DepartmentRow.region_id == region_id).order_by(DepartmentRow.code))
            return [DepartmentInfo(id=r[0], region_id=r[1], code=r[2], name=r[3], document_count=r[4])
                    for r in rows]

    def department(self, department_id: int) -> DepartmentInfo:
        with self._reading() as conn:
            r = conn.execute(select(DepartmentRow.id, DepartmentRow.region_id, DepartmentRow.code,
                                    DepartmentRow.name).where(DepartmentRow.id == department_id)).first()
            if r is None:
                raise WorkspaceError(f"工作区 {self.label} 中没有编号为 {department_id} 的部门。")
            n = conn.execute(select(func.count(DocumentRow.id))
                             .where(DocumentRow.department_id == department_id)).scalar_one()
            return DepartmentInfo(id=r[0], region_id=r[1], code=r[2], name=r[3], document_count=n)

    def find_departments(self, code: str) -> list[DepartmentInfo]:
        """Departments with this code (codes repeat across regions)."""
        with self._reading() as conn:
            ids = conn.execute(select(DepartmentRow.id).where(DepartmentRow.code == code)).scalars().all()
        return [self.department(i) for i in ids]

    def years(self, department_id: int) -> list[YearInfo]:
        with self._reading() as conn:
            rows = conn.execute(select(DocumentRow.year, func.count(DocumentRow.id))
                                .where(DocumentRow.department_id == department_id)
                                .group_by(DocumentRow.year).order_by(DocumentRow.year.desc()))
            return [YearInfo(year=r[0], document_count=r[1]) for r in rows]

    def documents(self, department_id: int | None = None, year: int | None = None, *,
                  current_only: bool = False) -> list[DocumentInfo]:
        """Documents of a department (of one year), newest import first; all when department_id is None."""
        count = (select(func.count(ProjectRow.id)).where(ProjectRow.document_id == DocumentRow.id)
                 .scalar_subquery())
        query = select(DocumentRow.id, DocumentRow.department_id, DocumentRow.year, DocumentRow.kind,
                       DocumentRow.source_name, DocumentRow.sha256, DocumentRow.imported_at,
                       DocumentRow.is_current, DocumentRow.replaces_id, count)
        if department_id is not None:
            query = query.where(DocumentRow.department_id == department_id)
        if year is not None:
            query = query.where(DocumentRow.year == year)
        if current_only:
            query = query.where(DocumentRow.is_current.is_(True))
        with self._reading() as conn:
            rows = conn.execute(query.order_by(DocumentRow.year.desc(), DocumentRow.id.desc()))
            return [DocumentInfo(*r) for r in rows]

    def document_info(self, document_id: int) -> DocumentInfo:
        count = (select(func.count(ProjectRow.id)).where(ProjectRow.document_id == DocumentRow.id)
                 .scalar_subquery())
        with self._reading() as conn:
            r = conn.execute(select(DocumentRow.id, DocumentRow.department_id, DocumentRow.year,
                                    DocumentRow.kind, DocumentRow.source_name, DocumentRow.sha256,
                                    DocumentRow.imported_at, DocumentRow.is_current, DocumentRow.replaces_id,
                                    count).where(DocumentRow.id == document_id)).first()
        if r is None:
            raise self._missing("文档", document_id)
        return DocumentInfo(*r)

    def import_report(self, document_id: int) -> ImportReport | None:
        """What the import read in this document; None for a document stored before reports
        were recorded. WorkspaceError if there is no such document."""
        with self._reading() as conn:
            row = conn.execute(select(DocumentRow.id, DocumentRow.report_json)
                               .where(DocumentRow.id == document_id)).first()
        if row is None:
            raise self._missing("文档", document_id)
        return codec.report_from_json(row.report_json)

    def import_reports(self, document_ids: Iterable[int]) -> dict[int, ImportReport | None]:
        """The import reports of several documents in one query (the tree asks per department);
        ids that name no document are left out."""
        ids = sorted(set(document_ids))
        if not ids:
            return {}
        with self._reading() as conn:
            rows = conn.execute(select(DocumentRow.id, DocumentRow.report_json)
                                .where(DocumentRow.id.in_(ids))).all()
        return {r.id: codec.report_from_json(r.report_json) for r in rows}

    def projects(self, document_id: int) -> list[ProjectInfo]:
        """A document's projects in document order, with indicator counts (no indicators loaded)."""
        return self._project_infos(ProjectRow.document_id == document_id)

    def department_projects(self, department_id: int, year: int | AllYears | None = ALL_YEARS) -> list[ProjectInfo]:
        """The projects of a department's current documents: of every year (the default), of
        one year, or, with year=None, of the documents whose year could not be told."""
        docs = select(DocumentRow.id).where(DocumentRow.department_id == department_id,
                                            DocumentRow.is_current.is_(True))
        if year is None:
            docs = docs.where(DocumentRow.year.is_(None))
        elif not isinstance(year, AllYears):
            docs = docs.where(DocumentRow.year == year)
        return self._project_infos(ProjectRow.document_id.in_(docs.scalar_subquery()))

    def _project_infos(self, where: Any) -> list[ProjectInfo]:
        count = (select(func.count(IndicatorRow.id)).where(IndicatorRow.project_id == ProjectRow.id,
                                                        IndicatorRow.period == ANNUAL)
                 .scalar_subquery())
        query = (select(ProjectRow.id, ProjectRow.document_id, ProjectRow.position, ProjectRow.seq,
                        ProjectRow.code, ProjectRow.name, ProjectRow.title, ProjectRow.unit_code,
                        ProjectRow.unit_name, ProjectRow.budget_total, ProjectRow.money_unit, count)
                 .where(where).order_by(ProjectRow.document_id, ProjectRow.position))
        with self._reading() as conn:
            return [ProjectInfo(id=r.id, document_id=r.document_id, position=r.position, seq=r.seq,
                                code=r.code, name=project_display_name(r.name, r.title),
                                unit_code=r.unit_code, unit_name=r.unit_name, budget_total=r.budget_total,
                                money_unit=r.money_unit, indicator_count=r[11])
                    for r in conn.execute(query)]

    def load_document(self, document_id: int) -> Document:
        """The document exactly as imported: every field's raw text and provenance."""
        with self._reading() as conn:
            return self._load_document(conn, document_id)

    def _load_document(self, conn: Connection, document_id: int) -> Document:
        row = conn.execute(select(DocumentRow).where(DocumentRow.id == document_id)).mappings().first()
        if row is None:
            raise self._missing("文档", document_id)
        project_rows = conn.execute(select(ProjectRow).where(ProjectRow.document_id == document_id)
                                    .order_by(ProjectRow.position)).mappings().all()
        indicators: dict[int, list[Any]] = {p["id"]: [] for p in project_rows}
        if project_rows:
            for ind in conn.execute(select(IndicatorRow).join(ProjectRow)
                                    .where(ProjectRow.document_id == document_id)
                                    .order_by(IndicatorRow.project_id, IndicatorRow.position)).mappings():
                indicators[ind["project_id"]].append(convert.indicator_from(ind))
        projects = [convert.project_from(p, indicators[p["id"]]) for p in project_rows]
        return convert.document_from(row, projects)

    def project(self, project_id: int) -> ProjectRecord:
        """One project with its indicators, as the model holds it, and the rows' ids."""
        with self._reading() as conn:
            row = conn.execute(select(ProjectRow).where(ProjectRow.id == project_id)).mappings().first()
            if row is None:
                raise self._missing("项目", project_id)
            ind_rows = conn.execute(select(IndicatorRow).where(IndicatorRow.project_id == project_id)
                                    .order_by(IndicatorRow.position)).mappings().all()
        project = convert.project_from(row, [convert.indicator_from(r) for r in ind_rows])
        return ProjectRecord(id=project_id, document_id=row["document_id"], project=project,
                             indicator_ids=[r["id"] for r in ind_rows if r["period"] == ANNUAL])

    def document_file(self, document_id: int) -> tuple[str, bytes]:
        """The original file as imported: (file name, bytes)."""
        with self._reading() as conn:
            row = conn.execute(select(DocumentFileRow.file_name, DocumentFileRow.content)
                               .where(DocumentFileRow.document_id == document_id)).first()
        if row is None:
            raise self._missing("文档", document_id)
        return row[0], bytes(row[1])

    def holds_file(self, path: Path) -> bool:
        """True when the bytes of `path` are those of a stored document: importing it would
        not read it (core.importing.read_ahead passes over such files)."""
        return self.find_document(hashlib.sha256(read_file_bytes(path)).hexdigest()) is not None

    def find_document(self, sha256: str) -> int | None:
        """The document whose file has these bytes, or whose text another file with them repeats."""
        with self._reading() as conn:
            return _stored_file(conn, sha256)

    def search(self, text: str, limit: int = 50, *, current_only: bool = True) -> list[SearchHit]:
        """Projects (name, goal) and indicators (level3, description, value) containing `text`.

        `limit` is held to 0…SEARCH_MAX_HITS: a database takes no number beyond 2**63."""
        limit = max(0, min(limit, SEARCH_MAX_HITS))
        with self._reading() as conn:
            return search.search(conn, text, limit, current_only=current_only)

    def search_page(self, text: str, limit: int = 100, offset: int = 0, *,
                    current_only: bool = True) -> SearchPage:
        """One page of `search()`'s hits from `offset`, with how many there are in all
        (counted up to `search.COUNT_CAP`: past it the page says so instead of counting on).

        A first page counts; the next pages of the same query (显示更多) reuse that count
        while no write has committed since it was taken (`write_generation`)."""
        limit = max(0, min(limit, SEARCH_MAX_HITS))
        offset = max(0, min(offset, SEARCH_MAX_HITS))
        key = (text.strip(), current_only, search.COUNT_CAP)
        with self._reading() as conn:
            generation = self.write_generation  # before anything is read
            kept = self._search_counts
            if offset > 0 and kept is not None and kept[0] == generation and kept[1] == key:
                counts = kept[2]
            else:
                counts = search.count_hits(conn, text, current_only=current_only)
                self._search_counts = (generation, key, counts)
            return search.search_page(conn, text, limit, offset, counts, current_only=current_only)

    def tree_matches(self, text: str, limit: int = tree_filter.DEFAULT_PAGE, offset: int = 0) -> TreeMatchPage:
        """What the window's tree filter shows for `text`: regions, departments, units and
        projects of the whole workspace that it names, one page in tree order, with the total
        (core/store/tree_filter.py)."""
        with self._reading() as conn:
            return tree_filter.tree_matches(conn, text, limit=limit, offset=offset)

    def _missing(self, what: str, ident: int) -> WorkspaceError:
        return WorkspaceError(f"工作区 {self.label} 中没有编号为 {ident} 的{what}（可能已被删除）。")


def _stored_file(conn: Connection, sha256: str) -> int | None:
    """The document whose file has these bytes, or whose text another file with them repeats."""
    found = conn.execute(select(DocumentRow.id).where(DocumentRow.sha256 == sha256)).scalar()
    if found is None:
        found = conn.execute(select(DocumentAliasRow.document_id).where(DocumentAliasRow.sha256 == sha256)).scalar()
    return found


def _backup_hint(backup: Path | None) -> str:
    if backup is None:
        return "没有可用的备份。"
    return f"最近的备份：{backup}（关闭程序后，可用它替换工作区文件恢复）。"


def corrupt_error(path: Path, detail: str) -> WorkspaceError:
    """The message for a damaged file: what, where, and the way back.

    SQLite says "readonly"/"unable to open" for a file it may not write (a read-only
    folder, a write-protected USB stick): that is not damage, and must not send the
    reviewer to replace a sound workspace with an older backup.
    """
    if any(sign in detail.lower() for sign in READONLY_SIGNS):
        return readonly_error(path, detail)
    backups = sqlite_specific.list_backups(path)
    return WorkspaceError(
        f"工作区文件 {path} 已损坏或不是工作区（{detail}）。"
        + _backup_hint(backups[0] if backups else None))


READONLY_SIGNS = ("readonly", "read-only", "unable to open database file", "permission denied")


def readonly_error(path: Path, detail: str) -> WorkspaceError:
    return WorkspaceError(
        f"工作区文件 {path} 所在的文件夹或文件是只读的，无法打开（{detail}）：打开工作区需要在它旁边写入锁文件和日志。"
        "工作区没有被修改。请把它复制到可写的文件夹，或取消只读属性后再打开。")


