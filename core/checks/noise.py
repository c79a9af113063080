"""How findings reach the reviewer (CHECKS.md, "Noise"): department-wide repeats folded
into one 共性问题 finding, and no two findings on one cell contradicting each other.

Both run at the end of `run_checks`, over the findings of one document. Folding keeps
the rule, severity and criterion of the repeated finding; the folded finding is
department-level (no project) and lists the projects in its parameters, so the window
shows it on the department node and grading no longer charges every project for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from core.checks.settings import CheckSettings
from core.messages import render
from core.review import Finding, Location

COMMON_FIELD = "common"  # the Location.field of a folded department-wide finding
COMMON_KEY = "common"  # its message key


def fold_common(findings: list[Finding], names: Mapping[int, str], settings: CheckSettings) -> list[Finding]:
    """Findings of a rule in `settings.common_rules` that appear in at least
    `settings.common_share` of the department's projects (two at least) become one
    department-level finding listing those projects. `names`: project number → name."""
    if len(names) < 2:
        return findings
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.check_id in settings.common_rules and finding.location.project_seq in names:
            by_rule[finding.check_id].append(finding)
    folded: dict[str, Finding] = {}
    for rule, items in by_rule.items():
        seqs = sorted({f.location.project_seq for f in items if f.location.project_seq is not None})
        if len(seqs) < 2 or len(seqs) < settings.common_share * len(names):
            continue
        first = items[0]
        folded[rule] = Finding(
            check_id=rule, severity=first.severity, criterion=first.criterion,
            location=Location(field=COMMON_FIELD, column=first.location.column), quote=first.quote,
            key=COMMON_KEY, params={"count": len(seqs), "total": len(names), "findings": len(items),
                                    "projects": "、".join(names[s] for s in seqs),
                                    "example": render(first.key, first.params)},
            suggestion=None, prov=first.prov)
    if not folded:
        return findings
    kept = [f for f in findings if f.check_id not in folded or f.location.project_seq not in names]
    return kept + list(folded.values())


def _rank(rule: str, precedence: Sequence[str]) -> int:
    """Lower is more specific: the position of the rule's id or of its group letter."""
    for position, entry in enumerate(precedence):
        if rule == entry or (len(entry) == 1 and rule.startswith(entry)):
            return position
    return len(precedence)


def resolve_conflicts(findings: list[Finding], settings: CheckSettings) -> list[Finding]:
    """Two findings that would have the reviewer change one cell two ways: the more
    specific one (earlier in `settings.rule_precedence`) is kept.

    Conflicting are two findings on the same cell whose suggested revisions differ, and
    the pairs of `settings.contradicting_rules` on the same indicator row (one says the
    row does not belong, the other how to fix its value)."""
    pairs = {tuple(p.split(">", 1)) for p in settings.contradicting_rules}
    drop: set[int] = set()
    by_row: dict[tuple[int | None, int | None, str | None], list[int]] = defaultdict(list)
    for i, finding in enumerate(findings):
        loc = finding.location
        by_row[(loc.project_seq, loc.indicator, None if loc.indicator is not None else loc.field)].append(i)
    for members in by_row.values():
        for a in members:
            for b in members:
                if a >= b or a in drop or b in drop:
                    continue
                fa, fb = findings[a], findings[b]
                same_cell = fa.location.key() == fb.location.key()
                clash = same_cell and fa.suggestion is not None and fb.suggestion is not None \
                    and fa.suggestion != fb.suggestion and fa.check_id != fb.check_id
                if (fa.check_id, fb.check_id) in pairs or (fb.check_id, fa.check_id) in pairs:
                    winner = fa if (fa.check_id, fb.check_id) in pairs else fb
                    drop.add(b if winner is fa else a)
                elif clash:
                    worse = b if _rank(fa.check_id, settings.rule_precedence) <= \
                        _rank(fb.check_id, settings.rule_precedence) else a
                    drop.add(worse)
    return [f for i, f in enumerate(findings) if i not in drop]
