"""File names and typed-in text made safe to store and to show on one line.

Two things a name can carry break the program's output:

- Bytes that are not UTF-8. On Linux a file name is bytes; Python hands a name that is
  not valid UTF-8 over with each bad byte as a lone surrogate (U+DC80–U+DCFF), which
  neither SQLite nor a UTF-8 terminal can take (UnicodeEncodeError). Such names come
  from archives packed on Chinese Windows, so the bytes are read as GB18030 when they
  are valid GB18030, and otherwise each undecodable byte becomes U+FFFD.
- Control characters. A newline in a file name printed `a` on one line and
  `错误：伪造.docx` as a fake error on the next. They are written as escapes the way
  Python's repr() writes them (`\\n`, `\\x1b`), as are the Unicode line and paragraph
  separators and the bidirectional overrides, which can make `exe.docx` read backwards.

    from_os(text)   # the same text, with undecodable bytes repaired
    shown(name)     # from_os, then control characters escaped: one printable line

And the two names every list derives the same way, in one place each:

    department_label("113", "唐山市人民政府办公室")   # "113 唐山市人民政府办公室" (the name alone
                                                     # for a department keyed by its name)
    project_display_name(name, title)                 # 项目名称, else the table title
"""

from __future__ import annotations

import re

# The bytes Python's "surrogateescape" error handler stands in for, and any other lone
# surrogate (Windows names may hold unpaired UTF-16 halves).
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# C0 and C1 controls and DEL, the line and paragraph separators, the bidi embeddings,
# overrides and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def from_os(text: str) -> str:
    """`text` with the bytes that were not UTF-8 decoded as GB18030, or as U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    if _ESCAPED_BYTE.search(text):
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # surrogates outside the escaped-byte range as well
            pass
        else:
            for encoding in ("utf-8", "gb18030"):
                try:
                    return raw.decode(encoding)
                except UnicodeDecodeError:
                    continue
            return raw.decode("utf-8", "replace")
    return _SURROGATE.sub("\ufffd", text)


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(name: object) -> str:
    """A file name, path or typed-in text as one printable line (see the module docstring)."""
    text = from_os(str(name))
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


# A department whose documents gave no code is keyed by its name: code = NAME_KEY_PREFIX + name.
NAME_KEY_PREFIX = "名称:"


def department_label(code: str | None, name: str, region: str | None = None) -> str:
    """How lists name a department (or a budget unit): "113 唐山市人民政府办公室"; the name
    alone when there is no code or the code is the name key (NAME_KEY_PREFIX); with
    `region`, the region first: "唐山市 113 唐山市人民政府办公室"."""
    code = code or ""
    label = name.strip() if code.startswith(NAME_KEY_PREFIX) else f"{code} {name}".strip()
    return f"{region.strip()} {label}".strip() if region and region.strip() else label


def project_display_name(name: str | None, title: str | None) -> str:
    """How lists name a project: its 项目名称 as written, else (blank or missing) the table title."""
    return name if name is not None and name.strip() else (title or "")
