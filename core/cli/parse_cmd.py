"""`parse FILE... --out DIR [--jobs N]`: import documents to JSON files, touching no workspace.

Each FILE becomes DIR/<file name>.json in the schema of the corpus README. A file
that cannot be imported prints `错误：<message>` and the others still run; the exit
status is then 2. `--jobs N` spreads the files over N processes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("parse", help="解析文档为 JSON，不写入工作区 (parse documents to JSON)",
                            description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help=".docx or .pdf files")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the .json files")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="parallel processes (0 = one per CPU core)")
    parser.set_defaults(func=run)


def parse_one(path: str, out_dir: str) -> tuple[str, str | None, int]:
    """Parse one file and write its JSON; returns (file, error message or None, project count)."""
    from core.errors import UserError
    from core.importing import read_document
    from core.importing.truth_json import document_to_json

    try:
        document = read_document(path)
    except UserError as error:
        return path, str(error), 0
    target = Path(out_dir) / (Path(path).name + ".json")
    target.write_text(json.dumps(document_to_json(document), ensure_ascii=False, indent=1), encoding="utf-8")
    return path, None, len(document.projects)


def run(args: argparse.Namespace) -> int:
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    jobs = min(jobs, len(args.files))
    if jobs <= 1:
        results = [parse_one(f, str(out_dir)) for f in args.files]
    else:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            results = list(pool.map(parse_one, args.files, [str(out_dir)] * len(args.files)))
    failed = 0
    for path, error, n_projects in results:
        if error is not None:
            failed += 1
            print(f"错误：{error}", file=sys.stderr)
        else:
            print(f"{Path(path).name} → {out_dir / (Path(path).name + '.json')}（{n_projects} 个项目）")
    return 2 if failed else 0
