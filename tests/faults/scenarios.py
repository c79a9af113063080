"""Fault scenarios on a real workspace, shared by tests/faults and benchmarks/reliability.py.

Each scenario starts from `make_seed()` (two imported sample documents, a check run, a
dismissed finding with its reason, a suggested revision, an annotation, a backup),
does something bad to it and returns `FaultResult`s: what the user saw, the exit
status, whether everything committed is still there, whether the workspace opens.

    seed = make_seed(folder)
    results = kill_during_import(seed, folder / "k", kills=5, rng=random.Random(1))

"Nothing committed is lost" is `committed_kept(before, after)`: every document (with
all its projects and indicators), revision, annotation and decided finding of the
state before the fault is in the state after it; documents that appeared are whole.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from unittest.mock import patch

from sqlalchemy import event

from core import atomic_write
from core.checks.workspace_run import check_workspace_documents
from core.errors import UserError, WorkspaceError
from core.review import FindingState, Location
from core.store import Workspace, sqlite_specific
from tests.faults.snapshot import content_digest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
SEED_FILES = (SAMPLES / "2025_lunan_shenpiju_A.docx", SAMPLES / "2025_tangshan_duchashi_A.docx")
# A document the seed lacks (the next year of a seed department). The .pdf of a seed .docx
# would be refused as the same text (core/store/same_content.py), not stored as a document.
NEW_FILE = SAMPLES / "2026_tangshan_duchashi_nextyear.docx"
DISMISS_REASON = "该指标口径已在附件中说明"


@dataclass(slots=True)
class FaultResult:
    """One fault tried and what happened."""

    case: str
    what: str
    shown: str                 # the message the user saw, or what the program did
    exit_status: int | None    # of the process that met the fault (None: in-process call)
    kept: bool                 # nothing committed was lost (and nothing half-written appeared)
    opens: bool                # the workspace opens afterwards (or the message names the backup)
    seconds: float
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.kept and self.opens


@dataclass(frozen=True, slots=True)
class State:
    """What a workspace holds that the reviewer would miss, keyed by document sha256."""

    documents: frozenset[tuple[str, int, int]]          # sha, projects, indicators
    revisions: frozenset[tuple[str, str, str]]          # sha, location key, suggested
    annotations: frozenset[tuple[str, str, str]]        # sha, location key, text
    decided: frozenset[tuple[str, tuple[str, str, str], str, str]]  # sha, identity, state, reason


def read_state(path: Path) -> State:
    """Open the workspace for writing (an unclean exit triggers the full integrity check) and read it."""
    docs, revs, notes, decided = set(), set(), set(), set()
    with Workspace.open(path) as ws:
        for d in ws.documents():
            projects = ws.projects(d.id)
            docs.add((d.sha256, len(projects), sum(p.indicator_count for p in projects)))
            revs |= {(d.sha256, r.revision.location.key(), r.revision.suggested) for r in ws.revisions(d.id)}
            notes |= {(d.sha256, a.annotation.location.key(), a.annotation.text) for a in ws.annotations(d.id)}
            decided |= {(d.sha256, s.finding.identity(), s.finding.state.value, s.finding.reason or "")
                        for s in ws.findings(d.id) if s.finding.state is not FindingState.OPEN}
    return State(frozenset(docs), frozenset(revs), frozenset(notes), frozenset(decided))


def committed_kept(before: State, after: State, whole: dict[str, tuple[int, int]] | None = None) -> list[str]:
    """What is wrong with `after` (empty when nothing committed was lost and nothing is half there)."""
    problems = [f"lost {kind}: {item}" for kind, old, new in (
        ("document", before.documents, after.documents), ("revision", before.revisions, after.revisions),
        ("annotation", before.annotations, after.annotations), ("decided finding", before.decided, after.decided))
        for item in old - new]
    for sha, projects, indicators in after.documents - before.documents:
        expected = (whole or {}).get(sha)
        if expected is None or expected != (projects, indicators):
            problems.append(f"document {sha[:12]} holds {projects} projects/{indicators} indicators, "
                            f"a whole import holds {expected}")
    return problems


def integrity_ok(path: Path) -> bool:
    return not sqlite_specific.integrity_problems(path)


# --- the seed workspace -------------------------------------------------------------------------

def make_seed(folder: Path, files: tuple[Path, ...] = SEED_FILES) -> Path:
    """A workspace with the reviewer's work in it (built once, copied per scenario)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "seed.sqlite"
    with Workspace.open(path) as ws:
        outcomes = ws.import_files(list(files))
        ids = [o.document_id for o in outcomes if o.document_id is not None]
        assert len(ids) == len(files), outcomes
        check_workspace_documents(ws, ids)
        first = ws.findings(ids[0])[0]
        ws.set_finding_state(first.id, FindingState.DISMISSED, DISMISS_REASON)
        ws.set_revision(ids[0], Location(project_seq=1, indicator=0, column="value"), "≥98%", author="审核人")
        ws.add_annotation(ids[-1], Location(project_seq=1), "资金用途过于笼统。", author="审核人")
        ws.backup("seed")
    return path


def copy_seed(seed: Path, target: Path) -> Path:
    """A copy of the seed workspace and its backups (the way back must exist in the copy too)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(target.name + "*"):
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    sqlite_specific.backup_to(seed, target)
    backups = sqlite_specific.backup_dir(target)
    backups.mkdir()
    for backup in sqlite_specific.list_backups(seed):  # named after their workspace
        shutil.copyfile(backup, backups / (target.stem + backup.name[len(seed.stem):]))
    return target


def whole_imports(files: list[Path], folder: Path) -> dict[str, tuple[int, int]]:
    """(projects, indicators) each file holds when imported whole, by sha256 (a reference import)."""
    path = folder / "reference.sqlite"
    with Workspace.open(path) as ws:
        ws.import_files(files)
        counts = {}
        for d in ws.documents():
            projects = ws.projects(d.id)
            counts[d.sha256] = (len(projects), sum(p.indicator_count for p in projects))
    return counts


# --- processes -----------------------------------------------------------------------------------

def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "main.py", *map(str, args)]


def run_cli(*args: str | Path, timeout: float = 300, prefix: list[str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(prefix or []), *cli(*args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def shown_message(stderr: str) -> str:
    """The message a user reads: the "错误：" line, without progress lines."""
    lines = [ln for ln in stderr.splitlines() if ln.startswith("错误：")]
    return lines[0][3:] if lines else ""


def children_of(pid: int) -> list[int]:
    """Direct child processes (Linux /proc; [] elsewhere)."""
    found = []
    proc = Path("/proc")
    if not proc.is_dir():
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def descendants_gone(pids: list[int], within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.1)
    for p in pids:  # never leave them running, whatever the verdict
        with suppress(OSError):
            os.kill(p, signal.SIGKILL)
    return False


def kill_after(command: list[str], delay: float, *, stdin: bool = False) -> tuple[int | None, list[int], str]:
    """Start a process, SIGKILL it (and note its children) after `delay` seconds.

    Returns (exit status if it finished before the kill else None, its children, stderr).
    """
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               stdin=subprocess.PIPE if stdin else None)
    deadline = time.monotonic() + delay
    kids: list[int] = []
    while time.monotonic() < deadline and process.poll() is None:
        kids = sorted(set(kids) | set(children_of(process.pid)))
        time.sleep(0.02)
    finished = process.poll()
    if finished is None:
        process.send_signal(signal.SIGKILL)
    process.wait(60)
    err = process.stderr.read() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    return finished, kids, err


def timed(command: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, capture_output=True, timeout=300, check=False)
    return time.monotonic() - started


# --- SIGKILL during work -------------------------------------------------------------------------

def _kill_loop(case: str, what: str, seed: Path, folder: Path, kills: int, rng: random.Random,
               command: Callable[[Path], list[str]], whole: dict[str, tuple[int, int]] | None = None,
               extra: Callable[[Path, Path], list[str]] | None = None) -> list[FaultResult]:
    """Run `command` on a fresh copy of the seed and kill it at random moments of its run."""
    span = timed(command(copy_seed(seed, folder / "calibrate.sqlite")))
    before = read_state(seed)
    results = []
    for i in range(kills):
        path = copy_seed(seed, folder / f"kill{i}.sqlite")
        delay = rng.uniform(0.15, 1.0) * span
        started = time.monotonic()
        finished, kids, err = kill_after(command(path), delay)
        problems: list[str] = []
        if kids and not descendants_gone(kids):
            problems.append("a child process outlived the killed program")
        opens = integrity_ok(path)
        try:
            after = read_state(path)
        except UserError as error:
            opens, after = False, before
            problems.append(str(error))
        problems += committed_kept(before, after, whole)
        if extra is not None:
            problems += extra(path, folder)
        moment = "finished before the kill" if finished is not None else f"killed at {delay:.2f}s of ~{span:.2f}s"
        results.append(FaultResult(case=f"{case} #{i + 1}", what=what, shown=moment, exit_status=finished,
                                   kept=not problems, opens=opens, seconds=time.monotonic() - started,
                                   notes=problems + [ln for ln in err.splitlines() if "Traceback" in ln]))
    return results


def kill_during_import(seed: Path, folder: Path, *, kills: int, rng: random.Random) -> list[FaultResult]:
    files = [NEW_FILE, SAMPLES / "2025_tangshan_duchashi_A.docx"]
    whole = whole_imports([*SEED_FILES, NEW_FILE], folder)
    return _kill_loop("kill-import", "SIGKILL during `import` (a new version + a duplicate)", seed, folder, kills,
                      rng, lambda path: cli("import", *files, "--workspace", path), whole)


def kill_during_edits(seed: Path, folder: Path, *, kills: int, rng: random.Random) -> list[FaultResult]:
    """A process suggesting revisions and writing annotations in a loop; each commit it reports must stay."""
    before = read_state(seed)
    results = []
    for i in range(kills):
        path = copy_seed(seed, folder / f"edit{i}.sqlite")
        process = subprocess.Popen([sys.executable, "-m", "tests.faults.worker", "edit", str(path), "400"],
                                   cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        started = time.monotonic()
        ready, sha = process.stdout.readline().split()
        assert ready == "ready"
        deadline = time.monotonic() + rng.uniform(0.05, 0.6)
        committed: list[str] = []
        while time.monotonic() < deadline:
            line = process.stdout.readline().strip()
            if not line.startswith("committed"):
                break
            committed.append(line)
        process.send_signal(signal.SIGKILL)
        process.wait(60)
        committed += [ln.strip() for ln in process.stdout if ln.startswith("committed")]
        process.stdout.close()
        opens = integrity_ok(path)
        after = read_state(path)
        problems = committed_kept(before, after)
        latest = {}  # place -> the last text committed there (annotations each have their own place)
        for line in committed:
            _, kind, place, text = line.split(" ", 3)
            latest[(kind, text if kind == "annotation" else place)] = text
        stored = {("annotation", t): t for d, _, t in after.annotations if d == sha}
        stored |= {("revision", key): t for d, key, t in after.revisions if d == sha}
        for (kind, place), text in latest.items():
            found = stored.get((kind, place))
            # A revision committed but killed before it was reported may have replaced the reported one.
            if found != text and not (kind == "revision" and found and _number(found) > _number(text)):
                problems.append(f"reported committed but missing: {kind} {text}")
        results.append(FaultResult(
            case=f"kill-edit #{i + 1}", what="SIGKILL while suggesting revisions and writing annotations",
            shown=f"killed after {len(committed)} reported commits", exit_status=None, kept=not problems,
            opens=opens, seconds=time.monotonic() - started, notes=problems))
    return results


def _number(text: str) -> int:
    digits = "".join(ch for ch in text if ch.isdigit())
    return int(digits) if digits else -1


def kill_during_check(seed: Path, folder: Path, *, kills: int, rng: random.Random) -> list[FaultResult]:
    return _kill_loop("kill-check", "SIGKILL during `check --workspace` (findings and grades rewritten)", seed,
                      folder, kills, rng, lambda path: cli("check", "--workspace", path))


def kill_during_memo(seed: Path, folder: Path, *, kills: int, rng: random.Random) -> list[FaultResult]:
    """The memo export reads the workspace and replaces the PDF/DOCX only when complete."""
    with Workspace.open(seed, readonly=True) as ws:
        code = ws.department(ws.documents()[0].department_id).code
    old_pdf, old_docx = b"%PDF-1.4\n% the memo exported yesterday\n", b"PK old memo"

    def command(path: Path) -> list[str]:
        out = path.with_suffix(".pdf")
        out.write_bytes(old_pdf)
        path.with_suffix(".docx").write_bytes(old_docx)
        return cli("memo", "--department", code, "--workspace", path, "--out", out, "--docx", path.with_suffix(".docx"))

    def outputs_whole(path: Path, _folder: Path) -> list[str]:
        import docx
        import pikepdf

        problems = []
        pdf, word = path.with_suffix(".pdf"), path.with_suffix(".docx")
        if pdf.read_bytes() != old_pdf:
            try:
                with pikepdf.open(pdf) as opened:
                    if len(opened.pages) == 0:
                        problems.append("memo PDF has no pages")
            except pikepdf.PdfError as error:
                problems.append(f"memo PDF half-written: {error}")
        if word.read_bytes() != old_docx:
            try:
                docx.Document(str(word))
            except Exception as error:
                problems.append(f"memo DOCX half-written: {type(error).__name__}")
        if content_digest(path) != seed_digest:
            problems.append("the memo export changed the workspace")
        return problems

    seed_digest = content_digest(seed)
    return _kill_loop("kill-memo", "SIGKILL during `memo` export (PDF + DOCX over yesterday's files)", seed,
                      folder, kills, rng, command, extra=outputs_whole)



def orphan_parse_stops(folder: Path, hang_file: Path) -> FaultResult:
    """SIGKILL the program while its sandboxed parse is busy on a file that takes minutes."""
    path = folder / "orphan.sqlite"
    started = time.monotonic()
    process = subprocess.Popen(cli("import", hang_file, "--workspace", path), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: list[int] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any("spawn_main" in _cmdline(k) for k in kids):
        kids = children_of(process.pid)
        time.sleep(0.05)
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait(60)
    gone = descendants_gone(kids, within=5)
    return FaultResult(case="kill-during-parse", what="SIGKILL while the sandboxed parse is busy (hostile PDF)",
                       shown="the parse process stopped with the program" if gone else "the parse process kept running",
                       exit_status=None, kept=gone and integrity_ok(path) if path.exists() else gone,
                       opens=_opens(path), seconds=time.monotonic() - started,
                       notes=[] if kids else ["no child process seen"])


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
    except OSError:
        return ""


def _opens(path: Path) -> bool:
    try:
        with Workspace.open(path):
            return True
    except UserError:
        return False


# --- disk full -----------------------------------------------------------------------------------

@contextmanager
def disk_full(ws: Workspace) -> Iterator[None]:
    """Cap the file at its current size (PRAGMA max_page_count) on every new connection."""
    assert ws.path is not None
    with sqlite3.connect(ws.path) as probe:
        pages = probe.execute("PRAGMA page_count").fetchone()[0]
    ws.engine.dispose()

    def cap(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    event.listen(ws.engine, "connect", cap)
    try:
        yield
    finally:
        event.remove(ws.engine, "connect", cap)
        ws.engine.dispose()


def disk_full_cases(seed: Path, folder: Path) -> list[FaultResult]:
    """Import, edits and a check run on a full disk: a clear message, the workspace as it was."""
    results = []

    def attempt(case: str, what: str, action: Callable[[Workspace], object], repeat: int = 1,
                prepare: Callable[[Workspace], object] | None = None) -> None:
        path = copy_seed(seed, folder / f"{case}.sqlite")
        if prepare is not None:
            with Workspace.open(path) as ws:
                prepare(ws)
            vacuum = sqlite3.connect(path, isolation_level=None)  # no free pages left to reuse
            vacuum.execute("VACUUM")
            vacuum.close()
        before_state = read_state(path)
        started = time.monotonic()
        shown, done, digest_before, digest_after = "", 0, "", ""
        with Workspace.open(path) as ws, disk_full(ws):
            for _ in range(repeat):  # small edits may fit in free pages: go on until the disk is full
                digest_before = content_digest(path)
                try:
                    action(ws)
                    done += 1
                except WorkspaceError as error:
                    shown = str(error)
                    digest_after = content_digest(path)
                    break
        after_state = read_state(path)
        problems = committed_kept(before_state, after_state, {})
        if not shown:
            problems.append("the full disk was never reported")
        elif digest_after != digest_before:
            problems.append("the failed write changed the workspace")
        if "磁盘空间已满" not in shown:
            problems.append("the message does not say the disk is full")
        with Workspace.open(path) as ws:  # space again: the same work now succeeds
            action(ws)
        results.append(FaultResult(case=case, what=what, shown=shown, exit_status=None, kept=not problems,
                                   opens=integrity_ok(path), seconds=time.monotonic() - started,
                                   notes=problems + ([f"{done} writes fitted before it was full"] if done else [])))

    attempt("disk-full-import", "import a new document with the disk full",
            lambda ws: ws.import_files([NEW_FILE]))

    def annotate(ws: Workspace) -> None:
        doc = ws.documents()[0].id
        ws.add_annotation(doc, Location(project_seq=1), "补充说明：" + "测算依据" * 300, author="审核人")
        ws.set_revision(doc, Location(project_seq=1, field="usage"), "用于" + "维保" * 200, author="审核人")

    attempt("disk-full-edit", "annotations and revisions until the disk is full", annotate, repeat=200)
    def no_findings(ws: Workspace) -> None:  # a re-run that finds as much as before fits in the freed pages
        for d in ws.documents():
            ws.replace_findings(d.id, [])

    attempt("disk-full-check", "a check run with the disk full (findings and grades)",
            lambda ws: check_workspace_documents(ws, [d.id for d in ws.documents()]), prepare=no_findings)
    return results


@contextmanager
def backup_copy_full() -> Iterator[None]:
    """SQLITE_FULL inside the backup copy: its connection may not grow past one page."""
    real = sqlite3.connect

    def capped(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real(database, *args, **kwargs)  # type: ignore[arg-type]
        name = Path(str(database))
        if name.parent.name.endswith(".backups") and name.name.startswith(atomic_write.TEMP_PREFIX):
            conn.execute("PRAGMA max_page_count=1")
        return conn

    with patch.object(sqlite3, "connect", capped):
        yield


@contextmanager
def no_room_for_files() -> Iterator[None]:
    """ENOSPC when any output file (a backup's temporary copy) is created."""
    def full(folder: Path) -> tuple[int, Path]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with patch.object(atomic_write, "_create_temp", full):
        yield


BACKUP_FAULTS: dict[str, tuple[str, Callable[[], AbstractContextManager[None]]]] = {
    "disk-full-backup-copy": ("the disk fills while the backup on close is copied (SQLITE_FULL)", backup_copy_full),
    "disk-full-backup-file": ("no room to create the backup file on close (ENOSPC)", no_room_for_files),
}


def backup_on_close_full(seed: Path, folder: Path) -> list[FaultResult]:
    """A full disk during the backup taken on close: closing reports it and never raises; the
    session's work is kept, no partial backup is left, the lock is free again."""
    results = []
    for case, (what, fault) in BACKUP_FAULTS.items():
        path = copy_seed(seed, folder / f"{case}.sqlite")
        backups = sqlite_specific.backup_dir(path)
        for old in backups.iterdir():  # the last backup is old: this close takes one
            os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
        kept_before = sorted(p.name for p in backups.iterdir())
        before = read_state(path)
        started = time.monotonic()
        problems: list[str] = []
        with fault():
            ws = Workspace.open(path)
            doc = ws.documents()[0].id
            ws.add_annotation(doc, Location(project_seq=1), "关闭前写下的批注。", author="审核人")
            try:
                ws.close()
                shown = ws.close_problem or ""
            except BaseException as error:  # what the user would have seen: a traceback
                shown = f"{type(error).__name__}: {error}"
                problems.append("closing raised " + type(error).__name__)
        if "磁盘空间已满" not in shown:
            problems.append("the message does not say the disk is full")
        if sorted(p.name for p in backups.iterdir()) != kept_before:
            problems.append("a partial backup or a temporary file was left beside the backups")
        after = read_state(path)  # opens for writing: the lock was released
        problems += committed_kept(before, after, {})
        if not any(text == "关闭前写下的批注。" for _sha, _loc, text in after.annotations):
            problems.append("the annotation written before closing is gone")
        results.append(FaultResult(case=case, what=what, shown=shown, exit_status=None, kept=not problems,
                                   opens=integrity_ok(path), seconds=time.monotonic() - started, notes=problems))
    return results


# --- the file system and other programs -----------------------------------------------------------

def _readonly_prefix() -> list[str] | None:
    """How to run a process that may not write a root-owned read-only folder, or None when impossible."""
    if sys.platform == "win32":
        return None
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    # In a user namespace mapped to uid 1000 the process owns nothing it may override.
    prefix = [unshare, "--user", "--map-user=1000", "--map-group=1000"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


def readonly_folder(seed: Path, folder: Path) -> list[FaultResult]:
    """The workspace in a read-only folder: writers get a clear message, nothing changes, it opens later."""
    prefix = _readonly_prefix()
    if prefix is None:
        return []
    place = folder / "readonly"
    path = copy_seed(seed, place / "w.sqlite")
    shutil.rmtree(sqlite_specific.backup_dir(path))
    for leftover in place.glob("w.sqlite?*"):
        leftover.unlink()
    before, digest = read_state(path), content_digest(path)
    for leftover in place.glob("w.sqlite?*"):  # the lock file of read_state's session
        leftover.unlink()
    results = []
    place.chmod(0o555)
    path.chmod(0o444)
    try:
        for case, args in (("readonly-import", ("import", NEW_FILE, "--workspace", path)),
                           ("readonly-check", ("check", "--workspace", path)),
                           ("readonly-search", ("search", "电梯", "--workspace", path))):
            started = time.monotonic()
            done = run_cli(*args, prefix=prefix, timeout=120)
            shown = shown_message(done.stderr) or done.stdout.strip().splitlines()[0]
            notes = ["traceback shown"] if "Traceback" in done.stderr else []
            if done.returncode != 0 and not ("只读" in shown or "不能写入" in shown):
                notes.append("the message does not say the folder is read-only")
            results.append(FaultResult(case=case, what=f"`{args[0]}` on a workspace in a read-only folder",
                                       shown=shown, exit_status=done.returncode,
                                       kept=content_digest(path) == digest and not notes, opens=True,
                                       seconds=time.monotonic() - started, notes=notes))
    finally:
        place.chmod(0o755)
        path.chmod(0o644)
    after = read_state(path)
    for result in results:
        result.opens = not committed_kept(before, after)
    return results


def second_instance(seed: Path, folder: Path) -> list[FaultResult]:
    """One program holds the workspace; a second writer is refused clearly, a reader is served."""
    path = copy_seed(seed, folder / "second.sqlite")
    before, digest = read_state(path), content_digest(path)
    holder = subprocess.Popen([sys.executable, "-m", "tests.faults.worker", "hold", str(path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "ready"
    results = []
    try:
        for case, args, expect in (("second-import", ("import", NEW_FILE, "--workspace", path), 2),
                                   ("second-check", ("check", "--workspace", path), 2),
                                   ("second-search", ("search", "电梯", "--workspace", path, "--limit", "1"), 0)):
            started = time.monotonic()
            done = run_cli(*args, timeout=120)
            shown = shown_message(done.stderr) or (done.stdout.strip().splitlines() or [""])[0]
            notes = [] if done.returncode == expect else [f"exit status {done.returncode}, expected {expect}"]
            if expect == 2 and "正被另一个" not in shown:
                notes.append("the message does not name the other program")
            if "Traceback" in done.stderr:
                notes.append("traceback shown")
            results.append(FaultResult(case=case, what=f"`{args[0]}` while another program has the workspace open",
                                       shown=shown, exit_status=done.returncode,
                                       kept=content_digest(path) == digest and not notes, opens=True,
                                       seconds=time.monotonic() - started, notes=notes))
    finally:
        holder.stdin.close()
        holder.wait(60)
        holder.stdout.close()
    again = run_cli("import", NEW_FILE, "--workspace", path, timeout=120)
    after = read_state(path)
    for result in results:
        result.opens = again.returncode == 0 and not committed_kept(before, after, whole_imports([NEW_FILE], folder))
        if again.returncode != 0:
            result.notes.append(f"after the other program closed: {shown_message(again.stderr)}")
    return results


def odd_workspaces(seed: Path, folder: Path) -> list[FaultResult]:
    """`import` into a workspace written by a newer program, into a FIFO, and into a name too long
    for the files beside it: a message naming the file at once, nothing written."""
    folder.mkdir(parents=True, exist_ok=True)
    newer = copy_seed(seed, folder / "newer.sqlite")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_a_newer_program'")
    conn.close()
    fifo = folder / "管道.sqlite"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
    cases = [("newer-workspace", "`import` into a workspace written by a newer version of the program", newer,
              ("newer.sqlite", "升级")),
             ("long-name-workspace", "`import` into a workspace named with 251 bytes (no room for -journal, "
              ".backups)", folder / ("长" * 81 + "x.sqlite"), ("文件名太长",))]
    if hasattr(os, "mkfifo"):
        cases.insert(1, ("fifo-workspace", "`import` with --workspace naming a FIFO", fifo, ("管道.sqlite", "命名管道")))
    results = []
    for case, what, path, words in cases:
        before = _folder_digest(folder)
        started = time.monotonic()
        try:
            done = run_cli("import", NEW_FILE, "--workspace", path, timeout=60)
        except subprocess.TimeoutExpired:
            results.append(FaultResult(case=case, what=what, shown="hung (killed after 60 s)", exit_status=None,
                                       kept=False, opens=False, seconds=time.monotonic() - started))
            continue
        shown = shown_message(done.stderr)
        notes = [f"the message lacks “{w}”" for w in words if w not in shown]
        if done.returncode != 2:
            notes.append(f"exit status {done.returncode}, expected 2")
        if "Traceback" in done.stderr:
            notes.append("traceback shown")
        kept = _folder_digest(folder) == before
        if not kept:
            notes.append("files changed beside the workspace")
        opens = integrity_ok(newer) if case == "newer-workspace" else True
        results.append(FaultResult(case=case, what=what, shown=shown, exit_status=done.returncode,
                                   kept=kept and not notes, opens=opens, seconds=time.monotonic() - started,
                                   notes=notes))
    return results


def _folder_digest(folder: Path) -> dict[str, tuple[int, int]]:
    """Name → (size, mtime in ns) of every regular file under `folder` (FIFOs are never opened)."""
    found = {}
    for path in folder.rglob("*"):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            found[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return found


GARBAGE = {
    "garbage-random": ("the workspace file replaced by random bytes", lambda data: os.urandom(len(data))),
    "garbage-text": ("the workspace file replaced by a text file", lambda data: "这不是数据库\n".encode() * 500),
    "garbage-truncated": ("the workspace file cut to half its size", lambda data: data[: len(data) // 2]),
    "garbage-empty": ("the workspace file emptied (0 bytes)", lambda data: b""),
    "garbage-header-only": ("only the first 100 bytes of the file left", lambda data: data[:100]),
}


def garbage_workspace(seed: Path, folder: Path) -> list[FaultResult]:
    """The file replaced by garbage: the message names the file and the latest backup, which opens whole."""
    results = []
    for case, (what, spoil) in GARBAGE.items():
        path = copy_seed(seed, folder / f"{case}.sqlite")
        before = read_state(path)
        path.write_bytes(spoil(path.read_bytes()))
        started = time.monotonic()
        done = run_cli("import", NEW_FILE, "--workspace", path, timeout=120)
        shown = shown_message(done.stderr)
        notes = ["traceback shown"] if "Traceback" in done.stderr else []
        backups = sqlite_specific.list_backups(path)
        if done.returncode != 2 or str(path) not in shown or not backups or str(backups[0]) not in shown:
            notes.append("the message does not name the file and its latest backup")
        restored_ok = False
        if backups:
            restored = folder / f"{case}-restored.sqlite"
            shutil.copyfile(backups[0], restored)
            restored_ok = not committed_kept(before, read_state(restored))
        results.append(FaultResult(case=case, what=what, shown=shown, exit_status=done.returncode,
                                   kept=restored_ok and not notes, opens=restored_ok,
                                   seconds=time.monotonic() - started, notes=notes))
    whole = whole_imports([*SEED_FILES, NEW_FILE], folder)
    for case, what, target in (("garbage-lock-file", "the lock file filled with garbage", ".lock"),
                               ("garbage-wal-file", "a stale -wal file of garbage beside the workspace", "-wal")):
        path = copy_seed(seed, folder / f"{case}.sqlite")
        before = read_state(path)
        path.with_name(path.name + target).write_bytes(os.urandom(40000))
        started = time.monotonic()
        done = run_cli("import", NEW_FILE, "--workspace", path, timeout=120)
        notes = ["traceback shown"] if "Traceback" in done.stderr else []
        if done.returncode != 0:
            notes.append(f"import failed: {shown_message(done.stderr)}")
        problems = committed_kept(before, read_state(path), whole)
        results.append(FaultResult(case=case, what=what, shown=(done.stdout.splitlines() or [""])[0],
                                   exit_status=done.returncode, kept=not problems and not notes,
                                   opens=integrity_ok(path), seconds=time.monotonic() - started,
                                   notes=notes + problems))
    return results
