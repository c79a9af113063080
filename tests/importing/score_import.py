# ruff: noqa: B905, E731
# Vendored unchanged from ../shared/tools/score_import.py (the team's scorer), because CI has no
# ../shared; tests/importing use score_document() from here. Keep in step with the original.
"""Score an import against the truth files of ../corpus/truth.

    python score_import.py EXPORT TRUTH [--min 100] [--show 20]

EXPORT and TRUTH are JSON files in the schema of ../corpus/README.md, or
folders of them. In folders, an export is paired with the truth whose file
name (without .json) is the longest prefix of the export's name, so
`2025_lunan_shenpiju_A.pdf.json` is scored against `2025_lunan_shenpiju.json`.

Every field the truth holds counts once: header fields, each goal and
measure, each project field, each spending-plan entry, each indicator cell,
each budget-table cell. Lists (projects, indicator rows, table rows) are
aligned first, so one missing row costs that row, not every row after it;
rows the export has and the truth lacks count as errors too.

Two figures: `strict` compares strings exactly; `loose` ignores all
whitespace and treats a missing field like an empty one. The exit status is
0 when every document reaches --min percent strict, else 1.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

PROJECT_FIELDS = ("seq", "title", "dept_code", "dept_name", "unit", "code", "name",
                  "budget_total", "fiscal_funds", "other_funds", "usage", "goal")
PLAN_KEYS = ("3月底", "6月底", "10月底", "12月底")
INDICATOR_FIELDS = ("level1", "level2", "level3", "description", "value", "basis")
TABLE_FIELDS = ("title", "dept", "year", "unit")


def norm(value, loose: bool):
    if value is None:
        return "" if loose else None
    text = str(value)
    return re.sub(r"\s+", "", text) if loose else text


class Tally:
    def __init__(self, loose: bool):
        self.loose, self.right, self.total, self.misses = loose, 0, 0, []

    def field(self, path: str, want, got) -> None:
        self.total += 1
        if norm(want, self.loose) == norm(got, self.loose):
            self.right += 1
        else:
            self.misses.append((path, want, got))

    def missing(self, path: str, want, fields: int) -> None:
        self.total += fields
        self.misses.append((path, want, None))

    def extra(self, path: str, got, fields: int) -> None:
        self.total += fields
        self.misses.append((path, None, got))


def align(want: list, got: list, key):
    """Pair list items by key with difflib; yields (want_item|None, got_item|None)."""
    matcher = difflib.SequenceMatcher(a=[key(x) for x in want], b=[key(x) for x in got],
                                      autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
            yield from zip(want[a0:a1], got[b0:b1])
        else:
            pairs = list(zip(want[a0:a1], got[b0:b1]))
            yield from pairs
            yield from ((w, None) for w in want[a0 + len(pairs):a1])
            yield from ((None, g) for g in got[b0 + len(pairs):b1])


def score_list(t: Tally, path, want, got, key, fields, score_item) -> None:
    """fields: how many fields one item counts for, a number or a function of the item."""
    size = fields if callable(fields) else (lambda _item: fields)
    for i, (w, g) in enumerate(align(want or [], got or [], key)):
        if w is None:
            t.extra(f"{path}[+{i}]", g, size(g))
        elif g is None:
            t.missing(f"{path}[{i}]", w, size(w))
        else:
            score_item(f"{path}[{i}]", w, g)


def score_indicator(t: Tally, path, want, got) -> None:
    for f in INDICATOR_FIELDS:
        t.field(f"{path}.{f}", want.get(f), got.get(f))


def score_project(t: Tally, path, want, got) -> None:
    for f in PROJECT_FIELDS:
        t.field(f"{path}.{f}", want.get(f), got.get(f))
    plan_w, plan_g = want.get("spending_plan"), got.get("spending_plan") or {}
    if plan_w is None:
        t.field(f"{path}.spending_plan", None, got.get("spending_plan"))
    else:
        for k in PLAN_KEYS:
            t.field(f"{path}.spending_plan.{k}", plan_w.get(k), plan_g.get(k))
    row_key = lambda r: tuple(norm(r.get(f), True) for f in INDICATOR_FIELDS[:3])
    score_list(t, f"{path}.indicators", want.get("indicators"), got.get("indicators"),
               row_key, len(INDICATOR_FIELDS), lambda p, w, g: score_indicator(t, p, w, g))


def score_table(t: Tally, path, want, got) -> None:
    for f in TABLE_FIELDS:
        t.field(f"{path}.{f}", want.get(f), got.get(f))
    width = max((len(r) for r in want.get("rows") or []), default=1)

    def score_row(p, w, g):
        for j in range(max(len(w), len(g))):
            t.field(f"{p}[{j}]", w[j] if j < len(w) else None, g[j] if j < len(g) else None)

    score_list(t, f"{path}.rows", want.get("rows"), got.get("rows"),
               lambda r: tuple(norm(c, True) for c in r), width, score_row)


def score_document(want: dict, got: dict, loose: bool) -> Tally:
    t = Tally(loose)
    for f in ("dept_code", "dept_name"):
        t.field(f"org.{f}", (want.get("org") or {}).get(f), (got.get("org") or {}).get(f))
    for f in ("year", "unit", "overall_goal"):
        t.field(f, want.get(f), got.get(f))

    def score_sub_goal(p, w, g):
        for f in ("title", "goal", "indicators"):
            t.field(f"{p}.{f}", w.get(f), g.get(f))

    score_list(t, "sub_goals", want.get("sub_goals"), got.get("sub_goals"),
               lambda s: norm(s.get("title"), True), 3, score_sub_goal)
    score_list(t, "measures", want.get("measures"), got.get("measures"),
               lambda m: norm(m, True), 1, lambda p, w, g: t.field(p, w, g))
    score_list(t, "projects", want.get("projects"), got.get("projects"),
               lambda p: norm(p.get("title") or p.get("name"), True),
               lambda p: len(PROJECT_FIELDS) + len(PLAN_KEYS)
               + len(INDICATOR_FIELDS) * len(p.get("indicators") or []),
               lambda p, w, g: score_project(t, p, w, g))
    if want.get("budget_tables") is not None or got.get("budget_tables"):
        score_list(t, "budget_tables", want.get("budget_tables"), got.get("budget_tables"),
                   lambda b: norm(b.get("title"), True),
                   lambda b: len(TABLE_FIELDS) + sum(len(r) for r in b.get("rows") or []),
                   lambda p, w, g: score_table(t, p, w, g))
    return t


def pairs(export: Path, truth: Path):
    if truth.is_file():
        yield truth, export
        return
    truths = sorted(truth.glob("*.json"), key=lambda p: -len(p.stem))
    exports = [export] if export.is_file() else sorted(export.glob("*.json"))
    for e in exports:
        match = next((t for t in truths if e.name.startswith(t.stem)), None)
        if match is None:
            print(f"{e.name}: no truth file matches its name", file=sys.stderr)
            continue
        yield match, e


def short(value, width=60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[:width] + "…"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path)
    ap.add_argument("truth", type=Path)
    ap.add_argument("--min", type=float, default=100.0, help="percent strict each document must reach")
    ap.add_argument("--show", type=int, default=10, help="differences to print per document")
    args = ap.parse_args()
    ok, right, total, docs = True, 0, 0, 0
    for truth_file, export_file in pairs(args.export, args.truth):
        want = json.loads(truth_file.read_text(encoding="utf-8"))
        got = json.loads(export_file.read_text(encoding="utf-8"))
        strict, loose = score_document(want, got, False), score_document(want, got, True)
        pct = 100.0 * strict.right / max(strict.total, 1)
        pct_loose = 100.0 * loose.right / max(loose.total, 1)
        print(f"{export_file.name}: strict {pct:.2f}% ({strict.right}/{strict.total}), "
              f"loose {pct_loose:.2f}%")
        for path, w, g in strict.misses[:args.show]:
            print(f"    {path}: want {short(w)} got {short(g)}")
        if len(strict.misses) > args.show:
            print(f"    … {len(strict.misses) - args.show} more")
        ok &= pct >= args.min
        right, total, docs = right + strict.right, total + strict.total, docs + 1
    if docs == 0:
        print("nothing scored")
        return 1
    print(f"overall strict {100.0 * right / max(total, 1):.2f}% over {docs} documents")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
