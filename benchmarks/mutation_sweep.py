"""How well the importer reads documents it has never seen: a sweep over layout mutations.

    .venv/bin/python benchmarks/mutation_sweep.py [--docx N] [--pdf N] [--seed S]

Draws N random mutation sets per format from tests/fixtures/mutations.py (the same
strategy the hypothesis tests use, here with many more examples), writes each
document with tests/fixtures/docgen.py, imports it and scores it field by field
against the truth the writer returns (score_import's strict comparison). Prints the
number of combinations tried, how many were field-exact, the field score, and the
first misses of every document that was not. The figures go in docs/IMPORT_QUALITY.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from random import Random
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from core.errors import UserError  # noqa: E402
from core.importing import read_document  # noqa: E402
from core.importing.truth_json import document_to_json  # noqa: E402
from tests.fixtures.docgen import write_docx, write_pdf  # noqa: E402
from tests.fixtures.mutations import TRUTHS, mutation_sets  # noqa: E402
from tests.importing.score_import import score_document  # noqa: E402

WRITERS = {"docx": write_docx, "pdf": write_pdf}


def sweep(fmt: str, count: int, seed_value: int, folder: Path) -> dict[str, Any]:
    import json

    results: list[tuple[str, dict[str, Any], int, int, list[str]]] = []

    @settings(max_examples=count, deadline=None, database=None, derandomize=False, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(mutation_sets(fmt))
    def run(mutation: tuple[str, dict[str, Any]]) -> None:
        name, variant = mutation
        path = folder / f"{len(results)}.{fmt}"
        truth = json.loads((TRUTHS / f"{name}.json").read_text(encoding="utf-8"))
        expected = WRITERS[fmt](truth, path, **variant)
        try:
            got = document_to_json(read_document(path))
        except UserError as error:
            results.append((name, variant, 0, 1, [f"refused: {error}"]))
            return
        tally = score_document(expected, got, loose=False)
        results.append((name, variant, tally.right, tally.total,
                        [f"{p}: want {w!r} got {v!r}"[:160] for p, w, v in tally.misses[:3]]))

    seed(seed_value)(run)()
    exact = sum(1 for *_, right, total, _m in results if right == total)
    right = sum(r[2] for r in results)
    total = sum(r[3] for r in results)
    return {"fmt": fmt, "tried": len(results), "exact": exact, "right": right, "total": total,
            "failures": [r for r in results if r[2] != r[3]]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", type=int, default=200)
    parser.add_argument("--pdf", type=int, default=60)
    parser.add_argument("--seed", type=int, default=Random().randrange(10**6))
    args = parser.parse_args()
    print(f"seed {args.seed}")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, count in (("docx", args.docx), ("pdf", args.pdf)):
            if count <= 0:
                continue
            start = time.perf_counter()
            r = sweep(fmt, count, args.seed, Path(tmp))
            took = time.perf_counter() - start
            score = 100.0 * r["right"] / r["total"] if r["total"] else 0.0
            print(f"{fmt}: {r['tried']} mutation combinations, {r['exact']} field-exact, "
                  f"fields {r['right']}/{r['total']} = {score:.2f}% ({took:.0f} s)")
            for name, variant, _right, _total, misses in r["failures"]:
                print(f"  {name} {variant}")
                for m in misses:
                    print(f"      {m}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
