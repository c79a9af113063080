"""Score a comparison's changes against known changes with the team's scorer (tests/fixtures/score_compare.py).

Same rules as ../shared/tools/score_compare.py: a known change is found when a
reported change has its key and values; a reported change is right when its key
is known. Causes are counted for indicator changes. The scorer names a project
by its 项目名称 alone, so where a document repeats a name the tests score with
`positional_key` (the scorer's key plus the project positions) instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.fixtures.score_compare import key, values

TRUTH_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "truths"


def truth_files() -> list[Path]:
    return sorted(TRUTH_DIR.glob("*.json"))


def truth_named(stem: str) -> Path:
    return TRUTH_DIR / f"{stem}.json"


def load_truth(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass
class Score:
    known: int
    found: int
    hits: int
    misses: list[tuple[str, dict, dict | None]] = field(default_factory=list)
    invented: list[dict] = field(default_factory=list)
    wrong_causes: list[tuple[dict, dict]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return 100.0 * self.hits / max(self.known, 1)

    @property
    def precision(self) -> float:
        return 100.0 * (self.found - len(self.invented)) / max(self.found, 1)

    def report(self) -> str:
        lines = [f"recall {self.recall:.1f}% precision {self.precision:.1f}% "
                 f"wrong causes {len(self.wrong_causes)}"]
        lines += [f"  {why}: {json.dumps(want, ensure_ascii=False)[:200]} got "
                  f"{json.dumps(got, ensure_ascii=False)[:200]}" for why, want, got in self.misses[:10]]
        lines += [f"  invented: {json.dumps(c, ensure_ascii=False)[:200]}" for c in self.invented[:10]]
        lines += [f"  cause: {json.dumps(g, ensure_ascii=False)[:200]} want {w.get('cause')}"
                  for g, w in self.wrong_causes[:10]]
        return "\n".join(lines)


def score_pair(truth: dict[str, Any], found: list[dict], known: list[dict]) -> Score:
    """Score a generated pair: the scorer's own key, or the positional one where names repeat."""
    return score(found, known, positional_key if names_repeat(truth) else key)


def positional_key(change: dict) -> tuple:
    """The scorer's key plus the project positions: for documents that repeat a 项目名称."""
    return (*key(change), change.get("old_project"), change.get("new_project"))


def names_repeat(truth: dict[str, Any]) -> bool:
    names = [p["name"] or p["title"] for p in truth["projects"]]
    return len(names) != len(set(names))


def score(found: list[dict], known: list[dict], key_of: Callable[[dict], tuple] = key) -> Score:
    by_key = {key_of(c): c for c in found}
    result = Score(known=len(known), found=len(found), hits=0)
    for want in known:
        got = by_key.get(key_of(want))
        if got is not None and values(got) == values(want):
            result.hits += 1
            if "cause" in want and got.get("cause") != want["cause"]:
                result.wrong_causes.append((got, want))
        else:
            result.misses.append(("missed" if got is None else "wrong values", want, got))
    known_keys = {key_of(c) for c in known}
    result.invented = [c for c in found if key_of(c) not in known_keys]
    return result
