"""User-facing failures: typed exceptions with a Chinese message naming the file and place.

Front ends (CLI, window) only display `str(error)`; they never build the text.
Every error a user can cause by what they open or type derives from `UserError`.
"""

from __future__ import annotations

from pathlib import Path

from core.names import shown


class UserError(Exception):
    """An error the user caused and can act on; its message is shown as is."""

    exit_status = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DocumentError(UserError):
    """A document that cannot be imported; the message names the file."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        # shown(): a newline in the name must not print a second, fake message line.
        super().__init__(f"{shown(self.path.name)}：{reason}")


class EmptyFileError(DocumentError):
    def __init__(self, path: str | Path) -> None:
        super().__init__(path, "文件是空的（0 字节），无法导入。")


class UnsupportedFormatError(DocumentError):
    pass


class CorruptFileError(DocumentError):
    pass


class EncryptedFileError(DocumentError):
    def __init__(self, path: str | Path) -> None:
        super().__init__(path, "文件设置了打开密码（已加密），请让报送单位提供未加密的版本。")


class ScannedPdfError(DocumentError):
    def __init__(self, path: str | Path) -> None:
        super().__init__(path, "PDF 中没有可提取的文字，可能是扫描件，没有文字层。请索取可编辑的电子版（.docx 或由文字生成的 PDF）。")


class NotAPerformanceDocumentError(DocumentError):
    def __init__(self, path: str | Path, detail: str = "") -> None:
        super().__init__(path, "没有找到预算绩效目标表（“绩效目标表”、一级/二级/三级指标表格），"
                               "这似乎不是部门预算绩效文本或预算公开文件。" + detail)


class ParseLimitError(DocumentError):
    """Parsing exceeded its time or memory limit (see core.importing.sandbox)."""


class WorkspaceError(UserError):
    """A workspace that cannot be opened or written; the message names the file."""


class Cancelled(Exception):  # a signal, not an error: front ends drop it silently
    """The user cancelled a long operation."""
