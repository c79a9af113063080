"""Write the bad and hostile input documents the hardening tests import, into a folder.

    python -m tests.badinputs.generate OUT_DIR [--no-slow]    # writes the files, prints the list
    cases = generate(out_dir, slow=True)                        # -> list[BadInput]

Every case is built from the bundled sample documents (resources/samples) or from
scratch (python-docx, reportlab, pikepdf, hand-written PDF objects and ZIP archives),
so nothing here depends on the corpus outside the checkout. Each `BadInput` says what
the program must do with it:

    "reject"  a clear Chinese message naming the file, nothing written;
    "accept"  the file imports (a real document in an odd wrapper);
    "either"  importing or a clear message are both right (a damaged file that a
              tolerant reader may still recover), but never a traceback or a hang.

`message` (when set) is a fragment the rejection message must contain, so that a
password-protected file is not reported as "corrupt" and a scanned PDF says so.
The "slow" cases (1,000 pages, multi-gigabyte bombs) are built only with slow=True.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from core.names import shown

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
SAMPLE_DOCX = SAMPLES / "2025_lunan_shenpiju_A.docx"
SAMPLE_PDF = SAMPLES / "2025_lunan_shenpiju_A.pdf"
FONT_FILE = ROOT / "resources" / "fonts" / "wqy-microhei.ttf"

Expect = Literal["reject", "accept", "either"]

# Fragments of the rejection messages the user must see for these kinds of file.
MSG_ENCRYPTED = "密码"
MSG_SCANNED = "扫描件"
MSG_EMPTY = "空"
MSG_NOT_PERFORMANCE = "绩效目标表"
MSG_OLD_OFFICE = ".docx"
MSG_XML_LIMIT = "安全解析的上限"


@dataclass(frozen=True, slots=True)
class BadInput:
    """One generated file and what the program must do with it."""

    case: str          # short id, also the test id
    file: str          # the file's name in the output folder
    category: str      # empty, truncated, corrupt, extension, encrypted, scanned, structure, bomb, ...
    what: str          # what the file is, in a few words (for docs/RELIABILITY.md)
    expect: Expect
    message: str = ""  # a fragment the rejection message must contain
    slow: bool = False
    secret: str = ""   # text that must never reach the workspace (external entities)
    # A FIFO or a device (POSIX only): a regression would hang or fill the memory of the
    # process that reads it, so tests try these only in a process with a time-out and a
    # memory cap (tests/importing/test_source_file.py); benchmarks/reliability.py runs them all.
    special: bool = False


Builder = Callable[[Path], None]
_CASES: list[tuple[BadInput, Builder]] = []


def case(case_id: str, file: str, category: str, what: str, expect: Expect, *, message: str = "",
         slow: bool = False, secret: str = "", special: bool = False) -> Callable[[Builder], Builder]:
    """Register a builder that writes `file` into the folder it is given."""
    def register(build: Builder) -> Builder:
        _CASES.append((BadInput(case_id, file, category, what, expect, message, slow, secret, special), build))
        return build
    return register


# --- materials ----------------------------------------------------------------------------

def sample_docx() -> bytes:
    return SAMPLE_DOCX.read_bytes()


def sample_pdf() -> bytes:
    return SAMPLE_PDF.read_bytes()


def docx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def rewrite_docx(path: Path, change: Callable[[dict[str, bytes]], None], base: bytes | None = None) -> None:
    """The sample .docx with some parts replaced, added or removed."""
    parts = docx_parts(base or sample_docx())
    change(parts)
    write_zip(path, parts)


def document_xml(parts: dict[str, bytes]) -> str:
    return parts["word/document.xml"].decode("utf-8")


def with_doctype(xml: str, doctype: str) -> str:
    """Insert a DOCTYPE after the XML declaration (before the root element)."""
    end = xml.index("?>") + 2
    return xml[:end] + "\n" + doctype + xml[end:]


def replace_in_texts(xml: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the text of every <w:t> run (markup untouched)."""
    return re.sub(r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)", lambda m: m.group(1) + change(m.group(2)) + m.group(3), xml)


def new_docx(build: Callable[[object], None]) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def cid_canvas(target: io.BytesIO | Path, pages: tuple[float, float] | None = None) -> object:
    """A reportlab canvas with the built-in Adobe-GB1 CID font (STSong-Light) registered."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return Canvas(target if isinstance(target, io.BytesIO) else str(target), pagesize=pages or A4)


def ttf_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT_FILE), subfontIndex=0))
    return "WQY"


def raw_pdf(objects: list[bytes], root: int = 1, *, xref: bool = True) -> bytes:
    """A PDF from numbered object bodies (object i+1 is objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, start)
    return bytes(out)


def stream(data: bytes, *, deflate: bool = True, extra: bytes = b"") -> bytes:
    body = zlib.compress(data) if deflate else data
    filt = b" /Filter /FlateDecode" if deflate else b""
    return b"<< /Length %d%s%s >>\nstream\n" % (len(body), filt, extra) + body + b"\nendstream"


def one_page_pdf(content: bytes, *, deflate: bool = True) -> bytes:
    """A one-page PDF with Helvetica as /F1 and the given content stream."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content, deflate=deflate),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def repeated_deflate(prefix: bytes, chunk: bytes, count: int, suffix: bytes) -> tuple[bytes, int, int, int]:
    """Raw DEFLATE of prefix + chunk*count + suffix without compressing every copy.

    After a full flush the compressor starts from an empty window, so each copy of the
    chunk compresses to the same bytes: compress it once and repeat the output.
    Returns (compressed, crc32, adler32, uncompressed size).
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH)
    one = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.compress(suffix) + comp.flush(zlib.Z_FINISH)
    # Checksums of chunk*count by doubling (zlib's combine formulas), not by hashing gigabytes.
    crc, adler, length = zlib.crc32(prefix), zlib.adler32(prefix), len(prefix)
    block_crc, block_adler, block_len = zlib.crc32(chunk), zlib.adler32(chunk), len(chunk)
    remaining = count
    while remaining:
        if remaining & 1:
            crc = crc32_combine(crc, block_crc, block_len)
            adler = adler32_combine(adler, block_adler, block_len)
            length += block_len
        block_crc = crc32_combine(block_crc, block_crc, block_len)
        block_adler = adler32_combine(block_adler, block_adler, block_len)
        block_len *= 2
        remaining >>= 1
    crc = crc32_combine(crc, zlib.crc32(suffix), len(suffix))
    adler = adler32_combine(adler, zlib.adler32(suffix), len(suffix))
    return head + one * count + tail, crc, adler, length + len(suffix)


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, i = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[i]
        vector >>= 1
        i += 1
    return total


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC-32 of A+B from crc(A), crc(B) and len(B) (zlib's crc32_combine)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = [_gf2_times(odd, odd[n]) for n in range(32)]
    odd = [_gf2_times(even, even[n]) for n in range(32)]
    while True:
        even = [_gf2_times(odd, odd[n]) for n in range(32)]
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = [_gf2_times(even, even[n]) for n in range(32)]
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def adler32_combine(adler1: int, adler2: int, len2: int) -> int:
    """Adler-32 of A+B from adler(A), adler(B) and len(B) (zlib's adler32_combine)."""
    base = 65521
    rem = len2 % base
    sum1 = adler1 & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 = (sum1 + (adler2 & 0xFFFF) + base - 1) % base
    sum2 = (sum2 + ((adler1 >> 16) & 0xFFFF) + ((adler2 >> 16) & 0xFFFF) + base - rem) % base
    return sum1 | (sum2 << 16)


def raw_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """A ZIP of already-deflated members: (name, raw deflate, crc32, uncompressed size)."""
    with open(path, "wb") as out:
        central = bytearray()
        for name, data, crc, size in members:
            offset = out.tell()
            encoded = name.encode("utf-8")
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, len(data), size,
                                  len(encoded), 0) + encoded)
            out.write(data)
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc, len(data),
                                   size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
        start = out.tell()
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0))


def deflated(data: bytes) -> tuple[str, bytes, int, int]:
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    return "", comp.compress(data) + comp.flush(), zlib.crc32(data), len(data)


# --- empty and truncated ------------------------------------------------------------------

@case("empty_pdf", "空文件.pdf", "empty", "0 bytes, .pdf", "reject", message=MSG_EMPTY)
def _empty_pdf(path: Path) -> None:
    path.write_bytes(b"")


@case("empty_docx", "空文件.docx", "empty", "0 bytes, .docx", "reject", message=MSG_EMPTY)
def _empty_docx(path: Path) -> None:
    path.write_bytes(b"")


@case("blank_spaces_pdf", "只有空格.pdf", "empty", "only spaces and newlines, .pdf", "reject")
def _spaces_pdf(path: Path) -> None:
    path.write_bytes(b" \r\n\t " * 200)


@case("header_only_pdf", "只有文件头.pdf", "truncated", "nothing but %PDF-1.7", "reject")
def _header_only(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n")


@case("zip_header_only_docx", "只有文件头.docx", "truncated", "nothing but a ZIP signature", "reject")
def _zip_header_only(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04")


for _fraction in (0.1, 0.5, 0.9):
    _pct = int(_fraction * 100)

    @case(f"truncated_pdf_{_pct}", f"截断{_pct}.pdf", "truncated", f"sample PDF cut to its first {_pct}%", "either")
    def _truncated_pdf(path: Path, fraction: float = _fraction) -> None:
        data = sample_pdf()
        path.write_bytes(data[: int(len(data) * fraction)])

    @case(f"truncated_docx_{_pct}", f"截断{_pct}.docx", "truncated", f"sample DOCX cut to its first {_pct}%",
          "reject")
    def _truncated_docx(path: Path, fraction: float = _fraction) -> None:
        data = sample_docx()
        path.write_bytes(data[: int(len(data) * fraction)])


@case("docx_missing_last_byte", "少一个字节.docx", "truncated", "sample DOCX without its last byte", "either")
def _docx_minus_one(path: Path) -> None:
    path.write_bytes(sample_docx()[:-1])


# --- corrupt ------------------------------------------------------------------------------

@case("random_bytes_pdf", "随机字节.pdf", "corrupt", "64 KB of random bytes named .pdf", "reject")
def _random_pdf(path: Path) -> None:
    path.write_bytes(bytes((i * 7919 + 13) % 251 for i in range(65536)))


@case("random_bytes_docx", "随机字节.docx", "corrupt", "64 KB of random bytes named .docx", "reject")
def _random_docx(path: Path) -> None:
    path.write_bytes(bytes((i * 104729 + 7) % 253 for i in range(65536)))


@case("pdf_header_then_garbage", "头部正确其余乱码.pdf", "corrupt", "%PDF- header, then garbage", "reject")
def _pdf_garbage(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n" + bytes((i * 31 + 5) % 256 for i in range(20000)))


@case("pdf_scribbled_streams", "内容流损坏.pdf", "corrupt", "sample PDF with every compressed stream scribbled",
      "either")
def _pdf_scribbled(path: Path) -> None:
    data = bytearray(sample_pdf())
    for match in re.finditer(rb"stream\r?\n", bytes(data)):
        start = match.end() + 8
        data[start:start + 16] = b"\x00\xff" * 8
    path.write_bytes(bytes(data))


@case("docx_crc_mismatch", "压缩数据损坏.docx", "corrupt", "sample DOCX with document.xml's compressed bytes damaged",
      "reject")
def _docx_crc(path: Path) -> None:
    data = bytearray(sample_docx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 100, start + info.compress_size - 100, 997):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


@case("docx_malformed_xml", "XML不完整.docx", "corrupt", "document.xml cut in the middle of an element", "reject")
def _docx_malformed(path: Path) -> None:
    rewrite_docx(path, lambda p: p.__setitem__("word/document.xml", p["word/document.xml"][:50000]))


@case("docx_invalid_xml_chars", "非法XML字符.docx", "corrupt", "control characters (U+0001) inside w:t text",
      "reject")
def _docx_control(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        parts["word/document.xml"] = replace_in_texts(document_xml(parts), lambda t: t + "\x01\x02").encode()
    rewrite_docx(path, change)


@case("docx_no_content_types", "缺少内容类型.docx", "corrupt", "ZIP without [Content_Types].xml", "reject")
def _docx_no_types(path: Path) -> None:
    rewrite_docx(path, lambda p: p.pop("[Content_Types].xml"))


@case("docx_no_document_part", "缺少正文.docx", "corrupt", "ZIP without word/document.xml", "reject")
def _docx_no_body(path: Path) -> None:
    rewrite_docx(path, lambda p: p.pop("word/document.xml"))


@case("zip_of_other_files", "普通压缩包.docx", "corrupt", "a ZIP of two text files named .docx", "reject")
def _plain_zip(path: Path) -> None:
    write_zip(path, {"说明.txt": "这是一个普通压缩包。".encode(), "data/表格.csv": b"a,b\n1,2\n"})


@case("empty_zip", "空压缩包.docx", "corrupt", "an empty ZIP archive named .docx", "reject")
def _empty_zip(path: Path) -> None:
    write_zip(path, {})


# --- wrong extensions ---------------------------------------------------------------------

@case("docx_named_pdf", "实为Word.pdf", "extension", "the sample DOCX named .pdf", "accept")
def _docx_as_pdf(path: Path) -> None:
    path.write_bytes(sample_docx())


@case("pdf_named_docx", "实为PDF.docx", "extension", "the sample PDF named .docx", "accept")
def _pdf_as_docx(path: Path) -> None:
    path.write_bytes(sample_pdf())


@case("txt_named_docx", "文本文件.docx", "extension", "a UTF-8 text file named .docx", "reject")
def _txt_as_docx(path: Path) -> None:
    path.write_text("部门预算绩效目标\n项目名称\t预算数\n办公经费\t10.00\n" * 50, encoding="utf-8")


@case("txt_named_pdf", "文本文件.pdf", "extension", "a GBK text file named .pdf", "reject")
def _txt_as_pdf(path: Path) -> None:
    path.write_bytes("预算绩效目标表（GBK 编码文本）\n".encode("gbk") * 100)


@case("txt_extension", "绩效目标.txt", "extension", "a text file with the .txt extension", "reject")
def _txt(path: Path) -> None:
    path.write_text("一级指标\t二级指标\t三级指标\n产出指标\t数量指标\t完成率\n", encoding="utf-8")


@case("html_named_docx", "网页另存.docx", "extension", "Word's \"save as web page\" HTML named .docx", "reject")
def _html_as_docx(path: Path) -> None:
    path.write_text("<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><body><table><tr>"
                    "<td>一级指标</td><td>二级指标</td></tr></table></body></html>", encoding="utf-8")


@case("rtf_named_docx", "RTF格式.docx", "extension", "an RTF document named .docx", "reject")
def _rtf_as_docx(path: Path) -> None:
    path.write_bytes(rb"{\rtf1\ansi\ansicpg936 {\fonttbl{\f0 SimSun;}}\f0 \'d4\'a4\'cb\'e3\par}")


@case("png_named_pdf", "图片.pdf", "extension", "a PNG image named .pdf", "reject")
def _png_as_pdf(path: Path) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@case("legacy_doc_named_docx", "旧版Word.docx", "extension", "an OLE compound file (legacy .doc) named .docx",
      "reject", message=MSG_OLD_OFFICE)
def _legacy_doc(path: Path) -> None:
    path.write_bytes(cfb_file({"WordDocument": b"\xec\xa5" + b"\x00" * 1022}))


@case("legacy_doc", "旧版Word.doc", "extension", "an OLE compound file with the .doc extension", "reject",
      message=MSG_OLD_OFFICE)
def _legacy_doc_ext(path: Path) -> None:
    path.write_bytes(cfb_file({"WordDocument": b"\xec\xa5" + b"\x00" * 1022}))


@case("uppercase_extension", "大写扩展名.DOCX", "extension", "the sample DOCX with the extension in capitals",
      "accept")
def _upper(path: Path) -> None:
    path.write_bytes(sample_docx())


@case("no_extension", "没有扩展名", "extension", "the sample PDF without an extension", "either")
def _no_ext(path: Path) -> None:
    path.write_bytes(sample_pdf())


# --- password-protected -------------------------------------------------------------------

def cfb_file(streams: dict[str, bytes]) -> bytes:
    """A minimal valid OLE compound file (CFB v3, 512-byte sectors) holding the given streams.

    Each stream is stored in regular sectors (padded to 4096 bytes so that the mini
    stream is not needed); enough for a reader to find the directory entries.
    """
    sector = 512
    data_sectors: list[bytes] = []
    entries: list[tuple[str, int, int, int]] = []  # name, type, start sector, size
    for name, content in streams.items():
        content = content + b"\x00" * max(0, 4096 - len(content))
        start = len(data_sectors)
        for i in range(0, len(content), sector):
            data_sectors.append(content[i:i + sector].ljust(sector, b"\x00"))
        entries.append((name, 2, start, len(content)))
    n_dir = 1 + (len(entries) + 1 + 3) // 4  # room for root + streams (4 entries per sector)
    dir_start = len(data_sectors)
    fat_start = dir_start + n_dir
    chains: list[int] = []
    for _name, _, start, size in entries:
        count = size // sector
        chains += [start + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
    chains += [dir_start + i + 1 for i in range(n_dir - 1)] + [0xFFFFFFFE]
    chains += [0xFFFFFFFD]  # the FAT sector itself
    fat = chains + [0xFFFFFFFF] * (sector // 4 - len(chains))

    def entry(name: str, kind: int, start: int, size: int, child: int, right: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBBIII", len(encoded), kind, 1, 0xFFFFFFFF, right, child)
                + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16 + struct.pack("<IIHH", start, size, 0, 0))

    directory = [entry("Root Entry", 5, 0xFFFFFFFE, 0, 1 if entries else 0xFFFFFFFF, 0xFFFFFFFF)]
    for i, (name, kind, start, size) in enumerate(entries, start=1):
        right = i + 1 if i < len(entries) else 0xFFFFFFFF
        directory.append(entry(name, kind, start, size, 0xFFFFFFFF, right))
    blob = b"".join(directory).ljust(n_dir * sector, b"\x00")
    header = (bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, dir_start, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", fat_start) + b"\xff" * (436 - 4))
    return header + b"".join(data_sectors) + blob + b"".join(struct.pack("<I", x) for x in fat)


@case("encrypted_docx", "加密的.docx", "encrypted", "an encrypted OOXML package (OLE file with EncryptedPackage)",
      "reject", message=MSG_ENCRYPTED)
def _encrypted_docx(path: Path) -> None:
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption '
        b'xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" '
        b'keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
        b'hashAlgorithm="SHA512"/></encryption>')
    path.write_bytes(cfb_file({"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", 45063) + b"\x17" * 4000}))


@case("encrypted_pdf_aes256", "加密AES256.pdf", "encrypted", "sample PDF with a user password (AES-256, R6)",
      "reject", message=MSG_ENCRYPTED)
def _encrypted_aes(path: Path) -> None:
    import pikepdf

    with pikepdf.open(SAMPLE_PDF) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="1234", owner="5678", R=6))


@case("encrypted_pdf_rc4", "加密RC4.pdf", "encrypted", "sample PDF with a user password (RC4 128, R4)", "reject",
      message=MSG_ENCRYPTED)
def _encrypted_rc4(path: Path) -> None:
    import pikepdf

    with pikepdf.open(SAMPLE_PDF) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="abc", owner="xyz", R=4, aes=False, metadata=False))


@case("owner_password_pdf", "仅权限密码.pdf", "encrypted", "sample PDF with an owner password only (opens freely)",
      "accept")
def _owner_only(path: Path) -> None:
    import pikepdf

    with pikepdf.open(SAMPLE_PDF) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="", owner="owner", R=6,
                                                     allow=pikepdf.Permissions(extract=False)))


# --- scanned and empty documents ----------------------------------------------------------

def _page_image(width: int = 400, height: int = 560) -> object:
    from reportlab.lib.utils import ImageReader

    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            ink = 0 if (y % 40 < 2 or x % 80 < 2 or (y // 8 + x // 8) % 17 == 0) else 255
            row += bytes((ink, ink, ink))
        rows.append(b"\x00" + bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))
    return ImageReader(io.BytesIO(png))


@case("scanned_pdf", "扫描件.pdf", "scanned", "3 pages of images only (reportlab drawImage), no text layer", "reject",
      message=MSG_SCANNED)
def _scanned(path: Path) -> None:
    canvas = cid_canvas(path)
    image = _page_image()
    for _ in range(3):
        canvas.drawImage(image, 40, 60, width=515, height=720)  # type: ignore[attr-defined]
        canvas.showPage()  # type: ignore[attr-defined]
    canvas.save()  # type: ignore[attr-defined]


@case("blank_page_pdf", "空白页.pdf", "scanned", "one blank page, no text and no image", "reject",
      message="既没有文字也没有图片")
def _blank_page(path: Path) -> None:
    canvas = cid_canvas(path)
    canvas.showPage()  # type: ignore[attr-defined]
    canvas.save()  # type: ignore[attr-defined]


@case("zero_pages_pdf", "零页.pdf", "structure", "a PDF whose page tree has no pages", "reject",
      message="没有可读的页面")
def _zero_pages(path: Path) -> None:
    path.write_bytes(raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))


@case("blank_docx", "空白文档.docx", "empty", "a valid DOCX with no text at all", "reject",
      message=MSG_NOT_PERFORMANCE)
def _blank_docx(path: Path) -> None:
    path.write_bytes(new_docx(lambda d: None))


# --- PDF structure ------------------------------------------------------------------------

@case("pdf_broken_xref", "交叉引用表错误.pdf", "structure", "sample PDF with every xref offset wrong", "either")
def _broken_xref(path: Path) -> None:
    data = sample_pdf()
    start = data.rindex(b"\nxref") + 1
    table = re.sub(rb"\d{10} 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(0)[:10]) // 2 + 7),
                   data[start:])
    path.write_bytes(data[:start] + table)


@case("pdf_no_xref", "没有交叉引用表.pdf", "structure", "sample PDF with xref table and trailer removed", "either")
def _no_xref(path: Path) -> None:
    data = sample_pdf()
    path.write_bytes(data[: data.rindex(b"\nxref") + 1] + b"%%EOF\n")


@case("pdf_startxref_past_end", "startxref越界.pdf", "structure", "startxref pointing beyond the end of the file",
      "either")
def _startxref(path: Path) -> None:
    data = sample_pdf()
    path.write_bytes(re.sub(rb"startxref\s+\d+", b"startxref\n999999999", data))


@case("pdf_page_tree_loop", "页面树循环.pdf", "structure", "a page tree whose /Kids contains itself", "reject")
def _page_loop(path: Path) -> None:
    path.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]))


@case("pdf_deep_arrays", "深层嵌套数组.pdf", "structure", "an object of 50,000 nested arrays on the page", "either")
def _deep_arrays(path: Path) -> None:
    depth = 50000
    path.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Deep 5 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
        stream(b"BT /F1 12 Tf 72 720 Td (Deep) Tj ET"),
        b"[" * depth + b"]" * depth,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]))


@case("pdf_reference_cycle", "对象循环引用.pdf", "structure", "objects referring to each other in a ring, as resources",
      "either")
def _ref_cycle(path: Path) -> None:
    path.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 5 0 R >>",
        stream(b"BT /F1 12 Tf 72 720 Td (Ring) Tj ET"),
        b"<< /Font << /F1 7 0 R >> /XObject 6 0 R >>",
        b"<< /X1 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Widths 7 0 R >>",
    ]))


@case("pdf_lying_length", "流长度错误.pdf", "structure", "content streams whose /Length is far too large", "either")
def _lying_length(path: Path) -> None:
    data = re.sub(rb"/Length \d+", b"/Length 99999999", sample_pdf())
    path.write_bytes(data)


@case("pdf_javascript", "含脚本.pdf", "structure", "sample PDF with an /OpenAction JavaScript and a /Launch action",
      "accept")
def _javascript(path: Path) -> None:
    import pikepdf

    with pikepdf.open(SAMPLE_PDF) as pdf:
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('x')"))
        pdf.Root.AA = pikepdf.Dictionary(WC=pikepdf.Dictionary(S=pikepdf.Name.Launch,
                                                               F=pikepdf.String("/bin/sh")))
        pdf.save(path)


@case("pdf_spreadsheet", "报表另存.pdf", "other-kind", "a ruled ledger table (spreadsheet saved as PDF)", "reject",
      message=MSG_NOT_PERFORMANCE)
def _spreadsheet_pdf(path: Path) -> None:
    canvas = cid_canvas(path)
    font = ttf_font()
    headers = ["序号", "科目编码", "科目名称", "1月", "2月", "3月", "合计"]
    for page in range(2):
        y = 780
        canvas.setFont(font, 14)  # type: ignore[attr-defined]
        canvas.drawString(180, 800, f"2025年度收支明细账（第{page + 1}页）")  # type: ignore[attr-defined]
        canvas.setFont(font, 9)  # type: ignore[attr-defined]
        for row in range(30):
            cells = headers if row == 0 else [str(row), f"5010{row:02d}", f"支出科目{row}",
                                              f"{row * 123.4:,.2f}", f"{row * 56.7:,.2f}", f"{row * 8.9:,.2f}",
                                              f"{row * 189.0:,.2f}"]
            for col, text in enumerate(cells):
                x = 40 + col * 74
                canvas.rect(x, y - 4, 74, 22)  # type: ignore[attr-defined]
                canvas.drawString(x + 3, y + 3, text)  # type: ignore[attr-defined]
            y -= 22
        canvas.showPage()  # type: ignore[attr-defined]
    canvas.save()  # type: ignore[attr-defined]


@case("pdf_contract", "服务合同.pdf", "other-kind", "a service contract in PDF (CID font STSong-Light)", "reject",
      message=MSG_NOT_PERFORMANCE)
def _contract_pdf(path: Path) -> None:
    canvas = cid_canvas(path)
    canvas.setFont("STSong-Light", 12)  # type: ignore[attr-defined]
    lines = ["物业服务合同", "甲方：某某市财政局", "乙方：某某物业管理有限公司",
             "第一条 服务内容：办公楼保洁、安保、设备维护。", "第二条 合同金额：人民币壹佰贰拾万元整（1,200,000.00元）。",
             "第三条 付款方式：按季度支付，每季度末支付合同金额的25%。", "第四条 违约责任：按《民法典》有关规定执行。"]
    for i, line in enumerate(lines):
        canvas.drawString(60, 780 - i * 24, line)  # type: ignore[attr-defined]
    canvas.showPage()  # type: ignore[attr-defined]
    canvas.save()  # type: ignore[attr-defined]


@case("pdf_hang_text_ops", "海量文字指令.pdf", "limits",
      "one page whose content stream draws 3 million characters (slow for pdfminer)", "reject", slow=True,
      message="秒")
def _many_ops(path: Path) -> None:
    op = b"BT /F1 1 Tf 100 100 Td (ab) Tj ET\n"
    body = zlib_stream(repeated_deflate(b"", op * 30000, 50, b""))
    path.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        body,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]))


def zlib_stream(raw: tuple[bytes, int, int, int]) -> bytes:
    """A PDF FlateDecode stream object around `repeated_deflate` output (zlib header and Adler-32)."""
    data = b"\x78\xda" + raw[0] + struct.pack(">I", raw[2])
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"


@case("pdf_flate_bomb", "压缩炸弹.pdf", "bomb", "a content stream inflating to 3 GB of spaces", "reject", slow=True,
      message="内存")
def _pdf_bomb(path: Path) -> None:
    body = zlib_stream(repeated_deflate(b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n", b" " * (1 << 20), 3072, b"\n"))
    path.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        body,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]))


@case("pdf_1000_pages", "一千页.pdf", "limits", "1,000 pages of text lines and a ruled box each", "either", slow=True)
def _thousand_pages(path: Path) -> None:
    canvas = cid_canvas(path)
    for page in range(1000):
        canvas.setFont("STSong-Light", 10)  # type: ignore[attr-defined]
        canvas.drawString(60, 800, f"第{page + 1}页 附件：资金明细")  # type: ignore[attr-defined]
        canvas.rect(60, 700, 470, 60)  # type: ignore[attr-defined]
        canvas.drawString(70, 730, f"支出事项{page + 1}：{page * 1.5:.2f}万元")  # type: ignore[attr-defined]
        canvas.showPage()  # type: ignore[attr-defined]
    canvas.save()  # type: ignore[attr-defined]


# --- DOCX structure and hostile XML -------------------------------------------------------

HOSTNAME_SECRET = Path("/etc/hostname").read_text(encoding="utf-8").strip() if Path("/etc/hostname").is_file() else ""


@case("docx_xxe_file", "外部实体.docx", "xml", "document.xml with an external entity to file:///etc/hostname",
      "either", secret=HOSTNAME_SECRET)
def _xxe(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        xml = with_doctype(document_xml(parts), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>')
        xml = xml.replace("<w:t>", "<w:t>&xxe;", 3)
        parts["word/document.xml"] = xml.encode()
    rewrite_docx(path, change)


@case("docx_xxe_network", "外部DTD.docx", "xml", "styles.xml pulling an external DTD from http://127.0.0.1:9/",
      "either")
def _xxe_dtd(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        xml = parts["word/styles.xml"].decode()
        parts["word/styles.xml"] = with_doctype(
            xml, '<!DOCTYPE w:styles SYSTEM "http://127.0.0.1:9/evil.dtd">').encode()
    rewrite_docx(path, change)


@case("docx_billion_laughs", "十亿笑.docx", "xml", "document.xml with the billion laughs entity expansion",
      "reject", message=MSG_XML_LIMIT)
def _laughs(path: Path) -> None:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'
                                           for i in range(1, 10)]
    def change(parts: dict[str, bytes]) -> None:
        xml = with_doctype(document_xml(parts), "<!DOCTYPE w:document [" + "".join(entities) + "]>")
        parts["word/document.xml"] = xml.replace("<w:t>", "<w:t>&lol9;", 1).encode()
    rewrite_docx(path, change)


@case("docx_quadratic_blowup", "大实体重复引用.docx", "xml", "one 100 KB entity referenced 20,000 times", "either")
def _quadratic(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        xml = with_doctype(document_xml(parts), '<!DOCTYPE w:document [<!ENTITY big "' + "哈" * 100000 + '">]>')
        parts["word/document.xml"] = xml.replace("<w:t>", "<w:t>" + "&big;" * 20000, 1).encode()
    rewrite_docx(path, change)


def _nested_tables_xml(depth: int) -> str:
    inner = "<w:p><w:r><w:t>最内层</w:t></w:r></w:p>"
    for level in range(depth):
        inner = (f"<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr><w:tc>"
                 f"<w:p><w:r><w:t>第{level}层</w:t></w:r></w:p>{inner}<w:p/></w:tc></w:tr></w:tbl>")
    return inner


@case("docx_nested_tables_deep", "深层嵌套表格.docx", "structure", "a table nested 2,000 levels deep", "reject",
      message=MSG_XML_LIMIT)
def _nested_deep(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        xml = document_xml(parts)
        body = xml.index("<w:body>") + len("<w:body>")
        parts["word/document.xml"] = (xml[:body] + _nested_tables_xml(2000) + "<w:p/>" + xml[body:]).encode()
    rewrite_docx(path, change, base=new_docx(lambda d: None))


@case("docx_nested_tables_in_sample", "表格内嵌表格.docx", "structure",
      "the sample with 30-deep nested tables placed before its content", "either")
def _nested_in_sample(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        xml = document_xml(parts)
        body = xml.index("<w:body>") + len("<w:body>")
        parts["word/document.xml"] = (xml[:body] + _nested_tables_xml(30) + "<w:p/>" + xml[body:]).encode()
    rewrite_docx(path, change)


@case("docx_10mb_cell", "单元格10MB.docx", "limits", "a one-cell table holding 10 MB of text", "reject")
def _big_cell(path: Path) -> None:
    text = ("预算绩效目标" * 100 + "\n") * 5800  # ~10.5 MB of UTF-8
    def build(document: object) -> None:
        table = document.add_table(rows=1, cols=1)  # type: ignore[attr-defined]
        table.cell(0, 0).text = text
    path.write_bytes(new_docx(build))


@case("docx_10mb_cell_in_sample", "指标单元格10MB.docx", "limits",
      "the sample with one indicator value cell of 10 MB", "either")
def _big_cell_sample(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        xml = document_xml(parts)
        parts["word/document.xml"] = xml.replace("≥95%", "≥95%" + "。" * 3_500_000, 1).encode()
    rewrite_docx(path, change)


@case("docx_many_columns", "一千列表格.docx", "limits", "a table of 3 rows by 1,000 columns", "reject")
def _many_columns(path: Path) -> None:
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc>" for i in range(1000))
    grid = "<w:tblGrid>" + "<w:gridCol w:w=\"10\"/>" * 1000 + "</w:tblGrid>"
    table = "<w:tbl>" + grid + ("<w:tr>" + cells + "</w:tr>") * 3 + "</w:tbl><w:p/>"
    def change(parts: dict[str, bytes]) -> None:
        xml = document_xml(parts)
        body = xml.index("<w:body>") + len("<w:body>")
        parts["word/document.xml"] = (xml[:body] + table + xml[body:]).encode()
    rewrite_docx(path, change, base=new_docx(lambda d: None))


@case("docx_bad_gridspan", "合并单元格越界.docx", "structure",
      "sample with absurd w:gridSpan (100000) and w:vMerge without a start", "either")
def _bad_span(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        xml = document_xml(parts)
        xml = re.sub(r'<w:gridSpan w:val="\d+"/>', '<w:gridSpan w:val="100000"/>', xml, count=2)
        xml = xml.replace("<w:tcPr>", '<w:tcPr><w:vMerge/>', 5)
        parts["word/document.xml"] = xml.encode()
    rewrite_docx(path, change)


@case("docx_zip_bomb", "压缩炸弹.docx", "bomb", "word/document.xml inflating to 3 GB (whitespace between elements)",
      "reject", slow=True, message="压缩炸弹")
def _docx_bomb(path: Path) -> None:
    parts = docx_parts(sample_docx())
    xml = parts.pop("word/document.xml")
    cut = xml.index(b"<w:body>") + len(b"<w:body>")
    data, crc, _, size = repeated_deflate(xml[:cut], b" " * (1 << 20), 3072, xml[cut:])
    members = [(name, *deflated(content)[1:]) for name, content in parts.items()]
    raw_zip(path, [("word/document.xml", data, crc, size), *members])


@case("docx_zip_bomb_small", "压缩比异常.docx", "bomb", "an extra part inflating to 300 MB (not referenced)",
      "either")
def _docx_bomb_small(path: Path) -> None:
    parts = docx_parts(sample_docx())
    members = [(name, *deflated(content)[1:]) for name, content in parts.items()]
    data, crc, _, size = repeated_deflate(b"", b"\x00" * (1 << 20), 300, b"")
    raw_zip(path, [*members, ("word/media/padding.bin", data, crc, size)])


@case("docx_path_traversal", "路径穿越.docx", "xml", "sample with extra ZIP members named ../../evil and /etc/x",
      "accept")
def _traversal(path: Path) -> None:
    rewrite_docx(path, lambda p: p.update({"../../evil.txt": b"evil", "/etc/evil.txt": b"evil"}))


@case("docx_contract", "采购合同.docx", "other-kind", "a procurement contract with a price table", "reject",
      message=MSG_NOT_PERFORMANCE)
def _contract_docx(path: Path) -> None:
    def build(document: object) -> None:
        document.add_heading("政府采购合同", 0)  # type: ignore[attr-defined]
        for line in ("甲方（采购人）：某某市财政局", "乙方（供应商）：某某信息技术有限公司",
                     "根据《中华人民共和国政府采购法》，双方签订本合同。"):
            document.add_paragraph(line)  # type: ignore[attr-defined]
        table = document.add_table(rows=4, cols=4)  # type: ignore[attr-defined]
        for r, row in enumerate([["序号", "货物名称", "数量", "金额（元）"], ["1", "服务器", "2", "120,000.00"],
                                 ["2", "交换机", "4", "36,000.00"], ["合计", "", "", "156,000.00"]]):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    path.write_bytes(new_docx(build))


@case("docx_spreadsheet", "工资表.docx", "other-kind", "a salary sheet: one large numeric table", "reject",
      message=MSG_NOT_PERFORMANCE)
def _sheet_docx(path: Path) -> None:
    def build(document: object) -> None:
        table = document.add_table(rows=60, cols=8)  # type: ignore[attr-defined]
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = ("姓名" if c == 0 else f"项{c}") if r == 0 else f"{r * c * 101.5:,.2f}"
    path.write_bytes(new_docx(build))


@case("docx_only_headings", "只有标题.docx", "other-kind",
      "the performance section headings with no tables under them", "reject", message=MSG_NOT_PERFORMANCE)
def _headings(path: Path) -> None:
    def build(document: object) -> None:
        for line in ("第一部分 部门整体绩效目标", "一、总体绩效目标", "二、分项绩效目标", "第二部分 预算项目绩效目标",
                     "1.办公经费绩效目标表"):
            document.add_paragraph(line)  # type: ignore[attr-defined]
    path.write_bytes(new_docx(build))


# --- encodings and odd characters ---------------------------------------------------------

@case("docx_utf16_xml", "UTF16编码.docx", "encoding", "document.xml stored as UTF-16 with a BOM", "accept")
def _utf16(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        xml = document_xml(parts).replace("encoding='UTF-8'", "encoding='UTF-16'", 1)
        parts["word/document.xml"] = xml.encode("utf-16")
    rewrite_docx(path, change)


@case("docx_gb18030_xml", "GB18030编码.docx", "encoding", "document.xml declared and stored as GB18030", "either")
def _gb18030(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        xml = document_xml(parts).replace("encoding='UTF-8'", "encoding='GB18030'", 1)
        parts["word/document.xml"] = xml.encode("gb18030")
    rewrite_docx(path, change)


@case("docx_utf8_bom", "带BOM.docx", "encoding", "every XML part starting with a UTF-8 byte order mark", "accept")
def _bom(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        for name in list(parts):
            if name.endswith(".xml") or name.endswith(".rels"):
                parts[name] = b"\xef\xbb\xbf" + parts[name]
    rewrite_docx(path, change)


FULLWIDTH = str.maketrans("0123456789.%,", "０１２３４５６７８９．％，")


@case("docx_fullwidth_digits", "全角数字.docx", "encoding", "every digit, point, comma and % in full width", "accept")
def _fullwidth(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        parts["word/document.xml"] = replace_in_texts(document_xml(parts), lambda t: t.translate(FULLWIDTH)).encode()
    rewrite_docx(path, change)


@case("docx_odd_unicode", "罕见字符.docx", "encoding",
      "text with CJK Ext-B, emoji, zero-width spaces, NBSP and RTL marks", "accept")
def _odd_unicode(path: Path) -> None:
    odd = "\U00020000\u200b\u00a0\u200f😀"
    def change(parts: dict[str, bytes]) -> None:
        parts["word/document.xml"] = replace_in_texts(
            document_xml(parts), lambda t: t.replace("经费", "经" + odd + "费")).encode()
    rewrite_docx(path, change)


@case("docx_numeric_entities", "字符引用.docx", "encoding", "all CJK text written as &#x....; character references",
      "accept")
def _char_refs(path: Path) -> None:
    def change(parts: dict[str, bytes]) -> None:
        parts["word/document.xml"] = replace_in_texts(
            document_xml(parts), lambda t: "".join(f"&#x{ord(c):x};" if ord(c) > 0x2E80 else c for c in t)).encode()
    rewrite_docx(path, change)


@case("pdf_cid_font_text", "CID字体.pdf", "encoding",
      "text in the non-embedded Adobe-GB1 CID font STSong-Light (not a performance document)", "reject",
      message=MSG_NOT_PERFORMANCE)
def _cid_text(path: Path) -> None:
    canvas = cid_canvas(path)
    canvas.setFont("STSong-Light", 12)  # type: ignore[attr-defined]
    for i, line in enumerate(("关于印发会议纪要的通知", "各科室：现将会议纪要印发给你们，请认真贯彻落实。")):
        canvas.drawString(60, 780 - i * 24, line)  # type: ignore[attr-defined]
    canvas.showPage()  # type: ignore[attr-defined]
    canvas.save()  # type: ignore[attr-defined]


@case("pdf_no_unicode_map", "无编码映射.pdf", "encoding", "text in a Type3-less font with no ToUnicode (glyph codes only)",
      "reject")
def _no_tounicode(path: Path) -> None:
    path.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"BT /F1 12 Tf 72 720 Td <0102030405060708> Tj ET"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Unknown /Encoding /Identity-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Unknown "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>",
    ]))


# --- the file system ----------------------------------------------------------------------

@case("folder_named_docx", "文件夹.docx", "filesystem", "a folder whose name ends in .docx", "reject",
      message="文件夹")
def _folder(path: Path) -> None:
    path.mkdir()


@case("missing_file", "不存在.pdf", "filesystem", "a path that does not exist", "reject", message="找不到")
def _missing(path: Path) -> None:
    return None


@case("huge_file", "超大文件.pdf", "limits", "a 300 MB file (sparse: %PDF- then zeros)", "reject",
      message="文件过大")
def _huge(path: Path) -> None:
    with open(path, "wb") as out:
        out.write(b"%PDF-1.7\n")
        out.truncate(300 * 1024 * 1024)


@case("odd_file_name", "审核 (最终版) ＃1 — 副本.docx", "filesystem",
      "a corrupt DOCX with spaces, brackets and full-width signs in its name", "reject")
def _odd_name(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)


@case("fifo_named_pdf", "管道.pdf", "filesystem", "a named pipe (FIFO) called .pdf: opening it waits for a writer",
      "reject", message="命名管道", special=True)
def _fifo(path: Path) -> None:
    os.mkfifo(path)


@case("link_to_dev_zero", "零设备.pdf", "limits", "a symbolic link to /dev/zero (endless zeros)", "reject",
      message="设备文件", special=True)
def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


@case("xlsx_named_docx", "表格改名.docx", "extension", "an Excel workbook (a small list, no targets) renamed .docx",
      "reject", message="Excel 工作簿")
def _xlsx_named_docx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["序号", "姓名", "金额"], [1, "张三", 1200], [2, "李四", 980]):
        sheet.append(row)
    book.save(path)


def set_zip_encryption_flags(data: bytes) -> bytes:
    """The ZIP with bit 0 ("encrypted") of every entry's flags set, in its local and central headers."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    for info in infos:
        out[info.header_offset + 6] |= 1
    central = out.find(b"PK\x01\x02")
    while central >= 0:
        out[central + 8] |= 1
        central = out.find(b"PK\x01\x02", central + 46)
    return bytes(out)


@case("zip_encryption_flag", "加密标志.docx", "encrypted",
      "the sample DOCX with the ZIP encryption flag set on every entry (a ZIP password)", "reject",
      message=MSG_ENCRYPTED)
def _zip_encrypted(path: Path) -> None:
    path.write_bytes(set_zip_encryption_flags(sample_docx()))


@case("name_with_newline", "a\n错误：伪造.docx", "names",
      "a damaged DOCX whose name holds a newline followed by a fake 错误： line", "reject", message="Word 文件已损坏")
def _newline_name(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)


@case("name_not_utf8", ("审核文件".encode("gbk") + b".docx").decode("utf-8", "surrogateescape"), "names",
      "the sample DOCX under a GBK-encoded name (not UTF-8), as unpacked from a Windows archive", "accept")
def _gbk_name(path: Path) -> None:
    path.write_bytes(sample_docx())


@case("name_253_bytes", "长" * 82 + "xx.docx", "names", "the sample DOCX under a 253-byte name", "accept")
def _long_name(path: Path) -> None:
    path.write_bytes(sample_docx())


@case("amount_million_digits", "百万位金额.docx", "limits",
      "the sample DOCX with a budget and a cost target of 1,000,001 digits", "accept")
def _million_digits(path: Path) -> None:
    digits = "9" * 1_000_001

    def change(parts: dict[str, bytes]) -> None:
        xml = document_xml(parts).replace(">1.80<", f">{digits}<", 1).replace(">1.8万元<", f">{digits}万元<", 1)
        parts["word/document.xml"] = xml.encode("utf-8")

    rewrite_docx(path, change)


# --- the public entry point ---------------------------------------------------------------

def all_cases(*, slow: bool = True) -> list[BadInput]:
    return [spec for spec, _ in _CASES if slow or not spec.slow]


def generate(out_dir: str | Path, *, slow: bool = True, only: set[str] | None = None) -> list[BadInput]:
    """Write every case's file into out_dir (created); returns the cases written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for spec, build in _CASES:
        if (spec.slow and not slow) or (only is not None and spec.case not in only):
            continue
        target = out / spec.file
        if not target.exists():
            build(target)
        written.append(spec)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="write the bad-input documents into a folder")
    parser.add_argument("out_dir")
    parser.add_argument("--no-slow", action="store_true", help="leave out the slow (huge) cases")
    args = parser.parse_args(argv)
    for spec in generate(args.out_dir, slow=not args.no_slow):
        print(f"{spec.case:32} {spec.expect:7} {shown(spec.file)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
