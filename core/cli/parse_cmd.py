"""`parse FILE... --out DIR [--jobs N]`: import documents to JSON files, touching no workspace.

Each FILE becomes DIR/<file name>.json in the schema of the corpus README. Files of
the same name from different folders get distinct outputs in argument order: the first
DIR/x.docx.json, the next DIR/x (2).docx.json, then x (3)…; each output line names its
JSON. Every JSON appears whole or not at all (an earlier one stays until replaced). A
file that cannot be imported prints `错误：<message>` and the others still run; the exit
status is then 2. Each parsed file prints a summary line (projects, indicator rows,
fields) and a warning naming the page/table wherever content was probably lost; the
JSON holds the whole import report under "report", and `--strict` makes warnings exit 2.
Files are parsed in child processes with time and memory limits
(core.importing.sandbox); `--jobs N` runs N of them at once (core.importing.read_ahead,
as `import` does), each reading file after file, while this process writes the JSONs
and prints each file's lines in the order given, as soon as the file is read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Generator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from core.cli import error_line
from core.errors import UserError
from core.jobs import job_count
from core.names import shown

if TYPE_CHECKING:  # the importer is loaded when the command runs, not when --help is built
    from core.import_report import ImportReport
    from core.model import Document


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("parse", help="解析文档为 JSON，不写入工作区 (parse documents to JSON)",
                            description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help=".docx, .pdf or .xlsx files")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder for the .json files: DIR/<file name>.json; files of the same name from "
                             "different folders get 'x.docx.json', 'x (2).docx.json', … in argument order")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="files parsed at once, each in its own process (default 0: one per CPU core)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 2 when a file was read with warnings (content probably lost)")
    parser.set_defaults(func=run)


Result = tuple[str, str | None, "ImportReport | None"]  # (file, error message or None, what was read)


# The longest file name Linux, macOS and Windows file systems take (bytes on Linux, UTF-16
# units on Windows: the byte count is the stricter of the two).
NAME_MAX_BYTES = 255


def _fit(stem: str, tail: str) -> str:
    """`stem + tail`, the stem cut short (marked "…") when the name would be over NAME_MAX_BYTES.

    A 253-byte document name plus ".json" was refused as too long; the JSON of such a file
    is named after as much of it as fits.
    """
    def size(text: str) -> int:
        return len(os.fsencode(text))

    if size(stem + tail) <= NAME_MAX_BYTES:
        return stem + tail
    keep = len(stem)
    while keep > 0 and size(stem[:keep] + "…" + tail) > NAME_MAX_BYTES:
        keep -= 1
    return stem[:keep] + "…" + tail


def output_names(files: list[str]) -> list[str]:
    """The JSON name of each file: "<name>.json", and "<stem> (n)<suffix>.json" for a later
    file of a name already taken (compared case-blind: Windows folders are); a name too
    long for the file system is shortened (see `_fit`)."""
    def first(path: Path) -> str:
        return _fit(path.stem, path.suffix + ".json")

    taken = {first(Path(f)).casefold() for f in files}
    seen: set[str] = set()
    names = []
    for file in files:
        path = Path(file)
        name = first(path)
        if name.casefold() in seen:
            n = 2
            while True:
                name = _fit(path.stem, f" ({n}){path.suffix}.json")
                if name.casefold() not in taken:
                    break
                n += 1
            taken.add(name.casefold())
        seen.add(name.casefold())
        names.append(name)
    return names


def parse_one(path: str, target: Path, read: Callable[[str], Document]) -> Result:
    """Read one file with `read` (a sandboxed reader's) and write its JSON to `target`
    (atomically: whole or not at all)."""
    from core.atomic_write import OutputError, atomic_output
    from core.importing.truth_json import document_to_json

    try:
        document = read(path)
    except UserError as error:
        return path, str(error), None
    text = json.dumps(document_to_json(document), ensure_ascii=False, indent=1)
    try:
        with atomic_output(target) as temp:
            temp.write_text(text, encoding="utf-8")
    except OutputError as error:  # this file's JSON (a name too long, no room): the others may still fit
        return path, str(error), None
    return path, None, document.report


def parse_all(files: list[str], targets: list[Path], jobs: int) -> Generator[Result, None, None]:
    """Parse the files with `jobs` sandboxed readers reading ahead, writing file i's JSON to
    targets[i]; each result in file order as soon as it is done. Ctrl+C (or an error other
    than the file's own) stops every reader, their parses killed."""
    from core.importing.read_ahead import ReadAhead

    with ReadAhead(files, jobs) as ahead:
        for path, target in zip(files, targets, strict=True):
            yield parse_one(path, target, ahead.read)


def _prepare_out(out_dir: Path, files: list[str]) -> list[Path]:
    """Create the output folder and name every JSON; refuse one that would overwrite an input."""
    from core.atomic_write import check_outputs

    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"--out {out_dir} 是一个文件，不是文件夹：请给出存放 .json 文件的文件夹。没有写入任何文件。")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"无法创建输出文件夹 {out_dir}：{error.strerror or error}。没有写入任何文件。") from error
    targets = [out_dir / name for name in output_names(files)]
    check_outputs([(f"{Path(f).name} 的 JSON", t) for f, t in zip(files, targets, strict=True)], inputs=files)
    return targets


def run(args: argparse.Namespace) -> int:
    from core.import_report import describe_warning, summary_line

    out_dir = Path(args.out)
    targets = _prepare_out(out_dir, args.files)
    failed = warned = 0
    # closing: the readers stop at once, whatever stops the loop (Ctrl+C while printing)
    with closing(parse_all(args.files, targets, job_count(args.jobs, len(args.files)))) as results:
        for index, (path, error, report) in enumerate(results):
            if error is not None or report is None:
                failed += 1
                print(error_line(error or ""), file=sys.stderr)
                continue
            name = shown(Path(path).name)  # one printable line, whatever bytes the name holds
            print(f"{name} → {shown(targets[index])}（{report.projects} 个项目）")
            print(f"    {summary_line(report, name)}")
            for warning in report.warnings:
                print(f"警告：{describe_warning(warning, name)}", file=sys.stderr)
            warned += bool(report.serious_warnings)
    return 2 if failed or (args.strict and warned) else 0
