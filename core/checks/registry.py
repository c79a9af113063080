"""The registry of review checks and the function that runs them over a document.

A check is a small function of a `CheckContext` that yields `Hit`s; it is
registered under its ../shared/CHECKS.md id with the `register` decorator, which
records its severity, criterion, title, the settings keys it reads, and whether
it needs the previous year's document. `run_checks` turns hits into
`core.review.Finding`s, so a check never repeats its own id, severity or criterion.

Group modules (completeness, relevance, appropriateness, feasibility, writing,
yearly) register on import; `load_checks()` imports every group present in the build.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import logging
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

from core.checks.noise import fold_common, resolve_conflicts
from core.checks.settings import DEFAULT_SETTINGS, SETTINGS_LABELS, CheckSettings
from core.errors import Cancelled
from core.messages import Msg, msg
from core.model import Document, Field, ImportIssue, Indicator, Project, Provenance
from core.progress import NoProgress, Progress
from core.project_code import document_year
from core.review import Criterion, Finding, Location, Severity
from core.values import Target, parse_target

log = logging.getLogger(__name__)

GROUP_MODULES: tuple[str, ...] = (
    "core.checks.completeness",
    "core.checks.relevance",
    "core.checks.appropriateness",
    "core.checks.feasibility",
    "core.checks.writing",
    "core.checks.yearly",
    "core.checks.substance",
    "core.checks.department",
)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check found: the place, the text as written, the message as data, maybe a revision."""

    location: Location
    quote: str
    message: Msg
    suggestion: str | None = None
    prov: Provenance | None = None


CheckFunction = Callable[["CheckContext"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Check:
    """One rule of the catalogue.

    Attributes:
        id: the CHECKS.md id ("C1").
        severity: E / W / I.
        criterion: 完整性 / 相关性 / 适当性 / 可行性 (what the grade deducts from).
        title: a short Chinese name of the rule for lists and the memo.
        function: yields the hits.
        settings: the `CheckSettings` keys the rule reads (shown beside it in the window).
        needs_previous: the rule compares with the previous year's document and is
            skipped when none is given.
    """

    id: str
    severity: Severity
    criterion: Criterion
    title: str
    function: CheckFunction
    settings: tuple[str, ...] = ()
    needs_previous: bool = False


_REGISTRY: dict[str, Check] = {}


def register(check_id: str, severity: Severity, criterion: Criterion, title: str, *,
             settings: Sequence[str] = (), needs_previous: bool = False
             ) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator: register `function` as the check `check_id`.

    Registering the same id twice with another function is a programming error.
    """
    unknown = [key for key in settings if key not in SETTINGS_LABELS]
    if unknown:
        raise ValueError(f"check {check_id} reads unknown settings {unknown}")

    def decorate(function: CheckFunction) -> CheckFunction:
        existing = _REGISTRY.get(check_id)
        if existing is not None and existing.function.__qualname__ != function.__qualname__:
            raise ValueError(f"check {check_id} is already registered by {existing.function.__module__}")
        _REGISTRY[check_id] = Check(check_id, severity, criterion, title, function, tuple(settings),
                                    needs_previous)
        return function

    return decorate


def load_checks() -> None:
    """Import every group module of this build (each registers its checks)."""
    for name in GROUP_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)


def _sort_key(check_id: str) -> tuple[str, int]:
    m = re.match(r"([A-Z]+)(\d+)", check_id)
    return (m.group(1), int(m.group(2))) if m else (check_id, 0)


def all_checks() -> list[Check]:
    """Every registered check in catalogue order (A1, A2, … F5)."""
    load_checks()
    return [_REGISTRY[key] for key in sorted(_REGISTRY, key=_sort_key)]


def get_check(check_id: str) -> Check:
    load_checks()
    return _REGISTRY[check_id]


def project_key(project: Project, position: int) -> int:
    """The number findings use for a project: its seq, else its 1-based position."""
    return project.seq if project.seq is not None else position + 1


@dataclass
class CheckContext:
    """What a check sees: the document, settings, the previous year's document and import issues."""

    document: Document
    settings: CheckSettings = DEFAULT_SETTINGS
    previous: Document | None = None
    issues: Sequence[ImportIssue] = ()
    year: int | None = None
    # Only this project (its finding number): a rule that failed on the whole document is
    # run again project by project, so one project's failure does not hide the others.
    only: int | None = None

    def projects(self) -> Iterator[tuple[int, Project]]:
        """(finding number, project) for every project of the document (or the one in `only`)."""
        for position, project in enumerate(self.document.projects):
            key = project_key(project, position)
            if self.only is None or key == self.only:
                yield key, project

    def rows(self) -> Iterator[tuple[int, Project, int, Indicator]]:
        """(project number, project, row index, indicator) for every indicator row."""
        for seq, project in self.projects():
            for index, indicator in enumerate(project.indicators):
                yield seq, project, index, indicator

    def target(self, indicator: Indicator) -> Target:
        """The parsed 指标值 of a row; where a form splits the target over an operator and a
        unit column, the composed one (`Indicator.target_text`), and where it has a 指标值类型
        column, with that declared type. (core.values memoises the parsing itself.)"""
        return parse_target(indicator.target_text, indicator.value_type)

    def doubtful(self, seq: int, column: str | None, indicator: int | None = None) -> bool:
        """True when the importer reported an issue on this cell (E4 speaks for it, not the author)."""
        for issue in self.issues:
            if issue.project_seq != seq:
                continue
            if issue.column is None and issue.indicator_index is None:
                continue
            if issue.column not in (None, column):
                continue
            if issue.indicator_index not in (None, indicator):
                continue
            return True
        return False

    # Hit builders: the location, the quote and the provenance always come from the Field.

    def header_hit(self, seq: int, name: str, value: Field | None, message: Msg,
                   suggestion: str | None = None) -> Hit:
        return Hit(Location(project_seq=seq, field=name), value.raw if value is not None else "", message,
                   suggestion, value.prov if value is not None else None)

    def row_hit(self, seq: int, index: int, indicator: Indicator, column: str, message: Msg,
                suggestion: str | None = None) -> Hit:
        value: Field | None = indicator.get(column)
        return Hit(Location(project_seq=seq, indicator=index, column=column),
                   value.raw if value is not None else "", message, suggestion,
                   value.prov if value is not None else indicator.prov)

    def project_hit(self, seq: int, project: Project, quote: str, message: Msg, *,
                    column: str | None = None, suggestion: str | None = None) -> Hit:
        return Hit(Location(project_seq=seq, field="indicators", column=column), quote, message, suggestion,
                   project.prov)


def run_checks(document: Document, settings: CheckSettings | None = None, previous: Document | None = None,
               issues: Sequence[ImportIssue] | None = None, *, only: Collection[str] | None = None,
               progress: Progress | None = None) -> list[Finding]:
    """Run the registered checks over one document and return its findings.

    Args:
        settings: thresholds and word lists (the catalogue's defaults when None).
        previous: the same department's previous-year document; checks that need it
            are skipped without one.
        issues: the importer's issues (default `document.issues`), reported by E4.
        only: run only these check ids.
        progress: reports one step per check; cancelling raises `Cancelled`.
    """
    settings = settings or DEFAULT_SETTINGS
    progress = progress or NoProgress()
    context = CheckContext(document=document, settings=settings, previous=previous,
                           issues=tuple(document.issues if issues is None else issues),
                           year=document_year(document))
    checks = [c for c in all_checks()
              if c.id not in settings.disabled_checks and (only is None or c.id in only)
              and (previous is not None or not c.needs_previous)]
    findings: list[Finding] = []
    for done, check in enumerate(checks):
        if progress.cancelled():
            raise Cancelled()
        progress.report(done, len(checks), check.id)
        for hit in _guarded_hits(check, context):
            findings.append(Finding(check_id=check.id, severity=check.severity, criterion=check.criterion,
                                    location=hit.location, quote=hit.quote, key=hit.message.key,
                                    params=dict(hit.message.params), suggestion=hit.suggestion, prov=hit.prov))
    progress.report(len(checks), len(checks), "")
    names = {key: project.display_name or f"项目{key}" for key, project in context.projects()}
    findings = resolve_conflicts(fold_common(findings, names, settings), settings)
    findings.sort(key=finding_order)
    return findings


INTERNAL_ERROR = "internal_error"  # the message key of a rule that failed on a project


def _guarded_hits(check: Check, context: CheckContext) -> list[Hit]:
    """A rule's hits; a rule that raises is logged and run again project by project, and
    each project it still fails on gets one internal-error finding (the other rules and
    projects are unaffected)."""
    try:
        return list(check.function(context))
    except Cancelled:
        raise
    except Exception:
        log.error("check %s failed on %s; running it project by project", check.id,
                  context.document.source_name, exc_info=True)
    hits: list[Hit] = []
    for seq, project in context.projects():
        try:
            hits.extend(check.function(dataclasses.replace(context, only=seq)))
        except Cancelled:
            raise
        except Exception as error:
            log.error("check %s failed on project %s", check.id, seq, exc_info=True)
            hits.append(Hit(Location(project_seq=seq, field="indicators"), "",
                            msg(INTERNAL_ERROR, rule=check.id, error=type(error).__name__), None, project.prov))
    return hits


def finding_order(finding: Finding) -> tuple[int, int, int, str, int]:
    """Document order: department level first, then by project, header before rows, then rule."""
    loc = finding.location
    rule = _sort_key(finding.check_id)
    return (-1 if loc.project_seq is None else loc.project_seq,
            -1 if loc.indicator is None else loc.indicator,
            0 if loc.column is None else 1, rule[0], rule[1])
