"""Which reader reads a file: by extension, then by sniffing its first bytes.

Formats: PDF, Word .docx and Excel .xlsx/.xlsm. A ZIP is told apart by its parts
(`word/…` is a .docx, `xl/…` a workbook), so a file is read as what it is whatever
its name says. It also turns everything a reader library may throw at a bad file
into the typed, Chinese-worded errors of core.errors, naming the file: empty, not
what its name says, corrupt, password-protected (a PDF with a user password, or an
encrypted OOXML package, which is an OLE compound file holding "EncryptedPackage"),
and the legacy binary formats (.doc, .xls) with the advice to save them anew.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from core.errors import (
    Cancelled,
    CorruptFileError,
    DocumentError,
    EmptyFileError,
    EncryptedFileError,
    ScannedPdfError,
    UnsupportedFormatError,
    UserError,
)
from core.importing.layout import Layout
from core.progress import NoProgress, Progress

Reader = Callable[..., Layout]

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FORMAT_NAMES = {"pdf": "PDF", "docx": "Word（.docx）", "xlsx": "Excel（.xlsx）"}
EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx"}
# Legacy binary Excel (and what systems export under its name: HTML or XML tables).
LEGACY_EXCEL_EXTENSIONS = (".xls",)
OLD_EXCEL_ADVICE = "这是旧版 Excel 文件（.xls），无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后再导入。"
# No genuine part of a .docx or .xlsx (the text XML, an image) comes near this when unpacked.
DOCX_PART_MAX_BYTES = 256 * 1024 * 1024
# Nor does a text-layer budget document come near this on disk (a 1,000-page PDF is a few MB).
FILE_MAX_BYTES = 256 * 1024 * 1024


def check_file_size(path: Path) -> None:
    """Refuse a file too large to be a budget document before anything reads it into memory."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it will say what is wrong
    if size > FILE_MAX_BYTES:
        raise DocumentError(path, f"文件过大（{size / (1 << 20):.0f} MB，上限 {FILE_MAX_BYTES >> 20} MB），"
                                  "不像是预算绩效文本，已拒绝导入。")


def sniff(head: bytes) -> str | None:
    """"pdf", "zip" (.docx or .xlsx), "ole" (legacy .doc/.xls or encrypted OOXML) or None, from the first bytes."""
    if PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    return None


def ooxml_kind(data: bytes) -> str | None:
    """"docx" or "xlsx" by the package's parts; None for a ZIP that is neither or is unreadable."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None  # the reader its name points to says what is wrong
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    return None


def _is_encrypted_ooxml(data: bytes) -> bool:
    return "EncryptedPackage".encode("utf-16-le") in data


def _legacy_office_kind(data: bytes) -> str | None:
    """"word" or "excel" for an OLE file by its streams ("WordDocument"; "Workbook" or Excel 5's "Book")."""
    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("WordDocument"):
        return "word"
    return "excel" if has("Workbook") or has("Book\x00") else None


# Which reader reads a PDF: "pdfium" (the default: core.importing.pdfium_reader, pdfplumber
# where it cannot), "pdfplumber" (core.importing.pdf_reader only), or "pdfium-only" (no
# fallback: a test that must see the PDFium reader's own result). Set in the environment,
# so sandboxed child processes (core.importing.sandbox) read the same way.
PDF_READER_ENV = "JIXIAO_PDF_READER"
PDF_READERS = ("pdfium", "pdfplumber", "pdfium-only")


def pdf_reader_setting() -> str:
    """The PDF reader asked for by JIXIAO_PDF_READER; an unknown value means the default."""
    value = os.environ.get(PDF_READER_ENV, "").strip().lower()
    return value if value in PDF_READERS else "pdfium"


def _read_pdf(path: Path, sha256: str, progress: Progress) -> Layout:
    """PDFium first (C speed), pdfplumber where PDFium cannot: the fall-back is noted in the Layout."""
    setting = pdf_reader_setting()
    fallback: str | None = None
    if setting != "pdfplumber":
        from core.importing.pdfium_reader import read_pdf_pdfium

        try:
            return read_pdf_pdfium(path, sha256=sha256, progress=progress)
        except (Cancelled, MemoryError, ScannedPdfError):
            # A scan: PDFium read every page and found images without text; pdfminer would
            # read them all again to say the same.
            raise
        except Exception as error:  # whatever it is, pdfplumber reads the file (or says what is wrong)
            if setting == "pdfium-only":
                raise
            fallback = f"{type(error).__name__}: {error}"[:200]
    layout = _read_pdf_pdfplumber(path, sha256, progress)
    layout.pdf_fallback = fallback
    return layout


def _read_pdf_pdfplumber(path: Path, sha256: str, progress: Progress) -> Layout:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    from core.importing.pdf_reader import read_pdf

    try:
        return read_pdf(path, sha256=sha256, progress=progress)
    except UserError:
        raise
    except PdfminerException as error:
        cause = error.args[0] if error.args else error.__cause__
        if isinstance(cause, MemoryError):  # a resource limit, not damage: core.importing.sandbox reports it
            raise MemoryError() from error
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or isinstance(
                error.__cause__, PDFPasswordIncorrect | PDFEncryptionError):
            raise EncryptedFileError(path) from error
        raise CorruptFileError(path, "PDF 文件已损坏或不完整，无法读取（"
                               f"{type(cause).__name__}）。请重新导出或索取原件。") from error
    except (MalformedPDFException, OSError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, RecursionError) as error:
        raise CorruptFileError(path, f"PDF 文件结构有误，无法读取（{type(error).__name__}）。"
                               "请重新导出或索取原件。") from error


def _check_unpacked_size(path: Path, kind: str = "Word") -> None:
    """Refuse a ZIP member that would inflate beyond any real document part (a "zip bomb")."""
    with zipfile.ZipFile(path) as archive:
        biggest = max((info.file_size for info in archive.infolist()), default=0)
    if biggest > DOCX_PART_MAX_BYTES:
        raise CorruptFileError(path, f"{kind} 文件中有一个部件解压后超过 {DOCX_PART_MAX_BYTES // (1 << 20)} MB"
                                     f"（{biggest // (1 << 20)} MB），可能是恶意构造的压缩炸弹，已拒绝导入。")


def _read_docx(path: Path, sha256: str, progress: Progress) -> Layout:
    from docx.opc.exceptions import OpcError
    from lxml.etree import XMLSyntaxError

    from core.importing.docx_reader import read_docx

    try:
        _check_unpacked_size(path)
        return read_docx(path, sha256=sha256, progress=progress)
    except UserError:
        raise
    except (OpcError, zipfile.BadZipFile, KeyError, XMLSyntaxError, ValueError, OSError, EOFError,
            AttributeError, IndexError, zlib.error) as error:
        # lxml's own guards (a text run over 10 MB, entity expansion): hostile or absurd, not damaged.
        if isinstance(error, XMLSyntaxError) and any(
                sign in str(error) for sign in ("Resource limit exceeded", "amplification", "huge", "Excessive depth")):
            raise CorruptFileError(path, "Word 文件的内容超出了安全解析的上限（单段文字超过 10 MB、嵌套层数过多，或实体展开过多），"
                                         "可能是恶意构造的文件，已拒绝导入。") from error
        raise CorruptFileError(path, "Word 文件已损坏或不是有效的 .docx 文件，无法读取（"
                               f"{type(error).__name__}）。请用 Word/WPS 打开后另存为 .docx 再导入。") from error


def _read_xlsx(path: Path, sha256: str, progress: Progress) -> Layout:
    from xml.etree.ElementTree import ParseError

    from lxml.etree import XMLSyntaxError
    from openpyxl.utils.exceptions import InvalidFileException

    from core.importing.xlsx_reader import read_xlsx

    try:
        _check_unpacked_size(path, "Excel")
        return read_xlsx(path, sha256=sha256, progress=progress)
    except UserError:
        raise
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ParseError, XMLSyntaxError, ValueError,
            TypeError, OSError, EOFError, AttributeError, IndexError, zlib.error) as error:
        raise CorruptFileError(path, "Excel 文件已损坏或不是有效的 .xlsx 文件，无法读取（"
                               f"{type(error).__name__}）。请用 Excel/WPS 打开后另存为 .xlsx 再导入。") from error


READERS: dict[str, Callable[[Path, str, Progress], Layout]] = {"pdf": _read_pdf, "docx": _read_docx,
                                                                "xlsx": _read_xlsx}


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, or a DocumentError naming it (missing, a folder, unreadable, too large,
    or not a regular file: a FIFO, a device, a socket; see core.importing.source_file)."""
    from core.importing.source_file import read_source

    return read_source(path, FILE_MAX_BYTES)


def _zip_has_password(data: bytes) -> bool:
    """True when an entry of the ZIP carries the encryption flag (a ZIP password, as 7-Zip or
    WinRAR set it): reading it made zipfile raise RuntimeError, shown as an internal error."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(info.flag_bits & 0x1 for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False  # a damaged ZIP: its reader says what is wrong


def read_layout(path: str | Path, *, progress: Progress | None = None) -> Layout:
    """Read any supported file into a Layout, or raise a DocumentError naming it."""
    path = Path(path)
    progress = progress or NoProgress()
    data = read_file_bytes(path)
    if not data:
        raise EmptyFileError(path)
    sha256 = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    expected = EXTENSIONS.get(suffix)
    actual = sniff(data[:2048])
    if actual == "ole":
        if _is_encrypted_ooxml(data):
            raise EncryptedFileError(path)
        kind = _legacy_office_kind(data)
        if kind == "excel" or (kind is None and (suffix in LEGACY_EXCEL_EXTENSIONS or expected == "xlsx")):
            raise UnsupportedFormatError(path, OLD_EXCEL_ADVICE)
        raise UnsupportedFormatError(path, "这是旧版 Office 文件（.doc 等），请用 Word/WPS 另存为 .docx 后再导入。")
    if actual is None and suffix in LEGACY_EXCEL_EXTENSIONS:
        # Systems often export an HTML or XML table under the name .xls; Excel opens those too.
        raise UnsupportedFormatError(path, OLD_EXCEL_ADVICE)
    if actual == "zip":
        if _zip_has_password(data):
            raise EncryptedFileError(path)
        # A ZIP that is neither kind goes to the reader its name asks for, which says what is wrong.
        actual = ooxml_kind(data) or (expected if expected in ("docx", "xlsx") else "docx")
    if expected is not None and actual is None:
        raise CorruptFileError(path, f"扩展名是 {path.suffix}，但内容不是 {FORMAT_NAMES[expected]} 文件"
                                     "（可能已损坏、被截断，或是改了扩展名的其他文件）。")
    # A file with the wrong extension but a recognisable content is read as what it is.
    fmt = actual or expected
    if fmt is None:
        raise UnsupportedFormatError(path, "不支持的文件类型：只能导入 .docx、.pdf 和 .xlsx 文件。")
    return READERS[fmt](path, sha256, progress)
