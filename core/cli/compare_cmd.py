"""`python main.py compare OLD NEW [--json] [--workspace PATH]`: last year's document against this year's.

OLD and NEW are files (.docx/.pdf/.xlsx, read with the importer in a child process with
time and memory limits, core.importing.sandbox) or document ids of the
workspace; with two workspace documents the reviewer's corrected project pairings
kept there are applied. `--json` prints {"changes": [...]} (the kinds of
../shared/tools/score_compare.py); without it a readable Chinese summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import UserError

if TYPE_CHECKING:  # core.compare loads rapidfuzz: only when the command runs
    from core.compare import Corrections
    from core.model import Document


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("compare", help="年度对比：比较同一部门两个年度的文件 (compare two years)",
                            description="比较同一部门两个年度的预算绩效文件，列出每一处变化。")
    parser.add_argument("old", metavar="OLD", help="上年文件（.docx/.pdf/.xlsx）或工作区中的文档编号")
    parser.add_argument("new", metavar="NEW", help="本年文件（.docx/.pdf/.xlsx）或工作区中的文档编号")
    parser.add_argument("--json", action="store_true", help='print {"changes": [...]} for scripts')
    parser.add_argument("--workspace", metavar="PATH", help="workspace file (for document ids; default: the user's data folder)")
    parser.set_defaults(func=run)


def _is_document_id(text: str) -> bool:
    # ASCII digits only ("²" is a digit to str.isdigit) and within SQLite's integer range
    return text.isascii() and text.isdigit() and len(text) <= 18 and not Path(text).exists()


def _load(args: argparse.Namespace) -> tuple[Document, Document, Corrections | None]:
    from core.compare import corrections_from_pairs
    from core.importing.registry import FILE_MAX_BYTES
    from core.importing.sandbox import DocumentReader
    from core.importing.source_file import check_source

    ids = [_is_document_id(args.old), _is_document_id(args.new)]
    workspace: Any = None
    try:
        if any(ids):
            from core.store.workspace import Workspace

            workspace = Workspace.open(args.workspace, create=False, readonly=True)
        documents = []
        with DocumentReader() as reader:  # the files are the user's: read in a child process with limits
            for text, is_id in zip((args.old, args.new), ids, strict=True):
                if is_id:
                    documents.append(workspace.load_document(int(text)))
                else:
                    path = Path(text)
                    if not path.exists() and not path.is_symlink():
                        raise UserError(f"找不到文件：{text}（也不是工作区中的文档编号）。")
                    check_source(path, FILE_MAX_BYTES)  # a folder, a FIFO, a device: said as what it is
                    documents.append(reader.read(path))
        corrections = None
        if all(ids):
            old_id, new_id = int(args.old), int(args.new)
            corrections = corrections_from_pairs(
                workspace.year_matches(old_id, new_id),
                [p.id for p in workspace.projects(old_id)], [p.id for p in workspace.projects(new_id)])
        return documents[0], documents[1], corrections
    finally:
        if workspace is not None:
            workspace.close()


def run(args: argparse.Namespace) -> int:
    from core.compare import compare_documents
    from core.compare.summary import summary_lines

    old, new, corrections = _load(args)
    comparison = compare_documents(old, new, corrections)
    if args.json:
        json.dump(comparison.to_json(), sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    else:
        print("\n".join(summary_lines(comparison)))
    return 0
