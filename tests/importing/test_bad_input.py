"""Bad input: a clear Chinese message naming the file, exit status 2, no traceback."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from core import errors
from core.importing import read_document
from main import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PDF = ROOT / "resources" / "samples" / "2025_lunan_shenpiju_A.pdf"
SAMPLE_DOCX = ROOT / "resources" / "samples" / "2025_lunan_shenpiju_A.docx"


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _garbage(path: Path) -> None:
    path.write_bytes(b"<html><body>not a pdf at all</body></html>\n" * 20)


def _truncated_pdf(path: Path) -> None:
    data = SAMPLE_PDF.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _truncated_docx(path: Path) -> None:
    data = SAMPLE_DOCX.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("hello.txt", "hi")


def _encrypted_pdf(path: Path) -> None:
    import pikepdf

    with pikepdf.open(SAMPLE_PDF) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner", R=6))


def _encrypted_docx(path: Path) -> None:
    # An encrypted OOXML package is an OLE compound file whose directory names EncryptedPackage.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024)


def _legacy_doc(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)


def _scanned_pdf(path: Path) -> None:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    image = Image.new("RGB", (300, 400), "white")
    for x in range(40, 260):
        image.putpixel((x, 100), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 50, 50, width=400, height=600)
    canvas.showPage()
    canvas.save()


def _no_tables_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("关于召开年度工作会议的通知")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "电话"
    document.save(str(path))


CASES: list[tuple[str, Callable[[Path], None], type[errors.DocumentError], str]] = [
    ("empty.pdf", _empty, errors.EmptyFileError, "空的"),
    ("empty.docx", _empty, errors.EmptyFileError, "空的"),
    ("fake.pdf", _garbage, errors.CorruptFileError, "不是 PDF"),
    ("truncated.pdf", _truncated_pdf, errors.CorruptFileError, "PDF"),
    ("truncated.docx", _truncated_docx, errors.CorruptFileError, "Word"),
    ("nodocument.docx", _zip_without_document, errors.CorruptFileError, "Word"),
    ("locked.pdf", _encrypted_pdf, errors.EncryptedFileError, "密码"),
    ("locked.docx", _encrypted_docx, errors.EncryptedFileError, "密码"),
    ("old.doc", _legacy_doc, errors.UnsupportedFormatError, ".docx"),
    ("scan.pdf", _scanned_pdf, errors.ScannedPdfError, "可能是扫描件，没有文字层"),
    ("notice.docx", _no_tables_docx, errors.NotAPerformanceDocumentError, "绩效目标表"),
    ("notes.txt", _garbage, errors.UnsupportedFormatError, ".docx、.pdf 和 .xlsx"),
]


@pytest.mark.parametrize(("name", "make", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_typed_error_names_the_file(tmp_path: Path, name: str, make: Callable[[Path], None],
                                    error: type[errors.DocumentError], words: str) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(error) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{name}：") and words in message


@pytest.mark.parametrize(("name", "make", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_cli_exit_status_2_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                             make: Callable[[Path], None], error: type, words: str) -> None:
    path = tmp_path / name
    make(path)
    status = main(["parse", str(path), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.startswith("错误：") and name in captured.err and words in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert not (tmp_path / "out" / f"{name}.json").exists()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(errors.DocumentError, match="找不到"):
        read_document(tmp_path / "nowhere.pdf")


def test_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    _scanned_pdf(bad)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "parse", str(bad), str(SAMPLE_DOCX),
                             "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert "错误：scan.pdf：" in result.stderr and "Traceback" not in result.stderr
    assert (out / f"{SAMPLE_DOCX.name}.json").is_file()
