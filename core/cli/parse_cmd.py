"""`parse FILE... --out DIR [--jobs N]`: import documents to JSON files, touching no workspace.

Each FILE becomes DIR/<file name>.json in the schema of the corpus README. A file
that cannot be imported prints `错误：<message>` and the others still run; the exit
status is then 2. Files are parsed in child processes with time and memory limits
(core.importing.sandbox); `--jobs N` runs N of them at once, each reading file
after file.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import sys
import threading
from pathlib import Path

from core.errors import Cancelled, UserError
from core.importing.sandbox import DocumentReader
from core.progress import CancelToken, NoProgress


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("parse", help="解析文档为 JSON，不写入工作区 (parse documents to JSON)",
                            description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help=".docx or .pdf files")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the .json files")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="files parsed at once, each in its own process (default 0: one per CPU core)")
    parser.set_defaults(func=run)


Result = tuple[str, str | None, int]  # (file, error message or None, project count)


def parse_one(path: str, out_dir: str, reader: DocumentReader) -> Result:
    """Parse one file and write its JSON."""
    from core.importing.truth_json import document_to_json

    try:
        document = reader.read(path)
    except UserError as error:
        return path, str(error), 0
    target = Path(out_dir) / (Path(path).name + ".json")
    target.write_text(json.dumps(document_to_json(document), ensure_ascii=False, indent=1), encoding="utf-8")
    return path, None, len(document.projects)


class _Stop(NoProgress):
    """Ctrl-C in the main thread cancels the parses of every worker."""

    def __init__(self, token: CancelToken) -> None:
        self.token = token

    def cancelled(self) -> bool:
        return self.token.cancelled()


def parse_all(files: list[str], out_dir: str, jobs: int) -> list[Result]:
    """Parse the files with `jobs` readers, each in a thread of its own; results in file order."""
    results: list[Result | None] = [None] * len(files)
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in range(len(files)):
        todo.put(index)
    token = CancelToken()
    failures: list[BaseException] = []

    def work() -> None:
        try:
            with DocumentReader(progress=_Stop(token)) as reader:
                while not token.cancelled():
                    try:
                        index = todo.get_nowait()
                    except queue.Empty:
                        return
                    results[index] = parse_one(files[index], out_dir, reader)
        except Cancelled:
            return
        except BaseException as error:  # writing the JSON failed: stop the others, report it below
            failures.append(error)
            token.cancel()

    threads = [threading.Thread(target=work, name=f"parse-{n}") for n in range(jobs)]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join()
    except KeyboardInterrupt:
        token.cancel()
        for thread in threads:
            thread.join()
        raise
    if failures:
        raise failures[0]
    return [r for r in results if r is not None]


def run(args: argparse.Namespace) -> int:
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    jobs = max(1, min(jobs, len(args.files)))
    failed = 0
    for path, error, n_projects in parse_all(args.files, str(out_dir), jobs):
        if error is not None:
            failed += 1
            print(f"错误：{error}", file=sys.stderr)
        else:
            print(f"{Path(path).name} → {out_dir / (Path(path).name + '.json')}（{n_projects} 个项目）")
    return 2 if failed else 0
