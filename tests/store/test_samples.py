"""The shipped sample documents, read by the real importer, come back from the workspace unchanged."""

from __future__ import annotations

from pathlib import Path

from core.demo import sample_files
from core.importing import read_document
from core.store import Workspace


def test_sample_documents_round_trip(tmp_path: Path) -> None:
    files = sample_files()
    assert files, "resources/samples has no documents"
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        for path in files:
            doc = read_document(path)
            outcome = ws.import_document(doc, path.read_bytes(), path.name)
            assert outcome.document_id is not None
            assert ws.load_document(outcome.document_id) == doc, path.name
