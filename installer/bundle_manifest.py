"""What goes into the installed program: the data files, the Qt parts kept, the hidden imports.

One place that the PyInstaller spec (installer/workbench.spec), the Debian build
(installer/build_deb.sh) and the tests (tests/installer/) all read, so the Linux
bundle and the Windows setup cannot drift apart silently. The data files come from
installer/manifest.txt; the Qt filters follow PLATFORM.md §4, written for both
Linux (``libqxcb.so``) and Windows (``qwindows.dll``) file names.

No PyInstaller import here: the tests use this module without building anything.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

# The one name the bundle, the executable, the Debian package, /opt/<NAME>, the
# /usr/bin launcher and the Windows install folder all share.
NAME = "jixiao-workbench"
TITLE = "预算绩效目标审核工作台"
TITLE_EN = "Budget Performance Review Workbench"
# PyInstaller >= 6 puts everything but the executable into this folder (sys._MEIPASS).
CONTENTS_DIR = "_internal"
# Windows only: a console twin of the windowed executable, for the command line and
# `--self-test` (a windowed .exe has no stdout). Linux needs one executable for both.
CLI_SUFFIX = "-cli"

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = Path(__file__).resolve().parent / "manifest.txt"
# Folders whose every file must be either shipped or left out on purpose in the manifest.
GUARDED_FOLDERS = ("resources", "core/store/migrations")
_NEVER_SHIPPED = ("__pycache__", ".pyc", ".pyo", ".DS_Store")


@dataclass(frozen=True)
class Entry:
    """One manifest line: files matching ``pattern`` go to folder ``dest`` in the bundle."""

    pattern: str
    dest: str
    line: int

    @property
    def recursive(self) -> bool:
        return self.pattern.endswith("/**")


@dataclass(frozen=True)
class Manifest:
    entries: tuple[Entry, ...]
    left_out: tuple[str, ...]


def read_manifest(path: Path = MANIFEST) -> Manifest:
    """Parse manifest.txt; a malformed line raises ValueError naming the line."""
    entries: list[Entry] = []
    left_out: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            left_out.append(line[1:].strip())
            continue
        parts = line.split()
        if len(parts) != 2 or parts[0].startswith("/") or ".." in parts[0].split("/"):
            raise ValueError(f"{path.name}:{number}: expected '<relative glob> <bundle folder>', got {raw!r}")
        entries.append(Entry(parts[0], parts[1].strip("/"), number))
    return Manifest(tuple(entries), tuple(left_out))


def _shippable(relative: Path) -> bool:
    return not any(part in _NEVER_SHIPPED or part.endswith(_NEVER_SHIPPED) for part in relative.parts)


def entry_files(entry: Entry, root: Path = ROOT) -> list[tuple[Path, str]]:
    """(source file, bundle-relative path of the file) for one manifest line, sorted."""
    pairs: list[tuple[Path, str]] = []
    if entry.recursive:
        base = root / entry.pattern[:-3]
        for file in sorted(base.rglob("*")) if base.is_dir() else []:
            if _shippable(file.relative_to(root)) and file.is_file():
                pairs.append((file, f"{entry.dest}/{file.relative_to(base).as_posix()}"))
    else:
        for file in sorted(root.glob(entry.pattern)):
            if _shippable(file.relative_to(root)) and file.is_file():
                pairs.append((file, f"{entry.dest}/{file.name}"))
    return pairs


def bundle_files(root: Path = ROOT, manifest: Manifest | None = None) -> dict[str, Path]:
    """Every data file of the bundle: path inside the contents folder -> source file."""
    manifest = manifest or read_manifest()
    files: dict[str, Path] = {}
    for entry in manifest.entries:
        for source, inside in entry_files(entry, root):
            files[inside] = source
    return files


def pyinstaller_datas(root: Path = ROOT, manifest: Manifest | None = None) -> list[tuple[str, str]]:
    """The spec's ``datas``: (source file, destination folder) pairs, one per file so that
    subfolders keep their place and nothing outside the manifest slips in."""
    return [(str(source), inside.rsplit("/", 1)[0]) for inside, source in sorted(bundle_files(root, manifest).items())]


def empty_entries(root: Path = ROOT, manifest: Manifest | None = None) -> list[Entry]:
    """Manifest lines that match no file: the build refuses to ship without them."""
    manifest = manifest or read_manifest()
    return [entry for entry in manifest.entries if not entry_files(entry, root)]


def unlisted_files(root: Path = ROOT, manifest: Manifest | None = None) -> list[str]:
    """Files in the guarded folders that the manifest neither ships nor leaves out."""
    manifest = manifest or read_manifest()
    shipped = {source.resolve() for source in bundle_files(root, manifest).values()}
    missing: list[str] = []
    for folder in GUARDED_FOLDERS:
        base = root / folder
        for file in sorted(base.rglob("*")) if base.is_dir() else []:
            relative = file.relative_to(root)
            if not file.is_file() or not _shippable(relative) or file.resolve() in shipped:
                continue
            if any(fnmatch.fnmatch(relative.as_posix(), pattern) for pattern in manifest.left_out):
                continue
            missing.append(relative.as_posix())
    return missing


# --- Qt: what to keep of PySide6 (PLATFORM.md §4) -------------------------------------
# platforminputcontexts: ibus/fcitx is how reviewers type Chinese. styles/: the native
# Windows look. Everything else under plugins/ (wayland, tls, networkinformation, qml
# tooling, sql drivers, …) is left out.
# PySide6's wheels put Qt under PySide6/Qt/ on Linux and straight under PySide6/ on Windows.
PLUGINS_DIR = re.compile(r"PySide6/(Qt/)?plugins/")
TRANSLATIONS_DIR = re.compile(r"PySide6/(Qt/)?translations/")
KEEP_PLUGINS = re.compile(
    r"PySide6/(Qt/)?plugins/("
    r"platforms/(lib)?q(offscreen|xcb|minimal|windows)\.(so|dll)$"
    r"|platforminputcontexts/|iconengines/|xcbglintegrations/|styles/"
    r"|imageformats/(lib)?q(jpeg|svg|gif|ico)\.(so|dll)$)"
)
KEEP_QM = re.compile(r"qt(base)?_(zh_CN|en)\.qm$")
QT_DROP = re.compile(
    r"^(lib)?Qt6(Network|Qml|Quick|WebEngine|WebChannel|Pdf|Wayland|WlShell|EglFS|EglFs|VirtualKeyboard|Designer)"
    r"|^Qt(Network|Qml|Quick|WebEngine|Pdf)\w*\.(abi3\.so|pyd)$"
)
# Host libraries pulled in only by the GTK3 platform-theme plugin, which is not kept.
SYS_DROP = re.compile(
    r"^lib(atk|cairo|pango|gdk|gtk|thai|datrie|fribidi|graphite2|pixman|gssapi|krb5|k5crypto"
    r"|com_err|keyutils|harfbuzz|epoxy)"
)

EXCLUDES = (
    "tkinter",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtDesigner",
    # Development tools that sit in the same virtualenv.
    "pytest",
    "_pytest",
    "pytestqt",
    "pikepdf",
    "ruff",
    "IPython",
    "sqlalchemy.testing",
    "alembic.testing",
    # PostgreSQL workspaces are a server set-up (pip install .[postgres]), not a workstation's.
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "psycopg_pool",
    "psycopg2",
    # AVIF images never occur in budget documents or memos.
    "PIL._avif",
    # python-docx and openpyxl use lxml.etree only.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "PIL.AvifImagePlugin",
    # Pillow only ever turns rendered memo pages into images (core/memo/preview.py): its text
    # drawing (FreeType, HarfBuzz, Brotli, libpng: about 4 MB) and WebP are never used, and
    # their room holds the memo's official-document faces (resources/fonts/README.md).
    "PIL._imagingft",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    # No TLS: the program never connects anywhere (hashlib falls back to its built-ins).
    "ssl",
    "_ssl",
)
# --- pdfminer: the CMaps Simplified-Chinese documents need ------------------------------
# pdfminer reads a CMap file only for a font that is not embedded with Identity-H/V (the
# identity maps are built in) and a CID font without its own ToUnicode map. Budget
# documents are Simplified Chinese, so only Adobe-GB1 (GB2312, GBK, GB 18030, UniGB-*)
# stays; Adobe-CNS1 (Big5/HK), Adobe-Japan1 and Adobe-Korea1 (7.9 -> 2.1 MB) go. A PDF
# that needs a dropped map still opens (pdfminer falls back to an empty map): only the
# text set in such a non-embedded Traditional/Japanese/Korean font is lost.
CMAP_FILE = re.compile(r"(^|/)pdfminer/cmap/([^/]+)$")
KEEP_CMAP = re.compile(r"^(UniGB-|GB|to-unicode-Adobe-GB1\.|README)")

# Folders the Linux host's own shared libraries come from. The Debian package depends on
# their packages instead of carrying copies (dpkg-shlibdeps in build_deb.sh turns them into
# versioned Depends); libpython stays, the bootloader loads it from the bundle by path.
HOST_LIB_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def keep(dest: str, source: str = "") -> bool:
    """Whether a PyInstaller TOC entry (destination name, source path) stays in the bundle."""
    dest = dest.replace("\\", "/")
    if "/" not in dest and source.startswith(HOST_LIB_DIRS) and not dest.startswith("libpython"):
        return False
    if PLUGINS_DIR.search(dest) and not KEEP_PLUGINS.search(dest):
        return False
    if TRANSLATIONS_DIR.search(dest) and not KEEP_QM.search(dest):
        return False
    cmap = CMAP_FILE.search(dest)
    if cmap and not KEEP_CMAP.match(cmap.group(2)):
        return False
    name = dest.rsplit("/", 1)[-1]
    return not (QT_DROP.search(name) or ("/" not in dest and SYS_DROP.search(name)))


# --- hidden imports -------------------------------------------------------------------
def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_modules(root: Path = ROOT) -> list[str]:
    """Every module of core/ and ui/. The program imports most of them lazily (the
    subcommands of core.cli, the window only for `gui`, the readers on first import),
    which PyInstaller's analysis cannot see. Migration scripts are not modules: Alembic
    loads them from files, so they travel as data (manifest.txt)."""
    modules = []
    for package in ("core", "ui"):
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.relative_to(root).parts:
                continue
            modules.append(_module_name(path, root))
    return modules


def migration_imports(root: Path = ROOT) -> list[str]:
    """Modules the migration scripts import (read from their source): Alembic runs them
    from files at run time, so their imports must be bundled on purpose."""
    names: set[str] = set()
    base = root / "core" / "store" / "migrations"
    for path in sorted(base.rglob("*.py")) if base.is_dir() else []:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    names.discard("__future__")
    return sorted(names)


# --- ICU data (Linux) -----------------------------------------------------------------
ICU_DATA = re.compile(r"(^|/)libicudata\.so\.\d+$")


def slim_icu(binaries: list[tuple[str, str, str]], workdir: Path) -> list[tuple[str, str, str]]:
    """Swap Qt's 31 MB ICU data library for the reduced one of installer/icu_slim.py.

    Without its tools (icupkg, gcc, readelf) the full library stays and a warning says so:
    the bundle works either way, it is only 21 MB larger."""
    import shutil
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import icu_slim

    result = []
    for dest, source, kind in binaries:
        if ICU_DATA.search(dest.replace("\\", "/")):
            missing = [tool for tool in ("icupkg", "gcc", "readelf") if shutil.which(tool) is None]
            if missing:
                print(f"WARNING: full ICU data bundled; missing {', '.join(missing)} "
                      "(apt-get install icu-devtools gcc binutils)", file=sys.stderr)
            else:
                source = str(icu_slim.slim(Path(source), workdir / "icu-slim"))
        result.append((dest, source, kind))
    return result
